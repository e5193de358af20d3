"""NewsML-G2 reader: round trips, the official IPTC examples, NITF/inlineData bodies, hostile XML."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from convert import api
from convert.formats import sniff
from convert.errors import ConvertError
from convert.options import WriteOptions
from convert.model import (
    Byline, Dateline, Emphasis, Figure, Heading, Link, ListBlock, Paragraph, Quote, plain_text,
)
from tests.support import factories
from tests.conftest import SHARED, readable_articles
from tests.support.newsml import (
    edge_documents, official_examples, schema_errors,
)

EXAMPLES = {path.name: path for path in official_examples()}
NAR_OPEN = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1" ' \
    'standard="NewsML-G2" standardversion="2.35">'
ITEM_META = ('<itemMeta><itemClass qcode="ninat:text"/><provider literal="p"/>'
             '<versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>')


def round_trip(doc):  # type: ignore[no-untyped-def]
    return api.read(api.write(doc, "newsml"), "newsml")


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", readable_articles(), ids=lambda p: p.stem)
def test_dev_article_round_trip_is_equal(path: Path) -> None:
    doc = api.read(path)
    assert round_trip(doc) == doc


@pytest.mark.parametrize("name", [*factories.ALL, *edge_documents()])
def test_factory_and_edge_round_trip_is_equal(name: str) -> None:
    doc = factories.ALL.get(name) or edge_documents()[name]
    assert round_trip(doc) == doc


def test_news_message_round_trip_yields_every_document() -> None:
    docs = [api.read(path) for path in readable_articles()] + list(factories.ALL.values())
    message = api.write(docs, "newsml-message")
    assert api.read_all(message, "newsml") == docs
    assert api.read(message, "newsml") == docs[0]


def test_round_trip_survives_a_different_source_date_epoch(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The synthesised versionCreated is marked, so the reader never mistakes it for metadata."""
    doc = edge_documents()["no-dates"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    xml = api.write(doc, "newsml")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert api.read(xml, "newsml") == doc


def test_our_output_is_detected_as_newsml() -> None:
    for data in (api.write(factories.FULL, "newsml"),
                 api.write([factories.FULL], "newsml-message")):
        assert sniff.detect(data[:65536], "feed.xml").name == "newsml"
        assert sniff.detect(data[:65536], None).name == "newsml"


# ---------------------------------------------------------------- official examples


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_official_example(name: str) -> None:
    """Valid examples read, write back valid, and read back equal; invalid ones are refused."""
    data = EXAMPLES[name].read_bytes()
    if schema_errors(data):
        with pytest.raises(ConvertError, match="not a complete NewsML-G2 item") as error:
            api.read_all(EXAMPLES[name])
        assert error.value.line is not None
        return
    docs = api.read_all(EXAMPLES[name])
    assert docs
    for doc in docs:
        written = api.write(doc, "newsml")
        assert schema_errors(written) == []
        assert api.read(written, "newsml") == doc


def test_listing_24_outline_message_is_refused_clearly() -> None:
    with pytest.raises(ConvertError) as error:
        api.read_all(EXAMPLES["LISTING_24_News_Message_conveying_a_complete_News_Package.xml"])
    assert str(error.value).endswith(
        ".xml:21: this packageItem has no guid: not a complete NewsML-G2 item")


def test_nitf_body_and_metadata_of_listing_2() -> None:
    doc = api.read(EXAMPLES["LISTING_2_NewsML-G2_Text_Document.xml"])
    assert doc.headline == 'Fed to halt QE to avert "bubble"'
    assert (doc.language, doc.source) == ("en-US", "Associated Press")
    assert doc.bylines == (Byline("Meredith Jameson"),)
    assert doc.dateline == Dateline("New York, NY", None)
    assert (doc.published, doc.updated) == ("2016-11-21T15:21:06-05:00",
                                            "2018-11-21T16:22:45-05:00")
    assert doc.copyright == "Copyright 2017-18 Acme News and Media LLC"
    assert len(doc.body) == 2 and all(isinstance(b, Paragraph) for b in doc.body)
    assert doc.body[0].content[0].startswith("(New York, NY - October 21) Et, sent luptat")
    assert doc.body[1].content[0].endswith("esto cons dolutpat, si.")


def test_unknown_metadata_is_kept_and_written_back() -> None:
    doc = api.read(EXAMPLES["LISTING_1_A_NewsML-G2_News_Item.xml"])
    extra = dict(doc.extra)
    assert 'qcode="medtop:20000523"' in extra["newsml:contentMeta/subject"]
    assert extra["newsml:itemMeta/provider"] == '<provider qcode="nprov:REUTERS"/>'
    assert (doc.version_created, doc.embargoed, doc.signals) == (
        "2018-10-21T16:25:32-05:00", "2018-10-23T12:00:00Z", ("sig:update",))
    assert "newsml:itemMeta/versionCreated" not in extra  # a field of its own now
    written = api.write(doc, "newsml").decode()
    for snippet in ('<subject type="cpnat:abstract" qcode="medtop:20000523">',
                    '<embargoed>2018-10-23T12:00:00Z</embargoed>',
                    '<service qcode="svc:uknews">', '<signal qcode="sig:update"/>',
                    '<versionCreated>2018-10-21T16:25:32-05:00</versionCreated>'):
        assert snippet in written


def test_xhtml_body_of_charcount_example() -> None:
    doc = api.read(EXAMPLES["CR00201_charcount.xml"])
    assert doc.body == (Paragraph(("Line one of two.",)), Paragraph(("Line two of two.",)))


def test_news_message_example_yields_its_item() -> None:
    [doc] = api.read_all(EXAMPLES["CR00127_extend_newsmessage_header.xml"])
    assert (doc.id, doc.language) == ("simplest-test", "en-GB")


def test_package_item_lists_its_references() -> None:
    doc = api.read(EXAMPLES["LISTING_6_Simple_NewsML-G2_Package.xml"])
    [listing] = doc.body
    assert isinstance(listing, ListBlock)
    assert listing.items[0] == (Link(("Obama annonce son équipe",),
                                     "urn:newsml:iptc.org:20081007:tutorial-item-A"),)
    assert [w.code for w in doc.provenance.warnings] == ["newsml-package", "newsml-content-date"]
    # the composite keeps its items with their group
    assert [(a.type, a.uri, a.group) for a in doc.associations] == [
        ("text", "urn:newsml:iptc.org:20081007:tutorial-item-A", "group:main"),
        ("picture", "urn:newsml:iptc.org:20081007:tutorial—item-B", "group:main")]
    assert doc.item_type == "composite"
    assert doc.associations[1].descriptions[0].role == "caption"
    ninjs = json.loads(api.write(doc, "ninjs"))
    assert [a["rel"] for a in ninjs["associations"]] == ["group:main", "group:main"]
    # ninjs 3.1 names every association; its uri is a URI (the em dash percent-encoded)
    assert ninjs["associations"][1]["uri"] == "urn:newsml:iptc.org:20081007:tutorial%E2%80%94item-B"
    assert api.read(json.dumps(ninjs).encode(), "ninjs").associations[0] == replace(
        doc.associations[0], name="association_1")
    written = api.write(doc, "newsml")
    assert written.count(b"<itemRef ") == 2 and b"<packageItem " in written
    assert schema_errors(written) == []


# ---------------------------------------------------------------- other bodies


def _item(content_meta: str, content_set: str) -> bytes:
    return (f'{NAR_OPEN}{ITEM_META}<contentMeta>{content_meta}</contentMeta>'
            f'<contentSet>{content_set}</contentSet></newsItem>').encode()


def test_nitf_head_blocks_and_inlines() -> None:
    nitf = """<inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
        <body.head><hedline><hl1>From NITF</hl1><hl2>Deck</hl2></hedline>
          <byline>By Ana Ruiz, <byttl>Science Editor</byttl></byline></body.head>
        <body.content>
          <p>One <em>stressed</em> and <a href="https://e.org">linked</a>.</p>
          <block><hl2>Section</hl2><bq><block><p>Quoted words.</p></block>
            <credit>A witness</credit></bq></block>
          <media media-type="image"><media-reference source="https://e.org/p.jpg"/>
            <media-caption>The scene.</media-caption><media-producer>AP</media-producer></media>
        </body.content></body></nitf></inlineXML>"""
    doc = api.read(_item("", nitf), "newsml")
    assert (doc.headline, doc.subheadline) == ("From NITF", "Deck")
    assert doc.bylines == (Byline("Ana Ruiz", "Science Editor"),)
    assert doc.body[0] == Paragraph(("One ", Emphasis(("stressed",)), " and ",
                                     Link(("linked",), "https://e.org"), "."))
    assert doc.body[1].content == ("Section",)
    assert doc.body[2] == Quote(("Quoted words.",), "A witness")
    assert doc.body[3] == Figure(("The scene.",), "AP", "https://e.org/p.jpg")


def test_plain_inline_data_body() -> None:
    data = _item("<headline>Plain</headline>",
                 '<inlineData contenttype="text/plain">First\n  para.\n\nSecond.</inlineData>')
    doc = api.read(data, "newsml")
    assert doc.body == (Paragraph(("First para.",)), Paragraph(("Second.",)))


# ---------------------------------------------------------------- bad and hostile input


def _refused(data: bytes, tmp_path: Path) -> ConvertError:
    path = tmp_path / "hostile.xml"
    path.write_bytes(data)
    with pytest.raises(ConvertError) as error:
        api.read_all(path, "newsml")
    assert str(error.value).startswith(str(path))
    return error.value


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY l0 "lol">{entities}]>'
            f'{NAR_OPEN}{ITEM_META}<contentMeta><headline>&l9;</headline></contentMeta>'
            '</newsItem>').encode()
    assert "DOCTYPE" in _refused(data, tmp_path).message


