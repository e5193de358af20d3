"""The parse state the text-parser steps read and extend.

The input is kept as numbered lines grouped into *chunks* (blank-line or
indentation separated blocks).  Steps give chunks a *role* (headline,
metadata, caption, dropped, ...); whatever is left without a role is body.
Every decision is logged with the input line it concerns, which is what
``newsconvert inspect`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from convert.errors import ConvertError
from convert.model import Block, Byline, Dateline, DroppedText, ParseWarning
from convert.textparse.inline import clean_text
from convert.options import ReadOptions

@dataclass
class Line:
    """One input line; ``number`` is 1-based, ``text`` has no line break."""

    number: int
    text: str


@dataclass
class Chunk:
    """A block of input lines: a paragraph-to-be, a header line, a caption...

    ``kind`` is how the layout marked it: ``text``, ``quote`` (``>`` lines or
    an indented block quote), ``item`` (a bullet or numbered list item) or
    ``table`` (rows of cells).
    ``role`` is None until a step claims the chunk; unclaimed chunks are body.
    """

    lines: list[Line]
    kind: str = "text"
    ordered: bool = False
    role: str | None = None
    #: Lines already used as metadata (line number -> what they were).
    taken: dict[int, str] = field(default_factory=dict)
    #: Dateline text at the start of the chunk, left out of the paragraph.
    prefix: str = ""
    #: For a photo caption: its text and credit.
    caption: tuple[str, str | None] | None = None
    #: For a table (kind ``table``): its rows of cell texts.
    cells: list[list[str]] | None = None
    #: The last (raw text, plain text) pair computed by ``text``.
    _text: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def line(self) -> int:
        return self.open_lines[0].number if self.open_lines else self.lines[0].number

    @property
    def open_lines(self) -> list[Line]:
        if not self.taken:  # most chunks: a copy, as callers may change the list
            return self.lines[:]
        return [line for line in self.lines if line.number not in self.taken]

    @property
    def text(self) -> str:
        """The plain text of the lines not taken yet, wrapped lines joined by one space."""
        raw = " ".join([line.text for line in (self.lines if not self.taken
                                                else self.open_lines)])
        if self._text is None or self._text[0] != raw:
            self._text = (raw, clean_text(raw))
        return self._text[1]

    def take(self, line: Line, what: str) -> None:
        """Mark ``line`` as metadata; the chunk is claimed once every line is taken."""
        self.taken[line.number] = what
        if not self.open_lines:
            self.role = "metadata"


@dataclass
class Decision:
    step: str
    line: int | None
    message: str
    #: The strongest pieces of evidence behind the decision (``feature +weight``).
    evidence: tuple[str, ...] = ()


@dataclass
class Candidate:
    """A value found for a field, with how much it is preferred (lower wins)."""

    rank: int
    value: str
    line: int | None


@dataclass
class Metadata:
    """Fields found so far; the pipeline turns them into a Document."""

    headline: str | None = None
    subheadline: str | None = None
    slugline: str | None = None
    bylines: list[Byline] = field(default_factory=list)
    dateline: Dateline | None = None
    #: Date texts by field ("published"/"updated"), resolved by the dates step.
    date_texts: dict[str, list[Candidate]] = field(default_factory=dict)
    published: str | None = None
    updated: str | None = None
    sources: list[Candidate] = field(default_factory=list)
    copyright: str | None = None
    url: str | None = None
    keywords: list[str] = field(default_factory=list)
    summary: str | None = None
    language: str | None = None
    id: str | None = None
    version: int | None = None
    #: NewsML-G2 signals a wire prefix or advisory gave (``sig:update``...).
    signals: list[str] = field(default_factory=list)
    #: Wire advisories (``(Adds quotes, paragraphs 5-7)``): notes to editors.
    ednotes: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)

    def signal(self, qcode: str) -> None:
        if qcode not in self.signals:
            self.signals.append(qcode)

    def add_date(self, name: str, rank: int, text: str, line: int | None) -> None:
        self.date_texts.setdefault(name, []).append(Candidate(rank, text, line))

    def add_source(self, rank: int, value: str, line: int | None) -> None:
        self.sources.append(Candidate(rank, value, line))

    def add_byline(self, name: str) -> bool:
        """Add a byline unless the same name is already there; True when added."""
        if any(b.name.casefold() == name.casefold() for b in self.bylines):
            return False
        self.bylines.append(Byline(name))
        return True

    @property
    def source(self) -> str | None:
        return min(self.sources, key=lambda c: c.rank).value if self.sources else None


@dataclass
class ParseState:
    data: bytes
    options: ReadOptions
    text: str = ""
    encoding: str | None = None
    lines: list[Line] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
    body: list[Block] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    dropped: list[DroppedText] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    #: The step now running (decisions are filed under it).
    step: str = ""
    #: The chunk the body starts with, once the dateline step has found it.
    first_body: Chunk | None = None
    #: Language guessed from the whole text, computed once when first needed.
    text_language: str | None = None
    #: The language detector (the pipeline gives the language step's), so that a
    #: step needing the language early does not import another step.
    detect_language: Callable[[str], str | None] = field(default=lambda text: None, repr=False)
    #: Header-zone line number -> its role (see :mod:`convert.textparse.roles`).
    roles: dict[int, str] = field(default_factory=dict)
    #: Header-zone lines whose role no feature of theirs supports (left to them by the
    #: sequence): a sentence among them is not dropped for its role alone.
    unsupported_roles: set[int] = field(default_factory=set)
    #: The lines the header roles chose as the headline, if any.
    header_headline: list[Line] | None = None
    #: The block the header roles chose as the body's start, if any.
    header_body: Chunk | None = None

    def article_language(self) -> str | None:
        """The declared language, else one detected from all the text (computed once)."""
        if self.meta.language:
            return self.meta.language
        if self.text_language is None:
            self.text_language = self.detect_language(self.text) or ""
        return self.text_language or None

    def decide(self, line: int | None, message: str, evidence: tuple[str, ...] = ()) -> None:
        self.decisions.append(Decision(self.step, line, message, evidence))

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        self.warnings.append(ParseWarning(code, message, line))
        self.decide(line, f"warning [{code}]: {message}")

    def drop(self, chunk: Chunk, reason: str) -> None:
        """Drop a chunk as boilerplate, line by line (lines already taken stay theirs)."""
        chunk.role = "dropped"
        for line in chunk.open_lines:
            if line.text.strip():
                self.drop_line(line, reason)

    def drop_line(self, line: Line, reason: str) -> None:
        self.dropped.append(DroppedText(line.number, line.text.strip(), reason))
        self.decide(line.number, f"dropped ({reason}): {line.text.strip()!r}")

    def claim(self, chunk: Chunk, role: str, message: str) -> None:
        chunk.role = role
        self.decide(chunk.line, message)

    def error(self, code: str, message: str, line: int | None = None) -> ConvertError:
        return ConvertError(message, source=self.options.source_name, line=line, code=code)

    def body_start(self) -> int:
        """Index of the first chunk that reads as body text (len(chunks) when none).

        The dateline paragraph, once found, is the body start; then the block
        the header roles chose; otherwise it is the first unclaimed chunk after
        the headline (or from the top, when the headline came from metadata)
        that is long or made of sentences.
        """
        for chunk in (self.first_body, self.header_body):
            if chunk is not None and chunk in self.chunks:
                return self.chunks.index(chunk)
        # A headline from front matter or a header field has no chunk: the text starts at once.
        seen_headline = not any(c.role == "headline" or "headline" in c.taken.values()
                                for c in self.chunks)
        for index, chunk in enumerate(self.chunks):
            if chunk.role == "headline":
                seen_headline = True
            elif chunk.role is None and (seen_headline or self.meta.headline is None) and (
                    looks_like_prose(chunk.text)):
                return index
        return len(self.chunks)


#: Marks that end a sentence: Latin, CJK, Devanagari danda, Arabic and Urdu, Burmese, Ethiopic,
#: Armenian, Khmer, Tibetan.
SENTENCE_MARKS = ".!?。！？।॥؟۔။።։។៕།"
_SENTENCE_END = re.compile(rf"[{re.escape(SENTENCE_MARKS)}…»”\"'’]$")


def ends_sentence(text: str) -> bool:
    """``text`` ends with a full stop, question or exclamation mark (in any script)."""
    return text.rstrip()[-1:] in SENTENCE_MARKS


def ends_sentence_or_quote(text: str) -> bool:
    """``text`` ends a sentence, perhaps inside a closing quotation mark (``... he said."``)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def looks_like_prose(text: str) -> bool:
    """A paragraph rather than a header line: long, or a finished sentence."""
    return len(text) >= 160 or (len(text) >= 40 and bool(_SENTENCE_END.search(text))
                                 and len(text.split()) >= 6) or (
        len(text) >= 25 and text[-1:] in "。！？")
