"""Step ``dateline``: the place/date/agency prefix of the first body paragraph.

Shapes (the prefix is removed from the paragraph):

- ``FRANKFURT, Oct 6 (Reuters) - ``, ``Madrid, 6 oct (EFE).- ``,
  ``القاهرة (رويترز) - ``, ``DES MOINES, Iowa (AP) _ ``: place, optional date, agency in
  parentheses; with no separator after the agency only when a date is there
  (``New Delhi, Jan 5 (IANS) ``, ``लखनऊ, 12 अगस्त (भाषा) ``);
- ``SEATTLE, Oct. 6, 2014 /PRNewswire/ -- ``, ``МОСКВА, 6 апреля. /ТАСС/. ``:
  agency between slashes;
- ``HALIFAX, N.S. — ``, ``MONTRÉAL — ``: an upper-case place and a dash, with a known
  agency as the last word (``SYDNEY, June 3 AAP - ``) or an agency sentence after the
  dash (``НОВОСИБИРСК, 3 фев - РИА Новости. ``);
- ``МОСКВА. 15 марта. ИНТЕРФАКС - ``: place, date and agency ended by full stops;
- ``Moscow: ``, ``New Delhi: ``: a short capitalised place and a colon;
- ``(Bloomberg) -- ``: an agency alone, possibly followed by the place and date
  (``(ANSA) - ROMA, 12 GIU - ``);
- ``新华社北京3月5日电（记者王晓明、李华）``, ``中新网上海6月8日电 (记者 陈静)``: agency,
  place, date, ``电`` and the reporters, who are bylines;
- ``（中央社記者王小明台北5日電）`` (agency, reporters, place, day);
- ``MADRID, 3 (EUROPA PRESS)``, ``AUSTIN, Texas, Feb. 1, 2017 /PRNewswire/ --`` alone
  on the line above the first paragraph;
- ``【東京共同】`` (place and agency), ``【6月18日 AFP】`` (date and agency), ``(서울=연합뉴스) 김민수 기자 = `` (place, agency,
  reporters).

The agency named here is the preferred source.  A year in the dateline date
makes it a (low-priority) publication date.
"""

from __future__ import annotations

import re

from convert.model import Dateline
from convert.textparse.datetext import MONTHS, WORD
from convert.textparse.fields import field_for
from convert.textparse.names import AGENCY_WORDS, is_agency, split_parts
from convert.textparse.state import Chunk, ParseState

#: What ends a dateline: a dash, ``.-``, a full stop or an underscore before a space, or
#: a dash (``--``, ``.—``) glued to the text (``NEW YORK (Dow Jones)--Harlan``).
_SEPARATOR = r"\s*(?:(?:[-–—]{1,2}|\.\s?-|\.|_)\s+|\.?(?:--|—)(?=\S))"
_WITH_PARENS = re.compile(
    rf"^(?P<head>[^()]{{2,80}}?)\s*\((?P<agency>[^()\d]{{2,40}})\)(?:{_SEPARATOR}|\s*:\s+)")
#: ``लखनऊ, 12 अगस्त (भाषा) text``, ``New Delhi, Jan 5 (IANS) The``: no separator after
#: the agency; only taken when the head holds a date, which makes it a dateline.
_PARENS_BARE = re.compile(r"^(?P<head>[^()]{2,80}?)\s*\((?P<agency>[^()\d]{2,40})\)\s+(?=\S)")
_WITH_SLASHES = re.compile(
    rf"^(?P<head>[^/()]{{2,80}}?)\s*/(?P<agency>[^/\d]{{2,30}})/{_SEPARATOR}")
_CAPS_DASH = re.compile(r"^(?P<head>[^:()]{2,60}?)(?:\s+(?:[-–—]{1,2}|_)\s+|\.[-–—]{1,2}\s*)")
_COLON = re.compile(r"^(?P<head>[^:()\d]{2,30}?):\s+")
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[^()\d]{2,40})\)\s*[-–—]{1,2}\s+")
#: ``МОСКВА. 15 марта. ИНТЕРФАКС - ``: place, date and agency ended by full stops.
_DOTTED = re.compile(r"^(?P<head>[^.()\d]{2,40}?)\.\s+(?P<date>[^.()]{2,30}?)\.\s+"
                     r"(?P<agency>[^\W\d][^.()\d]{1,30}?)\s+[-–—]{1,2}\s+")
