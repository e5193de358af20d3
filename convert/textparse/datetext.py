"""Finding dates in news text and writing them as ISO 8601.

Hand-written on purpose: news dates come in a few dozen shapes, and the
corpus rules are strict where general date libraries guess (``dateparser``
fills a missing year with the current one and reads "an hour ago" as a time;
both must give null here).  Month and weekday names come from CLDR (via
babel, see :mod:`convert.textparse.cldr`) for every language the language
step knows; numeric forms follow the README's order rules; times with am/pm;
zone abbreviations resolved by region and season, offsets of named zones by
``zoneinfo``.  Importing this module costs a few milliseconds (reading the
CLDR table, compiling the patterns); ``dateparser`` costs ~200 ms plus its
first parse.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from convert.textparse.cldr import calendar_names, other_calendars
from convert.textparse.prefilter import may_match

_CALENDAR = calendar_names()
#: Month names (case-folded, CLDR's wide and abbreviated, format and stand-alone forms of
#: every language the language step knows) -> month number, as most languages read it.
MONTHS: dict[str, int] = _CALENDAR["months"]
#: Names that are another month in some languages (Croatian ``listopada`` is October,
#: Polish November): name -> {language: month}.
AMBIGUOUS_MONTHS: dict[str, dict[str, int]] = _CALENDAR["ambiguous"]
WEEKDAYS: frozenset[str] = frozenset(_CALENDAR["weekdays"])
#: CLDR's am/pm words (``오후``, ``下午``, ``ب.ظ.``) -> "am" or "pm"; Latin ones of one or
#: two letters (``e``, ``em``) are words of other languages, and the Latin am/pm forms
#: are read by the time pattern itself.
DAY_PERIODS: dict[str, str] = {
    name: period for period, names in _CALENDAR["day_periods"].items() for name in names
    if not (len(name) <= 2 and name.isascii())}
#: The words for year, month and day of every language (CLDR's: ``ឆ្នាំ``, ``လ``, ``сарын``).
DATE_UNITS: dict[str, frozenset[str]] = {
    unit: frozenset(words) for unit, words in _CALENDAR["date_units"].items()}
UNIT_LONGEST = {unit: max(map(len, words)) for unit, words in DATE_UNITS.items()}
#: A word in a date's year slot that is no unit word may be a short one (``2024 оны``).
UNIT_SHORT = 4
#: Month names of several words (``كانون الثاني``, ``am faoilleach``), longest first.
#: ... and names with a stop inside (Thai ``มี.ค.``): matched whole, longest first.
_MULTIWORD_MONTHS = sorted((m for m in MONTHS if " " in m or "." in m), key=len, reverse=True)

#: Combining marks (Indic vowel signs and viramas, Arabic harakat...) are not ``\\w`` for
#: ``re``, but they are part of the word they sit in (``प्रकाशित``, ``अगस्त``): the
#: characters of U+0300-U+30FF whose Unicode category is a mark (M*), as ranges for a
#: character class.  Written out, not computed at import (asking ``unicodedata`` of
#: 11,776 characters was ~17 M instructions, 5 % of converting one article);
#: ``tests/textparse/test_dates.py`` checks them against ``unicodedata``.
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
    "\u06ea-\u06ed\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819"
    "\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1"
    "\u08e3-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983"
    "\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb-\u09cd\u09d7\u09e2\u09e3\u09fe"
    "\u0a01-\u0a03\u0a3c\u0a3e-\u0a42\u0a47\u0a48\u0a4b-\u0a4d\u0a51\u0a70\u0a71"
    "\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2\u0ae3"
    "\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44\u0b47\u0b48\u0b4b-\u0b4d"
    "\u0b55-\u0b57\u0b62\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd\u0bd7"
    "\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55\u0c56\u0c62"
    "\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd\u0cd5\u0cd6"
    "\u0ce2\u0ce3\u0d00-\u0d03\u0d3b\u0d3c\u0d3e-\u0d44\u0d46-\u0d48\u0d4a-\u0d4d"
    "\u0d57\u0d62\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf\u0df2"
    "\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u0f18"
    "\u0f19\u0f35\u0f37\u0f39\u0f3e\u0f3f\u0f71-\u0f84\u0f86\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064"
    "\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f"
    "\u1712-\u1715\u1732-\u1734\u1752\u1753\u1772\u1773\u17b4-\u17d3\u17dd"
    "\u180b-\u180d\u180f\u1885\u1886\u18a9\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b"
    "\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace\u1b00-\u1b04\u1b34-\u1b44"
    "\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2"
    "\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff\u20d0-\u20f0\u2cef-\u2cf1"
    "\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099\u309a")
#: A word: letters and the combining marks inside it (no digits, no underscore).
WORD = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+")

#: A month: one of the multi-word names, or any word (checked against MONTHS when matched:
#: one alternation of two thousand names would cost ~80 ms to compile and more to run).
#: The lookaheads change no match, they only fail sooner: every name starts with a letter
#: (or a mark), and the multi-word names are tried only where a word starts with one of
#: their first letters, and then only those with that first letter (the shapes are tried
#: at every place of every line).
_MULTIWORD_FIRSTS = re.escape("".join(sorted({m[0] for m in _MULTIWORD_MONTHS})))


def _by_first_letter(names: list[str]) -> str:
    """One alternation per first letter, each ``(?=letter)(?:names)``, names in the order
    given (longest first).  Where a word starts, only one group can pass its lookahead
    (no two first letters are one letter for ``re.I``), and it tries its names in the
    order the single alternation did, so the same name matches."""
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(re.escape(name).replace("\\ ", r"\s+"))
    return "|".join(f"(?={re.escape(first)})(?:{'|'.join(group)})"
                    for first, group in by_first.items())


_MONTH_RE = (rf"(?=[^\W\d_]|[{MARKS}])(?:(?=[{_MULTIWORD_FIRSTS}])(?:"
             rf"{_by_first_letter(_MULTIWORD_MONTHS)})|(?:[^\W\d_]|[{MARKS}])+)")
#: A day, with an ordinal ending: ``5th``, ``5.``, ``5º``, or letters glued on (``5a``,
#: ``5-an``: Basque, Esperanto).
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|e|º|\.|-[^\W\d_]{1,3}(?![\w])|[^\W\d_]{1,2}(?![\w]))?"
#: A short word between a day and its month or year (``de``, ``ta'``, ``ga``, ``le``).
_LINK = r"(?:[^\W\d_]{1,3}['’]?\s+)"
#: A Gregorian year, or one of the calendars news is also dated in: the Solar Hijri
#: 13xx-14xx, the Buddhist era's 24xx-26xx (``12 มี.ค. 2562``).
_YEAR = r"(?P<y>(?:1[89]|20|1[34]|2[4-6])\d\d)"
#: Years of these eras are not Gregorian (see ``_gregorian``).
PERSIAN_YEARS, BUDDHIST_YEARS = range(1300, 1500), range(2400, 2700)
_M = rf"(?P<m>{_MONTH_RE})\.?"
#: A word with its combining marks (for the unit-word date shapes).
_UNIT_WORD = rf"(?:[^\W\d_]|[{MARKS}])+"


#: The shapes that need four digits in a row (a year, a date-time group), marked by
#: ``_year_shape`` when ``date_patterns`` compiles them.
_YEAR_SHAPES: set[re.Pattern[str]] = set()


def _year_shape(pattern: re.Pattern[str]) -> re.Pattern[str]:
    _YEAR_SHAPES.add(pattern)
    return pattern


@cache
def date_patterns() -> tuple[re.Pattern[str], ...]:
    """The date shapes, tried in this order (compiled on first use: the three with month
    names cost ~15 ms, which a run that parses no text should not pay at import)."""
    return (
        # A wire's date-time group: day, hours and minutes in six digits, then the month
        # and the year (``141530 MAR 24``; ``Z`` after the minutes: UTC).
        _year_shape(re.compile(
            rf"(?<![\w\d])(?P<d>[0-3]\d)(?P<gh>[01]\d|2[0-3])(?P<gm>[0-5]\d)(?P<gz>Z)?\s+{_M}"
            rf"(?![\w])\s+(?P<y2>\d{{4}}|\d\d)(?![\w\d])", re.I)),
        # Year, month and day with the words for them glued or beside (CLDR's units):
        # ``၂၀၂၄ ခုနှစ်၊ မတ်လ ၁၄ ရက်``, ``2024 оны 3 дугаар сарын 5``,
        # ``ថ្ងៃទី៥ ខែមីនា ឆ្នាំ២០២៤``.
        _year_shape(re.compile(
            rf"(?<![\w\d]){_YEAR}[\s-]*(?P<yu>{_UNIT_WORD})[\s,၊、]*(?:(?P<mo>[01]?\d)\s*"
            rf"(?P<mw>(?:{_UNIT_WORD}\s+)?{_UNIT_WORD})|(?P<m>{_UNIT_WORD}))[\s,၊、]*"
            rf"(?P<d>[0-3]?\d)(?![\d])")),
        _year_shape(re.compile(
            rf"(?<![\d.])(?P<d>[0-3]?\d)(?![\d])\s*(?P<m>{_UNIT_WORD})[\s,၊、]*"
            rf"(?P<yu>{_UNIT_WORD})\s*{_YEAR}(?![\d])")),
        # ... the year with its word, then the day and the month (``2024-yil 14-mart``,
        # ``2024-ci il 14 mart``).
        _year_shape(re.compile(
            rf"(?<![\w\d]){_YEAR}[\s-]*(?P<yu>(?:{_UNIT_WORD}\s+)?{_UNIT_WORD})[\s,]*"
            rf"(?P<d>[0-3]?\d)[\s-]*(?P<m>{_UNIT_WORD})(?![\w])")),
        # An era's year (CLDR's Japanese eras and the Minguo era: ``令和6年3月5日``,
        # ``民國113年3月5日``), and the Minguo year in numbers (``113-03-05``).
        re.compile(r"(?P<era>[^\W\d_]{2})\s*(?P<ey>元|\d{1,3})\s*年\s*(?P<mo>[01]?\d)\s*月\s*"
                   r"(?P<d>[0-3]?\d)\s*日"),
        re.compile(r"(?<![\w\d.\-/])(?P<roc>1[01]\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d\-])"),
        _year_shape(re.compile(rf"(?<![\w\d]){_YEAR}-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d])",
                               re.I)),
        _year_shape(re.compile(
            rf"(?<![\w\d]){_YEAR}\s*[年년]\s*(?P<mo>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]",
            re.I)),
        re.compile(r"(?<![\w\d])(?P<mo>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]", re.I),
        # Year first, then the month name and the day (Hungarian, Lithuanian, East Asian
        # orders): ``2019. március 12.``, ``2019 m. kovo 12 d.``.
        _year_shape(re.compile(
            rf"(?<![\w\d]){_YEAR}(?:\.|[^\W\d_]{{1,3}}(?![\w]))?(?:\s+m\.)?\s+{_M}(?![\w])"
            rf"\s*{_DAY}(?![\d:])", re.I)),
        re.compile(rf"(?<![\w\d.]){_DAY}\s*(?:{_LINK}|-)?{_M}(?![\w])(?:[\s,-]*{_LINK}?"
                   rf"{_YEAR})?(?![\d])", re.I),
        re.compile(rf"(?<![\w]){_M}(?![\w])\s*{_DAY}(?![\d:])(?:\s*[,/]?\s*{_YEAR})?(?![\d])",
                   re.I),
        re.compile(r"(?<![\w\d/.])(?P<a>\d{1,4})/(?P<b>\d{1,2})/(?P<c>\d{1,4})(?![\d/])"),
        # ``05-03-2024``: dashes as slashes, with a four-digit year (``3-1-2`` is a score).
        _year_shape(re.compile(
            r"(?<![\w\d/.\-])(?P<a>[0-3]?\d)-(?P<b>[01]?\d)-(?P<c>(?:1[89]|20)\d\d)(?![\d\-])")),
        _year_shape(re.compile(
            rf"(?<![\w\d.]){_YEAR}\.\s?(?P<mo>[01]?\d)\.\s?(?P<d>[0-3]?\d)\b\.?(?![\d])")),
        re.compile(r"(?<![\w\d.])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y2>\d{4}|\d{2})"
                   r"(?:\.(?!\d))?(?![\d.])"),
    )
#: Words between a date and its time.  CLDR has them only in its "atTime" patterns,
#: which babel does not carry, so they are listed here: ``at``, ``à``, ``a las``, ``às``,
#: ``um``, ``в``, ``om``, ``kl.``, ``klo``, ``kello``, ``o`` (Polish), ``alle (ore)``.
_TIME = re.compile(
    r"\s*(?:(?P<at>(?<=\d)T(?=\d)|\bat\b|\bà\b|\bàs\b|\ba las\b|\bum\b|\bв\b|\bom\b|\bkl\.?|\bklo\b|"
    r"\bkello\b|\bo\b|\balle(?:\s+ore)?\b)|[,،]|-|–|\||\[|\()?\s*"
    r"(?P<h>[0-2]?\d)(?:(?P<sep>[:.]|\s?h\s?|\s?[時时시]\s?)(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    r"(?:\s?[分분])?)?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?(?![\w])|م|ص|Uhr|h\b))?", re.I)
_ZONE_TEXT = (r"\s*\(?(?:(?P<off>(?:GMT|UTC)?\s?[+-]\d{1,2}(?::?\d{2})?)(?![\d])|"
              r"(?P<abbr>[A-ZА-Я]{1,5})(?![\w]))\)?")
_ZONE = re.compile(_ZONE_TEXT)
#: A time (with minutes) and zone written just BEFORE the date (``7:41 p.m. ET, Jan 4``,
#: ``10:05 03.02.2022``); searched in the few characters in front of the date.
_TIME_BEFORE = re.compile(
    r"(?<![\d:.])(?P<h>[0-2]?\d)(?P<sep>[:h])(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[aApP]\.?\s?[mM]\.?))?(?:" + _ZONE_TEXT + r")?\s*(?:,|\bon\b|-|–)?\s*$")
TIME_BEFORE_WINDOW = 32


class _DigitTable(dict[int, int]):
    """``str.translate`` table: every decimal digit of any script (Arabic-Indic, Persian,
    Bengali, Devanagari, full-width...) -> its ASCII digit; other characters unchanged.
    Filled on first sight of each character, so nothing is built at import."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        value = ord(str(unicodedata.decimal(char))) if char.isdecimal() else code
        self[code] = value
        return value


