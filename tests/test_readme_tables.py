"""The README's mapping tables cover every Document field (issue 15): the canonical
JSON keys, model -> NewsML-G2, and model -> ninjs 3.1 / 2.2 / 1.6 -> NewsML-G2, where
each version's cell says how it carries the field or "—" that it cannot."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from convert.model import Document
from tests.conftest import ROOT

TABLES = {"canonical JSON": "| Key | What |",
          "NewsML-G2": "| Document field | NewsML-G2 |",
          "ninjs": "| Document field | ninjs 3.1 | ninjs 2.2 | ninjs 1.6 | NewsML-G2 |"}
#: Not a mapped field: where the document came from (not part of its equality).
UNMAPPED = {"provenance"}


def rows(header: str) -> list[list[str]]:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert readme.count(header + "\n") == 1, f"the README has one table {header!r}"
    body = readme.split(header + "\n", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
            for row in body]


def named_fields(cell: str) -> set[str]:
    """The Document fields a first-column cell names (`bylines[].role`, `dateline.place`)."""
    return {match.group(0) for token in re.findall(r"`([^`]+)`", cell)
            if (match := re.match(r"[a-z_]+", token))}


@pytest.mark.parametrize("table", TABLES)
def test_every_document_field_has_a_row(table: str) -> None:
    covered = set().union(*(named_fields(row[0]) for row in rows(TABLES[table])))
    model = {field.name for field in fields(Document)}
    wanted = model if table == "canonical JSON" else model - UNMAPPED
    assert wanted - covered == set()


def test_every_ninjs_row_says_what_each_version_does() -> None:
    for row in rows(TABLES["ninjs"]):
        assert len(row) == 5 and all(row), row
