"""ninjs reader: official examples, version detection, round trips, bad input."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convert import api
from convert.errors import ConvertError
from convert.model import (
    Association, Byline, Concept, Dateline, Description, Figure, Paragraph, Rendition, plain_text,
)
from convert.formats.ninjs import PROFILES, lost_fields
from convert.options import WriteOptions
from convert.formats.sniff import ninjs_version
from tests.conftest import STANDARDS
from tests.support.factories import FULL
from tests.support.ninjs import VERSIONS, documents, errors, without

EXAMPLES = sorted((STANDARDS / "ninjs" / "examples").glob("*/*.json"))


def ninjs_bytes(doc, version: str) -> bytes:
    return api.write(doc, "ninjs", WriteOptions(ninjs_version=version))


def squeeze(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- official examples


def example_texts(data: dict) -> tuple[str, str | None]:
    """The example's main headline and its plain-text body, whatever its version."""
    if "headlines" in data:
        headline = data["headlines"][0]["value"]
        plain = [b["value"] for b in data.get("bodies", [])
                 if b.get("contentType", b.get("contenttype")) == "text/plain"]
        return headline, plain[0] if plain else None
    return data["headline_main"], data.get("body_main")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reads_official_example(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert errors(data, "3.1" if path.parent.name.startswith("3") else path.parent.name) == []
    doc = api.read(path)
    headline, body = example_texts(data)
    assert doc.id == data["uri"]
    assert doc.headline == headline
    if body is None:  # the NTB text has a description, no body
        assert doc.body == ()
        assert doc.summary == data["descriptions"][0]["value"]
    else:  # the HTML body is read, in paragraphs, with the same words
        assert len(doc.body) == 4 and all(isinstance(b, Paragraph) for b in doc.body)
        assert squeeze(" ".join(plain_text(b.content) for b in doc.body)) == squeeze(body)
    assert doc.provenance.format == "ninjs"


def test_example_metadata_lands_in_the_document() -> None:
    doc = api.read(STANDARDS / "ninjs/examples/3.1/005_complex_text_article.json")
    assert doc.language == "en"
    assert doc.bylines == (Byline("Paulo Santalucia"), Byline("Frances d'Emilio"))
    assert doc.written_byline == "Paulo Santalucia and Frances d'Emilio"
    assert doc.dateline == Dateline("Grossetto, Italy")
    assert doc.version_created == "2013-07-09T10:37:00Z" and doc.updated is None
    assert doc.copyright.startswith("Copyright 2013 The News Agency")
    assert doc.extra == (("ninjs:profile", "text-only"),)
    assert doc.provenance.warnings == ()
    assert doc.about[0] == Concept("Francesco Schettino", qcode="wikidata:Q4421821",
                                   kind="person", rel="about")
    assert [(c.name, c.kind) for c in doc.about[1:]] == [
        ("Costa Crociere SpA", "organisation"), ("Grossetto", "place"), ("Tuscany", "place"),
        ("Italy", "place")]


def test_ntb_news_item_fields_are_read() -> None:
    doc = api.read(STANDARDS / "ninjs/examples/3.0/ntb_text.json")
    assert doc.version == 6 and doc.first_created == "2019-08-09T09:30:04Z"
    assert (doc.pub_status, doc.urgency, doc.version_created) == (
        "usable", 5, "2019-08-09T09:46:53Z")
    assert [c.name for c in doc.subjects] == ["Innenriks", "Teknologi", "Industri",
                                              "Olje og energi"]
    assert doc.slugline == "skien-google" and doc.bylines == (Byline("NTB"),)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_version_detected_from_field_shapes(path: Path) -> None:
    expected = {"1.6": "1.6", "2.2": "2.2", "3.0": "3.1", "3.1": "3.1"}[path.parent.name]
    assert ninjs_version(json.loads(path.read_text(encoding="utf-8"))) == expected


def test_version_detected_from_declaration() -> None:
    assert ninjs_version({"uri": "x", "standard": {"version": "2.2"}}) == "2.2"
    assert ninjs_version({"uri": "x", "$standard": {"version": "1.6"}}) == "1.6"
    assert ninjs_version({"uri": "x", "$schema":
                          "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json"}) == "1.6"
    # declared wins over shape: a 2.2 document written with a 3.1-looking key
    assert ninjs_version({"uri": "x", "standard": {"version": "2.2"},
                          "versionCreated": "2020-01-01T00:00:00Z"}) == "2.2"


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", sorted(documents()))
def test_round_trip(name: str, version: str) -> None:
    doc = documents()[name]
    back = api.read(ninjs_bytes(doc, version), "ninjs")
    assert back == without(doc, lost_fields(doc, version), version)
    assert back.provenance.warnings == ()


@pytest.mark.parametrize("version", VERSIONS)
def test_round_trip_clears_exactly_the_lost_fields(version: str) -> None:
    lossy = replace(FULL, bylines=(Byline("Ann Lee", "photographer"), Byline("Bo Chen")),
                    dateline=Dateline(None, "Nov 28"), extra=(("desk", "metro"),),
                    published="2019-03-05T10:21", updated="yesterday")
    back = api.read(ninjs_bytes(lossy, version), "ninjs")
    assert back == replace(lossy, bylines=(Byline("Ann Lee"), Byline("Bo Chen")),
                           dateline=None, extra=())


def test_edited_date_time_wins_over_the_kept_date() -> None:
    data = json.loads(ninjs_bytes(replace(FULL, published="2022-11-28T09:30:00"), "3.1"))
    assert api.read(json.dumps(data).encode(), "ninjs").published == "2022-11-28T09:30:00"
    data["contentCreated"] = "2022-12-01T08:00:00Z"
    assert api.read(json.dumps(data).encode(), "ninjs").published == "2022-12-01T08:00:00Z"


# ---------------------------------------------------------------- containers and other producers


def test_array_is_a_container() -> None:
    first, second = (json.loads(ninjs_bytes(doc, "2.2")) for doc in list(documents().values())[:2])
    data = json.dumps([first, second]).encode()
    docs = api.read_all(data, "ninjs")
    assert [d.id for d in docs] == [first["uri"], second["uri"]]
    assert api.read(data, "ninjs").id == first["uri"]


def test_detected_without_from() -> None:
    assert api.read(ninjs_bytes(FULL, "1.6")).provenance.format == "ninjs"


def test_plain_text_body_becomes_paragraphs() -> None:
    data = {"uri": "urn:x", "bodies": [{"contentType": "text/plain", "value": "One\n line.\n\nTwo."}]}
    doc = api.read(json.dumps(data).encode(), "ninjs")
    assert doc.body == (Paragraph(("One line.",)), Paragraph(("Two.",)))


def test_html_body_is_read_safely() -> None:
    html = ('<div><p>a<script>alert(1)</script>b</p><img src=x onerror="y"><!-- c -->'
            '<p><b>bold</b><br>next</p></div>')
    doc = api.read(json.dumps({"uri": "urn:x", "body_html": html}).encode(), "ninjs")
    assert [plain_text(b.content) for b in doc.body] == ["ab", "bold\nnext"]


PHOTO = Association(name="a001", uri="http://tt.se/media/image/sdlk2sirkPaauM",
                    descriptions=(Description("Arkivbild.", None),), credit="Karl Melander/TT",
                    renditions=(Rendition("https://tt.se/a001_Hires.jpg", "r00", "Hires",
                                          "image/jpeg", 4724, 3149, 10326191),))


@pytest.mark.parametrize("version", VERSIONS)
def test_associations_are_read_and_round_trip(version: str) -> None:
    doc = replace(FULL, associations=(PHOTO,))
    again = api.read(ninjs_bytes(doc, version), "ninjs")
    assert errors(json.loads(ninjs_bytes(doc, version)), version) == []
    # 1.x spells a description with no role description_text
    expected = replace(PHOTO, descriptions=(Description("Arkivbild.", "text"),)) \
        if version == "1.6" else PHOTO
    assert again.associations == (expected,)
    assert "associations" not in str(again.provenance.warnings)


def test_tt_association_is_read_with_its_renditions() -> None:
    doc = api.read(STANDARDS.parent / "corpus" / "thirdparty" / "ninjs" /
                   "iptc3.0-tt_text_image_3.json")
    [picture] = doc.associations
    assert (picture.name, picture.uri, picture.credit, picture.type) == (
        "a001", "http://tt.se/media/image/sdlk2sirkPaauM", "Karl Melander/TT", "picture")
    assert picture.descriptions[0].text.startswith("En stor internationell")
    assert [(r.name, r.width, r.size) for r in picture.renditions][:2] == [
        ("r00", 4724, 10326191), ("r01", 1024, 398957)]


def test_a_figure_becomes_a_picture_association_read_back_as_the_figure_alone() -> None:
    figure = Figure(("Harbour at dawn.",), credit="Ann Lee", src="https://example.org/h.jpg")
    doc = replace(FULL, body=(*FULL.body, figure))
    for version in VERSIONS:
        data = json.loads(ninjs_bytes(doc, version))
        assert errors(data, version) == []
        associations = data["associations"]
        number = sum(isinstance(block, Figure) for block in doc.body)  # FULL has one already
        picture = associations[f"figure_{number}"] if version == "1.6" else associations[-1]
        assert picture["type"] == "picture" and picture["byline" if version == "1.6"
                                                         else "by"] == "Ann Lee"
        assert "Harbour at dawn." in json.dumps(picture)
        assert "https://example.org/h.jpg" in json.dumps(picture["renditions"])
        again = api.read(json.dumps(data).encode(), "ninjs")
        assert again.associations == () and figure in again.body
    # the caption is not story text
    assert "Harbour" not in json.loads(ninjs_bytes(doc, "3.1"))["bodies"][1]["value"]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(("text", "message", "line"), [
    ("[]", "empty JSON array", 1),
    ('[\n{"uri": "a"},\n 3\n]', "expected a ninjs object", 3),
    ('{\n "type": "text"\n}', "needs a 'uri'", 1),
    ('{"uri": "a",\n "headlines": {"value": "x"}}', "'headlines' must be an array of objects", 2),
    ('{"uri": "a",\n "headlines": [\n {"role": "main", "value": 3}]}',
     "headlines[0].value must be a string", 3),
    ('{"uri": 7}', "'uri' must be a string", 1),
])
def test_bad_input_is_a_located_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ConvertError) as raised:
        api.read_all(text.encode(), "ninjs")
    assert message in raised.value.message
    assert raised.value.line == line
    assert str(raised.value).startswith(f"<bytes>:{line}: ")


