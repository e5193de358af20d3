"""ZIP archives that lie or need what EPUB does not allow (issue 16, items 3, 4, 7).

The EPUB reader (``convert``) and ``validate``'s EPUB rules read every book
through one capped reader, :class:`convert.formats.safezip.SafeArchive`: inflated
bytes are counted as they come out, so a directory that lies about sizes
costs no more than what it declares.  Each case runs under an address-space
cap far below what the old reading needed.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.hostile.bounded import one_clean_line, run_capped
from tests.hostile.zips import book, lying_book, with_flags, with_method

#: Interpreter, lxml, jsonschema and the XSD fit in this; inflating a lie does not.
MEMORY_MIB = 600


def _validate_json(source: Path, tmp_path: Path) -> dict:
    outcome = run_capped("validate", str(source), "--format", "json", cwd=tmp_path,
                         memory_mib=MEMORY_MIB)
    assert outcome.returncode == 1, outcome.err[-2000:]
    assert "Traceback" not in outcome.err
    report = json.loads(outcome.stdout)
    assert report["files"][0]["valid"] is False
    return report["files"][0]


def test_lying_entry_is_not_inflated_past_its_declared_size_by_convert(tmp_path: Path) -> None:
    source = tmp_path / "lie.epub"
    source.write_bytes(lying_book(2**30))  # 1 MB on disk, 1 GiB inflated, 1000 bytes declared
    outcome = run_capped("convert", str(source), "--to", "json", "-o", str(tmp_path / "o.json"),
                         cwd=tmp_path, memory_mib=MEMORY_MIB)
    assert outcome.returncode == 1, outcome.err[-2000:]
    line = one_clean_line(outcome.err)
    assert "lie.epub" in line and "EPUB/chapter.xhtml" in line
    assert "more than the 1000 bytes" in line
    assert not (tmp_path / "o.json").exists()


def test_lying_entry_is_refused_by_validate_and_not_given_to_epubcheck(tmp_path: Path) -> None:
    source = tmp_path / "lie.epub"
    source.write_bytes(lying_book(2**30))
    result = _validate_json(source, tmp_path)
    assert result["validators"] == ["rules"]
    [finding] = result["findings"]
    assert finding["code"] == "refused-archive" and "1000 bytes" in finding["message"]
    assert finding["part"] == "EPUB/chapter.xhtml"


def test_validate_applies_the_readers_caps(tmp_path: Path) -> None:
    """A 300 KB book of 300 MB of zeros: refused on its declared size, never inflated."""
    source = tmp_path / "bomb.epub"
    source.write_bytes(book(b"\0" * 300_000_000))
    assert source.stat().st_size < 400_000
    finding = _validate_json(source, tmp_path)["findings"][0]
    assert finding["code"] == "refused-archive"
    assert "inflates to more than 64 MiB" in finding["message"]


@pytest.mark.parametrize("name, data, words", [
    ("encrypted", with_flags(book(), b"EPUB/chapter.xhtml", 0x1), "encrypted"),
    ("bzip2", book(method=zipfile.ZIP_BZIP2), "compression method 12"),
    ("unknown method", with_method(book(), b"EPUB/chapter.xhtml", 99), "compression method 99"),
], ids=["encrypted", "bzip2", "unknown method"])
@pytest.mark.parametrize("command", ["convert", "validate"])
def test_entries_epub_does_not_allow_are_refused(command: str, name: str, data: bytes,
                                                 words: str, tmp_path: Path) -> None:
    source = tmp_path / "book.epub"
    source.write_bytes(data)
    if command == "validate":
        finding = _validate_json(source, tmp_path)["findings"][0]
        assert finding["code"] == "refused-archive" and words in finding["message"]
    else:
        outcome = run_capped("convert", str(source), "--to", "json", cwd=tmp_path)
        assert outcome.returncode == 1
        assert words in one_clean_line(outcome.err)