#: ``Rīga, 12.marts, LETA. ``: place, date and an agency in capitals, set off by commas.
_COMMA_AGENCY = re.compile(r"^(?P<head>(?:[^().]|\.(?=\S)){2,60}?),\s*(?P<agency>[^\W\d_]{2,12})[.:]\s+(?=\S)")
#: ``РИА Новости. `` right after the place/date separator: the agency closes the dateline.
_AGENCY_AFTER = re.compile(r"^(?P<agency>[^\W\d][^.!?()\d]{1,30}?)\.\s+")
_CJK = re.compile(
    r"^(?P<agency>[\u4e00-\u9fff]{1,6}?[社网網台])(?P<head>[\u4e00-\u9fff]{2,8}?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)[电電]\s*(?:[（(](?P<credits>[^）)]{1,60})[）)])?")
#: Taiwan's CNA: ``（中央社記者王小明台北5日電）``: agency, reporters, place, day, 電.
_CJK_BRACKETED = re.compile(
    r"^[（(](?P<agency>[\u4e00-\u9fff]{1,6}?[社网網台])(?:記者|记者)"
    r"(?P<names>[\u4e00-\u9fff、]{3,40}?)(?P<date>\d{1,2}日)[电電][）)]")
#: Dateline places of three or more characters; any other place is taken as the last
#: two characters before the date (``王小明台北``: the reporter, then 台北).
LONG_CJK_PLACES = ("華盛頓", "华盛顿", "莫斯科", "布魯塞爾", "布鲁塞尔", "耶路撒冷", "舊金山",
                   "旧金山", "洛杉磯", "洛杉矶", "新加坡", "雅加達", "雅加达", "吉隆坡", "聯合國",
                   "联合国", "日內瓦", "日内瓦", "維也納", "维也纳", "烏魯木齊", "乌鲁木齐",
                   "呼和浩特", "石家莊", "石家庄", "哈爾濱", "哈尔滨", "齊齊哈爾", "齐齐哈尔")
#: A dateline on a line of its own: ``MADRID, 3 (EUROPA PRESS)``.
_STANDALONE = re.compile(
    r"^(?P<head>[^()/]{2,60}?)\s*(?:\((?P<agency>[^()\d]{2,40})\)|/(?P<slashed>[^/\d]{2,40})/)"
    r"\s*(?:[-–—]{1,2}|[.:])?$")
#: Japanese ``【東京共同】`` (place + agency) and ``【ワシントン＝山田太郎】`` (place = reporter).
_LENTICULAR = re.compile(
    r"^【(?:(?P<date>\d{1,2}月\d{1,2}日)\s*(?P<dated_agency>[^】\d]{2,20})|"
    r"(?P<head>[^】＝=]{1,20}?)(?:(?P<agency>AFP時事|共同|時事|ロイター|新華社)|"
    r"[=＝](?P<credits>[^】]{1,30})))】\s*")
#: Korean ``(서울=연합뉴스) 김민수 기자 = ``: place = agency, then the reporters.
_PLACE_EQUALS = re.compile(
    r"^[(（](?P<head>[^()（）=＝]{1,20})[=＝](?P<agency>[^()（）=＝]{1,20})[)）]\s*"
    r"(?:(?P<credits>[^=＝()（）]{1,40}?)\s*[=＝]\s*)?")
#: Titles around the names in a reporter credit (``记者``, ``기자``, ``特派員``).
_CREDIT_TITLE = re.compile(r"记者|通讯员|实习生|記者|特派員|編集委員|기자|특파원|통신원")
_DATE_CONNECTORS = {"de", "del", "di", "of", "the", "y"}
_PARTICLES = {"de", "del", "da", "do", "di", "la", "le", "el", "al", "of", "on", "upon", "am",
              "an", "der", "im", "sur", "en", "y", "i", "and", "et", "und"}
#: Labels that end in a colon like a "Place: " dateline but are not places.
NOT_PLACES = {"update", "updated", "note", "editor's note", "editor’s note", "correction",
              "clarification", "breaking", "breaking news", "exclusive", "analysis", "opinion",
              "watch", "video", "live", "photo", "file photo", "read more", "also read",
              "warning", "disclaimer", "summary", "background", "q", "a", "quote"}
