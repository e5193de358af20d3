"""The ``<article>`` markup of a Document, shared by the HTML and EPUB writers.

:func:`article_element` builds the article as an lxml element tree; the HTML
writer serialises it into a page (or alone, as a fragment) and the EPUB writer
can build the same markup in the XHTML namespace (``namespace=XHTML``) for its
chapters.  The HTML reader reads this markup back, so the class names and
``data-*`` attributes below are the contract between writer and reader.

Everything the Document holds lives inside the ``<article>``, so a page and a
fragment read back the same: visible fields as marked-up text, the fields with
no visible place (id, version, slugline, url, summary, extra) as ``data-*``
attributes on the ``<article>`` element.
"""

from __future__ import annotations

import json
import re
import unicodedata

from lxml import etree

from convert.model import (
    Block, Byline, Dateline, Document, Emphasis, Figure, Heading, Inlines, Link, ListBlock, Note,
    Paragraph, Quote, Strong, plain_text,
)

XHTML = "http://www.w3.org/1999/xhtml"

#: ``class`` values (and ``data-*`` names) the reader relies on.
ARTICLE_CLASS = "news-article"
BODY_CLASS = "article-body"
SUBHEADLINE_CLASS = "subheadline"
BYLINE_CLASS = "byline"
AUTHOR_CLASS = "author"
NAME_CLASS = "name"
ROLE_CLASS = "role"
DATELINE_CLASS = "dateline"
PLACE_CLASS = "place"
DATE_TEXT_CLASS = "date"
PUBLISHED_CLASS = "published"
UPDATED_CLASS = "updated"
SOURCE_CLASS = "source"
COPYRIGHT_CLASS = "copyright"
KEYWORDS_CLASS = "keywords"
QUOTE_CLASS = "quote"
PHOTO_CLASS = "photo"
CAPTION_CLASS = "caption"
CREDIT_CLASS = "credit"
NOTE_CLASS = "note"
#: On an ``<h1>`` that stands in for a missing headline (every article needs a heading).
PLACEHOLDER_ATTRIBUTE = "data-placeholder"
#: On an ``<a>`` whose target is not a safe URL: kept for round trips, never live.
UNSAFE_HREF_ATTRIBUTE = "data-unsafe-href"
#: On a ``<span>`` standing for a link inside a link (HTML cannot nest ``<a>``).
NESTED_HREF_ATTRIBUTE = "data-href"
#: On a photo ``<figure>`` whose image source is not a safe URL (no ``<img>`` then).
UNSAFE_SRC_ATTRIBUTE = "data-unsafe-src"
#: On a ``<span>`` around text that is not in Unicode NFC: the exact text as a JSON
#: string (ASCII), while the span shows the NFC form (see :func:`exact_text`).
EXACT_TEXT_ATTRIBUTE = "data-text"
#: Suffix of a ``data-*`` attribute holding a JSON string, for values not in NFC.
JSON_SUFFIX = "-json"

#: ``data-*`` attributes of ``<article>`` holding the fields with no visible place.
DATA_ATTRIBUTES = ("id", "version", "slugline", "url", "summary", "extra")

# ---------------------------------------------------------------- language

_RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "pa-arab",
                            "ps", "sd", "syr", "ug", "ur", "yi"})
_RTL_SCRIPTS = frozenset({"adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa"})


def text_direction(language: str | None) -> str | None:
    """``"rtl"`` for right-to-left languages (by script subtag first), else None."""
    if not language:
        return None
    subtags = language.lower().split("-")
    scripts = [tag for tag in subtags[1:] if len(tag) == 4 and tag.isalpha()]
    if scripts:
        return "rtl" if scripts[0] in _RTL_SCRIPTS else None
    return "rtl" if subtags[0] in _RTL_LANGUAGES else None


