"""Step ``captions``: photo and video captions, with their credits.

A caption is recognised by a credit label (``Photograph:``, ``Photo:``,
``Image copyright``, ``Credit:``, ``©``...) or a generic caption label
(``Image caption``, ``Media caption``, ``Caption:``) anywhere, or, above the
body only, by a short text ending in a parenthesised credit
(``... the group's flag. (Reuters)``).  The credit may come before or after
the text.  Captions become ``Figure`` blocks at their place in the body; a
photo credit is never the story's source.  A block the header roles call a
caption may also end with a parenthesised photo credit (``(AP Photo/...)``).  A
block of one line said twice under the headline is a caption without a credit (a
scraped picture's text, then its caption).
"""

from __future__ import annotations

from convert.textparse.boilerplate_rules import boilerplate_reason
from convert.textparse.captiontext import caption_parts, photo_credit_parts
from convert.textparse.inline import clean_text
from convert.textparse.state import Chunk, ParseState


#: The most lines of a caption block (its text and its credit).
CAPTION_LINES = 2


def captions(state: ParseState) -> None:
    start = state.body_start()
    headline = state.header_headline[-1].number if state.header_headline else len(state.lines)
    for index, chunk in enumerate(state.chunks):
        if chunk.role is not None or chunk.kind != "text" or _is_boilerplate(chunk) or any(
                state.roles.get(line.number) == "contact" for line in chunk.open_lines):
            continue  # a press contact's address and phone are no photo and credit
        lines = [line.text for line in chunk.open_lines]
        parts = caption_parts(chunk.text, in_header=index < start, lines=lines)
        if parts is None and chunk.line > headline and _said_twice(lines):
            parts = (clean_text(lines[0]).strip(), None)
        if parts is None and state.roles.get(chunk.line) == "caption":
            parts = photo_credit_parts(chunk.text)
        if parts:
            chunk.caption = parts
            state.claim(chunk, "caption",
                        f"caption: {parts[0]!r}, credit {parts[1]!r}")


def _said_twice(lines: list[str]) -> bool:
    """A block of one line said twice under the headline: a picture's text and its caption,
    the same words (a scraped page gives both)."""
    return len(lines) == 2 and lines[0].strip() == lines[1].strip()


def _is_boilerplate(chunk: Chunk) -> bool:
    """A copyright line, a block with a line of other boilerplate (an editor credit), or
    a block of three lines or more with a copyright line (a page's footer: a caption
    and its credit take two lines at most)."""
    if boilerplate_reason(chunk.text) == "copyright":
        return True
    reasons = {boilerplate_reason(clean_text(line.text)) for line in chunk.open_lines}
    return len(chunk.open_lines) > 1 and bool(reasons - {None, "copyright"}) or (
        len(chunk.open_lines) > CAPTION_LINES and "copyright" in reasons)