DIGITS = _DigitTable()
_ANY_DIGIT = re.compile(r"[0-9]")
#: Words between a date and its time that no list has (a weekday, ``a les``, ``у``,
#: ``星期二``): one or two short words or weekday names right before an ``H:MM`` time.
_TIME_CONNECTOR = re.compile(
    rf"[\s,]*(?P<words>(?:(?:[^\W\d_]|[{MARKS}])+\.?[\s,]+)?(?:[^\W\d_]|[{MARKS}])+\.?[\s,]*)"
    rf"(?=[0-2]?\d(?:[:h.]|\s?[時时시]\s?)[0-5]\d)")
#: The longest word a connector may be when it is not a weekday name.
CONNECTOR_WORD = 4

#: Zone abbreviations with one meaning everywhere (hours from UTC).
ZONES: dict[str, float] = {
    "GMT": 0, "UTC": 0, "Z": 0, "UT": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "MEZ": 1,
    "CEST": 2, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "МСК": 3, "EDT": -4, "EST": -5,
    "CDT": -5, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8, "AKDT": -8, "AKST": -9, "HST": -10,
    "ADT": -3, "NST": -3.5, "NDT": -2.5, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "PHT": 8,
    "AWST": 8, "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "WIB": 7, "ICT": 7, "PKT": 5, "NPT": 5.75, "SAST": 2, "EAT": 3, "WAT": 1, "CAT": 2,
    "GST": 4, "TRT": 3, "IRST": 3.5, "BRT": -3, "ART": -3, "CLT": -4, "COT": -5, "PET": -5,
}
#: CLDR's short zone names of every language -> [tz zone, kind] (see ``cldr``).
ZONE_ABBREVIATIONS: dict[str, list[str]] = _CALENDAR["zone_abbreviations"]
#: US zone names without a season letter: the offset of that date in its tz zone.
US_SEASONAL = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
               "PT": "America/Los_Angeles"}


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    #: ISO 8601 (date, date-time, or date-time with offset); None without a year.
    iso: str | None
    #: The zone abbreviation that could not be placed, if any.
    unknown_zone: str | None = None


