"""Reading a dateline's place and date: what the dateline and metadata-lines steps share.

A dateline head is a place (one to five words, capitalised or in capitals, or
in a script without case), optionally followed by a date, set off by a comma
of any script (``,``, ``،``, ``፣``, ``、``).  The date is digits with month names
and a few short words (``Oct. 6``, ``9 de abril de 2018``, ``kovo 12 d.``);
where an agency in brackets or slashes already marks the text as a dateline,
a date needs only digits and few words (``2024 оны 3 дугаар сарын 5``, the
months of calendars CLDR's Gregorian names do not cover: ``फागुन २२``).

Whether the article's script uses case is read from the article itself
(:func:`uses_case`): Georgian letters are lower case to Unicode but have no
capitals in running text, so a Georgian place is judged like an Arabic one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from convert.model import Dateline
from convert.textparse.datetext import (
    DIGITS, MARKS, MONTHS, WEEKDAYS, WORD, find_dates, is_month_name, leftover_words,
)
from convert.textparse.fields import field_for
from convert.textparse.state import ParseState

#: Commas of every script that set off a dateline's parts.
COMMAS = ",،፣、，၊"
_PART = re.compile(rf"[^{COMMAS}]+")
#: Marks that close a dateline standing on its own line, besides dashes.
CLOSERS = ".:։।॥።៖："
_DATE_CONNECTORS = {"de", "del", "di", "of", "the", "y"}
_PARTICLES = {"de", "del", "da", "do", "di", "la", "le", "el", "al", "of", "on", "upon", "am",
              "an", "der", "im", "sur", "en", "y", "i", "and", "et", "und"}
#: Labels that end in a colon like a "Place: " dateline but are not places.
NOT_PLACES = {"update", "updated", "note", "editor's note", "editor’s note", "correction",
              "clarification", "breaking", "breaking news", "exclusive", "analysis", "opinion",
              "watch", "video", "live", "photo", "file photo", "read more", "also read",
              "warning", "disclaimer", "summary", "background", "q", "a", "quote"}
#: The longest abbreviated word of a date (``mar.``, ``d.``).
ABBREVIATION = 4
#: The longest lead-in word before a dateline's day that no list has (``في``).
LEAD_IN = 3
#: The most words of a date that no month name vouches for (an agency does instead).
LOOSE_DATE_WORDS = 6
#: Below this share of capitals among its cased letters, a text does not use case.
CASE_SHARE = 0.01
CASE_SAMPLE = 2000


@dataclass(frozen=True)
class Head:
    """How a dateline head may be read: ``caps`` asks for a place in capitals (where the
    text uses case); ``loose`` lets a date be digits without month names; ``colon``
    is the ``Place: `` shape (a short place, no date); ``cased`` says the text uses case."""

    caps: bool = False
    loose: bool = False
    colon: bool = False
    cased: bool = True


@lru_cache(maxsize=4)
def uses_case(text: str) -> bool:
    """Does ``text`` write capitals (Latin, Cyrillic, Greek, Armenian), unlike Georgian,
    Arabic or Devanagari?  Read from its first ``CASE_SAMPLE`` characters (cached: the
    dateline and metadata-lines steps ask about the same article)."""
    sample = text[:CASE_SAMPLE]
    upper, lower = sum(map(str.isupper, sample)), sum(map(str.islower, sample))
    return upper + lower > 0 and upper >= CASE_SHARE * (upper + lower)


def place_and_date(head: str, how: Head) -> tuple[str, str | None] | None:
    """The place and the date (as written) of a dateline head; None when it is not one."""
    head = head.strip(" " + COMMAS)
    parts = [(m.start(), m.group().strip()) for m in _PART.finditer(head)]
    place_parts: list[str] = []
    date_text: str | None = None
    place_end = len(head)
    for index, (start, part) in enumerate(parts):
        if index and is_date(part, how.loose):
            date_text, place_end = date_stop(head[start:].strip()), start
            break
        place_parts.append(part)
    if date_text is None and len(place_parts) == 1:
        place_parts, date_text, place_end = _date_at_end(head, how.loose)
    if not place_parts or not place_parts[-1]:
        return None
    place_parts[-1] = without_final_stop(place_parts[-1])
    if how.colon and (date_text or len(place_parts) > 1 or field_for(place_parts[0])
                      or place_parts[0].casefold() in NOT_PLACES):
        return None
    if not all(is_place(p, how.caps and i == 0, how.cased, region=i > 0)
               for i, p in enumerate(place_parts)):
        return None
    if how.colon and len(place_parts[0].split()) > 3:
        return None
    return without_final_stop(head[:place_end].strip(" " + COMMAS)), date_text


def date_set_off(head: str, place: str, marks: str = COMMAS) -> bool:
    """Is the date after ``place`` in ``head`` set off by a comma (``Strasburg, 4 lipca``),
    or by one of ``marks``?"""
    rest = head.strip()[len(place):].lstrip()[:1]
    return bool(rest) and rest in marks


def _date_at_end(head: str, loose: bool) -> tuple[list[str], str | None, int]:
    """``Brno 12. března``, ``الكويت - 12 - 3``: a date after the place with no comma
    between them (the longest run of words at the end that reads as a date)."""
    words = list(re.finditer(r"\S+", head))
    for index in range(1, len(words)):
        start = words[index].start()
        rest = head[start:].strip(" .-–—")
        if rest and is_date(rest, loose):
            place = head[:start].strip(" -–—" + COMMAS)
            return [place], date_stop(head[start:].strip(" -–—")), start
    return [head.strip()], None, len(head)


def date_stop(date_text: str) -> str:
    """A dateline date as written, from its first digit or month name: a lead-in
    word is not part of it (``le 7 juin 2017``); the final stop of an abbreviation
    or an ordinal stays (``12 mar.``, ``kovo 12 d.``, ``4 lipca 2017 r.``); after a
    full month name or a day it is the dateline's punctuation (``6 апреля.``, ``March 4.``)."""
    date_text = date_text.strip(" ")
    words = date_text.split()
    # A lead-in word is a known particle, or a short word (no abbreviation, no month of
    # any calendar) right before the day (``في 14 مارس``); ``તા. ૧૪`` ("date 14") keeps it.
    while len(words) > 1 and not re.search(r"\d", words[0]) and (
            WORD.sub("", words[0]) == "" and not is_month_name(words[0])
            and (words[0].casefold() in _DATE_CONNECTORS | _PARTICLES
                 or len(words[0]) <= LEAD_IN and words[1][:1].translate(DIGITS).isdigit())):
        words = words[1:]
    date_text = date_text[date_text.index(words[0]):] if words else date_text
    last = date_text.rstrip(".").split()[-1:] or [""]
    if date_text.endswith(".") and (len(last[0]) > ABBREVIATION or not date_text[:1].isdigit()
                                    and last[0].isdigit() and len(last[0]) < 4):
        return date_text.rstrip(". ")
    return date_text


