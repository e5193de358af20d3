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

from convert.textparse.datelinetext import (
    ABBREVIATION, Head, Standalone, date_set_off, date_stop, is_date, is_place, place_and_date,
    record_dateline, standalone_dateline, stopped_dateline, uses_case,
)
from convert.textparse.datetext import MARKS, WORD
from convert.textparse.inline import clean_text
from convert.textparse.names import AGENCY_WORDS, CREDIT_TITLE, is_agency, split_parts
from convert.textparse.state import Chunk, ParseState, looks_like_prose

#: What ends a dateline: a dash, ``.-``, a full stop (of any script: ``։``, ``।``, ``።``)
#: or an underscore before a space, Ethiopic ``፡-``, or a dash (``--``, ``.—``) glued to
#: the text (``NEW YORK (Dow Jones)--Harlan``).
_SEPARATOR = r"\s*(?:(?:[-–—]{1,2}|\.\s?-|[.։।॥።]|_)\s+|፡-\s*|\.?(?:--|—)(?=\S))"
#: A region or country in round or square brackets inside a dateline head (``Kochi
#: (Kerala) [India], March 14 (ANI): ``).
_REGION = r"\([^()\d]{1,30}\)|\[[^\[\]\d]{1,30}\]"
_WITH_PARENS = re.compile(
    rf"^(?P<head>(?:[^()\[\]]|{_REGION}){{2,80}}?)\s*\((?P<agency>[^()\d]{{2,40}})\)"
    rf"(?:{_SEPARATOR}|\s*:\s+|(?P<glued>-)(?=[^\W\d_]))")
#: ``लखनऊ, 12 अगस्त (भाषा) text``, ``New Delhi, Jan 5 (IANS) The``: no separator after
#: the agency; taken when the head holds a date, or is a place of one or two words in
#: capitals or in a script without case (``لاہور(اے پی پی) ``).
_PARENS_BARE = re.compile(r"^(?P<head>[^()]{2,80}?)\s*\((?P<agency>[^()\d]{2,40})\)\s+(?=\S)")
BARE_PLACE_WORDS = 2
#: ... with no separator after the second slash when a date vouches for the head
#: (``الشارقة في 14 مارس / وام / أعلنت``).
_WITH_SLASHES = re.compile(
    rf"^(?P<head>[^/()]{{2,80}}?)\s*/(?P<agency>[^/\d]{{2,30}})/(?:{_SEPARATOR}|(?P<glued>\s+))")
#: ``HALIFAX, N.S. — ``, ``Bukarest (Rumänien), 09.12.2012 – ``: a head (a region in
#: brackets allowed) and a dash.
_CAPS_DASH = re.compile(
    r"^(?P<head>(?:[^:()]|\([^()\d]{1,30}\)){2,60}?)(?:\s*(?:[-–—]{1,2}|_)\s+|\.[-–—]{1,2}\s*)")
#: ``Moscow: ``, ``ភ្នំពេញ៖ ``: a short place and a colon.
_COLON = re.compile(r"^(?P<head>[^:()\d៖]{2,30}?)[:៖]\s*(?=\S)")
#: A label whose value is set off by a run of spaces: a form's field (``WHAT:      ...``).
_ALIGNED_VALUE = re.compile(r"^\s*[^:]{1,30}:[ \t]{3,}\S")
#: ``சென்னை, மார்ச் 5: ``: a place and a date, then a colon.
_DATED_COLON = re.compile(r"^(?P<head>[^:()៖]{2,40}?\d[^:()៖]{0,20}?)[:៖]\s+(?=\S)")
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[^()\d]{2,40})\)\s*[-–—]{1,2}\s+")
#: ``(Washington, D.C., Aug. 28, 2020) – ``, ``(05.04.2017) – ``: the whole dateline in
#: brackets, with a date.
_IN_BRACKETS = re.compile(r"^\((?P<head>[^()]{2,60})\)\s*[-–—]{1,2}\s+")
#: ``МОСКВА. 15 марта. ИНТЕРФАКС - ``: place, date and agency ended by full stops.
_DOTTED = re.compile(r"^(?P<head>[^.()\d]{2,40}?)\.\s+(?P<date>[^.()]{2,30}?)\.\s+"
                     r"(?P<agency>[^\W\d][^.()\d]{1,30}?)\s+[-–—]{1,2}\s+")
#: ``Rīga, 12.marts, LETA. ``, ``ԵՐԵՎԱՆ, 14 ՄԱՐՏԻ, ԱՐՄԵՆՊՐԵՍ։ ``: place, date and an agency
#: in capitals, set off by commas.
_COMMA_AGENCY = re.compile(
    rf"^(?P<head>(?:[^().]|\.(?=\S)){{2,60}}?),\s*(?P<agency>(?:[^\W\d_]|[{MARKS}\u200c\u200d])"
    rf"{{2,16}})(?P<stop>[.:։])\s+(?=\S)")
