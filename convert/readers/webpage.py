"""Saved news web pages (any site's HTML): the article extracted by trafilatura.

trafilatura finds the main text of a page (leaving out navigation, adverts,
comments and other furniture) and its metadata; htmldate, which it calls,
finds the date.  Mapping:

| Document  | from the page                                                      |
| --------- | ------------------------------------------------------------------ |
| headline  | the title trafilatura finds (``og:title``, ``<h1>``, ``<title>``...) |
| bylines   | its author(s) (``; ``-separated there: one byline each)             |
| published | the publication date (htmldate; a date, as precise as the page)    |
| source    | the site name                                                      |
| language  | ``<html lang>``, else ``content-language``, else trafilatura's      |
| url       | the canonical URL                                                  |
| summary   | the description (``og:description``, ``meta description``)         |
| keywords  | categories and tags                                                 |
| body      | the main text: paragraphs, headings, lists, quotes, emphasis, links |
| extra     | license, page type, image, hostname                                |

What the extractor leaves out is reported in one ``page-furniture``
warning (how much of the page's text was kept).  Pages newsconvert wrote
are not read here: they are detected as ours and read exactly by
``convert/readers/html.py``.  trafilatura (~0.2 s) is imported only when a
page is read; it never touches the network when given the page's bytes.
"""

from __future__ import annotations

import re
from typing import Any

from convert.errors import ConvertError
from convert.formats.body.parse import blocks_from_elements
from convert.model import (Byline, Document, Heading, ParseWarning, Provenance, body_text,
                           content_id, plain_text)
from convert.options import ReadOptions

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def read(data: bytes, options: ReadOptions) -> Document:
    import trafilatura
    from trafilatura.htmlprocessing import convert_to_html

    tree = trafilatura.load_html(data)
    if tree is None:
        raise ConvertError("cannot parse the page as HTML", source=options.source_name,
                           code="invalid")
    language = _declared_language(tree)
    stamps = _page_times(tree)
    page_text = len(" ".join(tree.text_content().split()))
    found: Any = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=True,
        include_formatting=True, include_links=False, include_images=False,
        output_format="python")
    if found is None or found.body is None or not (found.text or "").strip():
        raise ConvertError("no article text found in the page", source=options.source_name,
                           code="no-body")
    html = convert_to_html(found.body)
    body_element = html.find("body")
    blocks, markup_warnings = blocks_from_elements(
        body_element if body_element is not None else html, verbatim=False,
        warning_prefix="webpage")
    if not blocks:
        raise ConvertError("no article text found in the page", source=options.source_name,
                           code="no-body")
    headline = _clean(found.title)
    first = blocks[0]
    if (len(blocks) > 1 and isinstance(first, Heading) and headline
            and _clean(plain_text(first.content)) == headline):
        blocks = blocks[1:]  # the page's <h1>: the headline itself, not body
    published = _precise(_clean(found.date), stamps.get("published"))
    kept = len(" ".join(body_text(blocks).split()))
    warnings = [ParseWarning("page-furniture", "the article extractor (trafilatura) kept "
                             f"{kept} of the page's {page_text} characters of text: "
                             "navigation, adverts, comments and other furniture left out")]
    extra = {"license": _clean(found.license), "page-type": _clean(found.pagetype),
             "image": _clean(found.image), "hostname": _clean(found.hostname)}
    keywords = [k.strip() for k in [*(found.categories or []), *(found.tags or [])] if k.strip()]
    return Document(
        id=content_id(headline, body_text(blocks)),
        headline=headline,
        language=language or _clean(found.language),
        bylines=tuple(Byline(name.strip()) for name in (found.author or "").split(";")
                      if name.strip()),
        published=published,
        updated=_later(stamps.get("updated"), published),
        source=_clean(found.sitename),
        url=_clean(found.url),
        keywords=tuple(dict.fromkeys(keywords)),
        summary=_clean(found.description),
        body=blocks,
        extra=tuple(sorted((key, value) for key, value in extra.items() if value)),
        provenance=Provenance("webpage", None, (*warnings, *markup_warnings)),
    )


def _declared_language(tree: Any) -> str | None:
    """``<html lang>``, else ``<meta http-equiv="content-language">``."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
                  *tree.xpath("//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', "
                              "'content-language')='content-language']/@content")]
    for value in candidates:
        tag = str(value or "").strip().split(",")[0].strip().replace("_", "-")
        if _LANGUAGE.match(tag):
            return tag
    return None


#: Where pages state their times in full (with a time and an offset).
_TIME_PATHS = {
    "published": ("//meta[@property='article:published_time' or @name='article:published_time'"
                  " or @itemprop='datePublished']/@content",
                  "//*[@itemprop='datePublished']/@datetime", "//time/@datetime"),
    "updated": ("//meta[@property='article:modified_time' or @name='article:modified_time'"
                " or @itemprop='dateModified']/@content",
                "//*[@itemprop='dateModified']/@datetime"),
}


def _page_times(tree: Any) -> dict[str, str]:
    """The first full ISO 8601 date-time the page's markup states for each field."""
    import datetime as dt

    found: dict[str, str] = {}
    for field, paths in _TIME_PATHS.items():
        for path in paths:
            for value in tree.xpath(path):
                text = str(value).strip()
                try:
                    dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
                except ValueError:
                    continue
                if "T" in text:
                    found.setdefault(field, text)
    return found


def _precise(day: str | None, stamp: str | None) -> str | None:
    """htmldate's date, with the time the markup states for that same day, if any."""
    if day and stamp and stamp.startswith(day):
        return stamp
    return day


def _later(stamp: str | None, published: str | None) -> str | None:
    """The page's modification time when it is not the publication time itself."""
    return stamp if stamp and stamp != published else None


def _clean(value: object) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None
