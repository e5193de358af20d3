"""The periodical's own pages: contents, section pages, the navigation document,
and the ``Previous | Section | Contents | Next`` bar of every article.

Each page is XHTML written from the book's index (:class:`Listing` per article),
in the book's language; an article's title, date and description keep the
article's own ``lang``/``dir``.  Shown text gets the same typography and dates
for people as the chapters (:mod:`convert.writers.present`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from convert.formats.epub import OPS
from convert.formats.htmlarticle import labels, text_direction
from convert.writers.epub.chapter import escape
from convert.writers.present import people_date, typeset

CONTENTS = "text/contents.xhtml"
NAV = "nav.xhtml"


@dataclass(frozen=True)
class Listing:
    """What the book's pages show of one article."""

    href: str  # from the package folder: text/a00001.xhtml
    title: str
    language: str | None
    #: The first of published/updated, ISO 8601, or None.
    date: str | None
    byline: str
    description: str


@dataclass(frozen=True)
class Section:
    label: str
    href: str | None  # its section page, None in an ungrouped book
    listings: tuple[Listing, ...]


@dataclass(frozen=True)
class BookFacts:
    title: str
    language: str
    direction: str
    date_range: str
    stylesheet: str  # from the package folder


def _page(facts: BookFacts, title: str, body: str, depth: int, body_class: str) -> bytes:
    lang = escape(facts.language)
    prefix = "../" * depth
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="{OPS}"'
        f' lang="{lang}" xml:lang="{lang}" dir="{facts.direction}">\n'
        f"<head>\n<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{prefix}{escape(facts.stylesheet)}"/>\n'
        f'</head>\n<body class="{body_class}">\n{body}</body>\n</html>\n'
    ).encode("utf-8")


def _lang(language: str | None, book_language: str) -> str:
    """``lang``/``dir`` attributes for text in another language than the page's."""
    if not language or language == book_language:
        return ""
    lang = escape(language)
    return f' lang="{lang}" xml:lang="{lang}" dir="{text_direction(language) or "ltr"}"'


def _shown(text: str, language: str | None) -> str:
    return escape(typeset(text, language))


def _relative(href: str, depth: int) -> str:
    """``href`` (from the package folder) as seen from a page ``depth`` folders down."""
    if depth and href.startswith("text/"):
        return href[len("text/"):]
    return href


def count_line(count: int, language: str) -> str:
    words = labels(language)
    return f"{count} {words['article'] if count == 1 else words['articles']}"


def _title_link(listing: Listing) -> str:
    """The article's title, linked, as seen from a page in ``text/``."""
    return (f'<a href="{_relative(listing.href, 1)}">'
            f"{_shown(listing.title, listing.language)}</a>")


def _count(section: Section, language: str) -> str:
    return escape(count_line(len(section.listings), language))


def _meta(listing: Listing) -> str:
    parts = [people_date(listing.date, listing.language)] if listing.date else []
    if listing.byline:
        parts.append(typeset(listing.byline, listing.language))
    return " · ".join(parts)


def contents_page(facts: BookFacts, sections: Sequence[Section]) -> bytes:
    """The styled table of contents (in the spine, after the cover)."""
    words = labels(facts.language)
    parts = [f'<section class="contents" epub:type="toc">\n'
             f"<h1>{_shown(facts.title, facts.language)}</h1>\n"]
    if facts.date_range:
        parts.append(f'<p class="book-dates">{escape(facts.date_range)}</p>\n')
    parts.append(f'<h2 class="contents-heading">{escape(words["contents"])}</h2>\n')
    for section in sections:
        if section.href is not None:
            parts.append(f'<h3 class="section-title"><a href="{_relative(section.href, 1)}">'
                         f"{_shown(section.label, facts.language)}</a> "
                         f'<span class="count">{_count(section, facts.language)}</span></h3>\n')
        parts.append('<ol class="toc-articles">\n')
        for listing in section.listings:
            meta = _meta(listing)
            parts.append(f"<li{_lang(listing.language, facts.language)}>{_title_link(listing)}"
                         + (f' <span class="meta">{escape(meta)}</span>' if meta else "")
                         + "</li>\n")
        parts.append("</ol>\n")
    parts.append("</section>\n")
    return _page(facts, words["contents"], "".join(parts), 1, "contents-page")