#: Visible words, by primary language subtag (English when the language is not here).
LABELS: dict[str, dict[str, str]] = {
    "en": {"by": "By", "published": "Published", "updated": "Updated", "source": "Source",
           "topics": "Topics", "separator": ", "},
    "fr": {"by": "Par", "published": "Publié le", "updated": "Mis à jour le",
           "source": "Source", "topics": "Sujets", "separator": ", "},
    "de": {"by": "Von", "published": "Veröffentlicht", "updated": "Aktualisiert",
           "source": "Quelle", "topics": "Themen", "separator": ", "},
    "es": {"by": "Por", "published": "Publicado", "updated": "Actualizado",
           "source": "Fuente", "topics": "Temas", "separator": ", "},
    "nl": {"by": "Door", "published": "Gepubliceerd", "updated": "Bijgewerkt",
           "source": "Bron", "topics": "Onderwerpen", "separator": ", "},
    "ru": {"by": "Автор:", "published": "Опубликовано", "updated": "Обновлено",
           "source": "Источник", "topics": "Темы", "separator": ", "},
    "ar": {"by": "بقلم", "published": "نُشر", "updated": "حُدّث", "source": "المصدر",
           "topics": "مواضيع", "separator": "، "},
    "zh": {"by": "作者：", "published": "发布", "updated": "更新", "source": "来源",
           "topics": "主题", "separator": "、"},
}


def labels(language: str | None) -> dict[str, str]:
    primary = (language or "en").split("-")[0].lower()
    return LABELS.get(primary, LABELS["en"])


# ---------------------------------------------------------------- text


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def ascii_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=True)


def data_attribute(name: str, value: str) -> tuple[str, str]:
    """``data-<name>``, or ``data-<name>-json`` (ASCII JSON) when ``value`` is not NFC.

    HTML checkers warn about text that is not in Unicode Normalization Form C,
    yet the Document keeps text exactly as it was written (``e`` + U+0301 is
    not changed into ``é``): such rare values are stored escaped.
    """
    if is_nfc(value):
        return f"data-{name}", value
    return f"data-{name}{JSON_SUFFIX}", ascii_json(value)


# ---------------------------------------------------------------- URLs

_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\t\n\r]")


def is_safe_url(url: str) -> bool:
    """True for relative URLs and http(s)/mailto/tel/ftp ones.

    The scheme is read the way a browser reads it (tabs and newlines removed,
    leading controls and spaces stripped), so ``java\\tscript:`` is caught.
    """
    cleaned = _URL_IGNORED.sub("", url).lstrip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in _SAFE_SCHEMES


def display_datetime(value: str) -> str:
    """An ISO 8601 date or date-time, shown the same way in every language.

    ``2022-11-28T09:30:00+00:00`` -> ``2022-11-28 09:30 UTC``;
    ``2019-03-05T10:21:35`` -> ``2019-03-05 10:21``; a date stays as it is.
    """
    date, _, time = value.partition("T")
    if not time:
        return date
    match = re.match(r"(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", time)
    if match is None:
        return value
    clock, offset = match.groups()
    if offset in (None, ""):
        return f"{date} {clock}"
    if offset in ("Z", "+00:00", "-00:00", "+0000"):
        return f"{date} {clock} UTC"
    return f"{date} {clock} UTC{offset}"


def placeholder_headline(doc: Document) -> str:
    """A stand-in title for a document without a headline: its first words."""
    words = " ".join(plain_text(_first_inlines(doc)).split()).split(" ")
    if words == [""]:
        return "Untitled"
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def _first_inlines(doc: Document) -> Inlines:
    for block in doc.body:
        if isinstance(block, ListBlock):
            if block.items:
                return block.items[0]
        else:
            return block.caption if isinstance(block, Figure) else block.content
    return ()


# ---------------------------------------------------------------- building

