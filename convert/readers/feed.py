"""RSS and Atom feeds (feedparser): a container, each entry one Document.

Mapping, entry by entry (the feed's own values where the entry has none):

| Document   | RSS 2.0                         | Atom 1.0                     |
| ---------- | ------------------------------- | ---------------------------- |
| headline   | item/title                      | entry/title                  |
| url        | item/link                       | entry/link[@rel=alternate]   |
| id         | item/guid when it is a URI      | entry/id when it is a URI    |
| bylines    | item/author, dc:creator         | entry/author/name            |
| published  | item/pubDate, dc:date           | entry/published              |
| updated    | -                               | entry/updated                |
| summary    | item/description (as text)      | entry/summary (as text)      |
| body       | content:encoded, else description | entry/content, else summary |
| keywords   | item/category                   | entry/category/@term         |
| source     | channel/title                   | feed/title                   |
| language   | channel/language                | xml:lang                     |
| copyright  | channel/copyright               | feed/rights                  |
| extra      | guid (not a URI), comments, enclosures, the feed's link |              |

Dates are kept as the feed states them, with their offset (RFC 822 dates
become ISO 8601).  HTML in titles and summaries is read as text; HTML
bodies go through the one body-markup reader (:mod:`convert.formats.body.parse`)
after feedparser's sanitizer has removed scripts and styles.  feedparser
never fetches anything here (it is given the bytes), resolves no external
entity and keeps only simple entity declarations, so no entity expands.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from convert.errors import ConvertError
from convert.formats.body.parse import blocks_from_html
from convert.model import (ABSOLUTE_URI, Block, Byline, Document, Figure, Paragraph, ParseWarning,
                           Provenance, body_text, content_id)
from convert.options import ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: RSS 2.0 author forms that name someone: ``addr@host (Name)``, ``Name <addr@host>``.
_RSS_AUTHOR = re.compile(r"^\S+@\S+\s+\((?P<name>[^()]+)\)$|^(?P<name2>[^<>@]+?)\s*<\S+@\S+>$")


def read(data: bytes, options: ReadOptions) -> Document:
    return next(read_all(data, options))


def read_all(data: bytes, options: ReadOptions) -> Iterator[Document]:
    parsed = _parse(data, options)
    feed: Mapping[str, Any] = parsed.get("feed", {})
    warnings: list[ParseWarning] = []
    if parsed.get("bozo"):
        warnings.append(ParseWarning("feed-malformed", "the feed is not well-formed XML; read "
                                     f"leniently: {_one_line(parsed.get('bozo_exception'))}"))
    atom = str(parsed.get("version") or "").startswith("atom")
    documents: list[Document] = []
    for number, entry in enumerate(parsed.get("entries", []), start=1):
        doc = _document(entry, feed, number, parsed.get("encoding"), atom, warnings)
        if doc is None:
            warnings.append(ParseWarning("entry-skipped", f"entry {number} "
                                         f"({_one_line(entry.get('title') or entry.get('id'))}) "
                                         "has no text and no image: skipped"))
            continue
        warnings = []
        documents.append(doc)
    if not documents:
        raise ConvertError("the feed has no entry with text" if parsed.get("entries")
                           else "the feed has no entries", source=options.source_name,
                           code="no-body")
    if warnings:  # about entries after the last document: they go on the last one
        last = documents[-1]
        documents[-1] = replace(last, provenance=replace(
            last.provenance, warnings=(*last.provenance.warnings, *warnings)))
    yield from documents


def _parse(data: bytes, options: ReadOptions) -> Any:
    import feedparser

    # A stream, never bytes or a string: feedparser treats strings as URLs or paths.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False,
                              sanitize_html=True)
    if not parsed.get("version") and not parsed.get("entries"):
        raise ConvertError(f"not an RSS or Atom feed: {_one_line(parsed.get('bozo_exception'))}",
                           source=options.source_name, code="invalid")
    return parsed


def _document(entry: Mapping[str, Any], feed: Mapping[str, Any], number: int,
              encoding: str | None, atom: bool, carried: list[ParseWarning]) -> Document | None:
    warnings = list(carried)
    headline = _text(entry.get("title_detail")) or None
    summary = _text(entry.get("summary_detail")) or None
    enclosures = [e for e in entry.get("enclosures", []) if e.get("href")]
    images = [e for e in enclosures if str(e.get("type") or "").startswith("image/")]
    body = _body(entry, warnings) + tuple(Figure((headline or "",), src=str(e["href"]))
                                          for e in images)
    if not body:
        return None
    given_id = str(entry.get("id") or "")
    bylines, author_note = _bylines(entry, atom)
    extra = {
        "guid": given_id if given_id and not ABSOLUTE_URI.fullmatch(given_id) else "",
        "comments": str(entry.get("comments") or ""),
        "enclosures": " ".join(str(e["href"]) for e in enclosures if e not in images),
        "author": author_note,
        "feed-link": str(feed.get("link") or ""),
    }
    return Document(
        id=given_id if ABSOLUTE_URI.fullmatch(given_id) else content_id(headline, body_text(body)),
        headline=headline,
        language=entry.get("language") or feed.get("language") or None,
        bylines=bylines,
        published=_date(entry, "published", warnings, number),
        updated=_date(entry, "updated", warnings, number),
        source=_text(feed.get("title_detail")) or None,
        copyright=_text(entry.get("rights_detail") or feed.get("rights_detail")) or None,
        url=entry.get("link") or None,
        keywords=tuple(dict.fromkeys(str(tag.get("term")).strip() for tag in entry.get("tags", [])
                                     if str(tag.get("term") or "").strip())),
        summary=summary,
        body=body,
        extra=tuple(sorted((key, value) for key, value in extra.items() if value)),
        provenance=Provenance("feed", encoding, tuple(warnings)),
    )


def _text(detail: Mapping[str, Any] | None) -> str:
    """A title or summary as plain text (HTML read as the browser shows it)."""
    if not detail or not detail.get("value"):
        return ""
    value = str(detail["value"])
    if detail.get("type") in _HTML_TYPES and "<" in value:
        from lxml import html

        from convert.formats.safexml import html_parser

        # block ends become spaces, as a browser shows them
        value = re.sub(r"(?i)(</(?:p|div|li|h[1-6]|blockquote)>|<br\s*/?>)", r"\1 ", value)
        value = html.fragment_fromstring(value, create_parent="div",
                                         parser=html_parser()).text_content()
    return " ".join(value.split())


def _body(entry: Mapping[str, Any], warnings: list[ParseWarning]) -> tuple[Block, ...]:
    """The entry's content (its HTML or text part), else its summary, as blocks."""
    parts = list(entry.get("content", []))
    if entry.get("summary_detail"):
        parts.append(entry["summary_detail"])
    for part in parts:
        value = str(part.get("value") or "")
        if not value.strip():
            continue
        if part.get("type") in _HTML_TYPES:
            blocks, found = blocks_from_html(value, verbatim=False, warning_prefix="feed")
            warnings.extend(found)
        else:
            blocks = tuple(Paragraph((" ".join(chunk.split()),))
                           for chunk in re.split(r"\n\s*\n", value) if chunk.strip())
        if blocks:
            return blocks
    return ()


