"""Step ``body``: the chunks no step claimed, and the captions, -> model blocks.

Text chunks become paragraphs (the dateline prefix removed from the first),
``>`` and indented quotes become ``Quote``, runs of list items one
``ListBlock``, table chunks a ``Table``, ``##`` lines headings, correction and editor's notes ``Note``
(a leading bullet is a marker, not text), captions ``Figure`` in place.
An article left with no text block is refused (``no-body``), and so is a paywall
stub: a subscription pitch dropped and no paragraph of story length (``paywall-stub``).
"""

from __future__ import annotations

import re
import unicodedata

from convert.model import (
    Block, DroppedText, Figure, Heading, Inlines, ListBlock, Note, NoteKind, Paragraph, Quote, Table,
    block_text,
)
from convert.textparse.inline import clean_text, to_inlines
from convert.textparse.state import Chunk, ParseState

_HEADING = re.compile(r"^(#{2,6})\s+(.+?)\s*#*$")
_NOTES: tuple[tuple[NoteKind, re.Pattern[str]], ...] = (
    ("editors-note", re.compile(
        r"^(?:editor['’]?s['’]?\s+note|note from the editor|nota del editor|nota de la redacción|"
        r"note de la rédaction|anmerkung der redaktion|от редакции|ملاحظة المحرر)\b", re.I)),
    ("correction", re.compile(
        r"^(?:corrections?\b|correction and clarification|this (?:article|story|report|piece) "
        r"(?:was|has been) (?:amended|corrected|updated to correct|changed)|an earlier version "
        r"of this|rectificatif|correctif|erratum|korrektur|berichtigung|fe de errores|"
        r"corrección|исправление|تصحيح|更正)", re.I)),
    ("note", re.compile(r"^(?:clarification|note to readers|update)\s*[:：]", re.I)),
)
TEXT_BLOCKS = (Paragraph, Quote, ListBlock, Note, Table)


def body(state: ParseState) -> None:
    blocks: list[Block] = []
    for chunk in state.chunks:
        if chunk.role == "caption" and chunk.caption:
            blocks.append(Figure(to_inlines(chunk.caption[0]), credit=chunk.caption[1]))
        elif chunk.role is None and chunk.open_lines:
            block = _block(chunk)
            if isinstance(block, ListBlock) and blocks and isinstance(blocks[-1], ListBlock) and (
                    blocks[-1].ordered == block.ordered):
                blocks[-1] = ListBlock(blocks[-1].items + block.items, block.ordered)
            elif block is not None:
                blocks.append(block)
            if block is not None:
                state.decide(chunk.line, f"{block.type}: {_preview(block)!r}")
    state.body = blocks
    state.decide(None, f"body: {len(blocks)} blocks")
    if not any(isinstance(block, TEXT_BLOCKS) for block in blocks):
        raise state.error("no-body", "no article body: nothing is left once the headline, "
                          "metadata and boilerplate are taken out")
    pitch = _paywall_stub(state, blocks)
    if pitch is not None:
        raise state.error("paywall-stub", f"no story: the body is a subscription or log-in "
                          f"stub ({pitch.text!r}) and no paragraph of story length is left",
                          pitch.line)


#: A paragraph of the story has at least this display width (wide CJK characters count
#: two): a stub's "for subscribers only" lines are shorter.
STORY_PARAGRAPH = 100
#: Boilerplate reasons that show a paywall: the story is behind it.
PAYWALL_REASONS = {"subscription"}


def _paywall_stub(state: ParseState, blocks: list[Block]) -> DroppedText | None:
    """The dropped pitch line when the file is a paywall stub, else None.

    Two pieces of evidence together: a subscription or log-in pitch was dropped, and
    no body paragraph has the width of a story paragraph.  Either alone is common (a
    pitch under a full story; a short brief), so neither alone refuses a file.
    """
    pitch = next((d for d in state.dropped if d.reason in PAYWALL_REASONS), None)
    if pitch is None:
        return None
    widest = max((_width(block_text(block)) for block in blocks
                  if isinstance(block, TEXT_BLOCKS)), default=0)
    return pitch if widest < STORY_PARAGRAPH else None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _preview(block: Block) -> str:
    text = block_text(block)
    return text if len(text) <= 60 else text[:57] + "..."


def _block(chunk: Chunk) -> Block | None:
    if chunk.kind == "table" and chunk.cells:
        return Table(tuple(tuple(to_inlines(cell) for cell in row) for row in chunk.cells))
    content = _content(chunk)
    if not content:
        return None
    text = clean_text(" ".join(line.text for line in chunk.open_lines))
    for kind, pattern in _NOTES:
        if pattern.match(text):
            return Note(content, kind)
    if chunk.kind == "quote":
        return Quote(content)
    if chunk.kind == "item":
        return ListBlock((content,), chunk.ordered)
    heading = _HEADING.match(text)
    if heading:
        return Heading(to_inlines(heading.group(2)), len(heading.group(1)))
    return Paragraph(content)


def _content(chunk: Chunk) -> Inlines:
    raw = " ".join(line.text.strip() for line in chunk.open_lines)
    content = to_inlines(raw)
    if chunk.prefix:
        content = _without_prefix(content, chunk.prefix)
    return content


def _without_prefix(content: Inlines, prefix: str) -> Inlines:
    """``content`` without the dateline text at its start (compared whitespace-blind)."""
    if not content or not isinstance(content[0], str):
        return content
    first, wanted = content[0], re.sub(r"\s+", "", prefix)
    taken, index = 0, 0
    while index < len(first) and taken < len(wanted):
        if not first[index].isspace():
            if first[index] != wanted[taken]:
                return content
            taken += 1
        index += 1
    if taken < len(wanted):
        return content
    rest = first[index:].lstrip()
    return ((rest,) if rest else ()) + content[1:]
