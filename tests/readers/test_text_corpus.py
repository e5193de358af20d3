"""Every annotated dev article, checked field by field by the corpus README's rules.

The comparison itself lives in :mod:`tests.support.corpus` (shared with the
unseen-article set in ``tests/readers/test_text_unseen.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import dev_articles
from tests.support.corpus import check_annotation, check_article

ARTICLES = dev_articles()


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_dev_article_matches_gold(path: Path) -> None:
    check_article(path)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_dev_annotation_quotes_the_file(path: Path) -> None:
    check_annotation(path)