#: In a script without case, ``విజయవాడ, న్యూస్‌టుడే: `` (place, the paper's credit, a colon)
#: needs no date; the place has at most this many words.
CREDIT_PLACE_WORDS = 2
#: ``РИА Новости. `` right after the place/date separator, or ``ایرنا - `` (``اصفهان -
#: ایرنا - ``): the agency closes the dateline.
_AGENCY_AFTER = re.compile(r"^(?P<agency>[^\W\d][^.!?()\d]{1,30}?)(?:\.\s+|\s*[-–—]{1,2}\s+)")
#: The most words of an agency that closes a dateline and no list names.
AGENCY_AFTER_WORDS = 3
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
#: Japanese ``【東京共同】`` (place + agency) and ``【ワシントン＝山田太郎】`` (place = reporter);
#: ``【明報專訊】`` (a paper's dispatch: the source).
_LENTICULAR = re.compile(
    r"^【(?:(?P<date>\d{1,2}月\d{1,2}日)\s*(?P<dated_agency>[^】\d]{2,20})|"
    r"(?P<head>[^】＝=]{1,20}?)(?:(?P<agency>AFP時事|共同|時事|ロイター|新華社)|"
    r"[=＝](?P<credits>[^】]{1,30}))|(?P<dispatch>[\u4e00-\u9fff]{2,8}?)[專专]?[訊讯電电])】\s*")
#: Korean ``(서울=연합뉴스) 김민수 기자 = ``: place = agency, then the reporters.
_PLACE_EQUALS = re.compile(
    r"^[(（](?P<head>[^()（）=＝]{1,20})[=＝](?P<agency>[^()（）=＝]{1,20})[)）]\s*"
    r"(?:(?P<credits>[^=＝()（）]{1,40}?)\s*[=＝]\s*)?")
#: How many of the first open chunks of prose may hold the dateline (a caption can come
#: first; short lines between them are searched too).
SEARCH_CHUNKS = 2


def dateline(state: ParseState) -> None:
    start = state.body_start()
    candidates = [c for c in state.chunks[start:] if c.role is None and c.kind == "text"]
    cased = uses_case(state.text)
    if start and candidates and _standalone(state, state.chunks[start - 1], cased):
        state.first_body = candidates[0]
        return
    prose = 0
    for index, chunk in enumerate(candidates):
        if _read_dateline(state, chunk, cased, late=index >= SEARCH_CHUNKS):
            state.first_body = chunk
            return
        # Short lines before the story (a notice, a caption) do not count.
        prose += looks_like_prose(chunk.text)
        if prose >= SEARCH_CHUNKS:
            return


def _read_dateline(state: ParseState, chunk: Chunk, cased: bool, late: bool = False) -> bool:
    """The dateline at the start of ``chunk``; a ``late`` chunk (after short lines beyond
    the first candidates) is not read for the weakest shape, ``Place: ``."""
    text = chunk.text
    lines = chunk.open_lines
    # ``Bakı, 5 mart, AZƏRTAC`` on the paragraph's first line, the story on the next.
    alone = standalone_dateline(clean_text(lines[0].text), cased) if len(lines) > 1 else None
    if alone is not None and text.startswith(clean_text(lines[0].text)):
        chunk.prefix = clean_text(lines[0].text)
        record_dateline(state, chunk.line, chunk.prefix, alone)
        return True
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
                   match["agency"] or groups.get("dated_agency") or groups.get("dispatch"))
            _credited_reporters(state, chunk, match["credits"] or "")
            return True
    only = _AGENCY_ONLY.match(text)
    if only:
        then = _CAPS_DASH.match(text[only.end():])
        parsed = _after_agency(then["head"], cased) if then else None
        prefix = text[:only.end() + then.end()] if then and parsed else only.group(0)
        place, date_text = parsed if parsed else (None, None)
        _found(state, chunk, prefix, place, date_text, only["agency"].strip())
        return True
    if _in_brackets(state, chunk, cased):
        return True
    comma = _COMMA_AGENCY.match(text)
    caseless = comma is not None and not any(
        ch.isupper() or ch.islower() for ch in comma["head"] + comma["agency"])
    parsed = place_and_date(comma["head"], Head(cased=cased)) if comma and (
        comma["agency"].isupper() or is_agency(comma["agency"]) or caseless) else None
    if comma and parsed and (parsed[1] or caseless and comma["stop"] == ":" and len(
            parsed[0].split()) <= CREDIT_PLACE_WORDS):
        _found(state, chunk, comma.group(0), parsed[0], parsed[1], comma["agency"])
        return True
    dotted = _DOTTED.match(text)
    if dotted and is_date(dotted["date"]) and is_place(dotted["head"], True, cased) and (
            is_agency(dotted["agency"]) or dotted["agency"].isupper()):
        _found(state, chunk, dotted.group(0), dotted["head"], dotted["date"],
               dotted["agency"])
        return True
    if _dashed_date(state, chunk, cased):
        return True
    for pattern in (_WITH_PARENS, _WITH_SLASHES, _CAPS_DASH, _COLON, _DATED_COLON, _PARENS_BARE):
        match = pattern.match(text)
        # ``Place: `` opens a story: what follows the colon is prose (``Koronasituasjonen:
        # Pressekonferanse ...`` and ``WHAT:    2013 ...`` are a topic and a form's field),
        # the value is not aligned like a form's, and no dateline line above has named the
        # place already.
        if match and pattern is _COLON and (
                late or state.meta.dateline is not None or not looks_like_prose(text[match.end():])
                or _ALIGNED_VALUE.match(chunk.open_lines[0].text)):
            continue
        if match and _prefix_dateline(state, chunk, match, pattern, cased):
            return True
    return _stopped(state, chunk, cased)


