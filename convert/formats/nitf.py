"""NITF (IPTC's News Industry Text Format) as the readers see it.

A NITF document is read by :mod:`convert.readers.nitf`; the same markup also
arrives inside NewsML-G2 items (``inlineXML``), read by
:mod:`convert.readers.newsml`.  Both take the body and the head's headlines and
bylines from here.  So does the NewsML-G2 reader for TT's own dialect (TTNITF).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypedDict

from convert.formats.body.parse import BodyParser, merged
from convert.formats.safexml import local_name
from convert.model import Block, Byline, Figure, ListBlock, Paragraph, plain_text

if TYPE_CHECKING:
    from lxml import etree


class NitfHead(TypedDict, total=False):
    """What a NITF ``<body.head>`` says about the item (first hl1, first hl2, bylines)."""

    headline: str | None
    subheadline: str | None
    bylines: tuple[Byline, ...]


class NitfBodyParser(BodyParser):
    """NITF bodies, read with the rules of XHTML ones (element names differ)."""

    HEADINGS = {"hl1": 1, "hl2": 2}
    PARAGRAPHS = frozenset({"p", "tagline"})
    QUOTES = frozenset({"bq"})
    QUOTE_CREDITS = frozenset({"credit"})
    NOTES = frozenset({"note"})
    EMPHASIS = frozenset({"em"})
    STRONG = frozenset()
    CONTAINERS = frozenset({"block", "body", "body.content", "body.end"})
    SKIPPED = BodyParser.SKIPPED | {"body.head"}
    #: NITF's enriched text (names, places, money...): the model keeps their text.
    TEXT_ONLY = frozenset({"person", "org", "location", "event", "function", "object.title",
                           "virtloc", "chron", "copyrite", "num", "money", "classifier",
                           "pronounce", "lang", "q", "alt-code", "frac", "sub", "sup"})
    PHRASING = frozenset({"a", "em", "br"}) | TEXT_ONLY

    def unknown_block(self, element: etree._Element, name: str) -> list[Block]:
        if name == "media":
            return [self._media(element)]
        return super().unknown_block(element, name)

    def _media(self, media: etree._Element) -> Figure:
        def first(name: str) -> etree._Element | None:
            return next((child for child in media.iter() if local_name(child) == name), None)

        caption, producer = first("media-caption"), first("media-producer")
        reference = first("media-reference")
        return Figure(self.inlines(caption) if caption is not None else (),
                      self.plain(producer) if producer is not None else None,
                      reference.get("source") if reference is not None else None)


def child(parent: etree._Element | None, name: str) -> etree._Element | None:
    """The first child of ``parent`` named ``name`` (any namespace)."""
    if parent is None:
        return None
    return next((element for element in parent if local_name(element) == name), None)


def nitf_body(nitf: etree._Element) -> etree._Element | None:
    """The ``<body>`` of a ``<nitf>`` element."""
    return child(nitf, "body")


def nitf_head(body: etree._Element, text: Callable[[etree._Element | None], str | None]
              ) -> NitfHead:
    """The headline, subheadline and bylines of ``body``'s ``<body.head>``;
    ``text`` reads an element's text the way the caller wants it spaced."""
    head = child(body, "body.head")
    found: NitfHead = {}
    if head is None:
        return found
    for element in head.iter():
        if local_name(element) == "hl1":
            found.setdefault("headline", text(element))
        elif local_name(element) == "hl2":
            found.setdefault("subheadline", text(element))
    bylines = tuple(_byline(element, text) for element in head.iter()
                    if local_name(element) == "byline")
    if bylines:
        found["bylines"] = bylines
    return found


def _byline(byline: etree._Element, text: Callable[[etree._Element | None], str | None]
            ) -> Byline:
    """``<byline>By Name, <byttl>Title</byttl></byline>`` -> Byline(Name, Title)."""
    title = child(byline, "byttl")
    name = " ".join((byline.text or "").split())
    name = re.sub(r"^by\s+", "", name, flags=re.IGNORECASE).rstrip(" ,")
    return Byline(name or (text(byline) or ""), text(title) or None)


# ---------------------------------------------------------------- TT's NITF (TTNITF)

#: ``inlineXML/@contenttype`` of TT's own NITF dialect (Swedish upper-case names, no
#: namespace: ``BODY/TEXT/RUBRIK``, ``INGRESS``, ``BRODTEXT``...).
TTNITF_CONTENT_TYPE = "application/ttnitf+xml"
#: TT writes a quotation paragraph (``CITAT``) with a leading dash, as its own HTML and
#: plain-text renditions of the same story show it; the markup holds only the words.
TTNITF_QUOTE_DASH = "– "


class TtnitfBodyParser(BodyParser):
    """TT's NITF dialect: each ``TEXT`` is a story part (the first is the story, the
    next a fact box), its ``RUBRIK`` the part's headline (the first is the item's headline,
    read by :func:`ttnitf_head`, not body), ``INGRESS`` the lead, ``BRODTEXT`` the body,
    ``MELLIS`` a subheading, ``CITAT`` a quotation paragraph, ``BILD`` a picture
    (``BILDFIL``, ``BILDTEXT``, ``BILDSKAPARE``); ``DAT`` (place, source) and ``BYLINE``
    are item metadata."""

    HEADINGS = {"RUBRIK": 2, "MELLIS": 3}
    PARAGRAPHS = frozenset({"P", "CITAT"})
    #: No inline markup is known in TT's files: an inline element keeps its text (warned).
    EMPHASIS = STRONG = PHRASING = frozenset()
    CONTAINERS = frozenset({"BODY", "TEXT", "INGRESS", "BRODTEXT"})
    SKIPPED = BodyParser.SKIPPED | {"DAT", "BYLINE"}

    def block(self, element: etree._Element, name: str) -> list[Block]:
        if name == "RUBRIK" and _is_first_text(element.getparent()):
            return []  # the item's headline
        if name == "CITAT":
            return [Paragraph(merged([TTNITF_QUOTE_DASH, *self.inlines(element)]))]
        if name in ("UL", "OL"):
            items = tuple(self.inlines(item) for item in element if local_name(item) == "LI")
            return [ListBlock(tuple(item for item in items if plain_text(item).strip()),
                              ordered=name == "OL")]
        if name == "BILD":
            def part(name: str) -> etree._Element | None:
                return child(element, name)

            caption, credit, file = part("BILDTEXT"), part("BILDSKAPARE"), part("BILDFIL")
            return [Figure(self.paragraphs(caption) if caption is not None else (),
                           self.plain(credit) or None if credit is not None else None,
                           self.plain(file) or None if file is not None else None)]
        return super().block(element, name)


def _is_first_text(text: etree._Element | None) -> bool:
    parent = text.getparent() if text is not None else None
    if text is None or parent is None or local_name(text) != "TEXT":
        return False
    return child(parent, "TEXT") is text


def ttnitf_head(body: etree._Element, text: Callable[[etree._Element | None], str | None]
                ) -> NitfHead:
    """The headline (the first ``TEXT``'s ``RUBRIK``) and bylines (``BYLINE``, as TT
    writes it: ``Name/TT``) of a TTNITF ``BODY``."""
    first = child(body, "TEXT")
    found: NitfHead = {}
    if first is None:
        return found
    if (headline := text(child(first, "RUBRIK"))):
        found["headline"] = headline
    bylines = tuple(Byline(name) for element in first if local_name(element) == "BYLINE"
                    if (name := text(element)))
    if bylines:
        found["bylines"] = bylines
    return found
