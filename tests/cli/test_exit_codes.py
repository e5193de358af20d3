"""The exit codes the README documents, each through the console entry point
in a subprocess: 0 success, 1 bad input or invalid file, 2 usage or I/O
error, 3 a bug (one line, no traceback), 130 interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, STANDARDS

ITEM = STANDARDS / "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml"
ARTICLE = ("Council approves new park\n\nBy Ann Lee\n\nLONDON (Reuters) - The council "
           "approved a new park on Tuesday, officials said.\n\nWork starts in May.\n")

#: ``main()`` after patching ``target`` (a "module:function") to raise, as a bug would.
_WITH_A_BUG = """
import importlib, sys
module_name, name = sys.argv.pop(1).split(":")
def bug(*args, **kwargs):
    raise RuntimeError("simulated bug")
setattr(importlib.import_module(module_name), name, bug)
from convert.cli import main
main()
"""


def newsconvert(*arguments: str, bug: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSCONVERT_SCHEMAS": str(STANDARDS)}
    command = ([sys.executable, "-c", _WITH_A_BUG, bug] if bug
               else [sys.executable, "-m", "convert"])
    return subprocess.run([*command, *arguments], cwd=ROOT, env=env, capture_output=True,
                          text=True)


def test_0_success(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    converted = newsconvert("convert", str(tmp_path / "a.txt"), "--to", "json")
    assert converted.returncode == 0, converted.stderr
    assert newsconvert("validate", str(ITEM)).returncode == 0


def test_1_bad_input_or_invalid_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": ', encoding="utf-8")
    converted = newsconvert("convert", str(bad), "--from", "json", "--to", "ninjs")
    assert converted.returncode == 1
    assert converted.stderr.startswith(f"newsconvert: {bad}:")
    invalid = tmp_path / "invalid.xml"
    invalid.write_text(ITEM.read_text("utf-8").replace('<provider literal="reuters.com"/>',
                                                        "<bogusElement/>"), encoding="utf-8")
    assert newsconvert("validate", str(invalid)).returncode == 1


def test_2_usage_or_io_error(tmp_path: Path) -> None:
    for arguments in (["convert", str(tmp_path / "nosuch.txt"), "--to", "json"],
                      ["validate", str(tmp_path / "nosuch.xml")],
                      ["convert", str(ITEM), "--to", "json", "--no-such-option"],
                      ["validate", "--format", "yaml", str(ITEM)],
                      ["frobnicate"]):
        done = newsconvert(*arguments)
        assert done.returncode == 2, (arguments, done.stderr)
        assert done.stderr.startswith("newsconvert: ") and "Traceback" not in done.stderr


def test_3_a_bug_is_one_line_and_code_3(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    expected = ("newsconvert: internal error: RuntimeError: simulated bug "
                "(run with --debug for the traceback)\n")
    for bug, arguments in (
            ("convert.api:convert_file", ["convert", str(tmp_path / "a.txt"), "--to", "json"]),
            ("convert.run:convert_many", ["convert", str(tmp_path), "--to", "json", "-o",
                                          str(tmp_path / "out")]),
            ("convert.validation:validate_paths", ["validate", str(ITEM)]),  # typer-free path
            ("convert.formats.docschema:document_schema_text", ["schema"])):
        done = newsconvert(*arguments, bug=bug)
        assert (done.returncode, done.stderr) == (3, expected), bug
        assert done.stdout == ""
    debugged = newsconvert("--debug", "schema",
                           bug="convert.formats.docschema:document_schema_text")
    assert "Traceback (most recent call last)" in debugged.stderr
    assert "RuntimeError: simulated bug" in debugged.stderr
    assert debugged.returncode == 3  # --debug shows more, the exit code stays a bug's


def test_130_sigint_stops_a_running_batch(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for number in range(3000):
        (inputs / f"a{number:04}.txt").write_text(ARTICLE.replace("park", f"park {number}"),
                                                  encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "convert", "convert", str(inputs), "-o",
                            str(out), "--to", "json"], cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (out.is_dir() and any(out.glob("*.json"))):
            assert run.poll() is None, "the batch ended before it could be interrupted"
            assert time.monotonic() < deadline, "no output after 120 s"
            time.sleep(0.05)
        run.send_signal(signal.SIGINT)
        _, stderr = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    written = sorted(out.iterdir())
    assert 0 < len(written) < 3000
    assert not [path for path in written if path.name.endswith(".part")]
