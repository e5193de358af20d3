"""The ``<article>`` markup of a Document, shared by the HTML and EPUB writers.

:func:`article_element` builds the article as an lxml element tree: a header
(headline, summary, byline, dateline, dates), the body in the one body markup
of :mod:`convert.formats.body`, and a footer (source, copyright, keywords).  The HTML
writer serialises it into a page (or alone, as a fragment); the EPUB writer
builds the same markup in the XHTML namespace for its chapters (pass a
:class:`~convert.formats.body.build.MarkupBuilder` for the namespace and link policy).
The HTML reader reads this markup back, so the class names and ``data-*``
attributes below are the contract between writer and reader.

Everything the Document holds lives inside the ``<article>``, so a page and a
fragment read back the same: visible fields as marked-up text, the fields with
no visible place (id, version, slugline, url, summary, extra) as ``data-*``
attributes on the ``<article>`` element.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from convert.formats.body import PHOTO_CLASS
from convert.formats.body.build import MarkupBuilder, append_text, ascii_json, is_nfc
from convert.model import (
    Byline, Dateline, Document, Figure, Inlines, ListBlock, Table, plain_text,
)

if TYPE_CHECKING:
    from lxml import etree

#: ``class`` values (and ``data-*`` names) the reader relies on.
ARTICLE_CLASS = "news-article"
BODY_CLASS = "article-body"
SUBHEADLINE_CLASS = "subheadline"
SUMMARY_CLASS = "summary"
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
#: On an ``<h1>`` that stands in for a missing headline (every article needs a heading).
PLACEHOLDER_ATTRIBUTE = "data-placeholder"
#: On the ``<span>`` standing for a date that is not a valid HTML ``datetime``.
DATETIME_ATTRIBUTE = "data-datetime"
#: Suffix of a ``data-*`` attribute holding a JSON string, for values not in NFC.
JSON_SUFFIX = "-json"

#: ``data-*`` attributes of ``<article>`` holding the fields with no visible place.
DATA_ATTRIBUTES = ("id", "version", "slugline", "url", "summary", "extra", "item")

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


#: Visible words, by primary language subtag (English when the language is not here):
#: a line a language, the words in the order the first line names them.
_WORDS = """\
language | by | published | updated | source | topics | contents | previous | next | articles | article
en | By | Published | Updated | Source | Topics | Contents | Previous | Next | articles | article
fr | Par | Publié le | Mis à jour le | Source | Sujets | Sommaire | Précédent | Suivant | articles | article
de | Von | Veröffentlicht | Aktualisiert | Quelle | Themen | Inhalt | Zurück | Weiter | Artikel | Artikel
es | Por | Publicado | Actualizado | Fuente | Temas | Índice | Anterior | Siguiente | artículos | artículo
nl | Door | Gepubliceerd | Bijgewerkt | Bron | Onderwerpen | Inhoud | Vorige | Volgende | artikelen | artikel
ru | Автор: | Опубликовано | Обновлено | Источник | Темы | Содержание | Назад | Далее | статей | статья
ar | بقلم | نُشر | حُدّث | المصدر | مواضيع | المحتويات | السابق | التالي | مقالات | مقال
zh | 作者： | 发布 | 更新 | 来源 | 主题 | 目录 | 上一篇 | 下一篇 | 篇文章 | 篇文章
ja | 筆者： | 公開 | 更新 | 出典 | トピック | 目次 | 前へ | 次へ | 件の記事 | 件の記事
"""
#: Between names in a list, and after a dateline's place, where it is not ", ".
_PUNCTUATION = {"ar": ("، ", "، "), "zh": ("、", "，"), "ja": ("、", "，")}


def _labels_by_language(table: str) -> dict[str, dict[str, str]]:
    (_, *names), *rows = (line.split(" | ") for line in table.splitlines())
    found = {}
    for language, *words in rows:
        separator, dateline = _PUNCTUATION.get(language, (", ", ", "))
        found[language] = {**dict(zip(names, words, strict=True)),
                           "separator": separator, "dateline": dateline}
    return found


LABELS: dict[str, dict[str, str]] = _labels_by_language(_WORDS)
#: Labels that end in a full-width character take no space after them (``作者：王``).
_FULL_WIDTH_END = re.compile(r"[\u3000-\u30ff\uff00-\uffef]\Z")


def label_with_space(label: str) -> str:
    """``By `` but ``作者：`` (a full-width colon already is the gap)."""
    return label if _FULL_WIDTH_END.search(label) else label + " "


def labels(language: str | None) -> dict[str, str]:
    primary = (language or "en").split("-")[0].lower()
    return LABELS.get(primary, LABELS["en"])


# ---------------------------------------------------------------- text


def data_attribute(name: str, value: str) -> tuple[str, str]:
    """``data-<name>``, or ``data-<name>-json`` (ASCII JSON) when ``value`` is not NFC.

    HTML checkers warn about text that is not in Unicode Normalization Form C,
    yet the Document keeps text exactly as it was written (``e`` + U+0301 is
    not changed into ``é``): such rare values are stored escaped.
    """
    if is_nfc(value):
        return f"data-{name}", value
    return f"data-{name}{JSON_SUFFIX}", ascii_json(value)


# ---------------------------------------------------------------- dates and titles

#: The ``<time datetime>`` forms of our ISO 8601 dates (HTML allows 1 to 3 fraction digits).
_HTML_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?\Z")


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


_WORD = re.compile(r"\S+")


def words_of(text: str) -> Iterator[str]:
    """The words of ``text`` (as ``str.split`` gives them), one at a time: a body's start
    is read without splitting the whole of a long first paragraph."""
    return (match.group() for match in _WORD.finditer(text))


def placeholder_headline(doc: Document) -> str:
    """A stand-in title for a document without a headline: its first words."""
    first = list(itertools.islice(words_of(plain_text(_first_inlines(doc))), 9))
    if not first:
        return "Untitled"
    return " ".join(first[:8]) + ("…" if len(first) > 8 else "")


def _first_inlines(doc: Document) -> Inlines:
    for block in doc.body:
        if isinstance(block, ListBlock):
            if block.items:
                return block.items[0]
        elif isinstance(block, Table):
            if block.rows and block.rows[0]:
                return block.rows[0][0]
        else:
            return block.caption if isinstance(block, Figure) else block.content
    return ()


# ---------------------------------------------------------------- building

DateShown = Callable[[str], str]


def article_element(doc: Document, build: MarkupBuilder | None = None,
                    show_date: DateShown = display_datetime) -> etree._Element:
    """The ``<article>`` of ``doc``: header, body blocks and footer.

    ``build`` gives the namespace, link policy (XHTML for EPUB) and typography
    pass; by default HTML without a namespace, text not in NFC in ``data-text``
    spans.  ``show_date`` writes an ISO date for people (the machine value goes
    in ``datetime``).  The element carries ``lang`` and ``dir`` itself so it
    reads right when embedded in another page.  A figure caption with nothing
    to show is left out (it reads back the same: no caption, no credit).  The
    body's headings are numbered under the headline's ``<h1>``, none skipping a level.
    """
    build = build or MarkupBuilder(nfc_text=True)
    article = build.element("article", _article_attributes(doc))
    _header(build, article, doc, show_date)
    build.body(build.block(article, "div", {"class": BODY_CLASS}), doc.body, under_heading=1)
    _footer(build, article, doc)
    _drop_empty_captions(article)
    return article


def _drop_empty_captions(article: etree._Element) -> None:
    """Photo figures with neither caption text nor credit get no ``<figcaption>`` at all."""
    for caption in list(article.iter("{*}figcaption", "figcaption")):
        figure = caption.getparent()
        if (figure is not None and PHOTO_CLASS in (figure.get("class") or "").split()
                and not any(caption.itertext())):
            figure.remove(caption)


def _article_attributes(doc: Document) -> dict[str, str]:
    from convert.formats.canonical import item_fields_to_data

    item = item_fields_to_data(doc, changed_only=True)
    attributes = {"class": ARTICLE_CLASS}
    if doc.language:
        attributes["lang"] = doc.language
        if text_direction(doc.language):
            attributes["dir"] = "rtl"
    values = {"id": doc.id, "version": str(doc.version), "slugline": doc.slugline,
              "url": doc.url, "summary": doc.summary,
              "extra": json.dumps(doc.extra, ensure_ascii=False) if doc.extra else None,
              # status, embargo, signals, subjects...: canonical JSON (schema 2) of those set
              "item": json.dumps(item, ensure_ascii=False, sort_keys=True) if item else None}
    attributes.update(data_attribute(name, value) for name, value in values.items()
                      if value is not None)
    return attributes


def _header(build: MarkupBuilder, article: etree._Element, doc: Document,
            show_date: DateShown) -> None:
    words = labels(doc.language)
    header = build.block(article, "header")
    if doc.headline is None:
        build.block(header, "h1", {PLACEHOLDER_ATTRIBUTE: ""}, placeholder_headline(doc))
    else:
        build.block(header, "h1", text=doc.headline)
    if doc.subheadline is not None:
        build.block(header, "p", {"class": SUBHEADLINE_CLASS}, doc.subheadline)
    if doc.summary is not None:
        build.block(header, "p", {"class": SUMMARY_CLASS}, doc.summary)
    if doc.bylines:
        line = build.block(header, "p", {"class": BYLINE_CLASS})
        append_text(line, label_with_space(words["by"]))
        _byline(build, line, doc.bylines, words["separator"])
    if doc.dateline is not None:
        _dateline(build, build.block(header, "p", {"class": DATELINE_CLASS}), doc.dateline,
                  words["dateline"])
    if doc.published or doc.updated:
        dates = build.block(header, "p", {"class": "dates"})
        for name, value in ((PUBLISHED_CLASS, doc.published), (UPDATED_CLASS, doc.updated)):
            if value:
                append_text(dates, (" · " if len(dates) else "") + words[name] + " ")
                dates.append(_date_element(build, name, value, show_date))


def _byline(build: MarkupBuilder, line: etree._Element, bylines: tuple[Byline, ...],
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


def _dateline(build: MarkupBuilder, line: etree._Element, dateline: Dateline,
              separator: str) -> None:
    if dateline.place is not None:
        line.append(build.element("span", {"class": PLACE_CLASS}, dateline.place))
    if dateline.date_text is not None:
        if len(line):
            append_text(line, separator)
        line.append(build.element("span", {"class": DATE_TEXT_CLASS}, dateline.date_text))


def _date_element(build: MarkupBuilder, css_class: str, value: str,
                  show_date: DateShown) -> etree._Element:
    """``<time datetime>``; a ``<span data-datetime>`` for what HTML does not take as a date."""
    if _HTML_DATETIME.match(value):
        element = build.element("time", {"class": css_class, "datetime": value})
    else:
        element = build.element("span", {"class": css_class, DATETIME_ATTRIBUTE: value})
    element.text = show_date(value)
    return element


def _footer(build: MarkupBuilder, article: etree._Element, doc: Document) -> None:
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
