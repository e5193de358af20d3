"""The canonical news document.

Plain frozen dataclasses: no I/O and no knowledge of any file format. Every
reader produces a :class:`Document` and every writer consumes one, so a writer
never has to re-parse text.

Inline text is a tuple of *inlines*: plain ``str`` runs mixed with
:class:`Emphasis`, :class:`Strong` and :class:`Link` nodes.  Dates are kept as
ISO 8601 strings because their precision matters: ``"2014-10-06"`` (a date
only) is not the same statement as ``"2014-10-06T00:00:00"``.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Literal, TypeVar, Union, cast

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True)
class Emphasis:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    content: tuple[Inline, ...]
    href: str


Inline = Union[str, Emphasis, Strong, Link]
Inlines = tuple[Inline, ...]


def plain_text(inlines: Inlines) -> str:
    """The text of ``inlines`` with all markup removed."""
    return "".join(
        part if isinstance(part, str) else plain_text(part.content) for part in inlines
    )


# ---------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    type: Literal["paragraph"] = field(default="paragraph", init=False)


@dataclass(frozen=True)
class Heading:
    content: Inlines
    level: int = 2
    type: Literal["heading"] = field(default="heading", init=False)


@dataclass(frozen=True)
class Quote:
    """A block quote (or pull quote); ``attribution`` names who said it."""

    content: Inlines
    attribution: str | None = None
    type: Literal["quote"] = field(default="quote", init=False)


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Inlines, ...]
    ordered: bool = False
    type: Literal["list"] = field(default="list", init=False)


@dataclass(frozen=True)
class Figure:
    """A photo or video with its caption; ``src`` is absent for text-only input."""

    caption: Inlines
    credit: str | None = None
    src: str | None = None
    type: Literal["figure"] = field(default="figure", init=False)


NoteKind = Literal["correction", "editors-note", "note"]


@dataclass(frozen=True)
class Note:
    """A correction or editor's note: content, shown apart from the story."""

    content: Inlines
    kind: NoteKind = "note"
    type: Literal["note"] = field(default="note", init=False)


@dataclass(frozen=True)
class Table:
    """Rows of cells: an earnings, results or price table in wire copy (``Shr 28 cts vs
    22 cts``, or columns aligned with spaces).  A row may have fewer cells than others
    (a label over the rows below it)."""

    rows: tuple[tuple[Inlines, ...], ...]
    type: Literal["table"] = field(default="table", init=False)


Block = Union[Paragraph, Heading, Quote, ListBlock, Figure, Note, Table]
BLOCK_TYPES: dict[str, type] = {
    "paragraph": Paragraph,
    "heading": Heading,
    "quote": Quote,
    "list": ListBlock,
    "figure": Figure,
    "note": Note,
    "table": Table,
}

# ---------------------------------------------------------------- metadata


@dataclass(frozen=True)
class Byline:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Dateline:
    place: str | None = None
    date_text: str | None = None


@dataclass(frozen=True)
class ParseWarning:
    """Something a reader had to guess or drop; ``line`` is 1-based in the input."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class DroppedText:
    """Input text deliberately left out of the document (known boilerplate).

    Kept here so that nothing is lost silently: ``inspect`` and the canonical
    JSON show what was dropped, from which line, and why.
    """

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Provenance:
    """Where a document came from. Not part of document equality."""

    format: str
    encoding: str | None = None
    warnings: tuple[ParseWarning, ...] = ()
    dropped: tuple[DroppedText, ...] = ()


@dataclass(frozen=True)
class Document:
    id: str
    headline: str | None = None
    version: int = 1
    language: str | None = None
    subheadline: str | None = None
    slugline: str | None = None
    bylines: tuple[Byline, ...] = ()
    dateline: Dateline | None = None
    published: str | None = None
    updated: str | None = None
    source: str | None = None
    copyright: str | None = None
    url: str | None = None
    keywords: tuple[str, ...] = ()
    summary: str | None = None
    body: tuple[Block, ...] = ()
    #: Metadata a reader found but the model has no field for, kept so that a
    #: round trip loses nothing (name -> value, sorted by name).
    extra: tuple[tuple[str, str], ...] = ()
    provenance: Provenance = field(default=Provenance("unknown"), compare=False)


def with_metadata(doc: Document, pairs: Sequence[tuple[str, str]]) -> Document:
    """``doc`` with fields set from ``KEY=VALUE`` pairs (``--metadata``):
    any text or number field of :class:`Document` by name, ``keywords`` as a
    comma-separated list.  Raises ``ValueError`` naming the keys it takes."""
    settable = metadata_keys()
    changes: dict[str, object] = {}
    for key, value in pairs:
        kind = settable.get(key)
        if kind is None:
            raise ValueError(f"unknown metadata key {key!r}; known: {', '.join(settable)}")
        if kind == "int":
            if not value.isdigit():
                raise ValueError(f"metadata {key} must be a whole number, not {value!r}")
            changes[key] = int(value)
        elif kind == "list":
            changes[key] = tuple(part.strip() for part in value.split(",") if part.strip())
        else:
            changes[key] = value
    return replace(doc, **changes) if changes else doc  # type: ignore[arg-type]


def metadata_keys() -> dict[str, str]:
    """The fields ``--metadata`` can set, and their kind (text, int, list)."""
    kinds = {"str | None": "text", "str": "text", "int": "int", "tuple[str, ...]": "list"}
    return {item.name: kinds[str(item.type)] for item in fields(Document)
            if str(item.type) in kinds and item.name != "id"}


ID_NAMESPACE = uuid.UUID("6f1d3f4e-2b9a-5c4e-9a57-6e657773636f")


def content_id(headline: str | None, body_text: str) -> str:
    """A stable id derived from the content: the same article, the same id.

    A ``urn:uuid:`` (UUID version 5) so that every target format (NewsML-G2
    ``guid``, ninjs ``uri``, EPUB ``dc:identifier``) can carry it as-is.
    """
    digest = hashlib.sha256(f"{headline or ''}\n{body_text}".encode()).hexdigest()
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, digest)}"


def block_text(block: Block) -> str:
    """The plain text of one body block (list items and table rows joined by newlines,
    a row's cells by tabs)."""
    if isinstance(block, ListBlock):
        return "\n".join(plain_text(item) for item in block.items)
    if isinstance(block, Table):
        return "\n".join("\t".join(plain_text(cell) for cell in row) for row in block.rows)
    if isinstance(block, Figure):
        return plain_text(block.caption)
    return plain_text(block.content)


def body_text(blocks: tuple[Block, ...]) -> str:
    return "\n\n".join(block_text(block) for block in blocks)


# ---------------------------------------------------------------- passes

Node = TypeVar("Node")


def map_text(node: Node, change: Callable[[str], str]) -> Node:
    """``node`` (a Document or any part of one) with ``change`` applied to every
    string in it: text, attributes, metadata and provenance alike.

    The model's one generic traversal (pandoc-types' ``walk``), so a clean-up
    over all text is a pass over the tree, not a trip through a file format.
    """
    if isinstance(node, str):
        return cast(Node, change(node))
    if isinstance(node, tuple):
        return cast(Node, tuple(map_text(item, change) for item in node))
    if is_dataclass(node) and not isinstance(node, type):
        changed = {part.name: map_text(getattr(node, part.name), change)
                   for part in fields(node) if part.init}
        return cast(Node, replace(node, **changed))
    return node
