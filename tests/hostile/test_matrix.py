"""Hostile and broken input: each case has an expected outcome.

Every case runs the real command line in a subprocess and checks the exit
code, that stderr is ONE line naming the input (never a traceback), that no
output file exists, and that nothing was written outside the output folder.
Big inputs are generated at test time, never committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]  # writes the hostile input under a folder, returns its path
    to: str
    message: str  # a fragment the one-line error must contain
    exit_code: int = 1


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
       b"\x00\x00\x00IEND\xaeB`\x82")

CASES = [
    # text
    Case("empty text", _file("empty.txt", b""), "json", "empty"),
    Case("whitespace only", _file("blank.txt", " \n\t\r\n\u3000\n".encode()),
         "json", "empty"),
    Case("png renamed .txt", _file("photo.txt", PNG), "json", "not text"),
    Case("nul bytes", _file("nul.txt", b"Headline\n\nBody\x00\x00\x00 text\n"), "json", "not text"),
    Case("headline only", _file("head.txt", b"Just a headline\n"), "json", "body"),
    # json
    Case("json deep nesting", _file("deep.json", b"[" * 10000 + b"]" * 10000), "ninjs",
         "nested deeper"),
    Case("json duplicate keys", _file("dup.json", b'{"id": "a", "id": "b", "body": [],'
                                                  b' "provenance": {}}'), "ninjs", "duplicate"),
    Case("json invalid utf-8", _file("bad.json", b'{"uri": "\xff\xfe"}'), "ninjs", "UTF-8"),
]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "convert", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _snapshot(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_gets_one_clear_line_and_no_output(case: Case, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    source = case.make(inputs)
    before = _snapshot(tmp_path)
    output = tmp_path / "out" / "result"
    result = run_cli("convert", str(source), "--to", case.to, "-o", str(output), cwd=tmp_path)
    assert result.returncode == case.exit_code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(source) in lines[0]
    assert case.message.lower() in lines[0].lower()
    assert not output.exists()
    assert _snapshot(tmp_path) - before <= {tmp_path / "out"}


def test_debug_flag_shows_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    result = run_cli("--debug", "convert", str(source), "--to", "json", cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" in result.stderr
