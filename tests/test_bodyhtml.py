"""Body blocks -> HTML -> blocks is the identity; foreign HTML is read leniently."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from convert.bodyhtml import blocks_to_html, html_to_blocks
from convert.model import (
    Emphasis, Figure, Heading, Link, ListBlock, Note, Paragraph, Quote, Strong,
)
from tests.factories import FULL

# Text as a parser leaves it: no control characters other than the line feed.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n"),
               min_size=1, max_size=12)


def normalised(parts: list) -> tuple:
    """Adjacent strings joined: the one spelling HTML can give back."""
    merged: list = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    return tuple(merged)


HREF = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20)
# Links hold no links: HTML cannot nest <a> elements (no reader produces them either).
LINK_FREE = st.recursive(
    st.lists(TEXT, min_size=1, max_size=3).map(normalised),
    lambda inner: st.lists(st.one_of(TEXT, inner.map(Emphasis), inner.map(Strong)),
                           min_size=1, max_size=3).map(normalised),
    max_leaves=5,
)
INLINES = st.lists(st.one_of(TEXT, LINK_FREE.map(Emphasis), LINK_FREE.map(Strong),
                             st.builds(Link, LINK_FREE, HREF)),
                   min_size=1, max_size=4).map(normalised)
OPTIONAL_TEXT = st.none() | TEXT.filter(lambda text: "\n" not in text)
BLOCKS = st.lists(st.one_of(
    st.builds(Paragraph, INLINES),
    st.builds(Heading, INLINES, st.integers(1, 6)),
    st.builds(Quote, INLINES, OPTIONAL_TEXT),
    st.builds(ListBlock, st.lists(INLINES, min_size=1, max_size=3).map(tuple), st.booleans()),
    st.builds(Figure, INLINES, OPTIONAL_TEXT, st.none() | st.just("https://example.org/a.jpg?x=1&y=2")),
    st.builds(Note, INLINES, st.sampled_from(["correction", "editors-note", "note"])),
), max_size=5).map(tuple)


def test_factory_body_round_trips() -> None:
    assert html_to_blocks(blocks_to_html(FULL.body)) == FULL.body


@settings(max_examples=100, deadline=None)
@given(BLOCKS)
def test_any_body_round_trips(blocks: tuple) -> None:
    assert html_to_blocks(blocks_to_html(blocks)) == blocks


def test_foreign_html_is_read_leniently() -> None:
    html = ("intro <i>text</i><section><h3>Title</h3><p>One <span>two</span>"
            "<a>plain</a></p><style>p {}</style></section>"
            "<blockquote>Said it.<cite>x</cite></blockquote><hr>"
            '<aside class="box correction"><p>Fix.</p><p>More.</p></aside>')
    assert html_to_blocks(html) == (
        Paragraph(("intro ", Emphasis(("text",)))),
        Heading(("Title",), 3),
        Paragraph(("One twoplain",)),
        Quote(("Said it.x",)),
        Note(("Fix. More.",), "correction"),
    )


def test_empty_body() -> None:
    assert html_to_blocks("  \n") == ()