def section_page(facts: BookFacts, section: Section) -> bytes:
    """One section: its articles with date, byline and a one-line description."""
    words = labels(facts.language)
    parts = ['<section class="section-page" epub:type="part">\n'
             f"<h1>{_shown(section.label, facts.language)}</h1>\n"
             f'<p class="count">{_count(section, facts.language)}</p>\n'
             '<ol class="section-articles">\n']
    for listing in section.listings:
        meta = _meta(listing)
        parts.append(f"<li{_lang(listing.language, facts.language)}>\n"
                     f"<h2>{_title_link(listing)}</h2>\n"
                     + (f'<p class="meta">{escape(meta)}</p>\n' if meta else "")
                     + (f'<p class="description">{_shown(listing.description, listing.language)}'
                        "</p>\n" if listing.description else "")
                     + "</li>\n")
    parts.append("</ol>\n</section>\n")
    parts.append(f'<nav class="article-nav" aria-label="{escape(words["contents"])}">'
                 f'<a href="{_relative(CONTENTS, 1)}">{escape(words["contents"])}</a></nav>\n')
    return _page(facts, section.label, "".join(parts), 1, "section")


def article_bar(facts: BookFacts, previous: Listing | None, section: Section | None,
                following: Listing | None) -> str:
    """``Previous | Section | Contents | Next`` for the end of an article (XHTML text)."""
    words = labels(facts.language)
    links = []
    if previous is not None:
        links.append(f'<a rel="prev" href="{_relative(previous.href, 1)}">'
                     f"← {escape(words['previous'])}</a>")
    if section is not None and section.href is not None:
        links.append(f'<a href="{_relative(section.href, 1)}">'
                     f"{_shown(section.label, facts.language)}</a>")
    links.append(f'<a href="{_relative(CONTENTS, 1)}">{escape(words["contents"])}</a>')
    if following is not None:
        links.append(f'<a rel="next" href="{_relative(following.href, 1)}">'
                     f"{escape(words['next'])} →</a>")
    lang = escape(facts.language)
    return (f'<nav class="article-nav" lang="{lang}" xml:lang="{lang}" dir="{facts.direction}"'
            f' aria-label="{escape(words["contents"])}">' + " | ".join(links) + "</nav>")


def navigation_document(facts: BookFacts, sections: Sequence[Section],
                        landmarks: Sequence[tuple[str, str, str]]) -> bytes:
    """``nav.xhtml``: the machine table of contents and the (hidden) landmarks."""
    words = labels(facts.language)
    parts = ['<nav epub:type="toc" id="toc" role="doc-toc">\n'
             f"<h1>{escape(words['contents'])}</h1>\n<ol>\n"]
    for section in sections:
        items = "".join(f'<li><a href="{listing.href}"{_lang(listing.language, facts.language)}>'
                        f"{escape(listing.title)}</a></li>\n"
                        for listing in section.listings)
        if section.href is None:
            parts.append(items)
        else:
            parts.append(f'<li><a href="{section.href}">{escape(section.label)}</a>\n'
                         f"<ol>\n{items}</ol>\n</li>\n")
    parts.append("</ol>\n</nav>\n")
    parts.append('<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n<h2>Guide</h2>\n'
                 "<ol>\n")
    parts.extend(f'<li><a epub:type="{kind}" href="{href}">{escape(title)}</a></li>\n'
                 for kind, href, title in landmarks)
    parts.append("</ol>\n</nav>\n")
    return _page(facts, words["contents"], "".join(parts), 0, "navigation")
