"""Step ``headline``: the headline, its repeats, and the standfirst.

- The headline is the first chunk that is not metadata or boilerplate
  (unless front matter gave one).  Markdown ``#`` marks and wire version
  prefixes (``UPDATE 1-``, ``REFILE-``, ``RPT-``) are removed.  A first
  chunk that reads as a paragraph is no headline: a ``no-headline`` warning.
- A later header chunk with the same text is the page repeating it.
- The subheadline is a ``##`` line, or the chunk right under the headline
  when it is not a sentence of the body: no final full stop, or followed by
  a byline or date line, and not a caption, byline or boilerplate.
"""

from __future__ import annotations

import re

from convert.textparse.boilerplate_rules import boilerplate_reason
from convert.textparse.captiontext import caption_parts
from convert.textparse.inline import clean_text
from convert.textparse.names import byline_lead_end, is_name_line, strip_markup
from convert.textparse.state import Chunk, Line, ParseState, ends_sentence, looks_like_prose

_HEADING_MARK = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_VERSION_PREFIX = re.compile(
    r"^(?:(?:(?:UPDATE|WRAPUP)\s*\d*|REFILE|RPT|REPEAT|CORRECTED|CORRECTION)\s*[-:]\s*)+")
#: A bracketed tag opening an e-mail's subject or a feed's title (``[RELEASE]``).
_TAG = re.compile(r"^\s*(?:\[[^\[\]]{1,24}\]\s*)+")
#: A headline longer than this is a paragraph, not a headline.
MAX_HEADLINE = 250
MAX_SUBHEADLINE = 320
#: Header roles that rule a block out as the standfirst.
NOT_STANDFIRST = {"dateline", "byline", "meta", "caption", "boilerplate", "slugline", "contact",
                  "body"}


def headline(state: ParseState) -> None:
    candidates = [c for c in state.chunks if c.role is None and c.kind == "text"
                  and not boilerplate_reason(c.text)]
    if state.meta.headline is not None and state.header_headline is not None and _same(
            _TAG.sub("", state.meta.headline), _role_text(state.header_headline)):
        # A field's headline (an e-mail's ``Subject: [RELEASE] ...``) and the article's own
        # title line under it, but for a tag: the title line is the headline.
        _take_role_headline(state, state.header_headline)
    elif state.meta.headline is None:
        if state.header_headline is not None:
            _take_role_headline(state, state.header_headline)
        elif state.roles:
            return  # the header roles found no headline (and warned when there is a body)
        elif not candidates:
            return
        else:
            _take_headline(state, candidates[0])
    head = state.meta.headline
    if head is None:
        return
    for chunk in state.chunks[:state.body_start()]:
        if chunk.role is None and _same(clean_headline(chunk.text)[0], head):
            state.claim(chunk, "repeated-headline", "the headline again (repeated by the page)")
    _subheadline(state)


def clean_headline(text: str) -> tuple[str, int | None]:
    """Headline text without heading marks or version prefixes, and its ``#`` level."""
    text = strip_markup(text)
    mark = _HEADING_MARK.match(text)
    level = len(mark.group(1)) if mark else None
    if mark:
        text = mark.group(2)
    return _VERSION_PREFIX.sub("", text).strip(), level


_UPDATE_NUMBER = re.compile(r"(?:UPDATE|WRAPUP)\s*(\d+)")


def _version_prefix(state: ParseState, text: str, line: int) -> None:
    """``UPDATE 2-`` is version 3 and an update; ``CORRECTED-`` a correction; ``REFILE-``
    an update (the story sent again)."""
    prefix = _VERSION_PREFIX.match(strip_markup(text).lstrip("# "))
    if not prefix:
        return
    words = prefix.group(0).upper()
    if (number := _UPDATE_NUMBER.search(words)) and state.meta.version is None:
        state.meta.version = int(number.group(1)) + 1
    state.meta.signal("sig:correction" if "CORRECT" in words else "sig:update")
    state.decide(line, f"wire prefix {prefix.group(0).strip()!r}: version "
                 f"{state.meta.version or 1}, {', '.join(state.meta.signals)}")


