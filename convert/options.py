"""Options passed to readers and writers (one small frozen record each)."""

from __future__ import annotations

from dataclasses import dataclass

from convert.formats.ninjs import DEFAULT_VERSION


@dataclass(frozen=True)
class ReadOptions:
    #: The name used in messages and warnings: a path, or ``<stdin>``.
    source_name: str = "<stdin>"
    #: Force an input encoding instead of detecting it (text reader).
    encoding: str | None = None
    #: The document's language (BCP 47), instead of what the input says or
    #: what detection finds.
    language: str | None = None
    #: Fields set after reading (``--metadata KEY=VALUE``; see
    #: :func:`convert.model.with_metadata`).
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WriteOptions:
    #: ninjs version to write: "3.1", "2.2" or "1.6".
    ninjs_version: str = DEFAULT_VERSION
    #: HTML: only the ``<article>`` element, for embedding.
    fragment: bool = False
    #: HTML/EPUB: a stylesheet (its text) used instead of the built-in one.
    css: str | None = None
    #: Multi-document outputs (EPUB bundle, NewsML-G2 newsMessage).
    title: str | None = None
    author: str | None = None
    language: str | None = None
    group_by: str = "none"
    #: EPUB cover: None (no cover), "auto" (generated SVG) or an image path.
    cover: str | None = None
    #: Canonical JSON holding several documents: JSON Lines instead of an array.
    json_lines: bool = False
