"""EPUB 3 books (with the EPUB 2 NCX) from one or many documents, laid out as a
periodical and byte-reproducible.

The book, in reading order: the cover (optional), a styled contents page, then
for each section (``group_by``) its section page (each article with date,
byline and a one-line description) followed by its articles; every article
ends with ``Previous | Section | Contents | Next``.  The navigation document
(``nav.xhtml``) holds the machine table of contents and the landmarks, hidden.

How the work is split, and why:

* The chapters are the bulk of a book.  They are rendered one at a time
  (:mod:`convert.writers.epub.chapter`, the HTML page's article markup in XHTML)
  into a spool file (in memory up to 16 MiB, then on disk), because an article's
  previous/next links are known only once every article has been seen; memory
  holds one article plus the book's index, never the whole corpus.
* ebooklib writes what it is good at: the package document (metadata,
  manifest, spine) and the NCX (:mod:`convert.writers.epub.package` routes its
  output into our archive); the pages (:mod:`convert.writers.epub.pages`) are ours.
* :class:`~convert.writers.epub.archive.Archive` makes the ZIP byte-reproducible.
  ``dcterms:modified`` is UTC: ``SOURCE_DATE_EPOCH`` when set, else the newest
  article date, else 2000-01-01T00:00:00Z; never the clock.

Each chapter also carries its article's canonical JSON, as an HTML data block
(``<script type="application/json">``, which no reading system runs), so that
the EPUB reader gives back exactly the documents that went in.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from convert.errors import ConvertError
from convert.formats.canonical import document_to_data
from convert.formats.htmlarticle import labels, text_direction
from convert.model import Document, ID_NAMESPACE, Paragraph, body_text, plain_text
from convert.options import WriteOptions
from convert.writers.epub import pages
from convert.files import source_date_epoch
from convert.writers.epub.archive import ROOT, STYLESHEET, Archive
from convert.writers.epub.chapter import ChapterHead, chapter, escape
from convert.writers.epub.cover import CoverImage, CoverText, cover_image, svg_cover
from convert.writers.epub.package import PackageWriter
from convert.writers.present import people_date

#: dcterms:modified when neither SOURCE_DATE_EPOCH nor any article date is known.
FALLBACK_MODIFIED = datetime(2000, 1, 1, tzinfo=UTC)
GROUPINGS = ("date", "source", "section", "none")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_MISSING_GROUP = {"date": "Undated", "source": "Unknown source", "section": "Other"}
#: Where the article navigation bar goes in a spooled chapter.
_BAR = b"<!--newsconvert:article-nav-->"
DESCRIPTION_LENGTH = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|(?<=[。！？])")


def is_path_pattern(group_by: str) -> bool:
    """A ``--group-by`` such as ``{parent}``: sections come from the input paths."""
    return "{" in group_by


def default_css() -> str:
    from importlib import resources

    return (resources.files("convert.writers.epub").joinpath("book.css")
            .read_text(encoding="utf-8"))


@dataclass(frozen=True)
class BookArticle:
    """A document and the section a caller found for it (e.g. from its file path)."""

    document: Document
    section: str | None = None


@dataclass
class _Entry:
    """What the book's index keeps of one article once its chapter is spooled."""

    stem: str
    listing: pages.Listing
    group: str
    dates: tuple[datetime, ...]
    offset: int
    length: int


@dataclass
class _Plan:
    """The book-wide facts gathered while chapters stream past."""

    entries: list[_Entry] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    bylines: dict[str, None] = field(default_factory=dict)
    sources: dict[str, None] = field(default_factory=dict)
    content_hash: Any = field(default_factory=hashlib.sha256)
    #: The document of a one-article book (its summary, rights, subjects go in the metadata).
    single: Document | None = None


def write(docs: Iterable[Document | BookArticle], options: WriteOptions) -> bytes:
    """One EPUB holding every document in ``docs`` (one chapter each)."""
    buffer = io.BytesIO()
    write_to(docs, options, buffer)
    return buffer.getvalue()


def write_to(docs: Iterable[Document | BookArticle], options: WriteOptions,
             stream: IO[bytes]) -> None:
    """Stream the book into ``stream``; ``docs`` is consumed once, in order."""
    if options.group_by not in GROUPINGS and not is_path_pattern(options.group_by):
        raise ConvertError(f"unknown --group-by {options.group_by!r}; known: "
                           f"{', '.join(GROUPINGS)}, or a path pattern such as "
                           "'{parent}'", code="usage")
    if options.language is not None and not _LANGUAGE_TAG.match(options.language):
        raise ConvertError(f"--language {options.language!r} is not a BCP 47 language tag",
                           code="usage")
    cover = cover_image(options.cover)
    archive = Archive(stream)
    try:
        with tempfile.SpooledTemporaryFile(max_size=16 * 2**20) as spool:
            plan = _Plan()
            for number, item in enumerate(docs, start=1):
                article = item if isinstance(item, BookArticle) else BookArticle(item)
                _spool_chapter(spool, plan, number, article, options)
                plan.single = article.document if number == 1 else None
            if not plan.entries:
                raise ConvertError("an EPUB needs at least one article", code="usage")
            book = _Book(plan, options, cover)
            _write_chapters(archive, book, spool)
        archive.writestr(f"{ROOT}/{STYLESHEET}", (options.css or default_css()).encode("utf-8"))
        if cover is not None:
            _write_cover(archive, book, cover)
        _write_pages(archive, book)
        PackageWriter(book, archive).write()
    finally:  # on failure the stream holds an incomplete book: callers write atomically
        archive.close()