def find_dates(text: str, *, day_first: bool = False, region: str = "") -> list[FoundDate]:
    """Every date in ``text`` with its time and zone, left to right, not overlapping.

    ``day_first`` is for slashed numeric dates whose order the language
    decides; ``region`` is a hint (a language tag) for zone abbreviations
    that mean different things in different places (IST, CST, AST).  Cached
    (the header roles and the metadata-lines step ask about the same lines);
    the parser clears the cache for each article.
    """
    return list(cached_dates(text, day_first, region))


_FOUR_DIGITS = re.compile(r"\d{4}")


@cache
def _shapes_without_year() -> tuple[re.Pattern[str], ...]:
    """The date shapes that can match where no four digits stand in a row (a line without
    them is not tried against the others: most lines with digits have no year)."""
    return tuple(p for p in date_patterns() if p not in _YEAR_SHAPES)


@lru_cache(maxsize=1024)
def cached_dates(text: str, day_first: bool, region: str) -> tuple[FoundDate, ...]:
    plain = text.translate(DIGITS)
    if not _ANY_DIGIT.search(plain):  # every date shape has a digit; most lines have none
        return ()
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    shapes = date_patterns() if _FOUR_DIGITS.search(plain) else _shapes_without_year()
    for pattern in shapes:
        if not may_match(pattern, plain):  # most lines lack a ``/`` or a ``年``
            continue
        for match in pattern.finditer(plain):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            day = _date_of(match, day_first, region)
            if day is False:
                continue
            date_value = day if isinstance(day, dt.date) else None
            if date_value is not None and "gh" in match.re.groupindex:
                found_date = _date_time_group(match, date_value)
            else:
                found_date = _with_time(plain, match.end(), match.start(), date_value, region)
            taken.append((found_date.start, found_date.end))
            found.append(found_date)
    return tuple(sorted(found, key=lambda f: f.start))


