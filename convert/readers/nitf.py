"""IPTC NITF reader: one ``<nitf>`` news document (NITF 3.x).

The body and the ``<body.head>`` headlines and bylines are read as for NITF
inside a NewsML-G2 item (:mod:`convert.formats.nitf`).  From the ``<head>``,
``docdata`` gives the id (``doc-id``), the issue date, the copyright holder and
the keywords; ``<title>`` is the headline when the body has no ``hl1``.  Every
other element of the head and of ``body.head`` (and every attribute of
``<nitf>`` but ``xml:lang``) has no Document field: each one is named in a warning (``nitf-dropped``, with its line), never lost silently.

Input is parsed by :func:`convert.formats.safexml.parse_untrusted`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from convert.errors import ConvertError
from convert.formats.nitf import NitfBodyParser, child, nitf_body, nitf_head
from convert.formats.safexml import (
    declared_encoding, local_name, parse_untrusted, source_line, text_content,
)
from convert.model import (
    Block, Dateline, Document, ParseWarning, Provenance, body_text, content_id,
)
from convert.options import ReadOptions

if TYPE_CHECKING:
    from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: NITF dates (``norm`` attributes): ISO 8601, basic or extended, time optional.
_NORM_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})"
                        r"(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?\Z")
#: What this reader maps, per container; anything else there is reported dropped.
_READ = {
    "head": frozenset({"title", "docdata"}),
    "docdata": frozenset({"doc-id", "date.issue", "doc.copyright", "key-list"}),
    "body.head": frozenset({"hedline", "byline", "abstract", "distributor", "dateline"}),
}


def read(data: bytes, options: ReadOptions) -> Document:
    root = parse_untrusted(data, options.source_name).getroot()
    if local_name(root) != "nitf":
        raise ConvertError(f"root element <{local_name(root)}> is not a NITF <nitf>",
                           source=options.source_name, line=source_line(root), code="invalid")
    warnings = [ParseWarning("nitf-dropped", f"<nitf {name}> is not kept", source_line(root))
                for name in map(str, root.attrib) if name != XML_LANG]
    head = child(root, "head")
    docdata = child(head, "docdata")
    body = nitf_body(root)
    body_head = child(body, "body.head")
    for container in (head, docdata, body_head):
        if container is not None:
            warnings.extend(_dropped(container))
    blocks: tuple[Block, ...] = ()
    found = nitf_head(body, _text) if body is not None else {}
    if body is not None:
        parser = NitfBodyParser(verbatim=False, warning_prefix="nitf")
        blocks = parser.blocks(body)
        warnings.extend(parser.warnings)
    headline = found.get("headline") or _text(child(head, "title"))
    doc_id = child(docdata, "doc-id")
    copyright = child(docdata, "doc.copyright")
    return Document(
        id=(doc_id.get("id-string") if doc_id is not None else None)
        or content_id(headline, body_text(blocks)),
        headline=headline,
        language=root.get(XML_LANG) or (head.get(XML_LANG) if head is not None else None),
        subheadline=found.get("subheadline"),
        bylines=found.get("bylines", ()),
        dateline=_dateline(child(body_head, "dateline"), warnings),
        published=_date(child(docdata, "date.issue"), warnings),
        source=_text(child(body_head, "distributor")) or None,
        copyright=copyright.get("holder") if copyright is not None else None,
        keywords=tuple(keyword.get("key", "") for keyword in _children(docdata, "key-list")
                       if local_name(keyword) == "keyword" and keyword.get("key")),
        summary=_text(child(body_head, "abstract")) or None,
        body=blocks,
        provenance=Provenance("nitf", declared_encoding(data), tuple(warnings)),
    )


def _text(element: etree._Element | None) -> str | None:
    return None if element is None else " ".join(text_content(element).split())


def _children(parent: etree._Element | None, name: str) -> list[etree._Element]:
    container = child(parent, name)
    return [] if container is None else [e for e in container if isinstance(e.tag, str)]


def _dropped(container: etree._Element) -> list[ParseWarning]:
    name = local_name(container)
    return [ParseWarning("nitf-dropped", f"<{local_name(element)}> in <{name}> is not kept "
                         "(the document has no field for it)", source_line(element))
            for element in container
            if isinstance(element.tag, str) and local_name(element) not in _READ[name]]


def _date(element: etree._Element | None, warnings: list[ParseWarning]) -> str | None:
    """A ``norm`` date as the model writes dates (ISO 8601 extended), else None and a warning."""
    if element is None:
        return None
    norm = (element.get("norm") or "").strip()
    match = _NORM_DATE.match(norm)
    if match is None:
        warnings.append(ParseWarning("nitf-date", f"<{local_name(element)}> norm={norm!r} is "
                                     "not an ISO 8601 date; not kept", source_line(element)))
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if hour is None:
        if zone:
            warnings.append(ParseWarning("nitf-date", f"the zone {zone} of a date without a "
                                         "time is not kept", source_line(element)))
        return f"{year}-{month}-{day}"
    zone = "" if zone is None else zone if zone == "Z" or ":" in zone else f"{zone[:3]}:{zone[3:]}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{zone}"


def _dateline(element: etree._Element | None, warnings: list[ParseWarning]) -> Dateline | None:
    """``<dateline><location>PLACE</location>, <story.date>DATE</story.date></dateline>``."""
    if element is None:
        return None
    place = _text(child(element, "location"))
    date = child(element, "story.date")
    if place is None and date is None:
        return Dateline(None, _text(element) or None)
    return Dateline(place, _text(date) if date is not None else None)
