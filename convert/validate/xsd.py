"""XML Schema validation with lxml: the schema is compiled once per process.

Parsers here are hardened (no entities, no network, no DTD, no huge trees);
documents with a DOCTYPE are refused before parsing (see ``stream.py``).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from convert.errors import ConvertError

if TYPE_CHECKING:
    from lxml import etree


def secure_parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False)


@functools.cache
def compiled(path: Path) -> etree.XMLSchema:
    """The XSD at ``path``, compiled (its relative imports, e.g. ``xml.xsd``, resolve
    beside it; nothing is fetched from the network)."""
    from lxml import etree

    try:
        return etree.XMLSchema(etree.parse(str(path), secure_parser()))
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        raise ConvertError(f"cannot compile XML Schema: {error}", source=str(path),
                           code="schema") from None


def errors(schema: etree.XMLSchema, element: Any) -> list[tuple[int | None, int | None, str]]:
    """(line, column, message) of every XSD error in ``element`` (a tree or an
    element, validated as if it were the document root; lines are the file's)."""
    if schema.validate(element):
        return []
    return [(entry.line or None, entry.column or None, entry.message)
            for entry in schema.error_log]
