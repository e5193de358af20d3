"""HTML writer: the Nu HTML Checker passes every page, text is inert, output is stable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from convert import api
from convert.cli import app
from convert.errors import ConvertError
from convert.formats.htmlarticle import text_direction
from convert.formats.body.build import is_safe_url
from convert.model import Document
from convert.options import WriteOptions
from convert.writers.html import default_stylesheet
from tests.support import factories, html_factories
from tests.conftest import DEV_CORPUS, FIXTURES, ROOT, readable_articles

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HOUSE_CSS = """\
body { font-family: "Helvetica Neue", Arial, sans-serif; margin: 2rem; }
.news-article h1 { color: #8b0000; }
.byline::before { content: "— "; }
"""
#: A page with known faults, checked in the same run to show the checker reports them.
BROKEN_PAGE = "broken.sentinel.html"



DOCUMENT_NAMES = ([f"corpus-{path.stem}" for path in readable_articles()]
                  + [f"factory-{name}" for name in factories.ALL]
                  + [f"case-{name}" for name in html_factories.ALL])


def documents() -> dict[str, Document]:
    docs = {f"corpus-{path.stem}": api.read(path) for path in readable_articles()}
    docs |= {f"factory-{name}": doc for name, doc in factories.ALL.items()}
    docs |= {f"case-{name}": doc for name, doc in html_factories.ALL.items()}
    return docs


def page(doc: Document, **options: object) -> bytes:
    return api.write(doc, "html", WriteOptions(**options))


def in_minimal_page(fragment: bytes, language: str | None) -> bytes:
    """A fragment embedded the way a CMS would: inside a page of its own."""
    return (f'<!DOCTYPE html>\n<html lang="{language or ""}">\n<head>\n<meta charset="utf-8">\n'
            "<title>Embedded article</title>\n</head>\n<body>\n").encode() + fragment + (
        b"</body>\n</html>\n")


# ---------------------------------------------------------------- Nu HTML Checker


@pytest.fixture(scope="session")
def nu_messages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every page and fragment-in-a-page checked in ONE run of the Nu checker.

    Returns the checker's messages (errors, warnings and info alike) by file
    name; every file checked has an entry, messages that name no file go under
    ``(no file)``.
    """
    if shutil.which("java") is None:
        pytest.skip("java is not installed: the Nu HTML Checker needs Java 17+")
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `npm ci` (see README)"
    folder = tmp_path_factory.mktemp("nu")
    for name, doc in documents().items():
        (folder / f"{name}.page.html").write_bytes(page(doc))
        (folder / f"{name}.fragment.html").write_bytes(
            in_minimal_page(page(doc, fragment=True), doc.language))
    (folder / "house-css.page.html").write_bytes(page(factories.FULL, css=HOUSE_CSS))
    (folder / BROKEN_PAGE).write_text(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>t</title></head><body>"
        "<article><p>no heading</p><p><b><i>misnested</b></i></p></article></body></html>",
        encoding="utf-8")
    files = sorted(path.name for path in folder.iterdir())
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--also-check-css",
         "--exit-zero-always", *(str(folder / name) for name in files)],
        capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    by_file: dict[str, list[str]] = {name: [] for name in [*files, "(no file)"]}
    for message in report["messages"]:
        name = _file_name(message.get("url", ""))
        name = name if name in files else "(no file)"
        kind = message["type"] + (f"/{message['subType']}" if "subType" in message else "")
        by_file[name].append(f"{kind} line {message.get('lastLine')}: {message['message']}")
    return by_file


def _file_name(url: str) -> str:
    """``file:/tmp/x/a.html`` (the checker's form) -> ``a.html``."""
    return Path(unquote(urlparse(url).path)).name if url else ""


@pytest.mark.parametrize("name", DOCUMENT_NAMES)
@pytest.mark.parametrize("kind", ["page", "fragment"])
def test_nu_checker_reports_nothing(nu_messages: dict[str, list[str]], name: str,
                                    kind: str) -> None:
    file = f"{name}.{kind}.html"
    assert nu_messages[file] == [], "\n".join([file, *nu_messages[file]])


@pytest.mark.parametrize("file", ["house-css.page.html", "(no file)"])
def test_nu_checker_passes_the_users_stylesheet_and_reports_no_stray_message(
        nu_messages: dict[str, list[str]], file: str) -> None:
    assert nu_messages[file] == [], "\n".join([file, *nu_messages[file]])


