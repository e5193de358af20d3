"""Month and weekday names from CLDR, for every language we detect.

The date step needs the names of months and weekdays in every language the
language step knows (py3langid's languages that CLDR has).  Babel carries
CLDR, but loading its data for 128 locales takes seconds, so the names are
taken from babel once and kept in ``cldr_calendar.json`` beside this module;
reading that file costs about a millisecond.  Regenerate it after a babel
upgrade::

    python -m convert.textparse.cldr

``tests/textparse/test_cldr.py`` checks that the file is what babel gives.

Babel carries only the Gregorian calendar.  The other calendars news is dated
in (Persian, Ethiopic, Buddhist, Minguo, Japanese eras) are read from CLDR's
own JSON packages, published on npm, into ``cldr_calendars.json``: month
names and era names of the locales whose region prefers that calendar (CLDR's
``calendarPreferenceData``), and each era's first year; with them the long names
of time zones (``Eastern Standard Time``: babel's, in English) and the tz zone of
each (CLDR's golden zone of the metazone).  It is read only when a date has a
month or era name that is not Gregorian, or capitalised words after its time.
Regenerate it with::

    npm pack cldr-core@48.2.0 cldr-cal-persian-full@46.1.0 cldr-cal-ethiopic-full@46.1.0 \
        cldr-cal-buddhist-full@39.0.0 cldr-cal-japanese-full@39.0.0 cldr-cal-roc-full@28.0.0
    for f in cldr-*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python -m convert.textparse.cldr --calendars .
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

TABLE = Path(__file__).with_name("cldr_calendar.json")
OTHER_CALENDARS = Path(__file__).with_name("cldr_calendars.json")
#: The calendars read from CLDR's JSON besides the Gregorian one: those with month
#: names of their own, and those that number years in eras of their own.
MONTH_CALENDARS = ("persian", "ethiopic")
ERA_CALENDARS = ("buddhist", "roc", "japanese")
#: The languages whose long time-zone names are read (English: wire releases write
#: ``09:00 AM Eastern Standard Time``).
ZONE_NAME_LANGUAGES = ("en",)
#: The fewest letters of a short zone name read (``HE``, ``AT`` are words).
ZONE_LETTERS = 3
#: Japanese eras from this year on (the modern ones; older dates are not news).
FIRST_ERA_YEAR = 1868


@lru_cache(maxsize=1)
def calendar_names() -> dict[str, Any]:
    """``{"months": {name: number}, "ambiguous": {name: {language: number}},
    "weekdays": [...], "languages": [...], "day_periods": {"am": [...], "pm": [...]},
    "zone_abbreviations": {abbreviation: [tz zone, kind]}}``."""
    data: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def other_calendars() -> dict[str, Any]:
    """``{"months": {name: [calendar, number]}, "eras": {name: [calendar, first year]},
    "zones": {long zone name: [tz zone, kind]}}``."""
    data: dict[str, Any] = json.loads(OTHER_CALENDARS.read_text(encoding="utf-8"))
    return data


def build_other_calendars(folder: Path) -> dict[str, Any]:
    """Month and era names of the non-Gregorian calendars, from CLDR's JSON packages
    unpacked in ``folder`` (see the module's docstring)."""
    def package(name: str) -> Path:
        return next(folder.glob(f"{name}-*/package"))

    supplemental = package("cldr-core") / "supplemental"
    preferences = json.loads((supplemental / "calendarPreferenceData.json").read_text())[
        "supplemental"]["calendarPreferenceData"]
    likely = json.loads((supplemental / "likelySubtags.json").read_text())[
        "supplemental"]["likelySubtags"]
    eras = json.loads((supplemental / "calendarData.json").read_text())[
        "supplemental"]["calendarData"]
    languages = set(calendar_names()["languages"])
    months: dict[str, list[Any]] = {}
    era_names: dict[str, list[Any]] = {}
    for calendar in (*MONTH_CALENDARS, *ERA_CALENDARS):
        for locale_dir in sorted((package(f"cldr-cal-{calendar}-full") / "main").iterdir()):
            code = locale_dir.name
            if code.split("-")[0] not in languages or calendar not in preferences.get(
                    _region(code, likely), []):
                continue
            data = json.loads((locale_dir / f"ca-{calendar}.json").read_text())
            names = data["main"][code]["dates"]["calendars"][calendar]
            if calendar in MONTH_CALENDARS:
                # Wide names only: abbreviations such as Oromo ``sad``, ``ter`` are words
                # of other languages.
                for context in ("format", "stand-alone"):
                    for number, name in names["months"][context]["wide"].items():
                        for form in _forms(name):
                            months.setdefault(form, [calendar, int(number)])
                continue
            for number, start in eras[calendar]["eras"].items():
                first = int(start.get("_start", "0").lstrip("-").split("-")[0]) * (
                    -1 if start.get("_start", "").startswith("-") else 1)
                if "_start" not in start or calendar == "japanese" and first < FIRST_ERA_YEAR:
                    continue
                for width in ("eraAbbr", "eraNames"):
                    name = names["eras"][width].get(number)
                    if name:
                        era_names.setdefault(name.casefold(), [calendar, first])
    golden = {entry["mapZone"]["_other"]: entry["mapZone"]["_type"]
              for entry in json.loads((supplemental / "metaZones.json").read_text())[
                  "supplemental"]["metaZones"]["metazones"]
              if entry["mapZone"].get("_territory") == "001"}
    # A name that is also a Gregorian month (Oromo names both calendars' months alike) is
    # read as the Gregorian one: it is left out here.
    gregorian = calendar_names()["months"]
    return {"months": {name: value for name, value in sorted(months.items())
                       if name not in gregorian},
            "eras": dict(sorted(era_names.items())),
            "zones": _zone_names(golden)}


def _zone_names(golden: dict[str, str]) -> dict[str, list[str]]:
    """CLDR's long zone names (``Eastern Standard Time``) -> [tz zone, standard, daylight
    or generic], in the languages of ``ZONE_NAME_LANGUAGES`` (all of them would make the
    file 1.7 MB), the zone being the metazone's golden one (territory 001)."""
    from babel import Locale

    names: dict[str, list[str]] = {}
    for code in ZONE_NAME_LANGUAGES:
        for metazone, forms in sorted(Locale.parse(code).meta_zones.items()):
            for kind, name in sorted(forms.get("long", {}).items()):
                if metazone in golden:
                    names.setdefault(name.casefold(), [golden[metazone], kind])
    return dict(sorted(names.items()))


def _date_units(codes: list[str]) -> dict[str, list[str]]:
    """The words for year, month and day in every language (``ឆ្នាំ``, ``နှစ်``, ``сарын``),
    read from CLDR's relative times (``{0} ឆ្នាំទៀត`` "in {0} years", ``{0} ឆ្នាំមុន`` "{0}
    years ago"): what the word beside the number starts with in both.  A word that names two
    units (``de``) or a single Latin letter is left out."""
    import os
    import re

    units: dict[str, set[str]] = {"year": set(), "month": set(), "day": set()}
    for code in codes:
        fields = _date_fields(code)
        for unit, found in units.items():
            patterns = [fields.get(unit, {}).get(way, {}).get("other") for way in
                        ("future", "past")]
            if not all(patterns):
                continue
            sides = [(re.split(r"[\s\u200b]+", p.partition("{0}")[2].strip())[0],
                      re.split(r"[\s\u200b]+", p.partition("{0}")[0].strip())[-1])
                     for p in patterns]
            for words in zip(*sides):
                common = os.path.commonprefix([w.casefold() for w in words])
                if common and all(words) and not any(ch.isdigit() for ch in common):
                    found.add(common)
    shared = {word for word in set().union(*units.values())
              if sum(word in found for found in units.values()) > 1}
    return {unit: sorted(word for word in found - shared
                         if not (len(word) == 1 and word.isascii()))
            for unit, found in units.items()}


def _date_fields(code: str) -> dict[str, Any]:
    """A locale's CLDR date fields (babel keeps them unexported)."""
    from babel import Locale

    return Locale.parse(code)._data["date_fields"]


def _zone_abbreviations() -> dict[str, list[str]]:
    """CLDR's short zone names of every locale (``HAE``, ``MEZ``, ``SEČ``) -> [tz zone,
    standard, daylight or generic]: the zone is that of the metazone's English long name
    in ``cldr_calendars.json``; a name two metazones share (``IST``), or of fewer than
    ``ZONE_LETTERS`` letters, is left out."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    long_names = Locale.parse("en").meta_zones
    zones = other_calendars()["zones"]
    found: dict[str, set[tuple[str, str]]] = {}
    for code in sorted(locale_identifiers()):
        for metazone, forms in Locale.parse(code).meta_zones.items():
            for kind, name in forms.get("short", {}).items():
                english = long_names.get(metazone, {}).get("long", {}).get(kind, "")
                zone = zones.get(english.casefold())
                if zone and len(name) >= ZONE_LETTERS and name.isalpha() and name.isupper():
                    found.setdefault(name, set()).add((zone[0], kind))
    return {name: list(next(iter(places))) for name, places in sorted(found.items())
            if len({zone for zone, _ in places}) == 1 and len(places) == 1}


def _region(code: str, likely: dict[str, str]) -> str:
    """A locale's region: its own (``fa-AF``), else its likeliest (``zh-Hant`` -> TW)."""
    last = code.split("-")[-1]
    if "-" in code and (len(last) == 2 and last.isupper() or last.isdigit()):
        return last
    return (likely.get(code) or likely.get(code.split("-")[0], "")).split("-")[-1]


def build_table() -> dict[str, Any]:
    """The names, read from babel's CLDR data (slow: seconds)."""
    from babel import Locale
    from babel.localedata import locale_identifiers
    from py3langid import langid

    identifier = langid.IDENTIFIER or langid._load_identifier()
    languages = set(identifier.nb_classes)
    # Each language with its regional locales (de_AT's Jänner, ar_SY's كانون الثاني).
    codes = sorted(code for code in locale_identifiers() if code.split("_")[0] in languages)
    months: dict[str, dict[str, int]] = {}
    weekdays: set[str] = set()
    periods: dict[str, set[str]] = {"am": set(), "pm": set()}
    for code in codes:
        locale = Locale.parse(code)
        language = code.split("_")[0]
        for context in locale.day_periods.values():
            for names in context.values():
                for period in periods:
                    if names.get(period):
                        periods[period].add(" ".join(names[period].casefold().split()))
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    for form in _forms(name):
                        months.setdefault(form, {}).setdefault(language, number)
                for width_name in (width, "short"):
                    for name in locale.days[context].get(width_name, {}).values():
                        pieces = [name, *name.split("-")]
                        weekdays.update(form for piece in pieces
                                        for form in _forms(piece, shortest=2))
    # A form that is one month in one language and another elsewhere (Croatian
    # ``listopada`` is October, Polish November) keeps every language's reading.
    # The month most languages read it as is the default; the others are listed.
    default = {form: Counter(by_language.values()).most_common(1)[0][0]
               for form, by_language in months.items()}
    return {"languages": sorted({code.split("_")[0] for code in codes}),
            "zone_abbreviations": _zone_abbreviations(),
            "date_units": _date_units(codes),
            "months": dict(sorted(default.items())),
            "ambiguous": {form: {language: number for language, number in
                                 sorted(months[form].items()) if number != default[form]}
                          for form in sorted(months)
                          if len(set(months[form].values())) > 1},
            "weekdays": sorted(weekdays),
            # am/pm words (``오후``, ``下午``, ``ب.ظ.``); one that is both in some languages
            # means neither.
            "day_periods": {period: sorted(names - periods["am" if period == "pm" else "pm"])
                            for period, names in periods.items()}}


def _forms(name: str, shortest: int = 3) -> list[str]:
    """A CLDR name as the date patterns compare it: case-folded, without a final stop,
    and also without the acute (upper-case Greek drops the tonos: ``ΜΑΪΟΥ``) or
    without any accent (``aout`` for ``août``)."""
    name = " ".join(name.split()).casefold().rstrip(".")
    # A number is part of a name only as a word of its own (Vietnamese ``tháng 3``).
    if len(name) < shortest and not any(unicodedata.category(ch) == "Lo" for ch in name) or any(
            ch.isdigit() for ch in name) and (" " not in name or "-" in name):
        return []
    decomposed = unicodedata.normalize("NFD", name)
    without_acute = unicodedata.normalize("NFC", decomposed.replace("\u0301", ""))
    plain = unicodedata.normalize("NFC", "".join(
        ch for ch in decomposed if ch not in "\u0300\u0301\u0302\u0303\u0308\u0327\u030c"))
    return sorted({name, without_acute, plain})


def main() -> None:
    if sys.argv[1:2] == ["--calendars"]:
        table, path = build_other_calendars(Path(sys.argv[2])), OTHER_CALENDARS
    else:
        table, path = build_table(), TABLE
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