class _Builder:
    """Creates elements, in ``namespace`` when given (XHTML for EPUB)."""

    def __init__(self, namespace: str | None) -> None:
        self.namespace = namespace

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    def element(self, name: str, attributes: dict[str, str] | None = None,
                text: str | None = None) -> etree._Element:
        element = etree.Element(self.tag(name), attributes or {})
        if text is not None:
            self.text(element, text)
        return element

    def text(self, parent: etree._Element, text: str) -> None:
        """Append ``text``; text not in NFC is shown normalised, kept exact in ``data-text``."""
        if is_nfc(text):
            append_text(parent, text)
            return
        exact = etree.SubElement(parent, self.tag("span"), {EXACT_TEXT_ATTRIBUTE: ascii_json(text)})
        exact.text = unicodedata.normalize("NFC", text)

    def block(self, parent: etree._Element, name: str, attributes: dict[str, str] | None = None,
              text: str | None = None) -> etree._Element:
        """A child on a line of its own (newlines only between blocks, never in text)."""
        child = self.element(name, attributes, text)
        if len(parent) == 0:
            parent.text = "\n"
        child.tail = "\n"
        parent.append(child)
        return child

    def inlines(self, parent: etree._Element, inlines: Inlines,
                in_link: bool = False) -> etree._Element:
        for part in inlines:
            if isinstance(part, str):
                self.text(parent, part)
                continue
            if isinstance(part, Emphasis):
                child = self.element("em")
            elif isinstance(part, Strong):
                child = self.element("strong")
            else:
                child = self._link(part, in_link)
            parent.append(child)
            self.inlines(child, part.content, in_link or isinstance(part, Link))
        return parent

    def _link(self, link: Link, in_link: bool) -> etree._Element:
        if in_link:
            return self.element("span", {NESTED_HREF_ATTRIBUTE: link.href})
        if is_safe_url(link.href):
            return self.element("a", {"href": link.href})
        return self.element("a", {UNSAFE_HREF_ATTRIBUTE: link.href})


