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
from convert.textparse.fields import field_for
from convert.textparse.names import (
    BYLINE_LEAD, ROLE_WORDS, byline_lead_end, is_agency, is_name, is_name_line, names_in,
    strip_markup,
)
from convert.textparse.prefilter import has_digit, may_match
from convert.textparse.state import SENTENCE_MARKS, looks_like_prose

ROLES = ("slugline", "kicker", "headline", "standfirst", "byline", "meta", "dateline",
         "caption", "boilerplate", "contact", "body")

_FIELD = re.compile(r"^([^\W\d][\w .'’-]{0,30}?)\s*[:：]\s*(\S.*)$")
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
#: A spaced dash between parts of a label (``Komisja Europejska - Komunikat prasowy``).
_DASH_PARTS = re.compile(r"\s[-–—]\s")
#: The most words of each part of a label line (``Section - Type``, ``Key: value``).
LABEL_PART_WORDS = 3
#: A line wholly in brackets (``[SPECIAL CABLE DESPATCH.]``, ``(By Telegraph.)``,
#: ``【問い合わせ先】``): a label or a credit, not text.
_BRACKETED = re.compile(r"^(?:\[[^\[\]]+\]|\([^()]+\)|（[^（）]+）|【[^【】]+】)$")
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
                 "repeated": 4.0, "echoed": -1.5, "menu_run": -2.0, "label_parts": -1.5},
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
                   "header_block": -1.5, "has_date": -2.0, "menu_run": -2.0,
                   "between_repeats": -3.0},
    "byline": {"bias": -1.5, "byline_lead": 4.0, "short_lead": 2.0, "name_line": 3.0,
               "agency": 1.0, "name_and_agency": 4.0, "lead_and_name": 1.5, "header_block": 0.5,
               "echoed": -2.5,
               "contact_block": -3.0, "job_title": 1.5,
               "sentence_case": -2.0,
               "full_stop": -2.0, "long": -3.0, "date_line": -1.0},
    "meta": {"bias": -1.5, "repeated": 1.0, "has_date": 1.5, "label_parts": 1.0,
             "date_line": 4.0, "field": 4.0, "relative_time": 4.0, "bracketed": 2.0,
             "separators": 1.0, "agency": 1.5, "long": -3.0, "prose": -1.0, "header_block": 0.5},
    "slugline": {"bias": -2.0, "slug": 5.0, "numeric": 5.0, "all_caps_short": 0.5},
    "kicker": {"bias": -2.5, "all_caps_short": 1.5, "colon_end": 1.5, "tiny": 0.5, "echoed": 1.5,
               "label_parts": 2.5,
               "full_stop": -3.0},
    "dateline": {"bias": -3.0, "dateline_only": 5.0},
    "caption": {"bias": -2.0, "caption": 4.0, "photo_credit": 6.0},
    "contact": {"bias": -2.0, "phone": 2.0, "contact_block": 4.0, "prose": -3.0},
    "boilerplate": {"bias": -2.0, "boilerplate": 5.0, "menu_run": 3.5},
}
#: Small preferences between neighbours (the rest of the allowed moves score 0).
#: Most articles have a headline: a path with one gets this much more.
HEADLINE_PRIOR = 1.0
TRANSITION_BONUS = {("headline", "byline"): 0.5, ("headline", "standfirst"): 0.3,
                    ("byline", "meta"): 0.3, ("meta", "byline"): 0.2}


@dataclass(frozen=True)
class HeaderLine:
    """A line of the header zone as the scorer sees it."""

    number: int
    text: str


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
        on("separators", _SEPARATORS.search(line.text))
        on("relative_time", RELATIVE_TIME.match(text))
        dates = find_dates(text, day_first=True)
        if dates:
            labels = [w.casefold() for w in leftover_words(text, dates)]
            date_line = len([w for w in labels if w not in PUBLISHED_WORDS
                             and w not in UPDATED_WORDS]) <= 2
            on("date_line", date_line)
            # A date inside other words (``Artikelstatus: Fertig 22:42, 14. Mär. 2006``),
            # not a dateline opening the story.
            on("has_date", not date_line and not _DATELINE_START.match(text))
        field = _FIELD.match(text) if may_match(_FIELD, text) else None
        on("field", field and field_for(field.group(1)))
        # Short parts set apart by a spaced dash, none a sentence: a label (``Komisja
        # Europejska - Komunikat prasowy``); or a key of words and a value of one or two
        # (``Other available languages: EN DE``), not a headline's ``Rumänien: ...``.
        parts = _DASH_PARTS.split(text) if not field else (
            [field.group(1), field.group(2)] if len(field.group(1).split()) >= 2
            and len(field.group(2).split()) <= 2 else [])
        on("label_parts", len(parts) >= 2 and len(words) >= 3 and last not in SENTENCE_MARKS and all(
            0 < len(part.split()) <= LABEL_PART_WORDS for part in parts))
        listed_lead = BYLINE_LEAD.match(text)
        on("byline_lead", listed_lead)
        on("short_lead", not listed_lead and byline_lead_end(text))
        name_line = is_name_line(text)
        on("name_line", name_line)
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
    on("bracketed", len(text) <= 90 and _BRACKETED.match(text))
    on("photo_credit", PHOTO_CREDIT.search(text))
    on("phone", PHONE.search(text))
    on("dateline_start", _DATELINE_START.match(text))
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


