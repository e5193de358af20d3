"""ANPA-1312 wire transmissions (ANPA/NAA wire service transmission guidelines).

A story is framed by control characters::

    SYN SYN SOH <service><story number> US <selector code>
    <priority> <category> <format id> <keyword> <version> <reference> <word count>
    STX  ^heading lines<                     keyword repeat, headline, Eds: note,
         ^By NAME=  ^TITLE=                  abstract, byline and byline title
         TAB story paragraphs ...
    ETX <agency>-<desk>-<mm>-<dd>-<yy> <hhmm>GMT
    EOT

Mapping: service + story number -> ``extra["message-id"]``; priority
(``f`` flash, ``b`` bulletin, ``u`` urgent, ``r`` regular, ``d`` deferred)
-> ``extra["urgency"]`` on the IPTC 1-9 scale (1, 2, 3, 5, 7);
category -> ``extra["category"]``; keyword (``BC-BKN--Heat-Hawks``:
cycle, subject, slug) -> ``extra["keyword"]`` and ``slugline`` (the slug);
version (``1stLd-Writethru``: the n-th lead is version n+1) ->
``version`` and ``extra["edit-status"]``; the format identifier (its device
controls by name, ``DC3 DC1``) -> ``extra["format-id"]``; the headline line ->
``headline``; ``Eds:`` / ``EDITOR'S NOTE`` lines -> ``extra["ednote"]``;
``AP Photo`` lines -> ``extra["photos"]``; another heading line before the
byline -> ``summary``; byline and title -> ``bylines`` (through the text
parser, with the story); the trailer -> ``source`` and ``published``.
ANPA's typewriter conventions become the characters they stand for
(`` _ `` a dash, ``\\`\\``...'' `` quotes).
"""

from __future__ import annotations

import re
from dataclasses import replace

from convert.errors import ConvertError
from convert.formats import wire
from convert.formats import ANPA1312_FIRST_LINE
from convert.model import Byline, Document, DroppedText, ParseWarning
from convert.options import ReadOptions
from convert.textparse.names import BYLINE_LEAD

FIRST_LINE = re.compile(ANPA1312_FIRST_LINE.decode("ascii"))
#: Priority, category, format identifier (DC1-DC4), keyword, version, reference, word count.
HEADER_LINE = re.compile(
    r"^(?P<priority>[A-Za-z]) (?P<category>[A-Za-z])(?P<format>[\x11-\x14]{0,2}) +"
    r"(?P<keyword>\S+)(?: +(?P<version>.*?))? +(?P<reference>\d{1,2}-\d{1,2})"
    r"(?: +(?P<words>\d{1,4}))? *$")
URGENCY = {"f": "1", "b": "2", "u": "3", "r": "5", "d": "7"}
#: The format identifier's device controls, by name (DC2 marks tabular matter).
_CONTROL_NAMES = {"\x11": "DC1", "\x12": "DC2", "\x13": "DC3", "\x14": "DC4"}
_LEAD_NUMBER = re.compile(r"^(\d+)(?:st|nd|rd|th)\s*Ld", re.I)
_TRAILER = re.compile(r"(?P<source>[A-Za-z]+)-(?P<desk>[A-Za-z]+)-(?P<month>\d\d)-(?P<day>\d\d)-"
                      r"(?P<year>\d\d)\s+(?P<hour>\d\d)(?P<minute>\d\d)\s*GMT")
#: The cycle designator opening a keyword: morning, evening, both cycles, all.
_CYCLE = re.compile(r"^(?:AM|PM|BC|AP)-")
_EDNOTE = re.compile(r"^(?:Eds?:|EDITOR'?S NOTE\b|Editor'?s note\b)\s*[:_-]?\s*", re.I)
_PHOTO = re.compile(r"^AP (?:Photos?|Video|Graphics?)\b")


def read(data: bytes, options: ReadOptions) -> Document:
    lines, encoding, warnings = wire.numbered_lines(data, options, "ANPA-1312")
    first = FIRST_LINE.match(lines[0].text)
    header = HEADER_LINE.match(lines[1].text) if first and len(lines) > 1 else None
    if not first or not header:
        bad = lines[0] if not first else lines[1]
        raise ConvertError("not an ANPA-1312 story: no SOH header line and keyword line",
                           source=options.source_name, line=bad.number, code="invalid")
    body, trailer = _framed(lines[2:])
    if body is None:
        raise ConvertError("ANPA-1312 story without STX (start of text)",
                           source=options.source_name, line=lines[2].number if len(lines) > 2
                           else lines[-1].number, code="invalid")
    body = wire.strip_controls(body, warnings)
    headings, story = _heading_lines(body)
    fields, dropped = _heading_fields(headings, header.group("keyword"))
    byline_text, role = fields.pop("byline", None), fields.pop("byline-title", None)
    summary = fields.pop("summary", None)
    doc = wire.read_story(fields.pop("headline", None), byline_text, _paragraphs(story),
                          options, "anpa1312")
    if role and doc.bylines and doc.bylines[0].role is None:
        doc = replace(doc, bylines=(Byline(doc.bylines[0].name, role), *doc.bylines[1:]))
    keyword = header.group("keyword")
    version_text = (header.group("version") or "").strip()
    lead = _LEAD_NUMBER.match(version_text)
    priority = header.group("priority").lower()
    if priority not in URGENCY:
        warnings.append(ParseWarning("unknown-priority", f"ANPA priority code {priority!r} has no "
                                     "urgency: kept as extra 'priority'", lines[1].number))
    stamp = _TRAILER.search(" ".join(line.text for line in trailer))
    published = wire.iso_utc(2000 + int(stamp["year"]), int(stamp["month"]), int(stamp["day"]),
                             int(stamp["hour"]), int(stamp["minute"])) if stamp else None
    doc = wire.finish(
        doc, encoding=encoding, warnings=warnings,
        extra={"message-id": first["service"] + first["number"], "selector": first["selector"],
               "urgency": URGENCY.get(priority, ""),
               "priority": "" if priority in URGENCY else priority,
               "category": header["category"], "keyword": keyword,
               "format-id": " ".join(_CONTROL_NAMES[c] for c in header["format"]),
               "edit-status": version_text, "reference": header["reference"],
               "word-count": (header["words"] or "").lstrip("0"),
               "desk": stamp["desk"] if stamp else "", **fields},
        slugline=_slug(keyword),
        version=int(lead.group(1)) + 1 if lead else None,
        summary=_typewriter(summary) if summary else doc.summary,
        source=stamp["source"] if stamp else doc.source,
        published=published or doc.published)
    return _with_dropped(doc, dropped)


