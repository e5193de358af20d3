"""Nothing is lost, line by line, in every annotated article (dev, unseen, blind, real).

Every non-blank input line must end up in one of three places:

- **body**: its words are words of the body (paragraphs, quotes, lists, tables,
  headings, notes, figure captions and credits);
- **a listed drop**: ``provenance.dropped`` names the line with a reason;
- **a field**: a step other than the layout ones logged a decision on that line
  (a role the header scorer gave is not one: it takes nothing)
  (or on the block it belongs to, when a step claimed the block whole), and the
  line's words are in the document's fields (headline, standfirst, bylines,
  dateline, source, extra...) but for at most ``LABEL_WORDS`` labels the rules
  remove (``By``, ``Autor:``, ``Image caption``, ``UPDATE 1-``), or the decision
  read a date from it (dates are rewritten as ISO 8601, so their words go).

A table row's ``vs`` is the column separator, not a cell.

A line in none of them was swallowed silently, which is the failure this catches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from convert.errors import ConvertError
from convert.model import Figure, block_text, plain_text
from convert.options import ReadOptions
from convert.textparse.datetext import WORD
from convert.textparse.inline import clean_text
from convert.textparse.layout import ROW_SEPARATOR
from convert.textparse.pipeline import STEPS, new_state
from convert.textparse.state import ParseState
from tests.conftest import FIXTURES, SHARED
from tests.readers.test_text_real import real_files
from tests.support.corpus import expected

ANNOTATED = [*sorted((SHARED / "corpus" / "dev").glob("*.txt")),
             *(path for folder in ("unseen", "blind")
               for path in sorted((FIXTURES / folder).glob("*.txt"))
               if path.with_name(path.stem + ".expected.json").exists())]
ARTICLES = ANNOTATED + [path for path, _ in real_files()]
#: Steps that lay the text out or build the body: a decision of theirs is no field.
LAYOUT_STEPS = {"decode", "blocks", "body", "language"}
#: Label words a field line may lose (lead-ins, caption labels, wire prefixes).
LABEL_WORDS = 2
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")
_DATE_DECISION = re.compile(r"\b(?:published|updated|date|dateline|relative time)\b", re.I)


def _words(text: str | None) -> set[str]:
    return {word.casefold() for word in WORD.findall(_URL.sub(" ", text or ""))}


def _parsed(path: Path) -> ParseState | None:
    state = new_state(path.read_bytes(), ReadOptions(source_name=str(path)))
    try:
        for name, step in STEPS:
            state.step = name
            step(state)
    except ConvertError:
        return None  # refused: nothing is converted, so nothing can be lost
    return state


def _field_words(state: ParseState) -> set[str]:
    meta = state.meta
    texts = [meta.headline, meta.subheadline, meta.slugline, meta.copyright, meta.url,
             meta.summary, meta.id, *meta.keywords, *meta.ednotes, *meta.extra.values(),
             *meta.extra.keys(), *(c.value for c in meta.sources),
             *(b.name for b in meta.bylines), *(b.role or "" for b in meta.bylines),
             *(c.value for values in meta.date_texts.values() for c in values)]
    if meta.dateline:
        texts += [meta.dateline.place, meta.dateline.date_text]
    texts += [chunk.prefix for chunk in state.chunks]
    return set().union(*(_words(text) for text in texts))


def lost_lines(state: ParseState) -> list[tuple[int, str]]:
    """The non-blank lines that are in no body block, no listed drop and no field."""
    body = set().union(*(_words(block_text(block)) for block in state.body), *(
        _words(plain_text(block.caption)) | _words(block.credit)
        for block in state.body if isinstance(block, Figure)))
    fields = _field_words(state) | body
    dropped = {d.line for d in state.dropped if d.reason}
    decisions: dict[int, list[str]] = {}
    for decision in state.decisions:
        if decision.line is not None and decision.step not in LAYOUT_STEPS and not (
                decision.step == "header-roles" and decision.message.startswith("role ")):
            decisions.setdefault(decision.line, []).append(decision.message)
    owner = {line.number: chunk for chunk in state.chunks for line in chunk.lines}
    lost = []
    for line in state.lines:
        words = _words(clean_text(line.text))
        chunk = owner.get(line.number)
        if chunk is not None and chunk.kind == "table":
            words.discard(ROW_SEPARATOR)
        if not line.text.strip() or words <= body or line.number in dropped:
            continue
        told = decisions.get(line.number, [])
        if not told and chunk is not None and chunk.role is not None:
            told = decisions.get(chunk.lines[0].number, [])
        if told and (len(words - fields) <= LABEL_WORDS
                     or any(_DATE_DECISION.search(m) for m in told)):
            continue
        lost.append((line.number, line.text.strip()))
    return lost


def test_every_set_is_there() -> None:
    assert len(ANNOTATED) >= 31 + 41 + 46 and len(ARTICLES) > len(ANNOTATED)


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p in ARTICLES])
def test_every_line_is_a_field_a_block_or_a_listed_drop(path: Path) -> None:
    state = _parsed(path)
    if state is None:  # refused: nothing is converted, so nothing can be lost
        assert path in ANNOTATED and expected(path)["expect"] == "error"
        return
    assert lost_lines(state) == []


def test_a_swallowed_line_is_caught() -> None:
    """The check itself: a line whose block went missing, with no drop listed, is lost."""
    state = new_state(b"Head of the story\n\nA first paragraph that is a sentence of the "
                      b"story, long enough to be body.\n\nA second paragraph, also body.\n",
                      ReadOptions())
    for name, step in STEPS:
        state.step = name
        step(state)
    assert lost_lines(state) == []
    state.body = state.body[:1]
    assert lost_lines(state) == [(5, "A second paragraph, also body.")]
