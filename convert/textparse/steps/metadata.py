"""Step ``metadata-lines``: header lines that are metadata, not text.

Looks at the lines above the body (and at short lines anywhere for explicit
fields such as ``Keywords:`` or ``Updated:``):

- ``Key: value`` fields with a known key (``Published:``, ``Source:``,
  ``Tags:``...), in any of the languages of :mod:`convert.textparse.fields`;
- date lines: a line that is one or two dates plus only label words
  (``This Article is From Oct 06, 2014``, ``Posted ... | Updated ...``,
  ``Publié le ... - Mis à jour le ...``, ``Обновлено ...``); the label says
  whether the date is the publication or the update time;
- lines made of ``|``-separated parts, each of them a byline, an editor, a
  title, an agency, a date or a field (``Reported by A, B | Edited by C |
  Updated: ...``);
- a wire slugline at the top (``BC-US--Pumpkin Contest,0398``);
- a dateline alone on a header line (``Strasburg, 4 lipca 2017 r.``): the dateline;
- a wire's time stamp among the last lines (``March 12, 2009 14:05 ET (18:05 GMT)``).

Dates are only recorded here; the ``dates`` step turns them into ISO 8601.
"""

from __future__ import annotations

import re

from convert.textparse.bylinetext import Applier, byline_part
from convert.textparse.datetext import (
    PUBLISHED_WORDS, RELATIVE_TIME, UPDATED_WORDS, WORD, FoundDate, find_dates, is_clock_time,
    is_date_label, is_updated_label, leftover_words,
)
from convert.textparse.datelinetext import (
    ends_with_labelled_day, record_dateline, standalone_dateline, uses_case,
)
from convert.textparse.fields import apply_field, field_for
from convert.textparse.inline import clean_text
from convert.textparse.state import Chunk, Line, ParseState

_FIELD = re.compile(r"^([^\W\d][\w .'’-]{0,30}?)\s*[:：]\s*(\S.*)$")
_SEGMENT_SPLIT = re.compile(r"(?:\s|&nbsp;)*\|(?:\s|&nbsp;)*|\u3000+|\s{3,}|\s[/·•]\s")
_DASH_SPLIT = re.compile(r"\s[-–—]\s")
_DATE_KINDS = ("date", "labelled-date")
_SLUGLINE = re.compile(r"^(?:[A-Z]{2,}-\S.*,\s?\d{3,4}|[A-Z][A-Z0-9]+(?:-[A-Z0-9]+){2,}/?)$")
#: Short single lines anywhere may hold explicit fields; longer ones are prose.
SHORT_LINE = 120
#: The most words of an unknown label before a date on a metadata line.
UNKNOWN_LABEL = 2
#: The last chunks of the text that may hold a wire's time stamp (copyright, contacts after).
TRAILER_CHUNKS = 3
#: The longest zone abbreviation after a time stamp (``GMT``, ``AEST``).
ZONE_LETTERS = 5
#: Brackets, ASCII and CJK (a time stamp may stand in them).
_BRACKETS = "()[]{}（）［］｛｝【】〔〕〈〉《》「」『』"
#: The most words of one fact on a separated metadata line.
FACT_WORDS = 6


def metadata_lines(state: ParseState) -> None:
    start = state.body_start()
    first_open = next((c for c in state.chunks if c.role is None), None)
    cased = uses_case(state.text)
    seen: list[frozenset[str]] = []  # the labels of the dates read so far
    for index, chunk in enumerate(state.chunks):
        if chunk.role is not None or chunk.kind != "text":
            continue
        in_header = index < start
        if chunk is first_open and in_header and _slugline(state, chunk):
            continue
        if not in_header and (len(chunk.lines) > 3 or len(chunk.text) > SHORT_LINE):
            for line in chunk.open_lines:
                _date_field_line(state, chunk, line)
            continue
        for line in chunk.open_lines:
            if in_header and _dateline_line(state, chunk, line, cased):
                continue
            _classify_line(state, chunk, line, in_header, seen)
    trailer = [c for c in state.chunks[start + 1:] if c.role is None and c.kind == "text"]
    for chunk in trailer[-TRAILER_CHUNKS:]:
        if _time_stamp(state, chunk):
            break