#: A month name with a case ending (Basque ``martxoaren``): at most this many letters
#: after a name of at least ``STEM`` letters.
ENDING, STEM = 3, 4


def month_number(name: str, language: str = "") -> int:
    """The month a name means (in ``language`` when the name is ambiguous), also with a case
    ending glued on; KeyError if none."""
    form = " ".join(name.casefold().split())
    if form not in MONTHS:
        form = next((form[:-cut] for cut in range(1, ENDING + 1)
                     if len(form) - cut >= STEM and form[:-cut] in MONTHS), form)
    if form not in MONTHS:  # the word for month glued on (``ខែមីនា``, ``မတ်လ``)
        units = DATE_UNITS["month"]
        form = next((bare for cut in range(1, min(len(form), UNIT_LONGEST["month"] + 1))
                     for unit, bare in ((form[:cut], form[cut:]), (form[-cut:], form[:-cut]))
                     if unit in units and bare in MONTHS), form)
    return AMBIGUOUS_MONTHS.get(form, {}).get(language.split("-")[0], MONTHS[form])


def is_month_name(word: str) -> bool:
    """Is ``word`` a month name of the Gregorian calendar or of another one CLDR has?"""
    form = " ".join(word.casefold().rstrip(".").split())
    return form in MONTHS or form in other_calendars()["months"]