def _take_headline(state: ParseState, chunk: Chunk) -> None:
    first = chunk.lines[0]
    _version_prefix(state, first.text, first.number)
    text, _ = clean_headline(chunk.text if len(chunk.lines) == 1 else _first_line(chunk))
    if len(text) > MAX_HEADLINE or (looks_like_prose(text) and len(chunk.lines) > 2):
        state.warn("no-headline", "no headline found: the first text reads as a paragraph",
                   first.number)
        return
    state.meta.headline = text
    if len(chunk.lines) == 1 or text == clean_headline(chunk.text)[0]:
        state.claim(chunk, "headline", f"headline: {text!r}")
    else:
        chunk.take(first, "headline")
        state.decide(first.number, f"headline (first line of its block): {text!r}")
        chunk.role = None if chunk.open_lines else "headline"


def _role_text(lines: list[Line]) -> str:
    return clean_headline(" ".join(clean_text(line.text) for line in lines))[0]


def _take_role_headline(state: ParseState, lines: list[Line]) -> None:
    """The headline the header roles chose: its lines leave their block."""
    _version_prefix(state, lines[0].text, lines[0].number)
    text = _role_text(lines)
    state.meta.headline = text
    numbers = {line.number for line in lines}
    chunk = next(c for c in state.chunks if any(line.number in numbers for line in c.lines))
    if all(line.number in numbers for line in chunk.open_lines):
        state.claim(chunk, "headline", f"headline: {text!r}")
        return
    for line in lines:
        chunk.take(line, "headline")
    state.decide(lines[0].number, f"headline (lines of a larger block): {text!r}")


def _first_line(chunk: Chunk) -> str:
    """A two-line headline joins when the second line continues it (lower-case start)."""
    second = clean_text(chunk.lines[1].text)
    if len(chunk.lines) == 2 and second[:1].islower() and len(chunk.text) <= MAX_HEADLINE:
        return chunk.text
    return chunk.lines[0].text


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


def _subheadline(state: ParseState) -> None:
    if state.meta.subheadline is not None:
        return
    chunks = state.chunks
    position = next((i for i, c in enumerate(chunks)
                     if c.role == "headline" or "headline" in c.taken.values()), None)
    if position is None:
        return
    index = position + 1
    while index < len(chunks) and chunks[index].role == "repeated-headline":
        index += 1
    if index >= len(chunks) or chunks[index].role is not None:
        return
    chunk = chunks[index]
    text, level = clean_headline(chunk.text)
    if chunk.kind != "text" or not text or len(text) > MAX_SUBHEADLINE:
        return
    if state.roles.get(chunk.line) in NOT_STANDFIRST:
        return  # the header roles read it as a dateline, byline, caption...
    lines = _standfirst_lines(state, chunk)
    if len(lines) < len(chunk.open_lines):  # a block of header lines without blank lines
        text, level = clean_headline(" ".join(clean_text(line.text) for line in lines))
    chosen = state.roles.get(chunk.line) == "standfirst" and (
        chunk.line not in state.unsupported_roles)
    if level is not None or chosen or _reads_as_standfirst(state, index, text):
        state.meta.subheadline = text
        if len(lines) == len(chunk.open_lines):
            state.claim(chunk, "subheadline", f"subheadline: {text!r}")
            return
        for line in lines:
            chunk.take(line, "subheadline")
        state.decide(lines[0].number, f"subheadline (lines of a larger block): {text!r}")


def _standfirst_lines(state: ParseState, chunk: Chunk) -> list[Line]:
    """The block's lines up to the first one the header roles gave another role (a
    byline right under the standfirst, with no blank line between)."""
    lines = chunk.open_lines
    for index, line in enumerate(lines):
        if index and state.roles.get(line.number) not in (None, "standfirst"):
            return lines[:index]
    return lines


def _reads_as_standfirst(state: ParseState, index: int, text: str) -> bool:
    if (boilerplate_reason(text) or caption_parts(text) or byline_lead_end(text)
            or is_name_line(text) or index >= state.body_start() and looks_like_prose(text)):
        return False
    if not ends_sentence(text):
        return index < len(state.chunks) - 1
    following = state.chunks[index + 1] if index + 1 < len(state.chunks) else None
    return following is not None and (following.role == "metadata" or bool(
        byline_lead_end(following.text) or is_name_line(following.text)))
