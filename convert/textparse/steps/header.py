"""Step ``header-roles``: the layout of the header zone, and a role for each of its lines.

Layout first: the header zone runs from the top down to the first block that
reads as body.  Its lines are units of their own, except that a line which
fills the file's wrap width without ending a sentence carries on into the
next one (a hard-wrapped headline); short header lines are never merged.
Each unit then gets a role from :mod:`convert.textparse.roles` (scored
evidence, Viterbi over the sequence); every decision is logged with its
strongest evidence.

What this step does with the roles: the headline unit becomes
``state.header_headline`` (the headline step takes it; no headline unit and
a body means a ``no-headline`` warning); a numeric id or a keyword path at
the top is metadata (``id``, keywords); a kicker above the headline is
dropped; the body starts at the first body unit, and a byline set off from
its text by a column gap (``By NAME     CITY (AP) --``) is a byline.  Bylines, date and field
lines are still read by their own steps, which consult ``state.roles``.
"""

from __future__ import annotations

import re

from convert.textparse.bylinetext import add_names
from convert.textparse.datetext import find_dates
from convert.textparse.inline import clean_text
from convert.textparse.names import BYLINE_LEAD, names_in
from convert.textparse.layout import is_wrapped, wrap_width
from convert.textparse.roles import HeaderLine, decide_roles
from convert.textparse.state import (
    SENTENCE_MARKS, Chunk, Line, ParseState, ends_sentence, looks_like_prose,
)

#: The most units the header zone holds (a longer run of short lines is body).
MAX_UNITS = 16
_NUMERIC_ID = re.compile(r"^\d{4,}$")
_KEYWORD_PATH = re.compile(r"^/?(?:[\w-]+/){2,}[\w-]*$")
_FIELD_START = re.compile(r"^[^\W\d][\w .'’-]{0,30}?\s*[:：]\s")
#: A byline at the start of a line, then three or more spaces, then the text.
_GAPPED_BYLINE = re.compile(r"^\s*(?P<byline>\S.{2,60}?)\s{3,}(?=\S)")


def header_roles(state: ParseState) -> None:
    if state.meta.headline is not None:
        return  # front matter or a header block named it: the zone is theirs
    width = wrap_width(state.chunks)
    units = zone_units(state.chunks, width)
    if not units:
        return
    lines = [HeaderLine(unit[0][1].number, unit_text(unit), unit[0][1].text if len(unit) == 1
                        else "") for unit in units]
    decisions = decide_roles(lines)
    for unit, line_seen, decision in zip(units, lines, decisions):
        for _, line in unit:
            state.roles[line.number] = decision.role
            if not decision.supported:
                state.unsupported_roles.add(line.number)
        state.decide(decision.line, f"role {decision.role}: {line_seen.text!r}"[:160],
                     decision.evidence)
    for unit, decision in zip(units, decisions):
        chunk = unit[0][0]
        if decision.role == "headline":
            state.header_headline = [line for _, line in unit]
        elif decision.role == "body" and state.header_body is None:
            state.header_body = chunk
        elif decision.role == "slugline":
            _slug(state, unit)
        elif decision.role == "kicker":
            for owner, line in unit:
                owner.take(line, "dropped")
                state.drop_line(line, "kicker above the headline")
    if state.header_body is not None:
        _byline_before_a_gap(state, state.header_body)
    if state.header_headline is None and state.header_body is not None:
        state.warn("no-headline", "no headline found: the first text reads as "
                   "a paragraph", units[0][0][1].number)


def _byline_before_a_gap(state: ParseState, chunk: Chunk) -> None:
    """``By NAME     CITY (AP) -- ...``: a byline set off from the text by a column gap."""
    line = chunk.open_lines[0]
    match = _GAPPED_BYLINE.match(line.text)
    lead = BYLINE_LEAD.match(match["byline"]) if match else None
    if match is None or lead is None:
        return
    names, agencies = names_in(match["byline"][lead.end():])
    if not names:
        return
    add_names(state, names, agencies, None, line.number)
    state.decide(line.number, f"byline before a column gap: {match['byline']!r}")
    line.text = line.text[match.end():]


def unit_text(unit: list[tuple[Chunk, Line]]) -> str:
    """A unit's plain text (a whole block's is computed once, by the block)."""
    chunk = unit[0][0]
    if len(unit) == len(chunk.open_lines):
        return chunk.text
    return " ".join(clean_text(line.text) for _, line in unit)


