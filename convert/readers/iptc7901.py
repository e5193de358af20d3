"""IPTC 7901 wire transmissions (the IPTC Recommended Message Format, 1995).

A message is framed by control characters::

    SOH heading: <service><number> <priority> <category> <word count> [optional...]
        keyword line(s)                      e.g. ``Switzerland/migration/UN/``
    STX text: [edit status lines] headline, [byline], story
    ETX trailer: filing time ``ddhhmm GMT Mon yy``
    EOT

Mapping: service + number -> ``extra["message-id"]``; priority (1 highest
... 6) -> ``extra["urgency"]`` (IPTC urgency uses the same scale);
category -> ``extra["category"]``; optional heading fields -> ``source``
(the agency's name, e.g. ``dpa``) and ``extra["heading-info"]``; keyword line
-> ``slugline`` and ``keywords``; edit status lines (``1ST LEAD``, ``REFILE``)
-> ``extra["edit-status"]`` and ``version`` (the n-th lead is version n+1);
the first text line -> ``headline``; the filing time -> ``published``; the
part marked "not intended for publication" -> ``extra["ednote"]``; the rest
through the text parser (dateline, byline, body).  Files whose control
characters were stripped in transit (heading line first, no SOH/STX/ETX)
are read the same way.
"""

from __future__ import annotations

import re

from convert.errors import ConvertError
from convert.formats import wire
from convert.formats import IPTC7901_HEADING
from convert.model import Document
from convert.options import ReadOptions

#: Edit status lines on top of the text (dpa and others).
_EDIT_STATUS = re.compile(
    r"^(?:REFILE|CORRECTION|CORRECTED|CORRECTS|URGENT|EILT|UPDATE|ADVISORY|"
    r"\d+(?:ST|ND|RD|TH)\s+(?:LEAD|NET|WRITETHRU|ADD|TAKE)|"
    r"\d+\.\s*(?:ZUSAMMENFASSUNG|NEUFASSUNG)|ZUSAMMENFASSUNG|KORREKTUR|BERICHTIGUNG)$", re.I)
_LEAD_NUMBER = re.compile(r"^(\d+)(?:ST|ND|RD|TH)\s+LEAD$", re.I)
#: "The following information is not intended for publication" (and German).
_NOT_FOR_PUBLICATION = re.compile(
    r"^(?:the following information is not (?:intended )?for publication|"
    r"(?:die )?folgenden? informationen? (?:ist|sind) nicht (?:zur|für die) veröffentlichung)",
    re.I)
_RULE = re.compile(r"^(?:\*\s*){3,}$")
#: dpa's editors' notebook heading (refile notes, notes to editors, links).
_NOTEBOOK = re.compile(r"^#\s*(?:Notebook|Notizblock)\s*$", re.I)
_SELECTION_CODE = re.compile(r"^[a-z]{5}$")


def read(data: bytes, options: ReadOptions) -> Document:
    lines, encoding, warnings = wire.numbered_lines(data, options, "IPTC 7901")
    start = next((i for i, line in enumerate(lines) if line.text.strip(wire.SYN + " ")), 0)
    heading_line = lines[start]
    match = re.match(IPTC7901_HEADING, heading_line.text.lstrip(wire.SYN + wire.SOH))
    if not match:
        raise ConvertError("not an IPTC 7901 message: no heading "
                           "(<service><number> <priority> <category> <word count>)",
                           source=options.source_name, line=heading_line.number, code="invalid")
    keyword_lines, text_lines, trailer = _sections(lines[start + 1:])
    text_lines = wire.strip_controls(text_lines, warnings)
    status, headline, story = _headline(text_lines)
    if headline is None:
        raise ConvertError("IPTC 7901 message without text (nothing between STX and ETX)",
                           source=options.source_name, line=heading_line.number, code="no-body")
    byline, story = wire.byline_line(story)
    story, ednote = _publishable(story)
    source, info = _optional(match.group("optional") or "")
    story, sign_off = _sign_off(story, source)
    doc = wire.read_story(headline.text, byline, story, options, "iptc7901")
    keywords = [k for k in "/".join(k.text for k in keyword_lines).split("/") if k.strip()]
    version = max((int(m.group(1)) + 1 for s in status if (m := _LEAD_NUMBER.match(s))),
                  default=None)
    published = next((stamp for line in trailer if (stamp := wire.filing_time(line.text))), None)
    return wire.finish(
        doc, encoding=encoding, warnings=warnings,
        extra={"message-id": match.group("service") + match.group("number"),
               "urgency": match.group("priority"), "category": match.group("category"),
               "word-count": match.group("words"), "heading-info": info,
               "edit-status": ", ".join(status), "ednote": ednote, "sign-off": sign_off,
               "filing-time": " ".join(line.text.strip() for line in trailer if line.text.strip())},
        slugline="/".join(k.strip() for k in keywords) or None,
        keywords=tuple(dict.fromkeys((*doc.keywords, *(k.strip() for k in keywords)))),
        source=source or doc.source, version=version,
        published=published or doc.published)


