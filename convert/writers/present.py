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
from collections.abc import Iterator
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
_STRAIGHT_QUOTE = re.compile("[\"']")


#: Long texts are typeset in pieces of about this many characters (each substitution
#: of a whole 100 MB paragraph held the text several times over, in slices).
PIECE_CHARS = 1 << 20
#: Where a text may be cut into pieces: between a word character and a space, and a word
#: character.  No rule below matches across that point or looks past it, so the
#: pieces typeset one by one give what the whole text gives.
_CUT = re.compile(r"(?<=\w )(?=\w)")


def typeset(text: str, language: str | None, before: str = "") -> str:
    """``text`` with the typography of ``language``; ``before`` is the character shown
    just before it (a quote at the start of a run opens after a space, closes after a letter)."""
    primary = (language or "").split("-")[0].lower()
    if not primary or primary in _UNTOUCHED or not text:
        return text
    quotes = _Quotes(QUOTES.get(primary, QUOTES["en"]), by_pairs=primary in _NO_WORD_SPACES)
    shown = []
    for piece in pieces(text, PIECE_CHARS):
        shown.append(_typeset_piece(piece, primary, quotes, before))
        before = shown[-1][-1:] or before
    return shown[0] if len(shown) == 1 else "".join(shown)


def pieces(text: str, size: int) -> Iterator[str]:
    """``text`` cut at :data:`_CUT` points into pieces of about ``size`` characters."""
    start = 0
    while len(text) - start > size:
        cut = _CUT.search(text, start + size)
        if cut is None:
            break
        yield text[start:cut.start()]
        start = cut.start()
    yield text[start:]


def _typeset_piece(text: str, primary: str, quotes: _Quotes, before: str) -> str:
    # Each rule runs only where the character its every match holds occurs: most
    # pieces of a page have no "...", no dash and no quote (a batch typesets thousands).
    if "..." in text:
        text = _ELLIPSIS.sub("…", text)
    if "-" in text:
        text = _SPACED_DASH.sub(" – " if primary != "en" else " — ", text)
        text = _DOUBLE_DASH.sub("—", text)
    if "'" in text:
        text = _APOSTROPHE.sub("’", text)
    if '"' in text or "'" in text:
        text = quotes.shown(text, before)
    if primary == "fr":
        text = _FRENCH_GUILLEMETS.sub(lambda m: "«" + NNBSP if m.group().startswith("«")
                                      else NNBSP + "»", text)
        text = _FRENCH_SPACE.sub(NNBSP, text)
        text = _FRENCH_COLON.sub(NBSP, text)
    return text


class _Quotes:
    """Straight quotes as ``marks``: a quote opens after a space or an opening mark and
    closes after a letter, a digit or closing punctuation (``by_pairs``: for scripts
    without spaces between words, quotes alternate).  A single quote that closes
    nothing is an apostrophe.  Which quotes are open carries over from one piece of a
    text to the next."""

    def __init__(self, marks: tuple[str, str, str, str], by_pairs: bool) -> None:
        self.marks = marks
        self.by_pairs = by_pairs
        self.open_double = self.open_single = False

    def shown(self, text: str, before: str) -> str:
        marks = self.marks
        # where the last quote replaced ends, and the last character shown for it
        last_end, last_shown = 0, before[-1:] or " "

        def mark(match: re.Match[str]) -> str:
            nonlocal last_end, last_shown
            start, char = match.start(), match.group()
            previous = last_shown if start == last_end else text[start - 1]
            is_double = char == '"'
            if self.by_pairs:
                opening = not (self.open_double if is_double else self.open_single)
            else:
                opening = not (previous.isalnum() or previous in _CLOSES_AFTER)
            if is_double:
                char = marks[0] if opening else marks[1]
                self.open_double = opening
            elif opening:
                char, self.open_single = marks[2], True
            else:
                char, self.open_single = (marks[3], False) if self.open_single else ("’", False)
            last_end, last_shown = match.end(), char[-1]
            return char

        # one replacement per quote, never a list of every character of a long text
        return _STRAIGHT_QUOTE.sub(mark, text)
