"""EPUB reader: our own books read back to the same documents; hostile archives
(zip bombs, traversal, symlinks, truncation, non-EPUB zips, XML entities) are
refused with a ConvertError, never a traceback.  Every hostile file is made here."""

from __future__ import annotations

import io
import struct
from pathlib import Path
import zipfile
from dataclasses import replace

import pytest

from convert import api
from convert.errors import ConvertError
from convert.model import Document, Emphasis, Heading, Link, ListBlock, Paragraph, Quote, Strong
from convert.options import ReadOptions, WriteOptions
from convert.formats import safezip
from convert.readers import epub as reader
from convert.writers import epub as writer
from tests.support.factories import ALL, ARABIC, CHINESE, FULL
from tests.writers.test_epub import HEBREW, corpus

MIMETYPE = b"application/epub+zip"
CONTAINER = (b'<?xml version="1.0"?><container version="1.0" '
             b'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
             b'<rootfile full-path="OEBPS/content.opf" '
             b'media-type="application/oebps-package+xml"/></rootfiles></container>')


def _read_all(data: bytes) -> list[Document]:
    return api.read_all(data, "epub", ReadOptions(source_name="book.epub"))


# ---------------------------------------------------------------- round trips


def test_round_trip_gives_back_the_same_documents_in_order() -> None:
    docs = [*corpus().values(), *ALL.values(), HEBREW]
    assert _read_all(writer.write(docs, WriteOptions(title="All", cover="auto"))) == docs


def test_round_trip_of_a_grouped_book_follows_the_reading_order() -> None:
    docs = [FULL, ARABIC, CHINESE, HEBREW]
    back = _read_all(writer.write(docs, WriteOptions(group_by="date")))
    assert back == [CHINESE, FULL, ARABIC, HEBREW]


def test_our_books_are_detected_by_content_and_read_gives_the_first_chapter() -> None:
    data = writer.write([CHINESE, FULL], WriteOptions())
    assert api.read(data) == CHINESE
    assert api.read(data).provenance.format == "epub"


def test_a_damaged_embedded_document_is_reported_with_its_chapter() -> None:
    data = writer.write([FULL], WriteOptions())
    damaged = _rezip(data, {"EPUB/text/a00001.xhtml": lambda text: text.replace(
        b'"version":2', b'"version":"two"')})
    with pytest.raises(ConvertError) as caught:
        _read_all(damaged)
    assert "book.epub!/EPUB/text/a00001.xhtml" in str(caught.value)
    assert "/version" in str(caught.value)


def _rezip(data: bytes, changes: dict) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, changes.get(info.filename, lambda x: x)(content))
    return out.getvalue()