def without_final_stop(place: str) -> str:
    """``МОСКВА.`` -> ``МОСКВА``, but abbreviations keep their dot (``N.S.``, ``Ill.``)."""
    if not place.endswith("."):
        return place
    word = place.split()[-1][:-1]
    return place[:-1] if "." not in word and (word.isupper() or len(word) > 5) else place


def is_date(part: str, loose: bool = False) -> bool:
    """``Oct. 6``, ``6 апреля``, ``9 de abril de 2018``, ``12 अगस्त``: digits and month words
    (``loose``: digits and at most ``LOOSE_DATE_WORDS`` words)."""
    words = WORD.findall(part.casefold())
    if not re.search(r"\d", part):
        return False
    if loose:
        return len(words) <= LOOSE_DATE_WORDS
    months = [w for w in words if w in MONTHS]
    if not months:  # digits alone are a date only in a shape of dates (``09.12.2012``)
        dates = find_dates(part, day_first=True)
        if not dates:
            return False
        # The words are those outside the shape (a month of several words: ``14 มี.ค.``).
        words = [w.casefold() for w in leftover_words(part, dates)]
    # Beside a month name, a word of one or two letters is an abbreviation (``kovo 12 d.``).
    return len(months) <= 2 and all(
        w in MONTHS or w in _DATE_CONNECTORS or (months and len(w) <= 2) for w in words
    ) and len(words) <= 4


_BRACKETS = str.maketrans("()[]", "    ")


def is_place(part: str, caps: bool, cased: bool = True, region: bool = False) -> bool:
    """One part of a dateline place: capitalised words (in capitals when ``caps``), a
    region in round or square brackets allowed (``Bukarest (Rumänien)``, ``Kochi (Kerala)
    [India]``); not a weekday or month name, unless it is the abbreviation of a ``region``
    after the place (``SCRANTON, Pa.``)."""
    words = part.translate(_BRACKETS).split()
    if not words or len(words) > 5 or len(part) > 40 or re.search(r"[\d:]", part):
        return False
    letters = [ch for ch in part if ch.isalpha()]
    if not letters:
        return False
    folded = " ".join(words).casefold().rstrip(".")
    # A region's abbreviation may be a weekday or month name in some language (``Pa.``).
    if (folded in WEEKDAYS or folded in MONTHS) and not (region and part.endswith(".")):
        return False
    if not cased or not any(ch.isupper() or ch.islower() for ch in letters):
        return True  # a script without case (Arabic, Hebrew, Georgian...)
    if caps:
        return all(not ch.islower() for ch in letters) and any(ch.isupper() for ch in letters)
    return all(w[0].isupper() or w.casefold() in _PARTICLES for w in words) and words[0][0].isupper()