def unit_of(word: str, unit: str) -> bool:
    """Is ``word`` CLDR's word for ``unit`` (year, month, day), or that word with a prefix
    or case ending glued on (``ခုနှစ်``, ``сарын``)?"""
    form, units = word.casefold(), DATE_UNITS[unit]
    return any(form[:cut] in units or form[-cut:] in units
               for cut in range(1, min(len(form), UNIT_LONGEST[unit]) + 1))


def _unit_words(groups: dict[str, str]) -> bool:
    """The words of a unit-word date shape are the units: a year word (or a short word)
    after or before the year, a month word after a month's number."""
    year_word = groups["yu"].split()[-1]
    if not (unit_of(year_word, "year") or len(year_word) <= UNIT_SHORT
            and groups.get("mw") is not None):
        return False
    return groups.get("mw") is None or unit_of(groups["mw"].split()[-1], "month")


def needs_language(text: str) -> bool:
    """Does ``text`` hold a month name whose month depends on the language?"""
    return any(word.casefold() in AMBIGUOUS_MONTHS for word in WORD.findall(text))


def _date_of(match: re.Match[str], day_first: bool, language: str) -> dt.date | None | bool:
    """The date of a match; None when it has no year; False when it is no date."""
    groups = match.groupdict()
    if "yu" in groups and not _unit_words(groups):
        return False
    try:
        if groups.get("a"):
            return _slashed(int(groups["a"]), int(groups["b"]), groups["c"], day_first, language)
        if groups.get("era") or groups.get("roc"):
            return _era_date(groups)
        calendar, month = "gregorian", 0
        if groups.get("mo"):
            month = int(groups["mo"])
        else:
            calendar, month = _month_of(groups["m"], language)
        day = int(groups["d"])
        year_text = groups.get("y") or groups.get("y2")
        if not year_text:
            dt.date(2000, month, day) if calendar == "gregorian" else None  # validates them
            return None
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        if calendar != "gregorian":
            return _CONVERTERS[calendar](year, month, day)
        return _gregorian(year, month, day, language)
    except (ValueError, KeyError):
        return False


def _month_of(name: str, language: str) -> tuple[str, int]:
    """The calendar and number of a month name: Gregorian (``month_number``), else one of
    the other calendars' (``اسفند``, ``መጋቢት``); KeyError if none."""
    try:
        return "gregorian", month_number(name, language)
    except KeyError:
        calendar, number = other_calendars()["months"][" ".join(name.casefold().split())]
        return calendar, number


def _gregorian(year: int, month: int, day: int, language: str) -> dt.date:
    """A date whose year may be of another era: a Buddhist-era year (Thai) is turned into
    the Gregorian one; a Solar Hijri year is one only in Persian and Pashto text."""
    if year in BUDDHIST_YEARS:
        return dt.date(year + _era_start("buddhist") - 1, month, day)
    if year in PERSIAN_YEARS:
        if language.split("-")[0] in ("fa", "ps"):
            return _persian(year, month, day)
        raise ValueError(f"no Gregorian year {year}")
    return dt.date(year, month, day)


def _era_start(calendar: str) -> int:
    """The Gregorian year an era's year 1 falls in (CLDR: the Buddhist era's is -542)."""
    return int(next(first for kind, first in other_calendars()["eras"].values()
                    if kind == calendar))


def _era_date(groups: dict[str, str]) -> dt.date:
    """``令和6年3月5日`` (the era's first year is 1, 元年), ``113-03-05`` (Minguo)."""
    if groups.get("roc"):
        first, number = _era_start("roc"), int(groups["roc"])
    else:
        _, first = other_calendars()["eras"][groups["era"]]
        number = 1 if groups["ey"] == "元" else int(groups["ey"])
    return dt.date(first + number - 1, int(groups["mo"]), int(groups["d"]))


PERSIAN_DAY_OFFSET = 365


