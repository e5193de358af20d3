"""Step ``blocks``: numbered lines -> chunks (paragraphs-to-be).

- Blank lines separate chunks; so do HTML ``<p>``/``</p>`` and a double
  ``<br>`` (a single ``<br>`` is only a line break).
- Lines starting with ``>`` form a block-quote chunk.
- A line with a bullet (``-``, ``*``, ``•`` ...) or a number (``1.``, ``2)``)
  starts a list-item chunk; indented lines after it continue the item.
- Indentation marks paragraphs too: when several lines of one chunk start
  with a tab, spaces or ideographic spaces, each such line starts a new chunk;
  the unindented lines above the first of them (a slugline, a headline) end
  their block at a line well short of the wrap width.
- A chunk indented by 4+ spaces (or a tab) as a whole is a block quote, but
  only in a file that otherwise uses blank-line paragraphs.
- A short line with no final stop above a hard-wrapped paragraph (``About
  Pay``) is a crosshead, a chunk of its own.
- Rows of a table (``Shr 28 cts vs 22 cts``, columns aligned with spaces)
  are one ``table`` chunk.
- In a block of text, a line well short of the block's longest one ends its
  paragraph (hard-wrapped text fills the width up to a paragraph's last line),
  and in a file that writes each paragraph on one long line, every line of a
  block is a chunk of its own.
- A block of one line said three times or more (``Article image`` per image tile
  of a scanned page) is a placeholder, dropped.
- Thematic breaks (``---``, ``* * *``) and lone punctuation lines are chunks of
  their own.
"""

from __future__ import annotations

import re
from collections import Counter

from convert.textparse.captiontext import caption_parts
from convert.textparse.layout import (
    SHORT_LINE_SHARE, breaks_long_lines, could_be_row, is_crosshead, paragraph_per_line, short_line_ends,
    table_rows, wrap_width,
)
from convert.textparse.prefilter import may_match
from convert.textparse.state import Chunk, Line, ParseState, ends_sentence, looks_like_prose

_HTML_BREAK = re.compile(r"<\s*/?\s*p(?:\s[^<>]*)?>|(?:<\s*br\s*/?\s*>\s*){2,}", re.I)
_THEMATIC_BREAK = re.compile(r"^\s*([-*_=~•·#])(?:\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*(--|[-*+•·▪●◦‣])\s+(?=\S)")
#: A double-dash marker: list items in a run of them, a sign-off (``-- BERNAMA``) alone.
_DOUBLE_DASH = re.compile(r"^\s*--\s")
_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
#: A line of one to three punctuation marks (scraping debris such as a lone ``.``).
_LONE_PUNCTUATION = re.compile(r"^\s*[^\w\s<>&]{1,3}\s*$")
#: Paragraph length from which a non-indented chunk shows the file uses blank lines.
PROSE_LENGTH = 100
#: The most rows a table found in text has (wire tables are a few dozen rows).
MAX_TABLE_ROWS = 200
#: A short first line opening this many blocks at least is their label, of this many
#: words at most.
LABEL_BLOCKS = 2
LABEL_WORDS = 4
#: A block of the same line this many times over is a placeholder.
PLACEHOLDER_REPEATS = 3
#: The first-line indent of paragraphs is this much deeper than that of wrapped lines.
MIN_INDENT_STEP = 2


