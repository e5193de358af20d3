"""What a reader sees: our HTML pages and a 20-article periodical EPUB rendered in
headless Chromium (Debian's ``chromium``), checked from the rendered DOM.

* every corpus article's page (dev corpus and the real BBC stories): the dateline
  renders as written (``innerText``, which applies CSS ``text-transform``, equals
  the text), dates are shown for people (not ISO) with the machine value in
  ``datetime``, and no caption block renders empty;
* a bundle of 20 BBC stories, sections from their file names: the navigation
  document, contents page, a section page, the cover and two chapters; every
  link resolves to a file of the book, the
  landmarks do not show, each chapter has its Previous/Section/Contents/Next bar,
  and the cover's title lines stay inside the cover.

``pytest --regen-golden`` also rewrites the two screenshots the README shows
(``docs/screenshots/``).  Without chromium the module is skipped, except in CI
(``CI`` set), where a missing browser is a failure: the README's test command
installs it.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from convert import api
from convert.model import Document
from convert.options import WriteOptions
from convert.run.bundle import bundle
from convert.writers import html
from convert.writers.present import people_date
from tests.chromium import Browser, chromium_path
from tests.conftest import ROOT, SHARED, readable_articles

if chromium_path() is None and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (apt-get install chromium); in CI this fails",
                allow_module_level=True)

REAL = sorted((SHARED / "corpus" / "real" / "bbc-fulltext").glob("*.txt"))
SCREENSHOTS = ROOT / "docs" / "screenshots"
ISO_LOOK = re.compile(r"\d{4}-\d{2}-\d{2}")

#: What the checks read from a page (run in the page).
PAGE_FACTS = """(() => {
  const shown = (e) => e.getBoundingClientRect().height > 0;
  return {
    places: [...document.querySelectorAll('.dateline .place')].map(e => [e.textContent, e.innerText]),
    dates: [...document.querySelectorAll('.dates time, .dates [data-datetime]')].map(
        e => [e.getAttribute('datetime') || e.dataset.datetime, e.innerText]),
    emptyCaptions: [...document.querySelectorAll('figcaption')].filter(
        e => shown(e) && !e.innerText.trim()).length,
    figuresWithoutImage: [...document.querySelectorAll('figure.photo')].filter(
        f => !f.querySelector('img')).map(f => {
          const caption = f.querySelector('figcaption');
          return caption ? [caption.innerText.trim() !== '', shown(caption),
                            getComputedStyle(caption).borderInlineStartWidth] : null; }),
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    images: [...document.querySelectorAll('img')].map(i => [i.getAttribute('src'), i.naturalWidth]),
  };
})()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if chromium_path() is None:
        pytest.fail("CI: chromium is missing; the README's test command installs it")
    chromium = Browser(width=900, height=1100)
    yield chromium
    chromium.close()


def _corpus() -> list[tuple[str, Document]]:
    return [(path.stem, api.read(path)) for path in [*readable_articles(), *REAL]]


