"""Parsing XML that nobody vouches for.

Every reader of XML input goes through :func:`parse_untrusted`: no DTD is
loaded, no entity is expanded, nothing is fetched from the network, libxml2's
default limits on depth and size stay on (``huge_tree`` off), and any document
type declaration is refused outright.  A NewsML-G2 file never needs one, and
refusing it closes the door on "billion laughs" entity bombs and on XXE
(external entities that read local files or URLs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from convert.errors import ConvertError

if TYPE_CHECKING:
    from lxml import etree


#: "<!DOCTYPE" in the encodings XML allows without a declaration (checked before
#: parsing, so that an entity bomb is refused before libxml2 even sees it).
_DOCTYPE_MARKERS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def _doctype_refused(source: str | None, line: int = 1) -> ConvertError:
    return ConvertError(
        "XML with a document type declaration (<!DOCTYPE ...>) is refused: it is not needed by "
        "NewsML-G2 and may define entities (billion laughs, XXE)",
        source=source, line=line, code="hostile-xml")


def _parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=False)


def parse_untrusted(data: bytes, source: str | None = None) -> etree._ElementTree:
    """The parsed document, or a :class:`ConvertError` naming the line at fault."""
    from lxml import etree

    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise _doctype_refused(source, data[:data.find(b"<!DOCTYPE")].count(b"\n") + 1
                               if b"<!DOCTYPE" in data else 1)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        message = error.msg or "malformed XML"
        raise ConvertError(f"not well-formed XML: {message}", source=source,
                           line=error.lineno or None, code="xml") from None
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _doctype_refused(source)
    for entity in tree.iter(etree.Entity):
        raise ConvertError(f"XML entity reference &{entity.name}; is refused", source=source,
                           line=entity.sourceline, code="hostile-xml")
    return tree


def parse_fragment(text: str, wrapper_namespace: str, source: str | None = None
                   ) -> etree._Element:
    """Parse ``text`` (zero or more elements) inside a ``<fragment>`` in ``wrapper_namespace``."""
    from xml.sax.saxutils import quoteattr

    data = f"<fragment xmlns={quoteattr(wrapper_namespace)}>{text}</fragment>"
    return parse_untrusted(data.encode("utf-8"), source).getroot()
