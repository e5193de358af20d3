"""Property tests: random bytes, random JSON and random ZIP archives fed to
``convert``, ``validate`` and ``inspect`` (issue 16, "Done when").

For every generated set of inputs:

* no exit code 3 (a bug in newsconvert), no traceback, no "internal error";
* every input gets its own result in the report (one hostile file never
  costs the report of the others).  The inputs are named on the command
  line, so each reaches the reader its name or its bytes call for (a walked
  folder would leave out what is not a news file);
* memory stays under a fixed cap (``RLIMIT_AS`` for convert and inspect;
  the peak RSS for validate, whose EPUBCheck JVM reserves more address space
  than it uses);
* the work is linear in the input's size: the number of function calls
  (Python and C, counted with ``sys.setprofile``) to read, write and validate
  an input repeated 8 times is at most 16 times that of the input once; a
  cost quadratic in the size would be 64 times.  (Work inside one C call,
  such as a regex, is bounded by the CPU-time caps of ``test_cost.py``.)
  The linear-work property covers JSON inputs (ninjs, canonical, anything
  else) and text articles, every reader and writer they reach and validation.

Examples are drawn with ``derandomize=True``: CI runs the same inputs every time.
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.bounded import run_capped

MEMORY_MIB = 1024

#: Strings that crashed a run or reached a terminal raw: half a surrogate pair
#: (``json.dumps`` writes it as ``\\ud800``), ESC and OSC sequences, bidi controls.
_hostile_strings = st.sampled_from(["\ud800", "a\udfffb", "\x1b[2J\x1b]0;title\x07", "\u202e",
                                    "<script>alert(1)</script>", "]]>"])
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40) | _hostile_strings,
    lambda children: st.lists(children, max_size=6)
    | st.dictionaries(st.sampled_from(["uri", "type", "headline", "body_text", "body_html",
                                       "bodies", "versioncreated", "language", "id", "body",
                                       "provenance", "$schema", "version", "associations",
                                       "value", "contenttype", "x"]) | st.text(max_size=10),
                      children, max_size=6),
    max_leaves=30)
json_bytes = _json.map(lambda value: json.dumps(value).encode("utf-8"))

_names = st.sampled_from(["mimetype", "META-INF/container.xml", "EPUB/content.opf",
                          "EPUB/chapter.xhtml", "OEBPS/a.xhtml", "../x", "/abs", "a\\b",
                          "dup", "dup"]) | st.text(min_size=1, max_size=12)
_epub_parts = st.sampled_from([
    b"application/epub+zip",
    b'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    b'<rootfiles><rootfile full-path="EPUB/content.opf" '
    b'media-type="application/oebps-package+xml"/></rootfiles></container>',
    b'<package xmlns="http://www.idpf.org/2007/opf"><manifest><item id="c" '
    b'href="chapter.xhtml" media-type="application/xhtml+xml"/></manifest><spine>'
    b'<itemref idref="c"/></spine></package>',
    b'<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>T</h1><p>x</p></body></html>',
    b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"]) | st.binary(max_size=200)


@st.composite
def zip_bytes(draw: Callable[..., Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for _ in range(draw(st.integers(0, 6))):
            info = zipfile.ZipInfo(draw(_names))
            info.compress_type = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
            archive.writestr(info, draw(_epub_parts))
    data = buffer.getvalue()
    cut = draw(st.integers(0, len(data)))  # sometimes truncated, sometimes flipped
    flip = draw(st.integers(0, max(len(data) - 1, 0)))
    if draw(st.booleans()) and data:
        data = data[:flip] + bytes([data[flip] ^ 0xFF]) + data[flip + 1:]
    return data if draw(st.booleans()) else data[:cut]


_words = st.sampled_from([
    "ferries", "run", "again", "from", "Monday", "the", "operator", "said", "LONDON", "Reuters",
    "“quoted", "words”", "<em>", "</em>", "**", "_", "[link](http://x)", "&amp;", "\x1b[2J", "Mr.",
    "2025", "—", "(", ")", "By", "Jane", "Doe", "UPDATE", "1-", "#", "*", ">", "-", "|"])
_lines = st.lists(_words, min_size=1, max_size=14).map(" ".join)
#: Something shaped like an article (lines of words, blank lines, markup), so
#: that the whole text parser runs, not only the refusal of binary bytes.
article_bytes = st.lists(_lines | st.just(""), min_size=2, max_size=30).map(
    lambda lines: ("\n".join(lines) + "\n").encode("utf-8"))

text_like = article_bytes | st.binary(max_size=300) | st.text(max_size=300).map(
    str.encode) | st.sampled_from([
    b"Headline\n\nBody \x1b[2J text \xff\xfe.\n", b"<?xml version='1.0'?><newsItem/>",
    b"\xef\xbb\xbf<html><body><article><h1>x</h1></article></body></html>", b"{" * 300])

inputs = st.lists(st.tuples(st.sampled_from([".txt", ".json", ".xml", ".html"]), text_like)
                  | st.tuples(st.just(".json"), json_bytes)
                  | st.tuples(st.just(".epub"), zip_bytes()),
                  min_size=1, max_size=12)


def _assert_no_bug(stderr: str, returncode: int) -> None:
    assert returncode in (0, 1), (returncode, stderr[-2000:])
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]


#: What may follow an input's number in its file name: a byte that is not UTF-8,
#: terminal controls, a newline forging a GitHub Actions command or a message line.
_name_tails = st.sampled_from([b"", b"-\xff\xfe", b"-\x1b[2J", "-\u202e".encode(),
                               b"-\n::error file=x.py,line=1::PWNED\nnewsconvert: forged"])


def _write_all(folder: Path, items: list[tuple[str, bytes]], tails: list[bytes]) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, (extension, data) in enumerate(items):
        tail = tails[number] if number < len(tails) else b""
        path = Path(os.fsdecode(os.fsencode(folder) + b"/f%02d" % number + tail
                                + extension.encode()))
        path.write_bytes(data)
        paths.append(path)
    return paths


def _numbers(names: list[str]) -> list[str]:
    """The input numbers (``f00``...) of the files a report names, in its order."""
    return [Path(name).name[:3] for name in names]


def _assert_nothing_raw(output: str) -> None:
    """Nothing from an input's bytes or name reaches a terminal or CI log unescaped."""
    assert "\x1b" not in output and "\u202e" not in output, output[-2000:]
    assert not [line for line in output.splitlines()
                if line.startswith("::") or line.startswith("newsconvert: forged")], output[-2000:]


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(items=inputs, tails=st.lists(_name_tails, max_size=12),
       to=st.sampled_from(["json", "ninjs", "newsml", "html", "epub"]))
