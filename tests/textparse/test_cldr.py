"""The CLDR calendar table the date step reads is what babel's CLDR data gives."""

from __future__ import annotations

import json

from convert.textparse.cldr import TABLE, build_table, calendar_names, other_calendars


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
    assert "오후" in names["day_periods"]["pm"] and "上午" in names["day_periods"]["am"]


def test_the_other_calendars_table_holds_cldrs_names_and_eras() -> None:
    # Built from CLDR's JSON packages (python -m convert.textparse.cldr --calendars DIR).
    table = other_calendars()
    assert table["months"]["اسفند"] == ["persian", 12] and table["months"]["کب"] == ["persian", 12]
    assert table["months"]["መጋቢት"] == ["ethiopic", 7]
    assert table["eras"]["令和"] == ["japanese", 2019] and table["eras"]["民國"] == ["roc", 1912]
    assert table["eras"]["พ.ศ."] == ["buddhist", -542]
    # Gregorian names stay in the babel table only; abbreviations of other calendars
    # (Oromo ``sad``) are left out as words of other languages.
    assert not set(table["months"]) & set(calendar_names()["months"])
    assert "sad" not in table["months"]
