"""EPUB 3 books (with the EPUB 2 NCX) from one or many documents, byte-reproducible.

How the work is split, and why:

* The chapters are the bulk of a book.  They are rendered one at a time
  (:mod:`convert.writers.epub.chapter`, the HTML page's article markup in XHTML) and compressed into the archive at once, so
  memory holds one article plus the book's index, never the whole corpus.
  ebooklib 0.20 would keep every chapter in memory *and* re-parse each one
  with lxml's HTML parser on output, so it does not see the chapters' text.
* ebooklib writes what it is good at: the package document (metadata,
  manifest, spine), the navigation document (table of contents and
  landmarks) and the NCX.  :class:`_IndexWriter` routes its output into our
  archive instead of letting it open its own.
* :class:`_Archive` makes the ZIP byte-reproducible: ``mimetype`` first and
  stored, one fixed timestamp (``SOURCE_DATE_EPOCH``, else 1980-01-01, the
  ZIP epoch), fixed permissions and a fixed order.  ``dcterms:modified`` is
  UTC: ``SOURCE_DATE_EPOCH`` when set, else the newest article date, else
  2000-01-01T00:00:00Z; never the clock.

Each chapter also carries its article's canonical JSON, as an HTML data block
(``<script type="application/json">``, which no reading system runs), so that
the EPUB reader gives back exactly the documents that went in.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import uuid
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from convert.errors import ConvertError
from convert.files import source_date_epoch
from convert.formats.htmlarticle import text_direction
from convert.model import Document, ID_NAMESPACE, body_text
from convert.options import WriteOptions
from convert.formats.safexml import xpath_elements
from convert.formats.canonical import document_to_data
from convert.writers.epub.chapter import ChapterHead, chapter, escape

ROOT = "EPUB"
STYLESHEET = "styles/book.css"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
#: dcterms:modified when neither SOURCE_DATE_EPOCH nor any article date is known.
FALLBACK_MODIFIED = datetime(2000, 1, 1, tzinfo=UTC)
GROUPINGS = ("date", "source", "section", "none")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_MISSING_GROUP = {"date": "Undated", "source": "Unknown source", "section": "Other"}

DEFAULT_CSS = """\
body { margin: 0 5%; font-family: serif; line-height: 1.4; }
h1 { font-size: 1.5em; margin: 0.5em 0; }
header p, footer p { margin: 0.2em 0; font-size: 0.9em; }
.dateline .place { text-transform: uppercase; letter-spacing: 0.05em; }
.subheadline, .summary { font-style: italic; }
.keywords { list-style: none; padding: 0; }
figure { margin: 1em 0; }
figure.quote blockquote { margin: 0 1.5em; }
figcaption, .credit { font-size: 0.9em; }
.note { border-inline-start: 3px solid #888; padding-inline-start: 0.8em; margin: 1em 0; }
footer { margin-top: 1.5em; border-top: 1px solid #ccc; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%; max-height: 100%; }
"""


@dataclass
class _Entry:
    """What the book's index keeps of one article once its chapter is written."""

    stem: str
    title: str
    language: str | None
    group: str
    dates: tuple[datetime, ...]


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


def write(docs: Iterable[Document], options: WriteOptions) -> bytes:
    """One EPUB holding every document in ``docs`` (one chapter each)."""
    buffer = io.BytesIO()
    write_to(docs, options, buffer)
    return buffer.getvalue()


def write_to(docs: Iterable[Document], options: WriteOptions, stream: IO[bytes]) -> None:
    """Stream the book into ``stream``; ``docs`` is consumed once, in order."""
    if options.group_by not in GROUPINGS:
        raise ConvertError(f"unknown --group-by {options.group_by!r}; known: "
                           f"{', '.join(GROUPINGS)}", code="usage")
    if options.language is not None and not _LANGUAGE_TAG.match(options.language):
        raise ConvertError(f"--language {options.language!r} is not a BCP 47 language tag",
                           code="usage")
    cover = _cover_image(options.cover)
    archive = _Archive(stream, _zip_time())
    try:
        plan = _Plan()
        for number, doc in enumerate(docs, start=1):
            _add_chapter(archive, plan, number, doc, options)
            plan.single = doc if number == 1 else None
        if not plan.entries:
            raise ConvertError("an EPUB needs at least one article", code="usage")
        archive.writestr(f"{ROOT}/{STYLESHEET}", (options.css or DEFAULT_CSS).encode("utf-8"))
        book = _Book(plan, options, cover)
        if cover is not None:
            _write_cover(archive, book, cover)
        _IndexWriter(book, archive).write_index()
    finally:  # on failure the stream holds an incomplete book: callers write atomically
        archive.close()


# ---------------------------------------------------------------- chapters


def _add_chapter(archive: _Archive, plan: _Plan, number: int, doc: Document,
                 options: WriteOptions) -> None:
    stem = f"a{number:05d}"
    language = doc.language if doc.language and _LANGUAGE_TAG.match(doc.language) else None
    title = chapter_title(doc, number)
    head = ChapterHead(title=title, language=language or options.language or "und",
                       direction=direction(language or options.language),
                       stylesheet_href=f"../{STYLESHEET}", data_json=_canonical_json(doc))
    archive.writestr(f"{ROOT}/text/{stem}.xhtml", chapter(doc, head))
    plan.entries.append(_Entry(stem, title, language, _group_key(doc, options.group_by),
                               _dates(doc)))
    if language:
        plan.languages[language] += 1
    plan.bylines.update(dict.fromkeys(b.name for b in doc.bylines))
    if doc.source:
        plan.sources[doc.source] = None
    plan.content_hash.update(f"{doc.id}\n".encode())


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


def _group_key(doc: Document, group_by: str) -> str:
    """The section an article is listed under in the table of contents."""
    if group_by == "date":
        dates = _dates(doc)
        return dates[0].date().isoformat() if dates else ""
    if group_by == "source":
        return doc.source or ""
    if group_by == "section":
        sections = [value for name, value in doc.extra if name == "section"]
        return (sections or list(doc.keywords) or [""])[0]
    return ""


# ---------------------------------------------------------------- the book


class _Book:
    """The book-level decisions, made once every chapter has been seen."""

    def __init__(self, plan: _Plan, options: WriteOptions, cover: _CoverImage | None) -> None:
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

    def _title(self) -> str:
        if self.options.title and self.options.title.strip():
            return " ".join(self.options.title.split())
        if self.plan.single is not None:
            return self.plan.entries[0].title
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
        if self.first_date is None or self.last_date is None:
            return ""
        first, last = self.first_date.date().isoformat(), self.last_date.date().isoformat()
        return first if first == last else f"{first} – {last}"

    def groups(self) -> list[tuple[str, list[_Entry]]]:
        """Sections in reading order: dates ascending, others by first appearance."""
        grouped: dict[str, list[_Entry]] = {}
        for entry in self.plan.entries:
            grouped.setdefault(entry.group, []).append(entry)
        keys = list(grouped)
        if self.options.group_by == "date":
            keys.sort(key=lambda key: (key == "", key))
        else:  # articles with no source/section go last
            keys.sort(key=lambda key: key == "")
        label = _MISSING_GROUP.get(self.options.group_by, "")
        return [(key or label, grouped[key]) for key in keys]


def _most_common(counter: Counter[str]) -> str | None:
    ranked = counter.most_common(1)
    return ranked[0][0] if ranked else None


def _zip_time() -> tuple[int, int, int, int, int, int]:
    moment = source_date_epoch()
    if moment is None or moment.year < 1980:
        return ZIP_EPOCH
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)


# ---------------------------------------------------------------- cover


@dataclass(frozen=True)
class _CoverImage:
    data: bytes | None  # None: generate the SVG cover once the book is known
    extension: str
    media_type: str


_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
    (b"GIF87a", "gif", "image/gif"),
    (b"GIF89a", "gif", "image/gif"),
)


