"""HTML reader: the article pages (and ``--fragment`` articles) that newsconvert writes.

Reads the ``<article>`` markup described in :mod:`convert.formats.htmlarticle` back
into the same Document: visible fields from their marked-up elements, the
others from the ``data-*`` attributes of ``<article>``, the body with the one
body-markup reader (:class:`convert.formats.body.parse.BodyParser`).  The ``<head>``
(JSON-LD, Open Graph) is derived from the same Document and is not needed,
which is why a fragment reads back as completely as a page.

Parsing is lxml's HTML parser with no network access; nothing is executed.
Inline markup that is not ours (``<span>``, ``<code>``...) is unwrapped to its
text with a warning; a body block that is not ours is an error naming its line.
"""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from convert.formats import htmlarticle
from convert.errors import ConvertError
from convert.formats.body.parse import BodyParser, json_or_none
from convert.model import Byline, Dateline, Document, Provenance, body_text, content_id
from convert.options import ReadOptions
from convert.formats.safexml import html_parser, xpath_elements

if TYPE_CHECKING:
    from lxml import etree


def read(text: str, options: ReadOptions) -> Document:
    return _Reader(options.source_name).document(_parse(text, options.source_name))


def _parse(text: str, source: str) -> etree._Element:
    from lxml import etree, html

    if not text.strip():
        raise ConvertError("empty HTML input", source=source, line=1, code="invalid")
    try:
        return html.document_fromstring(text, parser=html_parser(default_doctype=False))
    except (etree.ParserError, ValueError) as error:
        raise ConvertError(f"cannot parse HTML: {error}", source=source, code="invalid") from None


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _children(parent: etree._Element, tag: str, css_class: str | None = None
              ) -> list[etree._Element]:
    return [child for child in parent if child.tag == tag
            and (css_class is None or css_class in _classes(child))]


