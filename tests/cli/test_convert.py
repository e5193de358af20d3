"""``newsconvert convert``: single files as before, batches through convert.run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.conftest import ROOT
from convert import api
from convert.cli import app
from tests.support.archives import (  # noqa: F401  (archive is a fixture)
    GOOD, archive, broken_canonical_json, generated_folder, tree,
)


def run(*arguments: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(app, ["convert", *arguments], input=input)


def json_of(path: Path) -> bytes:
    return api.write(api.read(path), "json")


# ---------------------------------------------------------------- one input, as before


def test_one_input_without_output_goes_to_stdout_without_a_summary() -> None:
    result = run(str(GOOD[0]), "--to", "json")
    assert result.exit_code == 0
    assert result.stdout_bytes == json_of(GOOD[0])
    assert result.stderr == ""


def test_one_input_to_one_output_file(tmp_path: Path) -> None:
    result = run(str(GOOD[0]), "--to", "json", "-o", str(tmp_path / "a.json"))
    assert result.exit_code == 0 and result.stderr == ""
    assert (tmp_path / "a.json").read_bytes() == json_of(GOOD[0])


def test_stdin_to_stdout() -> None:
    result = run("-", "--to", "json", input=GOOD[1].read_bytes())
    assert result.exit_code == 0 and result.stdout_bytes == json_of(GOOD[1])


def test_one_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    broken_canonical_json(tmp_path / "broken.json")
    result = run(str(tmp_path / "broken.json"), "--to", "json")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"newsconvert: {tmp_path / 'broken.json'}:3: ")
    assert result.stderr.count("\n") == 1 and result.stdout_bytes == b""


# ---------------------------------------------------------------- batches


def test_a_folder_is_mirrored_with_a_summary_and_no_progress_on_a_pipe(
        archive: Path, tmp_path: Path) -> None:
    result = run(str(archive), "--to", "json", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "6 converted (0 with warnings), 0 failed\n"
    assert tree(tmp_path / "out")["2019/09/" + GOOD[4].with_suffix(".json").name] == \
        json_of(GOOD[4])


def test_stdin_among_other_inputs_is_named_stdin(tmp_path: Path) -> None:
    result = run("-", str(GOOD[0]), "--to", "json", "-o", str(tmp_path / "out"),
                 input=GOOD[1].read_bytes())
    assert result.exit_code == 0, result.stderr
    assert tree(tmp_path / "out") == {"stdin.json": json_of(GOOD[1]),
                                      GOOD[0].with_suffix(".json").name: json_of(GOOD[0])}


def test_list_files_and_a_list_on_stdin(archive: Path, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{archive / GOOD[0].name}\n{archive / '2019'}\n")
    result = run(f"@{listing}", "--to", "json", "-o", str(tmp_path / "a"))
    assert result.exit_code == 0, result.stderr
    assert sorted(tree(tmp_path / "a")) == sorted(
        [GOOD[0].with_suffix(".json").name,
         *(path.with_suffix(".json").name for path in GOOD[2:4]),
         *("09/" + path.with_suffix(".json").name for path in GOOD[4:6])])
    piped = run("@-", "--to", "json", "-o", str(tmp_path / "b"), input=listing.read_bytes())
    assert piped.exit_code == 0 and tree(tmp_path / "b") == tree(tmp_path / "a")


def test_a_bad_file_among_good_ones_exits_1_and_says_where(archive: Path,
                                                           tmp_path: Path) -> None:
    broken_canonical_json(archive / "2019" / "broken.json")
    report = tmp_path / "report.json"
    result = run(str(archive), "--to", "json", "-o", str(tmp_path / "out"), "-j", "2",
                 "--report", str(report))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"newsconvert: {archive / '2019' / 'broken.json'}:3: ")
    assert lines[-1] == "6 converted (0 with warnings), 1 failed"
    assert len(tree(tmp_path / "out")) == 6 and not (tmp_path / "out/2019/broken.json").exists()
    data = json.loads(report.read_text())
    assert data["summary"]["failed"] == 1 and data["summary"]["total"] == 7


def test_fail_fast_and_quiet(archive: Path, tmp_path: Path) -> None:
    (archive / "000-empty.txt").write_text("")
    result = run(str(archive), "--to", "json", "-o", str(tmp_path / "out"), "--fail-fast",
                 "--quiet")
    assert result.exit_code == 1
    assert result.stderr == f"newsconvert: {archive / '000-empty.txt'}: the file is empty (nothing to convert)\n"
    assert not (tmp_path / "out").exists()


def test_skip_existing_on_the_command_line(archive: Path, tmp_path: Path) -> None:
    arguments = (str(archive), "--to", "json", "-o", str(tmp_path / "out"), "--skip-existing")
    assert run(*arguments).exit_code == 0
    again = run(*arguments)
    assert again.exit_code == 0
    assert again.stderr == "0 converted (0 with warnings), 0 failed, 6 skipped\n"


@pytest.mark.parametrize(("arguments", "message"), [
    (["{archive}", "--to", "json", "-o", "{archive}/out"], "inside the input folder"),
    (["{archive}", "--to", "epub", "-o", "{tmp}/books/"], "give -o FILE.epub"),
    (["{archive}", "--to", "epub,json", "-o", "{tmp}/book.epub"], "in a run of its own"),
    (["{archive}", "--to", "html"], "need an output folder (-o DIR)"),
    (["{archive}", "--to", "json", "-o", "{tmp}/b.html"], "names a html file, but --to is json"),
    (["{archive}/000-uzbek-militants.txt", "-o", "{tmp}/b.unknown"], "say which format to write"),
    (["{archive}/000-uzbek-militants.txt", "-t", "json", "-M", "colour=red"],
     "give KEY=VALUE with KEY one of"),
    (["{archive}", "--to", "nope", "-o", "{tmp}/out"], "unknown output format 'nope'"),
    (["{archive}", "--to", "json", "-o", "{tmp}/out", "--executor", "spark"],
     "unknown executor 'spark'"),
])
def test_usage_errors_exit_2_and_write_nothing(archive: Path, tmp_path: Path,
                                               arguments: list[str], message: str) -> None:
    before = tree(tmp_path)
    result = run(*(argument.format(archive=archive, tmp=tmp_path) for argument in arguments))
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert tree(tmp_path) == before


def test_an_output_file_equal_to_the_input_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.json"
    article.write_bytes(json_of(GOOD[0]))
    result = run(str(article), "--to", "json", "-o", str(article))
    assert result.exit_code == 2 and "would overwrite an input" in result.stderr
    assert article.read_bytes() == json_of(GOOD[0])


# ---------------------------------------------------------------- terminal and signals


def test_the_progress_bar_shows_on_a_terminal_only(archive: Path, tmp_path: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.run(
        [sys.executable, "-m", "convert", "convert", str(archive), "--to", "json",
         "-o", str(tmp_path / "out")],
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=terminal,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100"}, timeout=60)
    os.close(terminal)
    shown = b""
    while chunk := _read_available(controller):
        shown += chunk
    os.close(controller)
    assert process.returncode == 0
    assert b"6/6" in shown and b"\x1b[" in shown, shown
    assert b"6 converted (0 with warnings), 0 failed" in shown


def _read_available(descriptor: int) -> bytes:
    try:
        return os.read(descriptor, 65536)
    except OSError:  # the terminal side is closed: everything has been read
        return b""


def test_ctrl_c_stops_workers_leaves_no_partial_file_and_exits_130(tmp_path: Path) -> None:
    folder = generated_folder(tmp_path / "in", 4000)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "convert", "convert", str(folder), "--to", "json", "-o", str(out),
         "--jobs", "2", "--report", str(tmp_path / "report.json")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (out.exists() and any(out.rglob("*.json"))) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.decode().splitlines()[-1] == "newsconvert: interrupted"
    written = list(out.rglob("*"))
    assert not [path for path in written if path.name.endswith(".part")]
    outputs = [path for path in written if path.is_file()]
    assert 0 < len(outputs) < 4000, "interrupted part-way"
    for path in outputs:
        json.loads(path.read_bytes())
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["interrupted"] is True
    assert sorted(entry["outputs"][0] for entry in report["files"]) == sorted(
        str(path) for path in outputs)


def test_help_does_not_import_the_model_rich_or_dask() -> None:
    code = ("import sys, convert.cli; "
            "print([m for m in ('convert.model', 'rich', 'distributed', 'lxml') "
            "if m in sys.modules])")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout
    assert loaded.strip() == "[]"