def allowed(previous: str | None, role: str, seen_headline: bool) -> bool:
    """May ``role`` follow ``previous`` (None: the first line)?"""
    if previous == "body":  # boilerplate inside the story (a wire advisory) does not end it
        return role in ("body", "boilerplate")
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
    """The best sequence of roles for ``lines`` (Viterbi over (role, headline seen))."""
    if not lines:
        return []
    found = [features(line, index) for index, line in enumerate(lines)]
    _block_features(lines, found)
    _repeated(lines, found)
    _menu_runs(found)
    scores = [_role_scores(f) for f in found]
    # State (role, headline seen) -> best score; one back-pointer table per line.
    best = {(role, role == "headline"): scores[0][role]
            for role in ROLES if allowed(None, role, False)}
    back: list[dict[tuple[str, bool], tuple[str, bool]]] = []
    for line_scores in scores[1:]:
        step: dict[tuple[str, bool], float] = {}
        pointers: dict[tuple[str, bool], tuple[str, bool]] = {}
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
            for line, (role, _), f, score in zip(lines, path, found, scores)]


def _supported(role: str, found: dict[str, float], scores: dict[str, float]) -> bool:
    """Does the line's own evidence back its role: some feature weighs for it, and it
    scores at least as high as body on the line alone?"""
    weights = WEIGHTS[role]
    return scores[role] >= scores["body"] and any(
        weights.get(name, 0.0) * value > 0 for name, value in found.items() if name != "bias")


def _block_features(lines: list[HeaderLine], found: list[dict[str, float]]) -> None:
    """Features of blocks of adjacent lines (no blank line between).

    A block with a telephone number in it is a press contact: its name and address
    lines are no byline (``contact_block``).  A block of two or more short lines, none
    of them prose, is a block of header facts (``header_block``: a byline over a date
    line): a standfirst stands on its own.
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
            start = end


#: The longest line an echo is found in (a headline's length; a longer one is metadata).
ECHO_LINE = 90
#: The most words of a line naming a person and an agency (``Sarah MacKinnon, The
#: Canadian Press``).
NAME_AND_AGENCY_WORDS = 8
#: A line repeated must have this many characters (``Video``, ``Share`` repeat too).
MIN_REPEATED = 15


def _repeated(lines: list[HeaderLine], found: list[dict[str, float]]) -> None:
    """Header lines that come again in the zone.

    A line repeated further down, whole or opening a longer line (a page scrape gives
    the title, then the article's heading, maybe with its date after it), is the page's
    title, the headline (``repeated``).  A line found inside a longer one, not at its
    start (``European Council`` above ``Rajoy takes part in ... European Council``), is a
    section label echoing the headline, not a name (``echoed``); a long line holding a
    shorter one is a metadata line quoting the title.  Lines between a title
    and its repeat are the page's, not the article's: no standfirst (``between_repeats``).
    """
    texts = [" ".join(line.text.strip("*_ ").split()).casefold() for line in lines]
    containers = [text for text in texts if len(text) <= ECHO_LINE]
    for index, text in enumerate(texts):
        further = texts[index + 1:]
        if len(text) >= MIN_REPEATED and (text in further or any(
                other.startswith(text + " ") for other in further)):
            found[index]["repeated"] = 1.0
            if text in further:
                later = further.index(text) + index + 1
                found[later]["repeated"] = 1.0
                for between in found[index + 1:later]:
                    between["between_repeats"] = 1.0
        if " " in text and len(text) < ECHO_LINE and any(
                len(text) < len(other) and text in other and not other.startswith(text)
                for other in containers):
            found[index]["echoed"] = 1.0


#: A page's menu: this many tiny lines in a row at least (``Navigation path``, ``Left
#: navigation``, ``Additional tools``).
MENU_RUN = 3
#: Features that show a tiny line is something else (a byline, a date, a field, a code).
_NOT_MENU = ("byline_lead", "short_lead", "name_line", "date_line", "has_date", "field", "slug",
             "numeric", "full_stop", "relative_time", "agency")


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

#: (role, headline seen) -> the moves allowed from it: (the state it leads to, that is
#: (next role, headline seen after), the next role, bonus).
_MOVES: dict[tuple[str, bool], list[tuple[tuple[str, bool], str, float]]] = {
    (previous, seen): [((role, seen or role == "headline"), role,
                        TRANSITION_BONUS.get((previous, role), 0.0))
                       for role in ROLES if allowed(previous, role, seen)]
    for previous in ROLES for seen in (False, True)
}
