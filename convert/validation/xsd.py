"""XML Schema validation with lxml: the schema is compiled once per process.

Parsers are the hardened ones of :mod:`convert.formats.safexml`; documents
with a DOCTYPE are refused before parsing (see ``stream.py``).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from convert.errors import ConvertError
from convert.formats.safexml import xml_parser

if TYPE_CHECKING:
    from lxml import etree


@functools.cache
def compiled(path: Path) -> etree.XMLSchema:
    """The XSD at ``path``, compiled (its relative imports, e.g. ``xml.xsd``, resolve
    beside it; nothing is fetched from the network)."""
    from lxml import etree

    try:
        return etree.XMLSchema(etree.parse(str(path), xml_parser()))
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        raise ConvertError(f"cannot compile XML Schema: {error}", source=str(path),
                           code="schema") from None


#: libxml2 stores line numbers up to this in the node itself; beyond it the
#: line of an element is taken from its first text child, which libxml2
#: records where that text *ends*.
_BIG_LINE = 65535


def element_line(element: Any) -> int | None:
    """The line an element's start tag is on, also beyond line 65535."""
    line = element.sourceline
    if line is not None and line >= _BIG_LINE and isinstance(element.text, str):
        return int(line - element.text.count("\n"))
    return int(line) if line is not None else None


def errors(schema: etree.XMLSchema, element: Any) -> list[tuple[int | None, int | None, str]]:
    """(line, column, message) of every XSD error in ``element`` (a tree or an
    element, validated as if it were the document root; lines are the file's)."""
    if schema.validate(element):
        return []
    # lxml-stubs 0.5 declares _ErrorLog empty; it iterates over _LogEntry objects
    return [(_entry_line(entry, element), entry.column or None, entry.message)
            for entry in schema.error_log]  # type: ignore[attr-defined]


def _entry_line(entry: Any, element: Any) -> int | None:
    """The error's line, corrected through its node's path when it is a big line."""
    if entry.line < _BIG_LINE or not entry.path or not entry.path.startswith("/*"):
        return entry.line or None
    root = element.getroot() if hasattr(element, "getroot") else element
    nodes = root.xpath("." + entry.path[2:])
    return element_line(nodes[0]) if nodes and hasattr(nodes[0], "sourceline") else entry.line
