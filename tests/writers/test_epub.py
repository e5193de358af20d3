"""EPUB writer: EPUBCheck 5.3 (usage messages on) over every kind of book we make,
byte-reproducibility, and what the book says (metadata, navigation, language, cover)."""

from __future__ import annotations

import functools
import hashlib
import io
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from convert import api
from convert.cli import app
from convert.errors import ConvertError
from convert.model import (
    Byline, Document, Figure, Link, Note, Paragraph, Provenance, Quote, body_text, content_id,
)
from convert.options import WriteOptions
from convert.validation import epubcheck
from convert.writers import epub
from tests.conftest import DEV_CORPUS, ROOT, dev_articles, readable_articles
from tests.support.factories import ALL, ARABIC, CHINESE, FULL, MINIMAL

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "ncx": "http://www.daisy.org/z3986/2005/ncx/"}


def _with_id(doc: Document) -> Document:
    return replace(doc, id=content_id(doc.headline, body_text(doc.body)))


HEBREW = _with_id(Document(
    id="", language="he", headline="הרכבת הקלה בירושלים מאריכה את שעות הפעילות",
    bylines=(Byline("דנה לוי"),), published="2023-05-02T08:00:00+03:00", source="כאן",
    body=(Paragraph(("הקו האדום יפעל עד חצות החל מהשבוע הבא.",)),
          Quote(("זה שינוי שהנוסעים ביקשו",), "דובר הרכבת"),
          Figure(("התחנה המרכזית",), "צילום: כאן", "https://example.org/tachana.jpg"),
          Note(("תיקון: בגרסה קודמת נפלה טעות בשעה.",), "correction")),
    provenance=Provenance("text", "utf-8"),
))
ARABIC_UPDATE = _with_id(replace(ARABIC, headline="تحديث: مترو القاهرة", updated="2023-03-02",
                                 body=ARABIC.body[:1]))


@functools.cache
def corpus() -> dict[str, Document]:
    """Each dev-corpus article the gold says converts, by file stem."""
    return {path.stem: api.read(path) for path in readable_articles()}


def tiny_png() -> bytes:
    """A valid 1x1 PNG, made here so no binary file is needed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x1d\x35\x57")) + chunk(b"IEND", b""))


MIXED = (FULL, ARABIC, CHINESE, HEBREW, MINIMAL)
SCENARIOS = ["corpus-bundle", "mixed-language", "rtl-only", "auto-cover", "image-cover",
             "custom-css", *(f"group-by-{group}" for group in epub.GROUPINGS),
             *(f"factory-{name}" for name in ALL)]


def book_specs(png: Path) -> dict[str, tuple[list[Document], WriteOptions]]:
    articles = corpus()
    everything = list(articles.values())
    specs = {f"article-{stem}": ([doc], WriteOptions()) for stem, doc in articles.items()}
    specs.update({
        "corpus-bundle": (everything, WriteOptions(title="Dev corpus", group_by="date")),
        "mixed-language": ([*everything, *MIXED], WriteOptions(title="Mixed", language="en")),
        "rtl-only": ([ARABIC, HEBREW, ARABIC_UPDATE],
                     WriteOptions(title="الأخبار", cover="auto", group_by="source")),
        "auto-cover": ([*MIXED], WriteOptions(title="A title long enough to wrap over "
                                                    "several lines of the cover", cover="auto")),
        "image-cover": ([FULL, CHINESE], WriteOptions(cover=str(png))),
        "custom-css": ([FULL], WriteOptions(css="body { color: #222; }\n")),
    })
    for group in epub.GROUPINGS:
        specs[f"group-by-{group}"] = ([*everything, *MIXED, ARABIC_UPDATE],
                                      WriteOptions(group_by=group, cover="auto"))
    for name, doc in ALL.items():
        specs[f"factory-{name}"] = ([doc], WriteOptions())
    return specs


@pytest.fixture(scope="module")
def epubcheck_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """Build every book once, check them all in one EPUBCheck JVM."""
    folder = tmp_path_factory.mktemp("epubcheck")
    png = folder / "cover.png"
    png.write_bytes(tiny_png())
    paths = {}
    for name, (docs, options) in book_specs(png).items():
        paths[name] = folder / f"{name}.epub"
        paths[name].write_bytes(epub.write(docs, options))
    assert epubcheck.unavailable() is None, epubcheck.unavailable()
    findings = epubcheck.check({path: name for name, path in paths.items()}, usage=True)
    return {name: [finding for finding in findings if finding.file == name] for name in paths}


def _assert_clean(results: dict[str, list], name: str) -> None:
    assert name in results, f"book {name} was not built"
    problems = results[name]
    assert not problems, f"EPUBCheck on {name}:\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("article", [path.stem for path in readable_articles()])
def test_epubcheck_each_dev_article_alone(epubcheck_results: dict[str, list],
                                          article: str) -> None:
    _assert_clean(epubcheck_results, f"article-{article}")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_epubcheck_bundles(epubcheck_results: dict[str, list], scenario: str) -> None:
    """0 fatal, 0 errors, 0 warnings, and 0 usage messages."""
    _assert_clean(epubcheck_results, scenario)


def test_every_dev_article_is_checked_unless_the_parser_refuses_it() -> None:
    assert len(corpus()) >= len(dev_articles()) - 2, "most dev articles should parse"


# ---------------------------------------------------------------- reproducibility

_BUILD = """
import sys
from convert import api
from convert.options import WriteOptions
from tests.conftest import dev_articles
from tests.support.factories import ALL
docs = []
for path in dev_articles():
    try:
        docs.append(api.read(path))
    except Exception:
        pass
