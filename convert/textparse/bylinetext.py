"""Byline text: what one byline-ish segment of a header line is, and storing it.

Shared by the bylines step and the metadata-lines step (a ``|``-separated
header line can hold a byline, an editor, a title and an agency).  A title
after the name (``, staff reporter``, ``| Staff Writer``) becomes the
byline's role; an agency after it (``, PA``) is a source; editors are kept
as extra metadata, never as bylines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from convert.model import Byline
from convert.textparse.names import (
    NOT_BYLINE_LEAD, ROLE_WORDS, byline_lead_end, is_agency, names_in, split_parts, strip_markup,
)
from convert.textparse.prefilter import has_digit
from convert.textparse.state import ParseState

#: Stores what a segment says, given its line number (any return value is ignored).
Applier = Callable[[int], object]


def byline_part(state: ParseState, segment: str) -> tuple[str, Applier] | None:
    """One byline-ish segment of a header line: (kind, how to store it), or None."""
    text = strip_markup(segment)
    if NOT_BYLINE_LEAD.match(text):
        return "editor", lambda line: _extra(state, text, line)
    lead = byline_lead_end(text)
    if lead:
        names, agencies = names_in(text[lead:])
        if names:
            return "byline", lambda line: add_names(state, names, agencies, _role(text), line)
        if agencies:  # ``By KNA``: the agency is the author
            return "agency", lambda line: credit_agencies(state, agencies, line)
        return None
    if _is_role(text):
        return "role", lambda line: _set_role(state, text, line)
    if is_agency(text):
        return "agency", lambda line: credit_agency(state, text, line)
    return None


def add_names(state: ParseState, names: list[str], agencies: list[str], role: str | None,
         line: int) -> None:
    for name in names:
        if state.meta.add_byline(name):
            if role:
                state.meta.bylines[-1] = Byline(name, role)
            state.decide(line, f"byline: {name!r}" + (f" ({role})" if role else ""))
    credit_agencies(state, agencies, line)


def credit_agencies(state: ParseState, agencies: list[str], line: int) -> None:
    for agency in agencies:
        credit_agency(state, agency, line)


def credit_agency(state: ParseState, agency: str, line: int) -> None:
    state.meta.add_source(2, agency, line)
    state.decide(line, f"agency credited with the byline: {agency!r}")


def _role(text: str) -> str | None:
    parts = split_parts(text)
    roles = [part for part in parts[1:] if _is_role(part)]
    return roles[0] if roles else None


def _is_role(text: str) -> bool:
    words = [word.casefold().strip(".,") for word in text.split()]
    return 0 < len(words) <= 5 and any(word in ROLE_WORDS for word in words) and (
        not has_digit(text))


def _set_role(state: ParseState, role: str, line: int) -> None:
    if state.meta.bylines and state.meta.bylines[-1].role is None:
        state.meta.bylines[-1] = Byline(state.meta.bylines[-1].name, role)
        state.decide(line, f"byline role: {role!r}")


def _extra(state: ParseState, text: str, line: int) -> None:
    lead = re.match(r"^(.+?\bby|[^\s:：]+)\s*[:：]?\s+(.*)$", text)
    key, value = (lead.group(1).casefold(), lead.group(2)) if lead else ("credit", text)
    state.meta.extra[key] = value
    state.decide(line, f"credit kept as extra {key!r}: {value!r} (not a byline)")
