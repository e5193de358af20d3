"""IPTC NewsML-G2 2.35 newsItem writer (Power conformance).

The item is built in three steps, shared with the newsMessage writer and with
the NewsML-G2 reader:

1. :func:`derived_parts` maps the Document's fields to NewsML-G2 elements,
   grouped by the container they go in (item root, ``rightsInfo``,
   ``itemMeta``, ``contentMeta``);
2. :func:`apply_kept_metadata` puts back metadata that the NewsML-G2 reader
   kept in ``Document.extra`` under ``newsml:<container>/<element>`` keys
   (for example an agency's ``subject`` codes), replacing the derived
   elements of the same name;
3. :func:`assemble` puts every element in the order the schema requires and
   adds the XHTML body.

The mapping table and the date-time rule are in README.md ("NewsML-G2").
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import quote

from convert.errors import ConvertError
from convert.formats.body import XHTML, MarkupBuilder
from convert.model import Document
from convert.options import WriteOptions
from convert.formats.safexml import local_name

if TYPE_CHECKING:
    from lxml import etree

NAR = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STANDARD_VERSION = "2.35"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"

#: Our own vocabulary, for what IPTC NewsCodes have no code for (written as
#: ``...uri`` attributes, so no catalog is needed).
VOCABULARY = "https://newsconvert.example/cv/"
SUBHEADLINE_ROLE = VOCABULARY + "headline-role/subheadline"
EXTRA_PROPERTY = VOCABULARY + "extra/"
#: ``versionCreated/@howuri``: the article gives only a date; 00:00:00 is not a real time.
DATE_ONLY = VOCABULARY + "how/date-only"
#: ``versionCreated/@howuri`` and ``sent/@howuri``: no date in the article at
#: all; the value is SOURCE_DATE_EPOCH, or the fixed fallback below.
NOT_IN_SOURCE = VOCABULARY + "how/not-in-source"
FALLBACK_TIMESTAMP = "1970-01-01T00:00:00Z"
CANONICAL_LINK = "http://www.iana.org/assignments/relation/canonical"
#: ``<meta name="generator">`` in the XHTML body: tells the reader that text is verbatim.
GENERATOR = "newsconvert"
#: ``Document.extra`` keys holding NewsML-G2 metadata kept by the reader.
KEPT_PREFIX = "newsml:"

#: Where each element may go, in schema order (choices flattened, which keeps any order valid).
ORDER: dict[str, tuple[str, ...]] = {
    "newsItem": ("catalogRef", "catalog", "hopHistory", "pubHistory", "rightsInfo", "itemMeta",
                 "contentMeta", "partMeta", "assert", "inlineRef", "derivedFrom",
                 "derivedFromValue", "contentSet"),
    "rightsInfo": ("accountable", "copyrightHolder", "copyrightNotice", "usageTerms", "link",
                   "rightsInfoExtProperty", "rightsExpressionXML", "rightsExpressionData",
                   "dataMining"),
    "itemMeta": ("itemClass", "provider", "versionCreated", "firstCreated", "embargoed",
                 "pubStatus", "role", "fileName", "generator", "profile", "service", "title",
                 "edNote", "memberOf", "instanceOf", "signal", "altRep", "deliverableOf", "hash",
                 "expires", "origRep", "incomingFeedId", "metadataCreator", "link",
                 "itemMetaExtProperty"),
    "contentMeta": ("icon", "urgency", "contentCreated", "contentModified", "digitalSourceType",
                    "located", "infoSource", "creator", "contributor", "audience",
                    "exclAudience", "altId", "rating", "userInteraction", "language", "genre",
                    "keyword", "subject", "slugline", "headline", "dateline", "by", "creditline",
                    "description", "contentMetaExtProperty"),
}
#: Item-level elements this writer always makes itself (never taken from kept metadata).
STRUCTURAL = frozenset({"rightsInfo", "itemMeta", "contentMeta", "contentSet", "itemClass"})

Parts = dict[str, list["etree._Element"]]

_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T")
_BLOCK_CONTAINERS = frozenset(
    [f"{{{NAR}}}{name}" for name in ("newsItem", "newsMessage", "header", "itemSet",
                                      "rightsInfo", "itemMeta", "contentMeta", "contentSet",
                                      "inlineXML", "located", "creator", "provider",
                                      "infoSource")]
    + [f"{{{XHTML}}}{name}" for name in ("html", "head", "body", "blockquote", "ul", "ol",
                                          "figure", "aside")])


def write(doc: Document, options: WriteOptions) -> bytes:
    return serialize(build_item(doc))


def serialize(root: etree._Element) -> bytes:
    """UTF-8 XML with a declaration, indented only where whitespace is not content."""
    from lxml import etree

    indent(root)
    text = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{nfc_source(text)}\n'.encode()


def nfc_source(text: str) -> str:
    """``text`` with character references where it is not in Unicode NFC.

    The XHTML rules (and the Nu checker) want source text in NFC, but the
    article's text must stay as it is ("e" + U+0301 is not "é" to a round
    trip).  ``e&#x301;`` is NFC source for the very same text.
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    out: list[str] = []
    cluster = ""
    for char in text + "\0":  # the sentinel flushes the last cluster
        if cluster and unicodedata.combining(char):
            cluster += char
            continue
        if unicodedata.is_normalized("NFC", cluster):
            out.append(cluster)
        else:
            out.append("".join(c if c.isascii() else f"&#x{ord(c):X};" for c in cluster))
        cluster = char
    return "".join(out)


