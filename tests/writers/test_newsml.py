"""NewsML-G2 newsItem / newsMessage writers, checked by the official IPTC XSD and the Nu checker."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from convert import api
from convert.cli import app
from convert.errors import ConvertError
from dataclasses import replace

from convert.model import Concept, Contributor, Document, Heading, Paragraph
from convert.options import WriteOptions
from convert.formats import newsml
from tests.support import factories
from tests.conftest import DEV_CORPUS, FIXTURES, SHARED, readable_articles
from tests.support.newsml import (
    NS, edge_documents, nu_check, official_examples, safe_parser, schema_errors, xhtml_bodies,
)

from convert.formats import vocabulary

NOT_IN_SOURCE = vocabulary.term(vocabulary.STAMPED)
GOLDEN_ARTICLES = ("000-uzbek-militants", "011-ar-cairo-metro", "026-xml-escape-script-audit")


@pytest.fixture(autouse=True)
def _fixed_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def all_documents() -> dict[str, Document]:
    docs = {f"factory-{name}": doc for name, doc in factories.ALL.items()}
    docs.update({f"edge-{name}": doc for name, doc in edge_documents().items()})
    docs.update({path.stem: api.read(path) for path in readable_articles()})
    return docs


def tree(xml: bytes) -> etree._Element:
    return etree.fromstring(xml, safe_parser())


# ---------------------------------------------------------------- XSD validity


@pytest.mark.parametrize("path", readable_articles(), ids=lambda p: p.stem)
def test_each_dev_article_is_a_valid_news_item(path: Path) -> None:
    xml = api.write(api.read(path), "newsml")
    assert schema_errors(xml) == []
    assert tree(xml).tag == f"{{{newsml.NAR}}}newsItem"


@pytest.mark.parametrize("name", [*factories.ALL, *edge_documents()])
def test_each_factory_and_edge_document_is_a_valid_news_item(name: str) -> None:
    doc = factories.ALL.get(name) or edge_documents()[name]
    assert schema_errors(api.write(doc, "newsml")) == []


def test_all_dev_articles_make_one_valid_news_message() -> None:
    docs = [api.read(path) for path in readable_articles()]
    xml = api.write(docs, "newsml-message")
    assert schema_errors(xml) == []
    items = tree(xml).findall("n:itemSet/n:newsItem", NS)
    assert [item.get("guid") for item in items] == [doc.id for doc in docs]


def test_the_validator_is_real() -> None:
    """A broken item (versionCreated a date only) is reported by the XSD."""
    xml = api.write(factories.FULL, "newsml").replace(
        b">2023-11-14T22:13:20Z</versionCreated>", b">2022-11-29</versionCreated>")
    assert any("versionCreated" in error for error in schema_errors(xml))


# ---------------------------------------------------------------- XHTML bodies


def test_every_xhtml_body_passes_the_nu_checker(tmp_path: Path) -> None:
    """All bodies (dev corpus, factories, edge cases, examples written back) in one JVM run."""
    bodies: dict[str, bytes] = {}
    for name, doc in all_documents().items():
        [bodies[name]] = xhtml_bodies(api.write(doc, "newsml"))
    for path in official_examples():
        if not schema_errors(path.read_bytes()):
            for index, doc in enumerate(api.read_all(path)):
                written = xhtml_bodies(api.write(doc, "newsml"))
                if doc.item_type == "composite" and not written:
                    continue  # written back as a packageItem: no body of its own
                [bodies[f"{path.name}#{index}"]] = written
    broken = bodies["factory-full"].replace(b"<li>free bikes</li>", b"<p>not in a li</p>")
    bodies["control-broken"] = broken
    errors = nu_check(bodies, tmp_path)
    assert errors.pop("control-broken"), "the Nu checker must reject <p> directly in <ul>"
    assert {name: found for name, found in errors.items() if found} == {}


def test_body_is_one_xhtml_html_with_every_block_type() -> None:
    xml = api.write(factories.FULL, "newsml")
    [body] = xhtml_bodies(xml)
    html = tree(body)
    assert [element.tag.split("}")[1] for element in html.find("x:body", NS)] == [
        "p", "h2", "figure", "ul", "ol", "figure", "aside", "aside", "p"]
    assert html.findtext("x:body/x:figure[@class='photo']/x:figcaption/x:small[@class='credit']",
                         namespaces=NS) == "Reuters"
    assert html.find("x:body/x:aside[@class='note correction']", NS) is not None
    assert html.findtext("x:body/x:figure[@class='quote']/x:figcaption", namespaces=NS) == \
        "A council spokesperson"


def test_text_that_looks_like_markup_stays_text() -> None:
    xml = api.write(factories.FULL, "newsml")
    root = tree(xml)
    assert not list(root.iter("{*}script"))
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; shown as text." in xml
    assert root.findtext("n:contentMeta/n:headline", namespaces=NS) == factories.FULL.headline


def test_text_not_in_nfc_is_kept_as_character_references() -> None:
    xml = api.write(factories.FULL, "newsml")
    assert b"combining e&#x301; stay" in xml
    assert "combining e\u0301 stay" in "".join(tree(xml).itertext())


# ---------------------------------------------------------------- mapping


def test_every_field_has_its_element() -> None:
    doc = edge_documents()["byline-roles"]
    root = tree(api.write(doc, "newsml"))
    meta, content = root.find("n:itemMeta", NS), root.find("n:contentMeta", NS)

    def text(parent: etree._Element, path: str) -> str | None:
        return parent.findtext(path, namespaces=NS)

    assert (root.get("guid"), root.get("version")) == (doc.id, "2")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    assert root.find("n:catalogRef", NS).get("href") == newsml.IPTC_CATALOG
    assert text(root, "n:rightsInfo/n:copyrightNotice") == "© 2022 PA Media"
    assert meta.find("n:itemClass", NS).get("qcode") == "ninat:text"
    assert text(meta, "n:provider/n:name") == "newsconvert"  # the source is infoSource
    assert meta.find("n:provider", NS).get("uri") == vocabulary.term("cv/provider/default")
    assert meta.find("n:pubStatus", NS).get("qcode") == "stat:usable"
    assert meta.find("n:link", NS).get("href") == "https://example.org/a"
    assert text(content, "n:contentCreated") == "2022-11-28T09:30:00+00:00"
    assert text(content, "n:contentModified") == "2022-11-29"
    assert text(content, "n:located/n:name") == "DUNDEE"
    assert text(content, "n:dateline") == "DUNDEE, Nov 28"
    assert [(text(c, "n:name"), text(c, "n:note")) for c in content.findall("n:creator", NS)] \
        == [("Fiona Baird", "Staff Reporter"), ("Callum Reid", "additional reporting")]
    assert content.find("n:infoSource", NS).get("role") == "isrol:originfo"
    assert text(content, "n:infoSource/n:name") == "PA"
    assert content.find("n:language", NS).get("tag") == "en-GB"
    assert text(content, "n:slugline") == "BRIDGE-DUNDEE"
    assert text(content, f"n:headline[@roleuri='{vocabulary.term(vocabulary.SUBHEADLINE_ROLE)}']") == \
        "Test crossings begin next week"
    assert text(content, "n:by") == "Fiona Baird, Callum Reid"
    assert content.find("n:creditline", NS) is None  # never invented from the source
    assert text(content, "n:description[@role='drol:summary']") == \
        "A new footbridge opens in spring."
    assert [k.text for k in content.findall("n:keyword", NS)] == ["transport", "walking"]


def test_news_item_fields_go_where_the_standard_puts_them() -> None:
    doc = replace(factories.FULL, pub_status="canceled", embargoed="2022-11-30T06:00:00Z",
                  ednote="Kill: legal", urgency=2, signals=("sig:correction",),
                  copyright_holder="PA Media", usage_terms="No archive",
                  subjects=(Concept("transport", qcode="medtop:20000763"),
                            Concept("x", qcode="icls:local", uri="http://e.org/icls/local")),
                  genres=(Concept("Current", qcode="genre:Current"),),
                  about=(Concept("Jane Doe", uri="http://www.wikidata.org/entity/Q1",
                                 kind="person"),))
    root = tree(api.write(doc, "newsml", WriteOptions(provider="Example Desk")))
    assert schema_errors(api.write(doc, "newsml")) == []
    meta, content = root.find("n:itemMeta", NS), root.find("n:contentMeta", NS)
    assert meta.find("n:pubStatus", NS).get("qcode") == "stat:canceled"
    assert meta.findtext("n:embargoed", namespaces=NS) == "2022-11-30T06:00:00Z"
    assert meta.findtext("n:edNote", namespaces=NS) == "Kill: legal"
    assert meta.find("n:signal", NS).get("qcode") == "sig:correction"
    assert meta.findtext("n:provider/n:name", namespaces=NS) == "Example Desk"
    assert content.findtext("n:urgency", namespaces=NS) == "2"
    assert root.findtext("n:rightsInfo/n:copyrightHolder/n:name", namespaces=NS) == "PA Media"
    assert root.findtext("n:rightsInfo/n:usageTerms", namespaces=NS) == "No archive"
    subjects = content.findall("n:subject", NS)
    assert [(e.get("qcode"), e.get("uri"), e.get("type")) for e in subjects] == [
        ("medtop:20000763", None, None), (None, "http://e.org/icls/local", None),
        (None, "http://www.wikidata.org/entity/Q1", "cpnat:person")]
    assert content.find("n:genre", NS).get("qcode") == "genre:Current"
    assert {c.get("role") for c in content.findall("n:creator", NS)} == {"cpprole:author"}


def test_provider_option_wins_over_the_provider_kept_from_the_input() -> None:
    """IPTC's LISTING 1 names its provider by a QCode (kept as written): ``--provider``
    names who supplies this output, and replaces it."""
    from tests.support.newsml import official_examples

    [path] = [p for p in official_examples() if p.name == "LISTING_1_A_NewsML-G2_News_Item.xml"]
    doc = api.read(path)
    assert "newsml:itemMeta/provider" in dict(doc.extra)

    def provider(options: WriteOptions) -> etree._Element:
        return tree(api.write(doc, "newsml", options)).find("n:itemMeta/n:provider", NS)

    assert provider(WriteOptions()).get("qcode") == "nprov:REUTERS"
    given = provider(WriteOptions(provider="Example Desk"))
    assert (given.get("qcode"), given.findtext("n:name", namespaces=NS)) == (None,
                                                                              "Example Desk")


def test_a_document_changed_since_it_was_read_is_written_from_its_fields() -> None:
    """Elements kept as the source wrote them are put back only while they state what the
    Document says: a headline, editor's note, signals, slugline, rights or keywords set
    since (``--metadata``, the library) are written, never the source's."""
    source = SHARED / "corpus" / "thirdparty" / "newsml"
    dpa, tt = (api.read(source / name) for name in ("sdcore-dpa.xml", "ntb-tt_newsml_test.xml"))
    kept = {key.split("/")[-1] for doc in (dpa, tt) for key, _ in doc.extra}
    assert {"headline", "edNote", "signal", "copyrightNotice", "usageTerms", "keyword",
            "copyrightHolder"} <= kept
    unchanged = api.write(dpa, "newsml")  # written back as the source had it
    assert b'<headline rank="1">' in unchanged and b'role="dpaednoterole:notepad"' in unchanged
    assert "<name>Ersätt refererade objekt</name>" in api.write(tt, "newsml").decode()
    changed = replace(dpa, headline="New headline", ednote="Do not use", keywords=("one",),
                      copyright="(c) Desk", usage_terms="None", copyright_holder="Desk")
    content = tree(api.write(changed, "newsml"))
    assert [e.text for e in content.iterfind(".//n:contentMeta/n:headline", NS)] == [
        "New headline"]
    assert [e.text for e in content.iterfind(".//n:itemMeta/n:edNote", NS)] == ["Do not use"]
    assert [e.text for e in content.iterfind(".//n:keyword", NS)] == ["one"]
    assert (content.findtext(".//n:copyrightNotice", namespaces=NS),
            content.findtext(".//n:usageTerms", namespaces=NS),
            content.findtext(".//n:copyrightHolder/n:name", namespaces=NS)) == (
        "(c) Desk", "None", "Desk")
    corrected = replace(tt, signals=("sig:correction",), slugline="NEW-SLUG")
    meta = tree(api.write(corrected, "newsml"))
    assert [e.get("qcode") for e in meta.iterfind(".//n:signal", NS)] == ["sig:correction"]
    assert meta.findtext(".//n:slugline", namespaces=NS) == "NEW-SLUG"
    assert api.read(api.write(corrected, "newsml"), "newsml").signals == ("sig:correction",)
    reuters = api.read(source / "sdcore-reuters-2016-L1N14N0FF-v978556838.xml")
    assert {"description", "infoSource", "language", "provider"} <= {
        key.split("/")[-1] for key, _ in reuters.extra}
    moved = api.read(api.write(replace(reuters, summary="New summary", source="Desk wire",
                                       language="fr", provider="Desk"), "newsml"), "newsml")
    assert (moved.summary, moved.source, moved.language, moved.provider) == (
        "New summary", "Desk wire", "fr", "Desk")
    assert {"subject", "genre", "contributor"} <= {key.split("/")[-1] for key, _ in dpa.extra}
    topic = Concept("transport", qcode="medtop:20000763")
    editor = Contributor("Kavita Rao", "cpprole:contentEditor")
    again = api.read(api.write(replace(dpa, subjects=dpa.subjects + (topic,), genres=(),
                                       contributors=(editor,)), "newsml"), "newsml")
    assert topic in again.subjects and set(dpa.subjects) <= set(again.subjects)
    assert (again.genres, again.contributors) == ((), (editor,))


