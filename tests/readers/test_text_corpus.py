"""Every annotated article, checked field by field by the corpus README's rules: the
shared dev corpus, and the articles the parser was not developed on.

``fixtures/unseen/`` holds our own annotated articles (other agencies, languages and
encodings; same annotation format and rules as the shared dev corpus,
``../shared/corpus/README.md``).  The comparison lives in :mod:`tests.support.corpus`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, dev_articles
from tests.support.corpus import check_annotation, check_article

UNSEEN = sorted((FIXTURES / "unseen").glob("*.txt"))
#: Both sets, the unseen ones' ids marked ``unseen-``.
ARTICLES = [pytest.param(path, id=path.stem) for path in dev_articles()] + [
    pytest.param(path, id=f"unseen-{path.stem}") for path in UNSEEN]


def test_the_unseen_set_is_there() -> None:
    assert len(UNSEEN) >= 25


@pytest.mark.parametrize("path", ARTICLES)
def test_article_matches_gold(path: Path) -> None:
    check_article(path)


@pytest.mark.parametrize("path", ARTICLES)
def test_annotation_quotes_the_file(path: Path) -> None:
    check_annotation(path)