def test_every_corpus_page_shows_datelines_as_written_dates_for_people_and_no_empty_caption(
        browser: Browser, tmp_path: Path) -> None:
    documents = _corpus()
    assert len(documents) >= 60
    localised = 0
    for stem, doc in documents:
        page = tmp_path / f"{stem}.html"
        page.write_bytes(html.write(doc, WriteOptions()))
        browser.load(page)
        facts = browser.evaluate(PAGE_FACTS)
        for text, rendered in facts["places"]:
            assert rendered == text, f"{stem}: dateline {text!r} renders as {rendered!r}"
        assert len(facts["places"]) == (1 if doc.dateline and doc.dateline.place else 0), stem
        for value, rendered in facts["dates"]:
            assert rendered == people_date(value, doc.language), stem
            if doc.language:
                assert not ISO_LOOK.search(rendered), f"{stem}: {rendered!r} is machine-made"
                localised += 1
        assert facts["emptyCaptions"] == 0, stem
        for caption in facts["figuresWithoutImage"]:  # a captioned note in place
            assert caption is None or (caption[0] and caption[1] and caption[2] != "0px"), stem
    assert localised >= 20


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 BBC stories, sections from their file names, unpacked for the browser."""
    folder = tmp_path_factory.mktemp("book")
    output = folder / "bbc.epub"
    report = bundle([str(path) for path in REAL[:40:2]], str(output), WriteOptions(
        title="BBC News: twenty stories from business, entertainment, politics, sport "
              "and technology", group_by="{stem:split(-)[0]}", cover="auto", language="en-GB"))
    assert report.ok and len(report.files) == 20
    unpacked = folder / "unpacked"
    with zipfile.ZipFile(output) as archive:
        archive.extractall(unpacked)
    return unpacked / "EPUB"


def _resolves(book: Path, url: str) -> bool:
    """A link inside the book names one of its files; others are web or mail addresses."""
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return parsed.scheme in ("http", "https", "mailto")
    target = Path(unquote(parsed.path))
    return target.is_file() and book in target.parents


def _check_links(book: Path, browser: Browser, page: str) -> list[str]:
    browser.load(book / page)
    links = browser.evaluate(PAGE_FACTS)["links"]
    broken = [link for link in links if not _resolves(book, link)]
    assert not broken, f"{page}: links that do not resolve: {broken}"
    return links


def test_navigation_document_links_resolve_and_landmarks_stay_hidden(
        browser: Browser, book: Path) -> None:
    links = _check_links(book, browser, "nav.xhtml")
    assert len([link for link in links if "/text/a" in link]) == 20
    assert browser.evaluate("document.querySelector('nav[*|type=landmarks], nav#landmarks')"
                            ".getBoundingClientRect().height") == 0
    assert browser.evaluate("document.querySelector('nav#toc').getBoundingClientRect().height") > 0


def test_contents_and_section_pages(browser: Browser, book: Path,
                                    request: pytest.FixtureRequest) -> None:
    links = _check_links(book, browser, "text/contents.xhtml")
    sections = sorted({link for link in links if re.search(r"/s\d{3}\.xhtml$", link)})
    assert len(sections) == 5  # business, entertainment, politics, sport, tech
    assert browser.evaluate("getComputedStyle(document.querySelector('.toc-articles'))"
                            ".listStyleType") == "none"
    for section in sections:
        page = Path(unquote(urlparse(section).path)).relative_to(book).as_posix()
        _check_links(book, browser, page)
        listing = browser.evaluate("""[...document.querySelectorAll('.section-articles li')].map(
            li => [li.querySelector('h2').innerText, li.querySelector('.description')?.innerText,
                   li.querySelector('.meta')?.innerText || ''])""")
        assert listing and all(title and description for title, description, _ in listing)
    browser.load(book / "text/s001.xhtml")
    if request.config.getoption("--regen-golden"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.screenshot(SCREENSHOTS / "epub-section-page.png", 640, 820)


def test_two_chapters_render_with_their_navigation_bar(browser: Browser, book: Path) -> None:
    for page in ("text/a00001.xhtml", "text/a00002.xhtml"):
        links = _check_links(book, browser, page)
        bar = browser.evaluate("""[...document.querySelectorAll('nav.article-nav a')].map(
            a => [a.getAttribute('rel') || '', a.innerText, a.getBoundingClientRect().height > 0])""")
        assert all(visible for _, _, visible in bar)
        rels = [rel for rel, _, _ in bar]
        assert "next" in rels and ("prev" in rels) == (page != "text/a00001.xhtml")
        assert any(text == "Contents" for _, text, _ in bar)
        assert len(links) >= len(bar)
        facts = browser.evaluate(PAGE_FACTS)
        assert facts["emptyCaptions"] == 0
        for value, rendered in facts["dates"]:
            assert rendered == people_date(value, "en") and not ISO_LOOK.search(rendered)


def test_cover_page_shows_the_cover_and_its_title_fits(browser: Browser, book: Path,
                                                       request: pytest.FixtureRequest) -> None:
    browser.load(book / "cover.xhtml")
    [(source, width)] = browser.evaluate(PAGE_FACTS)["images"]
    assert source == "images/cover.svg" and width > 0
    browser.load(book / "images/cover.svg")
    boxes = browser.evaluate("""[...document.querySelectorAll('text')].map(t => {
        const b = t.getBBox(); return [t.textContent, b.x, b.x + b.width, b.y, b.y + b.height]; })""")
    assert len(boxes) >= 4  # title lines, dates, sections, count
    for text, left, right, top, bottom in boxes:
        assert 0 <= left and right <= 600 and 0 <= top and bottom <= 800, (text, left, right)
    title = " ".join(text for text, *_ in boxes[:-3])
    assert "twenty stories" in title
    if request.config.getoption("--regen-golden"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.screenshot(SCREENSHOTS / "epub-cover.png", 600, 800)


def test_a_page_screenshot_for_the_readme(browser: Browser, tmp_path: Path,
                                          request: pytest.FixtureRequest) -> None:
    doc = api.read(SHARED / "corpus" / "dev" / "003-ap-giant-pumpkin.txt")
    page = tmp_path / "page.html"
    page.write_bytes(html.write(doc, WriteOptions()))
    browser.load(page)
    facts = browser.evaluate(PAGE_FACTS)
    assert facts["places"] == [["DES MOINES, Iowa", "DES MOINES, Iowa"]]
    assert facts["dates"] == [["2019-08-17T15:47:00-05:00",
                               "August 17, 2019, 3:47\u202fPM GMT-05:00"]]
    if request.config.getoption("--regen-golden"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.screenshot(SCREENSHOTS / "html-page.png", 640, 820)