# ---------------------------------------------------------------- chapters


def _spool_chapter(spool: IO[bytes], plan: _Plan, number: int, article: BookArticle,
                   options: WriteOptions) -> None:
    doc = article.document
    stem = f"a{number:05d}"
    language = doc.language if doc.language and _LANGUAGE_TAG.match(doc.language) else None
    title = chapter_title(doc, number)
    head = ChapterHead(title=title, language=language or options.language or "und",
                       direction=direction(language or options.language),
                       stylesheet_href=f"../{STYLESHEET}", data_json=_canonical_json(doc))
    data = chapter(doc, head, navigation=_BAR.decode())
    offset = spool.tell()
    spool.write(data)
    dates = _dates(doc)
    listing = pages.Listing(
        href=f"text/{stem}.xhtml", title=title, language=language,
        date=next((value for value in (doc.published, doc.updated) if value), None),
        byline=labels(language)["separator"].join(byline.name for byline in doc.bylines),
        description=description(doc))
    plan.entries.append(_Entry(stem, listing, _group_key(article, options.group_by), dates,
                               offset, len(data)))
    if language:
        plan.languages[language] += 1
    plan.bylines.update(dict.fromkeys(b.name for b in doc.bylines if b.name.strip()))
    if doc.source and doc.source.strip():
        plan.sources[doc.source] = None
    plan.content_hash.update(f"{doc.id}\n".encode())


def _write_chapters(archive: Archive, book: _Book, spool: IO[bytes]) -> None:
    """Every spooled chapter, in reading order, with its navigation bar filled in."""
    order = [(section, entry) for section, entries in book.sections() for entry in entries]
    for index, (section, entry) in enumerate(order):
        previous = order[index - 1][1].listing if index else None
        following = order[index + 1][1].listing if index + 1 < len(order) else None
        spool.seek(entry.offset)
        data = spool.read(entry.length)
        bar = pages.article_bar(book.facts, previous, section, following)
        archive.writestr(f"{ROOT}/text/{entry.stem}.xhtml",
                         data.replace(_BAR, bar.encode("utf-8"), 1))


def _canonical_json(doc: Document) -> str:
    return json.dumps(document_to_data(doc), ensure_ascii=True, separators=(",", ":"))


def chapter_title(doc: Document, number: int) -> str:
    """A non-empty title: the headline, the slugline, the opening words, or "Article N"."""
    for candidate in (doc.headline, doc.slugline):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    words = body_text(doc.body).split()
    if words:
        return " ".join(words[:10]) + (" …" if len(words) > 10 else "")
    return f"Article {number}"


def description(doc: Document) -> str:
    """One line for a section page: the summary, else the first sentence of the body."""
    if doc.summary and doc.summary.strip():
        text = " ".join(doc.summary.split())
    else:
        first = next((" ".join(plain_text(block.content).split()) for block in doc.body
                      if isinstance(block, Paragraph) and plain_text(block.content).strip()), "")
        text = _SENTENCE_END.split(first, maxsplit=1)[0].strip()
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + "…"


def direction(language: str | None) -> str:
    """``rtl`` for right-to-left languages and scripts, else ``ltr``."""
    return text_direction(language) or "ltr"


def _dates(doc: Document) -> tuple[datetime, ...]:
    found = []
    for value in (doc.published, doc.updated):
        try:
            moment = datetime.fromisoformat(value) if value else None
        except ValueError:
            moment = None
        if moment is not None:
            found.append(moment.replace(tzinfo=UTC) if moment.tzinfo is None
                         else moment.astimezone(UTC))
    return tuple(found)


def _group_key(article: BookArticle, group_by: str) -> str:
    """The section an article is listed under."""
    doc = article.document
    if is_path_pattern(group_by):
        return (article.section or "").strip()
    if group_by == "date":
        dates = _dates(doc)
        return dates[0].date().isoformat() if dates else ""
    if group_by == "source":
        return (doc.source or "").strip()
    if group_by == "section":
        sections = [value for name, value in doc.extra if name == "section" and value.strip()]
        keywords = [keyword for keyword in doc.keywords if keyword.strip()]
        return (sections or keywords or [""])[0].strip()
    return ""


# ---------------------------------------------------------------- the book


