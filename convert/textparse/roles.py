"""Roles for the lines above the body, decided from evidence, jointly over the sequence.

Every line of the header zone (the top of the file down to the first block
that reads as body) gets generic *features*: position, length, case profile,
terminal punctuation, separators, a date found by :mod:`convert.textparse.datetext`,
a telephone number (and, for every line of its block, being in a contact block),
a field key, byline, name, agency, boilerplate and caption lexicon hits, wire
sluglines and ids, whether a dateline opens the line, blank lines around it.
Word lists are features here, never decisions.

A hand-weighted linear scorer turns the features into a score per role
(``WEIGHTS``), and a Viterbi pass picks the best sequence of roles under the
allowed transitions (``allowed``): at most one headline; a kicker only right
above the headline; a standfirst only right under it (or under another
standfirst line); a dateline alone on its line only right above the body;
once the body starts, it goes on (boilerplate inside it, such as a wire advisory,
allowed).  Each line's decision keeps the features
that weighed most for the role chosen, which ``newsconvert inspect`` prints.

Why hand weights and not a trained CRF: the annotated sets have 71 headers,
most of them in the same few shapes; a model trained on them learns those
shapes (the very failure this replaces), and the weights here stay readable
in review.  ``bench/parse.py`` measures the result on sets it was not tuned on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from convert.textparse.boilerplate_rules import PHONE, boilerplate_reason
from convert.textparse.captiontext import PHOTO_CREDIT, caption_parts, is_credit_line
from convert.textparse.datetext import (
    PUBLISHED_WORDS, RELATIVE_TIME, UPDATED_WORDS, find_dates, leftover_words,
)
from convert.textparse.datelinetext import stopped_dateline
from convert.textparse.fields import field_for
from convert.textparse.names import (
    BYLINE_LEAD, ROLE_WORDS, has_case, is_agency, is_name, is_name_line, names_in, short_lead,
    strip_markup, unlisted_lead,
)
from convert.textparse.prefilter import has_digit, may_match
from convert.textparse.state import SENTENCE_MARKS, looks_like_prose

ROLES = ("slugline", "kicker", "headline", "standfirst", "byline", "meta", "dateline",
         "caption", "boilerplate", "contact", "body")

#: ``Key: value``; a colon inside a word (``SCB:s``, a Swedish genitive) sets no field apart.
_FIELD = re.compile(r"^([^\W\d][\w .'’-]{0,30}?)\s*[:：](?![^\W\d_])\s*(\S.*)$")
_SEPARATORS = re.compile(r"\s[|·•/]\s|\s{3,}|\u3000")
_SLUG = re.compile(
    r"^(?:[A-Z]{2,}-\S.*,\s?\d{3,4}"  # BC-US--Giant Pumpkin Contest,0398
    r"|[A-Z][A-Z0-9]+(?:-[A-Z0-9]+){2,}/?"  # WASHINGTON-BUDGET-VOTE
    r"|/?(?:[\w-]+/){2,}[\w-]*"  # /politics/Britain/EU/ keyword paths
    r"|[a-z]{3}\d{3,5}\s+\d\s+[a-z]\s+\d{2,4}\s+\w+\s+\d{3,4}"  # eca0003 3 i 380 dpa 0045
    r"|(?:\d(?:ST|ND|RD|TH)\s+(?:LEAD|NET|ADD|WRITETHRU)|REFILE|RPT|URGENT|FLASH|BULLETIN))$")
_NUMERIC = re.compile(r"^[\d\W_]{3,}$")
_DATELINE_START = re.compile(
    r"^(?:[(（【\[][^()（）【】\[\]]{2,30}[)）】\]]\s*(?:--|[-–—_=]|\s)"  # (CNN) --, 【6月18日 AFP】
    r"|[^\s()][^()]{1,60}?\s*(?:\([^()\d]{2,30}\)|/[^/\d]{2,30}/)\s*(?:--|[-–—_:]|\.-)\s*\S"
    # CHICAGO, March 12 -   LISSE, Netherlands, March 12 -   LONDON, Nov. 3.—
    r"|[^\W\d_a-z][^\W\da-z]+(?:[ .'-][^\W\da-z]+)*(?:,\s[^,\d]{2,30})?,\s[^\W\d]{3,9}\.?\s"
    r"\d{1,2}(?:,\s\d{4})?\s*\.?[-–—]{1,2}\s*\S)")
_DATELINE_ONLY = re.compile(
    r"^[^()]{2,60}?\s*(?:\([^()\d]{2,40}\)|/[^/\d]{2,40}/)\s*(?:--|[-–—]|[.:])?$")
_HEADING_MARK = re.compile(r"^#{1,6}\s")
#: A spaced dash or a trail's mark between parts of a label (``Komisja Europejska -
#: Komunikat prasowy``, a breadcrumb of two: ``Home / News``).
_LABEL_PARTS = re.compile(r"\s[-–—|>»›/·•]\s")
#: The most words of each part of a label line (``Section - Type``, ``Key: value``).
LABEL_PART_WORDS = 3
#: A line wholly in brackets (``[SPECIAL CABLE DESPATCH.]``, ``(By Telegraph.)``,
#: ``【問い合わせ先】``): a label or a credit, not text.
_BRACKETED = re.compile(r"^(?:\[[^\[\]]+\]|\([^()]+\)|（[^（）]+）|【[^【】]+】)$")
#: Between the items of a menu or breadcrumb trail on one line.
_MENU_PARTS = re.compile(r"\s[|>»›/·•]\s|:\s")
_MENU_GAPS = re.compile(r"\s{2,}")
_SENTENCE_INSIDE = re.compile(rf"[{re.escape(SENTENCE_MARKS)}]\s+\S")

#: role -> {feature: weight}; ``bias`` is always on.
WEIGHTS: dict[str, dict[str, float]] = {
    "headline": {"bias": 0.0, "first": 1.5, "short": 1.0, "title_case": 1.0, "title_shape": 1.0,
                 "heading_mark": 2.0, "full_stop": -4.5, "sentences": -3.0, "long": -2.0,
                 "very_long": -4.0, "date_line": -4.0, "relative_time": -4.0, "field": -4.0,
                 "byline_lead": -4.0, "name_line": -1.5, "agency": -3.0, "boilerplate": -5.0,
                 "caption": -3.0, "photo_credit": -3.0, "slug": -5.0, "numeric": -6.0,
                 "dateline_start": -4.0, "dateline_only": -4.0, "colon_end": -1.0,
                 "all_caps_short": -1.0, "job_title": -2.0, "cased_stop": 3.5,
                 "bracketed": -3.0, "name_and_agency": -3.0, "short_lead": -1.5,
                 "repeated": 4.0, "echoed": -1.5, "menu_run": -2.0, "label_parts": -1.5,
                 "tiny_over_title": -2.0, "closest_title": 1.0, "menu_line": -3.0,
                 "repeated_tiny": -2.0, "field_block": -4.0, "fact_list": -2.0,
                 "chrome_block": -1.5, "story_echo": 1.5, "no_story_echo": -1.0},
    "body": {"bias": -1.0, "prose": 3.0, "full_stop": 2.0, "sentences": 1.5, "long": 1.5,
             "dateline_start": 3.0, "short": -1.0, "title_case": -0.5, "mixed_title_case": -2.5,
             "date_line": -2.0,
             "bracketed": -3.0,
             "field": -2.0, "slug": -3.0, "numeric": -3.0, "byline_lead": -1.0,
             "heading_mark": -1.0, "photo_credit": -2.0},
    "standfirst": {"bias": -1.5, "prose": 0.5, "title_shape": 1.0, "sentence_case": 1.0,
                   "mixed_title_case": 1.5, "bracketed": -3.0, "long": -0.5, "very_long": -3.0,
                   "date_line": -4.0, "field": -4.0, "byline_lead": -4.0, "name_line": -3.0,
                   "boilerplate": -4.0, "caption": -3.0, "dateline_start": -4.0,
                   "second_heading_mark": 3.0, "name_and_agency": -3.0, "lead_and_name": -1.0,
                   "header_block": -1.5, "has_date": -2.0, "menu_run": -2.0, "short_number": -3.0,
                   "between_repeats": -3.0, "field_block": -4.0},
    "byline": {"bias": -1.5, "byline_lead": 4.0, "short_lead": 2.0, "name_line": 3.0,
               "caseless_name_line": 2.0,
               "agency": 1.0, "name_and_agency": 4.0, "lead_and_name": 1.5, "header_block": 0.5,
               "echoed": -2.5,
               "contact_block": -3.0, "job_title": 1.5,
               "sentence_case": -2.0,
               "full_stop": -2.0, "long": -3.0, "date_line": -1.0},
    "meta": {"bias": -1.5, "repeated": 1.0, "has_date": 1.5, "label_parts": 1.0,
             "date_line": 4.0, "field": 4.0, "relative_time": 4.0, "bracketed": 2.0,
             "separators": 1.0, "agency": 1.5, "long": -3.0, "prose": -1.0, "header_block": 0.5,
             "field_block": 2.0, "fact_list": 1.0},
    "slugline": {"bias": -2.0, "slug": 5.0, "numeric": 5.0, "all_caps_short": 0.5},
    "kicker": {"bias": -2.5, "all_caps_short": 1.5, "colon_end": 1.5, "tiny": 0.5, "echoed": 1.5,
               "label_parts": 2.5,
               "full_stop": -3.0},
    "dateline": {"bias": -3.0, "dateline_only": 5.0, "short_number": 2.5},
    "caption": {"bias": -2.0, "caption": 4.0, "photo_credit": 6.0},
    "contact": {"bias": -2.0, "phone": 2.0, "contact_block": 4.0, "prose": -3.0},
    "boilerplate": {"bias": -2.0, "boilerplate": 5.0, "menu_run": 3.5, "menu_line": 4.0,
                    "no_story_echo": 1.5,
                    "chrome_block": 1.0, "repeated_tiny": 3.0},
}
#: Small preferences between neighbours (the rest of the allowed moves score 0).
#: Most articles have a headline: a path with one gets this much more.
HEADLINE_PRIOR = 1.0
TRANSITION_BONUS = {("headline", "byline"): 0.5, ("headline", "standfirst"): 0.3,
                    ("byline", "meta"): 0.3, ("meta", "byline"): 0.2}


#: A Viterbi state: (role, headline seen, body started).
_State = tuple[str, bool, bool]


@dataclass(frozen=True)
class HeaderLine:
    """A line of the header zone as the scorer sees it."""

    number: int
    text: str
    #: The line as written (its column gaps kept), when it is one input line.
    raw: str = ""


@dataclass(frozen=True)
class RoleDecision:
    line: int
    role: str
    #: The features that weighed most for the role chosen, strongest first.
    evidence: tuple[str, ...]
    #: The line's own evidence backs the role (False: the role was left to the line by
    #: its neighbours, the sequence allowing nothing better).
    supported: bool = True


def features(line: HeaderLine, position: int) -> dict[str, float]:
    """The evidence about one line (names -> 1.0 when present)."""
    text = strip_markup(line.text)
    found: dict[str, float] = {"bias": 1.0}

    def on(name: str, condition: object) -> None:
        if condition:
            found[name] = 1.0

    words = text.split()
    last = text.rstrip()[-1:]
    on("first", position == 0)
    on("short", len(text) <= 90)
    on("tiny", len(words) <= 3)
    on("long", len(text) > 160)
    on("very_long", len(text) > 250)
    on("full_stop", last in SENTENCE_MARKS and last not in "?？!！؟")
    on("sentences", _SENTENCE_INSIDE.search(text))
    on("prose", looks_like_prose(text))
    if len(text) <= 160:  # the lexicon and the case profile are for header-sized lines
        cased = [w for w in words if len(w) > 3 and w[0].isalpha() and (w[0].isupper() or
                                                                       w[0].islower())]
        capitals = sum(w[0].isupper() for w in cased) / len(cased) if cased else 0.0
        on("title_case", len(cased) >= 2 and capitals >= 0.6)
        # Title case in mixed case (``Warehouses on the Docks Destroyed``): every word of
        # four letters or more capitalised, and not the shouting of a whole line.
        mixed = [w for w in cased if not w.isupper()]
        on("mixed_title_case", len(mixed) >= 3 and all(w[0].isupper() for w in cased))
        on("sentence_case", len(words) >= 5 and len(cased) >= 3 and capitals < 0.5)
        on("all_caps_short", len(words) <= 4 and text.isupper())
        on("colon_end", last in ":：")
        # An old newspaper's headline in capitals or title case, with a full stop
        # (``STRIKE OF WHARF LABOURERS.``): a sentence of the story is in sentence case.
        on("cased_stop", len(text) <= 90 and last == "." and not _SENTENCE_INSIDE.search(
            text[:-1]) and len(cased) >= 2 and (text.isupper() or len(mixed) >= 3 and all(
                w[0].isupper() for w in cased)))
        on("title_shape", 3 <= len(words) <= 20 and last not in SENTENCE_MARKS + ":：")
        on("heading_mark", position == 0 and _HEADING_MARK.match(text))
        on("second_heading_mark", text.startswith("## "))
        on("separators", _SEPARATORS.search(line.raw or line.text))
        on("relative_time", RELATIVE_TIME.match(text))
        dates = find_dates(text, day_first=True)
        if dates:
            labels = [w.casefold() for w in leftover_words(text, dates)]
            date_line = len([w for w in labels if w not in PUBLISHED_WORDS
                             and w not in UPDATED_WORDS]) <= 2
            on("date_line", date_line)
            # A date inside other words (``Artikelstatus: Fertig 22:42, 14. Mär. 2006``),
            # not a dateline opening the story.
            # A longer line naming a date is a status line when it reads as a list of
            # facts (a ``Key:`` label, parts set apart by commas), else a sentence that
            # names a date (an old paper's deck: ``... to Exchange Messages on July 4.``).
            on("has_date", not date_line and not _DATELINE_START.match(text)
               and not stopped_dateline(text) and (
                len(labels) <= STATUS_WORDS or _FIELD.match(text) or text.count(",") >= 2
                or _SEPARATORS.search(line.text)))
        field = _FIELD.match(text) if may_match(_FIELD, text) else None
        on("field", field and field_for(field.group(1)))
        on("key_value", field)
        # Three parts or more set apart by commas, each of a few words (``The St. Louis
        # Republic, St. Louis, Missouri, p. 1``): a list of facts, not a headline.
        on("fact_list", text.count(", ") >= FACT_PARTS - 1 and last not in SENTENCE_MARKS and all(
            0 < len(part.split()) <= FACT_PART_WORDS for part in text.split(", ")))
        on("short_field", field and len(field.group(2).split()) <= LABEL_PART_WORDS)
        # A menu or a breadcrumb trail on one line (``Home | News | Contact us``, ``You are
        # here: Home > News``): three parts or more, each of a few words, no sentence and
        # no number (those are a date's or a status line's: ``Nr: 3 | Dato: 05.01.2021``).
        menu = _MENU_PARTS.split(text)
        if len(menu) < MENU_RUN and "  " in line.raw:  # items set apart by gaps: ``A  B``
            menu = _MENU_GAPS.split(line.raw.strip())
        on("menu_line", len(menu) >= MENU_RUN and last not in SENTENCE_MARKS and not any(
            ch.isdigit() for ch in text) and all(
            0 < len(part.split()) <= LABEL_PART_WORDS for part in menu))
        # Short parts set apart by a spaced dash or a trail's mark, none a sentence: a label
        # (``Komisja Europejska - Komunikat prasowy``, ``Home / News``); or a key of words and a value of one or two
        # (``Other available languages: EN DE``), not a headline's ``Rumänien: ...``.
        parts = _LABEL_PARTS.split(text) if not field else (
            [field.group(1), field.group(2)] if len(field.group(1).split()) >= 2
            and len(field.group(2).split()) <= 2 else [])
        on("label_parts", len(parts) >= 2 and len(words) >= 3 and last not in SENTENCE_MARKS and all(
            0 < len(part.split()) <= LABEL_PART_WORDS for part in parts))
        listed_lead = BYLINE_LEAD.match(text)
        on("byline_lead", listed_lead)
        on("short_lead", not listed_lead and (short_lead(text) or unlisted_lead(text)))
        name_line = is_name_line(text)
        # A name's shape says little in capitals (headlines and labels are set in them)
        # or in a script without case (any short text has that shape there): weaker.
        with_case = has_case(text)
        on("name_line", name_line and with_case and not text.isupper())
        on("caseless_name_line", name_line and not with_case)
        if not name_line and last not in SENTENCE_MARKS and len(words) <= 12:
            if len(words) <= NAME_AND_AGENCY_WORDS and ("," in text or "|" in text):
                # a name and its agency, set apart
                names, agencies = names_in(text)
                on("name_and_agency", names and agencies)
            on("lead_and_name", _lead_and_name(text.split(",")[0].split()))
        on("agency", len(words) <= 4 and is_agency(text))
        on("job_title", len(words) <= 4 and any(w.casefold() in ROLE_WORDS for w in words))
        on("boilerplate", boilerplate_reason(text))
        on("caption", caption_parts(text) or is_credit_line(text))
        on("slug", _SLUG.match(text) or _is_code_line(words))
        on("numeric", _NUMERIC.match(text))
        on("dateline_only", _DATELINE_ONLY.match(text) and not text[:1].islower())
    # A few words with a number, in any script's digits (``2024 මාර්තු 14``, ``સુરત, તા.
    # ૧૪``): a date or a dateline the date code may not read, not a standfirst.
    on("short_number", len(text) <= SHORT_NUMBER_CHARACTERS and any(ch.isdigit() for ch in text))
    on("bracketed", len(text) <= 90 and _BRACKETED.match(text))
    on("photo_credit", PHOTO_CREDIT.search(text))
    on("phone", PHONE.search(text))
    on("dateline_start", _DATELINE_START.match(text) or stopped_dateline(text))
    return found


def _lead_and_name(words: list[str]) -> bool:
    """One or two words, then a person's name of two or three words (``Miktub minn Maria
    Camilleri``, ``Daga Aminu Bello``): a byline whose lead-in no list has."""
    return 3 <= len(words) <= 5 and any(
        is_name(" ".join(words[-size:])) and not is_name(" ".join(words[:-size]))
        for size in (2, 3) if 1 <= len(words) - size <= 2)


_CODE_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:./-]*$")


def _is_code_line(words: list[str]) -> bool:
    """A wire transmission line (``a0412 BC-COMET 03-12 0287``): three or more code
    tokens (Latin letters, digits, dashes), most with digits, none a lower-case word; or
    two in capitals, one with digits (``UPI A142``)."""
    coded = sum(has_digit(word) for word in words)
    if len(words) == 2:  # ``UPI A142``: capitals and a code with digits
        return coded >= 1 and all(_CODE_TOKEN.match(word) and word.isupper() for word in words)
    return len(words) >= 3 and coded * 2 > len(words) and all(
        _CODE_TOKEN.match(word) and not (word.isalpha() and word.islower()) for word in words)


def allowed(previous: str | None, role: str, seen_headline: bool, in_body: bool = False) -> bool:
    """May ``role`` follow ``previous`` (None: the first line; ``in_body``: the body has
    started, some line above was body)?"""
    if previous == "body" or in_body:  # boilerplate inside the story (a wire advisory)
        return role in ("body", "boilerplate")  # does not end it
    if previous == "kicker":
        return role == "headline"
    if previous == "dateline":
        return role == "body"
    if role == "headline":
        return not seen_headline
    if role == "kicker":
        return not seen_headline
    if role == "standfirst":
        return previous in ("headline", "standfirst")
    return True


def decide_roles(lines: list[HeaderLine]) -> list[RoleDecision]:
    """The best sequence of roles for ``lines`` (Viterbi over (role, headline seen, body
    started))."""
    if not lines:
        return []
    found = [features(line, index) for index, line in enumerate(lines)]
    _block_features(lines, found)
    _repeated(lines, found)
    _closest_title(found)
    _echoed_in_story(lines, found)
    _menu_runs(found)
    _above_a_title(lines, found)
    scores = [_role_scores(f) for f in found]
    # State (role, headline seen, body started) -> best score; back-pointers per line.
    best = {(role, role == "headline", role == "body"): scores[0][role]
            for role in ROLES if allowed(None, role, False)}
    back: list[dict[_State, _State]] = []
    for line_scores in scores[1:]:
        step: dict[_State, float] = {}
        pointers: dict[_State, _State] = {}
        for state, score in best.items():
            for move, role, bonus in _MOVES[state]:
                total = score + line_scores[role] + bonus
                if total > step.get(move, -1e9):
                    step[move] = total
                    pointers[move] = state
        best = step
        back.append(pointers)
    last = max((state for state in best if state[0] != "kicker"),
               key=lambda state: best[state] + (HEADLINE_PRIOR if state[1] else 0.0))
    path = [last]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    path.reverse()
    return [RoleDecision(line.number, role, _evidence(role, f), _supported(role, f, score))
            for line, (role, _, _), f, score in zip(lines, path, found, scores)]


def _supported(role: str, found: dict[str, float], scores: dict[str, float]) -> bool:
    """Does the line's own evidence back its role: some feature weighs for it, and it
    scores at least as high as body on the line alone, and above nothing (the evidence
    against it does not outweigh the evidence for it)?"""
    weights = WEIGHTS[role]
    return scores[role] >= max(scores["body"], 0.0) and any(
        weights.get(name, 0.0) * value > 0 for name, value in found.items() if name != "bias")


def _block_features(lines: list[HeaderLine], found: list[dict[str, float]]) -> None:
    """Features of blocks of adjacent lines (no blank line between).

    A block with a telephone number in it is a press contact: its name and address
    lines are no byline (``contact_block``).  A block of two or more short lines, none
    of them prose, is a block of header facts (``header_block``: a byline over a date
    line): a standfirst stands on its own.  A block with a menu line in it
    (``menu_line``) is the page's banner (``chrome_block``): no headline there.  A block
    of ``Key: value`` lines (an e-mail's or a feed's header, keys no list has) is
    metadata (``field_block``), its ``Subject:`` or ``Content-Type:`` no headline.
    """
    start = 0
    for end in range(1, len(lines) + 1):
        if end == len(lines) or lines[end].number != lines[end - 1].number + 1:
            block = found[start:end]
            if end - start >= 2 and any("phone" in f for f in block):
                for f in block:
                    f["contact_block"] = 1.0
            if end - start >= 2 and not any("prose" in f for f in block):
                for f in block:
                    f["header_block"] = 1.0
            if end - start >= 2 and any("menu_line" in f for f in block):
                for f in block:
                    f["chrome_block"] = 1.0
            if end - start >= FIELD_BLOCK and all("key_value" in f for f in block):
                for f in block:
                    f["field_block"] = 1.0
            start = end


#: A list of facts on one line: this many comma-separated parts, of this many words at most.
FACT_PARTS = 3
FACT_PART_WORDS = 4
#: The fewest ``Key: value`` lines of a block of fields.
FIELD_BLOCK = 3
#: The longest line an echo is found in (a headline's length; a longer one is metadata).
ECHO_LINE = 90
#: The most words of a line naming a person and an agency (``Sarah MacKinnon, The
#: Canadian Press``).
NAME_AND_AGENCY_WORDS = 8
#: The most characters of a line whose number makes it a date's or a dateline's.
SHORT_NUMBER_CHARACTERS = 30
#: The most words beside a date on a status line (more, and no label or list of facts:
#: a sentence that names a date).
STATUS_WORDS = 4
#: A line repeated must have this many characters (``Video``, ``Share`` repeat too).
MIN_REPEATED = 15


def _repeated(lines: list[HeaderLine], found: list[dict[str, float]]) -> None:
    """Header lines that come again in the zone.

    A line repeated further down, whole or opening a longer line (a page scrape gives
    the title, then the article's heading, maybe with its date after it), is the page's
    title, the headline (``repeated``).  A line found inside a longer one, not at its
    start (``European Council`` above ``Rajoy takes part in ... European Council``), is a
    section label echoing the headline, not a name (``echoed``; so is a short one opening a
    longer line: ``Le Quotidien`` over ``Le Quotidien au fil des ans``); a long line holding a
    shorter one is a metadata line quoting the title.  Lines between a title
    and its repeat are the page's, not the article's: no standfirst (``between_repeats``).
    A tiny line said more than once (``Article``, ``Share``) is a button or a label of
    the page (``repeated_tiny``).
    """
    texts = [" ".join(line.text.strip("*_ ").split()).casefold() for line in lines]
    containers = [text for text in texts if len(text) <= ECHO_LINE]
    for index, text in enumerate(texts):
        further = texts[index + 1:]
        if len(text) < MIN_REPEATED and "tiny" in found[index] and (
                text in further or text in texts[:index]):
            found[index]["repeated_tiny"] = 1.0  # ``Article``, ``Share``: the page's buttons
        if len(text) >= MIN_REPEATED and (text in further or any(
                other.startswith(text + " ") for other in further)):
            found[index]["repeated"] = 1.0
            if text in further:
                later = further.index(text) + index + 1
                found[later]["repeated"] = 1.0
                for between in found[index + 1:later]:
                    between["between_repeats"] = 1.0
        if " " in text and len(text) < ECHO_LINE and any(
                len(text) < len(other) and text in other and (
                    not other.startswith(text) or len(text) < MIN_REPEATED)
                for other in containers):
            found[index]["echoed"] = 1.0


#: A tiny line's most characters (a script that spaces phrases, not words, has long ones).
TINY_CHARACTERS = 30
#: The fewest words of a title line under a tiny one (``Special needs`` over the title).
TITLE_UNDER_TINY = 5


#: Features that show a line is no title (a byline, a date, a field, a caption...).
_NOT_TITLE = ("byline_lead", "short_lead", "name_line", "caseless_name_line", "name_and_agency",
              "lead_and_name", "date_line", "has_date", "field", "caption", "photo_credit",
              "dateline_only", "dateline_start", "bracketed", "agency", "slug", "numeric")


def _above_a_title(lines: list[HeaderLine], found: list[dict[str, float]]) -> None:
    """A tiny line right above a line of title length that ends no sentence: a link, a
    section or a kicker over the title, not the headline (``tiny_over_title``); a
    headline is seldom shorter than a standfirst that is not a sentence."""
    for index in range(len(lines) - 1):
        above, below = found[index], found[index + 1]
        if ("tiny" in above and len(lines[index].text) <= TINY_CHARACTERS and "short" in below
                and "full_stop" not in below and not any(name in below for name in _NOT_TITLE)
                and len(lines[index + 1].text.split()) >= TITLE_UNDER_TINY):
            above["tiny_over_title"] = 1.0


#: Features of the article's facts between its title and its text (a date, a byline...).
_FACTS = ("date_line", "has_date", "field", "relative_time", "byline_lead", "short_lead",
          "name_line", "caseless_name_line", "name_and_agency", "lead_and_name", "caption",
          "photo_credit", "dateline_only", "bracketed", "agency", "repeated_tiny")


#: What shows a line above the facts is no title: a fact, a sentence, a label, chrome.
_NOT_CLOSEST = _FACTS + ("full_stop", "short_field", "colon_end", "menu_line", "boilerplate",
                         "slug", "numeric")


def _closest_title(found: list[dict[str, float]]) -> None:
    """The line right above the article's facts (dates, bylines, credits) that are right
    above the first line reading as the story: where a page puts the article's
    headline, under its banners and menus (``closest_title``)."""
    start = next((index for index, f in enumerate(found) if "prose" in f and (
        "full_stop" in f or "long" in f) and "dateline_only" not in f), None)
    if not start:
        return
    index = start - 1
    while index > 0 and any(name in found[index] for name in _FACTS):
        index -= 1
    candidate = found[index]
    if index < start - 1 and "long" not in candidate and not any(name in candidate for name in _NOT_CLOSEST):
        candidate["closest_title"] = 1.0


#: The shortest word whose stem is compared (shorter ones are a language's small words).
ECHO_WORD = 5
#: A word's stem: its first letters (inflected forms share them: ``publicerar``,
#: ``publiceringstid``).
ECHO_STEM = 5
#: The least share of a line's words the story must say again for the line to be its title.
ECHO_SHARE = 0.34
_LETTERS = re.compile(r"[^\W\d_]+")


#: What shows a line the story does not echo is the article's all the same (a byline, a
#: date, a contact, a dateline), not the page's.
_NOT_PAGE = _NOT_TITLE + ("dateline_start", "phone", "contact_block")


def _stems(text: str) -> set[str]:
    """A text's word stems; in a script without spaces, its pairs of letters."""
    if " " not in text.strip() and len(text) > ECHO_WORD and not has_case(text):
        letters = [ch for ch in text if ch.isalpha()]
        return {a + b for a, b in zip(letters, letters[1:])}
    return {w[:ECHO_STEM] for w in _LETTERS.findall(text.casefold()) if len(w) >= ECHO_WORD}


def _echoed_in_story(lines: list[HeaderLine], found: list[dict[str, float]]) -> None:
    """A title's words come again in the story under it; a page's links and labels
    (``Skip to content``, ``News``) do not.  A short line above the first lines reading
    as the story with a share of its stems said again there is the title
    (``story_echo``, two stems at least); when some line has a stem said again, a line
    with none is the page's (``no_story_echo``; a headline need not repeat its story's
    words, so that alone is no evidence)."""
    story = [index for index, f in enumerate(found) if "prose" in f and "full_stop" in f]
    if not story:
        return
    said = set().union(*(_stems(lines[index].text) for index in story))
    unsaid, echo_seen = [], False
    for index in range(story[0]):
        stems = _stems(strip_markup(lines[index].text))
        if "short" not in found[index] or "prose" in found[index] or not stems:
            continue
        share = len(stems & said) / len(stems)
        echo_seen = echo_seen or share > 0
        if share >= ECHO_SHARE and len(stems) >= 2:
            found[index]["story_echo"] = 1.0
        elif not share and not any(name in found[index] for name in _NOT_PAGE):
            unsaid.append(found[index])
    if echo_seen:
        for f in unsaid:
            f["no_story_echo"] = 1.0


#: A page's menu: this many tiny lines in a row at least (``Navigation path``, ``Left
#: navigation``, ``Additional tools``).
MENU_RUN = 3
#: Features that show a tiny line is something else (a byline, a date, a field, a code).
_NOT_MENU = ("byline_lead", "short_lead", "name_line", "date_line", "has_date", "field", "slug",
             "numeric", "full_stop", "relative_time", "agency", "closest_title")


def _menu_runs(found: list[dict[str, float]]) -> None:
    """Runs of tiny header lines (three words at most) with nothing else to show for
    them: a scraped page's menu and buttons, not the headline (``menu_run``)."""
    start = 0
    for end in range(len(found) + 1):
        if end < len(found) and "tiny" in found[end] and not any(
                name in found[end] for name in _NOT_MENU):
            continue
        if end - start >= MENU_RUN:
            for f in found[start:end]:
                f["menu_run"] = 1.0
        start = end + 1


def _role_scores(found: dict[str, float]) -> dict[str, float]:
    scores = dict.fromkeys(ROLES, 0.0)
    for name, value in found.items():
        for role, weight in _BY_FEATURE.get(name, ()):
            scores[role] += weight * value
    return scores


def _evidence(role: str, found: dict[str, float]) -> tuple[str, ...]:
    """The (up to) three features that weighed most for ``role``, for or against."""
    weights = WEIGHTS[role]
    parts = [(name, weights[name] * value) for name, value in found.items()
             if name in weights and name != "bias"]
    strongest = sorted(parts, key=lambda item: -abs(item[1]))[:3]
    return tuple(f"{name} {part:+g}" for name, part in strongest)


#: feature -> the roles it weighs on, with the weight.
_BY_FEATURE: dict[str, list[tuple[str, float]]] = {
    name: [(role, weights[name]) for role, weights in WEIGHTS.items() if name in weights]
    for name in {name for weights in WEIGHTS.values() for name in weights}
}

#: (role, headline seen, body started) -> the moves allowed from it: (the state it leads
#: to, the next role, bonus).
_MOVES: dict[_State, list[tuple[_State, str, float]]] = {
    (previous, seen, in_body): [((role, seen or role == "headline", in_body or role == "body"),
                                 role, TRANSITION_BONUS.get((previous, role), 0.0))
                                for role in ROLES if allowed(previous, role, seen, in_body)]
    for previous in ROLES for seen in (False, True) for in_body in (False, True)
}
