"""Clean-ups over the parsed Document (passes over the model, not parser special cases).

Each transform takes the document and a ``log(message)`` callback and returns
a new document; ``TRANSFORMS`` is their order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from dataclasses import replace

from convert.model import Block, Document, Paragraph, Quote, block_text

Log = Callable[[str], None]

#: A pull quote repeats at least this much of the text (shorter repeats are coincidence).
MIN_PULL_QUOTE = 20
_QUOTE_MARKS = "\"'“”‘’«»„‚‹› "


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


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
    return replace(doc, body=body, subheadline=subheadline)


def mark_pull_quotes(doc: Document, log: Log) -> Document:
    """A short paragraph repeating a sentence of another one is a pull quote."""
    texts = [_folded(block_text(b)) for b in doc.body]
    blocks: list[Block] = []
    for index, block in enumerate(doc.body):
        core = texts[index].strip(_QUOTE_MARKS)
        if isinstance(block, Paragraph) and len(core) >= MIN_PULL_QUOTE and any(
                core in other and len(other) > len(texts[index])
                for i, other in enumerate(texts) if i != index):
            log(f"pull quote (repeats the text): {block_text(block)[:60]!r}")
            blocks.append(Quote(block.content))
        else:
            blocks.append(block)
    return replace(doc, body=tuple(blocks))


TRANSFORMS: list[tuple[str, Callable[[Document, Log], Document]]] = [
    ("drop-repeated-headline", drop_repeated_headline),
    ("mark-pull-quotes", mark_pull_quotes),
]


def apply_transforms(doc: Document, log: Callable[[str, str], None]) -> Document:
    for name, transform in TRANSFORMS:
        doc = transform(doc, partial(log, name))
    return doc
