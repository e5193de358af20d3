"""IPTC NewsML-G2 2.35 newsItem writer (Power conformance).

The item is built in three steps, shared with the newsMessage writer:

1. :func:`convert.formats.newsml.derived_parts` maps the Document's fields to
   NewsML-G2 elements, grouped by the container they go in (item root,
   ``rightsInfo``, ``itemMeta``, ``contentMeta``);
2. :func:`apply_kept_metadata` puts back metadata that the NewsML-G2 reader
   kept in ``Document.extra`` under ``newsml:<container>/<element>`` keys
   (for example an agency's ``subject`` codes), replacing the derived
   elements of the same name;
3. :func:`assemble` puts every element in the order the schema requires and
   adds the XHTML body.

The mapping table and the date-time rule are in README.md ("NewsML-G2").
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import quote

from convert.errors import ConvertError
from convert.formats.body import XHTML
from convert.formats.body.build import MarkupBuilder
from convert.formats.htmlarticle import text_direction
from convert.formats import vocabulary
from convert.formats.newsml import (
    group_set, is_package,
    IPTC_CATALOG_HREF, QCODE_ATTRIBUTES, UNRESOLVED_SCHEME, GENERATOR, KEPT_PREFIX, NAR, NAR_TAG_PREFIX, ORDER, STANDARD_VERSION, XML_LANG, Parts, derived_parts, nar,
    kept_name, kept_tag, parse_kept_key, still_states,
)
from convert.formats.qcodes import IPTC_SCHEMES
from convert.formats.safexml import local_name
from convert.model import Document
from convert.options import WriteOptions

if TYPE_CHECKING:
    from lxml import etree

_BLOCK_CONTAINERS = frozenset(
    [f"{{{NAR}}}{name}" for name in ("newsItem", "newsMessage", "header", "itemSet",
                                      "rightsInfo", "itemMeta", "contentMeta", "contentSet",
                                      "inlineXML", "located", "creator", "provider",
                                      "infoSource", "link", "packageItem", "groupSet",
                                      "group", "itemRef")]
    + [f"{{{XHTML}}}{name}" for name in ("html", "head", "body", "blockquote", "ul", "ol",
                                          "figure", "aside")])


def write(doc: Document, options: WriteOptions) -> bytes:
    return serialize(build_item(doc, options))


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


def build_item(doc: Document, options: WriteOptions | None = None) -> etree._Element:
    """The ``<newsItem>`` element for ``doc``, kept metadata included."""
    try:
        parts = derived_parts(doc, options)
        apply_kept_metadata(parts, doc, options)
        item = assemble(doc, parts)
        declare_unresolved_aliases(item, options.uri_base if options else None)
        return item
    except ValueError as error:  # lxml refuses text XML 1.0 cannot hold (NUL, ...)
        raise ConvertError(f"{doc.id}: cannot be written as XML: {error}",
                           code="unrepresentable") from None


# ---------------------------------------------------------------- metadata


def apply_kept_metadata(parts: Parts, doc: Document, options: WriteOptions | None = None
                        ) -> None:
    """Replace derived elements by the NewsML-G2 metadata kept in ``doc.extra``, and add
    a producer's elements of other namespaces kept there (the input's ``provider`` only
    when ``--provider`` names none)."""
    from convert.formats.safexml import parse_fragment

    for key, value in doc.extra:
        place = parse_kept_key(key)
        if place is None:
            if key.startswith(KEPT_PREFIX):
                raise ConvertError(f"extra {key!r}: not a NewsML-G2 element this writer can "
                                   "place", code="invalid")
            continue
        container, name = place
        kept = list(parse_fragment(value, NAR, source=f"extra {key}"))
        if any(element.tag != kept_tag(name) for element in kept):
            raise ConvertError(f"extra {key!r} must hold only <{name}> elements", code="invalid")
        if not still_states(name, kept, doc):
            continue  # the Document changed since it was read: its own values are written
        if name == "provider" and options is not None and options.provider:
            continue  # the party that supplies this output, as the user named it
        derived = parts[container]
        if name == "contentMetaExtProperty":  # ours stay: they carry the generic extra pairs
            parts[container] = derived + kept
        else:
            parts[container] = [e for e in derived if kept_name(e) != name] + kept


def _ordered(container: str, elements: list[etree._Element]) -> list[etree._Element]:
    """``elements`` in schema order; elements of other namespaces last, where the
    container's extension point is (in the order they came)."""
    order = ORDER[container]
    return sorted(elements, key=lambda element: order.index(local_name(element))
                  if str(element.tag).startswith(NAR_TAG_PREFIX) else len(order))