def _cover_image(cover: str | None) -> _CoverImage | None:
    if cover is None:
        return None
    if cover == "auto":
        return _CoverImage(None, "svg", "image/svg+xml")
    try:
        with open(cover, "rb") as handle:
            data = handle.read(32 * 2**20 + 1)
    except OSError as error:
        raise ConvertError(f"cannot read cover image: {error.strerror or error}", source=cover,
                           code="usage") from None
    if len(data) > 32 * 2**20:
        raise ConvertError("cover image larger than 32 MiB", source=cover, code="usage")
    for signature, extension, media_type in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return _CoverImage(data, extension, media_type)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _CoverImage(data, "webp", "image/webp")
    raise ConvertError("cover image must be PNG, JPEG, GIF or WebP", source=cover, code="usage")


def _write_cover(archive: _Archive, book: _Book, cover: _CoverImage) -> None:
    image = book.cover_href
    archive.writestr(f"{ROOT}/{image}", cover.data or _svg_cover(book))
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


def _svg_cover(book: _Book) -> bytes:
    """A plain typographic cover: title, date range and article count."""
    count = len(book.plan.entries)
    lines = _wrap(book.title, 22)[:6]
    anchor = "end" if book.direction == "rtl" else "start"
    x = 540 if book.direction == "rtl" else 60
    title = "".join(
        f'<text x="{x}" y="{220 + 64 * index}" font-size="52" font-weight="bold" '
        f'text-anchor="{anchor}">{escape(line)}</text>' for index, line in enumerate(lines))
    details = [book.date_range, f"{count} article" + ("" if count == 1 else "s")]
    footer = "".join(
        f'<text x="{x}" y="{690 + 44 * index}" font-size="30" text-anchor="{anchor}">'
        f"{escape(text)}</text>" for index, text in enumerate(filter(None, details)))
    lang = escape(book.language)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 600 800" '
        f'width="600" height="800" xml:lang="{lang}" direction="{book.direction}" '
        'font-family="serif">\n'
        f"<title>{escape(book.title)}</title>\n"
        '<rect width="600" height="800" fill="#f4f1ea"/>'
        '<rect x="40" y="120" width="520" height="8" fill="#1d3557"/>'
        f'<g fill="#1d3557">{title}</g><g fill="#333333">{footer}</g>\n</svg>\n'
    ).encode("utf-8")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [text]


