"""RSS and Atom feeds: each entry one Document; a feed bundles into an EPUB periodical."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from convert import api
from convert.formats import sniff
from convert.errors import ConvertError
from convert.model import Byline, Figure, Link, Paragraph, body_text
from tests.conftest import FIXTURES, ROOT
from convert.validation import epubcheck

FEEDS = FIXTURES / "feeds"


def test_rss_entries_map_to_documents() -> None:
    docs = api.read_all(FEEDS / "week.rss")
    assert [d.headline for d in docs] == ["Harbor bridge reopens after storm repairs",
                                          "Library extends weekend opening hours",
                                          "Photo: sunrise over the harbor"]
    bridge, library, photo = docs
    assert bridge.provenance.format == "feed"
    assert bridge.id == bridge.url == "https://courier.example/2024/03/14/bridge-reopens"
    assert bridge.bylines == (Byline("Jane Doe"),)
    assert bridge.published == "2024-03-14T18:05:00-04:00" and bridge.updated is None
    assert bridge.keywords == ("Transport", "Weather")
    assert bridge.summary == "The Casco Bay bridge is open again, two weeks after a storm surge."
    assert bridge.source == "Harbor City Courier" and bridge.language == "en-us"
    assert bridge.copyright == "Copyright 2024 Harbor City Courier"
    assert "not content" not in body_text(bridge.body)  # the script is gone
    assert isinstance(bridge.body[-1], Paragraph)
    assert Link(("storm coverage",), "https://courier.example/storm") in bridge.body[-1].content
    # RSS author "addr (Name)": the name is the byline, the address kept
    assert library.bylines == (Byline("Sam Lee"),)
    assert dict(library.extra)["author"] == "news@courier.example (Sam Lee)"
    assert dict(library.extra)["guid"] == "courier-20240315-0042"  # not a URI: not the id
    assert library.id.startswith("urn:uuid:")
    assert library.published == "2024-03-15T09:30:00+00:00"
    assert [body_text((b,)) for b in library.body] == [
        "The central library will stay open until 8 p.m. on Saturdays from April.",
        "Sunday hours are unchanged."]
    assert photo.body == (Figure(("Photo: sunrise over the harbor",),
                                 src="https://courier.example/media/sunrise.jpg"),)


def test_atom_entries_map_to_documents() -> None:
    comet, record = api.read_all(FEEDS / "science.atom")
    assert comet.headline == "Une comète visible à l'œil nu"  # HTML title read as text
    assert comet.id == "urn:uuid:0e2f4f52-6f5e-4a4e-b7c0-3f3b8f1c9a01"
    assert comet.bylines == (Byline("Claire Martin"), Byline("Paul Girard"))
    assert comet.published == "2024-05-01T21:15:00+02:00"
    assert comet.updated == "2024-05-02T07:40:00+02:00"
    assert comet.language == "fr" and comet.keywords == ("astronomie",)
    assert comet.copyright == "© 2024 Lettre des sciences"
    assert [b.type for b in comet.body] == ["paragraph", "heading", "list"]
    assert record.published is None and record.updated == "2024-04-30T12:00:00+00:00"
    assert [body_text((b,)) for b in record.body] == [
        "Le mois d'avril a été le plus chaud jamais mesuré.", "Les relevés couvrent 150 ans."]


@pytest.mark.parametrize("name", ["week.rss", "science.atom"])
def test_detected_and_read_back_exactly(name: str) -> None:
    data = (FEEDS / name).read_bytes()
    assert sniff.detect(data[:65536], "feed.xml").name == "feed"
    for doc in api.read_all(data):
        written = api.write(doc, "json")
        assert api.write(api.read(written, "json"), "json") == written


def test_entry_without_text_is_skipped_with_a_warning() -> None:
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            b"<item><title>First</title><description>Some text.</description></item>"
            b"<item><title>Empty</title></item></channel></rss>")
    [doc] = api.read_all(feed)
    assert [w.code for w in doc.provenance.warnings] == ["entry-skipped"]
    assert "entry 2 (Empty)" in doc.provenance.warnings[0].message


@pytest.mark.parametrize("feed, message", [
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
     "the feed has no entries"),
    (b"<rss version='2.0'><channel><item><title>x</title></item></channel></rss>",
     "the feed has no entry with text"),
])
def test_feed_without_readable_entries_is_refused(feed: bytes, message: str) -> None:
    with pytest.raises(ConvertError) as caught:
        api.read_all(feed, "feed")
    assert caught.value.message == message


def test_entities_do_not_expand_and_nothing_is_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 9))
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}'
            f'<!ENTITY x SYSTEM "file://{secret}">]><rss version="2.0"><channel><title>T</title>'
            "<item><title>&l8;</title><description>A &x; B</description></item>"
            "</channel></rss>").encode()
    docs = api.read_all(feed, "feed")
    text = json.dumps([json.loads(api.write(d, "json")) for d in docs])
    assert "TOP-SECRET" not in text and len(text) < 10_000


def test_bundle_of_a_feed_is_one_book_passing_epubcheck(tmp_path: Path) -> None:
    book = tmp_path / "week.epub"
    run = subprocess.run([sys.executable, "-m", "convert", "bundle", str(FEEDS / "week.rss"),
                          "-o", str(book), "--title", "Harbor City Courier, week 11"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert [d.headline for d in api.read_all(book)] == [
        d.headline for d in api.read_all(FEEDS / "week.rss")]
    assert epubcheck.unavailable() is None, epubcheck.unavailable()
    findings = epubcheck.check({book: "week.epub"})
    assert [str(f) for f in findings if f.severity in ("error", "warning")] == []
