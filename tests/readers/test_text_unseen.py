"""Articles the parser was not developed on: other agencies, languages and encodings.

``fixtures/unseen/`` holds our own annotated articles (same annotation format
and rules as the shared dev corpus, ``../shared/corpus/README.md``), checked
with the same comparison as the dev corpus (:mod:`tests.support.corpus`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.support.corpus import check_annotation, check_article

UNSEEN = sorted((FIXTURES / "unseen").glob("*.txt"))


def test_the_unseen_set_is_there() -> None:
    assert len(UNSEEN) >= 25


@pytest.mark.parametrize("path", UNSEEN, ids=[p.stem for p in UNSEEN])
def test_unseen_article_matches_gold(path: Path) -> None:
    check_article(path)


@pytest.mark.parametrize("path", UNSEEN, ids=[p.stem for p in UNSEEN])
def test_unseen_annotation_quotes_the_file(path: Path) -> None:
    check_annotation(path)