def test_nu_checker_is_not_blind(nu_messages: dict[str, list[str]]) -> None:
    """A broken page in the same run gets an error and a warning: silence above means something."""
    kinds = {message.split(" line ")[0] for message in nu_messages[BROKEN_PAGE]}
    assert {"error", "info/warning"} <= kinds, nu_messages[BROKEN_PAGE]


# ---------------------------------------------------------------- escaping (XSS)


def parsed(data: bytes):
    return lxml_html.document_fromstring(data.decode("utf-8"))


def json_ld(tree) -> dict:
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    return json.loads(scripts[0].text)


@pytest.mark.parametrize("fragment", [False, True])
def test_hostile_text_is_shown_never_run(fragment: bool) -> None:
    doc = html_factories.HOSTILE
    tree = parsed(page(doc, fragment=fragment))
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ([] if fragment else ["application/ld+json"])
    assert len(tree.xpath("//style")) == (0 if fragment else 1)
    assert not tree.xpath("//@*[starts-with(name(), 'on')]")
    assert not tree.xpath("//article//img")
    for attribute in tree.xpath("//@href | //@src"):
        assert is_safe_url(attribute), attribute
    article = tree.xpath("//article")[0]
    assert html_factories.SCRIPT in article.text_content()
    assert html_factories.BREAKOUT in article.text_content()
    # shown with typographic quotes (a writer pass); the exact text is kept and read back
    assert '<img src=x onerror=“alert(11)”>' in article.text_content()
    assert api.read(page(doc, fragment=fragment), "html") == doc


def test_json_ld_cannot_break_out_of_its_script() -> None:
    data = page(html_factories.HOSTILE)
    head = data.split(b"</head>")[0]
    script = head.split(b'<script type="application/ld+json">')[1].split(b"</script>")[0]
    assert b"<" not in script and b">" not in script and b"&" not in script
    linked = json_ld(parsed(data))
    assert linked["headline"] == html_factories.HOSTILE.headline
    assert linked["description"] == html_factories.BREAKOUT
    assert linked["alternativeHeadline"] == html_factories.BREAKOUT
    assert linked["publisher"]["name"] == html_factories.HOSTILE.source
    assert html_factories.SCRIPT in linked["articleBody"]
    assert "url" in linked  # kept as data; never a link:
    assert not parsed(data).xpath("//link[@rel='canonical'] | //meta[@property='og:url']")


def test_unsafe_links_keep_their_text_but_are_not_links() -> None:
    article = parsed(page(html_factories.HOSTILE, fragment=True))
    anchors = article.xpath("//a")
    assert [a.text for a in anchors] == ["click", "tab", "data", "vb"]
    assert all(a.get("href") is None and a.get("data-href") for a in anchors)


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/x", True), ("/relative", True), ("#part", True), ("mailto:a@b", True),
    ("javascript:alert(1)", False), (" JaVaScRiPt:x", False), ("java\tscript:x", False),
    ("\x01javascript:x", False), ("data:text/html,x", False), ("vbscript:x", False),
])
def test_url_safety(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_a_stylesheet_that_would_end_the_style_element_is_refused() -> None:
    with pytest.raises(ConvertError, match="</style"):
        page(factories.FULL, css="p { color: red } </STYLE><script>alert(1)</script>")


def test_control_characters_are_a_clear_error() -> None:
    from dataclasses import replace

    with pytest.raises(ConvertError, match="control characters"):
        page(replace(factories.FULL, headline="bell \x07"))


# ---------------------------------------------------------------- page structure


def test_page_metadata_for_the_full_document() -> None:
    doc = factories.FULL
    tree = parsed(page(doc))
    assert tree.get("lang") == "en-GB" and tree.get("dir") is None
    assert tree.findtext(".//title") == doc.headline
    meta = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")
            if m.get("content")}
    assert meta["description"] == doc.summary == meta["og:description"]
    assert meta["og:title"] == doc.headline
    assert meta["og:url"] == doc.url and meta["og:locale"] == "en_GB"
    assert meta["article:published_time"] == doc.published
    assert meta["article:modified_time"] == doc.updated
    assert tree.xpath("//link[@rel='canonical']/@href") == [doc.url]
    linked = json_ld(tree)
    assert linked["@type"] == "NewsArticle" and linked["@context"] == "https://schema.org"
    assert linked["identifier"] == doc.id and linked["version"] == 2
    assert (linked["headline"], linked["inLanguage"]) == (doc.headline, "en-GB")
    assert (linked["datePublished"], linked["dateModified"]) == (doc.published, doc.updated)
    assert [a["name"] for a in linked["author"]] == [b.name for b in doc.bylines]
    assert linked["publisher"] == {"@type": "Organization", "name": "PA"}
    assert linked["keywords"] == list(doc.keywords) and linked["dateline"] == "DUNDEE, Nov 28"
    assert linked["articleBody"].startswith("Plain emphasis and strong with a link")


