"""`convert` and `validate` command lines: one declaration each
(convert/cli/convert.py, convert/cli/validate.py), read without typer on the
fast path and by typer for everything else, with the same result; and the
one-file path through the console script imports neither typer nor the run
machinery.  (validate's own cases are in test_validate.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from convert.cli import convert, validate
from convert.cli.declare import Request
from tests.conftest import ROOT
from tests.support.archives import GOOD


parse_fast = convert.COMMAND.parse_fast


def values(**changed: object) -> dict[str, object]:
    return {**convert.COMMAND.defaults(), **changed}


def test_convert_command_lines_are_read_without_typer() -> None:
    assert parse_fast(["convert", "a.txt", "-t", "html", "-o", "a.html"]) == Request(
        ["a.txt"], values(to="html", output="a.html"))
    assert parse_fast([
        "--debug", "convert", "a.txt", "b/", "--to=json,html", "-f", "text", "--jobs", "3",
        "-M", "headline=H", "--metadata", "source=S", "--fragment", "--no-fragment",
        "--css", "s.css", "--ninjs-version", "2.2", "--id", "urn:x", "-q", "--",
        "-dash.txt"]) == Request(
        ["a.txt", "b/", "-dash.txt"],
        values(to="json,html", from_="text", jobs=3, metadata=("headline=H", "source=S"),
               fragment=False, css="s.css", ninjs_version="2.2", item_id="urn:x", quiet=True),
        debug=True)


@pytest.mark.parametrize("argv", [
    ["convert"], ["convert", "--help"], ["convert", "a.txt", "--to"],
    ["convert", "a.txt", "--from", "yaml"], ["convert", "a.txt", "--jobs", "0"],
    ["convert", "a.txt", "--jobs", "two"], ["convert", "a.txt", "--fragment=yes"],
    ["convert", "a.txt", "-qj2"], ["validate", "a.xml"], ["--version", "convert", "a.txt"]])
def test_anything_else_goes_to_the_typer_app(argv: list[str]) -> None:
    assert parse_fast(argv) is None


@pytest.mark.parametrize("module, argv", [
    (convert, ["convert", "a.txt"]),
    (convert, ["convert", "a.txt", "-t", "html", "-o", "a.html"]),
    (convert, ["--debug", "convert", "a.txt", "b/", "--to=json,html", "-f", "text", "--jobs",
               "3", "-M", "headline=H", "--metadata", "source=S", "--fragment", "--css",
               "s.css", "--ninjs-version", "2.2", "--id", "urn:x", "-q", "--", "-dash.txt"]),
    (convert, ["convert", "-", "--no-fragment", "--report", "r.json", "--executor", "dask",
               "--scheduler", "tcp://h:1", "--encoding", "cp1252", "--language", "de",
               "--title", "T", "--timezone", "+01:00", "--provider", "P", "--uri-base",
               "urn:b:", "--json-lines", "--include", "*.txt", "--exclude", "x*",
               "--include=y*", "--skip-existing", "--fail-fast"]),
    (validate, ["validate", "a.xml", "b/"]),
    (validate, ["validate", "--format", "junit", "-o", "r.xml", "--strict", "--schema=s.xsd",
                "a.xml", "--input-format", "newsml", "-q", "--ignore-unknown", "--", "-x"]),
    (validate, ["validate", "--format", "json", "a", "--format=github", "--output=-"]),
    (validate, ["--debug", "validate", "--quiet", "a.xml"]),
], ids=lambda value: " ".join(value) if isinstance(value, list) else value.__name__)
def test_typer_reads_every_command_line_as_the_fast_path_does(
        module: Any, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from convert.cli import app

    seen: list[Request] = []
    monkeypatch.setattr(module, "run", lambda request: seen.append(request) or 0)
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert seen == [module.COMMAND.parse_fast(argv)]


def test_every_declared_option_is_in_the_help() -> None:
    from convert.cli import app

    help_text = CliRunner().invoke(app, ["convert", "--help"]).output
    for option in convert.OPTIONS:
        assert all(flag in help_text for flag in option.flags), option.name
    assert "--fragment / --no-fragment" in help_text and "x>=1" in help_text


PROBE = """
import sys
from convert.cli import main
try:
    main()
except SystemExit as stop:
    heavy = ("typer", "click", "convert.run", "convert.run.plan", "convert.run.executors",
             "rich")
    print(stop.code, sorted(name for name in heavy if name in sys.modules), file=sys.stderr)
"""


def test_one_file_imports_neither_typer_nor_the_run_machinery(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, "convert", str(GOOD[0]), "-t", "html",
                           "-o", str(tmp_path / "a.html")], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.stderr.strip().splitlines()[-1] == "0 []", done.stderr
    through_typer = CliRunner().invoke(
        __import__("convert.cli", fromlist=["app"]).app,
        ["convert", str(GOOD[0]), "-t", "html", "-o", str(tmp_path / "b.html")])
    assert through_typer.exit_code == 0, through_typer.output
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