class _Book:
    """The book-level decisions, made once every chapter has been seen."""

    def __init__(self, plan: _Plan, options: WriteOptions, cover: CoverImage | None) -> None:
        self.plan = plan
        self.options = options
        self.cover = cover
        self.language = options.language or _most_common(plan.languages) or "und"
        self.direction = direction(self.language)
        self.title = self._title()
        dates = sorted(moment for entry in plan.entries for moment in entry.dates)
        self.first_date = dates[0] if dates else None
        self.last_date = dates[-1] if dates else None
        self.identifier = self._identifier()
        self.grouped = options.group_by != "none"
        self.facts = pages.BookFacts(self.title, self.language, self.direction,
                                     self.date_range, STYLESHEET)
        self._sections = self._make_sections()

    def _title(self) -> str:
        if self.options.title and self.options.title.strip():
            return " ".join(self.options.title.split())
        if self.plan.single is not None:
            return self.plan.entries[0].listing.title
        return "News bundle"

    def _identifier(self) -> str:
        digest = self.plan.content_hash.copy()
        digest.update(f"{self.title}\n{self.options.group_by}\n{self.options.cover}".encode())
        return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, digest.hexdigest())}"

    @property
    def modified(self) -> datetime:
        from_environment = source_date_epoch()
        if from_environment is not None:
            return from_environment
        return self.last_date or FALLBACK_MODIFIED

    @property
    def cover_href(self) -> str | None:
        return None if self.cover is None else f"images/cover.{self.cover.extension}"

    @property
    def date_range(self) -> str:
        """The first and last article day, for people, in the book's language."""
        if self.first_date is None or self.last_date is None:
            return ""
        first, last = self.first_date.date().isoformat(), self.last_date.date().isoformat()
        shown_first = people_date(first, self.language)
        return shown_first if first == last else \
            f"{shown_first} – {people_date(last, self.language)}"

    def _make_sections(self) -> list[tuple[pages.Section, list[_Entry]]]:
        """Sections in reading order: dates ascending, others by first appearance."""
        grouped: dict[str, list[_Entry]] = {}
        for entry in self.plan.entries:
            grouped.setdefault(entry.group, []).append(entry)
        keys = list(grouped)
        if self.options.group_by == "date":
            keys.sort(key=lambda key: (key == "", key))
        else:  # articles with no source/section go last
            keys.sort(key=lambda key: key == "")
        missing = _MISSING_GROUP.get(self.options.group_by, "Other")
        sections = []
        for number, key in enumerate(keys, start=1):
            label = (people_date(key, self.language) if key and self.options.group_by == "date"
                     else key or missing)
            href = f"text/s{number:03d}.xhtml" if self.grouped else None
            listings = tuple(entry.listing for entry in grouped[key])
            sections.append((pages.Section(label, href, listings), grouped[key]))
        return sections

    def sections(self) -> list[tuple[pages.Section, list[_Entry]]]:
        return self._sections

    def section_labels(self) -> tuple[str, ...]:
        return tuple(section.label for section, _ in self._sections) if self.grouped else ()

    def first_href(self) -> str:
        section, entries = self._sections[0]
        return section.href or entries[0].listing.href


def _most_common(counter: Counter[str]) -> str | None:
    ranked = counter.most_common(1)
    return ranked[0][0] if ranked else None


# ---------------------------------------------------------------- cover and pages


def _write_cover(archive: Archive, book: _Book, cover: CoverImage) -> None:
    image = book.cover_href
    count = len(book.plan.entries)
    text = CoverText(book.title, book.language, book.direction, book.date_range,
                     book.section_labels(), pages.count_line(count, book.language))
    archive.writestr(f"{ROOT}/{image}", cover.data or svg_cover(text))
    lang = escape(book.language)
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' lang="{lang}" xml:lang="{lang}" dir="{book.direction}">\n'
        f"<head>\n<title>{escape(book.title)}</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{STYLESHEET}"/>\n</head>\n'
        f'<body class="cover">\n<section epub:type="cover">'
        f'<img src="{image}" alt="{escape(book.title)}"/></section>\n</body>\n</html>\n'
    )
    archive.writestr(f"{ROOT}/cover.xhtml", page.encode("utf-8"))


def _write_pages(archive: Archive, book: _Book) -> None:
    sections = [section for section, _ in book.sections()]
    archive.writestr(f"{ROOT}/{pages.CONTENTS}", pages.contents_page(book.facts, sections))
    for section in sections:
        if section.href is not None:
            archive.writestr(f"{ROOT}/{section.href}", pages.section_page(book.facts, section))
    landmarks = ([("cover", "cover.xhtml", "Cover")] if book.cover is not None else []) + [
        ("toc", pages.CONTENTS, "Contents"), ("bodymatter", book.first_href(), "Start")]
    archive.writestr(f"{ROOT}/{pages.NAV}",
                     pages.navigation_document(book.facts, sections, landmarks))