@pytest.mark.parametrize("version", ['"1.2b"', '"\u00b2"', "true"])
def test_non_numeric_version_is_a_warning(version: str) -> None:
    doc = api.read(f'{{"uri": "a",\n "version": {version}}}'.encode(), "ninjs")
    assert doc.version == 1
    assert doc.provenance.warnings[0].code == "ninjs-version"
    assert doc.provenance.warnings[0].line == 2


def test_foreign_alternative_ids_are_kept() -> None:
    data = b'{"uri": "urn:x:a", "altIds": [{"role": "nitf", "value": "x1"}]}'
    doc = api.read(data, "ninjs")
    assert doc.alt_ids == (("nitf", "x1"),) and doc.provenance.warnings == ()
    assert {"role": "nitf", "value": "x1"} in json.loads(api.write(doc, "ninjs"))["altIds"]



def test_a_control_character_in_an_html_body_is_removed_with_a_warning() -> None:
    # found by test_any_json_object_reads_or_fails_cleanly: lxml refused the string
    doc = api.read(b'{"uri": "urn:x:a", "body_html": "<p>a\\u001bb</p>"}', "ninjs")
    assert doc.body == (Paragraph(("ab",)),)
    assert [w.code for w in doc.provenance.warnings] == ["ninjs-control-characters"]

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["name", "rel", "role", "value", "contentType", "contenttype", "version"]),
        inner, max_size=3),
    max_leaves=8,
)
NINJS_KEYS = sorted(set().union(*(p.keys() for p in PROFILES.values()))
                    | {"uri", "version", "title", "places", "associations", "body_main"})


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(NINJS_KEYS), JSON_VALUES, max_size=6))
def test_any_json_object_reads_or_fails_cleanly(data: dict) -> None:
    data.setdefault("uri", "urn:x")
    try:
        api.read(json.dumps(data).encode(), "ninjs")
    except ConvertError as error:
        assert error.source == "<bytes>"