def blocks(state: ParseState) -> None:
    raw = _split_on_blank_lines(state.lines)
    chunks: list[Chunk] = []
    for lines in raw:
        chunks.extend(_split_by_markers(lines))
    chunks = _split_by_indentation(chunks)
    _repeated_placeholders(state, chunks)
    chunks = _tables(state, chunks)  # before crossheads: a table's header row is no crosshead
    chunks = _split_crossheads(state, chunks)
    chunks = _split_at_short_lines(state, chunks)
    _numbered_runs_only(chunks)
    blank_line_style = sum(
        1 for c in chunks if c.kind == "text" and not _indent(c.lines[0].text)
        and len(c.text) >= PROSE_LENGTH) >= 2
    for chunk in chunks:
        if (blank_line_style and chunk.kind == "text"
                and all(_indent(line.text) >= 4 for line in chunk.lines)):
            chunk.kind = "quote"
            state.decide(chunk.line, "indented block in a blank-line file: block quote")
    for chunk in chunks:
        if chunk.kind == "item":
            chunk.lines[0].text = _NUMBER.sub("", _BULLET.sub("", chunk.lines[0].text, count=1),
                                              count=1)
    state.chunks = chunks
    kinds = {kind: sum(c.kind == kind for c in chunks)
             for kind in ("text", "quote", "item", "table")}
    state.decide(None, f"{len(chunks)} chunks: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))


def _repeated_placeholders(state: ParseState, chunks: list[Chunk]) -> None:
    """A block of one line said over and over (``Article image`` for each image tile of a
    scanned page, ``Image`` for each picture of a scrape) is a placeholder, never text:
    dropped before the header roles read the top of the file."""
    for chunk in chunks:
        texts = {line.text.strip() for line in chunk.lines}
        if chunk.kind == "text" and len(chunk.lines) >= PLACEHOLDER_REPEATS and len(texts) == 1:
            state.drop(chunk, f"a placeholder line said {len(chunk.lines)} times in a row")


def _split_crossheads(state: ParseState, chunks: list[Chunk]) -> list[Chunk]:
    """A crosshead on the line above a hard-wrapped paragraph is a block of its own."""
    width = wrap_width(chunks)
    result: list[Chunk] = []
    for chunk in chunks:
        if chunk.kind == "text" and is_crosshead(chunk.lines, width):
            state.decide(chunk.line, f"crosshead above a wrapped paragraph: "
                         f"{chunk.lines[0].text.strip()!r}")
            result.extend([Chunk(chunk.lines[:1]), Chunk(chunk.lines[1:])])
        else:
            result.append(chunk)
    return result


def _split_at_short_lines(state: ParseState, chunks: list[Chunk]) -> list[Chunk]:
    """A text block that reads as a paragraph is several where one of its lines is well
    short of the block's width, and one a line in a file of one-line paragraphs.  A
    block of short lines (a byline over its agency) stays one: the header roles and the
    trailer read its lines."""
    per_line = paragraph_per_line(chunks)
    one_line_paragraphs = not breaks_long_lines(chunks)
    if per_line:
        state.decide(None, "one paragraph per line: a block's lines are chunks of their own")
    labels = _block_labels(chunks)
    result: list[Chunk] = []
    for chunk in chunks:
        ends: list[int] = []
        if chunk.kind == "text" and len(chunk.lines) >= 2 and looks_like_prose(chunk.text):
            ends = list(range(len(chunk.lines) - 1)) if per_line else short_line_ends(
                chunk.lines, one_line_paragraphs)
            if ends and ends[0] == 0 and chunk.lines[0].text.strip() in labels:
                state.decide(chunk.line, f"a label its block shares with others (a speaker): "
                             f"{chunk.lines[0].text.strip()!r}")
                ends = ends[1:]
        if not ends or caption_parts(chunk.text, in_header=False,
                                     lines=[line.text for line in chunk.lines]):
            # A block of short lines (the header zone reads its lines), one wrapped
            # paragraph, or a caption under its credit line (``Photo: NAME`` / the caption).
            result.append(chunk)
            continue
        for begin, end in zip([0, *(i + 1 for i in ends)], [*(i + 1 for i in ends),
                                                             len(chunk.lines)]):
            result.append(Chunk(chunk.lines[begin:end]))
        if not per_line:
            state.decide(chunk.line, f"block split after its short lines: {len(ends) + 1} chunks")
    return result


def _block_labels(chunks: list[Chunk]) -> set[str]:
    """Short first lines, ending no sentence, that open several blocks of text with more
    lines under them: labels of their blocks (a transcript's speakers, ``Q:``/``A:``),
    part of the paragraph, not lines of their own.  When such labels are in capitals,
    so is every other short opener in capitals (a speaker who speaks once)."""
    openers = Counter(chunk.lines[0].text.strip() for chunk in chunks
                      if chunk.kind == "text" and len(chunk.lines) >= 2)
    shaped = {text for text in openers
              if len(text.split()) <= LABEL_WORDS and not ends_sentence(text)}
    labels = {text for text in shaped if openers[text] >= LABEL_BLOCKS}
    if any(label.isupper() for label in labels):  # then every opener in capitals is one
        labels |= {text for text in shaped if text.isupper()}
    return labels


def _tables(state: ParseState, chunks: list[Chunk]) -> list[Chunk]:
    """Rows of a table become one ``table`` chunk: a block whose lines (or whose last
    lines, under a line of text) are rows, or one-line blocks of rows in a row (an
    indented file makes every row a block of its own).  Rows are read as the file has
    them, indentation included: a header row's cells stand over their columns."""
    raw = {line.number: line.text for line in state.lines}

    def row(line: Line) -> str:
        text = raw.get(line.number, line.text)
        return text if text.strip() == line.text.strip() else line.text

    result: list[Chunk] = []
    for chunk in chunks:
        previous = result[-1] if result else None
        if (chunk.kind == "text" and len(chunk.lines) == 1 and previous is not None
                and previous.kind == "text" and previous.lines[-1].number + 1 ==
                chunk.lines[0].number and (len(previous.lines) == 1
                                           or previous.cells is not None)
                and table_rows([row(previous.lines[-1]), row(chunk.lines[0])])):
            previous.lines.append(chunk.lines[0])
            previous.cells = []  # marks a run of one-line rows; checked as a whole below
            continue
        result.append(chunk)
    final: list[Chunk] = []
    for chunk in result:
        chunk.cells = None
        final.extend(_table_in(state, chunk, [row(line) for line in chunk.lines])
                     if chunk.kind == "text" else [chunk])
    return final


def _table_in(state: ParseState, chunk: Chunk, rows_text: list[str]) -> list[Chunk]:
    """The chunk as a table, or its text lines then a table of its last lines
    (``rows_text``: its lines as the file has them).

    Only the longest run of row-like lines at the end (up to ``MAX_TABLE_ROWS``)
    is tried, and that run without its first line, so a long block costs linear time.
    """
    start = len(chunk.lines)
    while start > max(0, len(chunk.lines) - MAX_TABLE_ROWS) and could_be_row(
            rows_text[start - 1]):
        start -= 1
    for begin in (start, start + 1):
        rows = table_rows(rows_text[begin:])
        if rows is not None:
            table = Chunk(chunk.lines[begin:], kind="table", cells=rows)
            state.decide(table.line, f"table: {len(rows)} rows")
            return ([Chunk(chunk.lines[:begin])] if begin else []) + [table]
    return [chunk]


def _split_on_blank_lines(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            groups.append(current.copy())
            current.clear()

    for line in lines:
        pieces = (_HTML_BREAK.split(line.text) if may_match(_HTML_BREAK, line.text)
                  else [line.text])
        for index, piece in enumerate(pieces):
            if index:
                flush()
            if piece.strip():
                current.append(Line(line.number, piece))
            elif len(pieces) == 1:
                flush()
    flush()
    return groups


def _split_by_markers(lines: list[Line]) -> list[Chunk]:
    """Quote runs, list items and thematic breaks become chunks of their own; a line under
    an item continues it when indented or when the item's line ends no sentence (a
    hard-wrapped item)."""
    chunks: list[Chunk] = []
    for line in lines:
        kind = _line_kind(line.text)
        previous = chunks[-1] if chunks else None
        if kind == "break":
            chunks.append(Chunk([line]))
            chunks.append(Chunk([]))
        elif kind == "quote" and previous is not None and previous.kind == "quote":
            previous.lines.append(Line(line.number, _QUOTE.sub("", line.text)))
        elif kind in ("quote", "item", "numbered"):
            text = _QUOTE.sub("", line.text) if kind == "quote" else line.text
            chunks.append(Chunk([Line(line.number, text)],
                                kind="quote" if kind == "quote" else "item",
                                ordered=kind == "numbered"))
        elif previous is not None and previous.lines and (
                previous.kind == "text" or (previous.kind == "item" and (
                    _indent(line.text) or not ends_sentence(previous.lines[-1].text)))):
            previous.lines.append(line)  # an item goes on under an unfinished line
        else:
            chunks.append(Chunk([line]))
    return [chunk for chunk in chunks if chunk.lines]


def _line_kind(text: str) -> str:
    if _THEMATIC_BREAK.match(text) or _LONE_PUNCTUATION.match(text):
        return "break"
    if _QUOTE.match(text):
        return "quote"
    if _BULLET.match(text):
        return "item"
    if _NUMBER.match(text):
        return "numbered"
    return "text"


def _split_by_indentation(chunks: list[Chunk]) -> list[Chunk]:
    result: list[Chunk] = []
    for chunk in chunks:
        starts = _paragraph_starts(chunk.lines)
        if chunk.kind != "text" or len(starts) < 2 or starts == list(range(len(chunk.lines))) and (
                len({_indent_text(line.text) for line in chunk.lines}) == 1
                and _indent(chunk.lines[0].text) >= 4 and not _is_paragraph_indent(chunk)):
            result.append(chunk)
            continue
        cuts = sorted({0, *starts})
        width = max(len(line.text.strip()) for line in chunk.lines)
        for begin, end in zip(cuts, [*cuts[1:], len(chunk.lines)]):
            raw = chunk.lines[begin:end]
            lines = [Line(line.number, line.text.strip()) for line in raw]
            result.extend(Chunk(group) for group in (
                _split_after_short_lines(lines, width) if begin not in starts
                else _split_after_last_sentence(lines, raw, width)))
    return result


def _paragraph_starts(lines: list[Line]) -> list[int]:
    """The lines that start a paragraph: the indented ones, or, when the file indents its
    wrapped lines too (``     LISSE, ...`` then ``  expect record ...``), the lines
    indented deeper than that, the first-line indent of the paragraphs."""
    indents = [_indent(line.text) for line in lines]
    levels = Counter(indent for indent in indents if indent)
    frequent = sorted(level for level, count in levels.items() if count >= 2)
    if len(frequent) >= 2 and frequent[-1] - frequent[0] >= MIN_INDENT_STEP:
        return [i for i, indent in enumerate(indents) if indent >= frequent[-1]]
    return [i for i, indent in enumerate(indents) if indent]


def _split_after_last_sentence(lines: list[Line], raw: list[Line], width: int
                               ) -> list[list[Line]]:
    """An indented paragraph ends at a line that ends a sentence and is well short of the
    wrap width, or whose next line is indented unlike the wrapped lines: what follows
    (``Reuter``, ``UPI 03-12-83 02:14 PES``) is a block of its own."""
    for index, line in enumerate(lines[:-1]):
        if ends_sentence(line.text) and (len(line.text) < width * SHORT_LINE_SHARE or (
                index and _indent(raw[index + 1].text) != _indent(raw[index].text))):
            return [lines[:index + 1], lines[index + 1:]]
    return [lines]


def _split_after_short_lines(lines: list[Line], width: int) -> list[list[Line]]:
    """Unindented lines above the first indented paragraph: a short line ends its block.

    In hard-wrapped wire copy a wrapped line nearly fills the width; a line well
    short of it is a header line (slugline, headline) or a paragraph's last line.
    """
    groups: list[list[Line]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if len(line.text) < width * SHORT_LINE_SHARE:
            groups.append([])
    return [group for group in groups if group]


def _is_paragraph_indent(chunk: Chunk) -> bool:
    """Every line indented alike and each one a sentence: indentation-marked paragraphs."""
    return all(ends_sentence(line.text) or re.search(r"[”\"'’]\s*$", line.text)
               for line in chunk.lines)


def _numbered_runs_only(chunks: list[Chunk]) -> None:
    """A lone ``1.`` line is text (``2. Bundesliga``), and so is a lone ``-- `` line (``--
    BERNAMA``); a run of numbered or double-dashed items is a list."""
    def kind(chunk: Chunk) -> str | None:
        if chunk.kind != "item":
            return None
        return "numbered" if chunk.ordered else (
            "dashed" if _DOUBLE_DASH.match(chunk.lines[0].text) else "bullet")

    kinds = [kind(chunk) for chunk in chunks]
    for index, chunk in enumerate(chunks):
        if kinds[index] in ("numbered", "dashed") and kinds[index] not in (
                kinds[index - 1] if index else None, kinds[index + 1] if index + 1 < len(
                    chunks) else None):
            chunk.kind, chunk.ordered = "text", False


def _indent_text(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _indent(text: str) -> int:
    """Width of the leading whitespace (tab and ideographic space count 4)."""
    width = 0
    for ch in _indent_text(text):
        width += 4 if ch in "\t\u3000" else 1
    return width