def _persian(year: int, month: int, day: int) -> dt.date:
    """A Solar Hijri date in the Gregorian calendar (the 33-year arithmetic rule, right for
    the years 1178-1633 of that calendar)."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        raise ValueError("no such Persian date")
    shifted = year + 1595
    days = (-355668 + 365 * shifted + shifted // 33 * 8 + (shifted % 33 + 3) // 4 + day
            + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186))
    # ``days`` counts the days of the proleptic Gregorian calendar from a year before 1 Jan 1.
    return dt.date.fromordinal(days - PERSIAN_DAY_OFFSET)


#: The Julian day of 1 Mäskäräm of year 1 of the Ethiopic calendar (Amete Mihret).
ETHIOPIC_EPOCH = 1724221
#: Julian day number minus ``date.toordinal()``.
JULIAN_DAY_OFFSET = 1721425


def _ethiopic(year: int, month: int, day: int) -> dt.date:
    """An Ethiopic date in the Gregorian calendar (twelve months of 30 days, a 13th of 5
    or 6; the year after one divisible by 4 with remainder 3 starts a day later)."""
    if not (1 <= month <= 13 and 1 <= day <= (30 if month < 13 else 6)):
        raise ValueError("no such Ethiopic date")
    julian_day = ETHIOPIC_EPOCH + 365 * (year - 1) + year // 4 + 30 * (month - 1) + day - 1
    return dt.date.fromordinal(julian_day - JULIAN_DAY_OFFSET)


_CONVERTERS = {"persian": _persian, "ethiopic": _ethiopic}


def _slashed(a: int, b: int, c_text: str, day_first: bool, language: str) -> dt.date | bool:
    c = int(c_text) + (2000 if len(c_text) == 2 else 0)
    if a > 31:  # 2018/4/9: year-month-day everywhere
        return _gregorian(a, b, int(c_text), language)
    if len(c_text) not in (2, 4):
        return False
    month, day = (b, a) if (day_first or a > 12) else (a, b)
    return _gregorian(c, month, day, language)


def _date_time_group(match: re.Match[str], date_value: dt.date) -> FoundDate:
    """``141530 MAR 24``: the time is inside the date (zone ``Z``: UTC, else none named)."""
    stamp = dt.datetime.combine(date_value, dt.time(int(match["gh"]), int(match["gm"])))
    return FoundDate(match.start(), match.end(),
                     stamp.isoformat() + ("+00:00" if match["gz"] else ""))


def _with_time(text: str, end: int, start: int, date_value: dt.date | None,
               region: str) -> FoundDate:
    """The date with the time (and zone) written after it, else before it."""
    if date_value is None:
        return FoundDate(start, end, None)
    time_match = _TIME.match(text, end)
    connected = False
    if not (time_match and time_match["min"]):
        connector = _TIME_CONNECTOR.match(text, end)
        if connector and all(len(word) <= CONNECTOR_WORD or word.casefold() in WEEKDAYS
                             for word in WORD.findall(connector["words"])):
            time_match, connected = _TIME.match(text, connector.end()), True
    # ``14.32`` is a time after a connector word (``ob 14.32``), am/pm or a zone.
    if not time_match or not _is_time(time_match) or (
            time_match["sep"] == "." and not time_match["ampm"] and not time_match["at"]
            and not connected and not _ZONE.match(text, time_match.end())):
        return _with_time_before(text, end, start, date_value, region)
    period, time_end = _day_period(text, end, time_match)
    stamp = _clock(date_value, time_match, period)
    if stamp is None:
        return FoundDate(start, end, date_value.isoformat())
    named = _zone_name(text, time_end, stamp)
    if named:
        return FoundDate(start, named[1], stamp.isoformat() + named[0])
    zone_match = _ZONE.match(text, time_end)
    offset, unknown, zone_end = None, None, time_end
    if zone_match:
        offset, unknown = _offset(zone_match, stamp, region)
        if offset is not None or unknown:
            zone_end = zone_match.end()
    return FoundDate(start, zone_end, stamp.isoformat() + (offset or ""), unknown)


_PERIOD_AFTER = re.compile(rf"\s*((?:[^\W\d_]|[{MARKS}.])+)")


def _day_period(text: str, date_end: int, time_match: re.Match[str]) -> tuple[str | None, int]:
    """CLDR's am/pm word before the time (``오후 2:32``, ``下午2:32``) or, in a script other
    than Latin, after it (``2:32 ب.ظ.``); with where the time ends."""
    before = WORD.findall(text[date_end:time_match.start("h")])
    for word in reversed(before):
        if word.casefold() in DAY_PERIODS:
            return DAY_PERIODS[word.casefold()], time_match.end()
    after = _PERIOD_AFTER.match(text, time_match.end())
    word = after.group(1).casefold() if after else ""
    if word in DAY_PERIODS and not any("a" <= ch <= "z" for ch in word):
        return DAY_PERIODS[word], after.end() if after else time_match.end()
    return None, time_match.end()


#: A zone's long name after a time: capitalised words (``Eastern Standard Time``).
_ZONE_WORDS = re.compile(r"\s*\(?((?:[A-Z][\w’'-]*\s+){1,5}[A-Z][\w’'-]*)")


def _zone_name(text: str, end: int, stamp: dt.datetime) -> tuple[str, int] | None:
    """The offset and end of a CLDR long zone name after a time, at that date in its tz
    zone: a standard-time name keeps the standard offset in summer, a daylight one the
    daylight offset (the zone table is read only when capitalised words follow a time)."""
    match = _ZONE_WORDS.match(text, end)
    if match is None:
        return None
    words = list(re.finditer(r"\S+", match.group(1)))
    zones = other_calendars()["zones"]
    for count in range(len(words), 1, -1):
        found = zones.get(" ".join(w.group() for w in words[:count]).casefold())
        if found:
            return format_offset(named_zone_hours(found[0], found[1], stamp)), match.start(
                1) + words[count - 1].end()
    return None


def named_zone_hours(zone: str, kind: str, stamp: dt.datetime) -> float:
    """Hours from UTC of a CLDR zone name at ``stamp`` in its tz ``zone``: a standard-time
    name keeps the standard offset in summer, a daylight one the daylight offset, a
    generic one (``ET``) that of the date."""
    from zoneinfo import ZoneInfo

    local = stamp.replace(tzinfo=ZoneInfo(zone))
    offset = local.utcoffset() or dt.timedelta(0)
    summer = local.dst() or dt.timedelta(0)
    if kind == "standard":
        offset -= summer
    elif kind == "daylight" and not summer:
        offset += dt.timedelta(hours=1)
    return offset.total_seconds() / 3600


def _with_time_before(text: str, end: int, start: int, date_value: dt.date,
                      region: str) -> FoundDate:
    match = _TIME_BEFORE.search(text, max(0, start - TIME_BEFORE_WINDOW), start)
    stamp = _clock(date_value, match) if match else None
    if match is None or stamp is None:
        return FoundDate(start, end, date_value.isoformat())
    offset, unknown = _offset(match, stamp, region) if match["off"] or match["abbr"] else (
        None, None)
    after = _ZONE.match(text, end) if offset is None and unknown is None else None
    if after:  # ``18:33, 9. Dez. 2012 (CET)``: the zone after the date
        offset, unknown = _offset(after, stamp, region)
        end = after.end() if offset or unknown else end
    return FoundDate(match.start(), end, stamp.isoformat() + (offset or ""), unknown)


def _clock(date_value: dt.date, match: re.Match[str], period: str | None = None
           ) -> dt.datetime | None:
    """The date at the time ``match`` names (am/pm resolved, also by a ``period`` word
    found around it); None for an impossible hour."""
    hour, minute = int(match["h"]), int(match["min"] or 0)
    second = int(match["s"] or 0)
    marker = (match["ampm"] or period or "").casefold().replace(".", "").replace(" ", "")
    if marker in ("pm", "م") and hour < 12:
        hour += 12
    elif marker in ("am", "ص") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return dt.datetime.combine(date_value, dt.time(hour, minute, second))


#: The longest text that can be a time with its zone (``11:05 p.m. (GMT+05:30)``).
CLOCK_TIME_LONGEST = 24


def is_clock_time(text: str) -> bool:
    """Is ``text`` only a time of day with its minutes and perhaps a zone (``15:20``, ``2.30
    p.m.``, ``14h32``, ``15:20 WIB``)?"""
    text = text.strip()
    if len(text) > CLOCK_TIME_LONGEST or not any(map(str.isdigit, text)):
        return False
    text = text.translate(DIGITS)
    match = _TIME.match(text)
    return match is not None and bool(match["min"]) and not match["at"] and (
        match.end() == len(text) or bool(_ZONE.fullmatch(text, match.end())))


def _is_time(match: re.Match[str]) -> bool:
    """A bare number after a date is not a time unless it has minutes or am/pm."""
    marker = (match["ampm"] or "").casefold()
    return bool(match["min"]) or marker not in ("", "uhr", "h")


def _offset(match: re.Match[str], stamp: dt.datetime, region: str) -> tuple[str | None, str | None]:
    if match["off"]:
        digits = re.sub(r"^(?:GMT|UTC)\s?", "", match["off"])
        sign, number = digits[0], digits[1:].replace(":", "")
        hours, minutes = (int(number[:-2] or 0), int(number[-2:])) if len(number) > 2 else (
            int(number), 0)
        return f"{sign}{hours:02d}:{minutes:02d}", None
    abbr = match["abbr"].upper()
    zone = zone_hours(abbr, stamp, region)
    if zone is None:
        return None, abbr if len(abbr) >= 2 and abbr.isalpha() and abbr not in _NOT_ZONES else None
    return format_offset(zone), None


#: Upper-case words that can follow a time and are not zones.
_NOT_ZONES = {"AM", "PM", "A", "I", "ON", "IN", "AT", "UHR"}


def zone_hours(abbr: str, stamp: dt.datetime, region: str) -> float | None:
    """Hours from UTC of a zone abbreviation, by the article's region and season."""
    lang = region.split("-")[0].casefold()
    if abbr == "IST":
        return 2 if lang == "he" else (1 if region.casefold().endswith("-ie") else 5.5)
    if abbr == "CST":
        return 8 if lang == "zh" else -6
    if abbr == "AST":
        return 3 if lang == "ar" else -4
    if abbr in US_SEASONAL:
        return seasonal_hours(US_SEASONAL[abbr], stamp)
    if abbr in ZONES:
        return ZONES[abbr]
    named = ZONE_ABBREVIATIONS.get(abbr)  # CLDR's of every language (``HAE``, ``SEČ``)
    return named_zone_hours(named[0], named[1], stamp) if named else None