# ---------------------------------------------------------------- ninjs in the wild (issue 19)

THIRDPARTY_NINJS = STANDARDS.parent / "corpus" / "thirdparty" / "ninjs"


def test_ap_version_zero_is_read_as_one_with_a_warning_and_refused_by_validate() -> None:
    import convert

    path = THIRDPARTY_NINJS / "iptc2.1-ap_image.json"
    doc = api.read(path)
    assert doc.version == 1
    assert any(w.code == "ninjs-version" and "'0'" in w.message
               for w in doc.provenance.warnings)
    assert b'version="1"' in api.write(doc, "newsml")
    report = convert.validate([path])
    assert any(f.code == "version-number" for f in report.files[0].findings)


def test_superdesk_guid_without_uri_is_the_identifier() -> None:
    doc = api.read(THIRDPARTY_NINJS / "sdcore-ninjs1.json")
    assert doc.id.startswith("urn:newsml:localhost:2017-08-24")
    assert any(w.code == "ninjs-guid" for w in doc.provenance.warnings)
    number = api.read(THIRDPARTY_NINJS / "sdcore-ninjs3.json")
    assert number.id == "urn:newsconvert:guid:20170825001315282180"
    assert json.loads(api.write(number, "ninjs"))["uri"] == number.id


def test_a_duplicate_key_is_read_in_convert_and_refused_in_validate(tmp_path: Path) -> None:
    import convert

    path = tmp_path / "dup.json"
    path.write_text('{"uri": "http://x.org/1", "headline": "a", "byline": "A",\n'
                    ' "byline": "B"}', encoding="utf-8")
    doc = api.read(path)
    assert doc.bylines == (Byline("B"),)
    [warning] = [w for w in doc.provenance.warnings if w.code == "ninjs-duplicate-key"]
    assert warning.line == 2 and "'byline'" in warning.message
    assert not convert.validate([path]).valid


