"""NITF reader: real NITF documents from ../shared, read as a NewsML-G2 item's NITF body is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from convert import api
from convert.formats import sniff
from convert.errors import ConvertError
from convert.model import Byline, Paragraph

THIRDPARTY = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "thirdparty"
STANDARDS = Path(__file__).resolve().parents[2].parent / "shared" / "standards"
#: A NITF 3.6 document (with a full head) carried as a ninjs body.
DOPING = THIRDPARTY / "ninjs" / "iptc3.0-20231008-addb-anti-doping-nitf.json"
#: The NewsML-G2 specification's example of an item with a NITF body.
LISTING_2 = STANDARDS / "newsml-g2" / "examples" / "LISTING_2_NewsML-G2_Text_Document.xml"


def doping_nitf() -> bytes:
    bodies = json.loads(DOPING.read_text(encoding="utf-8"))["bodies"]
    value: str = next(body["value"] for body in bodies if "NITF" in body["contentType"])
    return value.encode()


def nitf_of(item: Path) -> bytes:
    """The ``<nitf>`` inside a NewsML-G2 item, as a document of its own."""
    element = next(e for e in etree.parse(str(item)).iter() if etree.QName(e).localname == "nitf")
    return etree.tostring(element, encoding="UTF-8", xml_declaration=True)


def test_a_nitf_document_with_a_full_head() -> None:
    data = doping_nitf()
    assert sniff.detect(data[:65536], "story.xml").name == "nitf"
    doc = api.read(data, options=None)
    assert doc.id == "anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever"
    assert doc.headline == "Anti-doping measures at the 'Tour Down Under' will be the toughest ever"
    assert doc.bylines == (Byline("DopingWatch"),)
    assert (doc.published, doc.source, doc.copyright) == (
        "2008-02-19", "DopingWatch", "The Anti-Doping Database")
    assert doc.body[0] == Paragraph((
        "The Australian Sports Anti-Doping Authority (ASADA) today announced a range of "
        "anti-doping initiatives to protect the integrity of the 2008 ‘Tour Down Under’ to be "
        "held in South Australia from January 22-27.",))
    assert len(doc.body) > 10 and doc.provenance.format == "nitf"


def test_what_has_no_field_is_named_with_its_line() -> None:
    warnings = {(w.code, w.line, w.message) for w in api.read(doping_nitf()).provenance.warnings}
    assert ("nitf-dropped", 5, "<tobject> in <head> is not kept (the document has no field "
            "for it)") in warnings
    assert ("nitf-dropped", 17, "<urgency> in <docdata> is not kept (the document has no "
            "field for it)") in warnings
    assert ("nitf-dropped", 2, "<nitf version> is not kept") in warnings
    assert ("nitf-date", 14, "the zone +0100 of a date without a time is not kept") in warnings


def test_the_same_nitf_reads_the_same_alone_and_inside_newsml() -> None:
    alone = api.read(nitf_of(LISTING_2), "nitf")
    inside = api.read(LISTING_2, "newsml")
    assert alone.headline == 'Fed to halt QE to avert "bubble"'
    assert alone.bylines == (Byline("Meredith Jameson", "Staff Reporter"),)
    assert alone.body == inside.body and len(alone.body) == 2  # the item's own metadata aside


@pytest.mark.parametrize(("norm", "expected"), [
    ("20240102T103000Z", "2024-01-02T10:30:00Z"),
    ("2024-01-02T10:30:00+01:00", "2024-01-02T10:30:00+01:00"),
    ("20240102T1030-0500", "2024-01-02T10:30:00-05:00"),
    ("20240102", "2024-01-02"),
])
def test_issue_dates_become_iso_8601(norm: str, expected: str) -> None:
    data = (f'<nitf><head><docdata><date.issue norm="{norm}"/></docdata></head>'
            "<body><body.content><p>Text.</p></body.content></body></nitf>").encode()
    assert api.read(data, "nitf").published == expected


def test_a_date_that_is_not_iso_8601_is_reported_not_guessed() -> None:
    data = (b'<nitf><head><docdata><date.issue norm="last Tuesday"/></docdata></head>'
            b"<body><body.content><p>Text.</p></body.content></body></nitf>")
    doc = api.read(data, "nitf")
    assert doc.published is None
    assert [w.code for w in doc.provenance.warnings] == ["nitf-date"]


def test_another_root_is_a_one_line_error() -> None:
    with pytest.raises(ConvertError, match=r"root element <html> is not a NITF <nitf>"):
        api.read(b"<html><body/></html>", "nitf")