def build_item(doc: Document) -> etree._Element:
    """The ``<newsItem>`` element for ``doc``, kept metadata included."""
    try:
        parts = derived_parts(doc)
        apply_kept_metadata(parts, doc.extra)
        return assemble(doc, parts)
    except ValueError as error:  # lxml refuses text XML 1.0 cannot hold (NUL, ...)
        raise ConvertError(f"{doc.id}: cannot be written as XML: {error}",
                           code="unrepresentable") from None


# ---------------------------------------------------------------- metadata


def nar(tag: str, text: str | None = None, /, **attributes: str | None) -> etree._Element:
    """A NewsML-G2 element; attributes whose value is None are left out."""
    from lxml import etree

    # lxml-stubs 0.5 types nsmap keys as str; lxml's default namespace has the prefix None
    element = etree.Element(f"{{{NAR}}}{tag}", nsmap={None: NAR})  # type: ignore[dict-item]
    for key, value in attributes.items():
        if value is not None:
            element.set(XML_LANG if key == "xml_lang" else key, value)
    element.text = text
    return element


def _named(tag: str, text: str, /, **attributes: str | None) -> etree._Element:
    element = nar(tag, **attributes)
    element.append(nar("name", _single_line(f"{tag} name", text)))
    return element


def _single_line(field: str, value: str) -> str:
    """NewsML-G2 short strings (g2normalizedString) may not hold tabs or line breaks."""
    if any(char in value for char in "\t\n\r"):
        raise ConvertError(f"the {field} {value!r} holds a tab or line break, which NewsML-G2 "
                           "does not allow there", code="unrepresentable")
    return value


def has_time(value: str) -> bool:
    return bool(_DATE_TIME.match(value))


def source_date_epoch() -> str | None:
    """SOURCE_DATE_EPOCH as an xs:dateTime in UTC, or None when it is not set."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return None
    try:
        moment = datetime.fromtimestamp(int(raw), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ConvertError(f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds since 1970",
                           code="usage") from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_timestamp() -> tuple[str, str]:
    """(value, howuri marker) for a timestamp that the articles cannot give."""
    return source_date_epoch() or FALLBACK_TIMESTAMP, NOT_IN_SOURCE


def version_created(doc: Document) -> tuple[str, str | None]:
    """``versionCreated`` (an xs:dateTime) and its marker, by the documented rule.

    The latest date the article states (``updated``, else ``published``) as
    written when it has a time; at 00:00:00 (no zone) marked ``date-only``
    when it is only a date; otherwise SOURCE_DATE_EPOCH or 1970-01-01T00:00:00Z,
    marked ``not-in-source``.
    """
    latest = doc.updated or doc.published
    if latest is None:
        return build_timestamp()
    if has_time(latest):
        return latest, None
    return f"{latest}T00:00:00", DATE_ONLY


def derived_parts(doc: Document) -> Parts:
    """The NewsML-G2 elements that stand for the Document's own fields."""
    return {
        "newsItem": [nar("catalogRef", href=IPTC_CATALOG)],
        "rightsInfo": [nar("copyrightNotice", doc.copyright)] if doc.copyright else [],
        "itemMeta": _item_meta(doc),
        "contentMeta": _content_meta(doc),
    }


def _item_meta(doc: Document) -> list[etree._Element]:
    created, marker = version_created(doc)
    elements = [
        nar("itemClass", qcode="ninat:text"),
        _named("provider", doc.source) if doc.source else nar("provider", literal="unknown"),
        nar("versionCreated", created, howuri=marker),
    ]
    if doc.published and has_time(doc.published):
        elements.append(nar("firstCreated", doc.published))
    elements.append(nar("pubStatus", qcode="stat:usable"))
    if doc.url:
        elements.append(nar("link", reluri=CANONICAL_LINK, href=doc.url))
    return elements


