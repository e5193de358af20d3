"""The CLDR calendar table the date step reads is what babel's CLDR data gives."""

from __future__ import annotations

import json

from convert.textparse.cldr import TABLE, build_table, calendar_names


def test_the_table_is_babels_cldr_data() -> None:
    assert json.loads(TABLE.read_text(encoding="utf-8")) == build_table(), (
        "regenerate it: python -m convert.textparse.cldr")


def test_the_table_covers_the_languages_news_is_written_in() -> None:
    names = calendar_names()
    assert {"en", "fr", "de", "ru", "ar", "hi", "pl", "fi", "id", "vi", "tr", "el"} <= set(
        names["languages"])
    assert names["months"]["octobre"] == 10 and names["months"]["października"] == 10
    assert names["ambiguous"]["listopada"] == {"pl": 11}
    assert "mittwoch" in names["weekdays"] and "пн" in names["weekdays"]
