"""Step ``bylines``: who wrote the story.

Names come from byline lines above the body (``By``, ``Von``, ``Por``,
``Written by``, ``Reported by``...), a line of names with no lead-in right
under the headline or standfirst (or one the header roles call a byline:
an author's name above the headline of a site scrape), and the reporter
credits of a wire trailer (``(Reporting by X; Editing by Y)`` and its
equivalents in other languages; the trailer line itself is dropped by the
boilerplate step), or the story's last line when it is only a name (with a lead-in
or none) and no byline was found above.  A title after
the name (``, staff reporter``, ``| Staff Writer``) becomes the byline's role;
an agency after it (``, PA``, a ``THE CANADIAN PRESS`` line) is a source.
Editors, photographers and contributors are not bylines.
"""

from __future__ import annotations

import re

from convert.textparse.boilerplate_rules import boilerplate_reason
from convert.textparse.bylinetext import add_names, byline_part
from convert.textparse.inline import clean_text
from convert.textparse.names import (
    BYLINE_COLON, NOT_BYLINE_LEAD, byline_lead_end, has_case, is_name_line, names_in,
    strip_markup,
)
from convert.textparse.state import Chunk, Line, ParseState

#: Trailer labels whose names are bylines (those whose names are not: ``NOT_BYLINE_LEAD``).
TRAILER_AUTHOR = re.compile(
    r"^(?:reporting|writing|reported|written|reportage|reporte|reportaje|información|"
    r"texte|text|berichterstattung|reporter|репортаж|текст|تغطية\s+صحفية|كتابة|إعداد|报道|记者)"
    r"(?:\s+(?:by|de|par|von|por))?\s*[:：]?\s+", re.I)
#: The trailer in brackets, after the agency's name and a slash (``AGERPRES/(AS - ...)``).
_TRAILER = re.compile(r"^(?:[^\W\d_][^()\[\]/]{0,20}/\s*)?[(\[]\s*(.+?)\s*[)\]]$")
#: ``Written by A and B; edited by C``: credits of several kinds on one line.
_CREDIT_PARTS = re.compile(r"\s*;\s*(?=\S)")
#: Between the credits of a trailer: ``;``, a dash, a slash, or a comma before the next
#: credit's label (``autor: A, editor: B``).
_TRAILER_PARTS = re.compile(r"\s*(?:;|\s[-–—]\s|/|,(?=\s*[^\W\d_]+\s*[:：]))\s*")


def bylines(state: ParseState) -> None:
    start = state.body_start()
    for index, chunk in enumerate(state.chunks[:start]):
        if chunk.role is None and chunk.kind == "text":
            _header_chunk(state, index, chunk)
    for chunk in state.chunks[start:]:
        if chunk.role is None and len(chunk.lines) <= 2:
            _trailer(state, chunk)
    last = next((c for c in reversed(state.chunks[start + 1:]) if c.role is None), None)
    if last is not None and len(last.lines) == 1 and not state.meta.bylines:
        _closing_byline(state, last)


def _header_chunk(state: ParseState, index: int, chunk: Chunk) -> None:
    after_byline = False
    for line in chunk.open_lines:
        text = strip_markup(clean_text(line.text))
        first, *others = _CREDIT_PARTS.split(text)
        part = byline_part(state, first)
        rest = [found for other in others if (found := byline_part(state, other))]
        # ``By KNA``: an agency after a byline's lead-in is the author (a source).
        credited = part is not None and part[0] == "agency" and byline_lead_end(first) > 0
        if part and (part[0] in ("byline", "editor") or credited or after_byline) and (
                len(rest) == len(others)):
            for _, apply in (part, *rest):
                apply(line.number)
            chunk.take(line, part[0])
            after_byline = True
        elif not after_byline and is_name_line(text) and state.roles.get(line.number) != (
                "contact") and (_under_headline(state, index) or _chosen_byline(state, line)):
            names, agencies = names_in(text)
            add_names(state, names, agencies, None, line.number)
            chunk.take(line, "byline")
            after_byline = True
        else:
            after_byline = False


def _chosen_byline(state: ParseState, line: Line) -> bool:
    """A names-only line away from the headline is a byline when the header roles chose
    it on its own evidence, and its names have case: in a script without case any short
    text has a name's shape (a skip link, a site's name)."""
    return state.roles.get(line.number) == "byline" and (
        line.number not in state.unsupported_roles) and has_case(line.text)


def _under_headline(state: ParseState, index: int) -> bool:
    """Only headline, standfirst or metadata come before this chunk."""
    before = state.chunks[:index]
    return any(c.role == "headline" for c in before) and all(
        c.role in ("headline", "subheadline", "metadata", "dropped", "repeated-headline")
        for c in before)


def _trailer(state: ParseState, chunk: Chunk) -> None:
    """Reporter names from a wire trailer such as ``(Reporting by X; Editing by Y)``."""
    match = _TRAILER.match(chunk.text)
    if not match:
        return
    parts = _TRAILER_PARTS.split(match.group(1))
    if not any(_author_lead(p) or NOT_BYLINE_LEAD.match(p) for p in parts):
        return
    for part in parts:
        lead = _author_lead(part)
        if lead and not NOT_BYLINE_LEAD.match(part):
            names, _ = names_in(part[lead:])
            add_names(state, names, [], None, chunk.line)


def _closing_byline(state: ParseState, chunk: Chunk) -> None:
    """The story's last line alone, only a person's name (``Minh Châu``) or a lead-in and
    one (``Warbixin: Cali Xasan``): the author signing off (the boilerplate step drops
    the line as the sign-off)."""
    text = strip_markup(chunk.text)
    if not has_case(text) or boilerplate_reason(text):  # desk codes, ``Related Topics``
        return
    part = byline_part(state, text)
    if part is not None and part[0] == "byline":
        part[1](chunk.line)
    elif is_name_line(text) and names_in(text)[1] == []:
        add_names(state, names_in(text)[0], [], None, chunk.line)


def _author_lead(part: str) -> int:
    """Where a trailer credit's author label ends (``Reporting by``, or a byline lead-in
    with a colon: ``autor:``, ``Von:``); 0 when it has none."""
    lead = TRAILER_AUTHOR.match(part) or BYLINE_COLON.match(part)
    return lead.end() if lead else 0
