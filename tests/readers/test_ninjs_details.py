"""ninjs details (issue 15): what a ninjs item says beyond the common news-item fields
survives ninjs -> ninjs in every version (3.1, 2.2, 1.6), canonical JSON and, where
NewsML-G2 has a place, NewsML-G2; what a format has no place for is named in a warning.

The details: the bodies as the source gave them (role, media type; a body newsconvert
cannot write, such as NITF, kept as it is), the headline's role (1.x ``headline_main``),
the item's own renditions, an association's dates, rights and representation type,
people's, organisations' and places' contact information, a place's GeoJSON, and a
subject's creator, relevance and confidence, and (3.1 only) a planned event's details.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from convert import api
from convert.formats.canonical import document_from_data, document_from_json, document_to_data
from convert.model import (
    Address, Association, BodyText, Concept, ContactInfo, Document, EventDetails, Paragraph,
    Rendition,
)
from convert.options import WriteOptions
from convert import formats
from tests.conftest import SHARED, STANDARDS

THIRDPARTY = SHARED / "corpus" / "thirdparty"
from tests.support.ninjs import VERSIONS, errors

NITF = ('<nitf><body><body.content><p>Riders are tested before each stage.</p>'
        '</body.content></body></nitf>')

DETAILED = Document(
    id="urn:newsconvert:test:details",
    headline="Riders face the toughest tests",
    headline_role="main",
    body=(Paragraph(("Riders are tested before each stage.",)),),
    bodies=(BodyText("xhtml", "text/html"),
            BodyText("caption", "text/plain", "A rider at the start in Adelaide.")),
    renditions=(Rendition("https://example.com/p/r1.jpg", name="highres", title="Hires",
                          content_type="image/jpeg", width=4724, height=3149, size=10326191,
                          format="JPEG Baseline"),),
    associations=(Association(
        name="a001", uri="http://example.com/media/a001", credit="Karl Melander/TT",
        first_created="2021-05-26T13:40:18+02:00", version_created="2021-05-26T14:00:00Z",
        copyright_notice="(c) TT", copyright_holder="TT", usage_terms="Editorial use only",
        representation_type="partial",
        renditions=(Rendition("https://example.com/a001.jpg", name="r00", width=256),)),),
    subjects=(Concept(name="Cycling", uri="http://example.com/subject/cycling",
                      rel="classifies", creator="system", relevance=98, confidence=58),),
    about=(
        Concept(name="Jonas Svensson", kind="person", rel="about",
                contact_info=(ContactInfo(type="phone", role="work", value="+46 8 788 75 00"),)),
        Concept(name="Estadio Metropolitano", kind="place", rel="about",
                geometry='{"coordinates":[-3.599,40.436],"type":"Point"}',
                contact_info=(
                    ContactInfo(address=Address(lines=("Av. de Luis Aragonés 4",),
                                                locality="Madrid", postal_code="28022",
                                                country="Spain")),
                    ContactInfo(type="url", value="https://example.com/stadium"))),
    ),
    version_created="2021-05-26T14:00:00Z",
)


def ninjs(doc: Document, version: str) -> dict:
    return json.loads(api.write(doc, "ninjs", WriteOptions(ninjs_version=version)))


def read_ninjs(data: dict) -> Document:
    return api.read(json.dumps(data).encode(), "ninjs")


@pytest.mark.parametrize("version", VERSIONS)
def test_details_survive_ninjs_to_ninjs_in_every_version(version: str) -> None:
    written = ninjs(DETAILED, version)
    assert errors(written, version) == []
    again = read_ninjs(written)
    # role main is what 3.1 and 2.2 call the headline itself; only 1.x spells it apart
    assert again == (DETAILED if version == "1.6" else replace(DETAILED, headline_role=None))
    # and the same version written again says the same
    assert ninjs(again, version) == written
    assert formats.writer("ninjs").losses(DETAILED, WriteOptions(ninjs_version=version)) == []


def test_details_keys_as_each_version_spells_them() -> None:
    v31, v22, v16 = (ninjs(DETAILED, version) for version in ("3.1", "2.2", "1.6"))
    assert v31["headlines"] == [{"role": "main", "value": DETAILED.headline}]
    assert v16["headline_main"] == DETAILED.headline and "headline" not in v16
    assert [b["role"] for b in v31["bodies"]] == ["xhtml", "caption"]
    assert v31["bodies"][1] == {"role": "caption", "contentType": "text/plain",
                                "value": "A rider at the start in Adelaide."}
    assert v16["body_xhtml"] == "<p>Riders are tested before each stage.</p>"
    assert v16["body_caption"] == "A rider at the start in Adelaide."
    assert "body_html" not in v16 and "body_text" not in v16
    assert v31["renditions"][0]["format"] == "JPEG Baseline"
    assert v16["renditions"]["highres"]["mimetype"] == "image/jpeg"
    picture = v31["associations"][0]
    assert (picture["versionCreated"], picture["copyrightNotice"], picture["representationType"]) \
        == ("2021-05-26T14:00:00Z", "(c) TT", "partial")
    assert v22["associations"][0]["usageterms"] == "Editorial use only"
    assert v16["associations"]["a001"]["firstcreated"] == "2021-05-26T13:40:18+02:00"
    assert v31["subjects"][0] | {} == {"name": "Cycling", "rel": "classifies",
                                       "uri": "http://example.com/subject/cycling",
                                       "creator": "system", "relevance": 98, "confidence": 58}
    place = v31["places"][0]
    assert place["geoJSON"] == {"type": "Point", "coordinates": [-3.599, 40.436]}
    assert place["contactInfo"][0]["address"]["postalCode"] == "28022"
    assert v22["places"][0]["geojson"] == place["geoJSON"]
    assert v22["places"][0]["contactinfo"][0]["address"]["postalcode"] == "28022"
    assert v16["place"][0]["geometry_geojson"] == place["geoJSON"]
    assert v16["person"][0]["contactinfo"] == [{"type": "phone", "role": "work",
                                                "value": "+46 8 788 75 00"}]


def test_details_survive_canonical_json() -> None:
    data = json.loads(json.dumps(document_to_data(DETAILED)))
    assert data["bodies"][0] == {"role": "xhtml", "content_type": "text/html", "text": None}
    assert data["about"][1]["geometry"] == {"type": "Point", "coordinates": [-3.599, 40.436]}
    assert document_from_data(data) == DETAILED
    assert document_from_json(json.dumps(data), "t.json") == DETAILED  # our schema takes it


def test_canonical_json_without_the_details_still_reads() -> None:
    """The details are optional keys of schema version 3, written only when set: a
    version 3 file from before them reads as it did."""
    plain = replace(DETAILED, headline_role=None, bodies=(), renditions=(), associations=(),
                    subjects=(), about=())
    data = document_to_data(plain)
    assert not {"headline_role", "bodies", "renditions"} & set(data)
    assert document_from_json(json.dumps(data), "t.json") == plain


def test_details_survive_our_html() -> None:
    """The HTML page carries the news-item fields in ``data-item``: the details too."""
    page = api.write(EVENT, "html")
    again = api.read(page, "html")
    assert (again.headline_role, again.bodies, again.renditions, again.event_details,
            again.about, again.subjects, again.associations) == (
        EVENT.headline_role, EVENT.bodies, EVENT.renditions, EVENT.event_details,
        EVENT.about, EVENT.subjects, EVENT.associations)


def test_newsml_carries_what_it_has_a_place_for_and_warns_about_the_rest() -> None:
    xml = api.write(DETAILED, "newsml")
    again = api.read(xml, "newsml")
    assert again.renditions == tuple(replace(r, name=None, title=None, format=None)
                                     for r in DETAILED.renditions)
    picture = again.associations[0]
    assert (picture.first_created, picture.version_created, picture.copyright_holder,
            picture.copyright_notice, picture.usage_terms) == (
        "2021-05-26T13:40:18+02:00", "2021-05-26T14:00:00Z", "TT", "(c) TT",
        "Editorial use only")
    subject = again.subjects[0]
    assert (subject.relevance, subject.confidence) == (98, 58)
    losses = formats.writer("newsml").losses(DETAILED, WriteOptions())
    assert losses == [f"NewsML-G2 cannot carry {field}" for field in (
        "headline_role", "bodies (those kept as the source gave them)",
        "associations.representation_type", "renditions.format", "renditions.name",
        "concepts.creator (not a URI)", "concepts.contact_info", "concepts.geometry")]


def test_1_6_keys_say_a_body_s_media_type() -> None:
    """1.x has no media type but the key: ``body_<role>`` when the role says the type
    (``body_nitf`` reads back as NITF), else the type's own key (``main`` HTML from 3.1:
    ``body_html``, the role warned); a type no key says is warned."""
    writer = formats.writer("ninjs")
    options = WriteOptions(ninjs_version="1.6")
    nitf = replace(DETAILED, bodies=(BodyText("nitf", "text/vnd.IPTC.NITF", NITF),))
    assert ninjs(nitf, "1.6")["body_nitf"] == NITF
    assert read_ninjs(ninjs(nitf, "1.6")).bodies == nitf.bodies
    assert writer.losses(nitf, options) == []
    main = replace(DETAILED, bodies=(BodyText("main", "text/html"),
                                     BodyText("nitf", "application/nitf+xml", NITF)))
    written = ninjs(main, "1.6")
    assert written["body_html"] == "<p>Riders are tested before each stage.</p>"
    assert written["body_nitf"] == NITF
    assert [loss for loss in writer.losses(main, options) if "bodies" in loss] == [
        "ninjs 1.6 cannot carry bodies.role (1.x: the key names the role and the media type)",
        "ninjs 1.6 cannot carry bodies.content_type (1.x: the key's role implies it)"]
    assert writer.losses(main, WriteOptions(ninjs_version="3.1")) == []


def test_an_association_date_with_no_zone_is_left_out_with_a_warning() -> None:
    local = replace(DETAILED, associations=(replace(DETAILED.associations[0],
                                                    version_created="2021-05-26T14:00:00"),))
    assert "versionCreated" not in ninjs(local, "3.1")["associations"][0]
    assert "ninjs 3.1 cannot carry associations.version_created (no RFC 3339 form)" in \
        formats.writer("ninjs").losses(local, WriteOptions(ninjs_version="3.1"))


EVENT = replace(DETAILED, event_details=EventDetails(
    start="2023-10-04T18:45:00+02:00", end="2023-10-04T20:45:00+02:00",
    status="http://cv.iptc.org/newscodes/eventstatus/scheduled",
    organiser=Concept(name="Union of European Football Associations", literal="UEFA",
                      kind="organisation")))


def test_event_details_survive_3_1_and_canonical_json_and_are_warned_elsewhere() -> None:
    written = ninjs(EVENT, "3.1")
    assert errors(written, "3.1") == []
    assert written["eventDetails"] == {
        "eventStatus": "http://cv.iptc.org/newscodes/eventstatus/scheduled",
        "dates": {"startDate": "2023-10-04T18:45:00+02:00",
                  "endDate": "2023-10-04T20:45:00+02:00"},
        "organiser": {"name": "Union of European Football Associations", "literal": "UEFA"}}
    assert read_ninjs(written).event_details == EVENT.event_details
    assert document_from_json(json.dumps(document_to_data(EVENT)), "t.json") == EVENT
    for version in ("2.2", "1.6"):
        assert "eventdetails" not in {key.lower() for key in ninjs(EVENT, version)}
        assert f"ninjs {version} cannot carry event_details" in formats.writer("ninjs").losses(
            EVENT, WriteOptions(ninjs_version=version))
    assert "NewsML-G2 cannot carry event_details" in formats.writer("newsml").losses(
        EVENT, WriteOptions())


# ---------------------------------------------------------------- real files


def test_uefa_event_and_venue_are_written_back() -> None:
    path = THIRDPARTY / "ninjs" / "iptc3.0-20231004-UEFA-ChampionLeague.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    written = ninjs(api.read(path), "3.1")
    assert written["eventDetails"] == source["eventDetails"]
    assert written["places"] == source["places"]


def test_a_nitf_body_is_read_and_kept_as_given() -> None:
    path = THIRDPARTY / "ninjs" / "iptc3.0-20231008-addb-anti-doping-nitf.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    doc = api.read(path)
    assert doc.body[0] == Paragraph(("The Australian Sports Anti-Doping Authority (ASADA) "
                                     "today announced a range of anti-doping initiatives to "
                                     "protect the integrity of the 2008 \u2018Tour Down "
                                     "Under\u2019 to be held in South Australia from January "
                                     "22-27.",))
    # the NITF document, and a plain text that says more than it (contact details)
    assert doc.bodies == tuple(BodyText(b["role"], b["contentType"], b["value"])
                               for b in source["bodies"])
    assert [(b["role"], b["value"]) for b in ninjs(doc, "3.1")["bodies"]] == [
        (b["role"], b["value"]) for b in source["bodies"]]
    # the counts have no place: said, not dropped silently
    assert [w.message for w in doc.provenance.warnings if w.code == "ninjs-not-kept"] == [
        "ninjs properties with no place in the document, not kept: bodies.charCount, "
        "bodies.wordCount"]


def test_tt_entities_keep_contact_geometry_and_subject_details() -> None:
    path = THIRDPARTY / "ninjs" / "iptc3.0-tt_text_image_3.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    written = ninjs(api.read(path), "3.1")
    for key in ("people", "places", "subjects", "associations"):
        assert written[key] == source[key], key


def test_the_official_1_6_example_keeps_its_keys() -> None:
    path = STANDARDS / "ninjs" / "examples" / "1.6" / "004_simple_text_article.json"
    source = json.loads(path.read_text(encoding="utf-8"))
    doc = api.read(path)
    assert (doc.headline, doc.headline_role) == (source["headline_main"], "main")
    assert doc.bodies == (BodyText("main", "text/plain"), BodyText("richtext", "text/html"))
    written = ninjs(doc, "1.6")
    assert {"headline_main", "body_main", "body_richtext"} <= set(written)
    assert " ".join(written["body_main"].split()) == " ".join(source["body_main"].split())


def test_a_body_with_no_text_of_a_type_newsconvert_does_not_write_is_warned() -> None:
    """``text`` None means "written from the body", which only HTML and plain text can be."""
    doc = replace(DETAILED, bodies=(BodyText("nitf", "text/vnd.IPTC.NITF"),
                                    BodyText("main", "text/html")))
    assert ninjs(doc, "3.1")["bodies"] == [
        {"role": "main", "contentType": "text/html",
         "value": "<p>Riders are tested before each stage.</p>"}]
    assert formats.writer("ninjs").losses(doc, WriteOptions()) == [
        "ninjs 3.1 cannot carry bodies (a body of a media type newsconvert does not write, "
        "with no text)"]