def test_random_inputs_never_reach_a_bug(items: list[tuple[str, bytes]], tails: list[bytes],
                                         to: str,
                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tmp_path_factory.mktemp("random")
    paths = _write_all(root / "in", items, tails)
    named = [str(path) for path in paths]
    numbers = _numbers(named)

    report = root / "run.json"
    output = root / ("book.epub" if to == "epub" else "out")
    convert = run_capped("convert", *named, "--to", to, "-o", str(output),
                         "--report", str(report), cwd=root, memory_mib=MEMORY_MIB)
    _assert_no_bug(convert.err, convert.returncode)
    _assert_nothing_raw(convert.err)
    run = json.loads(report.read_text(encoding="utf-8"))
    # each input has its own result: none is left out
    assert _numbers([result["source"] for result in run["files"]]) == numbers

    validate = run_capped("validate", *named, "--format", "json", cwd=root, memory_mib=None)
    _assert_no_bug(validate.err, validate.returncode)
    _assert_nothing_raw(validate.err + validate.out)
    assert validate.peak_mib < MEMORY_MIB
    checked = json.loads(validate.stdout)
    assert sorted(_numbers([result["file"] for result in checked["files"]])) == numbers

    for path in paths[:3]:
        inspect = run_capped("inspect", str(path), cwd=root, memory_mib=MEMORY_MIB)
        _assert_no_bug(inspect.err, inspect.returncode)
        _assert_nothing_raw(inspect.err + inspect.out)


# ---------------------------------------------------------------- linear work

def _calls(action: Callable[[], object]) -> int:
    """Function calls (Python and C) made by ``action``."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        action()
    except Exception:  # a refusal is a result too: its cost is what is counted
        pass
    finally:
        sys.setprofile(None)
    return count


def _work(path: Path) -> int:
    from convert import api, formats
    from convert.options import WriteOptions
    from convert.validation import validate_paths

    def convert() -> None:
        documents = api.read_all(str(path))
        for writer in ("json", "ninjs", "newsml", "html"):
            formats.writer(writer).write(documents[:1], WriteOptions())

    return _calls(convert) + _calls(lambda: validate_paths([str(path)]))


def _repeated(extension: str, data: bytes, times: int) -> bytes:
    """``data`` ``times`` over: JSON values as items of one array, text as paragraphs."""
    if extension == ".json":
        return b",".join([data] * times)
    return b"\n".join([data] * times)


def _scaled(extension: str, data: bytes, times: int) -> bytes:
    repeated = _repeated(extension, data, times)
    return b"[" + repeated + b"]" if extension == ".json" else repeated


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(item=st.tuples(st.just(".json"), json_bytes) | st.tuples(st.just(".txt"), article_bytes))
def test_work_is_linear_in_input_size(item: tuple[str, bytes],
                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    extension, data = item
    unit = _repeated(extension, data, max(1, 4000 // max(len(data), 1)))
    root = tmp_path_factory.mktemp("linear")
    small, large = root / f"small{extension}", root / f"large{extension}"
    small.write_bytes(_scaled(extension, unit, 4))
    large.write_bytes(_scaled(extension, unit, 32))
    # warm up imports and schema compiling, which are paid once, not per byte
    _work(small)
    assert _work(large) <= 16 * _work(small) + 10_000
