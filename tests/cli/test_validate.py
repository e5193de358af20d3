"""`newsconvert validate`'s command line: one declaration, read without typer
on the fast path and by typer for everything else, with the same result."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from convert.cli import validate
from convert.cli.declare import Request
from tests.conftest import ROOT, STANDARDS

ITEM = STANDARDS / "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml"
BROKEN = STANDARDS / "newsml-g2/examples/unit_test_files/2.29/should_fail/001_incomplete_file.xml"


parse_fast = validate.COMMAND.parse_fast


def values(**changed: object) -> dict[str, object]:
    return {**validate.COMMAND.defaults(), **changed}


def test_validate_command_lines_are_read_without_typer() -> None:
    assert parse_fast(["validate", "a.xml", "b/"]) == Request(["a.xml", "b/"], values())
    assert parse_fast(["--debug", "validate", "--format", "junit", "-o", "r.xml", "--strict",
                       "--schema=s.xsd", "a.xml", "--input-format", "newsml", "-q",
                       "--ignore-unknown", "--", "-x"]) == Request(
        ["a.xml", "-x"], values(format="junit", output="r.xml", schema="s.xsd", strict=True,
                                input_format="newsml", quiet=True, ignore_unknown=True),
        debug=True)
    # Repeated options: the last one wins, as in click.
    assert parse_fast(["validate", "--format", "json", "a", "--format=text"]).values[
        "format"] == "text"


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["convert", "a.txt", "--to", "json"], ["validate"], ["validate", "--help"],
    ["validate", "a.xml", "--format"], ["validate", "a.xml", "--strictly"],
    ["--version", "validate", "a.xml"], ["validate", "--strict=yes", "a.xml"],
    ["validate", "a.xml", "--format", "yaml"]])
def test_anything_else_goes_to_the_typer_app(argv: list[str]) -> None:
    assert parse_fast(argv) is None


def test_every_declared_option_is_in_the_help() -> None:
    from convert.cli import app

    help_text = CliRunner().invoke(app, ["validate", "--help"]).output
    for option in validate.OPTIONS:
        assert all(flag in help_text for flag in option.flags)
    assert "<text|json|junit|github>" in help_text


def run(*arguments: str, code: str = "from convert.cli import main; main()",
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = env or {"NEWSCONVERT_SCHEMAS": str(STANDARDS), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", code, *arguments], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)


def test_the_fast_path_prints_what_the_typer_command_prints() -> None:
    from convert.cli import app

    arguments = ["validate", str(ITEM), str(BROKEN), "--format", "json"]
    fast = run(*arguments)
    through_typer = CliRunner().invoke(app, arguments, env={"NEWSCONVERT_SCHEMAS": str(STANDARDS)})
    assert (fast.returncode, fast.stdout) == (through_typer.exit_code, through_typer.stdout)
    assert fast.returncode == 1 and json.loads(fast.stdout)["summary"]["invalid"] == 1


def test_usage_errors_exit_2() -> None:
    result = run("validate", str(ITEM), "--format", "yaml")
    assert result.returncode == 2
    assert "'yaml' is not one of 'text', 'json', 'junit', 'github'" in result.stderr
    missing = run("validate", "missing.xml")
    assert (missing.returncode, missing.stderr) == (2, "newsconvert: missing.xml: no such file "
                                                       "or folder\n")


def test_help_still_comes_from_typer() -> None:
    result = run("validate", "--help")
    assert result.returncode == 0 and "--input-format" in result.stdout


PROBE = """
import sys
from convert.cli import main
try:
    main()
except SystemExit as stop:
    heavy = ("typer", "click", "jsonschema", "fasttext", "py3langid", "numpy", "convert.model",
             "rich")
    print(stop.code, sorted(name for name in heavy if name in sys.modules), file=sys.stderr)
"""


def test_validating_xml_imports_neither_typer_nor_json_schema_nor_the_text_parser() -> None:
    result = run("validate", str(ITEM), code=PROBE)
    assert result.stderr.strip() == "0 []"


def test_strict_and_ci_runs_fail_without_the_official_schema() -> None:
    bare = {"PATH": "/usr/bin:/bin", "NEWSCONVERT_CACHE": str(ROOT / "no-such-cache")}
    relaxed = run("validate", str(ITEM), env=bare)
    assert relaxed.returncode == 0 and "official IPTC files not found" in relaxed.stdout
    for strict in (run("validate", "--strict", str(ITEM), env=bare),
                   run("validate", str(ITEM), env={**bare, "CI": "true"})):
        assert strict.returncode == 1
        assert "official schema not found: newsml-g2 2.35 xsd (run `newsconvert schemas pull`" \
            in strict.stdout
    with_schema = run("validate", "--strict", str(ITEM), env={**bare, "CI": "true",
                                                             "NEWSCONVERT_SCHEMAS": str(STANDARDS)})
    assert with_schema.returncode == 0, with_schema.stdout


def test_ignore_unknown_skips_named_files_that_are_not_news(tmp_path) -> None:
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0"}')
    named = run("validate", str(ITEM), str(tmp_path / "package.json"))
    assert named.returncode == 1 and "unknown-format" in named.stdout
    ignored = run("validate", "--ignore-unknown", str(ITEM), str(tmp_path / "package.json"))
    assert ignored.returncode == 0
    assert f"note: skipped {tmp_path / 'package.json'}: not a news file" in ignored.stdout


def test_quiet_lists_only_files_with_findings(tmp_path) -> None:
    result = run("validate", "-q", str(ITEM), str(BROKEN))
    assert result.returncode == 1
    assert str(BROKEN) in result.stdout and "schema:" not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("2 file(s): 1 valid, 1 invalid")


def test_our_html_page_is_validated_as_html_not_newsml(tmp_path) -> None:
    from convert.formats import sniff
    from convert.validation import validate_paths

    page = tmp_path / "a.html"
    # A Reuters item whose altIds the page keeps, NewsML-G2 namespace and all.
    source = ROOT.parent / "shared/corpus/thirdparty/newsml/sdcore-reuters-2016-L1N14N0FF-v978556838.xml"
    done = run("convert", str(source), "-o", str(page))
    assert done.returncode == 0, done.stderr
    assert b"iptc.org/std/nar/2006-10-01" in page.read_bytes()  # its embedded data block
    assert sniff.detect(page.read_bytes()[:sniff.HEAD_BYTES], str(page)).name == "html"
    [result] = validate_paths([page]).files
    assert result.format == "html"


def test_jobs_share_the_checks_and_give_the_same_report() -> None:
    from convert.validation import validate_paths
    from convert.validation.report import report_data

    folder = ROOT.parent / "shared/corpus/thirdparty/newsml"
    one, two = (report_data(validate_paths([folder], schema=str(STANDARDS), jobs=jobs))
                for jobs in (1, 2))
    assert one["summary"]["files"] > 20 and one["summary"]["invalid"] > 0
    assert one == two
    through_cli = run("validate", "-j", "2", "--format", "json", "--schema", str(STANDARDS),
                      str(folder))
    assert json.loads(through_cli.stdout)["summary"] == one["summary"]