def assemble(doc: Document, parts: Parts) -> etree._Element:
    if doc.version < 1:
        raise ConvertError(f"version {doc.version}: NewsML-G2 versions start at 1",
                           code="unrepresentable")
    item = nar("newsItem", guid=doc.id, version=str(doc.version), standard="NewsML-G2",
               standardversion=STANDARD_VERSION, conformance="power", xml_lang=doc.language,
               dir=text_direction(doc.language))
    children = list(parts["newsItem"])
    for container in ("rightsInfo", "itemMeta", "contentMeta"):
        if parts[container] or container == "itemMeta":
            element = nar(container)
            element.extend(_ordered(container, parts[container]))
            children.append(element)
    if is_package(doc):
        item.tag = f"{{{NAR}}}packageItem"
        item.extend(_ordered("newsItem", children))
        item.append(group_set(doc))
        return item
    content_set = nar("contentSet")
    inline = nar("inlineXML", contenttype="application/xhtml+xml")
    inline.append(xhtml_document(doc))
    content_set.append(inline)
    children.append(content_set)
    item.extend(_ordered("newsItem", children))
    return item


def declare_unresolved_aliases(item: etree._Element, uri_base: str | None) -> None:
    """Give every QCode alias that no catalog of the item declares a scheme of its own.

    A source's QCodes (``itemRole:N``, ``dpasrv:bdt``) often use aliases that
    the catalogs it references do not declare, which leaves them with no
    defined meaning (and makes the item fail ``newsconvert validate``).  When
    the item references only IPTC's catalog, such an alias is declared in an
    inline ``<catalog>`` with a scheme URI under the vocabulary base that says
    "this source's code, scheme unknown"; the QCodes themselves are kept as
    written.  An item that references other catalogs is left as it is: they
    may declare the alias.
    """
    refs = [ref.get("href") or "" for ref in item.iterchildren(f"{{{NAR}}}catalogRef")]
    if not all(IPTC_CATALOG_HREF.search(href) for href in refs):
        return
    declared = set(IPTC_SCHEMES) | {str(scheme.get("alias"))
                                    for scheme in item.iter(f"{{{NAR}}}scheme")}
    unresolved = sorted({code.split(":", 1)[0]
                         for element in item.iter(f"{{{NAR}}}*")
                         for name, value in element.items() if name in QCODE_ATTRIBUTES
                         for code in str(value).split() if ":" in code} - declared)
    if not unresolved:
        return
    catalog = nar("catalog")
    base = vocabulary.term(UNRESOLVED_SCHEME, uri_base)
    catalog.extend(nar("scheme", alias=alias, uri=f"{base}{quote(alias, safe='')}/")
                   for alias in unresolved)
    position = len(refs)  # after the catalogRefs, as the schema orders them
    item.insert(position, catalog)


# ---------------------------------------------------------------- XHTML body


def xhtml_document(doc: Document) -> etree._Element:
    """One XHTML ``<html>``: a title in ``<head>``, the body markup of :mod:`convert.formats.body`."""
    build = MarkupBuilder(XHTML)
    language = {"lang": doc.language, XML_LANG: doc.language} if doc.language else {}
    if text_direction(doc.language):
        language["dir"] = "rtl"
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