def _content_meta(doc: Document) -> list[etree._Element]:
    elements = []
    if doc.published:
        elements.append(nar("contentCreated", doc.published))
    if doc.updated:
        elements.append(nar("contentModified", doc.updated))
    elements.extend(_dateline(doc))
    if doc.source:
        elements.append(_named("infoSource", doc.source, role="isrol:originfo"))
    for byline in doc.bylines:
        creator = _named("creator", byline.name)
        if byline.role is not None:
            creator.append(nar("note", byline.role))
        elements.append(creator)
    if doc.language:
        elements.append(nar("language", tag=doc.language))
    if doc.slugline:
        elements.append(nar("slugline", _single_line("slugline", doc.slugline)))
    if doc.headline is not None:
        elements.append(nar("headline", doc.headline))
    if doc.subheadline is not None:
        elements.append(nar("headline", doc.subheadline, roleuri=SUBHEADLINE_ROLE))
    if doc.bylines:
        elements.append(nar("by", ", ".join(byline.name for byline in doc.bylines)))
    if doc.source:
        elements.append(nar("creditline", _single_line("source", doc.source)))
    if doc.summary is not None:
        elements.append(nar("description", doc.summary, role="drol:summary"))
    elements.extend(nar("keyword", _single_line("keyword", keyword)) for keyword in doc.keywords)
    elements.extend(nar("contentMetaExtProperty", reluri=EXTRA_PROPERTY + quote(name, safe=""),
                        value=value)
                    for name, value in doc.extra if not name.startswith(KEPT_PREFIX))
    return elements


def _dateline(doc: Document) -> list[etree._Element]:
    """``located/name`` holds the place; ``dateline`` the dateline as written ("PLACE, date")."""
    if doc.dateline is None:
        return []
    place, date_text = doc.dateline.place, doc.dateline.date_text
    elements = [_named("located", place)] if place is not None else []
    if date_text is not None:
        elements.append(nar("dateline", f"{place}, {date_text}" if place is not None
                            else date_text))
    elif place is None:
        elements.append(nar("dateline"))  # a dateline with neither part: kept, empty
    return elements


def kept_key(container: str, name: str) -> str:
    return f"{KEPT_PREFIX}{container}/{name}"


def parse_kept_key(key: str) -> tuple[str, str] | None:
    """(container, element name) for a kept-metadata key this writer can place."""
    if not key.startswith(KEPT_PREFIX) or "/" not in key:
        return None
    container, name = key[len(KEPT_PREFIX):].split("/", 1)
    if name in ORDER.get(container, ()) and name not in STRUCTURAL:
        return container, name
    return None


def apply_kept_metadata(parts: Parts, extra: Iterable[tuple[str, str]]) -> None:
    """Replace derived elements by the NewsML-G2 metadata kept in ``extra``."""
    from convert.formats.safexml import parse_fragment

    for key, value in extra:
        place = parse_kept_key(key)
        if place is None:
            if key.startswith(KEPT_PREFIX):
                raise ConvertError(f"extra {key!r}: not a NewsML-G2 element this writer can "
                                   "place", code="invalid")
            continue
        container, name = place
        kept = list(parse_fragment(value, NAR, source=f"extra {key}"))
        if any(element.tag != f"{{{NAR}}}{name}" for element in kept):
            raise ConvertError(f"extra {key!r} must hold only <{name}> elements", code="invalid")
        derived = parts[container]
        if name == "contentMetaExtProperty":  # ours stay: they carry the generic extra pairs
            parts[container] = derived + kept
        else:
            parts[container] = [e for e in derived if local_name(e) != name] + kept


def _ordered(container: str, elements: list[etree._Element]) -> list[etree._Element]:
    order = ORDER[container]
    return sorted(elements, key=lambda element: order.index(local_name(element)))


def assemble(doc: Document, parts: Parts) -> etree._Element:
    if doc.version < 1:
        raise ConvertError(f"version {doc.version}: NewsML-G2 versions start at 1",
                           code="unrepresentable")
    item = nar("newsItem", guid=doc.id, version=str(doc.version), standard="NewsML-G2",
               standardversion=STANDARD_VERSION, conformance="power", xml_lang=doc.language)
    children = list(parts["newsItem"])
    for container in ("rightsInfo", "itemMeta", "contentMeta"):
        if parts[container] or container == "itemMeta":
            element = nar(container)
            element.extend(_ordered(container, parts[container]))
            children.append(element)
    content_set = nar("contentSet")
    inline = nar("inlineXML", contenttype="application/xhtml+xml")
    inline.append(xhtml_document(doc))
    content_set.append(inline)
    children.append(content_set)
    item.extend(_ordered("newsItem", children))
    return item


# ---------------------------------------------------------------- XHTML body


def xhtml_document(doc: Document) -> etree._Element:
    """One XHTML ``<html>``: a title in ``<head>``, the body markup of :mod:`convert.formats.body`."""
    build = MarkupBuilder(XHTML)
    language = {"lang": doc.language, XML_LANG: doc.language} if doc.language else {}
    html = build.element("html", language)
    head = build.block(html, "head")
    title = build.block(head, "title")  # plain text only: nfc_source keeps it valid
    title.text = doc.headline or doc.slugline or doc.id or "Untitled"
    build.block(head, "meta", {"name": "generator", "content": GENERATOR})
    build.body(build.block(html, "body"), doc.body)
    return html


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent containers whose whitespace is not content; leave text and inlines as they are."""
    if element.tag not in _BLOCK_CONTAINERS or len(element) == 0:
        return
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return  # mixed content: whitespace there would change the text
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level
