"""Clean-ups over the parsed Document (passes over the model, not parser special cases).

Each transform takes the document and a ``log(message)`` callback and returns
a new document; ``TRANSFORMS`` is their order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from dataclasses import replace

from convert.model import Block, Document, Paragraph, Quote, block_text
from convert.textparse.inline import squash

Log = Callable[[str], None]

#: A pull quote repeats at least this much of the text (shorter repeats are coincidence).
MIN_PULL_QUOTE = 20
_QUOTE_MARKS = "\"'“”‘’«»„‚‹› "


def _folded(text: str) -> str:
    return squash(text).casefold()  # str.split's whitespace is re's \s


def drop_repeated_headline(doc: Document, log: Log) -> Document:
    """A body paragraph that only repeats the headline is the page printing it twice."""
    if not doc.headline:
        return doc
    head = _folded(doc.headline)
    body = tuple(b for b in doc.body
                 if not (isinstance(b, Paragraph) and _folded(block_text(b)) == head))
    if len(body) != len(doc.body):
        log(f"dropped {len(doc.body) - len(body)} body paragraph(s) repeating the headline")
    subheadline = doc.subheadline
    if subheadline and _folded(subheadline) == head:
        log("subheadline only repeats the headline: removed")
        subheadline = None
    if len(body) == len(doc.body) and subheadline == doc.subheadline:
        return doc
    return replace(doc, body=body, subheadline=subheadline)


#: Where a sentence ends or a quotation opens or closes: a pull quote starts and ends there.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|\s+(?=[“\"‘«„‚‹'])|(?<=[”\"’»›'])\s+")
#: A pull quote repeats at most this many consecutive sentences (a short paragraph).
MAX_PULL_QUOTE_SENTENCES = 4


def _sentence_runs(text: str) -> Iterator[str]:
    """Each run of up to ``MAX_PULL_QUOTE_SENTENCES`` consecutive sentences of
    ``text`` (folded), without the quote marks around it."""
    sentences = _SENTENCE_BREAK.split(text)
    for first in range(len(sentences)):
        for last in range(first + 1, min(first + MAX_PULL_QUOTE_SENTENCES, len(sentences)) + 1):
            yield " ".join(sentences[first:last]).strip(_QUOTE_MARKS)


def mark_pull_quotes(doc: Document, log: Log) -> Document:
    """A short paragraph repeating sentences of a longer block is a pull quote.

    Every block's runs of sentences are indexed once, with the length of the
    longest block holding each: linear in the text, where comparing every
    paragraph with every other one was quadratic in their number.
    """
    texts = [_folded(block_text(b)) for b in doc.body]
    if not _may_repeat(doc.body, texts):
        return doc
    longest_holder: dict[str, int] = {}
    for text in texts:
        for run in _sentence_runs(text):
            if len(run) >= MIN_PULL_QUOTE and longest_holder.get(run, -1) < len(text):
                longest_holder[run] = len(text)
    blocks: list[Block] = []
    for block, text in zip(doc.body, texts):
        if isinstance(block, Paragraph) and longest_holder.get(
                text.strip(_QUOTE_MARKS), -1) > len(text):
            log(f"pull quote (repeats the text): {block_text(block)[:60]!r}")
            blocks.append(Quote(block.content))
        else:
            blocks.append(block)
    return replace(doc, body=tuple(blocks))


def _may_repeat(blocks: tuple[Block, ...], texts: list[str]) -> bool:
    """Could a paragraph repeat another block's text?  Its folded text (no line breaks)
    would then be in the article twice, there and in the other block: one search per
    paragraph spares nearly every article the index of sentence runs."""
    article = "\n".join(texts)
    return any(isinstance(block, Paragraph) and len(quoted := text.strip(_QUOTE_MARKS))
               >= MIN_PULL_QUOTE and article.count(quoted) > 1
               for block, text in zip(blocks, texts))


TRANSFORMS: list[tuple[str, Callable[[Document, Log], Document]]] = [
    ("drop-repeated-headline", drop_repeated_headline),
    ("mark-pull-quotes", mark_pull_quotes),
]


def apply_transforms(doc: Document, log: Callable[[str, str], None]) -> Document:
    for name, transform in TRANSFORMS:
        doc = transform(doc, partial(log, name))
    return doc
