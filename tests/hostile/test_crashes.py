"""Inputs that used to crash a run (exit 3, "internal error", no report) or
fool a check (issue 16, items 7, 9, 11).

Each now gets its own one-line error or finding, naming the file, and the
other inputs of the run are still converted or validated.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.bounded import convert_capped, one_clean_line, run_capped

GOOD = b"Ferry strike ends\n\nFerries run again from Monday, the operator said on Sunday.\n"
NEWS_ITEM = ('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1" '
             'standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
             '<provider qcode="nprov:x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated>'
             '<pubStatus qcode="stat:usable"/></itemMeta><contentMeta><headline>{}</headline>'
             "</contentMeta></newsItem>\n")


def _report(outcome) -> dict:
    assert outcome.returncode in (0, 1), outcome.err[-2000:]
    return json.loads(outcome.stdout.decode("utf-8"))


# ---------------------------------------------------------------- non-UTF-8 file names

@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    os.mkdir(os.fsencode(folder) + b"/caf\xe9")
    with open(os.fsencode(folder) + b"/caf\xe9/bad\xff.txt", "wb"):
        pass  # empty: an error, so that every report format names it
    return folder


@pytest.mark.parametrize("report_format", ["json", "text", "junit", "github"])
def test_validate_reports_non_utf8_file_names(report_format: str, odd_names: Path,
                                              tmp_path: Path) -> None:
    report = tmp_path / "report.out"
    outcome = run_capped("validate", str(odd_names), "--format", report_format,
                         "-o", str(report), cwd=tmp_path)
    assert outcome.returncode == 1, outcome.err
    text = report.read_bytes().decode("utf-8")  # strict: the report is UTF-8
    if report_format == "json":
        text = "\n".join(result["file"] for result in json.loads(text)["files"])
    assert "caf\\xe9/bad\\xff.txt" in text
    assert report_format == "github" or "good.txt" in text  # github lists findings only


def test_validate_json_on_stdout_is_utf8(odd_names: Path, tmp_path: Path) -> None:
    report = _report(run_capped("validate", str(odd_names), "--format", "json", cwd=tmp_path))
    assert [f["file"].rsplit("/", 1)[-1] for f in report["files"]] == ["good.txt", "bad\\xff.txt"]


def test_convert_report_names_non_utf8_files(odd_names: Path, tmp_path: Path) -> None:
    report = tmp_path / "run.json"
    outcome = run_capped("convert", str(odd_names), "--to", "json", "-o", str(tmp_path / "out"),
                         "--report", str(report), cwd=tmp_path)
    assert outcome.returncode == 1, outcome.err
    assert "Traceback" not in outcome.err and "internal error" not in outcome.err
    data = json.loads(report.read_bytes().decode("utf-8"))
    assert sorted((f["source"].rsplit("/", 2)[-2:], f["status"]) for f in data["files"]) == [
        (["caf\\xe9", "bad\\xff.txt"], "failed"), (["in", "good.txt"], "converted")]


# ---------------------------------------------------------------- lone surrogates

def _canonical(tmp_path: Path, headline: str) -> bytes:
    """Our canonical JSON of a good article, with ``headline`` (ASCII-escaped)."""
    text = tmp_path / "good.txt"
    text.write_bytes(GOOD)
    made = tmp_path / "good.json"
    assert run_capped("convert", str(text), "--to", "json", "-o", str(made),
                      cwd=tmp_path).returncode == 0
    data = json.loads(made.read_text(encoding="utf-8"))
    data["headline"] = headline
    made.unlink()
    text.unlink()
    return json.dumps(data, indent=1).encode("ascii")


SURROGATE_INPUTS = {
    "ninjs": lambda _: b'{"uri": "urn:x", "type": "text",\n "headline": "half \\ud800 a pair"}',
    "canonical": lambda tmp_path: _canonical(tmp_path, "half \udfff a pair"),
}


def _line_of(data: bytes, fragment: bytes) -> int:
    return data[:data.index(fragment)].count(b"\n") + 1


@pytest.mark.parametrize("kind", sorted(SURROGATE_INPUTS))
@pytest.mark.parametrize("to", ["json", "ninjs", "html", "newsml", "epub"])
def test_lone_surrogate_is_one_clear_error(kind: str, to: str, tmp_path: Path) -> None:
    source = tmp_path / "half.json"
    source.write_bytes(data := SURROGATE_INPUTS[kind](tmp_path))
    output = tmp_path / f"out.{to}"
    outcome = run_capped("convert", str(source), "--to", to, "-o", str(output), cwd=tmp_path)
    assert outcome.returncode == 1, outcome.err
    line = one_clean_line(outcome.err)
    assert f"{source}:{_line_of(data, b'half')}:" in line and "surrogate" in line
    assert not output.exists()


@pytest.mark.parametrize("kind", sorted(SURROGATE_INPUTS))
def test_lone_surrogate_is_a_validate_finding(kind: str, tmp_path: Path) -> None:
    source = tmp_path / "half.json"
    source.write_bytes(data := SURROGATE_INPUTS[kind](tmp_path))
    report = _report(run_capped("validate", str(source), "--format", "json", cwd=tmp_path))
    [finding] = report["files"][0]["findings"]
    assert finding["line"] == _line_of(data, b"half") and "surrogate" in finding["message"]


def test_escaped_backslash_before_u_is_not_a_surrogate(tmp_path: Path) -> None:
    outcome, _ = convert_capped(
        tmp_path, "ok.json", b'{"uri": "urn:x", "type": "text", "headline": "path C:\\\\ud800"}',
        "json")
    assert outcome.returncode == 0, outcome.err


# ---------------------------------------------------------------- control characters

def test_esc_in_a_text_article_is_dropped_with_a_warning_and_the_book_written(
        tmp_path: Path) -> None:
    outcome, book = convert_capped(
        tmp_path, "esc.txt", b"Ferry \x1b[31mstrike\x1b[0m ends\n\n"
        b"Ferries run again from Monday, the operator said on Sunday.\n", "epub")
    assert outcome.returncode == 0, outcome.err
    line = one_clean_line(outcome.err)
    assert "esc.txt:1" in line and "control character" in line and "\x1b" not in line
    assert book.is_file()


def test_a_document_the_writer_refuses_fails_alone_and_the_book_has_the_rest(
        tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_bytes(GOOD)
    (folder / "b-esc.json").write_bytes(_canonical(tmp_path, "Bad \x1b headline"))
    book = tmp_path / "book.epub"
    outcome = run_capped("convert", str(folder), "--to", "epub", "-o", str(book),
                         "--report", str(tmp_path / "run.json"), cwd=tmp_path)
    assert outcome.returncode == 1
    assert "Traceback" not in outcome.err and "internal error" not in outcome.err
    errors = [line for line in outcome.err.splitlines() if "b-esc.json" in line]
    assert len(errors) == 1 and "cannot be written as epub" in errors[0]
    assert book.is_file()
    report = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert [f["status"] for f in report["files"]] == ["converted", "failed"]


@pytest.mark.parametrize("to", ["newsml", "html", "epub"])
def test_writer_errors_name_the_input_file(to: str, tmp_path: Path) -> None:
    source = tmp_path / "esc.json"
    source.write_bytes(_canonical(tmp_path, "Bad \x1b headline"))
    outcome = run_capped("convert", str(source), "--to", to, "-o", str(tmp_path / "o"),
                         cwd=tmp_path)
    assert outcome.returncode == 1
    assert one_clean_line(outcome.err).startswith(f"newsconvert: {source}: ")


# ---------------------------------------------------------------- XML: DOCTYPE and entities

HIDDEN_DOCTYPE = ('<?xml version="1.0"?>\n<!-- <a --><!DOCTYPE newsItem [\n'
                  '<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y "yy">]>\n'
                  + NEWS_ITEM.format("&x;&y;"))
EXTERNAL_SUBSET = ('<?xml version="1.0"?>\n<?pi <a?><!DOCTYPE newsItem SYSTEM "x.dtd">\n'
                   + NEWS_ITEM.format("&foo;"))


@pytest.mark.parametrize("text", [HIDDEN_DOCTYPE, EXTERNAL_SUBSET], ids=["comment", "pi"])
def test_doctype_after_a_comment_or_pi_is_refused_by_validate(text: str, tmp_path: Path) -> None:
    source = tmp_path / "item.xml"
    source.write_text(text, encoding="utf-8")
    report = _report(run_capped("validate", str(source), "--format", "json", cwd=tmp_path))
    assert report["files"][0]["valid"] is False  # (detection may also call it unknown)
    report = _report(run_capped("validate", str(source), "--format", "json", "--input-format",
                                "newsml", cwd=tmp_path))
    result = report["files"][0]
    assert result["valid"] is False
    assert [f["code"] for f in result["findings"]] == ["doctype"]


def test_doctype_in_a_comment_is_not_a_declaration(tmp_path: Path) -> None:
    source = tmp_path / "item.xml"
    source.write_text('<?xml version="1.0"?>\n<!-- <!DOCTYPE x> -->\n' + NEWS_ITEM.format("Hi"),
                      encoding="utf-8")
    report = _report(run_capped("validate", str(source), "--format", "json", cwd=tmp_path))
    assert "doctype" not in [f["code"] for f in report["files"][0]["findings"]]


@pytest.mark.parametrize("command", ["convert", "validate"])
def test_undefined_entity_is_reported_where_it_is(command: str, tmp_path: Path) -> None:
    source = tmp_path / "item.xml"
    source.write_text('<?xml version="1.0"?>\n' + NEWS_ITEM.format("&foo;"), encoding="utf-8")
    if command == "validate":
        report = _report(run_capped("validate", str(source), "--format", "json", cwd=tmp_path))
        [finding] = report["files"][0]["findings"]
        assert finding["line"] == 2 and "Entity 'foo' not defined" in finding["message"]
        assert "\n" not in finding["message"]  # libxml2 ends its messages with one
    else:
        outcome = run_capped("convert", str(source), "--to", "json", cwd=tmp_path)
        line = one_clean_line(outcome.err)
        assert f"{source}:2:" in line and "Entity 'foo' not defined" in line
