"""What the two agency wire formats share: framing, decoding, the body through the text parser.

IPTC 7901 and ANPA-1312 both frame a story with ASCII control characters:
SOH (0x01) starts the message heading, STX (0x02) the text, ETX (0x03)
ends it, EOT (0x04) ends the transmission; a trailer between ETX and EOT
gives the filing time.  The readers in ``convert/readers/iptc7901.py`` and
``convert/readers/anpa1312.py`` read their own heading; the story text goes
through the text parser (``convert.textparse.pipeline.parse``) with the
headline given as front matter, so the parser's dateline, byline, caption,
boilerplate and body steps read it as they read any article.  Line numbers
in the parser's warnings and dropped lines are mapped back to the input's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from convert.errors import ConvertError
from convert.model import Document, DroppedText, ParseWarning, Provenance
from convert.options import ReadOptions
from convert.textparse.names import BYLINE_LEAD

SYN, SOH, STX, ETX, EOT = "\x16", "\x01", "\x02", "\x03", "\x04"
#: C0 controls other than tab and line feed (and DEL): framing, never text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_MONTHS = {name: number for number, names in enumerate((
    ("jan", "jän", "janv", "ene", "gen", "tammi"),
    ("feb", "fév", "fev", "febr", "helmi"),
    ("mar", "mär", "mrz", "mars", "maalis"),
    ("apr", "avr", "abr", "huhti"),
    ("may", "mai", "mag", "toukok", "mei"),
    ("jun", "juin", "giu", "kesä"),
    ("jul", "juil", "lug", "heinä"),
    ("aug", "aoû", "aou", "ago", "elo"),
    ("sep", "sept", "set", "syys"),
    ("oct", "okt", "ott", "out", "loka"),
    ("nov", "marras"),
    ("dec", "dez", "déc", "dic", "des", "joulu"),
), start=1) for name in names}


@dataclass(frozen=True)
class Line:
    """One input line: its 1-based number and its text without the line break."""

    number: int
    text: str


def numbered_lines(data: bytes, options: ReadOptions, fmt: str
                   ) -> tuple[list[Line], str, list[ParseWarning]]:
    """A wire file's numbered lines (CR LF and lone CR end lines too), its
    encoding, and the warning of a guess made (see :func:`_decode`)."""
    text, encoding, warnings = _decode(data, options, fmt)
    return _lines_of(text), encoding, warnings


def _decode(data: bytes, options: ReadOptions, fmt: str) -> tuple[str, str, list[ParseWarning]]:
    """The text of a wire file, its encoding and any guess made.

    Both standards are 7- or 8-bit; agencies send UTF-8 or a Latin code
    page.  ``--encoding`` wins; then strict UTF-8; else Windows-1252 with an
    ``encoding-guessed`` warning (every byte decodes, so nothing is lost).
    """
    if options.encoding:
        try:
            return data.decode(options.encoding), options.encoding, []
        except (LookupError, UnicodeDecodeError) as error:
            raise ConvertError(f"cannot decode as {options.encoding}: {error}",
                               source=options.source_name, code="encoding") from None
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        text = data.decode("cp1252", "replace")
        return text, "cp1252", [ParseWarning(
            "encoding-guessed", f"{fmt} file is not UTF-8 (byte 0x{data[error.start]:02x}): "
            "read as Windows-1252", line)]


def _lines_of(text: str) -> list[Line]:
    """Numbered lines, CR LF and lone CR taken as line ends."""
    return [Line(number, value) for number, value in
            enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1)]


def strip_controls(lines: Iterable[Line], warnings: list[ParseWarning]) -> list[Line]:
    """Lines without framing controls; a warning, at the first line that had
    some, when there were any."""
    clean: list[Line] = []
    touched: list[int] = []
    for line in lines:
        text = _CONTROL.sub("", line.text)
        if text != line.text:
            touched.append(line.number)
        clean.append(Line(line.number, text))
    if touched:
        warnings.append(ParseWarning("control-characters", "control characters in the text "
                                     "removed (transmission codes, not text)", touched[0]))
    return clean


def filing_time(text: str) -> str | None:
    """ISO 8601 for a trailer time such as ``212322 GMT Nov 18`` (day, hour,
    minute, zone, month, two-digit year: IPTC 7901's date-time group)."""
    match = re.search(r"\b(\d{2})(\d{2})(\d{2})\s*(?:GMT|UTC|UT|Z)\s+([^\W\d_]{3,6})\.?\s+(\d{2})\b",
                      text)
    if not match:
        return None
    day, hour, minute, month_name, year = match.groups()
    month = _MONTHS.get(month_name.casefold())
    return iso_utc(2000 + int(year), month, int(day), int(hour), int(minute))


def iso_utc(year: int, month: int | None, day: int, hour: int, minute: int) -> str | None:
    """ISO 8601 with ``+00:00`` for a UTC time, ``None`` when it is no real date."""
    if month is None:
        return None
    try:
        stamp = dt.datetime(year, month, day, hour, minute, tzinfo=dt.timezone.utc)
    except ValueError:
        return None
    return stamp.isoformat()


def byline_line(lines: Sequence[Line]) -> tuple[str | None, list[Line]]:
    """The byline heading line right under the headline (``By NAME =``), and the lines after it.

    Wire heading lines end with ``=``; a byline line opens with a byline word
    (``By``, ``Von``, ``Par``...).  Its text (lead word removed) is given to
    the parser as the author, which tells names from agencies and titles.
    """
    index = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if index is None:
        return None, list(lines)
    text = lines[index].text.strip()
    lead = BYLINE_LEAD.match(text)
    if not lead:
        return None, list(lines)
    return text[lead.end():].rstrip("=< ").strip() or None, list(lines[index + 1:])


def read_story(headline: str | None, byline: str | None, body: Sequence[Line],
               options: ReadOptions, fmt: str) -> Document:
    """The story text through the text parser, with ``headline`` and ``byline`` given as
    front matter.

    ``body`` are the input's lines of story text (controls removed); the
    document's provenance line numbers are the input's.  Without a headline
    the parser looks for one as in any article (and warns when it finds none).
    """
    from convert.textparse.pipeline import parse

    fields = {"title": headline, "author": byline}
    front = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}"
                      for key, value in fields.items() if value), "---"]
    front = front if len(front) > 2 else []
    text = "\n".join([*front, *(line.text for line in body)]) + "\n"
    numbers = [0] * len(front) + [line.number for line in body]

    def original(line: int | None) -> int | None:
        if line is None or not 1 <= line <= len(numbers):
            return line
        return numbers[line - 1] or None

    try:
        doc = parse(text.encode("utf-8"), replace(options, encoding="utf-8")).document
    except ConvertError as error:
        raise ConvertError(error.message, source=options.source_name, line=original(error.line),
                           code=error.code) from None
    provenance = doc.provenance
    return replace(doc, provenance=Provenance(
        fmt, provenance.encoding,
        tuple(replace(w, line=original(w.line)) for w in provenance.warnings),
        tuple(DroppedText(original(d.line) or d.line, d.text, d.reason)
              for d in provenance.dropped)))


def finish(doc: Document, *, encoding: str, warnings: Sequence[ParseWarning],
           extra: Mapping[str, str | None], **fields: object) -> Document:
    """``doc`` with the heading's fields set, ``extra`` merged, the reader's warnings first."""
    merged = dict(doc.extra)
    merged.update({key: value for key, value in extra.items() if value})
    values = {key: value for key, value in fields.items() if value not in (None, "", ())}
    # The heading's urgency and editors' note are the model's own fields.
    urgency = merged.pop("urgency", "")
    if urgency.isdigit() and 1 <= int(urgency) <= 9:
        values["urgency"] = int(urgency)
    elif urgency:
        merged["priority"] = urgency
    if ednote := merged.pop("ednote", ""):
        values["ednote"] = ednote
    provenance = doc.provenance
    return replace(doc, **values, extra=tuple(sorted(merged.items())),  # type: ignore[arg-type]
                   provenance=Provenance(provenance.format, encoding,
                                         (*warnings, *provenance.warnings), provenance.dropped))