def _foreign_book(path: Path, language: str, chapters: list[tuple[str, str]]) -> Path:
    """A book someone else made (ebooklib): chapters as (file name, body markup), in order."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("urn:uuid:0b0f5a6e-0f0e-4a8e-9a57-6e657773636f")
    book.set_title("Someone else's book")
    book.set_language(language)
    items = []
    for file_name, content in chapters:
        item = epub.EpubHtml(title=file_name.split(".")[0], file_name=file_name, lang=language)
        item.content = content
        book.add_item(item)
        items.append(item)
    book.toc, book.spine = items[:1], ["nav", *items]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(path), book)
    return path


def test_other_publishers_books_are_read_from_their_markup(tmp_path) -> None:
    path = _foreign_book(tmp_path / "other.epub", "de", [
        ("eins.xhtml", "<h1>Der Titel</h1><p>Ein <em>kurzer</em> Absatz mit "
                       "<a href='https://example.org'>Link</a>\n  und <b>fett</b>.</p>"
                       "<h2>Zwischentitel</h2><blockquote>Ein Zitat</blockquote>"
                       "<ul><li>eins</li><li>zwei</li></ul>"),
        ("bild.xhtml", "<p><img src='x.png' alt=''/></p>")])
    docs = api.read_all(path)
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.headline, doc.language) == ("Der Titel", "de")
    assert doc.body == (
        Paragraph(("Ein ", Emphasis(("kurzer",)), " Absatz mit ",
                   Link(("Link",), "https://example.org"), " und ", Strong(("fett",)), ".")),
        Heading(("Zwischentitel",), 2), Quote(("Ein Zitat",)),
        ListBlock((("eins",), ("zwei",))))
    assert doc.id.startswith("urn:uuid:")


def test_a_chapters_first_h1_is_its_headline_and_later_headings_fit_the_model(tmp_path) -> None:
    """Under the headline the model has levels 2 to 6: a second ``<h1>`` and the ``<h2>``
    below it become 2 and 3, in their order."""
    path = _foreign_book(tmp_path / "sections.epub", "en", [
        ("one.xhtml", "<h1>The title</h1><p>Lead.</p><h1>Part two</h1><p>More.</p>"
                      "<h2>Detail</h2><p>Last.</p>")])
    [doc] = api.read_all(path)
    assert doc.headline == "The title"
    assert doc.body == (Paragraph(("Lead.",)), Heading(("Part two",), 2), Paragraph(("More.",)),
                        Heading(("Detail",), 3), Paragraph(("Last.",)))


# ---------------------------------------------------------------- hostile archives


def _zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return out.getvalue()


def _epub_with(*extra: tuple[zipfile.ZipInfo | str, bytes]) -> bytes:
    return _zip([("mimetype", MIMETYPE), ("META-INF/container.xml", CONTAINER), *extra])


def _refused(data: bytes, message: str) -> ConvertError:
    with pytest.raises(ConvertError, match=message) as caught:
        _read_all(data)
    return caught.value


def test_zip_bomb_by_compression_ratio_is_refused() -> None:
    error = _refused(_epub_with(("OEBPS/bomb.xhtml", b"\0" * (4 * 2**20))),
                     "compression ratio")
    assert error.source == "book.epub!/OEBPS/bomb.xhtml"


def test_zip_bomb_by_declared_size_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safezip, "MAX_ENTRY_BYTES", 2**20)
    _refused(_epub_with(("OEBPS/big.xhtml", bytes(range(256)) * 8192)), "inflates to more than")


def test_zip_bomb_by_total_size_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safezip, "MAX_TOTAL_BYTES", 2**20)
    chunk = bytes(range(256)) * 2048  # 512 KiB each
    _refused(_epub_with(("OEBPS/a", chunk), ("OEBPS/b", chunk), ("OEBPS/c", chunk)),
             "archive inflates to more than")


def test_entry_that_lies_about_its_size_is_not_inflated_past_it() -> None:
    data = bytearray(_epub_with(("OEBPS/content.opf", b"<package/>" * 1000)))
    # Rewrite the declared uncompressed size (local header and central directory) to 10.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, start + (26 if offset == 22 else 28))[0]
            name_start = start + (30 if offset == 22 else 46)
            if data[name_start:name_start + name_length] == b"OEBPS/content.opf":
                struct.pack_into("<I", data, start + offset, 10)
            start += 4
    _refused(bytes(data), "inflates to more than the 10 bytes it declares")


@pytest.mark.parametrize("name", ["../evil.xhtml", "OEBPS/../../evil.xhtml", "/etc/passwd",
                                  "C:/evil.xhtml", "OEBPS\\..\\evil.xhtml"])
def test_traversal_and_absolute_names_are_refused(name: str) -> None:
    info = zipfile.ZipInfo("placeholder")
    info.filename = name  # as a hostile tool writes it (ZipInfo() would normalise some)
    _refused(_epub_with((info, b"x")), "unsafe entry name")


def test_symlink_entries_are_refused() -> None:
    info = zipfile.ZipInfo("OEBPS/link.xhtml")
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    _refused(_epub_with((info, b"/etc/passwd")), "symbolic link")


def test_references_outside_the_book_are_refused() -> None:
    opf = (b'<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>'
           b'<item id="c" href="../../../etc/passwd" media-type="application/xhtml+xml"/>'
           b'</manifest><spine><itemref idref="c"/></spine></package>')
    _refused(_epub_with(("OEBPS/content.opf", opf)), "points outside the book")


def test_xml_entity_declarations_are_refused() -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><container>&b;</container>')
    error = _refused(_zip([("mimetype", MIMETYPE), ("META-INF/container.xml", laughs)]),
                     "DOCTYPE declarations are not allowed")
    assert error.source == "book.epub!/META-INF/container.xml"


def test_truncated_book_is_refused() -> None:
    data = writer.write([FULL, ARABIC], WriteOptions())
    _refused(data[: len(data) // 2], "not a readable ZIP archive")


def test_zip_without_epub_mimetype_is_refused() -> None:
    _refused(_zip([("readme.txt", b"hello")]), "not an EPUB: no mimetype entry")
    _refused(_zip([("mimetype", b"application/zip")]), "mimetype entry is not")


def test_not_a_zip_at_all_is_refused() -> None:
    _refused(b"PK\x03\x04 but nothing else", "not a readable ZIP archive")


def test_malformed_package_document_gives_its_line() -> None:
    error = _refused(_epub_with(("OEBPS/content.opf", b"<package>\n<manifest>\n</package>")),
                     "not well-formed XML")
    assert error.line == 3 and error.source == "book.epub!/OEBPS/content.opf"


def test_book_with_no_text_has_no_documents_and_read_says_so() -> None:
    opf = (b'<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest/>'
           b'<spine/></package>')
    data = _epub_with(("OEBPS/content.opf", opf))
    assert _read_all(data) == []
    with pytest.raises(ConvertError, match="no chapter with text"):
        api.read(data, "epub")


def test_documents_are_equal_regardless_of_provenance() -> None:
    back = _read_all(writer.write([FULL], WriteOptions()))[0]
    assert back == FULL and back.provenance != FULL.provenance
    assert replace(back, provenance=FULL.provenance) == FULL


# ---------------------------------------------------------------- other publishers' metadata

THIRDPARTY_EPUB = Path(__file__).resolve().parents[2].parent / "shared/corpus/thirdparty/epub"


@pytest.mark.parametrize("name, language, creators, rights, published", [
    ("epubjs-alice.epub", "en-US", ["Lewis Carroll"], "Public domain in the USA.", None),
    ("pandoc-epub2_cover.epub", "de-DE", ["François Martin"], None, "2019-06-22T15:01:38Z"),
    ("readium-cole-voyage-of-life.epub", "en-US", ["Jesse Dylan"],
     "This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 Unported "
     "License.", None),
    ("w3c-find-the-package-002.epub", "en", ["Dave Cramer"], None, "2021-01-21"),
    ("pandoc-lua-tiny.epub", "en-US", [], None, None),
])
def test_dublin_core_fills_what_the_chapters_do_not_say(name: str, language: str,
                                                        creators: list[str], rights: str | None,
                                                        published: str | None) -> None:
    docs = api.read_all(THIRDPARTY_EPUB / name)
    assert docs
    for doc in docs:
        assert doc.language == language
        assert [byline.name for byline in doc.bylines] == creators
        assert doc.copyright == rights and doc.published == published
    # the mapped documents are valid canonical documents
    from convert.formats.canonical import document_to_data
    from convert.formats.docschema import document_errors

    assert [list(document_errors(document_to_data(doc))) for doc in docs] == [[]] * len(docs)


def test_dublin_core_subjects_and_a_date_that_is_not_iso(tmp_path) -> None:
    alice = api.read_all(THIRDPARTY_EPUB / "epubjs-alice.epub")
    assert {doc.keywords for doc in alice} == {("Fantasy",)}
    book = writer.write([FULL], WriteOptions())
    opf = zipfile.ZipFile(io.BytesIO(book)).read("EPUB/content.opf").decode()
    changed = opf.replace("<dc:date>2022-11-29</dc:date>", "<dc:date>Spring 2022</dc:date>")
    other = _rezip(book, {
        "EPUB/content.opf": lambda _: changed.replace("newsconvert", "someone").encode(),
        "EPUB/text/a00001.xhtml": lambda _: _without_data_block(book)})
    docs = list(reader.read_all(other, ReadOptions(source_name="other.epub")))
    [doc] = [doc for doc in docs if doc.headline == FULL.headline]  # the others: its pages
    assert doc.published is None and doc.extra == (("dc:date", "Spring 2022"),)
    assert [w.code for w in doc.provenance.warnings][:1] == ["epub-date-kept"]
    assert [b.name for b in doc.bylines] == [b.name for b in FULL.bylines]


def _without_data_block(book: bytes) -> bytes:
    import re

    chapter = zipfile.ZipFile(io.BytesIO(book)).read("EPUB/text/a00001.xhtml").decode()
    return re.sub(r'<script type="application/json".*?</script>', "", chapter, flags=re.S).encode()