#: The longest abbreviated word of a date (``mar.``, ``d.``).
ABBREVIATION = 4
#: How many of the first open chunks may hold the dateline (a caption can come first).
SEARCH_CHUNKS = 2


def dateline(state: ParseState) -> None:
    start = state.body_start()
    candidates = [c for c in state.chunks[start:] if c.role is None and c.kind == "text"]
    if start and candidates and _standalone(state, state.chunks[start - 1]):
        state.first_body = candidates[0]
        return
    for chunk in candidates[:SEARCH_CHUNKS]:
        if _read_dateline(state, chunk):
            state.first_body = chunk
            return


def _read_dateline(state: ParseState, chunk: Chunk) -> bool:
    text = chunk.text
    bracketed = _CJK_BRACKETED.match(text)
    if bracketed:
        _cjk_bracketed(state, chunk, bracketed)
        return True
    for pattern in (_CJK, _LENTICULAR, _PLACE_EQUALS):
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            head = match["head"].strip() if match["head"] else None
            _found(state, chunk, match.group(0), head, groups.get("date"),
                   match["agency"] or groups.get("dated_agency"))
            _credited_reporters(state, chunk, match["credits"] or "")
            return True
    only = _AGENCY_ONLY.match(text)
    if only:
        then = _CAPS_DASH.match(text[only.end():])
        parsed = _place_and_date(then["head"], caps_only=True, colon=False) if then else None
        prefix = text[:only.end() + then.end()] if then and parsed else only.group(0)
        place, date_text = parsed if parsed else (None, None)
        _found(state, chunk, prefix, place, date_text, only["agency"].strip())
        return True
    comma = _COMMA_AGENCY.match(text)
    parsed = _place_and_date(comma["head"], caps_only=False, colon=False) if comma and (
        comma["agency"].isupper() or is_agency(comma["agency"])) else None
    if comma and parsed and parsed[1]:
        _found(state, chunk, comma.group(0), parsed[0], parsed[1], comma["agency"])
        return True
    dotted = _DOTTED.match(text)
    if dotted and _is_date(dotted["date"]) and _is_place(dotted["head"], caps=True) and (
            is_agency(dotted["agency"]) or dotted["agency"].isupper()):
        _found(state, chunk, dotted.group(0), dotted["head"], dotted["date"],
               dotted["agency"])
        return True
    for pattern, caps_only in ((_WITH_PARENS, False), (_WITH_SLASHES, False),
                               (_CAPS_DASH, True), (_COLON, False), (_PARENS_BARE, False)):
        match = pattern.match(text)
        if not match:
            continue
        head, agency = match["head"], match.groupdict().get("agency")
        if agency is None:
            head, agency = _agency_at_end(head)
        parsed = _place_and_date(head, caps_only, colon=pattern is _COLON)
        if parsed is None or pattern is _PARENS_BARE and parsed[1] is None:
            continue
        prefix = match.group(0)
        after = _AGENCY_AFTER.match(text[match.end():]) if agency is None else None
        if after and is_agency(after["agency"]):
            prefix, agency = text[:match.end() + after.end()], after["agency"]
        _found(state, chunk, prefix, parsed[0], parsed[1], agency.strip() if agency else None)
        return True
    return False


def _standalone(state: ParseState, chunk: Chunk) -> bool:
    """A line above the first paragraph that is only a dateline (upper-case place)."""
    match = _STANDALONE.match(chunk.text) if chunk.role is None and chunk.kind == "text" else None
    parsed = _place_and_date(match["head"], caps_only=True, colon=False) if match else None
    if match is None or parsed is None:
        return False
    _found(state, chunk, chunk.text, parsed[0], parsed[1], match["agency"] or match["slashed"])
    state.claim(chunk, "dateline", "the dateline stands on a line of its own")
    return True


def _cjk_bracketed(state: ParseState, chunk: Chunk, match: re.Match[str]) -> None:
    names = match["names"]
    place = next((p for p in LONG_CJK_PLACES if names.endswith(p)), names[-2:])
    _found(state, chunk, match.group(0), place, match["date"], match["agency"])
    _credited_reporters(state, chunk, names[:-len(place)])


def _agency_at_end(head: str) -> tuple[str, str | None]:
    """``SYDNEY, June 3 AAP``: a known agency as the head's last word (no brackets)."""
    words = head.split()
    last = words[-1] if len(words) > 1 else ""
    if last.isupper() and last.casefold() in AGENCY_WORDS:
        return head[:head.rindex(last)].rstrip(), last
    return head, None


