"""The library API: atomic writes, reading from paths and bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from convert import api, files
from convert.errors import ConvertError

ROOT = Path(__file__).resolve().parent.parent


def test_atomic_write_creates_parents_and_uses_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.json"
    old = os.umask(0o022)
    try:
        files.write_atomic(target, b"data")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"data"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_atomic_write_leaves_nothing_when_the_disk_is_full(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ConvertError, match="No space left on device"):
        files.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_reading_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConvertError, match="is a folder"):
        api.read(tmp_path)


def test_reading_a_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(ConvertError) as caught:
        api.read(tmp_path / "missing.txt")
    assert "missing.txt" in str(caught.value)


def test_convert_file_is_the_one_file_path(tmp_path: Path) -> None:
    source = ROOT / "fixtures" / "corpus" / "002-reuters-machinery-outlook.txt"
    heard: list[str] = []
    api.convert_file(source, "ninjs", tmp_path / "a.json",
                     on_warning=lambda warning: heard.append(warning.code))
    assert (tmp_path / "a.json").read_bytes() == api.write(api.read(source), "ninjs")
    assert heard == ["not-carried"]
    with pytest.raises(ConvertError, match="would overwrite an input"):
        api.convert_file(tmp_path / "a.json", "json", tmp_path / "a.json")


def test_convert_file_wants_a_writer_of_several_documents_for_several(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(api.write([api.read(path) for path in sorted(
        (ROOT / "fixtures" / "corpus").glob("00[01]*.txt"))], "newsml-message"))
    with pytest.raises(ConvertError, match="2 documents, but html writes one per file"):
        api.convert_file(feed, "html", tmp_path / "out.html")
    assert not (tmp_path / "out.html").exists()
    api.convert_file(feed, "epub", tmp_path / "feed.epub")
    assert len(api.read_all(tmp_path / "feed.epub")) == 2
