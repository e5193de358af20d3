"""newsconvert: plain-text news articles to NewsML-G2, ninjs, JSON, HTML and EPUB.

The library API mirrors the command line::

    import convert
    doc = convert.read("article.txt")            # -> convert.Document
    xml = convert.write(doc, "newsml")           # -> bytes
    report = convert.validate(["out.xml"])       # -> convert.validation.Report
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from convert import regexcache

# Before any of the package's modules compiles its patterns (see convert.regexcache; the
# command line also turns on convert.codecache, which a program importing the library
# does not get).
regexcache.preload()

if TYPE_CHECKING:
    from convert.api import read, read_all, write
    from convert.errors import ConvertError
    from convert.model import *  # noqa: F403  (the names of __all__ below, typed)
    from convert.options import ReadOptions, WriteOptions
    from convert.validation import Report

#: Where each public name lives.  They are imported on first use (PEP 562), so
#: ``newsconvert --help``, which imports this package, does not pay for the model.
_LAZY_EXPORTS = {
    **dict.fromkeys(("read", "read_all", "write"), "convert.api"),
    "ConvertError": "convert.errors",
    **dict.fromkeys(("Block", "Byline", "Dateline", "Document", "Emphasis", "Figure", "Heading",
                     "Link", "ListBlock", "Note", "Paragraph", "ParseWarning", "Provenance",
                     "Quote", "Strong", "Table"), "convert.model"),
    **dict.fromkeys(("ReadOptions", "WriteOptions"), "convert.options"),
}


if not TYPE_CHECKING:  # hidden from type checkers, which would take any name as Any

    def __getattr__(name: str) -> Any:
        module = _LAZY_EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module 'convert' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY_EXPORTS})


__version__ = "0.1.0"


def validate(paths: Iterable[str | os.PathLike[str]], *, format_hint: str | None = None,
             schema: str | None = None, strict: bool = False) -> Report:
    """Validate files of any supported format (see ``newsconvert validate``;
    the options are :func:`convert.validation.validate_paths`'s)."""
    from convert.validation import validate_paths

    return validate_paths(paths, format_hint=format_hint, schema=schema, strict=strict)


__all__ = [
    "Block", "Byline", "ConvertError", "Dateline", "Document", "Emphasis", "Figure", "Heading",
    "Link", "ListBlock", "Note", "Paragraph", "ParseWarning", "Provenance", "Quote",
    "ReadOptions", "Strong", "Table", "WriteOptions", "read", "read_all", "validate", "write",
]