def _sections(lines: list[wire.Line]) -> tuple[list[wire.Line], list[wire.Line], list[wire.Line]]:
    """Keyword lines (heading to STX), text lines (STX to ETX), trailer lines (ETX to EOT).

    Without STX the text starts after the first non-blank line run (the
    keyword line); without ETX the trailer is a last line holding a filing time.
    """
    stx = next((i for i, line in enumerate(lines) if wire.STX in line.text), None)
    if stx is None:
        first = next((i for i, line in enumerate(lines) if line.text.strip()), 0)
        has_keyword = "/" in lines[first].text if first < len(lines) else False
        keyword = lines[first:first + 1] if has_keyword else []
        body_start = first + 1 if has_keyword else first
    else:
        keyword = [line for line in lines[:stx] if line.text.strip()]
        before, _, after = lines[stx].text.partition(wire.STX)
        if before.strip():
            keyword.append(wire.Line(lines[stx].number, before))
        lines = [*lines[:stx], wire.Line(lines[stx].number, after), *lines[stx + 1:]]
        body_start = stx
    rest = lines[body_start:]
    etx = next((i for i, line in enumerate(rest) if wire.ETX in line.text), None)
    if etx is not None:
        text_part, _, trailer_part = rest[etx].text.partition(wire.ETX)
        body = [*rest[:etx], wire.Line(rest[etx].number, text_part)]
        trailer = [wire.Line(rest[etx].number, trailer_part), *rest[etx + 1:]]
        trailer = [wire.Line(t.number, t.text.split(wire.EOT, 1)[0].strip("\x7f")) for t in trailer]
        return keyword, body, trailer
    last = next((i for i in range(len(rest) - 1, -1, -1) if rest[i].text.strip()), None)
    if last is not None and wire.filing_time(rest[last].text):
        return keyword, rest[:last], rest[last:last + 1]
    return keyword, rest, []


def _headline(lines: list[wire.Line]) -> tuple[list[str], wire.Line | None, list[wire.Line]]:
    """Edit status lines, the headline line and the story lines after it.

    The headline is the first text line after the edit status lines; a
    trailing ``=`` (the end-of-line mark of heading lines) is removed.
    """
    index = next((i for i, line in enumerate(lines) if line.text.strip()), len(lines))
    status: list[str] = []
    while index < len(lines) and _EDIT_STATUS.match(lines[index].text.strip()):
        status.append(lines[index].text.strip())
        index += 1
    if index >= len(lines):
        return status, None, []
    head = lines[index]
    headline = wire.Line(head.number, head.text.strip().rstrip("=").strip())
    return status, headline, lines[index + 1:]


def _publishable(lines: list[wire.Line]) -> tuple[list[wire.Line], str | None]:
    """The story up to the editors' part, and that part as the note: dpa's ``# Notebook``
    (refile, note to editors, links) and what follows "not intended for publication"."""
    for i, line in enumerate(lines):
        text = line.text.strip()
        if _NOTEBOOK.match(text) or _NOT_FOR_PUBLICATION.match(text):
            cut = i - 1 if i and _RULE.match(lines[i - 1].text.strip()) else i
            note = "\n".join(line.text.rstrip() for line in lines[i:]).strip()
            return lines[:cut], note or None
    return lines, None


def _sign_off(lines: list[wire.Line], source: str | None) -> tuple[list[wire.Line], str | None]:
    """The story without its last line when that is the agency's sign-off with the desk's
    initials (``dpa hm bs``): the heading names the agency, so this is no sentence."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].text.strip()), None)
    if last is None or not source:
        return lines, None
    words = lines[last].text.split()
    if (words[0].casefold() == source.casefold() and 1 < len(words) <= 8
            and all(word.isalpha() and word.islower() and len(word) <= 4 for word in words[1:])):
        return lines[:last], lines[last].text.strip()
    return lines, None


def _optional(text: str) -> tuple[str | None, str]:
    """The agency named in the heading's optional fields (``dpa``, ``KNA``), and the fields."""
    source = next((token for token in text.split()
                   if token.isalpha() and not _SELECTION_CODE.match(token)), None)
    return source, " ".join(text.split())
