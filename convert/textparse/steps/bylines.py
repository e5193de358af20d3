"""Step ``bylines``: who wrote the story.

Names come from byline lines above the body (``By``, ``Von``, ``Por``,
``Written by``, ``Reported by``...), a line of names with no lead-in right
under the headline or standfirst, and the reporter credits of a wire trailer
(``(Reporting by X; Editing by Y)`` and its equivalents in other languages;
the trailer line itself is dropped by the boilerplate step).  A title after
the name (``, staff reporter``, ``| Staff Writer``) becomes the byline's role;
an agency after it (``, PA``, a ``THE CANADIAN PRESS`` line) is a source.
Editors, photographers and contributors are not bylines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from convert.model import Byline
from convert.textparse.inline import clean_text
from convert.textparse.names import (
    BYLINE_LEAD, NOT_BYLINE_LEAD, ROLE_WORDS, is_agency, is_name_line, names_in, split_parts,
    strip_markup,
)
from convert.textparse.state import Chunk, ParseState

#: Stores what a segment says, given its line number (any return value is ignored).
Applier = Callable[[int], object]

#: Trailer labels whose names are bylines, and labels whose names are not.
TRAILER_AUTHOR = re.compile(
    r"^(?:reporting|writing|reported|written|reportage|reporte|reportaje|información|"
    r"texte|text|berichterstattung|reporter|репортаж|текст|تغطية\s+صحفية|كتابة|إعداد|报道|记者)"
    r"(?:\s+(?:by|de|par|von|por))?\s*[:：]?\s+", re.I)
TRAILER_OTHER = re.compile(
    r"^(?:additional\s+reporting|editing|edited|compiled|translated|graphics|photos?|"
    r"version\s+française|édité|édition|editado|edición|redigiert|bearbeitet|redaktion|"
    r"редактор|редактирование|перевод|تحرير|ترجمة|编辑|责任编辑)\b", re.I)
_TRAILER = re.compile(r"^[(\[]\s*(.+?)\s*[)\]]$")
_TRAILER_PARTS = re.compile(r"\s*(?:;|\s[-–—]\s|/)\s*")


def bylines(state: ParseState) -> None:
    start = state.body_start()
    for index, chunk in enumerate(state.chunks[:start]):
        if chunk.role is None and chunk.kind == "text":
            _header_chunk(state, index, chunk)
    for chunk in state.chunks[start:]:
        if chunk.role is None and len(chunk.lines) <= 2:
            _trailer(state, chunk)


def byline_part(state: ParseState, segment: str) -> tuple[str, Applier] | None:
    """One byline-ish segment of a header line: (kind, how to store it), or None."""
    text = strip_markup(segment)
    if NOT_BYLINE_LEAD.match(text):
        return "editor", lambda line: _extra(state, text, line)
    lead = BYLINE_LEAD.match(text)
    if lead:
        names, agencies = names_in(text[lead.end():])
        if names:
            return "byline", lambda line: _add(state, names, agencies, _role(text), line)
        return None
    if _is_role(text):
        return "role", lambda line: _set_role(state, text, line)
    if is_agency(text):
        return "agency", lambda line: _agency(state, text, line)
    return None


def _header_chunk(state: ParseState, index: int, chunk: Chunk) -> None:
    after_byline = False
    for line in chunk.open_lines:
        text = strip_markup(clean_text(line.text))
        part = byline_part(state, text)
        if part and (part[0] in ("byline", "editor") or after_byline):
            part[1](line.number)
            chunk.take(line, part[0])
            after_byline = True
        elif not after_byline and _under_headline(state, index) and is_name_line(text):
            names, agencies = names_in(text)
            _add(state, names, agencies, None, line.number)
            chunk.take(line, "byline")
            after_byline = True
        else:
            after_byline = False


def _under_headline(state: ParseState, index: int) -> bool:
    """Only headline, standfirst or metadata come before this chunk."""
    before = state.chunks[:index]
    return any(c.role == "headline" for c in before) and all(
        c.role in ("headline", "subheadline", "metadata", "dropped", "repeated-headline")
        for c in before)


def _add(state: ParseState, names: list[str], agencies: list[str], role: str | None,
         line: int) -> None:
    for name in names:
        if state.meta.add_byline(name):
            if role:
                state.meta.bylines[-1] = Byline(name, role)
            state.decide(line, f"byline: {name!r}" + (f" ({role})" if role else ""))
    for agency in agencies:
        _agency(state, agency, line)


def _agency(state: ParseState, agency: str, line: int) -> None:
    state.meta.add_source(2, agency, line)
    state.decide(line, f"agency credited with the byline: {agency!r}")


def _role(text: str) -> str | None:
    parts = split_parts(text)
    roles = [part for part in parts[1:] if _is_role(part)]
    return roles[0] if roles else None


def _is_role(text: str) -> bool:
    words = [word.casefold().strip(".,") for word in text.split()]
    return 0 < len(words) <= 5 and any(word in ROLE_WORDS for word in words) and not any(
        ch.isdigit() for ch in text)


def _set_role(state: ParseState, role: str, line: int) -> None:
    if state.meta.bylines and state.meta.bylines[-1].role is None:
        state.meta.bylines[-1] = Byline(state.meta.bylines[-1].name, role)
        state.decide(line, f"byline role: {role!r}")


def _extra(state: ParseState, text: str, line: int) -> None:
    lead = re.match(r"^(.+?\bby|[^\s:：]+)\s*[:：]?\s+(.*)$", text)
    key, value = (lead.group(1).casefold(), lead.group(2)) if lead else ("credit", text)
    state.meta.extra[key] = value
    state.decide(line, f"credit kept as extra {key!r}: {value!r} (not a byline)")


def _trailer(state: ParseState, chunk: Chunk) -> None:
    """Reporter names from a wire trailer such as ``(Reporting by X; Editing by Y)``."""
    match = _TRAILER.match(chunk.text)
    if not match:
        return
    parts = _TRAILER_PARTS.split(match.group(1))
    if not any(TRAILER_AUTHOR.match(p) or TRAILER_OTHER.match(p) for p in parts):
        return
    for part in parts:
        lead = TRAILER_AUTHOR.match(part)
        if lead and not TRAILER_OTHER.match(part):
            names, _ = names_in(part[lead.end():])
            _add(state, names, [], None, chunk.line)
