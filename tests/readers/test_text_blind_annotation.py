"""The blind evaluation set's gold annotations quote their own files.

``fixtures/blind/`` is a blind set for the text parser (issue 14): articles in
conventions the parser was not developed on, annotated by the rules of
``../shared/corpus/README.md`` alone.  This module checks **the gold only**
(:func:`tests.support.corpus.check_annotation`: the file decodes strictly with
the declared encoding and every annotated text occurs in it).  It never runs
the parser: the set is scored once by a benchmark, not tuned on in tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.support.corpus import check_annotation, expected

BLIND = sorted((FIXTURES / "blind").glob("*.txt"))
FIELDS = ["encoding", "language", "headline", "subheadline", "bylines", "dateline", "published",
          "updated", "source", "captions", "paragraph_count", "first_paragraph_starts",
          "last_paragraph_ends", "quotes", "dropped", "expect", "notes"]


def test_the_blind_set_is_there() -> None:
    assert len(BLIND) >= 40
    for path in BLIND:
        assert path.with_name(path.stem + ".expected.json").is_file(), path.name


@pytest.mark.parametrize("path", BLIND, ids=[p.stem for p in BLIND])
def test_blind_annotation_quotes_the_file(path: Path) -> None:
    check_annotation(path)


@pytest.mark.parametrize("path", BLIND, ids=[p.stem for p in BLIND])
def test_blind_annotation_has_every_field(path: Path) -> None:
    gold = expected(path)
    assert list(gold) == FIELDS
    assert gold["expect"] in {"ok", "warning", "error"}
    assert gold["encoding"] in {"utf-8", "utf-8-sig", "utf-16", "cp1252"}
    if gold["expect"] != "error":
        assert gold["paragraph_count"] >= 1 and gold["first_paragraph_starts"]
