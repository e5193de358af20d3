"""Text that XML 1.0 can hold, shared by every writer of XML and the JUnit report."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from convert.model import Document

#: Characters XML 1.0 cannot hold: C0 controls but tab and line breaks,
#: surrogates, U+FFFE and U+FFFF (listed, not as the complement of the
#: allowed ranges, which takes ten times as long to compile).  Compiled on first
#: use: the validator imports this module for its report.
NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


@cache
def _not_xml() -> re.Pattern[str]:
    return re.compile(NOT_XML)


def without_not_xml(text: str, replacement: str = "") -> str:
    """``text`` with each character XML cannot hold replaced (by default, removed)."""
    return _not_xml().sub(replacement, text)


def xml_safe(doc: Document) -> Document:
    """``doc`` without the characters XML 1.0 cannot hold, anywhere in its text (a model pass)."""
    from convert.model import map_text

    return map_text(doc, without_not_xml)
