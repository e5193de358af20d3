"""NewsML-G2 files validated streaming, item by item, in flat memory.

A newsMessage may be a 1 GB feed.  It is read with ``lxml.etree.iterparse``:
each item under ``itemSet`` is validated when its end tag is read, as a
standalone item document against the same XSD (the message's ``itemSet``
holds its items with ``processContents="lax"``, so the XSD validates them by
their own global declaration exactly the same way), then removed from the
tree.  The message envelope is validated at the end with its first item
still in place (``itemSet`` needs one); findings are de-duplicated.
Our rules (``rules.py``) run on each item in the same pass.

A file already read into memory (the runner reads small files whole) is
parsed in one call instead, which is about twice as fast as ``iterparse``
for a small item, and its items are then visited in the order ``iterparse``
would give them (end tags), so the findings are the same.  When such a file
is not well-formed it is parsed again streaming, so that the items before the
error are still checked and the error is reported exactly as for a big file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from convert.formats.newsml import NAR_TAG_PREFIX as NAR
from convert.formats.safexml import (
    HARDENED, declares_doctype, declares_doctype_in, syntax_problem, xml_parser,
)
from convert.validation import builtin, xsd
from convert.validation.results import Finding
from convert.validation.rules import Hit, NewsmlRules
from convert.validation.sources import SchemaSet

#: The item types the NewsML-G2 XSD declares as global elements.
ITEM_TYPES = frozenset(f"{NAR}{name}" for name in (
    "newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"))
_ITEM_TAGS = sorted(ITEM_TYPES)

#: Bytes read at a time while looking for the root element's start tag.
_PROLOG_CHUNK = 65536


def _chunks(path: str | Path, head: bytes) -> Iterator[bytes]:
    """The file's bytes in chunks: ``head`` (its first bytes), then the rest."""
    yield head
    with open(path, "rb") as stream:
        stream.seek(len(head))
        while chunk := stream.read(_PROLOG_CHUNK):
            yield chunk


class NewsmlCheck:
    """Validates one NewsML-G2 file; ``run()`` returns its findings."""

    def __init__(self, path: str | Path, display: str, schemas: SchemaSet) -> None:
        self.path = path
        self.display = display
        self.schema = xsd.compiled(schemas.newsml_xsd.path) if schemas.newsml_xsd else None
        self.rules = NewsmlRules(schemas.catalog.path if schemas.catalog else None)
        self.root_name = "unknown"
        self.findings: list[Finding] = []
        self._seen: set[tuple[int | None, str]] = set()

    @property
    def validator(self) -> str:
        return "xsd" if self.schema is not None else "built-in"

    def run(self, head: bytes, whole: bytes | None = None) -> list[Finding]:
        """Validate the file; ``head`` is its first bytes, ``whole`` all of it
        when the caller has read it."""
        if (declares_doctype_in(whole) if whole is not None
                else declares_doctype(_chunks(self.path, head))):
            self._add(1, None, "error", "doctype", "DOCTYPE declarations are refused "
                      "(entities and external DTDs are a security risk)", "xml")
            return self.findings
        if whole is not None:
            try:
                root = etree.fromstring(whole, _parser())
            except etree.XMLSyntaxError:
                pass  # streamed below, for the same findings as a big file
            else:
                self._walk(_end_order(root))
                self._root(root)
                return self.findings
        # Only item end tags reach Python (lxml filters the rest in C).
        events = etree.iterparse(str(self.path), events=("end",), tag=_ITEM_TAGS,
                                 remove_pis=True, **HARDENED)
        try:
            self._walk(element for _, element in events)
        except etree.XMLSyntaxError as error:
            line, column, message = syntax_problem(error)
            self._add(line, column, "error", "syntax", f"not well-formed XML: {message}", "xml")
            return self.findings
        self._root(events.root)
        return self.findings

    def _walk(self, items: Iterable[Any]) -> None:
        """Check every item of an ``itemSet`` in ``items`` (end-tag order),
        keeping only the first in the tree (for the envelope's check)."""
        first_item: Any = None
        for element in items:
            parent = element.getparent()
            if parent is None or parent.tag != f"{NAR}itemSet" or parent.getparent() is None:
                continue
            self._item(element, in_message=True)
            if first_item is None:
                first_item = element
            else:
                parent.remove(element)

    def _root(self, root: Any) -> None:
        """Check the root: a newsMessage's envelope, or a standalone item."""
        self.root_name = root.tag.rpartition("}")[2]
        if root.tag == f"{NAR}newsMessage":
            self._envelope(root)
        elif root.tag in ITEM_TYPES:
            self._item(root, in_message=False)
        else:
            self._add(root.sourceline, None, "error", "root",
                      f"root element {self.root_name!r} is not a NewsML-G2 item or newsMessage",
                      self.validator)

    def _item(self, item: Any, in_message: bool) -> None:
        self._structure(item, builtin.newsml_item_problems)
        for hit in self.rules.item(item, in_message):
            self._hit(hit)

    def _envelope(self, message: Any) -> None:
        self._structure(message, builtin.newsml_message_problems)

    def _structure(self, element: Any,
                   fallback: Callable[[Any], list[tuple[int | None, str]]]) -> None:
        """XSD errors of ``element`` (``fallback``'s problems when no XSD was found)."""
        if self.schema is not None:
            for line, column, message in xsd.errors(self.schema, element):
                self._add(line, column, "error", "xsd", message, "xsd")
        else:
            for line, message in fallback(element):
                self._add(line, None, "error", "structure", message, "built-in")

    def _hit(self, hit: Hit) -> None:
        self._add(hit.line, None, hit.severity, hit.code, hit.message, "rules")

    def _add(self, line: int | None, column: int | None, severity: Any, code: str,
             message: str, validator: str) -> None:
        if (line, message) in self._seen:
            return
        self._seen.add((line, message))
        self.findings.append(Finding(self.display, line, column, severity, code, message,
                                     validator))


def _end_order(root: Any) -> list[Any]:
    """The items in ``root`` in the order ``iterparse`` reports them (by end
    tag).  Only items directly in an ``itemSet`` are checked one by one, so
    a document without one (a single item) needs no walk at all."""
    if next(root.iter(f"{NAR}itemSet"), None) is None:
        return []
    return [element for _, element in etree.iterwalk(root, tag=_ITEM_TAGS)]


@functools.cache
def _parser() -> Any:
    """One hardened parser per process (lxml parsers are reusable, not thread-safe;
    validation runs in one thread)."""
    return xml_parser(remove_pis=True)