def _slug(keyword: str) -> str:
    """The story slug of a keyword: ``BC-BKN--Heat-Hawks`` -> ``Heat-Hawks`` (after the
    cycle and subject codes), ``AM-Harbor-Bridge`` -> ``Harbor-Bridge`` (after the cycle)."""
    if "--" in keyword:
        return keyword.rsplit("--", 1)[1] or keyword
    return _CYCLE.sub("", keyword) or keyword


def _framed(lines: list[wire.Line]) -> tuple[list[wire.Line] | None, list[wire.Line]]:
    """The lines between STX and ETX, and the trailer after ETX."""
    stx = next((i for i, line in enumerate(lines) if wire.STX in line.text), None)
    if stx is None:
        return None, []
    rest = [wire.Line(lines[stx].number, lines[stx].text.split(wire.STX, 1)[1].lstrip(wire.STX)),
            *lines[stx + 1:]]
    for i, line in enumerate(rest):
        if wire.ETX in line.text:
            text, _, after = line.text.partition(wire.ETX)
            return [*rest[:i], wire.Line(line.number, text)], [wire.Line(line.number, after),
                                                               *rest[i + 1:]]
    return rest, []


def _heading_lines(lines: list[wire.Line]) -> tuple[list[wire.Line], list[wire.Line]]:
    """The ``^``-marked heading lines at the top of the text, and the story after them."""
    index = 0
    while index < len(lines) and (lines[index].text.startswith("^") or not lines[index].text.strip()):
        index += 1
    headings = [wire.Line(line.number, line.text.strip().lstrip("^").rstrip("<= ").strip())
                for line in lines[:index] if line.text.strip()]
    return headings, lines[index:]


def _heading_fields(headings: list[wire.Line],
                    keyword: str) -> tuple[dict[str, str], list[DroppedText]]:
    """Heading lines by their role: the keyword repeated (dropped, it is in the header),
    headline, ednote, photos, summary, byline and its title."""
    fields: dict[str, str] = {}
    dropped: list[DroppedText] = []
    summary: list[str] = []
    for position, line in enumerate(headings):
        text = line.text
        ednote, lead = _EDNOTE.match(text), BYLINE_LEAD.match(text)
        if position == 0 and text.replace(" ", "").startswith(keyword.replace(" ", "")):
            dropped.append(DroppedText(line.number, text, "ANPA keyword line repeated at the "
                                       "top of the text (keyword, version and word count "
                                       "are read from the header)"))
        elif "headline" not in fields:
            fields["headline"] = text
        elif ednote:
            fields["ednote"] = _joined(fields.get("ednote"), text[ednote.end():])
        elif _PHOTO.match(text):
            fields["photos"] = _joined(fields.get("photos"), text)
        elif lead and "byline" not in fields:
            fields["byline"] = text[lead.end():].strip()
        elif "byline" in fields and "byline-title" not in fields:
            fields["byline-title"] = text
        else:
            summary.append(text)
    if summary:
        fields["summary"] = " ".join(summary)
    return fields, dropped


def _joined(first: str | None, more: str) -> str:
    return f"{first} {more}" if first else more


def _paragraphs(lines: list[wire.Line]) -> list[wire.Line]:
    """Story lines for the text parser: a line opening with a tab starts a paragraph in
    ANPA-1312, so each gets a blank line before it (numbered 0: no input line)."""
    out: list[wire.Line] = []
    for line in lines:
        if line.text.startswith("\t"):
            out.append(wire.Line(0, ""))
            out.append(wire.Line(line.number, _typewriter(line.text.strip())))
        else:
            out.append(wire.Line(line.number, _typewriter(line.text)))
    return out


def _typewriter(text: str) -> str:
    """ANPA's typewriter stand-ins as the characters they mean: `` _ `` is a dash,
    ``\\`\\``` and ``''`` are curly double quotes."""
    text = re.sub(r"(?<=\s)_(?=\s)", "\u2014", text)
    return text.replace("``", "\u201c").replace("''", "\u201d")


def _with_dropped(doc: Document, dropped: list[DroppedText]) -> Document:
    provenance = doc.provenance
    return replace(doc, provenance=replace(provenance,
                                           dropped=(*dropped, *provenance.dropped)))
