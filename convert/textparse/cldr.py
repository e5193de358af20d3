"""Month and weekday names from CLDR, for every language we detect.

The date step needs the names of months and weekdays in every language the
language step knows (py3langid's languages that CLDR has).  Babel carries
CLDR, but loading its data for 128 locales takes seconds, so the names are
taken from babel once and kept in ``cldr_calendar.json`` beside this module;
reading that file costs about a millisecond.  Regenerate it after a babel
upgrade::

    python -m convert.textparse.cldr

``tests/textparse/test_cldr.py`` checks that the file is what babel gives.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

TABLE = Path(__file__).with_name("cldr_calendar.json")


@lru_cache(maxsize=1)
def calendar_names() -> dict[str, Any]:
    """``{"months": {name: number}, "ambiguous": {name: {language: number}},
    "weekdays": [...], "languages": [...]}``."""
    data: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    return data


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
    for code in codes:
        locale = Locale.parse(code)
        language = code.split("_")[0]
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
            "months": dict(sorted(default.items())),
            "ambiguous": {form: {language: number for language, number in
                                 sorted(months[form].items()) if number != default[form]}
                          for form in sorted(months)
                          if len(set(months[form].values())) > 1},
            "weekdays": sorted(weekdays)}


def _forms(name: str, shortest: int = 3) -> list[str]:
    """A CLDR name as the date patterns compare it: case-folded, without a final stop,
    and also without the acute (upper-case Greek drops the tonos: ``ΜΑΪΟΥ``) or
    without any accent (``aout`` for ``août``)."""
    name = " ".join(name.split()).casefold().rstrip(".")
    if len(name) < shortest and not any(unicodedata.category(ch) == "Lo" for ch in name) or any(
            ch.isdigit() for ch in name):
        return []
    decomposed = unicodedata.normalize("NFD", name)
    without_acute = unicodedata.normalize("NFC", decomposed.replace("\u0301", ""))
    plain = unicodedata.normalize("NFC", "".join(
        ch for ch in decomposed if ch not in "\u0300\u0301\u0302\u0303\u0308\u0327\u030c"))
    return sorted({name, without_acute, plain})


def main() -> None:
    TABLE.write_text(json.dumps(build_table(), ensure_ascii=False, indent=0) + "\n",
                     encoding="utf-8")
    print(f"wrote {TABLE}")


if __name__ == "__main__":
    main()
