"""HTML writer: a standalone, accessible HTML5 article page (or just its ``<article>``).

The page holds the article markup (:func:`convert.formats.htmlarticle.article_element`),
machine-readable metadata in the ``<head>`` (schema.org ``NewsArticle``
JSON-LD, Open Graph, ``<meta name="description">``, a canonical link) and an
embedded stylesheet: it makes no request of its own (no web fonts, no CDN).
It is serialised by :func:`convert.formats.body.build.write_html`.
"""

from __future__ import annotations

import functools
import io
import json
import re
import unicodedata
from pathlib import Path

from lxml import etree

from convert.errors import ConvertError
from convert.formats.htmlarticle import (
    article_element, placeholder_headline, text_direction, words_of,
)
from convert.formats.body.build import MarkupBuilder, is_nfc, is_safe_url, write_html
from convert.model import Document, Figure, block_text, body_text
from convert.options import WriteOptions
from convert.writers.present import people_date, typeset

#: Head elements whose content is not escaped (see :func:`convert.formats.body.build.write_html`):
#: JSON-LD made safe by :func:`json_ld` and checked stylesheets.
_RAW_TEXT_ELEMENTS = frozenset({"script", "style"})
DESCRIPTION_LENGTH = 200


def write(doc: Document, options: WriteOptions) -> bytes:
    try:
        tree = (presented_article(doc) if options.fragment
                else page_element(doc, stylesheet(options.css)))
    except ValueError as error:  # lxml refuses NUL and other control characters
        raise ConvertError(f"cannot write HTML: {error}", code="invalid") from None
    out = io.BytesIO()
    if not options.fragment:
        out.write(b"<!DOCTYPE html>\n")
    encoder = _Utf8Into(out)
    write_html(tree, encoder.write, consume=True)
    encoder.flush()
    out.write(b"\n")
    return out.getvalue()


#: A long text is encoded this many characters at a time, never as one more copy.
ENCODE_CHARS = 1 << 20
#: Short pieces (a tag with its text) are held until about this many characters
#: and encoded together: one encoding and one write per page, not several hundred.
HELD_CHARS = 1 << 16


class _Utf8Into:
    """A ``write`` for :func:`write_html`: the pieces encoded as UTF-8 into ``out``, a
    few short ones at a time (the page never exists as one str, nor a long text as one
    more bytes copy); :meth:`flush` after the last."""

    def __init__(self, out: io.BytesIO) -> None:
        self.out = out
        self.held: list[str] = []
        self.held_chars = 0

    def write(self, piece: str) -> None:
        if len(piece) <= ENCODE_CHARS:  # nearly every piece: a tag, a text
            self.held.append(piece)
            self.held_chars += len(piece)
            if self.held_chars >= HELD_CHARS:
                self.flush()
            return
        self.flush()
        for start in range(0, len(piece), ENCODE_CHARS):
            self.out.write(piece[start:start + ENCODE_CHARS].encode("utf-8"))

    def flush(self) -> None:
        if self.held:
            self.out.write("".join(self.held).encode("utf-8"))
            self.held.clear()
            self.held_chars = 0


def stylesheet(css: str | None) -> str:
    """The user's stylesheet, or ours; refused if it would end the ``<style>`` element."""
    if css is None:
        return default_stylesheet()
    if re.search(r"</style", css, re.IGNORECASE):
        raise ConvertError("the stylesheet contains '</style', which would end the page's "
                           "<style> element; remove it", code="invalid")
    return css


@functools.cache
def default_stylesheet() -> str:
    """``html.css`` beside this module, read once per process (a batch writes it into every
    page); read as a file: ``importlib.resources`` would import zipfile, tempfile and shutil,
    about 5 ms of every one-file run."""
    return Path(__file__).with_name("html.css").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the page


def page_element(doc: Document, css: str) -> etree._Element:
    """``<html>`` with the metadata ``<head>`` and the article in ``<body><main>``."""
    attributes = {"lang": doc.language or ""}
    if text_direction(doc.language):
        attributes["dir"] = "rtl"
    page = etree.Element("html", attributes)
    page.text = "\n"
    head = etree.SubElement(page, "head")
    _fill_head(head, doc, css)
    head.tail = "\n"
    body = etree.SubElement(page, "body")
    body.text = "\n"
    body.tail = "\n"
    main = etree.SubElement(body, "main")
    main.text = "\n"
    main.tail = "\n"
    article = presented_article(doc)
    article.tail = "\n"
    main.append(article)
    return page