def _dashed_date(state: ParseState, chunk: Chunk, cased: bool) -> bool:
    """``Sydney, Australia – March 14, 2024 – The``: the place, a dash, a date, a dash (the
    date vouches for the place), and a story that does not start in lower case."""
    text = chunk.text
    place = _CAPS_DASH.match(text)
    date = _CAPS_DASH.match(text[place.end():]) if place else None
    if place is None or date is None or not is_date(date["head"]) or text[
            place.end() + date.end():][:1].islower():
        return False
    parsed = place_and_date(place["head"], Head(cased=cased))
    if parsed is None or parsed[1] is not None:
        return False
    _found(state, chunk, text[:place.end() + date.end()], parsed[0], date_stop(date["head"]),
           None)
    return True


def _stopped(state: ParseState, chunk: Chunk, cased: bool) -> bool:
    found = stopped_dateline(chunk.text, cased)
    if found is None:
        return False
    _found(state, chunk, found[0], found[1], found[2], None)
    return True


def _prefix_dateline(state: ParseState, chunk: Chunk, match: re.Match[str],
                     pattern: re.Pattern[str], cased: bool) -> bool:
    """The head of a matched prefix read as a place (and date), with what vouches for it:
    an agency in brackets or slashes; for a dash, a place in capitals or a date, and an
    agency closing the dateline after the dash (``اصفهان - ایرنا - ``)."""
    text = chunk.text
    head, agency = match["head"].rstrip("-–— "), match.groupdict().get("agency")
    if agency is None:
        head, agency = _agency_at_end(head)
    bracketed = pattern in (_WITH_PARENS, _WITH_SLASHES, _PARENS_BARE)
    prefix = match.group(0)
    after = _AGENCY_AFTER.match(text[match.end():]) if agency is None else None
    closing = after is not None and (is_agency(after["agency"]) or _caps_or_caseless(
        after["agency"], cased) and len(after["agency"].split()) <= AGENCY_AFTER_WORDS
        and pattern is _CAPS_DASH)
    readings = [Head(caps=pattern is _CAPS_DASH and not closing, loose=bracketed or closing,
                     colon=pattern is _COLON, cased=cased)]
    if pattern is _CAPS_DASH:
        readings.append(Head(cased=cased))  # any place, with a date that vouches for it
    for how in readings:
        parsed = place_and_date(head, how)
        # A glued hyphen or a bare space after the agency ends a dateline only after a date.
        if parsed is None or parsed[1] is None and (
                match.groupdict().get("glued") or pattern is _PARENS_BARE and not _bare_place(parsed[0], cased, match["agency"])
                or pattern is _CAPS_DASH and not how.caps and not closing
                or pattern is _DATED_COLON):
            continue
        # Where only the date vouches for the place, a comma sets it off (``In March 2020 -``
        # is a sentence).
        if not (how.caps or bracketed or closing) and pattern is not _COLON and not (
                date_set_off(head, parsed[0])):
            continue
        if closing and after is not None:
            prefix, agency = text[:match.end() + after.end()], after["agency"]
        _found(state, chunk, prefix, parsed[0], parsed[1], agency.strip() if agency else None)
        return True
    return False


def _after_agency(head: str, cased: bool) -> tuple[str, str | None] | None:
    """The place and date after a leading agency: a place in capitals (``(ANSA) - ROMA,
    12 GIU - ``), or in any case with a date set off by a comma (``(AGI) - Bologna, 14
    mar. - ``)."""
    parsed = place_and_date(head, Head(caps=True, cased=cased))
    if parsed is None:
        parsed = place_and_date(head, Head(cased=cased))
        if parsed is None or parsed[1] is None or not date_set_off(head, parsed[0]):
            return None
    return parsed


