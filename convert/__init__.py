"""newsconvert: plain-text news articles to NewsML-G2, ninjs, JSON, HTML and EPUB.

The library API mirrors the command line::

    import convert
    doc = convert.read("article.txt")            # -> convert.Document
    xml = convert.write(doc, "newsml")           # -> bytes
    report = convert.validate(["out.xml"])       # -> convert.validate.Report
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from convert.api import read, read_all, write
    from convert.errors import ConvertError
    from convert.model import (
        Block,
        Byline,
        Dateline,
        Document,
        Emphasis,
        Figure,
        Heading,
        Link,
        ListBlock,
        Note,
        Paragraph,
        ParseWarning,
        Provenance,
        Quote,
        Strong,
    )
    from convert.options import ReadOptions, WriteOptions
    from convert.validate import Report

#: Where each public name lives.  They are imported on first use (PEP 562), so
#: ``newsconvert --help``, which imports this package, does not pay for the model.
_LAZY_EXPORTS = {
    **dict.fromkeys(("read", "read_all", "write"), "convert.api"),
    "ConvertError": "convert.errors",
    **dict.fromkeys(("Block", "Byline", "Dateline", "Document", "Emphasis", "Figure", "Heading",
                     "Link", "ListBlock", "Note", "Paragraph", "ParseWarning", "Provenance",
                     "Quote", "Strong"), "convert.model"),
    **dict.fromkeys(("ReadOptions", "WriteOptions"), "convert.options"),
}


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


def validate(paths: list[str], **options: Any) -> Report:
    """Validate files of any supported format (see ``newsconvert validate``)."""
    from convert.validate import validate_paths

    return validate_paths(paths, **options)


__all__ = [
    "Block", "Byline", "ConvertError", "Dateline", "Document", "Emphasis", "Figure", "Heading",
    "Link", "ListBlock", "Note", "Paragraph", "ParseWarning", "Provenance", "Quote",
    "ReadOptions", "Strong", "WriteOptions", "read", "read_all", "validate", "write",
]
