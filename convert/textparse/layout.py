"""How a file lays out its text: its wrap width, wrapped lines, crossheads, whether it
writes a paragraph per line.

Shared by the blocks step and the header-roles step, so that both read the
same file the same way.
"""

from __future__ import annotations

import re

from convert.textparse.prefilter import has_digit
from convert.textparse.state import (
    SENTENCE_MARKS, Chunk, Line, ends_sentence, ends_sentence_or_quote, looks_like_prose,
)

#: A hard-wrapped line fills at least this share of the file's wrap width.
WRAPPED_SHARE = 0.85
#: A crosshead above a wrapped paragraph is at most this share of the width ...
CROSSHEAD_SHARE = 0.6
#: ... and this many words.
CROSSHEAD_WORDS = 8


def wrap_width(chunks: list[Chunk]) -> int:
    """The file's wrap width: its longest line in blocks of three or more lines (0: none)."""
    return max((len(line.text.rstrip()) for chunk in chunks if len(chunk.lines) >= 3
                for line in chunk.lines), default=0)


def is_wrapped(text: str, width: int) -> bool:
    """A line that fills the wrap width and ends no sentence: the text goes on below it."""
    text = text.rstrip()
    return bool(width) and len(text) >= width * WRAPPED_SHARE and (
        text[-1:] not in SENTENCE_MARKS)


def is_crosshead(lines: list[Line], width: int) -> bool:
    """A short first line with no final stop above a hard-wrapped paragraph (``About X``)."""
    if len(lines) < 3 or not width:
        return False
    first = lines[0].text.strip()
    return (len(first) < width * CROSSHEAD_SHARE and len(first.split()) <= CROSSHEAD_WORDS
            and first[-1:] not in SENTENCE_MARKS + ",;:" and is_wrapped(lines[1].text, width))


#: A line of a block shorter than this share of the block's longest line ends its
#: paragraph: in hard-wrapped text only the last line of a paragraph is short.
SHORT_LINE_SHARE = 0.75
#: A paragraph on one line has this many characters at least.
ONE_LINE_PARAGRAPH = 100


def paragraph_per_line(chunks: list[Chunk]) -> bool:
    """Does the file write each paragraph on one long line (a page scrape), so that a
    block of lines with no blank line between is lines of their own, never one wrapped
    paragraph?  Two one-line paragraphs at least, and no block that reads as a
    hard-wrapped paragraph (lines that fill its width above a last one)."""
    long_lines = sum(1 for chunk in chunks if chunk.kind == "text" and len(chunk.lines) == 1
                     and len(chunk.lines[0].text.strip()) >= ONE_LINE_PARAGRAPH
                     and looks_like_prose(chunk.lines[0].text.strip()))
    return long_lines >= 2 and not any(
        chunk.kind == "text" and len(chunk.lines) >= 2 and not short_line_ends(chunk.lines)
        and looks_like_prose(chunk.text) for chunk in chunks)


#: A block of this many lines at least, each ending a sentence, is a paragraph a line.
SENTENCE_LINES = 3
#: In a block whose widths mark no paragraphs, the first run of this many lines between
#: short lines is the story (the header lines above it stand alone).
RAGGED_BODY_LINES = 3
#: A line ending in one of these carries on into the next (``NAKURU, Kenya, March 12 —``).
CARRIES_ON = ",;:-–—(（"


def short_line_ends(lines: list[Line], one_line_paragraphs: bool = False) -> list[int]:
    """The lines (but the last) that end their paragraph or header line, whatever their
    final mark: well short of the block's longest line, though the next line's first
    word would have fitted on them (hard wrapping breaks a line only where the next word
    does not fit), and not ending in a mark that carries on (a comma, a dash).

    A short line whose sentence goes on in the next line (it opens in lower case, with a
    plain word, not a field's key) ends nothing, and shows that this block's line widths
    do not mark its paragraphs (type set in proportional letters, then OCR'd): from its
    first run of ``RAGGED_BODY_LINES`` lines between short lines (the header lines stand
    alone above it), the block is one paragraph.  A block of ``SENTENCE_LINES`` lines or
    more that all end a sentence is a paragraph a line (hard wrapping never ends every
    line so).  With ``one_line_paragraphs`` (the file has no long line that breaks a
    sentence), a long line that ends a sentence ends its paragraph whatever its width."""
    texts = [line.text.strip() for line in lines]
    if len(texts) >= SENTENCE_LINES and all(ends_sentence_or_quote(text) for text in texts):
        return list(range(len(texts) - 1))  # hard wrapping never ends every line so
    width = max(len(text) for text in texts)
    ends: list[int] = []
    long_ends: list[int] = []  # one-line paragraphs: no width says otherwise
    ragged = False
    for index, (text, following) in enumerate(zip(texts, texts[1:])):
        if (one_line_paragraphs and len(text) >= ONE_LINE_PARAGRAPH
                and ends_sentence_or_quote(text)):
            ends.append(index)
            long_ends.append(index)
        elif (len(text) < width * SHORT_LINE_SHARE and text[-1:] not in CARRIES_ON
              and len(text) + 1 + len(following.split()[0]) <= width):
            word = following.split()[0]
            if word.isalpha() and word.islower() and not ends_sentence(text):
                ragged = True
            else:
                ends.append(index)
    deck = _title_case_top(texts)
    if deck is not None and deck not in ends:
        ends = sorted([*ends, deck])
    if not ragged:
        return ends
    starts = [0, *(end + 1 for end in ends)]
    body = next((start for start, stop in zip(starts, [*starts[1:], len(texts)])
                 if stop - start >= RAGGED_BODY_LINES), len(texts))
    return [end for end in ends if end < body or end in long_ends]