def seasonal_hours(zone: str, stamp: dt.datetime) -> float:
    """Hours from UTC in tz ``zone`` at the local time ``stamp`` (the rules of that year:
    ``Oct 30, 2005 10:00 a.m. ET`` is -05:00, US daylight time then ended in October)."""
    from zoneinfo import ZoneInfo

    offset = stamp.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else 0.0


def format_offset(hours: float) -> str:
    sign = "-" if hours < 0 else "+"
    minutes = round(abs(hours) * 60)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def iso_from_text(text: str, *, day_first: bool = False, region: str = "") -> FoundDate | None:
    """The first date in ``text``, or an ISO 8601 value given as-is."""
    stripped = text.strip()
    try:
        value = dt.datetime.fromisoformat(stripped.replace("Z", "+00:00"))
        return FoundDate(0, len(text), value.isoformat() if "T" in stripped or " " in stripped
                         else value.date().isoformat())
    except ValueError:
        pass
    dates = find_dates(text, day_first=day_first, region=region)
    return dates[0] if dates else None


RELATIVE_TIME = re.compile(
    r"^(?:(?:updated|posted|published|last updated|modified)\s*[:：]?\s*)?(?:(?:\d+|an?|one)\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|just now|yesterday|"
    r"today|il y a \d+\s+\w+|vor \d+\s+\w+|hace \d+\s+\w+|\d+\s+\w+\s+назад)$", re.I)


