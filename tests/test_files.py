"""convert/files.py: the one folder walker, display names, SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from convert import files
from convert.errors import ConvertError


def tree(root: Path) -> None:
    for name in ("b.txt", "a.xml", "sub/c.txt", "sub/deeper/d.txt", ".hidden.txt",
                 ".git/e.txt", "z/f.json"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "link").symlink_to(root / "sub", target_is_directory=True)
    (root / "y.txt").symlink_to(root / "b.txt")


def test_walk_order_hidden_links_and_extensions(tmp_path: Path) -> None:
    tree(tmp_path)
    found = list(files.walk(str(tmp_path)))
    assert [f.relative for f in found] == ["a.xml", "b.txt", "y.txt", "sub/c.txt",
                                           "sub/deeper/d.txt", "z/f.json"]
    assert found[0].path == f"{tmp_path}/a.xml"
    assert found[2].real == str((tmp_path / "b.txt").resolve())  # a link to a file: its target
    assert found[3].real == os.path.realpath(tmp_path / "sub" / "c.txt")
    assert [f.relative for f in files.walk(str(tmp_path), {".json", ".xml"})] == [
        "a.xml", "z/f.json"]


def test_walk_joins_names_as_pathlib_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert next(files.walk(".")).path == "a.xml"
    assert next(files.walk("sub/")).path == "sub/c.txt"


def test_display_name_and_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (files.display_name("-"), files.display_name("a.txt")) == ("<stdin>", "a.txt")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    moment = files.source_date_epoch()
    assert moment is not None and moment.isoformat() == "2023-11-14T22:13:20+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert files.source_date_epoch() is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(ConvertError, match="SOURCE_DATE_EPOCH='soon' is not a number"):
        files.source_date_epoch()
