"""NewsML-G2 as this project writes it: names, namespaces and the metadata mapping.

The NewsML-G2 reader, writer and validator meet here.  :func:`derived_parts`
maps a Document's fields to NewsML-G2 elements, grouped by the container they
go in (item root, ``rightsInfo``, ``itemMeta``, ``contentMeta``): the writer
builds items from them and the reader compares an item's metadata with them,
keeping in ``Document.extra`` (under :func:`kept_key` keys) what differs.
The mapping table and the date-time rule are in README.md ("NewsML-G2").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from convert.errors import ConvertError

if TYPE_CHECKING:
    from lxml import etree

    from convert.model import Document

NAR = "http://iptc.org/std/nar/2006-10-01/"
#: ``{NAR}`` for ElementTree tag names.
NAR_TAG_PREFIX = f"{{{NAR}}}"
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


def build_timestamp() -> tuple[str, str]:
    """(value, howuri marker) for a timestamp that the articles cannot give."""
    from convert.files import source_date_epoch

    moment = source_date_epoch()
    return (moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else FALLBACK_TIMESTAMP,
            NOT_IN_SOURCE)


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
    from urllib.parse import quote

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