# ---------------------------------------------------------------- archive


class _Archive:
    """A ZIP whose bytes depend only on what is written into it, in order."""

    def __init__(self, stream: IO[bytes], date_time: tuple[int, int, int, int, int, int]) -> None:
        self._zip = zipfile.ZipFile(stream, "w")
        self._date_time = date_time
        self._names: set[str] = set()
        self._add("mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        self.writestr("META-INF/container.xml", _CONTAINER_XML)

    def writestr(self, name: str, data: bytes | str) -> None:
        """Add a compressed entry (ebooklib's writer calls this too)."""
        self._add(name, data.encode("utf-8") if isinstance(data, str) else data,
                  zipfile.ZIP_DEFLATED)

    def _add(self, name: str, data: bytes, method: int) -> None:
        if name in self._names:
            raise ValueError(f"duplicate archive entry {name}")
        self._names.add(name)
        info = zipfile.ZipInfo(name, self._date_time)
        info.compress_type = method
        info.create_system = 3  # Unix, so that the permissions below are read
        info.external_attr = 0o100644 << 16
        self._zip.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)

    def close(self) -> None:
        self._zip.close()


_CONTAINER_XML = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">\n'
    f'<rootfiles><rootfile media-type="application/oebps-package+xml" '
    f'full-path="{ROOT}/content.opf"/></rootfiles>\n</container>\n'
)


# ---------------------------------------------------------------- index (ebooklib)