def test_xxe_file_read_is_refused(tmp_path: Path) -> None:
    data = ('<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'{NAR_OPEN}{ITEM_META}<contentMeta><headline>&x;</headline></contentMeta>'
            '</newsItem>').encode()
    error = _refused(data, tmp_path)
    assert "root:" not in str(error) and error.code == "hostile-xml"


def test_external_dtd_is_never_fetched(tmp_path: Path) -> None:
    """A DTD on a local HTTP server: refused, and the server never sees a request."""
    requests: list[str] = []

    class Recorder(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            requests.append(self.path)

    server = HTTPServer(("127.0.0.1", 0), partial(Recorder, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        (tmp_path / "evil.dtd").write_text('<!ENTITY e "injected">')
        url = f"http://127.0.0.1:{server.server_port}/evil.dtd"
        data = (f'<?xml version="1.0"?><!DOCTYPE newsItem SYSTEM "{url}">{NAR_OPEN}{ITEM_META}'
                '<contentMeta><headline>&e;</headline></contentMeta></newsItem>').encode()
        _refused(data, tmp_path)
    finally:
        server.shutdown()
    assert requests == []


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    data = (NAR_OPEN + ITEM_META + "<contentMeta><headline>" + "<span>" * 10_000 + "x"
            + "</span>" * 10_000 + "</headline></contentMeta></newsItem>").encode()
    assert "depth" in _refused(data, tmp_path).message


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    error = _refused(f"{NAR_OPEN}\n{ITEM_META}\n<contentMeta>\n</newsItem>".encode(), tmp_path)
    assert error.line == 4 and "well-formed" in error.message


@pytest.mark.parametrize("data, message", [
    (b'<catalog xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "not a NewsML-G2"),
    (b'<newsItem guid="g"/>', "lacks the NewsML-G2 namespace .* it has none"),
    (b'<newsItem xmlns="urn:x" guid="g"/>', "lacks the NewsML-G2 namespace .* in 'urn:x'"),
    (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet/>'
     b'</newsMessage>', "holds no item"),
    (NAR_OPEN.replace('version="1"', 'version="x"').encode() + ITEM_META.encode()
     + b"</newsItem>", "not a positive integer"),
])
def test_wrong_documents_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(ConvertError, match=message):
        api.read(data, "newsml")


# ---------------------------------------------------------------- producers' files (issue 19)

THIRDPARTY_NEWSML = SHARED / "corpus" / "thirdparty" / "newsml"


@pytest.mark.parametrize("written, place", [
    ("Waghäusel (dpa) - ", "Waghäusel"), ("Berlin (dpa) -", "Berlin"),
    ("São Paulo (Reuters) —", "São Paulo")])
def test_an_agency_dateline_names_its_place(written: str, place: str) -> None:
    xml = (NAR_OPEN + ITEM_META + f"<contentMeta><dateline>{written}</dateline></contentMeta>"
           "</newsItem>")
    doc = api.read(xml.encode(), "newsml")
    assert doc.dateline is not None and doc.dateline.place == place
    again = api.read(api.write(doc, "newsml"), "newsml")
    assert again.dateline == doc.dateline


def test_dpa_xhtml_header_is_metadata_not_body() -> None:
    doc = api.read(THIRDPARTY_NEWSML / "dpadw-eil.xml")
    assert doc.dateline is not None and doc.dateline.place == "Berlin"
    assert plain_text(doc.body[0].content).startswith("Berlin (dpa) - Die Grünen-Spitze")
    assert any(w.code == "newsml-header" for w in doc.provenance.warnings)
    assert (doc.urgency, doc.pub_status) == (2, "usable")


def test_news_item_fields_of_real_files_are_read() -> None:
    doc = api.read(EXAMPLES["LISTING_1_A_NewsML-G2_News_Item.xml"])
    assert "medtop:20000523" in {subject.qcode for subject in doc.subjects}
    stt = api.read(THIRDPARTY_NEWSML / "stt-stt_newsml_online_version.xml")
    assert stt.first_created is None  # after its versionCreated in the source: left out
    assert any(w.code == "newsml-dates" for w in stt.provenance.warnings)


def test_empty_values_are_absent_with_a_warning_naming_the_field_and_line() -> None:
    content_meta = ('<slugline/>\n<keyword>lead</keyword><keyword> </keyword>\n'
                    '<located><name/></located><dateline></dateline>\n'
                    '<description role="drol:summary"/>')
    data = _item(content_meta, '<inlineData contenttype="text/plain">Text.</inlineData>')
    data = data.replace(b"</contentMeta>", b"</contentMeta>\n<rightsInfo><copyrightNotice/>"
                        b"<usageTerms/></rightsInfo>")
    doc = api.read(data, "newsml")
    # an empty <dateline/> alone is how a Dateline with neither part is written
    assert (doc.slugline, doc.keywords, doc.dateline, doc.summary, doc.copyright,
            doc.usage_terms) == (None, ("lead",), Dateline(None, None), None, None, None)
    empty = {(w.message, w.line) for w in doc.provenance.warnings if w.code == "newsml-empty"}
    assert empty == {("<slugline> is empty: slugline left out", 1),
                     ("<keyword> is empty: keyword left out", 2),
                     ("<name> is empty: dateline.place left out", 3),
                     ("<description> is empty: summary left out", 4),
                     ("<copyrightNotice> is empty: copyright left out", 5),
                     ("<usageTerms> is empty: usage_terms left out", 5)}


def test_a_guid_that_is_not_a_uri_is_kept_and_ninjs_gets_a_uri_for_it() -> None:
    doc = api.read(THIRDPARTY_NEWSML / "sdcore-reuters-2014-KBN0FL0NN-v5.xml")
    assert doc.id == "tag_reuters.com_2014_newsml_KBN0FL0NN"
    assert api.read(api.write(doc, "json"), "json").id == doc.id
    assert api.read(api.write(doc, "newsml"), "newsml").id == doc.id
    assert api.read(api.write(doc, "ninjs"), "ninjs").id == \
        "urn:newsconvert:guid:tag_reuters.com_2014_newsml_KBN0FL0NN"


def test_linked_pictures_are_read_as_associations_with_their_renditions() -> None:
    """aptoma's items link their pictures (irel:dependsOn, itemClass and remoteContent hints)."""
    doc = list(api.read_all(THIRDPARTY_NEWSML / "sgval-NewsML-G2-valid01.xml"))[1]
    first, second = doc.associations
    assert (first.type, first.uri) == ("picture", "urn:newsml:aptoma.no:20150330:20552167-image")
    assert [(r.width, r.height, r.content_type, r.name) for r in first.renditions][0] == (
        600, 415, "image/jpeg", "web")
    assert second.renditions[-1].name == "highRes"
    for version in ("3.1", "1.6"):
        ninjs = json.loads(api.write(doc, "ninjs", WriteOptions(ninjs_version=version)))
        assert len(ninjs["associations"]) == 2
        again = api.read(json.dumps(ninjs).encode(), "ninjs").associations[0].renditions
        if version == "1.6":  # renditions are keyed by name there: the second "web" is web_2
            assert [r.name for r in again][:2] == ["web", "web_2"]
            again = tuple(replace(r, name=first.renditions[i].name) for i, r in enumerate(again))
        assert again == first.renditions


def test_a_figure_is_linked_as_a_picture_and_read_back_as_the_figure_alone() -> None:
    figure = Figure(("Harbour at dawn.",), credit="Ann Lee", src="https://example.org/h.jpg")
    doc = replace(factories.FULL, body=(*factories.FULL.body, figure))
    data = api.write(doc, "newsml")
    assert schema_errors(data) == []
    text = data.decode()
    assert '<link rel="irel:dependsOn" residref="https://example.org/h.jpg">' in text
    assert '<description role="drol:caption">Harbour at dawn.</description>' in text
    assert '<remoteContent href="https://example.org/h.jpg" rendition="rnd:web"/>' in text
    again = api.read(data, "newsml")
    assert again.associations == () and again == doc


RTR = "{http://www.reuters.com/ns/2003/08/content}"
VG = "{http://www.vg.no}"


def _container(xml: bytes, name: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.fromstring(xml).find(f"{{http://iptc.org/std/nar/2006-10-01/}}{name}")


def test_a_producers_elements_of_its_own_namespace_are_written_back_where_they_were() -> None:
    """Reuters' rtr:versionedId ends itemMeta; VG's vg:extensions end itemMeta and
    contentMeta: the schemas' extension point for other namespaces, where they go back."""
    reuters = api.read(THIRDPARTY_NEWSML / "aap-reuters_newsml.xml")
    assert dict(reuters.extra)[f"newsml:itemMeta/{RTR}versionedId"] == (
        '<rtr:versionedId xmlns:rtr="http://www.reuters.com/ns/2003/08/content" '
        'guid="tag:reuters.com,2018:newsml_L2N1PH00M:1927777166"/>')
    written = api.write(reuters, "newsml")
    assert schema_errors(written) == []
    item_meta = _container(written, "itemMeta")
    assert item_meta[-1].tag == f"{RTR}versionedId"
    assert item_meta[-1].get("guid") == "tag:reuters.com,2018:newsml_L2N1PH00M:1927777166"
    assert round_trip(reuters) == reuters

    vg = list(api.read_all(THIRDPARTY_NEWSML / "sgval-NewsML-G2-valid01.xml"))[0]
    written = api.write(vg, "newsml")
    assert schema_errors(written) == []
    for container, child in (("itemMeta", "status"), ("contentMeta", "articleType")):
        last = _container(written, container)[-1]
        assert last.tag == f"{VG}extensions" and last.find(f"{VG}{child}") is not None
    assert not any(w.code == "newsml-dropped" for w in vg.provenance.warnings)


def test_other_writers_say_they_cannot_carry_a_producers_own_elements() -> None:
    foreign = ("newsml:itemMeta/{urn:x}note", '<x:note xmlns:x="urn:x">private</x:note>')
    doc = replace(factories.FULL, extra=(foreign,))

    def warnings(doc):  # type: ignore[no-untyped-def]
        return [w.message for w in api.document_warnings(doc, ["ninjs"], WriteOptions())]

    assert "ninjs 3.1 cannot carry extra" in warnings(doc)
    assert "ninjs 3.1 cannot carry extra" not in warnings(replace(doc, extra=()))
    written = api.write(doc, "newsml")
    assert schema_errors(written) == [] and b"<x:note" in written
    assert api.read(written, "newsml").extra == (foreign,)


def test_a_foreign_element_where_the_schema_has_no_place_for_it_is_dropped_with_a_warning(
        ) -> None:
    data = _item("<headline>H</headline>", '<inlineData>Text.</inlineData>').replace(
        b"<contentSet>", b'<x:note xmlns:x="urn:x">private</x:note><contentSet>')
    doc = api.read(data, "newsml")
    assert [w.message for w in doc.provenance.warnings if w.code == "newsml-dropped"] == [
        "<{urn:x}note> in newsItem is not kept (no place for it in a newsItem)"]


def test_item_class_and_status_are_written_as_the_source_wrote_them_while_true() -> None:
    """Reuters' icls:text (and its rtr:msgType), dpa's catalog names in itemClass and
    pubStatus come back as they were; a status changed since is written from the
    Document, never the kept one (a killed story must not come out usable)."""
    reuters = api.read(THIRDPARTY_NEWSML / "aap-reuters_newsml.xml")
    assert reuters.item_type == "text"
    item_class = _container(api.write(reuters, "newsml"), "itemMeta")[0]
    assert (item_class.get("qcode"), item_class.get(f"{RTR}msgType")) == ("icls:text", "S")

    dpa = api.read(THIRDPARTY_NEWSML / "sdcore-dpa.xml")
    written = api.write(dpa, "newsml").decode()
    assert '<pubStatus qcode="stat:usable"><name xml:lang="en">Usable</name></pubStatus>' \
        in written
    assert '<itemClass qcode="ninat:text"><name xml:lang="en">Text Item(s)</name>' in written
    for status in ("canceled", "withheld"):
        changed = api.write(replace(dpa, pub_status=status), "newsml").decode()
        assert f'<pubStatus qcode="stat:{status}"/>' in changed and "Usable" not in changed
    picture = api.write(replace(reuters, item_type="picture"), "newsml")
    assert _container(picture, "itemMeta")[0].get("qcode") == "ninat:picture"


def test_a_status_read_otherwise_than_written_is_not_kept() -> None:
    """An unknown status is read as withheld: the source's element is not kept for it."""
    data = _item("<headline>H</headline>", '<inlineData>Text.</inlineData>').replace(
        b"</itemMeta>", b'<pubStatus qcode="stat:draft"><name>Draft</name></pubStatus>'
        b"</itemMeta>")
    doc = api.read(data, "newsml")
    assert doc.pub_status == "withheld" and "newsml:itemMeta/pubStatus" not in dict(doc.extra)
    assert '<pubStatus qcode="stat:withheld"/>' in api.write(doc, "newsml").decode()


def test_an_info_source_named_by_a_literal_is_the_source() -> None:
    """Reuters' video items name their source only as ``infoSource/@literal``."""
    docs = list(api.read_all(THIRDPARTY_NEWSML / "sdcore-video.xml"))
    assert {doc.source for doc in docs} == {"Reuters"}
    assert json.loads(api.write(docs[0], "ninjs"))["infoSources"] == [{"name": "Reuters"}]


def test_tts_own_nitf_dialect_is_read_as_a_body() -> None:
    """TT's ``application/ttnitf+xml`` (BODY/TEXT/RUBRIK, INGRESS, BRODTEXT, MELLIS, CITAT,
    BILD): the story, its subheadings, quotations, fact box, list and picture."""
    doc = api.read(THIRDPARTY_NEWSML / "ntb-tt_newsml_test.xml")
    assert not any(w.code == "newsml-body" for w in doc.provenance.warnings)
    assert doc.bylines == (Byline("Wiktor Nummelin/TT"),)
    texts = [plain_text(block.content) for block in doc.body if isinstance(block, Paragraph)]
    assert texts[0].startswith("För första gången sedan EU:s Lissabonfördrag")  # INGRESS
    assert "– Tyvärr har vår oro fördjupats, konstaterar" in texts[2]  # CITAT, TT's dash
    assert texts[-1] == "Källa: Lissabonfördraget."  # the empty <P/>s after it are no text
    headings = [plain_text(block.content) for block in doc.body if isinstance(block, Heading)]
    # the first RUBRIK is the item's headline, the second the fact box's
    assert headings[0] == '"Politiskt beslut"' and headings[-1] == "Fakta: EU:s storslägga"
    assert doc.headline == "Polen: EU hämnas för flyktingmotstånd" not in headings
    [figure] = [block for block in doc.body if isinstance(block, Figure)]
    assert (figure.credit, figure.src) == (
        "Olivier Matthys/AP/TT", "http://tt.se/media/image/4AF3FE0E977548548B1F6EAE63141581")
    assert plain_text(figure.caption).startswith("EU-kommissionens förste viceordförande")
    [steps] = [block for block in doc.body if isinstance(block, ListBlock)]
    assert len(steps.items) == 4
    written = api.write(doc, "newsml")
    assert schema_errors(written) == [] and round_trip(doc) == doc
