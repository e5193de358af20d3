"""Parsing XML and HTML that nobody vouches for.

Every parser of input is made here: :func:`xml_parser`, :func:`html_parser`
and :data:`HARDENED` (for ``iterparse``).  No DTD is loaded or validated, no
entity is expanded, nothing is fetched from the network, and libxml2's default
limits on depth and size stay on (``huge_tree`` off).  :func:`parse_untrusted`
and :func:`iterparse_untrusted`, used by the NewsML-G2 and NITF readers, also
refuse any document type declaration outright: a news file never needs one,
and refusing it closes the door on "billion laughs" entity bombs and on XXE
(external entities that read local files or URLs).  Readers that must accept
one (an EPUB chapter's ``<!DOCTYPE html>``) check what it declares themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, cast

from convert.errors import ConvertError

if TYPE_CHECKING:
    from lxml import etree, html

    # Types only: making Protocol classes at import costs start-up (validate of one file).
    class DeclaredDTD(Protocol):
        """The declarations of a DTD (lxml's ``DTD``, beyond what lxml-stubs 0.5 declares)."""

        def entities(self) -> Iterator[object]: ...

        def iterelements(self) -> Iterator[object]: ...

    class DocumentTypeInfo(Protocol):
        """lxml's ``DocInfo`` as it is: lxml-stubs 0.5 lacks ``doctype`` and types
        the DTDs as never ``None``."""

        @property
        def doctype(self) -> str: ...

        @property
        def internalDTD(self) -> DeclaredDTD | None: ...

        @property
        def externalDTD(self) -> DeclaredDTD | None: ...


#: "<!DOCTYPE" in the encodings XML allows without a declaration: UTF-8, UTF-16-LE and
#: UTF-16-BE (checked before parsing, so that an entity bomb is refused before libxml2
#: even sees it).  Spelled as bytes: encoding them at import would load two codecs.
_DOCTYPE_MARKERS = (b"<!DOCTYPE", b"<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E\x00",
                    b"\x00<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E")


def document_type(tree: etree._ElementTree) -> DocumentTypeInfo:
    """The document type declaration facts of a parsed ``tree``."""
    return cast("DocumentTypeInfo", tree.docinfo)


def declares_doctype(chunks: Iterable[bytes]) -> bool:
    """Does the document declare a DOCTYPE, as libxml2 itself reads its prolog?

    ``chunks`` are the document's bytes in order; reading stops at the root
    element's start tag.  A text scan cannot tell a comment, a processing
    instruction or an attribute from a declaration; the parser can.  A prolog
    that is not well-formed is left to the parse that follows (it reports the
    error, and resolves no entity either way).
    """
    from lxml import etree

    parser = etree.XMLPullParser(events=("start",), **HARDENED)
    try:
        for chunk in chunks:
            parser.feed(chunk)
            for _, element in parser.read_events():  # "start" events: always an element
                docinfo = document_type(cast("etree._Element", element).getroottree())
                return bool(docinfo.doctype or docinfo.internalDTD is not None
                            or docinfo.externalDTD is not None)
    except etree.XMLSyntaxError:
        return False
    return False


#: The encodings whose declaration keeps a document's bytes those of UTF-8 (as libxml2 names
#: them, any case).
_UTF8_NAMES = (b"utf-8", b"utf8", b"us-ascii", b"ascii")
#: The XML declarations nearly every UTF-8 document starts with (a shortcut of the scan).
_UTF8_PROLOGS = (b'<?xml version="1.0" encoding="UTF-8"?>',
                 b'<?xml version="1.0" encoding="utf-8"?>',
                 b"<?xml version='1.0' encoding='UTF-8'?>",
                 b"<?xml version='1.0' encoding='utf-8'?>")
#: Each of them as a quoted ``encoding`` value starts (either quote before, either after).
_UTF8_VALUES = tuple(opening + name + closing for name in _UTF8_NAMES
                     for opening in (b"'", b'"') for closing in (b"'", b'"'))


def _starts_in_utf8(data: bytes) -> bool:
    """Is ``data`` a document in UTF-8 (BOM or not), as its start shows: an element (after
    white space) or an XML declaration without an encoding or with a UTF-8 or ASCII one?
    Scanned without a regular expression: compiling one costs ``validate``'s start-up."""
    if data.startswith(_UTF8_PROLOGS):
        return True
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if body[:5].lower() != b"<?xml":
        element = body.lstrip(b" \t\r\n")
        return element[:1] == b"<" and element[1:5].lower() != b"?xml"
    end = body.find(b">", 5)
    declaration = (body[5:end] if end >= 0 else body[5:]).lower()
    at = declaration.find(b"encoding")
    if at < 0:
        return True
    while at >= 0:
        value = declaration[at + 8:].lstrip(b" \t\r\n")
        if value[:1] == b"=" and value[1:].lstrip(b" \t\r\n").startswith(_UTF8_VALUES):
            return True
        at = declaration.find(b"encoding", at + 1)
    return False


def declares_doctype_in(data: bytes) -> bool:
    """:func:`declares_doctype` of a document in memory, without a parser for most:
    in UTF-8 (or ASCII) a declaration is the bytes ``<!DOCTYPE``, so a UTF-8
    document without them declares none.  Any other document is asked of
    the parser (UTF-16, EBCDIC, or an encoding such as UTF-7 that may spell
    ``<!`` otherwise)."""
    if b"<!DOCTYPE" not in data and _starts_in_utf8(data):
        return False
    return declares_doctype([data])


def syntax_problem(error: etree.XMLSyntaxError) -> tuple[int | None, int | None, str]:
    """(line, column, one-line message) of a parse failure, from libxml2's first
    error: ``iterparse`` may raise a later, emptier one ("no element found" at
    0:0 after an undefined entity)."""
    from lxml import etree

    entries = [entry for entry in error.error_log  # type: ignore[attr-defined]
               if entry.domain == etree.ErrorDomains.PARSER] if not error.lineno else []
    if entries:
        line, column, message = entries[0].line, entries[0].column, entries[0].message
    else:
        line, column = error.position
        message = error.msg or ""
    return line or None, column or None, " ".join(str(message).split()) or "malformed XML"


def _doctype_refused(source: str | None, line: int = 1) -> ConvertError:
    return ConvertError(
        "XML with a document type declaration (<!DOCTYPE ...>) is refused: it is not needed by "
        "NewsML-G2 and may define entities (billion laughs, XXE)",
        source=source, line=line, code="hostile-xml")


#: What every parser of XML input is told (``XMLParser`` and ``iterparse`` alike).
HARDENED: dict[str, Any] = {"resolve_entities": False, "no_network": True, "load_dtd": False,
                            "dtd_validation": False, "huge_tree": False}


def xml_parser(*, remove_comments: bool = False, remove_pis: bool = False) -> etree.XMLParser:
    """A new hardened XML parser (lxml parsers are reusable, not thread-safe)."""
    from lxml import etree

    return etree.XMLParser(**HARDENED, remove_comments=remove_comments, remove_pis=remove_pis)


def html_parser(*, default_doctype: bool = True) -> html.HTMLParser:
    """A new HTML parser: no network, no huge trees, comments and processing
    instructions dropped (nothing in them is content)."""
    from lxml import html

    # lxml-stubs 0.5 lacks HTMLParser's default_doctype (lxml >= 4.9 has it)
    return html.HTMLParser(no_network=True, remove_comments=True,  # type: ignore[call-arg]
                           remove_pis=True, huge_tree=False, default_doctype=default_doctype)


def _refuse_doctype_bytes(data: bytes, source: str | None) -> None:
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise _doctype_refused(source, data[:data.find(b"<!DOCTYPE")].count(b"\n") + 1
                               if b"<!DOCTYPE" in data else 1)


def parse_untrusted(data: bytes, source: str | None = None) -> etree._ElementTree:
    """The parsed document, or a :class:`ConvertError` naming the line at fault."""
    from lxml import etree

    _refuse_doctype_bytes(data, source)
    try:
        tree = etree.ElementTree(etree.fromstring(data, xml_parser()))
    except etree.XMLSyntaxError as error:
        line, _, message = syntax_problem(error)
        raise ConvertError(f"not well-formed XML: {message}", source=source, line=line,
                           code="xml") from None
    docinfo = document_type(tree)
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _doctype_refused(source)
    for entity in tree.iter(etree.Entity):
        raise ConvertError(f"XML entity reference {entity.text} is refused",  # "&name;"
                           source=source, line=source_line(entity), code="hostile-xml")
    return tree


def iterparse_untrusted(data: bytes, source: str | None = None
                        ) -> Iterator[tuple[str, etree._Element]]:
    """``("start" | "end", element)`` events, with the refusals of :func:`parse_untrusted`.

    For documents too big to hold as a tree: the caller clears what it has read.
    """
    import io

    from lxml import etree

    _refuse_doctype_bytes(data, source)
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), **HARDENED)
    try:
        for event, element in events:
            if not isinstance(element.tag, str):  # an entity reference (no DTD defines one)
                raise ConvertError(f"XML entity reference {element.text} is refused",
                                   source=source, line=source_line(element), code="hostile-xml")
            yield event, element
    except etree.XMLSyntaxError as error:
        line, _, message = syntax_problem(error)
        raise ConvertError(f"not well-formed XML: {message}", source=source, line=line,
                           code="xml") from None


