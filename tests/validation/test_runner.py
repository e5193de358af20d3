"""Finding the files (convert/validation/runner.py): names, order, duplicates, links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from convert.validation import validate_paths


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", ".hidden/e.txt",
                 "sub/.f.txt", "other/g.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Headline\n\nA paragraph of text.\n")
    os.symlink(tmp_path / "other", tmp_path / "sub" / "linked-folder")
    os.symlink(tmp_path / "a.txt", tmp_path / "sub" / "z-link.txt")
    return tmp_path


def test_a_folder_is_walked_files_first_sorted_hidden_skipped(tree: Path) -> None:
    files = [result.file for result in validate_paths([tree / "sub", tree]).files]
    sub = f"{tree}/sub"
    assert files == [f"{sub}/c.txt", f"{sub}/z-link.txt", f"{sub}/deeper/d.txt",
                     f"{tree}/b.txt", f"{tree}/other/g.txt"]


def test_names_are_joined_as_pathlib_joins_them(tree: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert [result.file for result in validate_paths(["."]).files] == [
        "a.txt", "b.txt", "other/g.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert [result.file for result in validate_paths(["./sub/"]).files] == [
        "sub/c.txt", "sub/z-link.txt", "sub/deeper/d.txt"]
