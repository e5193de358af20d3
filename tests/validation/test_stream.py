"""NewsML-G2 validation (convert/validation/stream.py, xsd.py): the official
examples, broken variants with their lines, and a large feed in flat memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from convert.validation import validate_paths
from tests.conftest import ROOT
from tests.support.feeds import EXAMPLES, ITEM_TEMPLATE, item_text, line_of, write_feed

SHOULD_PASS = sorted(
    [path for path in EXAMPLES.glob("LISTING_*.xml") if "LISTING_24" not in path.name]
    + list(EXAMPLES.glob("unit_test_files/*/should_pass/*.xml")))
SHOULD_FAIL = sorted([EXAMPLES / "LISTING_24_News_Message_conveying_a_complete_News_Package.xml"]
                     + list(EXAMPLES.glob("unit_test_files/*/should_fail/*.xml")))


def errors_of(path: Path) -> list[tuple[int | None, str, str]]:
    [result] = validate_paths([path]).files
    return [(f.line, f.code, f.message) for f in result.findings if f.severity == "error"]


@pytest.mark.parametrize("path", SHOULD_PASS, ids=lambda path: path.name)
def test_official_examples_that_should_pass_are_valid(path: Path) -> None:
    report = validate_paths([path])
    assert report.valid, report.files[0].findings
    assert report.files[0].validators == ["xsd", "rules"]
    assert report.files[0].format.startswith("newsml:")


@pytest.mark.parametrize("path", SHOULD_FAIL, ids=lambda path: path.name)
def test_official_examples_that_should_fail_are_invalid(path: Path) -> None:
    assert errors_of(path)
    assert all(code == "xsd" for _, code, _ in errors_of(path))


def test_listing_24_reports_each_outline_item_on_its_line() -> None:
    lines = {line for line, _, message in errors_of(SHOULD_FAIL[0])
             if "'standardversion' is required" in message}
    assert lines == {21, 27, 28, 29, 30}


def test_incomplete_item_reports_missing_item_meta() -> None:
    [(line, code, message)] = errors_of(
        EXAMPLES / "unit_test_files/2.29/should_fail/001_incomplete_file.xml")
    assert (line, code) == (9, "xsd") and "Missing child element" in message


def test_missing_required_element_is_located(tmp_path: Path) -> None:
    text = item_text("urn:test:1").replace('<provider literal="reuters.com"/>', "")
    (tmp_path / "item.xml").write_text(text)
    [(line, code, message)] = errors_of(tmp_path / "item.xml")
    assert line == line_of(text, "<versionCreated>", 1)
    assert code == "xsd" and "Expected is ( {http://iptc.org/std/nar/2006-10-01/}provider )" \
        in message


def test_wrong_date_is_located(tmp_path: Path) -> None:
    text = item_text("urn:test:1", version_created="2024-13-45T10:00:00Z")
    (tmp_path / "item.xml").write_text(text)
    [(line, code, message)] = errors_of(tmp_path / "item.xml")
    assert line == line_of(text, "<versionCreated>", 1)
    assert "'2024-13-45T10:00:00Z' is not a valid value" in message


def test_duplicate_guid_in_a_message_names_both_lines(tmp_path: Path) -> None:
    expected = write_feed(tmp_path / "feed.xml", 4, {3: "duplicate"})
    [(line, code, message)] = errors_of(tmp_path / "feed.xml")
    assert (line, code) == (expected[3], "duplicate-guid")
    assert "first on line 5" in message


def test_doctype_is_refused_without_parsing(tmp_path: Path) -> None:
    (tmp_path / "evil.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">&x;</newsItem>\n')
    assert errors_of(tmp_path / "evil.xml")[0][:2] == (1, "doctype")


_DOCTYPE_CASES = {
    "utf-8 item": b'<?xml version="1.0" encoding="UTF-8"?><newsItem/>',
    "no declaration": b"\xef\xbb\xbf\n<newsItem/>",
    "doctype": b'<?xml version="1.0"?><!DOCTYPE n [<!ENTITY x "y">]><n>&x;</n>',
    "doctype in a comment only": b"<!-- <!DOCTYPE n> --><n/>",
    "utf-16": '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE n><n/>'.encode("utf-16"),
    "latin-1": b'<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE n><n>\xe9</n>',
    # UTF-7 spells "<!" as "+ADwAIQ-": no "<!DOCTYPE" bytes, yet libxml2 reads one
    "utf-7": b'<?xml version="1.0" encoding="UTF-7"?>+ADwAIQ-DOCTYPE n+AD4-<n/>',
}


@pytest.mark.parametrize("name", _DOCTYPE_CASES)
def test_the_byte_scan_for_a_doctype_answers_as_the_parser(name: str) -> None:
    from convert.formats.safexml import declares_doctype, declares_doctype_in

    data = _DOCTYPE_CASES[name]
    assert declares_doctype_in(data) == declares_doctype([data])
    assert declares_doctype_in(data) == (name in {"doctype", "utf-16", "latin-1", "utf-7"})


def test_not_well_formed_xml_is_located(tmp_path: Path) -> None:
    text = item_text("urn:test:1").replace("</itemMeta>", "</itemMetaX>")
    (tmp_path / "item.xml").write_text(text)
    [(line, code, _)] = errors_of(tmp_path / "item.xml")
    assert (line, code) == (line_of(text, "</itemMetaX>", 1), "syntax")


def test_without_the_xsd_the_builtin_checks_run_and_the_report_says_so(
        tmp_path: Path, no_official_schemas: None) -> None:
    text = item_text("urn:test:1").replace('<provider literal="reuters.com"/>', "")
    (tmp_path / "item.xml").write_text(text)
    report = validate_paths([tmp_path / "item.xml"])
    [finding] = [f for f in report.files[0].findings if f.severity == "error"]
    assert (finding.validator, finding.line) == ("built-in", line_of(text, "<itemMeta>", 1))
    assert "no required provider" in finding.message
    assert report.schemas[0].origin == "built-in"
    assert any("official IPTC files not found" in note for note in report.notes)
    assert validate_paths([ITEM_TEMPLATE]).valid


MEMORY_PROBE = """
import json, resource, sys
from convert.validation import validate_paths
validate_paths([sys.argv[2]])  # compile the schema, import everything
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = validate_paths([sys.argv[1]])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"growth_kib": after - before, "findings": [
    [f.line, f.code] for f in report.files[0].findings if f.severity == "error"]}))