def _date_field_line(state: ParseState, chunk: Chunk, line: Line) -> None:
    """A short line of a longer block that is a date field (``Veröffentlicht: 18:33, 9. Dez.
    2012 (CET)`` among a page's unwrapped header lines): the date, not text."""
    if ":" not in line.text and "：" not in line.text or len(line.text) > 2 * SHORT_LINE:
        return  # no field (most lines of a body: skipped before any cleaning)
    text = clean_text(line.text)
    field = _FIELD.match(text) if len(text) <= SHORT_LINE else None
    if field is None or field_for(field.group(1)) not in ("published", "updated"):
        return
    dates = find_dates(field.group(2), day_first=True)
    if not dates or not dates[0].iso or leftover_words(field.group(2), dates):
        return
    apply_field(state, field.group(1), field.group(2), line.number)
    chunk.take(line, "metadata")


def _time_stamp(state: ParseState, chunk: Chunk) -> bool:
    """A block's last line that is a date with its time and nothing else but zones and
    brackets of any script (a wire's time stamp: ``March 12, 2009 14:05 ET (18:05 GMT)``,
    ``（2024/03/14-15:30）``, ``141530 MAR 24`` under the sign-off): the publication time."""
    lines = chunk.open_lines
    if not lines or len(lines[-1].text) > SHORT_LINE:
        return False
    text = clean_text(lines[-1].text)
    dates = find_dates(text, day_first=True)
    if not dates or text[:dates[0].start].strip(_BRACKETS + " ") or not dates[0].iso or (
            "T" not in dates[0].iso):
        return False
    rest = WORD.sub(lambda word: "" if word.group().upper() == word.group() and len(
        word.group()) <= ZONE_LETTERS else word.group(), text[dates[0].end:])
    if rest.strip(_BRACKETS + " ").strip("0123456789:"):
        return False
    state.meta.add_date("published", 2, text[dates[0].start:dates[0].end], lines[-1].number)
    state.decide(lines[-1].number, f"time stamp at the end: {text!r}")
    chunk.take(lines[-1], "metadata")
    return True


def _dateline_line(state: ParseState, chunk: Chunk, line: Line, cased: bool) -> bool:
    """A header line that is a dateline alone (``Strasburg, 4 lipca 2017 r.``), not a
    date line with label words: its place and date are the dateline's."""
    text = clean_text(line.text)
    found = standalone_dateline(text, cased) if find_dates(text, day_first=True) or (
        ends_with_labelled_day(text)) else None
    # One whose date is no date shape and that names an agency (``MADRID, 3 (EUROPA
    # PRESS)``) is the dateline step's, right above the body.
    if found is None or found.agency and not find_dates(text, day_first=True):
        return False
    record_dateline(state, line.number, text, found)
    if len(chunk.open_lines) == 1:
        state.claim(chunk, "dateline", "the dateline stands on a line of its own")
    else:
        chunk.take(line, "dateline")
    return True


def _slugline(state: ParseState, chunk: Chunk) -> bool:
    text = chunk.text
    if len(chunk.lines) != 1 or not _SLUGLINE.match(text):
        return False
    state.meta.slugline = text
    state.drop(chunk, "slugline")
    return True


def _classify_line(state: ParseState, chunk: Chunk, line: Line, in_header: bool,
                   seen: list[frozenset[str]]) -> None:
    role = state.roles.get(line.number) if in_header else None
    segments, dashed = _segments(line.text, role)
    text = " | ".join(segments)
    found = [_segment_kind(state, segment, in_header, seen, role) for segment in segments]
    if dashed:  # between spaced dashes only the dates are read; the rest are facts
        found = [part if part and part[0] in _DATE_KINDS else None for part in found]
    parts = [part for part in found if part is not None]
    if parts and len(parts) < len(found) and _facts_line(found, segments, role):
        # ``Transport · 4 min read · Published ...``: the section and reading time are
        # facts no field holds; the dates are read, the line is metadata.
        unread = [seg for seg, part in zip(segments, found) if part is None]
        state.decide(line.number, f"meta segments no field holds: {unread!r}")
    elif not parts or len(parts) < len(found):
        return
    kinds = {kind for kind, _ in parts}
    if len(parts) == 1 and kinds & {"byline", "editor", "role", "agency"}:
        return  # a plain byline line: the bylines step reads those
    if not in_header and kinds - {"field", "labelled-date"}:
        return
    if kinds <= {"role", "agency"}:
        return
    for _, apply in parts:
        apply(line.number)
    chunk.take(line, "metadata")
    state.decide(line.number, f"metadata line ({', '.join(k for k, _ in parts)}): {text!r}")