def leftover_words(text: str, dates: list[FoundDate]) -> list[str]:
    """Words of ``text`` outside the dates found in it (weekdays not counted)."""
    rest = text.translate(DIGITS)
    for found in reversed(dates):
        rest = rest[:found.start] + " " + rest[found.end:]
    return [word for word in WORD.findall(rest) if word.casefold() not in WEEKDAYS]


#: Words that label a date line as the publication date ...
PUBLISHED_WORDS = {word.casefold() for word in (
    "posted published publish publication date dated first this article is from created on at "
    "time the in of am um a las el le la à de del om op kl alle ore il em "
    "publié publiée publie veröffentlicht erschienen publicado publicada pubblicato gepubliceerd "
    "geplaatst опубликовано опубликован дата публикации publicerad udgivet julkaistu "
    "opublikowano data publikacji yayınlanma yayın tarihi δημοσίευση δημοσιεύθηκε "
    "प्रकाशित प्रकाशन 입력 등록 송고 게재 配信 掲載 公開 đăng ngày lúc "
    "نشر في تاريخ النشر 发布 发布时间 发表 时间 日期"
).split()}
#: ... and as the time it was last updated.
UPDATED_WORDS = {word.casefold() for word in (
    "updated update last modified revised mis jour modifié modifiée actualisé actualisée "
    "aktualisiert stand geändert actualizado actualizada actualización atualizado atualizada "
    "atualização aggiornato aggiornamento bijgewerkt gewijzigd обновлено обновление изменено "
    "uppdaterad opdateret päivitetty zaktualizowano aktualizacja güncellendi güncelleme "
    "ενημέρωση ενημερώθηκε अपडेटेड अपडेट अद्यतन 수정 업데이트 cập nhật 更新 更新时间 تحديث آخر تم"
).split()}

#: A label word shares this many first letters with an "updated" word of another
#: language when it is a cognate (``actualitzat``, ``aktualizováno``, ``atualizado``).
COGNATE_PREFIX = 6
_UPDATED_STEMS = frozenset(word[:COGNATE_PREFIX] for word in UPDATED_WORDS
                           if len(word) > COGNATE_PREFIX) - frozenset(
    word[:COGNATE_PREFIX] for word in PUBLISHED_WORDS if len(word) > COGNATE_PREFIX)


_LABEL_STEMS = frozenset(word[:COGNATE_PREFIX] for word in PUBLISHED_WORDS | UPDATED_WORDS
                         if len(word) > COGNATE_PREFIX)


def is_date_label(word: str) -> bool:
    """Is a word a date label (a known one, or a cognate: ``Publisert``, ``Publikigita``)?"""
    word = word.casefold()
    return word in PUBLISHED_WORDS or word in UPDATED_WORDS or (
        len(word) > COGNATE_PREFIX and word[:COGNATE_PREFIX] in _LABEL_STEMS)


def is_updated_label(word: str) -> bool:
    """Does a label word say "updated" (a known word, or a cognate of one)?"""
    word = word.casefold()
    return word in UPDATED_WORDS or (len(word) > COGNATE_PREFIX
                                     and word[:COGNATE_PREFIX] in _UPDATED_STEMS)