def _caps_or_caseless(text: str, cased: bool) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and (not cased or not any(ch.islower() for ch in letters)
                              or not any(ch.isupper() for ch in letters))


def _bare_place(place: str, cased: bool, agency: str) -> bool:
    """``LONDON (AP) The``, ``لاہور(اے پی پی) ``: with no separator and no date, the place
    is one or two words in capitals with a known agency (``NATO (North Atlantic Treaty
    Organization) leaders`` is a sentence), or in a script without case with a short one."""
    if len(place.split()) > BARE_PLACE_WORDS:
        return False
    if not cased or not any(ch.isupper() or ch.islower() for ch in place):
        return len(agency.split()) <= AGENCY_AFTER_WORDS
    return _caps_or_caseless(place, cased) and is_agency(agency)


def _in_brackets(state: ParseState, chunk: Chunk, cased: bool) -> bool:
    """``(Washington, D.C., Aug. 28, 2020) – ``, ``(05.04.2017) – ``: a dateline in brackets."""
    match = _IN_BRACKETS.match(chunk.text)
    if match is None:
        return False
    head = match["head"].strip()
    if is_date(head):
        _found(state, chunk, match.group(0), None, date_stop(head), None)
        return True
    parsed = place_and_date(head, Head(cased=cased))
    if parsed is None or parsed[1] is None:
        return False
    _found(state, chunk, match.group(0), parsed[0], parsed[1], None)
    return True


def _standalone(state: ParseState, chunk: Chunk, cased: bool) -> bool:
    """A line above the first paragraph that is only a dateline."""
    found = standalone_dateline(chunk.text, cased) if (
        chunk.role is None and chunk.kind == "text" and len(chunk.open_lines) == 1) else None
    if found is None:
        return False
    _found(state, chunk, chunk.text, found.place, found.date_text, found.agency)
    state.claim(chunk, "dateline", "the dateline stands on a line of its own")
    return True


def _cjk_bracketed(state: ParseState, chunk: Chunk, match: re.Match[str]) -> None:
    names = match["names"]
    place = next((p for p in LONG_CJK_PLACES if names.endswith(p)), names[-2:])
    _found(state, chunk, match.group(0), place, match["date"], match["agency"])
    _credited_reporters(state, chunk, names[:-len(place)])


def _agency_at_end(head: str) -> tuple[str, str | None]:
    """``SYDNEY, June 3 AAP``, ``Accra, March 14, GNA``: a known agency, or any word in
    capitals after the day, as the head's last word (no brackets), or a last comma part
    in capitals after the date (``Dhaka, 14 March, UNB``), or
    ``АСТАНА. KAZINFORM``: words in capitals after the place's full stop."""
    words = head.split()
    last = words[-1] if len(words) > 1 else ""
    # A word in capitals right after the date's day is the agency too (``WELLINGTON,
    # Sept 12 NZPA``).
    if last.isupper() and (last.casefold() in AGENCY_WORDS or words[-2].rstrip(",")[-1:].isdigit()):
        return head[:head.rindex(last)].rstrip(" ,"), last
    parts = head.split(",")
    tail = parts[-1].strip()
    # ``Dhaka, 14 March, UNB``: a last comma part in capitals after the date.
    if len(parts) >= 3 and _caps_or_caseless(tail, True) and any(ch.isupper() for ch in tail) and (
            len(tail.split()) <= AGENCY_AFTER_WORDS) and is_date(parts[-2]):
        return head[:head.rindex(",")].rstrip(), tail
    place, stop, agency = head.rpartition(". ")
    if stop and len(place.split()[-1:][0] if place else "") > ABBREVIATION and agency.isupper() and (
            len(agency.split()) <= AGENCY_AFTER_WORDS) and not WORD.sub("", agency).strip():
        return place, agency
    return head, None


def _credited_reporters(state: ParseState, chunk: Chunk, credits: str) -> None:
    """Reporters named in the dateline (``记者王晓明、李华``, ``김민수 기자``) are bylines."""
    for part in split_parts(credits):
        part = CREDIT_TITLE.sub(" ", part).strip()
        caseless = not any(ch.isupper() or ch.islower() for ch in part)
        for name in part.split() if caseless else [part]:
            if state.meta.add_byline(name):
                state.decide(chunk.line, f"byline from the dateline: {name!r}")


def _found(state: ParseState, chunk: Chunk, prefix: str, place: str | None,
           date_text: str | None, agency: str | None) -> None:
    chunk.prefix = prefix
    record_dateline(state, chunk.line, prefix, Standalone(place, date_text, agency))