def test_article_structure() -> None:
    tree = parsed(page(factories.FULL))
    article = tree.xpath("/html/body/main/article")[0]
    assert [child.tag for child in article] == ["header", "div", "footer"]
    header = article.find("header")
    assert header.find("h1").text_content() == "Dundee footbridge to open <soon> & “safely”"
    assert json.loads(header.find("h1/span").get("data-text")) == factories.FULL.headline
    assert header.xpath("p[@class='subheadline']/text()") == ["Test crossings begin next week"]
    assert header.xpath(".//time/@datetime") == ["2022-11-28T09:30:00+00:00", "2022-11-29"]
    assert header.xpath(".//time/text()") == ["28 November 2022, 09:30 UTC", "29 November 2022"]
    body = article.find("div")
    assert [child.tag for child in body] == ["p", "h2", "figure", "ul", "ol", "figure", "aside",
                                             "aside", "p"]
    assert body.xpath("figure[@class='quote']/figcaption/text()") == ["A council spokesperson"]
    assert body.xpath("figure[@class='photo']//small[@class='credit']/text()") == ["Reuters"]
    assert body.xpath("aside/@class") == ["note correction", "note editors-note"]


def test_a_document_without_headline_still_has_a_heading_and_title() -> None:
    tree = parsed(page(factories.MINIMAL))
    h1 = tree.xpath("//article/header/h1")[0]
    assert h1.get("data-placeholder") == "" and h1.text == "Only a body."
    assert tree.findtext(".//title") == "Only a body."
    assert not tree.xpath("//link[@rel='canonical']")
    assert "headline" not in json_ld(tree)


def test_no_external_requests() -> None:
    """Only the document's own images load anything: no fonts, scripts or stylesheets."""
    for doc in [*factories.ALL.values(), *html_factories.ALL.values()]:
        tree = parsed(page(doc))
        assert not tree.xpath("//script[@src] | //link[@rel!='canonical'] | //iframe | //object")
        images = tree.xpath("//img/@src")
        assert images == [b.src for b in doc.body if getattr(b, "src", None) and is_safe_url(b.src)]
    css = default_stylesheet()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_fragment_is_exactly_the_pages_article() -> None:
    for doc in [*factories.ALL.values(), *html_factories.ALL.values()]:
        fragment = page(doc, fragment=True)
        assert fragment.startswith(b"<article ") and fragment.endswith(b"</article>\n")
        assert fragment in page(doc)
        assert b"<head>" not in fragment and b"<style>" not in fragment


@pytest.mark.parametrize("language, direction", [
    ("ar", "rtl"), ("he", "rtl"), ("fa-IR", "rtl"), ("ur", "rtl"), ("yi", "rtl"),
    ("az-Arab", "rtl"), ("ku-Latn", None), ("en", None), ("zh-Hans", None), (None, None),
])
def test_text_direction(language: str | None, direction: str | None) -> None:
    assert text_direction(language) == direction


def test_arabic_page_is_right_to_left_and_fragment_too() -> None:
    tree = parsed(page(factories.ARABIC))
    assert (tree.get("lang"), tree.get("dir")) == ("ar", "rtl")
    fragment = parsed(page(factories.ARABIC, fragment=True)).xpath("//article")[0]
    assert (fragment.get("lang"), fragment.get("dir")) == ("ar", "rtl")
    assert fragment.xpath(".//p[@class='byline']")[0].text_content().startswith("بقلم ")


def test_users_stylesheet_replaces_ours() -> None:
    data = page(factories.FULL, css=HOUSE_CSS).decode()
    assert HOUSE_CSS.strip() in data
    assert default_stylesheet().strip() not in data
    assert default_stylesheet().strip() in page(factories.FULL).decode()


# ---------------------------------------------------------------- determinism and goldens


def test_output_is_deterministic_across_processes() -> None:
    script = ("import sys; from convert import api; from convert.options import WriteOptions; "
              "from tests.support.html_factories import RICH; "
              "sys.stdout.buffer.write(api.write(RICH, 'html'))")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True,
                              capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}
                              ).stdout for seed in ("1", "2")}
    assert outputs == {page(html_factories.RICH)}


