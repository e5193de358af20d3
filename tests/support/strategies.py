"""Hypothesis strategies for documents the readers can produce.

Text is normalised the way every reader normalises it (single spaces, no
leading or trailing space, no control characters), and adjacent plain-text
runs are merged, because a run boundary inside plain text cannot survive any
text format.  Within that, anything goes: markup characters, emoji, RTL text,
combining marks.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from convert.model import (
    Byline, Dateline, Document, Emphasis, Figure, Heading, Inline, Link, ListBlock, Note,
    Paragraph, Quote, Strong, body_text, content_id,
)

_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list("<>&\"'/;:!?.,()[]{}#*_-=+@$%^~`|\\")
    + list("éüßøçñ€£©«»“”‘’…–—")
    + ["مرحبا", "שלום", "北京", "東京", "Москва", "🐝", "👩‍💻", "e\u0301", "\u200f", "\u202e"]
)
word = st.lists(_ALPHABET, min_size=1, max_size=8).map("".join)
text = st.lists(word, min_size=1, max_size=8).map(" ".join)
optional_text = st.none() | text


def _spaced(parts: list[Inline]) -> list[Inline]:
    """Separate runs with a space so no word is glued to markup."""
    spaced: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            spaced.append(" ")
        spaced.append(part)
    return spaced


def _inlines_from(parts: list[Inline]) -> tuple[Inline, ...]:
    flat: list[Inline] = []
    for part in _spaced(parts):
        if isinstance(part, str) and flat and isinstance(flat[-1], str):
            flat[-1] = flat[-1] + part
        else:
            flat.append(part)
    return tuple(flat)


leaf_inline = text.map(lambda t: (t,))
marked = st.one_of(
    leaf_inline.map(Emphasis),
    leaf_inline.map(Strong),
    st.tuples(leaf_inline, st.sampled_from(["https://example.org/a?b=1&c=2",
                                            "https://example.com/", "mailto:desk@example.org"]))
    .map(lambda pair: Link(pair[0], pair[1])),
)
inlines = st.lists(st.one_of(text, marked), min_size=1, max_size=4).map(_inlines_from)

block = st.one_of(
    inlines.map(Paragraph),
    st.builds(Heading, inlines, st.integers(2, 4)),
    st.builds(Quote, inlines, optional_text),
    st.builds(ListBlock, st.lists(inlines, min_size=1, max_size=4).map(tuple), st.booleans()),
    st.builds(Figure, inlines, optional_text),
    st.builds(Note, inlines, st.sampled_from(["correction", "editors-note", "note"])),
)

date = st.dates(min_value=datetime.date(1990, 1, 1),
                max_value=datetime.date(2035, 12, 31)).map(datetime.date.isoformat)
date_time = st.tuples(date, st.integers(0, 23), st.integers(0, 59), st.integers(0, 59),
                      st.sampled_from(["", "Z", "+00:00", "+05:30", "-04:00", "+09:00"])).map(
    lambda p: f"{p[0]}T{p[1]:02d}:{p[2]:02d}:{p[3]:02d}{p[4]}")
optional_date = st.none() | date | date_time


@st.composite
def documents(draw: st.DrawFn) -> Document:
    body = tuple(draw(st.lists(block, min_size=1, max_size=6)))
    if not any(isinstance(b, Paragraph) for b in body):
        body = (Paragraph(draw(inlines)),) + body
    headline = draw(text)
    return Document(
        id=content_id(headline, body_text(body)),
        headline=headline,
        version=draw(st.integers(1, 20)),
        language=draw(st.sampled_from(["en", "en-GB", "de", "fr", "ar", "he", "zh", "ru", "ja"])),
        subheadline=draw(optional_text),
        slugline=draw(st.none() | word.map(str.upper)),
        bylines=tuple(draw(st.lists(st.builds(Byline, text, st.none()), max_size=3))),
        dateline=draw(st.none() | st.builds(Dateline, text, optional_text)),
        published=draw(optional_date),
        updated=draw(optional_date),
        source=draw(optional_text),
        copyright=draw(optional_text),
        url=draw(st.none() | st.just("https://example.org/news/1")),
        keywords=tuple(draw(st.lists(word, max_size=4, unique=True))),
        summary=draw(optional_text),
        body=body,
    )
