"""The book's package document (``content.opf``: metadata, manifest, spine) and
its EPUB 2 NCX, written by ebooklib, which is good at them, into our
byte-reproducible archive.  The chapters and pages are written by the package
``convert.writers.epub`` itself; this module only lists them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from convert.writers.epub import pages
from convert.writers.epub.archive import ROOT, STYLESHEET, Archive

if TYPE_CHECKING:
    from convert.writers.epub import _Book, _Entry


class PackageWriter:
    """content.opf and toc.ncx, written by ebooklib into our archive."""

    def __init__(self, book: _Book, archive: Archive) -> None:
        from ebooklib import epub

        self._epub = epub
        self.book = book
        self.archive = archive
        self.ebook = epub.EpubBook()
        self.ebook.FOLDER_NAME = ROOT

    def write(self) -> None:
        epub = self._epub
        writer = epub.EpubWriter("", self.ebook, {
            "mtime": self.book.modified.replace(tzinfo=None),  # ebooklib appends the Z
            "epub3_pages": False,  # would re-parse every chapter, and list ids as pages
        })
        writer.out = self.archive
        self._metadata()
        ncx = self._items()
        writer._write_opf()
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
        for number, name in enumerate(filter(str.strip, filter(None, creators)), start=1):
            ebook.add_author(name, uid=f"creator{number}")
        for publisher in book.plan.sources:
            ebook.add_metadata("DC", "publisher", publisher)
        if book.last_date is not None:
            ebook.add_metadata("DC", "date", book.last_date.date().isoformat())
        single = book.plan.single
        if single is not None:  # never an empty element (EPUBCheck RSC-005)
            if single.summary and single.summary.strip():
                ebook.add_metadata("DC", "description", single.summary)
            if single.copyright and single.copyright.strip():
                ebook.add_metadata("DC", "rights", single.copyright)
            for keyword in dict.fromkeys(k for k in single.keywords if k.strip()):
                ebook.add_metadata("DC", "subject", keyword)

    def _items(self) -> Any:
        epub, book, ebook = self._epub, self.book, self.ebook
        ncx = ebook.add_item(epub.EpubNcx())
        nav = epub.EpubNav(title="Contents",
                           direction="rtl" if book.direction == "rtl" else None)
        ebook.add_item(nav)
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
        spine.append(ebook.add_item(epub.EpubHtml(uid="contents", file_name=pages.CONTENTS,
                                                  title="Contents")))
        ebook.guide.append({"type": "toc", "href": pages.CONTENTS, "title": "Contents"})
        toc: list[Any] = []
        for number, (section, entries) in enumerate(book.sections(), start=1):
            if section.href is not None:
                spine.append(ebook.add_item(epub.EpubHtml(
                    uid=f"s{number:03d}", file_name=section.href, title=section.label)))
            links = [self._chapter(entry, spine) for entry in entries]
            if section.href is None:
                toc.extend(links)
            else:
                toc.append((epub.Section(section.label, section.href), links))
        ebook.guide.append({"type": "text", "href": book.first_href(), "title": "Start"})
        ebook.toc = toc
        ebook.spine = spine
        return ncx

    def _chapter(self, entry: _Entry, spine: list[Any]) -> Any:
        epub = self._epub
        href = entry.listing.href
        spine.append(self.ebook.add_item(epub.EpubHtml(uid=entry.stem, file_name=href,
                                                       title=entry.listing.title)))
        return epub.Link(href, entry.listing.title, f"nav-{entry.stem}")
