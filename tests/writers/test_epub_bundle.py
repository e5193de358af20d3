"""``newsconvert bundle``: the batch rule, ``@list`` files and sections from paths."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from convert import api
from convert.cli import app
from convert.errors import ConvertError
from convert.options import WriteOptions
from convert.run import Source
from convert.run.bundle import bundle, check_path_pattern, path_section
from tests.conftest import DEV_CORPUS

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
GOOD = ("004-bbc-village-shop.txt", "011-ar-cairo-metro.txt")
BAD = "017-headline-only.txt"  # the parser refuses it: no body


def _copy(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        (folder / name).write_bytes((DEV_CORPUS / name).read_bytes())
        paths.append(folder / name)
    return paths


def _sections(book: Path) -> list[tuple[str, list[str]]]:
    nav = etree.fromstring(zipfile.ZipFile(book).read("EPUB/nav.xhtml"))
    toc = nav.xpath("//x:nav[@epub:type='toc']/x:ol", namespaces=NS)[0]
    return [(li.find("x:a", NS).text, [a.get("href") for a in li.findall("x:ol/x:li/x:a", NS)])
            for li in toc.findall("x:li", NS)]


def test_a_bad_input_is_reported_and_left_out_and_the_book_holds_the_others(
        tmp_path: Path) -> None:
    first, second = _copy(tmp_path / "in", *GOOD)
    [bad] = _copy(tmp_path / "in", BAD)
    output = tmp_path / "book.epub"
    result = CliRunner().invoke(app, ["bundle", str(first), str(bad), str(second),
                                      "-o", str(output)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"newsconvert: {bad}") for line in lines), result.output
    assert "2 converted (0 with warnings), 1 failed" in lines
    assert [doc.id for doc in api.read_all(output)] == [api.read(first).id, api.read(second).id]


def test_fail_fast_stops_at_the_bad_input_and_writes_no_book(tmp_path: Path) -> None:
    first, second = _copy(tmp_path / "in", *GOOD)
    [bad] = _copy(tmp_path / "in", BAD)
    output = tmp_path / "book.epub"
    result = CliRunner().invoke(app, ["bundle", str(first), str(bad), str(second),
                                      "-o", str(output), "--fail-fast"])
    assert result.exit_code == 1
    assert "1 converted (0 with warnings), 1 failed" in result.output
    assert not output.exists()


def test_when_every_input_fails_there_is_no_book_and_each_failure_is_named(
        tmp_path: Path) -> None:
    [bad] = _copy(tmp_path / "in", BAD)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    output = tmp_path / "book.epub"
    result = CliRunner().invoke(app, ["bundle", str(bad), str(empty), "-o", str(output)])
    assert result.exit_code == 1
    assert "0 converted (0 with warnings), 2 failed" in result.output
    assert f"newsconvert: {empty}" in result.output
    assert not output.exists()


def test_list_files_name_the_inputs(tmp_path: Path) -> None:
    paths = _copy(tmp_path / "in", *GOOD)
    listing = tmp_path / "inputs.txt"
    listing.write_text("# this week\n" + "\n".join(map(str, reversed(paths))) + "\n")
    output = tmp_path / "book.epub"
    result = CliRunner().invoke(app, ["bundle", f"@{listing}", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert [doc.id for doc in api.read_all(output)] == [api.read(p).id for p in reversed(paths)]


def test_sections_from_the_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, source in (("business-1.txt", GOOD[0]), ("sport-1.txt", GOOD[1]),
                         ("business-2.txt", GOOD[1])):
        (folder / name).write_bytes((DEV_CORPUS / source).read_bytes())
    output = tmp_path / "book.epub"
    result = CliRunner().invoke(app, ["bundle", str(folder), "-o", str(output),
                                      "--group-by", "{stem:split(-)[0]}", "--language", "en"])
    assert result.exit_code == 0, result.output
    assert _sections(output) == [("business", ["text/a00001.xhtml", "text/a00002.xhtml"]),
                                 ("sport", ["text/a00003.xhtml"])]


def test_sections_from_the_parent_folder(tmp_path: Path) -> None:
    _copy(tmp_path / "in" / "world", GOOD[1])
    _copy(tmp_path / "in" / "uk", GOOD[0])
    output = tmp_path / "book.epub"
    report = bundle([str(tmp_path / "in")], str(output), WriteOptions(group_by="{parent}"))
    assert report.ok and report.counts["converted"] == 2
    assert [label for label, _ in _sections(output)] == ["uk", "world"]


@pytest.mark.parametrize("pattern, name, section", [
    ("{parent}", "news/sport/a-b.txt", "sport"),
    ("{stem:split(-)[0]}", "x/business-028.txt", "business"),
    ("{stem:split(-)[-1]}", "x/business-028.txt", "028"),
    ("{stem:split(_)[3]}", "x/a_b.txt", ""),
    ("Desk: {parent}", "a/b/c.txt", "Desk: b"),
    ("{ext}", "a/b/c.xml", "xml"),
])
def test_path_section(pattern: str, name: str, section: str) -> None:
    check_path_pattern(pattern)
    assert path_section(pattern, Source(name, name, name)) == section


@pytest.mark.parametrize("pattern", ["{nope}", "{parent", "{stem:split()[0]}",
                                     "{stem:upper}"])
def test_bad_path_patterns_are_usage_errors(pattern: str) -> None:
    with pytest.raises(ConvertError) as error:
        check_path_pattern(pattern)
    assert error.value.code == "usage"


def test_bundle_of_books_and_agency_files_reads_every_document(tmp_path: Path) -> None:
    """A book given as an input contributes all its chapters (not its contents pages)."""
    first = tmp_path / "first.epub"
    bundle([str(DEV_CORPUS / name) for name in GOOD], str(first),
           WriteOptions(group_by="source", cover="auto"))
    again = tmp_path / "again.epub"
    report = bundle([str(first)], str(again), WriteOptions())
    assert report.ok
    assert api.read_all(again) == api.read_all(first)
    assert zipfile.ZipFile(io.BytesIO(again.read_bytes())).testzip() is None


def test_the_report_file_names_each_input_and_the_book(tmp_path: Path) -> None:
    import json

    [good, bad] = _copy(tmp_path / "in", GOOD[0], BAD)
    output, report = tmp_path / "book.epub", tmp_path / "run.json"
    result = CliRunner().invoke(app, ["bundle", str(good), str(bad),
                                      "-o", str(output), "--report", str(report), "--quiet"])
    assert result.exit_code == 1 and "converted" not in result.output  # quiet: no summary
    data = json.loads(report.read_text())
    assert data["summary"]["converted"] == 1 and data["summary"]["failed"] == 1
    assert [entry["outputs"] for entry in data["files"]] == [[str(output)], []]
