"""Step ``dateline``: the place/date/agency prefix of the first body paragraph.

Shapes (the prefix is removed from the paragraph):

- ``FRANKFURT, Oct 6 (Reuters) - ``, ``Madrid, 6 oct (EFE).- ``,
  ``القاهرة (رويترز) - ``: place, optional date, agency in parentheses;
- ``SEATTLE, Oct. 6, 2014 /PRNewswire/ -- ``, ``МОСКВА, 6 апреля. /ТАСС/. ``:
  agency between slashes;
- ``HALIFAX, N.S. — ``, ``MONTRÉAL — ``: an upper-case place and a dash;
- ``Moscow: ``, ``New Delhi: ``: a short capitalised place and a colon;
- ``(Bloomberg) -- ``: an agency alone (no place);
- ``新华社北京3月5日电（记者王晓明、李华）``: agency, place, date, ``电`` and the
  reporters, who are bylines.

The agency named here is the preferred source.  A year in the dateline date
makes it a (low-priority) publication date.
"""

from __future__ import annotations

import re

from convert.model import Dateline
from convert.textparse.datetext import MONTHS
from convert.textparse.fields import field_for
from convert.textparse.names import split_parts
from convert.textparse.state import Chunk, ParseState

_SEPARATOR = r"\s*(?:[-–—]{1,2}|\.\s?-|\.)\s+"
_WITH_PARENS = re.compile(
    rf"^(?P<head>[^()]{{2,80}}?)\s*\((?P<agency>[^()\d]{{2,40}})\)(?:{_SEPARATOR}|\s*:\s+)")
_WITH_SLASHES = re.compile(
    rf"^(?P<head>[^/()]{{2,80}}?)\s*/(?P<agency>[^/\d]{{2,30}})/{_SEPARATOR}")
_CAPS_DASH = re.compile(r"^(?P<head>[^:()]{2,60}?)\s+(?:[-–—]{1,2})\s+")
_COLON = re.compile(r"^(?P<head>[^:()\d]{2,30}?):\s+")
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[^()\d]{2,40})\)\s*[-–—]{1,2}\s+")
_CJK = re.compile(
    r"^(?P<agency>[\u4e00-\u9fff]{1,6}社)(?P<head>[\u4e00-\u9fff]{2,8}?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)电(?:[（(](?P<credits>[^）)]{1,60})[）)])?")
_CREDIT_WORD = re.compile(r"^(?:记者|通讯员|实习生)")
_PARTICLES = {"de", "del", "da", "do", "di", "la", "le", "el", "al", "of", "on", "upon", "am",
              "an", "der", "im", "sur", "en", "y", "i", "and", "et", "und"}
#: Labels that end in a colon like a "Place: " dateline but are not places.
NOT_PLACES = {"update", "updated", "note", "editor's note", "editor’s note", "correction",
              "clarification", "breaking", "breaking news", "exclusive", "analysis", "opinion",
              "watch", "video", "live", "photo", "file photo", "read more", "also read",
              "warning", "disclaimer", "summary", "background", "q", "a", "quote"}
#: How many of the first open chunks may hold the dateline (a caption can come first).
SEARCH_CHUNKS = 2


def dateline(state: ParseState) -> None:
    start = state.body_start()
    candidates = [c for c in state.chunks[start:] if c.role is None and c.kind == "text"]
    for chunk in candidates[:SEARCH_CHUNKS]:
        if _read_dateline(state, chunk):
            state.first_body = chunk
            return


def _read_dateline(state: ParseState, chunk: Chunk) -> bool:
    text = chunk.text
    cjk = _CJK.match(text)
    if cjk:
        _found(state, chunk, cjk.group(0), cjk["head"], cjk["date"], cjk["agency"])
        for name in split_parts(cjk["credits"] or ""):
            name = _CREDIT_WORD.sub("", name).strip()
            if name and state.meta.add_byline(name):
                state.decide(chunk.line, f"byline from the dateline: {name!r}")
        return True
    only = _AGENCY_ONLY.match(text)
    if only:
        _found(state, chunk, only.group(0), None, None, only["agency"].strip())
        return True
    for pattern, caps_only in ((_WITH_PARENS, False), (_WITH_SLASHES, False),
                               (_CAPS_DASH, True), (_COLON, False)):
        match = pattern.match(text)
        if not match:
            continue
        parsed = _place_and_date(match["head"], caps_only, colon=pattern is _COLON)
        if parsed is None:
            continue
        agency = match.groupdict().get("agency")
        _found(state, chunk, match.group(0), parsed[0], parsed[1],
               agency.strip() if agency else None)
        return True
    return False


def _place_and_date(head: str, caps_only: bool, colon: bool) -> tuple[str, str | None] | None:
    parts = [p.strip() for p in head.strip(" ,").split(",")]
    place_parts: list[str] = [parts[0]]
    date_text: str | None = None
    for index, part in enumerate(parts[1:], 1):
        if _is_date(part):
            date_text = ", ".join(parts[index:]).strip(" .")
            break
        place_parts.append(part)
    place_parts[-1] = _without_final_stop(place_parts[-1])
    if colon and (date_text or len(place_parts) > 1 or field_for(place_parts[0])
                  or place_parts[0].casefold() in NOT_PLACES):
        return None
    if not all(_is_place(p, caps_only and i == 0) for i, p in enumerate(place_parts)):
        return None
    if colon and len(place_parts[0].split()) > 3:
        return None
    return ", ".join(place_parts), date_text


def _without_final_stop(place: str) -> str:
    """``МОСКВА.`` -> ``МОСКВА``, but abbreviations keep their dot (``N.S.``, ``Ill.``)."""
    if not place.endswith("."):
        return place
    word = place.split()[-1][:-1]
    return place[:-1] if "." not in word and (word.isupper() or len(word) > 5) else place


def _is_date(part: str) -> bool:
    words = re.findall(r"[^\W\d_]+", part.casefold())
    return bool(re.search(r"\d", part)) and all(w in MONTHS for w in words) and len(words) <= 2


def _is_place(part: str, caps: bool) -> bool:
    words = part.split()
    if not words or len(words) > 5 or len(part) > 40 or re.search(r"\d", part):
        return False
    letters = [ch for ch in part if ch.isalpha()]
    if not letters:
        return False
    if caps:
        return all(not ch.islower() for ch in letters) and any(ch.isupper() for ch in letters)
    if not any(ch.isupper() or ch.islower() for ch in letters):
        return True  # a script without case (Arabic, Hebrew...)
    return all(w[0].isupper() or w.casefold() in _PARTICLES for w in words) and words[0][0].isupper()


def _found(state: ParseState, chunk: Chunk, prefix: str, place: str | None,
           date_text: str | None, agency: str | None) -> None:
    chunk.prefix = prefix
    state.meta.dateline = Dateline(place, date_text)
    state.decide(chunk.line, f"dateline {prefix.strip()!r}: place {place!r}, date {date_text!r}"
                 + (f", agency {agency!r}" if agency else ""))
    if agency:
        state.meta.add_source(1, agency, chunk.line)
    if date_text:
        state.meta.add_date("published", 3, date_text, chunk.line)
