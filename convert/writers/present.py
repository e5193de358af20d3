"""Writer passes that make a page read as a publisher would print it, by language.

Two passes, both applied to what is *shown* only, never to the Document:

* :func:`people_date` writes an ISO 8601 date for people with the Unicode CLDR
  formats (babel) of the article's language, in the zone (UTC offset) the
  article gave: ``2019-08-17T15:47:00-05:00`` in English is
  ``August 17, 2019, 3:47 PM GMT-05:00``, in French ``17 août 2019, 15:47
  UTC-05:00``.  The machine value stays in ``<time datetime>``.  The model keeps
  the offset, not a zone name, so the zone is shown as CLDR's localized offset.
* :func:`typeset` sets straight quotes as the language's quotation marks (after
  CLDR's delimiters: “ ” in English, « » with narrow no-break spaces in French,
  „ “ in German, 「 」 in Japanese...), apostrophes as ’, ``...`` as …, a
  spaced hyphen or double hyphen as a dash, and in French the spaces before
  ``; : ! ?`` as no-break spaces.

Pages keep the exact text of every run the pass changed (``data-text``, see
:class:`convert.formats.body.build.MarkupBuilder`), so reading a page back gives the
same Document.  babel is imported on the first date shown (15-50 ms by ``python -X
importtime -c "import babel.dates"`` on a busy 2-core machine; about 50 ms with the first
locale's data), paid only by writers that show dates; then about 0.03 ms a date.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime
from typing import Any

from convert.formats.htmlarticle import display_datetime

# ---------------------------------------------------------------- dates


@functools.lru_cache(maxsize=64)
def _locale(language: str | None) -> Any:
    """babel's Locale for a BCP 47 tag (its primary language when the region is unknown)."""
    from babel import Locale, UnknownLocaleError

    if not language or language.lower() in ("und", "mul", "zxx"):
        return None
    for candidate in (language.replace("-", "_"), language.split("-")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


def people_date(value: str, language: str | None) -> str:
    """``value`` (ISO 8601) as the CLDR long date (and short time, offset) of ``language``.

    A value babel cannot place (no language, an unknown one, a date Python
    does not parse) is shown language-neutrally by
    :func:`convert.formats.htmlarticle.display_datetime`.
    """
    locale = _locale(language)
    if locale is None:
        return display_datetime(value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return display_datetime(value)
    from babel.dates import format_date, format_time, get_timezone_gmt

    day = format_date(moment, "long", locale=locale)
    if "T" not in value:
        return day
    clock = format_time(moment, "short", locale=locale)
    offset = moment.utcoffset()
    if offset is not None:
        clock += " " + ("UTC" if not offset else get_timezone_gmt(moment, "long", locale=locale))
    pattern = str(locale.datetime_formats.get("long", "{1}, {0}"))
    return pattern.replace("'", "").replace("{1}", day).replace("{0}", clock)


# ---------------------------------------------------------------- typography

NNBSP = "\u202f"  # narrow no-break space (French « », ; ! ?)
NBSP = "\u00a0"

#: Primary and secondary quotation marks by primary language subtag (based on CLDR's
#: delimiters, which differ between CLDR versions for some languages: es, fr secondary).
QUOTES: dict[str, tuple[str, str, str, str]] = {
    "en": ("“", "”", "‘", "’"),
    "fr": ("«" + NNBSP, NNBSP + "»", "“", "”"),
    "de": ("„", "“", "‚", "‘"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "pt": ("“", "”", "‘", "’"),
    "nl": ("“", "”", "‘", "’"),
    "ru": ("«", "»", "„", "“"),
    "pl": ("„", "”", "«", "»"),
    "sv": ("”", "”", "’", "’"),
    "da": ("“", "”", "‘", "’"),
    "zh": ("“", "”", "‘", "’"),
    "ja": ("「", "」", "『", "』"),
}
#: Languages whose text is left as written (no CLDR-based rules here for their scripts).
_UNTOUCHED = frozenset({"ar", "fa", "he", "ur", "yi", "ko"})
#: A quote after a letter, a digit or one of these closes; otherwise it opens.
_CLOSES_AFTER = frozenset(".,;:!?)]}%’”»›…*」』")

_NO_WORD_SPACES = frozenset({"ja", "zh"})
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_SPACED_DASH = re.compile(r"(?<=\S) (?:--|-) (?=\S)")
_DOUBLE_DASH = re.compile(r"(?<=\w)--(?=\w)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<!\w)'(?=\d\ds\b)")
_FRENCH_SPACE = re.compile(r"[ \u00a0](?=[;!?])")
_FRENCH_COLON = re.compile(r" (?=:(?:\s|$))")
_FRENCH_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]?|[ \u00a0\u202f]?»")


def typeset(text: str, language: str | None, before: str = "") -> str:
    """``text`` with the typography of ``language``; ``before`` is the character shown
    just before it (a quote at the start of a run opens after a space, closes after a letter)."""
    primary = (language or "").split("-")[0].lower()
    if not primary or primary in _UNTOUCHED or not text:
        return text
    marks = QUOTES.get(primary, QUOTES["en"])
    text = _ELLIPSIS.sub("…", text)
    text = _SPACED_DASH.sub(" – " if primary != "en" else " — ", text)
    text = _DOUBLE_DASH.sub("—", text)
    text = _APOSTROPHE.sub("’", text)
    if '"' in text or "'" in text:
        text = _quotes(text, marks, before, by_pairs=primary in _NO_WORD_SPACES)
    if primary == "fr":
        text = _FRENCH_GUILLEMETS.sub(lambda m: "«" + NNBSP if m.group().startswith("«")
                                      else NNBSP + "»", text)
        text = _FRENCH_SPACE.sub(NNBSP, text)
        text = _FRENCH_COLON.sub(NBSP, text)
    return text


def _quotes(text: str, marks: tuple[str, str, str, str], before: str, by_pairs: bool) -> str:
    """Straight quotes as ``marks``: a quote opens after a space or an opening mark and
    closes after a letter, a digit or closing punctuation (``by_pairs``: for scripts
    without spaces between words, quotes alternate).  A single quote that closes
    nothing is an apostrophe."""
    shown: list[str] = []
    previous = before[-1:] or " "
    open_double = open_single = False
    for char in text:
        if char in "\"'":
            is_double = char == '"'
            if by_pairs:
                opening = not (open_double if is_double else open_single)
            else:
                opening = not (previous.isalnum() or previous in _CLOSES_AFTER)
            if is_double:
                char = marks[0] if opening else marks[1]
                open_double = opening
            elif opening:
                char, open_single = marks[2], True
            else:
                char, open_single = (marks[3], False) if open_single else ("’", False)
        shown.append(char)
        previous = char[-1]
    return "".join(shown)
