"""Saved web pages: another site's article extracted (trafilatura); our own pages read exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert import api
from convert.formats import sniff
from convert.errors import ConvertError
from convert.model import Byline, Heading, ListBlock, body_text
from convert.options import WriteOptions
from tests.support import factories
from tests.conftest import DEV_CORPUS, FIXTURES
from tests.support.newsml import schema_errors

PAGES = FIXTURES / "pages"
PAGE = PAGES / "harbor-courier.html"


def test_article_and_metadata_extracted() -> None:
    doc = api.read(PAGE)
    assert doc.provenance.format == "webpage"
    assert doc.headline == "Harbor bridge reopens after storm repairs"
    assert doc.bylines == (Byline("Jane Doe"),)
    assert doc.published == "2024-03-14T18:05:00-04:00"  # the day htmldate found, timed by the page
    assert doc.source == "Harbor City Courier"
    assert doc.language == "en-US"
    assert doc.url == "https://courier.example/2024/03/14/bridge-reopens"
    assert doc.summary == "The Casco Bay bridge is open again, two weeks after a storm surge."
    text = body_text(doc.body)
    assert text.startswith("The Casco Bay harbor bridge reopened")  # the <h1> is the headline
    assert "Cyclists can use the new protected lane from Friday." in text
    assert any(isinstance(b, Heading) and b.content == ("Three shifts a day",) for b in doc.body)
    assert any(isinstance(b, ListBlock) for b in doc.body)
    for furniture in ("Subscribe today", "Most read", "harborfan77", "Privacy policy", "©"):
        assert furniture not in text
    [warning] = [w for w in doc.provenance.warnings if w.code == "page-furniture"]
    assert "left out" in warning.message


def test_extracted_page_converts_to_every_writer() -> None:
    doc = api.read(PAGE)
    assert schema_errors(api.write(doc, "newsml")) == []
    written = api.write(doc, "json")
    assert api.write(api.read(written, "json"), "json") == written
    for name in ("ninjs", "html", "epub", "newsml-message"):
        assert api.write([doc] if name in ("epub", "newsml-message") else doc, name)


@pytest.mark.parametrize("fragment", [False, True])
def test_our_own_pages_are_still_read_exactly(fragment: bool) -> None:
    page = api.write(factories.FULL, "html", WriteOptions(fragment=fragment))
    assert sniff.detect(page[:65536], "a.html").name == "html"
    assert api.read(page) == factories.FULL


@pytest.mark.parametrize("head, expected", [
    (b"<!DOCTYPE html><html><head><title>x</title></head><body><p>y</p></body></html>",
     "webpage"),
    # server messages or a script before <html>, as saved pages have
    (b"<br />\n<b>Warning</b>: mysql error\n<!DOCTYPE html><html lang='de'><head>", "webpage"),
    (b"\n<script>var a = 1;</script>\n<html><body><p>x</p></body></html>", "webpage"),
    (b"A story that mentions <p> tags and <html> in passing.\n", "text"),
])
def test_detection(head: bytes, expected: str) -> None:
    assert sniff.detect(head, None).name == expected


def test_page_without_article_text_is_one_line_error() -> None:
    with pytest.raises(ConvertError) as caught:
        api.read(b"<!DOCTYPE html><html><head><title>Empty</title></head><body>"
                 b"<script>document.write('x')</script></body></html>", "webpage")
    assert caught.value.code == "no-body"


def test_nothing_from_scripts_or_styles_reaches_the_document() -> None:
    doc = api.read(PAGE)
    dumped = json.dumps(json.loads(api.write(doc, "json")))
    assert "dataLayer" not in dumped and "font-family" not in dumped


def test_trafilatura_is_imported_only_for_pages(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys, convert.api as a; a.read(sys.argv[1]); "
            "print('trafilatura' in sys.modules, 'feedparser' in sys.modules)")
    article = DEV_CORPUS / "003-ap-giant-pumpkin.txt"
    run = subprocess.run([sys.executable, "-c", code, str(article)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.split() == ["False", "False"]