def test_extra_pairs_become_content_meta_ext_properties() -> None:
    content = tree(api.write(edge_documents()["extra-pairs"], "newsml")).find("n:contentMeta", NS)
    properties = content.findall("n:contentMetaExtProperty", NS)
    assert [(p.get("reluri"), p.get("value")) for p in properties][0] == (
        vocabulary.term(vocabulary.EXTRA_PROPERTY) + "a%20b%2Fc%3Fd", "x & <y>")


# ---------------------------------------------------------------- date-times


def _item_meta(doc: Document) -> etree._Element:
    return tree(api.write(doc, "newsml")).find("n:itemMeta", NS)


def test_version_created_is_the_items_own_else_the_conversion_time() -> None:
    """Article dates are content dates; versionCreated is when this version was made."""
    meta = _item_meta(edge_documents()["zulu-fraction"])
    created = meta.find("n:versionCreated", NS)
    assert (created.text, created.get("howuri")) == ("2023-11-14T22:13:20Z", NOT_IN_SOURCE)
    assert meta.find("n:firstCreated", NS) is None  # never invented from the article date
    stated = replace(factories.FULL, version_created="2019-03-06T08:00:00-05:00",
                     first_created="2019-03-05T10:21:35.250Z")
    meta = _item_meta(stated)
    created = meta.find("n:versionCreated", NS)
    assert (created.text, created.get("howuri")) == ("2019-03-06T08:00:00-05:00", None)
    assert meta.findtext("n:firstCreated", namespaces=NS) == "2019-03-05T10:21:35.250Z"