"""


def test_large_feed_is_validated_streaming_in_flat_memory(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    expected = write_feed(feed, 60_000, {7: "date", 41_000: "date", 59_990: "duplicate"})
    size_kib = feed.stat().st_size // 1024
    assert size_kib > 50 * 1024
    probe = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(feed), str(ITEM_TEMPLATE)],
                           cwd=ROOT, capture_output=True, text=True, check=True)
    measured = json.loads(probe.stdout)
    assert measured["findings"] == [[expected[7], "xsd"], [expected[41_000], "xsd"],
                                    [expected[59_990], "duplicate-guid"]]
    assert expected[41_000] > 65535  # beyond libxml2's small line numbers
    assert measured["growth_kib"] < size_kib / 5, measured


def _both_ways(path: Path) -> tuple[list[tuple], list[tuple]]:
    """The findings of ``path`` read whole and parsed from memory, and streamed."""
    from convert.validation.sources import locate
    from convert.validation.stream import NewsmlCheck

    data = path.read_bytes()
    whole, streamed = (NewsmlCheck(path, str(path), locate()).run(data[:65536], given)
                       for given in (data, None))
    return ([(f.line, f.column, f.code, f.message) for f in whole],
            [(f.line, f.column, f.code, f.message) for f in streamed])


@pytest.mark.parametrize("shape", ["feed", "nested", "broken-feed", "item", "listing-24"])
def test_a_file_read_whole_gets_the_findings_it_gets_streamed(tmp_path: Path,
                                                               shape: str) -> None:
    path = tmp_path / f"{shape}.xml"
    if shape == "feed":
        write_feed(path, 12, {2: "date", 5: "duplicate", 9: "date"})
    elif shape == "nested":  # an item inside an item's itemSet: iterparse's end-tag order
        inner = item_text("urn:test:inner").replace(' xmlns="http://iptc.org/std/nar/2006-10-01/"',
                                                    "")
        outer = item_text("urn:test:outer").replace(
            "</contentSet>", f"</contentSet><itemSet>{inner}</itemSet>")
        path.write_text(f'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>'
                        f"<sent>2024-01-01T00:00:00Z</sent></header>\n<itemSet>{outer}\n"
                        f"{item_text('urn:test:inner')}</itemSet></newsMessage>")
    elif shape == "broken-feed":  # the items before the error are still checked
        write_feed(path, 6, {1: "date"})
        path.write_text(path.read_text().replace("</itemSet>", "<newsItem>\n</itemSet>"))
    elif shape == "item":
        path.write_text(item_text("urn:test:1", "2024-13-45T10:00:00Z"))
    else:
        path.write_bytes(SHOULD_FAIL[0].read_bytes())
    whole, streamed = _both_ways(path)
    assert whole == streamed
    assert any(code != "catalog-unavailable" for _, _, code, _ in whole)
