"""EPUB writer: EPUBCheck 5.3 (usage messages on) over every kind of book we make,
byte-reproducibility, and what the book says (metadata, navigation, language, cover)."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

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
from convert.run.bundle import bundle
from tests.conftest import DEV_CORPUS, ROOT, SHARED, dev_articles, readable_articles
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
THIRDPARTY = SHARED / "corpus" / "thirdparty"
THIRDPARTY_FILES = sorted(path for kind in ("newsml", "ninjs")
                          for path in (THIRDPARTY / kind).iterdir() if path.is_file())
BBC = sorted((SHARED / "corpus" / "real" / "bbc-fulltext").glob("*.txt"))[:20]
LONG_TITLE = ("Parliamentary committee publishes its long-awaited interim report on "
              "regional rail electrification, bus franchising and the future of "
              "rural transport after three years of hearings")
SCENARIOS = ["corpus-bundle", "mixed-language", "rtl-only", "auto-cover", "image-cover",
             "custom-css", *(f"group-by-{group}" for group in epub.GROUPINGS),
             *(f"factory-{name}" for name in ALL), "long-title-cover", "empty-metadata",
             "bbc-by-path", "thirdparty-all-newsml", "thirdparty-all-ninjs"]


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
    specs["long-title-cover"] = ([FULL, CHINESE], WriteOptions(title=LONG_TITLE, cover="auto",
                                                               group_by="source"))
    specs["empty-metadata"] = ([replace(FULL, keywords=("", " "), summary=" ", copyright="",
                                        bylines=(Byline(""),))], WriteOptions(cover="auto"))
    for path in THIRDPARTY_FILES:
        try:
            specs[f"thirdparty-{path.name}"] = (api.read_all(path),
                                                WriteOptions(group_by="section", cover="auto"))
        except ConvertError:
            pass  # refused by its reader: the all-files bundles below report it
    return specs


def bundle_specs() -> dict[str, tuple[list[Path], WriteOptions]]:
    """Books made the way ``newsconvert bundle`` makes them (the batch rule applies)."""
    return {
        "bbc-by-path": (BBC, WriteOptions(title="BBC News", group_by="{stem:split(-)[0]}",
                                          cover="auto", language="en")),
        "thirdparty-all-newsml": ([path for path in THIRDPARTY_FILES
                                   if path.parent.name == "newsml"],
                                  WriteOptions(group_by="{stem:split(-)[0]}", cover="auto")),
        "thirdparty-all-ninjs": ([path for path in THIRDPARTY_FILES
                                  if path.parent.name == "ninjs"],
                                 WriteOptions(group_by="source", cover="auto")),
    }


@functools.cache
def bundle_reports(folder: Path) -> dict[str, Any]:
    return {name: bundle(list(map(str, paths)), str(folder / f"{name}.epub"), options)
            for name, (paths, options) in bundle_specs().items()}


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
    reports = bundle_reports(folder)
    paths.update({name: folder / f"{name}.epub" for name in reports})
    assert epubcheck.unavailable() is None, epubcheck.unavailable()
    findings = epubcheck.check({path: name for name, path in paths.items()}, usage=True)
    results: dict[str, Any] = {name: [finding for finding in findings if finding.file == name]
                               for name in paths}
    results["reports"] = reports
    return results


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


@pytest.mark.parametrize("name", [path.name for path in THIRDPARTY_FILES])
def test_epubcheck_every_thirdparty_newsml_and_ninjs_file(
        epubcheck_results: dict[str, list], name: str) -> None:
    """Each file alone; a file its reader refuses is reported and left out of the
    all-files bundle, which EPUBCheck checks too."""
    path = next(path for path in THIRDPARTY_FILES if path.name == name)
    try:
        api.read_all(path)
    except ConvertError:
        report = epubcheck_results["reports"][f"thirdparty-all-{path.parent.name}"]
        [result] = [result for result in report.files if result.source == str(path)]
        assert result.status == "failed" and result.error is not None
        return
    _assert_clean(epubcheck_results, f"thirdparty-{name}")


def test_the_bundles_of_thirdparty_files_hold_every_file_that_reads(
        epubcheck_results: dict[str, list]) -> None:
    for kind in ("newsml", "ninjs"):
        report = epubcheck_results["reports"][f"thirdparty-all-{kind}"]
        assert report.counts["converted"] + report.counts["warned"] >= 1
        assert len(report.files) == len([p for p in THIRDPARTY_FILES if p.parent.name == kind])


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
                      WriteOptions(group_by="date", language="en-GB"))
    assert _toc(data) == [  # section labels are dates for people, in the book's language
        ("5 March 2019", [CHINESE.headline]), ("28 November 2022", [FULL.headline]),
        ("1 March 2023", [ARABIC.headline, ARABIC_UPDATE.headline]),
        ("Undated", ["Only a body."])]
    sections = _nav(data).xpath("//x:nav[@epub:type='toc']/x:ol/x:li/x:a/@href", namespaces=NS)
    assert sections == [f"text/s00{n}.xhtml" for n in range(1, 5)]
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
    assert spine == ["cover", "contents", "a00001", "a00002"]


def test_landmarks_name_cover_toc_and_start() -> None:
    data = epub.write([FULL], WriteOptions(cover="auto"))
    landmarks = _nav(data).xpath("//x:nav[@epub:type='landmarks']//x:a", namespaces=NS)
    assert [(a.get(f"{{{NS['epub']}}}type"), a.get("href")) for a in landmarks] == [
        ("cover", "cover.xhtml"), ("toc", "text/contents.xhtml"),
        ("bodymatter", "text/a00001.xhtml")]
    [landmarks_nav] = _nav(data).xpath("//x:nav[@epub:type='landmarks']", namespaces=NS)
    assert landmarks_nav.get("hidden") == "hidden"  # not part of the reading flow
    assert not _nav(data).xpath("//x:nav[@epub:type='page-list']", namespaces=NS)


# ---------------------------------------------------------------- chapters


def test_chapter_escapes_text_and_keeps_structure() -> None:
    root = _chapter(epub.write([FULL], WriteOptions()), 1)
    article = root.find("x:body/x:article", NS)
    h1 = article.find("x:header/x:h1", NS)
    assert "".join(h1.itertext()) == "Dundee footbridge to open <soon> & “safely”"
    assert json.loads(h1.find("x:span", NS).get("data-text")) == FULL.headline
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
    assert not root.xpath("//x:article//x:a[@href]", namespaces=NS)
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
    assert texts == ["Week 47", "5 March 2019 – 29 November 2022", "3 articles"]
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


def test_convert_to_epub_writes_a_book_of_one(tmp_path: Path) -> None:
    output = tmp_path / "article.epub"
    result = CliRunner().invoke(app, ["convert", str(DEV_CORPUS / "004-bbc-village-shop.txt"),
                                      "--to", "epub", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert api.read_all(output) == [api.read(DEV_CORPUS / "004-bbc-village-shop.txt")]


# ---------------------------------------------------------------- periodical layout


def _entry(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(f"EPUB/{name}"))


def test_every_article_links_previous_section_contents_and_next_in_reading_order() -> None:
    data = epub.write([FULL, ARABIC, CHINESE, ARABIC_UPDATE],
                      WriteOptions(group_by="source", language="en"))
    spine = _package(data).xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)
    assert spine == ["contents", "s001", "a00001", "s002", "a00002", "a00004", "s003", "a00003"]
    articles = [idref for idref in spine if idref.startswith("a")]
    for index, stem in enumerate(articles):
        bar = _entry(data, f"text/{stem}.xhtml").find("x:body/x:nav[@class='article-nav']", NS)
        links = {a.get("rel") or a.text: a.get("href") for a in bar.findall("x:a", NS)}
        expected_previous = f"{articles[index - 1]}.xhtml" if index else None
        expected_next = f"{articles[index + 1]}.xhtml" if index + 1 < len(articles) else None
        assert links.get("prev") == expected_previous and links.get("next") == expected_next
        assert links["Contents"] == "contents.xhtml"
        section_href = [href for key, href in links.items() if href.startswith("s")]
        assert len(section_href) == 1  # "up": the article's own section page
        section = _entry(data, f"text/{section_href[0]}")
        assert f"{stem}.xhtml" in section.xpath("//x:h2/x:a/@href", namespaces=NS)


def test_section_pages_list_date_byline_and_a_one_line_description() -> None:
    data = epub.write([FULL, replace(MINIMAL, source="PA")],
                      WriteOptions(group_by="source", language="en-GB"))
    page = _entry(data, "text/s001.xhtml")
    assert page.findtext(".//x:h1", namespaces=NS) == "PA"
    items = page.findall(".//x:ol[@class='section-articles']/x:li", NS)
    assert len(items) == 2
    first = items[0]
    assert first.findtext("x:p[@class='meta']", namespaces=NS) == (
        "28 November 2022, 09:30 UTC · Fiona Baird, Callum Reid")
    assert first.findtext("x:p[@class='description']", namespaces=NS) == FULL.summary
    # no summary: the first sentence of the body
    assert items[1].findtext("x:p[@class='description']", namespaces=NS) == "Only a body."
    assert epub.description(replace(MINIMAL, body=(Paragraph(("One. Two three.",)),))) == "One."


def test_contents_page_lists_sections_and_articles_with_dates() -> None:
    data = epub.write([FULL, CHINESE], WriteOptions(group_by="source", language="en-GB",
                                                    title="Week 47"))
    page = _entry(data, "text/contents.xhtml")
    assert page.findtext(".//x:h1", namespaces=NS) == "Week 47"
    assert page.findtext(".//x:p[@class='book-dates']", namespaces=NS) == (
        "5 March 2019 – 29 November 2022")  # FULL was updated on the 29th
    assert page.xpath(".//x:h3/x:a/@href", namespaces=NS) == ["s001.xhtml", "s002.xhtml"]
    [chinese] = page.xpath(".//x:li[@lang='zh']", namespaces=NS)
    assert chinese.findtext("x:span[@class='meta']", namespaces=NS) == "2019年3月5日 10:21 · 王晓明、李华"


def test_a_one_article_book_without_sections_still_has_contents_and_navigation() -> None:
    data = epub.write([FULL], WriteOptions())
    bar = _entry(data, "text/a00001.xhtml").find("x:body/x:nav", NS)
    assert [a.get("href") for a in bar.findall("x:a", NS)] == ["contents.xhtml"]


@pytest.mark.parametrize("title", [LONG_TITLE, "Supercalifragilisticexpialidociousnessness "
                                   "everywhere", "北京今年将新建改造100公里自行车道" * 3, "Short"])
def test_cover_title_wraps_inside_the_cover_at_the_largest_size_that_fits(title: str) -> None:
    from convert.writers.epub import cover

    size, lines = cover.fit_title(title)
    assert size in cover.TITLE_SIZES
    for line in lines:  # every line inside the margins
        assert cover.text_width(line) * size <= cover.WIDTH - 2 * cover.MARGIN
    assert len(lines) * round(size * 1.18) <= cover.TITLE_BOTTOM - cover.TITLE_TOP
    shown = "".join(lines).replace(" ", "").replace("-", "").rstrip("…")
    assert title.replace(" ", "").replace("-", "").startswith(shown)
    if size < cover.TITLE_SIZES[0]:  # not larger because it would not fit
        bigger = cover.TITLE_SIZES[cover.TITLE_SIZES.index(size) - 1]
        assert len(cover.wrap(title, (cover.WIDTH - 2 * cover.MARGIN) / bigger)) > (
            (cover.TITLE_BOTTOM - cover.TITLE_TOP) // round(bigger * 1.18))


def test_cover_shows_the_sections_of_a_grouped_book() -> None:
    data = epub.write([FULL, CHINESE, ARABIC], WriteOptions(cover="auto", group_by="source",
                                                            language="en-GB", title="Week"))
    svg = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("EPUB/images/cover.svg"))
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["Week", "5 March 2019 – 1 March 2023", "PA · 新华社 · رويترز", "3 articles"]


def test_no_empty_dublin_core_element_is_written() -> None:
    doc = replace(FULL, keywords=("", "transport", " "), summary=" ", copyright="")
    meta = _package(epub.write([doc], WriteOptions())).find("opf:metadata", NS)
    assert [e.text for e in meta.findall("dc:subject", NS)] == ["transport"]
    assert meta.find("dc:description", NS) is None and meta.find("dc:rights", NS) is None
    assert all((element.text or "").strip() for element in meta
               if element.tag.startswith("{http://purl.org/dc/elements/1.1/}"))