#: A word this long or longer shows a line's case profile (``of``, ``the`` do not).
CASE_WORD = 4


def _title_case_top(texts: list[str]) -> int | None:
    """The last line ending a sentence in the run of title-case lines opening a block
    (an old paper's deck, ``Loss Estimated at Half a Million`` / ``Dollars-Many Families
    Homeless.``), when sentence-case text follows: the deck ends there, whatever the
    widths."""
    run = 0
    while run < len(texts) and _title_case(texts[run]):
        run += 1
    if run == len(texts):
        return None
    return max((index for index in range(run) if ends_sentence(texts[index])), default=None)


def _title_case(text: str) -> bool:
    """Every word of ``CASE_WORD`` letters or more opens with a capital (one at least)."""
    words = [word for word in re.findall(r"[^\W\d_]+", text) if len(word) >= CASE_WORD]
    return bool(words) and all(word[0].isupper() for word in words)


def breaks_long_lines(chunks: list[Chunk]) -> bool:
    """Does the file hard-wrap long lines: a line of one-line-paragraph length that ends no
    sentence, with more of its block below it?  A file that never does writes a long
    line that ends a sentence as a paragraph of its own."""
    return any(len(line.text.strip()) >= ONE_LINE_PARAGRAPH and not ends_sentence_or_quote(line.text)
               for chunk in chunks if chunk.kind == "text" for line in chunk.lines[:-1])


#: ``Shr 28 cts vs 22 cts``: a label, then a value (with a digit) against another.
#: The word between the two values of a ``label value vs value`` row (not a cell).
ROW_SEPARATOR = "vs"
_VS_ROW = re.compile(rf"^(?P<label>\D+?)\s+(?P<a>[^\s\d]*\d.*?)\s+{ROW_SEPARATOR}\.?\s+(?P<b>\S.*)$",
                     re.I)
_COLUMN_GAP = re.compile(r"\t+|\s{2,}")
#: The longest line of a table row (a longer one is a sentence).
MAX_ROW = 90
#: Cells of one column start within this many characters of each other.
ALIGNMENT_SLACK = 2


def could_be_row(text: str) -> bool:
    """A line that a table may hold: short, with a figure, a ``vs`` or a column gap."""
    text = text.strip()
    return 0 < len(text) <= MAX_ROW and (has_digit(text) or bool(
        _COLUMN_GAP.search(text)) or len(text.split()) <= 4)


def table_rows(texts: list[str]) -> list[list[str]] | None:
    """The rows of cells when ``texts`` (two or more lines) are a table, else None.

    Either rows of ``label value vs value`` (a line without ``vs`` in between is a
    one-cell row: a label over the rows below), or columns set apart by two or more
    spaces or a tab, the same number in every line, each column's cells starting or
    ending (right-aligned figures) at the same place; the first line may be a header row
    of words over three columns or more (``Party   Seats   Votes``), or lack the label
    cell (``Q4 2008      Q4 2007``: its first cell is then empty).
    """
    lines = [text.strip() for text in texts]
    if len(lines) < 2 or any(len(line) > MAX_ROW or not line for line in lines):
        return None
    vs_rows = [_VS_ROW.match(line) for line in lines]
    if sum(match is not None for match in vs_rows) >= 2 and vs_rows[-1] is not None:
        return [[cell for cell in (m["label"], m["a"], m["b"]) if cell] if m else [line]
                for m, line in zip(vs_rows, lines)]
    spans = [_cell_spans(text) for text in texts]
    width = len(spans[-1])
    if width < 2 or any(len(row) != width for row in spans[1:]):
        return None
    if len(spans[0]) == width - 1 and width >= 3:
        spans[0] = [(-1, -1), *spans[0]]  # a header row over the figures, no label cell
    elif len(spans[0]) != width:
        return None
    body = spans[1:] if spans[0][0] == (-1, -1) or (
        width >= 3 and not any(ch.isdigit() for ch in texts[0])) else spans
    aligned = all(_aligned([row[column] for row in spans if row[column][0] >= 0])
                  for column in range(1, width))
    cells = [[text[start:end] if start >= 0 else "" for start, end in row]
             for text, row in zip(texts, spans)]
    numeric = all(any(ch.isdigit() for ch in text[row[-1][0]:row[-1][1]])
                  for text, row in zip(texts[len(spans) - len(body):], body))
    return cells if aligned and numeric else None


def _cell_spans(text: str) -> list[tuple[int, int]]:
    """Where each cell of a row starts and ends (cells set apart by a column gap)."""
    text = text.rstrip()
    spans, start = [], len(text) - len(text.lstrip())
    for gap in _COLUMN_GAP.finditer(text, start):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return spans


def _aligned(column: list[tuple[int, int]]) -> bool:
    """The cells of a column start, or end, within ``ALIGNMENT_SLACK`` of each other."""
    return any(max(edge) - min(edge) <= ALIGNMENT_SLACK
               for edge in ([start for start, _ in column], [end for _, end in column]))