data = api.write(docs + list(ALL.values()), "epub",
                 WriteOptions(title="Week", group_by="date", cover="auto"))
sys.stdout.buffer.write(data)
"""


def _build_in_subprocess(timezone: str, source_date_epoch: str | None = None) -> bytes:
    env = {"TZ": timezone, "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "random"}
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = source_date_epoch
    result = subprocess.run([sys.executable, "-c", _BUILD], cwd=ROOT, env=env,
                            capture_output=True, check=True)
    return result.stdout


def test_same_bundle_twice_in_different_time_zones_is_byte_identical() -> None:
    first = _build_in_subprocess("Pacific/Kiritimati")  # UTC+14
    time.sleep(2.1)  # past the 2-second resolution of ZIP timestamps
    second = _build_in_subprocess("America/Adak")  # UTC-10 (or -9)
    assert first[:4] == b"PK\x03\x04" and len(first) > 10_000
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_source_date_epoch_is_honoured_and_reproducible() -> None:
    first = _build_in_subprocess("Asia/Kolkata", "1700000000")
    time.sleep(1.1)
    second = _build_in_subprocess("Europe/London", "1700000000")
    assert first == second
    book = zipfile.ZipFile(io.BytesIO(first))
    assert _modified(first) == ["2023-11-14T22:13:20Z"]
    assert {info.date_time for info in book.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def _package(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("EPUB/content.opf"))


def _modified(data: bytes) -> list[str]:
    return _package(data).xpath("//opf:meta[@property='dcterms:modified']/text()",
                                namespaces=NS)


def test_modified_without_source_date_epoch_comes_from_the_content(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # FULL: published 2022-11-28T09:30:00+00:00, updated 2022-11-29 (the newest)
    assert _modified(epub.write([FULL], WriteOptions())) == ["2022-11-29T00:00:00Z"]
    # HEBREW: published 08:00 at +03:00 is 05:00 UTC
    assert _modified(epub.write([HEBREW], WriteOptions())) == ["2023-05-02T05:00:00Z"]
    assert _modified(epub.write([MINIMAL], WriteOptions())) == ["2000-01-01T00:00:00Z"]


def test_bad_source_date_epoch_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ConvertError, match="SOURCE_DATE_EPOCH"):
        epub.write([FULL], WriteOptions())


def test_zip_layout_is_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = epub.write([FULL, ARABIC], WriteOptions(cover="auto"))
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[0].extra == b""
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    names = [info.filename for info in infos]
    assert all(re.fullmatch(r"[A-Za-z0-9/._-]+", name) for name in names)
    assert not any(name.endswith(".html") for name in names)


# ---------------------------------------------------------------- metadata


def test_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    package = _package(epub.write([FULL, CHINESE], WriteOptions(title=" Week  47 ")))
    meta = package.find("opf:metadata", NS)
    assert meta.findtext("dc:title", namespaces=NS) == "Week 47"
    assert [e.text for e in meta.findall("dc:language", NS)] == ["en-GB", "zh"]
    creators = meta.findall("dc:creator", NS)
    assert [c.text for c in creators] == ["Fiona Baird", "Callum Reid", "王晓明", "李华"]
    assert len({c.get("id") for c in creators}) == 4
    assert [e.text for e in meta.findall("dc:publisher", NS)] == ["PA", "新华社"]
    assert meta.findtext("dc:date", namespaces=NS) == "2022-11-29"
    assert len(meta.xpath("opf:meta[@property='dcterms:modified']", namespaces=NS)) == 1
    identifier = meta.findtext("dc:identifier", namespaces=NS)
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    assert meta.xpath("opf:meta[@name='generator']/@content", namespaces=NS)[0].startswith(
        "newsconvert")


def test_single_article_book_takes_its_metadata_from_the_article() -> None:
    meta = _package(epub.write([FULL], WriteOptions(author="Desk"))).find("opf:metadata", NS)
    assert meta.findtext("dc:title", namespaces=NS) == FULL.headline
    assert [c.text for c in meta.findall("dc:creator", NS)] == ["Desk"]
    assert meta.findtext("dc:description", namespaces=NS) == FULL.summary
    assert meta.findtext("dc:rights", namespaces=NS) == FULL.copyright
    assert [s.text for s in meta.findall("dc:subject", NS)] == list(FULL.keywords)


def test_identifier_is_stable_and_follows_the_content() -> None:
    def identifier(docs: list[Document], options: WriteOptions) -> str:
        return _package(epub.write(docs, options)).findtext("opf:metadata/dc:identifier",
                                                             namespaces=NS)
    options = WriteOptions(title="T")
    assert identifier([FULL, ARABIC], options) == identifier([FULL, ARABIC], options)
    assert identifier([FULL, ARABIC], options) != identifier([FULL, CHINESE], options)
    assert identifier([FULL, ARABIC], options) != identifier([FULL, ARABIC],
                                                             WriteOptions(title="U"))


# ---------------------------------------------------------------- language and direction


def _chapter(data: bytes, number: int) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(
        f"EPUB/text/a{number:05d}.xhtml"))


def test_rtl_book_has_rtl_page_progression_and_chapters() -> None:
    data = epub.write([ARABIC, HEBREW], WriteOptions())
    assert _package(data).find("opf:spine", NS).get("page-progression-direction") == "rtl"
    for number, lang in ((1, "ar"), (2, "he")):
        root = _chapter(data, number)
        assert (root.get("dir"), root.get("lang")) == ("rtl", lang)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang


def test_mixed_language_book_marks_each_chapter() -> None:
    data = epub.write([FULL, ARABIC, CHINESE], WriteOptions(language="en"))
    assert _package(data).find("opf:spine", NS).get("page-progression-direction") is None
    assert [(_chapter(data, n).get("lang"), _chapter(data, n).get("dir")) for n in (1, 2, 3)] == [
        ("en-GB", "ltr"), ("ar", "rtl"), ("zh", "ltr")]
    toc = _nav(data).xpath("//x:nav[@epub:type='toc']//x:a", namespaces=NS)
    assert [(a.get("lang"), a.get("dir")) for a in toc] == [
        ("en-GB", "ltr"), ("ar", "rtl"), ("zh", "ltr")]
    landmarks = _nav(data).xpath("//x:nav[@epub:type='landmarks']//x:a", namespaces=NS)
    assert {a.get("lang") for a in landmarks} == {None}


def test_article_without_language_takes_the_book_language() -> None:
    assert _chapter(epub.write([MINIMAL], WriteOptions(language="fr")), 1).get("lang") == "fr"
    assert _chapter(epub.write([MINIMAL], WriteOptions()), 1).get("lang") == "und"


# ---------------------------------------------------------------- navigation


def _nav(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("EPUB/nav.xhtml"))


def _toc(data: bytes) -> list[tuple[str, list[str]]]:
    toc = _nav(data).xpath("//x:nav[@epub:type='toc']/x:ol", namespaces=NS)[0]
    return [(li.find("x:a", NS).text, [a.text for a in li.findall("x:ol/x:li/x:a", NS)])
            for li in toc.findall("x:li", NS)]


def test_group_by_date_lists_sections_in_date_order_with_articles_under_them() -> None:
    data = epub.write([CHINESE, FULL, MINIMAL, ARABIC, ARABIC_UPDATE],
                      WriteOptions(group_by="date"))
    assert _toc(data) == [
        ("2019-03-05", [CHINESE.headline]), ("2022-11-28", [FULL.headline]),
        ("2023-03-01", [ARABIC.headline, ARABIC_UPDATE.headline]),
        ("Undated", ["Only a body."])]
    ncx = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("EPUB/toc.ncx"))
    assert len(ncx.xpath("/ncx:ncx/ncx:navMap/ncx:navPoint", namespaces=NS)) == 4
    assert len(ncx.xpath("//ncx:navPoint/ncx:navPoint", namespaces=NS)) == 5


def test_group_by_source_and_section() -> None:
    docs = [FULL, ARABIC, MINIMAL, replace(CHINESE, extra=(("section", "Transport"),))]
    assert [label for label, _ in _toc(epub.write(docs, WriteOptions(group_by="source")))] == [
        "PA", "رويترز", "新华社", "Unknown source"]
    assert _toc(epub.write(docs, WriteOptions(group_by="section"))) == [
        ("transport", [FULL.headline]), ("Transport", [CHINESE.headline]),
        ("Other", [ARABIC.headline, "Only a body."])]


def test_group_by_none_is_a_flat_list_and_spine_follows_the_toc() -> None:
    data = epub.write([FULL, ARABIC], WriteOptions(cover="auto"))
    assert _toc(data) == [(FULL.headline, []), (ARABIC.headline, [])]
    spine = _package(data).xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)
    assert spine == ["cover", "nav", "a00001", "a00002"]


def test_landmarks_name_cover_toc_and_start() -> None:
    data = epub.write([FULL], WriteOptions(cover="auto"))
    landmarks = _nav(data).xpath("//x:nav[@epub:type='landmarks']//x:a", namespaces=NS)
    assert [(a.get(f"{{{NS['epub']}}}type"), a.get("href")) for a in landmarks] == [
        ("cover", "cover.xhtml"), ("toc", "nav.xhtml"), ("bodymatter", "text/a00001.xhtml")]
    assert not _nav(data).xpath("//x:nav[@epub:type='page-list']", namespaces=NS)


# ---------------------------------------------------------------- chapters


def test_chapter_escapes_text_and_keeps_structure() -> None:
    root = _chapter(epub.write([FULL], WriteOptions()), 1)
    article = root.find("x:body/x:article", NS)
    assert article.findtext("x:header/x:h1", namespaces=NS) == FULL.headline
    assert [s.get("type") for s in root.iter("{*}script")] == ["application/json"]
    text = "".join(article.itertext())
    assert "<script>alert(1)</script> ]]> shown as text." in text
    assert article.xpath(".//x:a/@href", namespaces=NS)[0] == "https://example.org/more?a=1&b=2"
    body = article.find("x:div[@class='article-body']", NS)
    quote = body.find("x:figure[@class='quote']", NS)
    assert quote.findtext("x:figcaption", namespaces=NS) == "A council spokesperson"
    notes = body.findall("x:aside", NS)
    assert [n.get("class") for n in notes] == ["note correction", "note editors-note"]
    assert body.find("x:ol", NS) is not None and body.find("x:ul", NS) is not None


def test_figures_have_caption_credit_and_keep_the_web_image_unloaded() -> None:
    root = _chapter(epub.write([HEBREW], WriteOptions()), 1)
    figure = root.xpath("//x:figure[@class='photo']", namespaces=NS)[0]
    assert figure.findtext("x:figcaption/x:small[@class='credit']", namespaces=NS) == "צילום: כאן"
    assert figure.get("data-src") == "https://example.org/tachana.jpg"
    assert not root.xpath("//x:img", namespaces=NS)  # remote images are not allowed in EPUB


def test_unsafe_or_broken_links_are_not_live_and_control_characters_are_dropped() -> None:
    doc = _with_id(Document(id="", headline="Links\x0b", body=(Paragraph((
        Link(("bad",), "javascript:alert(1)"), " ", Link(("relative",), "../x.html"), " ",
        Link(("spaced\x0c",), "https://example.org/a b"))),)))
    root = _chapter(epub.write([doc], WriteOptions()), 1)
    assert not root.xpath("//x:a[@href]", namespaces=NS)
    assert root.xpath("//x:a/@data-href", namespaces=NS) == [
        "javascript:alert(1)", "../x.html", "https://example.org/a b"]
    [paragraph] = root.xpath("//x:div[@class='article-body']/x:p", namespaces=NS)
    assert "".join(paragraph.itertext()) == "bad relative spaced"
    assert root.findtext("x:head/x:title", namespaces=NS) == "Links"
    assert root.findtext("x:body/x:article/x:header/x:h1", namespaces=NS) == "Links"


def test_articles_without_headline_get_a_title() -> None:
    assert epub.chapter_title(MINIMAL, 3) == "Only a body."
    assert epub.chapter_title(_with_id(Document(id="", slugline="SLUG")), 1) == "SLUG"
    assert epub.chapter_title(_with_id(Document(id="")), 7) == "Article 7"


# ---------------------------------------------------------------- cover


def test_auto_cover_shows_title_date_range_and_count() -> None:
    data = epub.write([FULL, CHINESE, MINIMAL], WriteOptions(title="Week 47", cover="auto"))
    book = zipfile.ZipFile(io.BytesIO(data))
    svg = etree.fromstring(book.read("EPUB/images/cover.svg"))
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["Week 47", "2019-03-05 – 2022-11-29", "3 articles"]
    item = _package(data).xpath("//opf:item[@properties='cover-image']", namespaces=NS)[0]
    assert (item.get("href"), item.get("media-type")) == ("images/cover.svg", "image/svg+xml")


def test_image_cover_is_embedded_as_given(tmp_path: Path) -> None:
    png = tmp_path / "cover.png"
    png.write_bytes(tiny_png())
    book = zipfile.ZipFile(io.BytesIO(epub.write([FULL], WriteOptions(cover=str(png)))))
    assert book.read("EPUB/images/cover.png") == tiny_png()
    assert b'src="images/cover.png"' in book.read("EPUB/cover.xhtml")


def test_bad_options_are_clear_errors(tmp_path: Path) -> None:
    not_image = tmp_path / "cover.txt"
    not_image.write_text("hello")
    for options, message in (
            (WriteOptions(group_by="week"), "unknown --group-by"),
            (WriteOptions(language="english language"), "not a BCP 47"),
            (WriteOptions(cover=str(tmp_path / "missing.png")), "cannot read cover"),
            (WriteOptions(cover=str(not_image)), "must be PNG, JPEG")):
        with pytest.raises(ConvertError, match=message):
            epub.write([FULL], options)
    with pytest.raises(ConvertError, match="at least one article"):
        epub.write([], WriteOptions())


# ---------------------------------------------------------------- command line


def test_bundle_command_reads_a_folder_and_writes_the_book(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("004-bbc-village-shop.txt", "011-ar-cairo-metro.txt"):
        (folder / name).write_bytes((DEV_CORPUS / name).read_bytes())
    output = tmp_path / "week.epub"
    result = CliRunner().invoke(app, ["bundle", str(folder), "-o", str(output), "--title",
                                      "Week 47", "--group-by", "date", "--cover", "auto",
                                      "--author", "Desk", "--language", "en"])
    assert result.exit_code == 0, result.output
    docs = api.read_all(output)
    # --group-by date orders chapters by their date sections, not by input order.
    assert sorted(doc.id for doc in docs) == sorted(
        api.read(folder / name).id for name in ("004-bbc-village-shop.txt", "011-ar-cairo-metro.txt"))
    meta = _package(output.read_bytes()).find("opf:metadata", NS)
    assert meta.findtext("dc:title", namespaces=NS) == "Week 47"


def test_bundle_command_failure_leaves_no_file(tmp_path: Path) -> None:
    output = tmp_path / "book.epub"
    result = CliRunner().invoke(app, ["bundle", str(DEV_CORPUS / "004-bbc-village-shop.txt"),
                                      str(DEV_CORPUS / "017-headline-only.txt"),
                                      "-o", str(output)])
    assert result.exit_code == 1
    assert "017-headline-only.txt" in result.output
    assert list(tmp_path.iterdir()) == []


def test_convert_to_epub_writes_a_book_of_one(tmp_path: Path) -> None:
    output = tmp_path / "article.epub"
    result = CliRunner().invoke(app, ["convert", str(DEV_CORPUS / "004-bbc-village-shop.txt"),
                                      "--to", "epub", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert api.read_all(output) == [api.read(DEV_CORPUS / "004-bbc-village-shop.txt")]
