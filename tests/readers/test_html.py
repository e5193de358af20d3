"""HTML reader: our pages and fragments read back into the same Document."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convert import api
from convert.errors import ConvertError
from convert.model import (
    Document, Emphasis, Inline, Link, ListBlock, Note, Paragraph, Quote, Strong, body_text,
    content_id,
)
from convert.options import WriteOptions
from tests.support import factories, html_factories
from tests.conftest import readable_articles

DOCUMENTS = {**factories.ALL, **html_factories.ALL}


def round_trip(doc: Document, fragment: bool) -> Document:
    return api.read(api.write(doc, "html", WriteOptions(fragment=fragment)), "html")


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
@pytest.mark.parametrize("path", readable_articles(), ids=lambda path: path.stem)
def test_corpus_article_round_trips(path: Path, fragment: bool) -> None:
    doc = api.read(path)
    back = round_trip(doc, fragment)
    assert back == doc
    assert back.provenance.format == "html" and back.provenance.warnings == ()


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_built_document_round_trips(name: str, fragment: bool) -> None:
    doc = DOCUMENTS[name]
    assert round_trip(doc, fragment) == doc


def test_page_is_detected_without_naming_the_format() -> None:
    for fragment in (False, True):
        data = api.write(factories.FULL, "html", WriteOptions(fragment=fragment))
        assert api.read(data) == factories.FULL


def test_html_to_html_is_byte_identical() -> None:
    data = api.write(html_factories.RICH, "html")
    assert api.write(api.read(data, "html"), "html") == data


# ---------------------------------------------------------------- any text, any nesting

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
                | st.sampled_from("\n\t <>&\"' \u00a0\u0301e-.:!?«»"), max_size=12)


def _normalised(parts: list[Inline]) -> tuple[Inline, ...]:
    """Inlines as a reader gives them: adjacent text merged, no empty text runs."""
    merged: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] += part
                continue
        merged.append(part)
    return tuple(merged)


_INLINES = st.recursive(
    st.lists(_TEXT, max_size=3).map(_normalised),
    lambda inner: st.lists(
        _TEXT | inner.map(Emphasis) | inner.map(Strong)
        | st.builds(Link, inner, st.sampled_from(["https://example.org/é?a=1&b", "/x y",
                                                  "javascript:alert(1)", "#top"])),
        max_size=4).map(_normalised),
    max_leaves=12)

_BLOCKS = st.one_of(
    _INLINES.map(Paragraph),
    st.builds(Quote, _INLINES, st.none() | _TEXT.filter(bool)),
    st.builds(Note, _INLINES, st.sampled_from(["correction", "editors-note", "note"])),
    st.builds(ListBlock, st.lists(_INLINES, max_size=3).map(tuple), st.booleans()),
)


@settings(max_examples=150, deadline=None)
@given(headline=st.none() | _TEXT.filter(bool), body=st.lists(_BLOCKS, max_size=4).map(tuple),
       fragment=st.booleans(), language=st.sampled_from([None, "en", "fr", "de", "ja", "ar"]))
def test_any_document_round_trips(headline: str | None, body: tuple, fragment: bool,
                                  language: str | None) -> None:
    """Whatever the typography pass shows (by language), the exact text reads back."""
    doc = Document(id=content_id(headline, body_text(body)), headline=headline, body=body,
                   language=language)
    assert round_trip(doc, fragment) == doc


# ---------------------------------------------------------------- other people's HTML


def test_foreign_inline_markup_is_read_with_a_warning() -> None:
    data = ('<article><header><h1>Title</h1></header><div class="article-body">\n'
            '<p><i>it</i> <b>bold</b> <code>code</code> <span>span</span></p>\n'
            '</div></article>').encode()
    doc = api.read(data, "html")
    assert doc.headline == "Title" and doc.version == 1 and doc.language is None
    assert doc.body == (Paragraph((Emphasis(("it",)), " ", Strong(("bold",)), " code span")),)
    assert doc.id == content_id("Title", "it bold code span")
    assert [(w.code, w.line) for w in doc.provenance.warnings] == [
        ("html-markup-dropped", 2), ("html-markup-dropped", 2)]


@pytest.mark.parametrize("html, message, line", [
    ("<!DOCTYPE html>\n<html><body><p>no article</p></body></html>", "no <article>", 1),
    ('<article>\n<div class="article-body">\n<p>x</p>\n<form><p>1</p></form>\n'
     "</div></article>", "unexpected <form>", 4),
    ('<article data-version="two"><div class="article-body"><p>x</p></div></article>',
     "data-version", 1),
    ('<article data-extra="[1]"><div class="article-body"><p>x</p></div></article>',
     "data-extra", 1),
    ('<article>\n<div class="article-body">\n<p><span data-text="[1]">x</span></p>'
     "</div></article>", "expected a JSON string in data-text", 3),
    ("   \n", "empty HTML", 1),
])
def test_bad_html_is_a_clear_error(html: str, message: str, line: int) -> None:
    with pytest.raises(ConvertError) as caught:
        api.read(html.encode(), "html", )
    assert message in caught.value.message
    assert caught.value.line == line
    assert str(caught.value).startswith(f"<bytes>:{line}: ")


def test_note_kind_comes_from_its_class_among_others() -> None:
    data = ('<article><div class="article-body"><aside class="boxed note correction">'
            "<p>Fixed.</p></aside><aside class=\"note rumour\"><p>Heard.</p></aside>"
            "</div></article>").encode()
    assert api.read(data, "html").body == (Note(("Fixed.",), "correction"), Note(("Heard.",)))


def test_scripts_in_input_are_ignored_not_run() -> None:
    data = ('<!DOCTYPE html><html><head><script>document.write("x")</script></head><body>'
            '<article><header><h1>T</h1></header><div class="article-body"><p>ok</p></div>'
            '</article><script src="https://evil.example/x.js"></script></body></html>').encode()
    doc = api.read(data, "html")
    assert (doc.headline, doc.body) == ("T", (Paragraph(("ok",)),))
