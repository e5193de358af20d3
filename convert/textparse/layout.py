"""How a file lays out its text: its wrap width, wrapped lines, crossheads.

Shared by the blocks step and the header-roles step, so that both read the
same file the same way.
"""

from __future__ import annotations

from convert.textparse.state import SENTENCE_MARKS, Chunk, Line

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