def append_text(parent: etree._Element, text: str) -> None:
    """Add ``text`` after the last child of ``parent`` (or as its text)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def article_element(doc: Document, *, namespace: str | None = None) -> etree._Element:
    """The ``<article>`` of ``doc``: header, body blocks and footer.

    ``namespace=XHTML`` builds the same tree in the XHTML namespace (for EPUB).
    The element carries ``lang`` and ``dir`` itself so it reads right when
    embedded in another page.
    """
    build = _Builder(namespace)
    article = etree.Element(build.tag("article"), _article_attributes(doc),
                            nsmap={None: namespace} if namespace else None)
    _header(build, article, doc)
    body = build.block(article, "div", {"class": BODY_CLASS})
    for block in doc.body:
        _block(build, body, block)
    _footer(build, article, doc)
    return article


def _article_attributes(doc: Document) -> dict[str, str]:
    attributes = {"class": ARTICLE_CLASS}
    if doc.language:
        attributes["lang"] = doc.language
        if text_direction(doc.language):
            attributes["dir"] = "rtl"
    values = {"id": doc.id, "version": str(doc.version), "slugline": doc.slugline,
              "url": doc.url, "summary": doc.summary,
              "extra": json.dumps(doc.extra, ensure_ascii=False) if doc.extra else None}
    attributes.update(data_attribute(name, value) for name, value in values.items()
                      if value is not None)
    return attributes


def _header(build: _Builder, article: etree._Element, doc: Document) -> None:
    words = labels(doc.language)
    header = build.block(article, "header")
    if doc.headline is None:
        build.block(header, "h1", {PLACEHOLDER_ATTRIBUTE: ""}, placeholder_headline(doc))
    else:
        build.block(header, "h1", text=doc.headline)
    if doc.subheadline is not None:
        build.block(header, "p", {"class": SUBHEADLINE_CLASS}, doc.subheadline)
    if doc.bylines:
        _byline(build, build.block(header, "p", {"class": BYLINE_CLASS}, words["by"] + " "),
                doc.bylines, words["separator"])
    if doc.dateline is not None:
        _dateline(build, build.block(header, "p", {"class": DATELINE_CLASS}), doc.dateline)
    if doc.published or doc.updated:
        dates = build.block(header, "p", {"class": "dates"})
        for name, value in ((PUBLISHED_CLASS, doc.published), (UPDATED_CLASS, doc.updated)):
            if value:
                append_text(dates, (" · " if len(dates) else "") + words[name] + " ")
                dates.append(build.element("time", {"class": name, "datetime": value},
                                           display_datetime(value)))


def _byline(build: _Builder, line: etree._Element, bylines: tuple[Byline, ...],
            separator: str) -> None:
    for index, byline in enumerate(bylines):
        if index:
            append_text(line, separator)
        author = build.element("span", {"class": AUTHOR_CLASS})
        author.append(build.element("span", {"class": NAME_CLASS}, byline.name))
        if byline.role is not None:
            append_text(author, ", ")
            author.append(build.element("span", {"class": ROLE_CLASS}, byline.role))
        line.append(author)


def _dateline(build: _Builder, line: etree._Element, dateline: Dateline) -> None:
    if dateline.place is not None:
        line.append(build.element("span", {"class": PLACE_CLASS}, dateline.place))
    if dateline.date_text is not None:
        if len(line):
            append_text(line, ", ")
        line.append(build.element("span", {"class": DATE_TEXT_CLASS}, dateline.date_text))


def _block(build: _Builder, body: etree._Element, block: Block) -> None:
    if isinstance(block, Paragraph):
        build.inlines(build.block(body, "p"), block.content)
    elif isinstance(block, Heading):
        build.inlines(build.block(body, f"h{block.level}"), block.content)
    elif isinstance(block, Quote):
        _quote(build, body, block)
    elif isinstance(block, ListBlock):
        items = build.block(body, "ol" if block.ordered else "ul")
        for item in block.items:
            build.inlines(build.block(items, "li"), item)
    elif isinstance(block, Figure):
        _figure(build, body, block)
    elif isinstance(block, Note):
        build.inlines(build.block(body, "aside", {"class": NOTE_CLASS, "data-kind": block.kind}),
                      block.content)


def _quote(build: _Builder, body: etree._Element, quote: Quote) -> None:
    """A ``<blockquote>``; its attribution in a ``<figcaption>``, outside the quote (as HTML asks)."""
    if quote.attribution is None:
        build.inlines(build.block(body, "blockquote"), quote.content)
        return
    figure = build.block(body, "figure", {"class": QUOTE_CLASS})
    build.inlines(build.block(figure, "blockquote"), quote.content)
    build.block(figure, "figcaption", text=quote.attribution)


def _figure(build: _Builder, body: etree._Element, figure: Figure) -> None:
    attributes = {"class": PHOTO_CLASS}
    if figure.src is not None and not is_safe_url(figure.src):
        attributes[UNSAFE_SRC_ATTRIBUTE] = figure.src
    element = build.block(body, "figure", attributes)
    if figure.src is not None and is_safe_url(figure.src):
        alt = unicodedata.normalize("NFC", plain_text(figure.caption))
        build.block(element, "img", {"src": figure.src, "alt": alt})
    caption = build.block(element, "figcaption")
    caption.append(build.inlines(build.element("span", {"class": CAPTION_CLASS}),
                                 figure.caption))
    if figure.credit is not None:
        append_text(caption, " ")
        caption.append(build.element("small", {"class": CREDIT_CLASS}, figure.credit))


def _footer(build: _Builder, article: etree._Element, doc: Document) -> None:
    if doc.source is None and doc.copyright is None and not doc.keywords:
        return
    words = labels(doc.language)
    footer = build.block(article, "footer")
    if doc.source is not None:
        line = build.block(footer, "p", text=words["source"] + ": ")
        line.append(build.element("span", {"class": SOURCE_CLASS}, doc.source))
    if doc.copyright is not None:
        build.block(footer, "p").append(
            build.element("small", {"class": COPYRIGHT_CLASS}, doc.copyright))
    if doc.keywords:
        build.block(footer, "p", text=words["topics"] + ":")
        keywords = build.block(footer, "ul", {"class": KEYWORDS_CLASS})
        for keyword in doc.keywords:
            build.block(keywords, "li", text=keyword)