def declared_encoding(data: bytes) -> str:
    """The encoding an XML declaration names (UTF-8 when there is none, as lxml reports it)."""
    import re

    match = re.match(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""",
                     data.lstrip(b"\xef\xbb\xbf"))
    return match.group(1).decode("ascii") if match else "UTF-8"


def parse_fragment(text: str, wrapper_namespace: str, source: str | None = None
                   ) -> etree._Element:
    """Parse ``text`` (zero or more elements) inside a ``<fragment>`` in ``wrapper_namespace``."""
    from xml.sax.saxutils import quoteattr

    data = f"<fragment xmlns={quoteattr(wrapper_namespace)}>{text}</fragment>"
    return parse_untrusted(data.encode("utf-8"), source).getroot()


def local_name(element: etree._Element) -> str:
    """The tag without its namespace (``""`` for comments and processing instructions)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def source_line(element: etree._Element) -> int | None:
    """The line ``element`` starts on (lxml-stubs 0.5 leaves ``sourceline`` untyped)."""
    return cast("int | None", element.sourceline)


def text_content(element: etree._Element) -> str:
    """All text inside ``element``, as ``str`` (lxml-stubs 0.5 types it ``str | bytes``)."""
    return "".join(str(text) for text in element.itertext())


def xpath_elements(node: etree._Element, path: str, *,
                   namespaces: dict[str, str] | None = None, **variables: str
                   ) -> list[etree._Element]:
    """The elements an XPath ``path`` selects (lxml types a result as any XPath value)."""
    from lxml import etree

    # lxml's defaults spelled out, so that the type checker knows **variables is not them
    found = node.xpath(path, namespaces=namespaces, extensions=None, smart_strings=True,
                       **variables)
    return [item for item in found if isinstance(item, etree._Element)] \
        if isinstance(found, list) else []