def _segments(text: str, role: str | None) -> tuple[list[str], bool]:
    """A line's parts between separators, and whether spaced dashes were the separators:
    a line the header roles call metadata is split on those too (``President's News -
    2017.6.21``).  A part that is only a time stays with the date before it (``14.03.2024
    | 15:20``)."""
    parts = [clean_text(s) for s in _SEGMENT_SPLIT.split(text) if clean_text(s)]
    dashed = len(parts) == 1 and role == "meta"
    if dashed:
        parts = [clean_text(s) for s in _DASH_SPLIT.split(text) if clean_text(s)]
    segments: list[str] = []
    for part in parts:
        if segments and is_clock_time(part) and find_dates(segments[-1], day_first=True):
            segments[-1] = f"{segments[-1]} | {part}"
        else:
            segments.append(part)
    return segments, dashed and len(segments) > 1


def _facts_line(found: list[tuple[str, Applier] | None], segments: list[str],
                role: str | None) -> bool:
    """A header line the roles call metadata, split on separators into short facts, one
    of them at least a date: the parts nothing reads are facts too (section, reading time)."""
    return role == "meta" and len(segments) >= 2 and any(
        part is not None and part[0] in _DATE_KINDS for part in found) and all(
        len(segment.split()) <= FACT_WORDS for segment in segments)


def _segment_kind(state: ParseState, segment: str, in_header: bool,
                  seen: list[frozenset[str]], role: str | None = None
                  ) -> tuple[str, Applier] | None:
    """What one segment is, and how to store it; None when it is not metadata.

    A date with label words no list has (``Imechapishwa:``, ``Actualitzat:``, ``פורסם:``)
    is still a labelled date when the header roles call its line metadata; the label
    is then read by its likeness to the known ones (see ``is_updated_label``)."""
    segment = segment.strip()
    if in_header and RELATIVE_TIME.match(segment):
        return "relative-time", lambda line: state.decide(
            line, f"relative time {segment!r}: no date can be given")
    dates = find_dates(segment, day_first=True)
    if dates and all(d.iso for d in dates):
        labels = [w.casefold() for w in leftover_words(segment, dates)]
        known = all(w in PUBLISHED_WORDS or w in UPDATED_WORDS for w in labels)
        # One label word a date, one of them a date label or its cognate (``Publisert ...
        # Oppdatert ...``): a date line whatever role the header gave it.
        labelled = in_header and len(labels) <= len(dates) and any(map(is_date_label, labels))
        # ``Foilsithe: 05/03/2024 14:32``: a key no list has, and a value that is only dates.
        keyed = _FIELD.match(segment)
        labelled = labelled or in_header and keyed is not None and len(
            labels) <= UNKNOWN_LABEL and not leftover_words(
            segment[keyed.start(2):], find_dates(segment[keyed.start(2):], day_first=True))
        if known and (labels or in_header) or labelled or (
                role == "meta" and len(labels) <= UNKNOWN_LABEL):
            kind = "labelled-date" if labels else "date"
            return kind, lambda line: _record_dates(state, segment, dates, line, seen)
    field = _FIELD.match(segment)
    if field and field_for(field.group(1)):
        return "field", lambda line: apply_field(state, field.group(1), field.group(2), line)
    byline = byline_part(state, segment)
    if byline is not None and in_header:
        return byline
    return None


def _record_dates(state: ParseState, segment: str, dates: list[FoundDate], line: int,
                  seen: list[frozenset[str]]) -> None:
    """Store each date under ``published`` or ``updated`` by the label before it.

    A label no list knows is read by its place: the first labelled date of the header is
    the publication, a later one under another label the update (``Publisert ...
    Oppdatert ...``, ``Birt ...`` then ``Uppfært ...``: every site names them in that order).
    """
    position = 0
    for found in dates:
        label = frozenset(w.casefold() for w in WORD.findall(segment[position:found.start]))
        position = found.end
        if any(is_updated_label(word) for word in label):
            name = "updated"
        elif label and seen and label != seen[0] and not label & PUBLISHED_WORDS:
            name = "updated"
        else:
            name = "published"
        if label:
            seen.append(label)
        rank = 1 if label else 2
        state.meta.add_date(name, rank, segment[found.start:found.end], line)
        state.decide(line, f"{name} date ({'labelled' if label else 'date line'}): "
                     f"{segment[found.start:found.end]!r}")