def starts_header_line(text: str) -> bool:
    """A line that opens a header line of its own (a byline, a field, a date line), so
    it does not carry on the wrapped line above it."""
    return bool(BYLINE_LEAD.match(text) or _FIELD_START.match(text) or (
        len(text) <= 60 and find_dates(text)))


def zone_units(chunks: list[Chunk], width: int) -> list[list[tuple[Chunk, Line]]]:
    """The header zone's units: each line alone, hard-wrapped lines joined.

    A header line that carries on the one right above it (no blank line between) joins
    its unit even when the layout ended a block there (``continues``); the two blocks
    become one (``chunks`` is changed in place), so later steps see one block.  The zone
    ends at the second block that reads as body (or a quote or list), or above a table.
    """
    units: list[list[tuple[Chunk, Line]]] = []
    prose = 0
    previous: Line | None = None
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        index += 1
        if chunk.role is not None or not chunk.open_lines:
            previous = None
            continue
        if chunk.kind == "table":
            break  # a table is body: the header zone ends above it
        if chunk.kind != "text" or looks_like_prose(chunk.text):
            # Up to the second paragraph: whether the first is a standfirst or the
            # body's start depends on what follows it (a byline, a date line...).
            units.append([(chunk, line) for line in chunk.open_lines])
            prose += 1
            if prose == 2 or chunk.kind != "text":
                break
            previous = None
            continue
        lines = chunk.open_lines
        if previous is not None and lines[0].number == previous.number + 1 and continues(
                clean_text(previous.text), clean_text(lines[0].text), 0):
            chunk = _merge_into(chunks, index - 1, units[-1][0][0])
            index -= 1
        for position, line in enumerate(lines):
            text = clean_text(line.text)
            joined = previous is not None and (
                position == 0 and units and units[-1][0][0] is chunk
                or position > 0 and continues(clean_text(previous.text), text, width))
            if joined:
                units[-1].append((chunk, line))
            else:
                units.append([(chunk, line)])
            previous = line
        if len(units) >= MAX_UNITS:
            break
    return units


#: The longest line of a headline set in capitals over several lines.
STACKED_LINE = 60
_GLUED_STOP = re.compile(rf"\w[{re.escape(SENTENCE_MARKS)}]$")


def continues(above: str, text: str, width: int) -> bool:
    """Does header line ``text`` carry on the line ``above`` it?

    It does when it starts in lower case (``to Exchange Messages on July 4.`` under
    ``President and Governor Taft Likely``), when ``above`` fills the wrap width without
    ending a sentence (``width`` 0: not asked), or when both are short lines in capitals
    (an old paper's headline set over lines: ``TRACKMEN ON THE`` / ``LACKAWANNA GO OUT``;
    a full stop spaced off by the OCR, ``YOUNG ROCKEFELLER .``, ends nothing); never
    when ``text`` opens a header line of its own (a byline, a field, a date line).
    """
    if text[:1].islower():  # a date in it is the line's (``... on July 4.``), not a date line's
        return not (BYLINE_LEAD.match(text) or _FIELD_START.match(text)) and (
            width > 0 or not ends_sentence(above))
    carried = width and is_wrapped(above, width) or all(
        len(line) <= STACKED_LINE and len(line.split()) >= 2 and line.isupper()
        and not any(ch.isdigit() or ch in "()[]:：/" for ch in line)
        for line in (above, text)) and not _GLUED_STOP.search(above)
    return bool(carried) and not starts_header_line(text)


def _merge_into(chunks: list[Chunk], index: int, above: Chunk) -> Chunk:
    """Block ``index`` joins the block ``above`` it (the one before it in ``chunks``)."""
    above.lines.extend(chunks[index].lines)
    above._text = None
    del chunks[index]
    return above


def _slug(state: ParseState, unit: list[tuple[Chunk, Line]]) -> None:
    """A slug-like unit at the top: an id, a keyword path, or left to the slugline rule."""
    text = " ".join(clean_text(line.text) for _, line in unit)
    if _NUMERIC_ID.match(text) and state.meta.id is None:
        state.meta.id = text
        what = "id"
    elif _KEYWORD_PATH.match(text):
        state.meta.keywords.extend(k for k in text.strip("/").split("/")
                                   if k and k not in state.meta.keywords)
        what = "keywords"
    else:
        return  # sluglines and version labels: the metadata-lines step reads them
    for owner, line in unit:
        owner.take(line, "metadata")
    state.decide(unit[0][1].number, f"{what} from the top line: {text!r}")
