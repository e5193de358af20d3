"""The console script (convert/launch.py): `validate` without typer, the rest through it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from convert.launch import ValidateRequest, parse_validate
from tests.conftest import ROOT, STANDARDS

ITEM = STANDARDS / "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml"
BROKEN = STANDARDS / "newsml-g2/examples/unit_test_files/2.29/should_fail/001_incomplete_file.xml"


def test_validate_command_lines_are_read_without_typer() -> None:
    assert parse_validate(["validate", "a.xml", "b/"]) == ValidateRequest(["a.xml", "b/"])
    assert parse_validate(["--debug", "validate", "--format", "junit", "-o", "r.xml", "--strict",
                           "--schema=s.xsd", "a.xml", "--input-format", "newsml", "--", "-x"]
                          ) == ValidateRequest(["a.xml", "-x"], "junit", "r.xml", "s.xsd", True,
                                               "newsml", debug=True)
    # Repeated options: the last one wins, as in click.
    assert parse_validate(["validate", "--format", "json", "a", "--format=text"]).format == "text"


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["convert", "a.txt", "--to", "json"], ["validate"], ["validate", "--help"],
    ["validate", "a.xml", "--format"], ["validate", "a.xml", "--strictly"], ["validate", "-"],
    ["--version", "validate", "a.xml"], ["validate", "--strict=yes", "a.xml"]])
def test_anything_else_goes_to_the_typer_app(argv: list[str]) -> None:
    assert parse_validate(argv) is None


def run(*arguments: str, code: str = "from convert.launch import main; main()"
        ) -> subprocess.CompletedProcess[str]:
    env = {"NEWSCONVERT_SCHEMAS": str(STANDARDS), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", code, *arguments], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)


def test_the_fast_path_prints_what_the_typer_command_prints() -> None:
    from typer.testing import CliRunner

    from convert.cli import app

    arguments = ["validate", str(ITEM), str(BROKEN), "--format", "json"]
    fast = run(*arguments)
    through_typer = CliRunner().invoke(app, arguments, env={"NEWSCONVERT_SCHEMAS": str(STANDARDS)})
    assert (fast.returncode, fast.stdout) == (through_typer.exit_code, through_typer.stdout)
    assert fast.returncode == 1 and json.loads(fast.stdout)["summary"]["invalid"] == 1


def test_usage_errors_exit_2_with_one_line() -> None:
    result = run("validate", str(ITEM), "--format", "yaml")
    assert result.returncode == 2
    assert result.stderr == ("newsconvert: unknown report format 'yaml'; known: text, json, "
                             "junit, github\n")
    missing = run("validate", "missing.xml")
    assert (missing.returncode, missing.stderr) == (2, "newsconvert: missing.xml: no such file "
                                                       "or folder\n")


def test_help_still_comes_from_typer() -> None:
    result = run("validate", "--help")
    assert result.returncode == 0 and "--input-format" in result.stdout


PROBE = """
import sys
from convert.launch import main
try:
    main()
except SystemExit as stop:
    heavy = ("typer", "click", "jsonschema", "py3langid", "numpy", "convert.model", "rich")
    print(stop.code, sorted(name for name in heavy if name in sys.modules), file=sys.stderr)
"""


def test_validating_xml_imports_neither_typer_nor_json_schema_nor_the_text_parser() -> None:
    result = run("validate", str(ITEM), code=PROBE)
    assert result.stderr.strip() == "0 []"
