"""The blind evaluation sets' gold annotations quote their own files.

``fixtures/blind/``, ``fixtures/blind2/``, ``fixtures/blind3/`` and ``fixtures/blind4/`` are blind sets
for the text parser (issue 14): articles in conventions the parser was not
developed on, annotated by the rules of ``../shared/corpus/README.md`` alone
(``blind2`` is the fresh set made once ``blind`` had been seen, ``blind3`` the one
made once ``blind2`` had been seen, ``blind4`` the one made once ``blind3`` had been seen).  This module checks **the gold only**
(:func:`tests.support.corpus.check_annotation`: the file decodes strictly with
the declared encoding and every annotated text occurs in it).  It never runs
the parser: a blind set is scored once by a benchmark, not tuned on in tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.support.corpus import check_annotation, expected

BLIND_SETS = ("blind", "blind2", "blind3", "blind4")
ARTICLES = [path for name in BLIND_SETS for path in sorted((FIXTURES / name).glob("*.txt"))]
IDS = [f"{path.parent.name}/{path.stem}" for path in ARTICLES]
FIELDS = ["encoding", "language", "headline", "subheadline", "bylines", "dateline", "published",
          "updated", "source", "captions", "paragraph_count", "first_paragraph_starts",
          "last_paragraph_ends", "quotes", "dropped", "expect", "notes"]


@pytest.mark.parametrize("name", BLIND_SETS)
def test_the_blind_set_is_there(name: str) -> None:
    paths = sorted((FIXTURES / name).glob("*.txt"))
    assert len(paths) >= 40
    for path in paths:
        assert path.with_name(path.stem + ".expected.json").is_file(), path.name


@pytest.mark.parametrize("path", ARTICLES, ids=IDS)
def test_blind_annotation_quotes_the_file(path: Path) -> None:
    check_annotation(path)


@pytest.mark.parametrize("path", ARTICLES, ids=IDS)
def test_blind_annotation_has_every_field(path: Path) -> None:
    gold = expected(path)
    assert list(gold) == FIELDS
    assert list(gold["dateline"]) == ["place", "date_text"]
    assert gold["expect"] in {"ok", "warning", "error"}
    assert gold["encoding"] in {"utf-8", "utf-8-sig", "utf-16", "cp1252"}
    if gold["expect"] != "error":
        assert gold["paragraph_count"] >= 1 and gold["first_paragraph_starts"]
