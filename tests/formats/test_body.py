"""The one body markup: blocks -> (X)HTML -> blocks is the identity; foreign HTML is read leniently."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from convert.errors import ConvertError
from convert.formats.body import XHTML
from convert.formats.body.build import (
    MarkupBuilder, blocks_to_html, body_elements, outline_levels, to_html,
)
from convert.formats.body.parse import BodyParser, blocks_from_elements, blocks_from_html
from convert.model import (
    Emphasis, Figure, Heading, Link, ListBlock, Note, Paragraph, Quote, Strong, Table,
)
from tests.support.factories import FULL
from tests.support.html_factories import HOSTILE, RICH

# Text as a parser leaves it: no control characters other than the line feed, and neither
# of the noncharacters XML cannot hold (U+FFFE, U+FFFF; the readers drop them, and the
# builder refuses them: test_control_characters_are_a_clear_error).
NOT_XML_NONCHARACTERS = "\ufffe\uffff"
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n",
                             blacklist_characters=NOT_XML_NONCHARACTERS),
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


HREF = st.text(st.characters(blacklist_categories=("Cc", "Cs"),
                             blacklist_characters=NOT_XML_NONCHARACTERS), min_size=1, max_size=20)
INLINES = st.recursive(
    st.lists(TEXT, min_size=1, max_size=3).map(normalised),
    lambda inner: st.lists(st.one_of(TEXT, inner.map(Emphasis), inner.map(Strong),
                                     st.builds(Link, inner, HREF)),
                           min_size=1, max_size=3).map(normalised),
    max_leaves=6,
)
OPTIONAL_TEXT = st.none() | TEXT
ROWS = st.lists(st.lists(INLINES, min_size=1, max_size=3).map(tuple), min_size=1,
                max_size=3).map(tuple)
BLOCKS = st.lists(st.one_of(
    st.builds(Paragraph, INLINES),
    # the model's levels: 1 is the headline's (a body <h1> is fitted, see below)
    st.builds(Heading, INLINES, st.integers(2, 6)),
    st.builds(Table, ROWS),
    st.builds(Quote, INLINES, OPTIONAL_TEXT),
    st.builds(ListBlock, st.lists(INLINES, max_size=3).map(tuple), st.booleans()),
    st.builds(Figure, INLINES, OPTIONAL_TEXT,
              st.none() | st.just("https://example.org/a.jpg?x=1&y=2") | HREF),
    st.builds(Note, INLINES, st.sampled_from(["correction", "editors-note", "note"])),
), max_size=5).map(tuple)


def html_round_trip(blocks: tuple) -> tuple:
    back, warnings = blocks_from_html(blocks_to_html(blocks))
    assert warnings == ()
    return back


def xhtml_round_trip(blocks: tuple, **options: object) -> tuple:
    """Through XHTML elements serialised as XML and parsed again."""
    body = etree.Element(f"{{{XHTML}}}body", nsmap={None: XHTML})
    body.extend(body_elements(blocks, namespace=XHTML, **options))
    parsed = etree.fromstring(etree.tostring(body))
    back, warnings = blocks_from_elements(parsed, strict=True)
    assert warnings == ()
    return back


@pytest.mark.parametrize("doc", [FULL, RICH, HOSTILE], ids=["full", "rich", "hostile"])
def test_built_bodies_round_trip_as_html_and_xhtml(doc) -> None:
    assert html_round_trip(doc.body) == doc.body
    assert xhtml_round_trip(doc.body) == doc.body
    assert xhtml_round_trip(doc.body, images=False, live_url=lambda url: False,
                            nfc_text=True) == doc.body


@settings(max_examples=150, deadline=None)
@given(BLOCKS)
def test_any_body_round_trips(blocks: tuple) -> None:
    assert html_round_trip(blocks) == blocks
    assert xhtml_round_trip(blocks, nfc_text=True) == blocks


@settings(max_examples=100, deadline=None)
@given(BLOCKS)
def test_any_body_under_a_page_heading_round_trips_and_never_skips_a_level(blocks) -> None:
    build = MarkupBuilder()
    holder = build.element("div")
    build.body(holder, blocks, under_heading=1)
    shown = [1] + [int(element.tag[1]) for element in holder if element.tag[0] == "h"]
    assert all(2 <= level <= later + 1 for later, level in zip(shown, shown[1:]))
    back, warnings = blocks_from_elements(holder, strict=True)
    assert (back, warnings) == (blocks, ())


def test_headings_under_a_page_heading_are_renumbered_their_levels_kept() -> None:
    assert outline_levels([4, 5, 4, 2, 3], 1) == [2, 3, 2, 2, 3]
    assert outline_levels([2, 3, 3, 6, 2], 1) == [2, 3, 3, 4, 2]
    build = MarkupBuilder()
    holder = build.element("div")
    build.body(holder, (Heading(("A",), 4), Heading(("B",), 2), Heading(("C",), 3)),
               under_heading=1)
    assert [to_html(element).strip() for element in holder] == [
        '<h2 data-level="4">A</h2>', "<h2>B</h2>", "<h3>C</h3>"]
    assert blocks_to_html((Heading(("A",), 4),)) == "<h4>A</h4>"  # a bare body: as it is


def test_a_data_level_that_is_no_level_is_refused_or_warned() -> None:
    html = '<h2 data-level="9">A</h2>'
    root = etree.fromstring(f"<div>{html}</div>")
    with pytest.raises(ConvertError, match="heading level 1 to 6 in data-level, got '9'"):
        BodyParser(strict=True).blocks(root)
    blocks, warnings = blocks_from_html(html)
    assert blocks == (Heading(("A",), 2),)
    assert [w.code for w in warnings] == ["html-markup-dropped"]


@pytest.mark.parametrize("markup, levels", [
    ("<h1>T</h1><h2>S</h2><h4>D</h4><h1>U</h1>", [2, 3, 4, 2]),
    ("<h2>A</h2><h4>B</h4>", [2, 4]),  # in the model's range: kept as marked
    ("".join(f"<h{n}>{n}</h{n}>" for n in range(1, 7)), [2, 3, 4, 5, 6, 6]),
    ("<section><h1>In a section</h1></section><h3>Out</h3>", [2, 3]),
])
def test_producers_heading_levels_fit_the_models_in_their_order(markup: str, levels) -> None:
    for verbatim in (True, False):
        blocks, _ = blocks_from_html(markup, verbatim=verbatim)
        assert [block.level for block in blocks] == levels
    root = etree.fromstring(f'<body xmlns="{XHTML}">{markup}</body>')
    assert [block.level for block in BodyParser().blocks(root)] == levels
    assert [block.level for block in BodyParser().marked_blocks(root)] == [
        int(tag[1]) for tag in markup.split("<")[1:] if tag[0] == "h"]


def test_a_short_table_row_ends_in_a_cell_spanning_the_rest() -> None:
    table = Table(((("Friday",),), (("a",), ("b",), ("c",)), (("d",), ("e",))))
    assert blocks_to_html((table,)).split("\n") == [
        "<table>", "<tbody>", "<tr>", '<td colspan="3">Friday</td>', "</tr>",
        "<tr>", "<td>a</td>", "<td>b</td>", "<td>c</td>", "</tr>",
        "<tr>", "<td>d</td>", '<td colspan="2">e</td>', "</tr>", "</tbody>", "</table>"]
    assert html_round_trip((table,)) == (table,)


def test_the_shapes_written() -> None:
    blocks = (
        Quote(("Said.",), "Ann"), Quote(("Unsaid.",)),
        Figure(("Deck",), "PA", "https://e.org/d.jpg"), Figure(("Gone",), None, "javascript:x"),
        Note(("Fixed.",), "correction"), Note(("Aside.",)),
        Paragraph((Link(("a ", Link(("b",), "/in")), "https://e.org"), Link(("c",), "vbscript:y"),
                   "Cafe\u0301")),
    )
    [nfc_span] = body_elements((Paragraph(("Cafe\u0301",)),), nfc_text=True)
    assert to_html(nfc_span) == '<p><span data-text="&quot;Cafe\\u0301&quot;">Café</span></p>'
    assert blocks_to_html(blocks).split("\n") == [
        '<figure class="quote">', "<blockquote>", "<p>Said.</p>", "</blockquote>",
        "<figcaption>Ann</figcaption>", "</figure>",
        "<blockquote>", "<p>Unsaid.</p>", "</blockquote>",
        '<figure class="photo">', '<img src="https://e.org/d.jpg" alt="Deck">',
        '<figcaption><span class="caption">Deck</span> <small class="credit">PA</small>'
        "</figcaption>", "</figure>",
        '<figure class="photo" data-src="javascript:x">',
        '<figcaption><span class="caption">Gone</span></figcaption>', "</figure>",
        '<aside class="note correction">', "<p>Fixed.</p>", "</aside>",
        '<aside class="note">', "<p>Aside.</p>", "</aside>",
        '<p><a href="https://e.org">a <span data-href="/in">b</span></a>'
        '<a data-href="vbscript:y">c</a>Cafe\u0301</p>',
    ]


def test_heading_levels_outside_1_to_6_are_refused() -> None:
    with pytest.raises(ConvertError, match="heading level 7"):
        blocks_to_html((Heading(("deep",), 7),))


@pytest.mark.parametrize("text", ["bell \x07", *NOT_XML_NONCHARACTERS])
def test_control_characters_are_a_clear_error(text: str) -> None:
    with pytest.raises(ConvertError, match="cannot be written as .X.HTML: .*control characters"):
        blocks_to_html((Paragraph((text,)),))


def test_foreign_html_is_read_leniently_with_warnings() -> None:
    html = ("intro <i>text</i><section><h3>Title</h3><p>One <span>two</span>"
            "<a>plain</a></p><style>p {}</style></section>"
            "<blockquote>Said it.<cite>x</cite><footer>Someone</footer></blockquote><hr>"
            '<aside class="box correction"><p>Fix.</p><p>More.</p></aside>'
            "<table><tr><td>cell</td></tr></table>"
            '<figure><img src="p.jpg" alt="Alt text"></figure>')
    blocks, warnings = blocks_from_html(html)
    assert blocks == (
        Paragraph(("intro ", Emphasis(("text",)))),
        Heading(("Title",), 3),
        Paragraph(("One twoplain",)),
        Quote(("Said it.x",), "Someone"),
        Note(("Fix. More.",), "correction"),
        Table(((("cell",),),)),
        Figure(("Alt text",), None, "p.jpg"),
    )
    assert [(w.code, w.message.split(" ")[0]) for w in warnings] == [
        ("html-markup-dropped", "<span>"), ("html-markup-dropped", "<a>"),
        ("html-markup-dropped", "<cite>")]


def test_collapsed_reading_of_other_peoples_markup() -> None:
    root = etree.fromstring("<body><p>\n  Two\n  lines <em> and </em>  </p><p> \xa0</p>"
                            "<ul><li> one </li><li>  </li></ul><br/></body>")
    blocks, _ = blocks_from_elements(root, verbatim=False)
    assert blocks == (Paragraph(("Two lines ", Emphasis(("and",)))),
                      ListBlock((("one",),)))


def test_strict_reading_refuses_what_is_not_body_markup() -> None:
    root = etree.fromstring("<div>\n<p>x</p>\n<form/>\n</div>")
    with pytest.raises(ConvertError, match="unexpected <form>") as caught:
        BodyParser(strict=True, source="page.html").blocks(root)
    assert (caught.value.source, caught.value.line) == ("page.html", 3)


def test_empty_body() -> None:
    assert blocks_from_html("  \n") == ((), ())


def test_serialiser_escapes_text_and_attributes() -> None:
    [element] = body_elements((Paragraph((Link(('"<&>',), 'https://e.org/?a="b"&c'),)),))
    assert to_html(element) == ('<p><a href="https://e.org/?a=&quot;b&quot;&amp;c">'
                                "\"&lt;&amp;&gt;</a></p>")
