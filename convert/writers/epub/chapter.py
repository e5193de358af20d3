"""One article as an XHTML content document (the chapters of an EPUB).

The chapter's ``<article>`` is the HTML page's article
(:func:`convert.formats.htmlarticle.article_element`) in the XHTML namespace, with
the book's link policy: only absolute web and mail addresses are live links
(anything else would point inside the book), and images are never loaded
(a book may not fetch remote resources; the source is kept in ``data-src``).
Everything the document says is escaped; characters XML 1.0 cannot hold are
dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from convert.formats.body import XHTML
from convert.formats.body.build import MarkupBuilder
from convert.formats.epub import DATA_BLOCK_ID, OPS
from convert.formats.htmlarticle import article_element
from convert.formats.xmltext import without_not_xml, xml_safe
from convert.model import Document

#: Links kept as links: absolute web and mail addresses that are valid URLs as
#: written (anything else would be a broken or unsafe reference in a book).
_LINKABLE = re.compile(r"(?:https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+|mailto:[^\s<>\"\\]+)\Z")


def escape(text: str) -> str:
    """``text`` safe as XML character data and as a double-quoted attribute value."""
    text = without_not_xml(text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def linkable(href: str) -> bool:
    return _LINKABLE.match(href) is not None


@dataclass(frozen=True)
class ChapterHead:
    """What the EPUB writer decides about a chapter: its title, language and links."""

    title: str
    language: str
    direction: str
    stylesheet_href: str
    #: JSON embedded as a data block (a ``<script>`` no reading system runs).
    data_json: str | None = None


def chapter(doc: Document, head: ChapterHead, navigation: str = "") -> bytes:
    """The complete content document for ``doc``; ``navigation`` (XHTML) follows the article."""
    lang = escape(head.language)
    data_block = ("" if head.data_json is None else
                  f'<script type="application/json" id="{DATA_BLOCK_ID}">'
                  f"{_script_safe(head.data_json)}</script>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' lang="{lang}" xml:lang="{lang}" dir="{head.direction}">\n'
        f"<head>\n<title>{escape(head.title)}</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{escape(head.stylesheet_href)}"/>\n'
        f"{data_block}\n</head>\n<body>\n{article_markup(doc)}\n{navigation}\n</body>\n</html>\n"
    ).encode("utf-8")


def _script_safe(json_text: str) -> str:
    """JSON that reads the same to an XML and an HTML parser (no ``<``, ``>`` or ``&``)."""
    return json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_markup(doc: Document) -> str:
    """The chapter's ``<article epub:type="chapter">`` as XHTML text."""
    from lxml import etree

    from convert.writers.present import people_date, typeset

    language = doc.language
    build = MarkupBuilder(XHTML, prefixes={"epub": OPS}, live_url=linkable, images=False,
                          typeset=lambda text, before: typeset(text, language, before))
    article = article_element(xml_safe(doc), build, lambda value: people_date(value, language))
    article.set(f"{{{OPS}}}type", "chapter")
    return etree.tostring(article, encoding="unicode")