class _IndexWriter:
    """content.opf, nav.xhtml and toc.ncx, written by ebooklib into our archive."""

    def __init__(self, book: _Book, archive: _Archive) -> None:
        from ebooklib import epub

        self._epub = epub
        self.book = book
        self.archive = archive
        self.ebook = epub.EpubBook()
        self.ebook.FOLDER_NAME = ROOT

    def write_index(self) -> None:
        epub = self._epub
        writer = epub.EpubWriter("", self.ebook, {
            "mtime": self.book.modified.replace(tzinfo=None),  # ebooklib appends the Z
            "epub3_pages": False,  # would re-parse every chapter, and list ids as pages
            "landmark_title": "Guide",
        })
        writer.out = self.archive
        self._metadata()
        nav, ncx = self._items()
        writer._write_opf()
        self.archive.writestr(f"{ROOT}/{nav.file_name}",
                              self._mark_languages(writer._get_nav(nav)))
        self.archive.writestr(f"{ROOT}/{ncx.file_name}", writer._get_ncx())

    def _metadata(self) -> None:
        book, ebook = self.book, self.ebook
        from convert import __version__

        ebook.set_unique_metadata("OPF", "generator", "",
                                  {"name": "generator", "content": f"newsconvert {__version__}"})
        ebook.set_identifier(book.identifier)
        ebook.set_title(book.title)
        ebook.set_language(book.language)
        for language in sorted(set(book.plan.languages) - {book.language}):
            ebook.add_metadata("DC", "language", language)
        if book.direction == "rtl":
            ebook.set_direction("rtl")
        creators = [book.options.author] if book.options.author else list(book.plan.bylines)
        for number, name in enumerate(filter(None, creators), start=1):
            ebook.add_author(name, uid=f"creator{number}")
        for publisher in book.plan.sources:
            ebook.add_metadata("DC", "publisher", publisher)
        if book.last_date is not None:
            ebook.add_metadata("DC", "date", book.last_date.date().isoformat())
        single = book.plan.single
        if single is not None:
            if single.summary:
                ebook.add_metadata("DC", "description", single.summary)
            if single.copyright:
                ebook.add_metadata("DC", "rights", single.copyright)
            for keyword in single.keywords:
                ebook.add_metadata("DC", "subject", keyword)

    def _items(self) -> tuple[Any, Any]:
        epub, book, ebook = self._epub, self.book, self.ebook
        ncx = ebook.add_item(epub.EpubNcx())
        nav = ebook.add_item(epub.EpubNav(title="Contents",
                                          direction="rtl" if book.direction == "rtl" else None))
        nav.add_link(href=STYLESHEET, rel="stylesheet", type="text/css")
        ebook.add_item(epub.EpubItem(uid="css", file_name=STYLESHEET, media_type="text/css"))
        spine: list[Any] = []
        if book.cover is not None:
            cover = epub.EpubCover(uid="cover-image", file_name=book.cover_href)
            cover.media_type = book.cover.media_type
            ebook.add_item(cover)
            ebook.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})
            spine.append(ebook.add_item(epub.EpubHtml(uid="cover", file_name="cover.xhtml",
                                                      title=book.title)))
            ebook.guide.append({"type": "cover", "href": "cover.xhtml", "title": "Cover"})
        spine.append(nav)
        ebook.guide.append({"type": "toc", "href": nav.file_name, "title": "Contents"})
        toc: list[Any] = []
        for label, entries in book.groups():
            links = [self._chapter(entry, spine) for entry in entries]
            if book.options.group_by == "none":
                toc.extend(links)
            else:
                toc.append((epub.Section(label, links[0].href), links))
        ebook.guide.append({"type": "text", "href": toc_first_href(toc), "title": "Start"})
        ebook.toc = toc
        ebook.spine = spine
        return nav, ncx

    def _mark_languages(self, nav: bytes) -> bytes:
        """Give each table-of-contents entry in another language its ``lang`` and ``dir``."""
        from lxml import etree

        foreign = {f"text/{entry.stem}.xhtml": entry.language for entry in self.book.plan.entries
                   if entry.language and entry.language != self.book.language}
        if not foreign:
            return nav
        root = etree.fromstring(nav)
        toc = xpath_elements(root, "//x:nav[@epub:type='toc']//x:a[not(following-sibling::x:ol)]",
                             namespaces={"x": "http://www.w3.org/1999/xhtml",
                                         "epub": "http://www.idpf.org/2007/ops"})
        for link in toc:
            language = foreign.get(link.get("href", ""))
            if language is not None:
                link.set("lang", language)
                link.set("{http://www.w3.org/XML/1998/namespace}lang", language)
                link.set("dir", direction(language))
        return etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=True)

    def _chapter(self, entry: _Entry, spine: list[Any]) -> Any:
        epub = self._epub
        href = f"text/{entry.stem}.xhtml"
        spine.append(self.ebook.add_item(epub.EpubHtml(uid=entry.stem, file_name=href,
                                                       title=entry.title)))
        return epub.Link(href, entry.title, f"nav-{entry.stem}")


def toc_first_href(toc: list[Any]) -> str:
    first = toc[0]  # an ebooklib Link, or a (Section, [children]) pair
    href: str = first[0].href if isinstance(first, tuple) else first.href
    return href
