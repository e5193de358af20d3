"""Golden canonical JSON for every dev article (inputs copied byte for byte to fixtures/corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert import api
from convert.errors import ConvertError
from convert.formats.docschema import document_errors
from tests.conftest import FIXTURES

INPUTS = sorted((FIXTURES / "corpus").glob("*.txt"))
CONVERTIBLE = [p for p in INPUTS if p.stem != "017-headline-only"]


def test_every_dev_article_has_a_fixture_copy() -> None:
    from tests.conftest import dev_articles

    assert [p.name for p in INPUTS] == [p.name for p in dev_articles()]
    for path in INPUTS:
        assert path.read_bytes() == (Path(dev_articles()[0].parent) / path.name).read_bytes()


@pytest.mark.parametrize("path", CONVERTIBLE, ids=[p.stem for p in CONVERTIBLE])
def test_canonical_json_matches_golden_validates_and_round_trips(path: Path, golden) -> None:
    data = api.write(api.read(path), "json")
    golden(FIXTURES / "corpus" / f"{path.stem}.json", data)
    assert list(document_errors(json.loads(data))) == []
    assert api.write(api.read(data, "json"), "json") == data


def test_headline_only_article_is_refused() -> None:
    with pytest.raises(ConvertError) as caught:
        api.read(FIXTURES / "corpus" / "017-headline-only.txt")
    assert caught.value.code == "no-body"