def _bylines(entry: Mapping[str, Any], atom: bool) -> tuple[tuple[Byline, ...], str]:
    """Atom's author names; RSS's author (an e-mail address, ``addr (Name)`` or
    ``Name <addr>``) or ``dc:creator`` as written.  An address with no name is no
    byline: it is kept as extra ``author``."""
    if atom:
        names = [str(author.get("name") or "").strip() for author in entry.get("authors", [])]
        return tuple(Byline(name) for name in dict.fromkeys(names) if name), ""
    raw = " ".join(str(entry.get("author") or "").split())
    named = _RSS_AUTHOR.match(raw)
    if named:
        return (Byline(named.group("name") or named.group("name2")),), raw
    if "@" in raw and " " not in raw:
        return (), raw
    return ((Byline(raw),) if raw else ()), ""


def _date(entry: Mapping[str, Any], key: str, warnings: list[ParseWarning],
          number: int) -> str | None:
    """The entry's date as ISO 8601 with the offset it states (RSS's RFC 822 dates
    converted); a date feedparser could only normalise is given in UTC, with a warning."""
    # dict.get: feedparser's own get() answers "updated" with the published date
    raw = str(dict.get(entry, key) or "").strip()  # type: ignore[call-overload]
    if not raw or (key == "updated" and raw == str(dict.get(entry, "published") or "").strip()):  # type: ignore[call-overload]
        return None
    try:
        return dt.datetime.fromisoformat(raw).isoformat() if "T" in raw else (
            dt.date.fromisoformat(raw).isoformat())
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError):
        pass
    parsed = entry.get(f"{key}_parsed")
    if parsed:
        year, month, day, hour, minute, second = parsed[:6]
        stamp = dt.datetime(year, month, day, hour, minute, second,
                            tzinfo=dt.timezone.utc).isoformat()
        warnings.append(ParseWarning("date-normalized", f"entry {number}: {key} date {raw!r} "
                                     f"read as {stamp} (UTC)"))
        return stamp
    warnings.append(ParseWarning("date-unreadable", f"entry {number}: {key} date {raw!r} "
                                 "is not a date: left out"))
    return None


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())[:200]