def test_empty_strings_are_absent_with_a_warning_naming_the_key_and_line() -> None:
    text = ('{"uri": "urn:x:1", "type": "text",\n "copyrightnotice": "",\n'
            ' "usageterms": " ", "slugline": "s"}')
    doc = api.read(text.encode(), "ninjs")
    assert (doc.copyright, doc.usage_terms, doc.slugline) == (None, None, "s")
    assert [(w.message, w.line) for w in doc.provenance.warnings if w.code == "ninjs-empty"] == [
        ("'copyrightnotice' is empty: copyright left out", 2),
        ("'usageterms' is empty: usage_terms left out", 3)]


def test_the_ap_media_api_envelope_is_read_as_the_item_inside() -> None:
    path = STANDARDS.parent / "corpus" / "thirdparty" / "ninjs" / "sdcore-ap_media_text_item.json"
    doc = api.read(path)
    item = json.loads(path.read_text("utf-8"))["data"]["item"]
    assert (doc.id, doc.headline, doc.urgency, doc.usage_terms) == (
        item["uri"], item["headline"], 4, item["usageterms"][0])
    codes = [w.code for w in doc.provenance.warnings]
    assert "ninjs-envelope" in codes and "ninjs-array" in codes


def test_the_byline_as_written_survives_every_format() -> None:
    doc = api.read(STANDARDS / "ninjs/examples/2.2/004_simple_text_article.json")
    assert doc.written_byline == "Paulo Santalucia and Frances d'Emilio"
    for target in ("newsml", "ninjs", "json"):
        again = api.read(api.write(doc, target), target)
        assert (again.written_byline, again.bylines) == (doc.written_byline, doc.bylines)
    assert "<by>Paulo Santalucia and Frances d'Emilio</by>" in api.write(doc, "newsml").decode()


def test_a_16_code_that_is_a_whole_uri_is_the_concepts_uri() -> None:
    # the IPTC 1.6 example's person: a Wikidata entity given as its code, with no scheme
    data = (b'{"uri": "urn:x:a", "person": [{"name": "Francesco Schettino", "rel": "about",'
            b' "code": "http://www.wikidata.org/entity/Q4421821"}, {"name": "Jo", "code": "J1"}]}')
    wikidata, plain = api.read(data, "ninjs").about
    assert (wikidata.qcode, wikidata.literal) == ("wikidata:Q4421821", None)
    assert (plain.qcode, plain.uri, plain.literal) == (None, None, "J1")
