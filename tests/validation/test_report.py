"""Report formats (convert/validation/report.py) and the CLI (`newsconvert validate`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from convert.cli import app
from convert.validation import validate_paths
from convert.validation.report import indented_json, render
from tests.conftest import ROOT
from tests.support.feeds import EXAMPLES, item_text

GOOD = EXAMPLES / "unit_test_files/2.26/should_pass/CR00201_charcount.xml"
FAILING = EXAMPLES / "unit_test_files/2.29/should_fail/001_incomplete_file.xml"
LISTING_24 = EXAMPLES / "LISTING_24_News_Message_conveying_a_complete_News_Package.xml"
runner = CliRunner()


@pytest.fixture
def mixed(tmp_path: Path) -> list[Path]:
    broken = tmp_path / "broken, item.xml"
    text = item_text("urn:x").replace("<itemClass", "<itemClassX")
    broken.write_text(text.replace('<itemClassX qcode="ninat:text"/>', '<bogus/>'))
    return [GOOD, FAILING, broken]


def test_junit_parses_with_one_testcase_per_file_and_the_right_counts(mixed) -> None:
    root = ElementTree.fromstring(render(validate_paths(mixed), "junit"))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [str(p) for p in mixed]
    assert [c.find("failure") is not None for c in cases] == [False, True, True]
    assert "001_incomplete_file.xml:9: error:" in cases[1].find("failure").text


def test_json_report_shape(mixed) -> None:
    data = json.loads(render(validate_paths(mixed), "json"))
    assert set(data) == {"version", "tool", "strict", "valid", "summary", "schemas", "notes",
                         "files"}
    assert data["version"] == 1 and data["valid"] is False
    assert data["summary"]["files"] == 3 and data["summary"]["invalid"] == 2
    assert {s["name"]: s["origin"] for s in data["schemas"]} == {
        "newsml-g2 2.35 xsd": "NEWSCONVERT_SCHEMAS", "iptc catalog 41": "NEWSCONVERT_SCHEMAS"}
    finding = data["files"][1]["findings"][0]
    assert set(finding) == {"severity", "code", "message", "line", "column", "part", "pointer",
                            "validator"}
    assert (finding["line"], finding["validator"]) == (9, "xsd")


@pytest.mark.parametrize("value", [
    {}, [], "a\n\"é\u2028", 7, None, True, 1.5, [[]], [{}], {"a": {}, "b": []},
    {"x": [1, [2, {"y": None, "z": False}], ["s", {"t": [0.25, -3]}]], "w": {"v": {"u": []}}},
    ("tuple", {"k": ("v",)})])
def test_indented_json_is_json_dumps_with_indent_2(value: object) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_json_report_is_json_dumps_of_the_report_data(mixed) -> None:
    from convert.validation.report import report_data

    report = validate_paths(mixed)
    assert render(report, "json") == json.dumps(report_data(report), ensure_ascii=False,
                                                indent=2) + "\n"


def test_junit_is_written_as_element_tree_writes_it(tmp_path: Path) -> None:
    from convert.validation.results import FileResult, Finding, Report

    odd = 'a&b<c>"d\te\nf \x01 ]]> é'  # (a CR in element text would not survive parsing)
    files = [FileResult(f"{odd}\r.xml", "newsml:newsItem", [
                 Finding(odd, 3, 1, "error", "xsd", odd, "xsd")], ["xsd"]),
             FileResult("quiet.json", "json", [], ["jsonschema"]),
             FileResult("noted.txt", "text", [Finding("n", 2, None, "info", "dropped", odd,
                                                      "text")], ["text"])]
    for report in (Report(files, [], [], strict=True), Report([], [], [])):
        written = render(report, "junit")
        tree = ElementTree.fromstring(written)
        ElementTree.indent(tree)
        assert written == ('<?xml version="1.0" encoding="UTF-8"?>\n'
                           + ElementTree.tostring(tree, encoding="unicode") + "\n")


def test_characters_xml_cannot_hold_are_replaced_in_junit() -> None:
    from convert.validation.report import _xml_text

    kept = "\t\n\r x\ud7ff\ue000\ufffd\U00010000\U0010ffff"
    assert _xml_text(kept) == kept
    assert _xml_text("\x00\x08\x0b\x0c\x0e\x1f\ud800\udfff\ufffe\uffff") == "\ufffd" * 10


def test_github_annotations(mixed) -> None:
    lines = render(validate_paths(mixed), "github").splitlines()
    assert lines[0].startswith(f"::notice file={GOOD},line=9,title=rules catalog-unavailable::")
    assert any(line.startswith(f"::error file={FAILING},line=9,title=xsd xsd::Element ")
               for line in lines)
    escaped = str(mixed[2]).replace(",", "%2C")
    assert any(line.startswith(f"::error file={escaped},line=") for line in lines)
    assert lines[-1] == "3 file(s): 1 valid, 2 invalid; 2 error(s), 0 warning(s)"


def test_text_report_groups_by_file_without_colour_when_not_a_tty(mixed) -> None:
    text = render(validate_paths(mixed), "text")
    assert "\033[" not in text
    assert f"{FAILING} [newsml:newsItem] INVALID\n  9: error: " in text
    assert "\033[31merror\033[0m" in render(validate_paths(mixed), "text", color=True)


def test_reports_are_deterministic(mixed) -> None:
    for format in ("text", "json", "junit", "github"):
        assert render(validate_paths(mixed), format) == render(validate_paths(mixed), format)


# ---------------------------------------------------------------- CLI


def test_exit_0_when_all_valid() -> None:
    result = runner.invoke(app, ["validate", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("1 file(s): 1 valid, 0 invalid; 0 error(s), 0 warning(s)\n")


def test_exit_1_when_some_invalid_and_report_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "junit.xml"
    result = runner.invoke(app, ["validate", str(GOOD), str(LISTING_24), "--format", "junit",
                                 "-o", str(out)])
    assert result.exit_code == 1 and result.output == ""
    assert ElementTree.parse(out).getroot().find("testsuite").get("failures") == "1"
    assert [p.name for p in out.parent.iterdir()] == ["junit.xml"]


def test_strict_makes_warnings_fail() -> None:
    no_catalog = EXAMPLES / "unit_test_files/2.30/should_pass/CR00211_01_newsitem_with_no_catalog.xml"
    assert runner.invoke(app, ["validate", str(no_catalog)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict", str(no_catalog)]).exit_code == 1


@pytest.mark.parametrize("arguments", [["missing.xml"], [str(GOOD), "--format", "yaml"],
                                       [str(GOOD), "--input-format", "pdf"],
                                       [str(GOOD), "--schema", "nonexistent.xsd"]])
def test_exit_2_on_usage_or_io_errors(arguments: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "convert", "validate", *arguments],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("newsconvert: ") and result.stderr.count("\n") == 1


def test_walked_files_that_are_not_news_are_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "feed" / "pom.xml").write_text("<project/>")
    (tmp_path / "feed" / "package.json").write_text('{"name": "x"}')
    (tmp_path / "feed" / ".hidden.xml").write_text("<project/>")
    report = validate_paths([tmp_path / "feed"])
    assert report.files == [] and report.exit_code == 0
    assert report.notes == [f"skipped {tmp_path / 'feed' / name}: not a news file"
                            for name in ("logo.png", "package.json", "pom.xml")]
    [named] = validate_paths([tmp_path / "feed" / "pom.xml"]).files
    assert named.findings[0].severity == "error"
    assert "XML whose root is <project>" in named.findings[0].message


def test_input_format_forces_the_validator(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"uri": "urn:x", "type": "text"}')
    assert runner.invoke(app, ["validate", "--input-format", "json",
                               str(tmp_path / "a.json")]).exit_code == 1
    assert runner.invoke(app, ["validate", "--input-format", "ninjs",
                               str(tmp_path / "a.json")]).exit_code == 0


def test_text_articles_are_linted(tmp_path: Path) -> None:
    (tmp_path / "one-line.txt").write_text("Only a headline\n")
    [result] = validate_paths([tmp_path / "one-line.txt"]).files
    assert result.format == "text" and result.findings[0].severity == "error"
    assert result.findings[0].validator == "text"


def test_junit_reports_the_time_of_every_file_and_of_the_suite(
        mixed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # set: a reproducible build, no timings
    root = ElementTree.fromstring(render(validate_paths(mixed), "junit"))
    cases = root.findall("./testsuite/testcase")
    assert cases and all(float(case.get("time", "-1")) >= 0 for case in cases)
    suite_time = float(root.find("testsuite").get("time"))
    assert suite_time == pytest.approx(sum(float(case.get("time")) for case in cases), abs=0.01)
    assert float(root.get("time")) == suite_time