#: A dateline alone on its line: the head, then an agency in brackets, in slashes or
#: after a comma (``Bakı, 5 mart, AZƏRTAC``), and a closing mark.
_STANDALONE = re.compile(
    rf"^(?P<head>[^/]{{2,60}}?)\s*(?:\((?P<agency>[^()\d]{{2,40}})\)|/(?P<slashed>[^/\d]{{2,40}})/"
    rf"|[{COMMAS}]\s*(?P<named>[^\W\d_][^\d{COMMAS}]{{1,30}}))?"
    rf"\s*(?:[-–—]{{1,2}}|[{re.escape(CLOSERS)}])?$")


#: A day after an abbreviated label (``તા. ૧૪``, ``दि. 14``: "date 14").
_LABELLED_DAY = re.compile(rf"(?:^|\s)(?:[^\W\d_]|[{MARKS}]){{1,4}}\.\s*[0-3]?\d$")


def ends_with_labelled_day(text: str) -> bool:
    """Does ``text`` end with a day after an abbreviated label (a dateline's date no date
    shape reads)?"""
    return bool(_LABELLED_DAY.search(text.translate(DIGITS)))


@dataclass(frozen=True)
class Standalone:
    """What a dateline says: its place, its date as written, the agency it names."""

    place: str | None
    date_text: str | None
    agency: str | None


def record_dateline(state: ParseState, line: int, text: str, found: Standalone) -> None:
    """Store a dateline: the agency is the preferred source, a date a publication date
    (used when it has a year)."""
    agency = found.agency.strip() if found.agency else None
    state.meta.dateline = Dateline(found.place, found.date_text)
    state.decide(line, f"dateline {text.strip()!r}: place {found.place!r}, date "
                 f"{found.date_text!r}" + (f", agency {agency!r}" if agency else ""))
    if agency:
        state.meta.add_source(1, agency, line)
    if found.date_text:
        state.meta.add_date("published", 3, found.date_text, line)


def standalone_dateline(text: str, cased: bool) -> Standalone | None:
    """A line that is only a dateline: a place with an agency (``MADRID, 3 (EUROPA PRESS)``,
    ``کابل، د کب ۱۵ (باختر)``), or a place and a date (``Strasburg, 4 lipca 2017 r.``,
    ``NAKURU, Kenya, March 12 —``).  Without an agency the date must read as one."""
    match = _STANDALONE.match(text.strip())
    if match is None:
        return None
    agency = match["agency"] or match["slashed"]
    named = match["named"]
    if named and not (named.isupper() and any(ch.isupper() for ch in named)):
        named = None  # a comma part in capitals is an agency; otherwise it is the head's
    agency = agency or named
    # Without an agency, the final full stop may be the date's (``4 lipca 2017 r.``).
    head = match["head"] if agency else text.strip().rstrip("-–— ").rstrip(
        CLOSERS.replace(".", ""))
    for how in ((Head(caps=True, loose=bool(agency), cased=cased),) if agency else ()) + (
            Head(cased=cased, loose=bool(agency)),):
        parsed = place_and_date(head, how)
        if parsed is None or not (parsed[1] or agency and how.caps):
            continue
        # With no agency, a comma sets the date off (``Uppfært 5. mars`` is a label).
        if agency or date_set_off(head, parsed[0]):
            return Standalone(parsed[0], parsed[1], agency.strip() if agency else None)
    # ``સુરત, તા. ૧૪``: the day alone after an abbreviated word for "date".
    parsed = place_and_date(head, Head(cased=cased, loose=True)) if not agency else None
    if parsed and parsed[1] and _LABELLED_DAY.fullmatch(parsed[1].translate(DIGITS)) and (
            date_set_off(head, parsed[0])):
        return Standalone(parsed[0], parsed[1], None)
    return None


#: ``SORANTON, Pa., Sept. 16. The``, ``NEW YORK. Sept. 16. John``: place and day closed by
#: a full stop (of any script: ``ရန်ကုန်၊ မတ် ၁၄ ။``), the story right after (the old
#: newspapers' dateline).
_STOPPED = re.compile(r"^(?P<head>[^()\d]{2,50}?\s\d{1,2}(?:,\s*\d{4})?)\s?[.။।។]\s+(?=\S)")


def stopped_dateline(text: str, cased: bool = True) -> tuple[str, str, str] | None:
    """A dateline closed by the full stop after its day, as (prefix, place, date): the
    date must read as one (a month name), and a comma or a full stop set it off from the
    place.  The dateline step reads it; the header roles count it as a dateline start."""
    match = _STOPPED.match(text)
    parsed = place_and_date(match["head"], Head(cased=cased)) if match else None
    if match is None or parsed is None or parsed[1] is None or not date_set_off(
            match["head"], parsed[0], COMMAS + "."):
        return None
    return match.group(0), parsed[0], parsed[1]
