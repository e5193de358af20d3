"""Shared test paths and the golden-file helper.

Golden files live in ``fixtures/``; run ``pytest --regen-golden`` to rewrite
them from the current output, then read the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# `validate` treats a CI run as --strict about missing official schemas; the
# suite itself runs in CI, so tests that want that behaviour set CI themselves.
os.environ.pop("CI", None)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
STANDARDS = SHARED / "standards"
DEV_CORPUS = SHARED / "corpus" / "dev"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite golden files under fixtures/ from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """``golden(path, data)``: compare bytes with a golden file (or rewrite it)."""
    regen = request.config.getoption("--regen-golden")

    def check(path: Path, data: bytes) -> None:
        if regen or not path.exists():
            if not regen:
                pytest.fail(f"golden file {path} is missing: run pytest --regen-golden")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert data == path.read_bytes(), f"output differs from golden {path.relative_to(ROOT)}"

    return check


def dev_articles() -> list[Path]:
    return sorted(DEV_CORPUS.glob("*.txt"))


def readable_articles() -> list[Path]:
    """Dev articles the gold says convert (``expect`` is not ``error``)."""
    return [path for path in dev_articles()
            if json.loads(path.with_suffix(".expected.json").read_text("utf-8"))["expect"]
            != "error"]
