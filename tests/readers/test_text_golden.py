"""Golden canonical JSON for every dev article: the inputs are read from
``../shared/corpus/dev`` (never copied into the project), the expected
output is ``fixtures/corpus/NAME.json`` (``pytest --regen-golden`` rewrites it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert import api
from convert.errors import ConvertError
from convert.formats.docschema import document_errors
from tests.conftest import DEV_CORPUS, FIXTURES

INPUTS = sorted(DEV_CORPUS.glob("*.txt"))
CONVERTIBLE = [p for p in INPUTS if p.stem != "017-headline-only"]


def test_every_golden_file_has_its_dev_article() -> None:
    goldens = sorted(path.stem for path in (FIXTURES / "corpus").glob("*.json"))
    assert goldens == [path.stem for path in CONVERTIBLE]


@pytest.mark.parametrize("path", CONVERTIBLE, ids=[p.stem for p in CONVERTIBLE])
def test_canonical_json_matches_golden_validates_and_round_trips(path: Path, golden) -> None:
    data = api.write(api.read(path), "json")
    golden(FIXTURES / "corpus" / f"{path.stem}.json", data)
    assert list(document_errors(json.loads(data))) == []
    assert api.write(api.read(data, "json"), "json") == data


def test_headline_only_article_is_refused() -> None:
    with pytest.raises(ConvertError) as caught:
        api.read(DEV_CORPUS / "017-headline-only.txt")
    assert caught.value.code == "no-body"
