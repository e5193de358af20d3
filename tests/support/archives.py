"""Folders of articles for batch-run tests (``convert`` over folders, lists, many files)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import dev_articles

#: Dev-corpus articles the baseline reader accepts (017 is a headline without a body).
GOOD = [path for path in dev_articles() if not path.name.startswith("017-")][:6]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A small nested archive: 2 articles at the top, 2 in 2019/, 2 in 2019/09/."""
    root = tmp_path / "archive"
    for folder, articles in (("", GOOD[:2]), ("2019", GOOD[2:4]), ("2019/09", GOOD[4:6])):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for article in articles:
            shutil.copy(article, root / folder / article.name)
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def broken_canonical_json(path: Path) -> None:
    """Canonical JSON (it names provenance and body) with a syntax error on line 3."""
    path.write_text('{\n  "id": "urn:uuid:x",\n  "body": [,\n  "provenance": {}\n}\n')


def generated_folder(folder: Path, count: int) -> Path:
    """``count`` distinct articles from the dev corpus texts, 100 per subfolder."""
    texts = [path.read_text(encoding="utf-8") for path in GOOD]
    for number in range(count):
        sub = folder / f"{number // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = texts[number % len(texts)]
        (sub / f"{number:05d}.txt").write_text(f"Article {number}: {text}", encoding="utf-8")
    return folder