def test_a_date_only_is_never_given_a_silent_time() -> None:
    content = tree(api.write(edge_documents()["date-only-published"], "newsml"))
    assert content.findtext("n:contentMeta/n:contentCreated", namespaces=NS) == "2014-10-06"
    assert content.find("n:itemMeta/n:firstCreated", NS) is None


def test_a_local_time_gets_the_zone_given_never_a_shift() -> None:
    doc = replace(factories.FULL, published="2014-10-06T10:21:00")
    plain = tree(api.write(doc, "newsml"))
    assert plain.findtext("n:contentMeta/n:contentCreated", namespaces=NS) == "2014-10-06T10:21:00"
    zoned = tree(api.write(doc, "newsml", WriteOptions(timezone="Asia/Shanghai")))
    assert zoned.findtext("n:contentMeta/n:contentCreated", namespaces=NS) == \
        "2014-10-06T10:21:00+08:00"


def test_no_source_date_epoch_stamps_the_time_of_conversion(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime, timezone

    doc = edge_documents()["no-dates"]
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now(timezone.utc).replace(microsecond=0)
    created = _item_meta(doc).find("n:versionCreated", NS)
    stamped = datetime.fromisoformat(created.text.replace("Z", "+00:00"))
    assert before <= stamped <= datetime.now(timezone.utc)
    assert created.get("howuri") == NOT_IN_SOURCE


def test_news_message_sent_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = list(factories.ALL.values())
    assert tree(api.write(docs, "newsml-message")).findtext(
        "n:header/n:sent", namespaces=NS) == "2023-11-14T22:13:20Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ConvertError, match="SOURCE_DATE_EPOCH"):
        api.write(docs, "newsml-message")


def test_output_is_deterministic() -> None:
    docs = list(all_documents().values())
    assert api.write(docs, "newsml-message") == api.write(docs, "newsml-message")
    assert api.write(factories.FULL, "newsml") == api.write(factories.FULL, "newsml")


# ---------------------------------------------------------------- what cannot be written


@pytest.mark.parametrize("doc, message", [
    (Document(id="x", body=(Heading(("too deep",), 7),)), "heading level 7"),
    (Document(id="x", keywords=("two\nlines",)), "keyword"),
    (Document(id="x", body=(Paragraph(("NUL \x00 byte",)),)), "cannot be written as XML"),
    (Document(id="x", version=0), "version 0"),
    (Document(id="x", extra=(("newsml:itemMeta/bogus", "<bogus/>"),)), "writer can place"),
    (Document(id="x", extra=(("newsml:itemMeta/edNote", "<title>x</title>"),)), "only <edNote>"),
])
def test_unrepresentable_documents_are_clear_errors(doc: Document, message: str) -> None:
    with pytest.raises(ConvertError, match=message):
        api.write(doc, "newsml")


def test_an_empty_news_message_is_refused() -> None:
    with pytest.raises(ConvertError, match="at least one"):
        api.write([], "newsml-message")


# ---------------------------------------------------------------- golden files and CLI


@pytest.mark.parametrize("stem", GOLDEN_ARTICLES)
def test_golden_news_items(stem: str, golden) -> None:  # type: ignore[no-untyped-def]
    golden(FIXTURES / "newsml" / f"{stem}.xml",
           api.write(api.read(DEV_CORPUS / f"{stem}.txt"), "newsml"))


def test_golden_full_factory(golden) -> None:  # type: ignore[no-untyped-def]
    golden(FIXTURES / "newsml" / "factory-full.xml", api.write(factories.FULL, "newsml"))


def test_cli_writes_a_news_message_of_several_articles(tmp_path: Path) -> None:
    inputs = readable_articles()[:3]
    feed = tmp_path / "feed.xml"
    result = CliRunner().invoke(app, ["convert", *map(str, inputs), "--to", "newsml-message",
                                      "-o", str(feed)])
    assert result.exit_code == 0, result.output
    assert schema_errors(feed.read_bytes()) == []
    assert api.read_all(feed) == [api.read(path) for path in inputs]
