"""The command line around the text parser: inspect, stdin conversion, refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from convert.cli import app
from tests.conftest import FIXTURES, ROOT

runner = CliRunner()
KOCHI = FIXTURES / "corpus" / "001-kochi-ferry-strike.txt"
HEADLINE_ONLY = FIXTURES / "corpus" / "017-headline-only.txt"


def test_inspect_shows_steps_lines_drops_and_summary() -> None:
    result = runner.invoke(app, ["inspect", str(KOCHI)])
    assert result.exit_code == 0, result.output
    out = result.output
    for step in ("[decode]", "[metadata-lines]", "[headline]", "[dateline]", "[dates]",
                 "[captions]", "[boilerplate]", "[body]", "[language]"):
        assert step in out
    assert "line 3: headline: 'Kochi Ferry Workers Call Off Strike After Late-Night Talks'" in out
    assert "line 15: 'Advertisement' (advertisement)" in out
    assert "updated: 2016-03-12T19:40:00+05:30" in out
    assert "warnings: 0" in out


def test_inspect_json_lists_warnings_with_lines() -> None:
    result = runner.invoke(app, ["inspect", "--json",
                                 str(FIXTURES / "corpus" / "024-cp1252-montreal-cafe.txt")])
    assert result.exit_code == 0, result.output
    trace = json.loads(result.output)
    assert trace["warnings"] == [{"code": "encoding-guessed", "line": 1, "message": trace[
        "warnings"][0]["message"]}]
    assert trace["summary"]["headline"] == "Montréal café festival draws record crowds despite the rain"
    assert {d["step"] for d in trace["decisions"]} >= {"decode", "headline", "body"}


def test_convert_from_stdin_to_json() -> None:
    done = subprocess.run([sys.executable, "-m", "convert", "convert", "-", "--to", "json"],
                          input=KOCHI.read_bytes(), capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["headline"] == "Kochi Ferry Workers Call Off Strike After Late-Night Talks"
    assert doc["provenance"]["dropped"][0]["text"] == "Advertisement"


def test_refused_input_exits_non_zero_with_one_line_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    for source, words in ((HEADLINE_ONLY, "no article body"), (empty, "empty"),
                          (png, "not a text file")):
        target = tmp_path / "out.json"
        done = subprocess.run([sys.executable, "-m", "convert", "convert", str(source), "--to",
                               "json", "-o", str(target)], capture_output=True, text=True,
                              cwd=ROOT, check=False)
        assert done.returncode != 0
        assert done.stderr.count("\n") == 1 and str(source) in done.stderr and words in done.stderr
        assert "Traceback" not in done.stderr
        assert not target.exists() and list(tmp_path.glob("out*")) == []
        inspected = runner.invoke(app, ["inspect", str(source)])
        assert inspected.exit_code != 0


def test_warnings_go_to_stderr_with_their_line() -> None:
    done = subprocess.run([sys.executable, "-m", "convert", "convert",
                           str(FIXTURES / "corpus" / "024-cp1252-montreal-cafe.txt"), "--to",
                           "json"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0
    assert "024-cp1252-montreal-cafe.txt:1:" in done.stderr and "[encoding-guessed]" in done.stderr


def test_inspect_shows_each_header_role_with_its_evidence() -> None:
    result = runner.invoke(app, ["inspect", str(FIXTURES / "unseen" /
                                                "037-site-author-first-line.txt")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "[header-roles]" in out
    assert "line 1: role byline: 'Marta Kowalczyk'" in out
    assert "evidence: name_line +3" in out
    trace = json.loads(runner.invoke(app, ["inspect", "--json", str(
        FIXTURES / "unseen" / "037-site-author-first-line.txt")]).output)
    roles = [d for d in trace["decisions"] if d["step"] == "header-roles"]
    assert roles[0]["evidence"] == ["name_line +3"]