GOLDEN = {
    "full": (factories.FULL, {}), "full.fragment": (factories.FULL, {"fragment": True}),
    "arabic": (factories.ARABIC, {}), "chinese": (factories.CHINESE, {}),
    "minimal": (factories.MINIMAL, {}), "rich.fragment": (html_factories.RICH, {"fragment": True}),
}


@pytest.mark.parametrize("name", GOLDEN)
def test_golden(golden, name: str) -> None:
    doc, options = GOLDEN[name]
    golden(FIXTURES / "html" / f"factory-{name}.html", page(doc, **options))


# ---------------------------------------------------------------- command line


def test_cli_fragment_and_css(tmp_path: Path) -> None:
    article = DEV_CORPUS / "005-yaml-dundee-footbridge.txt"
    runner = CliRunner()
    fragment = runner.invoke(app, ["convert", str(article), "--to", "html", "--fragment"])
    assert fragment.exit_code == 0, fragment.output
    assert fragment.stdout.startswith("<article ")
    house = tmp_path / "house.css"
    house.write_text(HOUSE_CSS, encoding="utf-8")
    out = tmp_path / "a.html"
    styled = runner.invoke(app, ["convert", str(article), "--to", "html", "--css", str(house),
                                 "-o", str(out)])
    assert styled.exit_code == 0, styled.output
    assert out.read_bytes() == page(api.read(article), css=HOUSE_CSS)


def test_article_element_builds_the_same_markup_as_xhtml_for_epub() -> None:
    from lxml import etree

    from convert.formats.htmlarticle import article_element
    from convert.formats.body import XHTML
    from convert.formats.body.build import MarkupBuilder

    from convert.writers.present import people_date, typeset

    language = html_factories.RICH.language
    build = MarkupBuilder(XHTML, nfc_text=True,
                          typeset=lambda text, before: typeset(text, language, before))
    xhtml = etree.tostring(article_element(html_factories.RICH, build,
                                           lambda value: people_date(value, language)),
                           encoding="unicode")
    tree = etree.fromstring(xhtml)
    assert tree.tag == f"{{{XHTML}}}article" and xhtml.count("xmlns") == 1
    html_tree = parsed(page(html_factories.RICH, fragment=True)).xpath("//article")[0]
    assert [etree.QName(e).localname for e in tree.iter()] == [e.tag for e in html_tree.iter()]
    assert "".join(tree.itertext()) == html_tree.text_content()


# ---------------------------------------------------------------- issue 18 defects


def test_the_stylesheets_never_change_the_case_of_what_was_written() -> None:
    from convert.writers.epub import default_css

    for css in (default_stylesheet(), default_css()):
        assert "text-transform" not in css


def test_a_figure_without_image_is_a_captioned_note_in_place_and_no_caption_is_empty() -> None:
    from convert.model import Figure, Paragraph

    doc = Document(id="urn:x", language="en", body=(
        Paragraph(("Before.",)), Figure(("The bridge at dusk",), "PA"), Figure(()),
        Figure((), None, "https://example.org/p.jpg"), Paragraph(("After.",))))
    body = parsed(page(doc)).xpath("//div[@class='article-body']")[0]
    assert [child.tag for child in body] == ["p", "figure", "figure", "figure", "p"]
    no_image = body[1]
    assert no_image.find("img") is None and no_image[0].tag == "figcaption"
    assert "figure.photo > figcaption:first-child" in default_stylesheet()  # shown as a note
    assert not [caption for caption in body.iter("figcaption") if not caption.text_content()]
    assert body[2].find("figcaption") is None and body[3].find("figcaption") is None
    assert api.read(page(doc), "html") == doc


def test_cjk_dateline_and_byline_punctuation() -> None:
    article = parsed(page(factories.CHINESE)).xpath("//article")[0]
    assert article.xpath("string(.//p[@class='dateline'])") == "北京，3月5日"
    assert article.xpath("string(.//p[@class='byline'])").startswith("作者：王晓明")
    ja = parsed(page(Document(id="urn:j", language="ja", dateline=factories.CHINESE.dateline,
                              bylines=factories.CHINESE.bylines[:1])))
    assert ja.xpath("string(//p[@class='dateline'])") == "北京，3月5日"
    assert ja.xpath("string(//p[@class='byline'])") == "筆者：王晓明"
    assert parsed(page(factories.FULL)).xpath("string(//p[@class='dateline'])") == "DUNDEE, Nov 28"
