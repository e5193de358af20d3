"""Nothing from an input reaches a terminal or a CI log unescaped (issue 16,
items 10 and 12).

File names and content carry ESC/OSC sequences, C1 controls, bidi controls
and newlines that would forge a ``::error`` workflow command in GitHub Actions
or a ``newsconvert: ...`` line.  Every place that prints them (the text
report, ``inspect``, the text lint, batch errors and warnings) shows them as
escapes instead.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.bounded import convert_capped, run_capped

GOOD = b"Ferry strike ends\n\nFerries run again from Monday, the operator said on Sunday.\n"
FORGED = "evil\n::error file=x.py,line=1::PWNED\nnewsconvert: all good\n.txt"
ESCAPES = "x\x1b]0;owned\x07\x1b[2J\u009b31m\u202eevil.txt"
#: What a terminal or a log acts on: C0 but tab and newline, DEL, C1, bidi controls.
ACTIVE = [chr(c) for c in [*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0),
                           0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068,
                           0x2069]]


def _assert_inert(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in text if c in ACTIVE})
    assert not found, f"unescaped {found} in: {text[-1500:]!r}"
    for line in text.splitlines():  # no line the name forged
        assert not line.startswith(("::error file=x.py", "newsconvert: all good")), line


@pytest.fixture
def hostile_names(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / FORGED).write_bytes(b"")  # an error, so that its name is printed
    (folder / ESCAPES).write_bytes(b"")
    (folder / "good.txt").write_bytes(GOOD)
    return folder


@pytest.mark.parametrize("report_format", ["text", "github"])
def test_validate_report_escapes_file_names(report_format: str, hostile_names: Path,
                                            tmp_path: Path) -> None:
    outcome = run_capped("validate", str(hostile_names), "--format", report_format,
                         cwd=tmp_path)
    assert outcome.returncode == 1, outcome.err
    _assert_inert(outcome.out + outcome.err)
    assert ("evil\\n::error file=x.py" if report_format == "text"
            else "evil\\n%3A%3Aerror file=x.py") in outcome.out


def test_convert_errors_escape_file_names(hostile_names: Path, tmp_path: Path) -> None:
    outcome = run_capped("convert", str(hostile_names), "--to", "json", "-o",
                         str(tmp_path / "out"), cwd=tmp_path)
    assert outcome.returncode == 1
    _assert_inert(outcome.err)
    lines = outcome.err.splitlines()
    # two failed inputs, one line each, then the summary: no forged line among them
    assert len(lines) == 3, outcome.err
    assert sum(line.startswith("newsconvert: ") for line in lines) == 2
    assert "evil\\n::error file=x.py,line=1::PWNED\\nnewsconvert: all good\\n.txt" in outcome.err
    assert "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202eevil.txt" in outcome.err


def _article_with_controls(tmp_path: Path) -> Path:
    source = tmp_path / "controls.txt"
    source.write_text("Ferry \u009b2J strike \u202eends\n\n"
                      "Ferries run again \u0085from Monday, the operator said on Sunday.\n",
                      encoding="utf-8")
    return source


def test_inspect_escapes_content(tmp_path: Path) -> None:
    outcome = run_capped("inspect", str(_article_with_controls(tmp_path)), cwd=tmp_path)
    assert outcome.returncode == 0, outcome.err
    _assert_inert(outcome.out + outcome.err)
    assert "\\x9b2J strike \\u202eends" in outcome.out


def test_inspect_json_escapes_content(tmp_path: Path) -> None:
    outcome = run_capped("inspect", "--json", str(_article_with_controls(tmp_path)),
                         cwd=tmp_path)
    assert outcome.returncode == 0, outcome.err
    json.loads(outcome.out)
    _assert_inert(outcome.out)


def test_inspect_escapes_its_file_name(tmp_path: Path) -> None:
    source = tmp_path / ESCAPES
    source.write_bytes(GOOD)
    outcome = run_capped("inspect", str(source), cwd=tmp_path)
    assert outcome.returncode == 0, outcome.err
    _assert_inert(outcome.out + outcome.err)


def test_text_lint_findings_escape_content(tmp_path: Path) -> None:
    """The lint quotes what the parser dropped; a C1 CSI or a bidi override in it
    is shown as an escape."""
    source = tmp_path / "lint.txt"
    source.write_text("Ferry strike ends\n\nFerries run again from Monday, the operator said on "
                      "Sunday in a statement.\n\nThe union said talks would go on through the "
                      "week.\n\nAll rights reserved \u009b2J \u202e 2024.\n", encoding="utf-8")
    outcome = run_capped("validate", str(source), cwd=tmp_path)
    assert outcome.returncode == 0, outcome.err
    _assert_inert(outcome.out + outcome.err)
    assert "dropped (copyright): All rights reserved \\x9b2J \\u202e 2024." in outcome.out


# ---------------------------------------------------------------- item 12: declared encodings

def test_a_declared_python_codec_is_not_honoured(tmp_path: Path) -> None:
    """``coding: unicode_escape`` would turn the ASCII text ``\\x1b`` into a real ESC."""
    outcome, output = convert_capped(
        tmp_path, "codec.txt", b"coding: unicode_escape\n\nFerry \\x1b[31mstrike\\x1b[0m ends\n\n"
        b"Ferries run again from Monday, the operator said on Sunday.\n", "json")
    assert outcome.returncode == 0, outcome.err
    text = output.read_text(encoding="utf-8")
    assert "\\u001b" not in text and "\x1b" not in text
    assert "\\\\x1b[31m" in text  # the backslash is kept, as written
    assert json.loads(text)["provenance"]["encoding"] == "utf-8"


def test_an_encoding_named_in_prose_is_not_a_declaration(tmp_path: Path) -> None:
    outcome, _ = convert_capped(
        tmp_path, "prose.txt", b"Decoder ships\n\nThe tool reads files with encoding: base64 and "
        b"other forms of text, its makers said on Monday.\n", "json")
    assert outcome.returncode == 0, outcome.err


def test_a_real_declaration_is_still_honoured(tmp_path: Path) -> None:
    outcome, output = convert_capped(
        tmp_path, "latin.txt", "charset: iso-8859-15\n\nCafé reopens\n\nThe café costs 3 €, the "
        "owner said on Monday.\n".encode("iso-8859-15"), "json")
    assert outcome.returncode == 0, outcome.err
    assert "3 €" in output.read_text(encoding="utf-8")
