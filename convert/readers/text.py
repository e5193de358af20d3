"""Plain-text article reader: the step pipeline of :mod:`convert.textparse`."""

from __future__ import annotations

from convert.model import Document
from convert.options import ReadOptions
from convert.textparse.pipeline import ParseResult, parse, prepare

__all__ = ["prepare", "read", "trace"]


def read(data: bytes, options: ReadOptions) -> Document:
    return parse(data, options).document


def trace(data: bytes, options: ReadOptions) -> ParseResult:
    """The document with every step's decisions (what ``newsconvert inspect`` shows)."""
    return parse(data, options)