def _credited_reporters(state: ParseState, chunk: Chunk, credits: str) -> None:
    """Reporters named in the dateline (``记者王晓明、李华``, ``김민수 기자``) are bylines."""
    for part in split_parts(credits):
        part = _CREDIT_TITLE.sub(" ", part).strip()
        caseless = not any(ch.isupper() or ch.islower() for ch in part)
        for name in part.split() if caseless else [part]:
            if state.meta.add_byline(name):
                state.decide(chunk.line, f"byline from the dateline: {name!r}")


def _place_and_date(head: str, caps_only: bool, colon: bool) -> tuple[str, str | None] | None:
    head = head.strip(" ,،")
    parts = [(m.start(), m.group().strip()) for m in re.finditer(r"[^,،]+", head)]
    place_parts: list[str] = []
    date_text: str | None = None
    place_end = len(head)
    for index, (start, part) in enumerate(parts):
        if index and _is_date(part):
            date_text, place_end = _date_stop(head[start:].strip()), start
            break
        place_parts.append(part)
    if date_text is None and len(place_parts) == 1:
        place_parts, date_text, place_end = _date_at_end(head)
    if not place_parts or not place_parts[-1]:
        return None
    place_parts[-1] = _without_final_stop(place_parts[-1])
    if colon and (date_text or len(place_parts) > 1 or field_for(place_parts[0])
                  or place_parts[0].casefold() in NOT_PLACES):
        return None
    if not all(_is_place(p, caps_only and i == 0) for i, p in enumerate(place_parts)):
        return None
    if colon and len(place_parts[0].split()) > 3:
        return None
    return _without_final_stop(head[:place_end].strip(" ,،")), date_text


def _date_at_end(head: str) -> tuple[list[str], str | None, int]:
    """``Brno 12. března``, ``الكويت - 12 - 3``: a date after the place with no comma
    between them (the longest run of words at the end that reads as a date)."""
    words = list(re.finditer(r"\S+", head))
    for index in range(1, len(words)):
        start = words[index].start()
        rest = head[start:].strip(" .-–—")
        if rest and _is_date(rest):
            place = head[:start].strip(" ,،-–—")
            return [place], _date_stop(head[start:].strip(" -–—")), start
    return [head.strip()], None, len(head)


def _date_stop(date_text: str) -> str:
    """A dateline date as written: the final stop of an abbreviation or an ordinal stays
    (``12 mar.``, ``kovo 12 d.``, ``12. ožujka 2019.``); after a full month name it is
    the dateline's punctuation (``6 апреля.``)."""
    date_text = date_text.strip(" ")
    last = date_text.rstrip(".").split()[-1:] or [""]
    if date_text.endswith(".") and (len(last[0]) > ABBREVIATION or not date_text[:1].isdigit()
                                    and last[0].isdigit() and len(last[0]) < 4):
        return date_text.rstrip(". ")
    return date_text


def _without_final_stop(place: str) -> str:
    """``МОСКВА.`` -> ``МОСКВА``, but abbreviations keep their dot (``N.S.``, ``Ill.``)."""
    if not place.endswith("."):
        return place
    word = place.split()[-1][:-1]
    return place[:-1] if "." not in word and (word.isupper() or len(word) > 5) else place


def _is_date(part: str) -> bool:
    """``Oct. 6``, ``6 апреля``, ``9 de abril de 2018``, ``12 अगस्त``: digits and month words."""
    words = WORD.findall(part.casefold())
    months = [w for w in words if w in MONTHS]
    # Beside a month name, a word of one or two letters is an abbreviation (``kovo 12 d.``).
    return bool(re.search(r"\d", part)) and len(months) <= 2 and all(
        w in MONTHS or w in _DATE_CONNECTORS or (months and len(w) <= 2) for w in words
    ) and len(words) <= 4


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
    agency = agency.strip() if agency else None
    chunk.prefix = prefix
    state.meta.dateline = Dateline(place, date_text)
    state.decide(chunk.line, f"dateline {prefix.strip()!r}: place {place!r}, date {date_text!r}"
                 + (f", agency {agency!r}" if agency else ""))
    if agency:
        state.meta.add_source(1, agency, chunk.line)
    if date_text:
        state.meta.add_date("published", 3, date_text, chunk.line)
