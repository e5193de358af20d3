"""newsconvert: plain-text news articles to NewsML-G2, ninjs, JSON, HTML and EPUB.

The library API mirrors the command line::

    import convert
    doc = convert.read("article.txt")            # -> convert.Document
    xml = convert.write(doc, "newsml")           # -> bytes
    report = convert.validate(["out.xml"])       # -> convert.validate.Report
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from convert.validate import Report

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