def _child(parent: etree._Element, tag: str, css_class: str | None = None
           ) -> etree._Element | None:
    found = _children(parent, tag, css_class)
    return found[0] if found else None


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.body = BodyParser(strict=True, source=source, warning_prefix="html")
        self.plain = self.body.plain

    def error(self, message: str, element: etree._Element) -> ConvertError:
        return self.body.error(message, element)

    # ------------------------------------------------------------ document

    def document(self, root: etree._Element) -> Document:
        articles = xpath_elements(root, "//article")
        if not articles:
            raise ConvertError("no <article> element: not an article page written by "
                               "newsconvert", source=self.source, line=1, code="invalid")
        article = articles[0]
        header = _child(article, "header")
        footer = _child(article, "footer")
        body_element = _child(article, "div", htmlarticle.BODY_CLASS)
        body = self.body.blocks(body_element) if body_element is not None else ()
        headline = self.headline(header)
        data = self.data_attributes(article)
        return Document(
            id=data.get("id") or content_id(headline, body_text(body)),
            version=self.version(article, data.get("version")),
            language=article.get("lang") or root.get("lang") or None,
            headline=headline,
            subheadline=self.text_of_class(header, "p", htmlarticle.SUBHEADLINE_CLASS),
            slugline=data.get("slugline"),
            bylines=self.bylines(header),
            dateline=self.dateline(header),
            published=self.date(header, htmlarticle.PUBLISHED_CLASS),
            updated=self.date(header, htmlarticle.UPDATED_CLASS),
            source=self.footer_text(footer, htmlarticle.SOURCE_CLASS),
            copyright=self.footer_text(footer, htmlarticle.COPYRIGHT_CLASS),
            url=data.get("url"),
            keywords=self.keywords(footer),
            summary=data.get("summary"),
            body=body,
            extra=self.extra(article, data.get("extra")),
            provenance=Provenance("html", "utf-8", tuple(self.body.warnings)),
            **self.item_fields(article, data.get("item")),
        )

    def data_attributes(self, article: etree._Element) -> dict[str, str]:
        values: dict[str, str] = {}
        for name in htmlarticle.DATA_ATTRIBUTES:
            if (value := article.get(f"data-{name}")) is not None:
                values[name] = value
            elif (encoded := article.get(f"data-{name}{htmlarticle.JSON_SUFFIX}")) is not None:
                values[name] = self.json_string(encoded, article)
        return values

    def json_string(self, encoded: str, element: etree._Element) -> str:
        value = json_or_none(encoded)
        if not isinstance(value, str):
            raise self.error(f"expected a JSON string in a data attribute, got {encoded!r}",
                             element)
        return value

    def item_fields(self, article: etree._Element, value: str | None) -> dict[str, Any]:
        """The news-item fields (status, embargo...) from ``data-item``, checked by our schema."""
        from convert.formats.canonical import (
            ITEM_DEFAULTS, NINJS_DETAIL_KEYS, item_field_errors, item_fields_from_data,
        )

        if value is None:
            return {}
        item = json_or_none(value)
        if not isinstance(item, dict) or not set(item) <= set(ITEM_DEFAULTS) | NINJS_DETAIL_KEYS:
            raise self.error(f"data-item must be a JSON object of news-item fields, got "
                             f"{value[:80]!r}", article)
        for message in item_field_errors(item):
            raise self.error(f"data-item: {message}", article)
        return item_fields_from_data(item)

    def version(self, article: etree._Element, value: str | None) -> int:
        if value is None:
            return 1
        if not value.isdigit() or int(value) < 1:
            raise self.error(f"data-version must be a positive integer, got {value!r}", article)
        return int(value)

    def extra(self, article: etree._Element, value: str | None) -> tuple[tuple[str, str], ...]:
        if value is None:
            return ()
        pairs = json_or_none(value)
        if not (isinstance(pairs, list) and all(
                isinstance(pair, list) and len(pair) == 2
                and all(isinstance(part, str) for part in pair) for pair in pairs)):
            raise self.error("data-extra must be a JSON list of [name, value] string pairs",
                             article)
        return tuple(sorted((name, text) for name, text in pairs))

    # ------------------------------------------------------------ header and footer

    def headline(self, header: etree._Element | None) -> str | None:
        h1 = _child(header, "h1") if header is not None else None
        if h1 is None or h1.get(htmlarticle.PLACEHOLDER_ATTRIBUTE) is not None:
            return None
        return self.plain(h1)

    def text_of_class(self, parent: etree._Element | None, tag: str, css_class: str
                      ) -> str | None:
        if parent is None:
            return None
        element = _child(parent, tag, css_class)
        return None if element is None else self.plain(element)

    def bylines(self, header: etree._Element | None) -> tuple[Byline, ...]:
        line = _child(header, "p", htmlarticle.BYLINE_CLASS) if header is not None else None
        if line is None:
            return ()
        return tuple(
            Byline(self.text_of_class(author, "span", htmlarticle.NAME_CLASS) or "",
                   self.text_of_class(author, "span", htmlarticle.ROLE_CLASS))
            for author in _children(line, "span", htmlarticle.AUTHOR_CLASS))

    def dateline(self, header: etree._Element | None) -> Dateline | None:
        line = _child(header, "p", htmlarticle.DATELINE_CLASS) if header is not None else None
        if line is None:
            return None
        return Dateline(self.text_of_class(line, "span", htmlarticle.PLACE_CLASS),
                        self.text_of_class(line, "span", htmlarticle.DATE_TEXT_CLASS))

    def date(self, header: etree._Element | None, css_class: str) -> str | None:
        dates = _child(header, "p", "dates") if header is not None else None
        for element in (dates if dates is not None else ()):
            if css_class in _classes(element):
                return element.get("datetime") or element.get(htmlarticle.DATETIME_ATTRIBUTE)
        return None

    def footer_text(self, footer: etree._Element | None, css_class: str) -> str | None:
        if footer is None:
            return None
        found = xpath_elements(footer, ".//*[contains(concat(' ', @class, ' '), $name)]",
                               name=f" {css_class} ")
        return self.plain(found[0]) if found else None

    def keywords(self, footer: etree._Element | None) -> tuple[str, ...]:
        keywords = _child(footer, "ul", htmlarticle.KEYWORDS_CLASS) if footer is not None else None
        if keywords is None:
            return ()
        return tuple(self.plain(item) for item in _children(keywords, "li"))
