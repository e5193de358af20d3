"""Step ``dates``: the recorded date texts -> ``published`` and ``updated`` (ISO 8601).

Candidates are tried best first: a named field (``Published:``, front
matter), then a labelled date line (``This Article is From ...``,
``Updated ...``), then an unlabelled date line, then a dateline with a year.
A date with no year gives nothing (the year is never guessed), nor does a
relative time ("an hour ago"); ``updated`` is never copied into
``published``.  Slashed numeric dates are month-first in English and
day-first in other languages (see :mod:`convert.textparse.datetext`).
"""

from __future__ import annotations

import re

from convert.textparse.datetext import iso_from_text, needs_language
from convert.textparse.state import Candidate, ParseState

_SLASHED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_REGIONAL_ZONES = re.compile(r"\b(?:IST|CST|AST)\b")


def dates(state: ParseState) -> None:
    for name in ("published", "updated"):
        candidates = sorted(state.meta.date_texts.get(name, []), key=lambda c: c.rank)
        for candidate in candidates:
            iso = _resolve(state, name, candidate)
            if iso:
                setattr(state.meta, name, iso)
                break
        else:
            if candidates:
                state.decide(candidates[0].line, f"{name}: no full date (no year, or relative):"
                             f" left empty")


def _resolve(state: ParseState, name: str, candidate: Candidate) -> str | None:
    text = candidate.value
    language = ""
    if _SLASHED.search(text) or _REGIONAL_ZONES.search(text) or needs_language(text):
        language = state.article_language() or ""
    found = iso_from_text(text, day_first=bool(language) and not language.startswith("en"),
                          region=language)
    if found is None or found.iso is None:
        if candidate.rank == 0:
            state.meta.extra[f"{name}-text"] = text
            state.decide(candidate.line, f"{name} field {text!r} is not a date: kept in extra")
        return None
    if found.unknown_zone:
        state.warn("zone-unknown", f"time zone {found.unknown_zone!r} is not known: "
                   f"{name} kept without an offset", candidate.line)
    state.decide(candidate.line, f"{name}: {text!r} -> {found.iso}")
    return found.iso