def presented_article(doc: Document) -> etree._Element:
    """The ``<article>`` with dates for people and the typography of its language."""
    language = doc.language
    build = MarkupBuilder(nfc_text=True,
                          typeset=lambda text, before: typeset(text, language, before))
    return article_element(doc, build, lambda value: people_date(value, language))


def _fill_head(head: etree._Element, doc: Document, css: str) -> None:
    def add(tag: str, attributes: dict[str, str], text: str | None = None) -> None:
        """A head element; text in NFC (checkers warn otherwise; nothing reads it back)."""
        element = etree.SubElement(head, tag, {key: unicodedata.normalize("NFC", value)
                                               for key, value in attributes.items()})
        if text is not None:
            element.text = text if tag in _RAW_TEXT_ELEMENTS else unicodedata.normalize("NFC", text)
        element.tail = "\n"

    head.text = "\n"
    title = doc.headline if doc.headline is not None else placeholder_headline(doc)
    add("meta", {"charset": "utf-8"})
    add("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    add("title", {}, title)
    add("meta", {"name": "description", "content": description(doc)})
    if doc.url and is_safe_url(doc.url):
        add("link", {"rel": "canonical", "href": doc.url})
    add("meta", {"name": "generator", "content": "newsconvert"})
    for prop, value in open_graph(doc, title):
        add("meta", {"property": prop, "content": value})
    add("script", {"type": "application/ld+json"}, json_ld(doc))
    add("style", {}, "\n" + css.strip("\n") + "\n")


def description(doc: Document) -> str:
    """The summary, else the start of the body (cut at a word, about 200 characters)."""
    if doc.summary:
        return doc.summary
    text = ""
    for word in words_of(block_text(doc.body[0]) if doc.body else ""):
        text = f"{text} {word}" if text else word
        if len(text) > DESCRIPTION_LENGTH:
            return text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + "…"
    return text


def open_graph(doc: Document, title: str) -> list[tuple[str, str]]:
    """Open Graph ``property``/``content`` pairs (https://ogp.me/, ``article`` type)."""
    pairs = [("og:type", "article"), ("og:title", title), ("og:description", description(doc))]
    if doc.url and is_safe_url(doc.url):
        pairs.append(("og:url", doc.url))
    if doc.language:
        pairs.append(("og:locale", doc.language.replace("-", "_")))
    if doc.source:
        pairs.append(("og:site_name", doc.source))
    if doc.published:
        pairs.append(("article:published_time", doc.published))
    if doc.updated:
        pairs.append(("article:modified_time", doc.updated))
    pairs += [("article:author", byline.name) for byline in doc.bylines]
    pairs += [("article:tag", keyword) for keyword in doc.keywords]
    return pairs


def json_ld(doc: Document) -> str:
    """schema.org ``NewsArticle`` as JSON that cannot end its ``<script>`` element.

    Written as UTF-8 text, or all in ``\\u`` escapes when some text is not in NFC.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``
    (the same strings to a JSON parser), so ``</script>`` or ``<!--`` in any
    value stays inside the script.
    """
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle",
                               "identifier": doc.id}
    optional: dict[str, object] = {
        "headline": doc.headline,
        "alternativeHeadline": doc.subheadline,
        "inLanguage": doc.language,
        "datePublished": doc.published,
        "dateModified": doc.updated,
        "author": [{"@type": "Person", "name": byline.name} for byline in doc.bylines],
        "publisher": {"@type": "Organization", "name": doc.source} if doc.source else None,
        "copyrightNotice": doc.copyright,
        "url": doc.url,
        "dateline": _dateline_text(doc),
        "keywords": list(doc.keywords),
        "description": doc.summary,
        "image": [block.src for block in doc.body
                  if isinstance(block, Figure) and block.src and is_safe_url(block.src)],
    }
    data.update({key: value for key, value in optional.items() if value not in (None, [])})
    data["version"] = doc.version
    data["articleBody"] = body_text(doc.body)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if not is_nfc(text):  # keep the exact text, in \u escapes, without an NFC warning
        text = json.dumps(data, ensure_ascii=True, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _dateline_text(doc: Document) -> str | None:
    if doc.dateline is None:
        return None
    parts = [part for part in (doc.dateline.place, doc.dateline.date_text) if part]
    return ", ".join(parts) or None
