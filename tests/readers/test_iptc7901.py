"""IPTC 7901 reader: cases written from the standard, and the real agency samples
(their golden command cases: test_wire_golden.py)."""

from __future__ import annotations

import pytest

from convert import api
from convert.formats import sniff
from convert.errors import ConvertError
from convert.model import body_text
from tests.readers.wire_cases import TEXT, WIRE


def test_framed_message_maps_the_heading() -> None:
    doc = api.read(WIRE / "iptc7901-framed.txt")
    assert doc.provenance.format == "iptc7901"
    assert doc.headline == "Electric ferry crossing opens across Oslo fjord"
    assert [b.name for b in doc.bylines] == ["Anna Berg"]
    assert doc.slugline == "Norway/transport/ferries"
    assert doc.keywords == ("Norway", "transport", "ferries")
    assert doc.version == 2  # 1ST LEAD
    assert doc.source == "NCA"
    assert doc.published == "2024-03-03T15:12:00+00:00"
    extra = dict(doc.extra)
    assert doc.urgency == 2 and extra["category"] == "pl"
    assert extra["message-id"] == "nca0412" and extra["edit-status"] == "1ST LEAD"
    assert doc.ednote.startswith("The following information is not intended for publication")
    assert "Editorial contacts: desk" in doc.ednote
    assert doc.dateline is not None and doc.dateline.place == "Oslo"
    body = body_text(doc.body)
    assert "not intended for publication" not in body and "Editorial contacts" not in body


def test_dpa_refile_sample() -> None:
    doc = api.read(TEXT / "sdcore-dpa_four_line.txt")
    assert doc.provenance.format == "iptc7901"
    assert doc.headline == "Switzerland joins list of countries resisting UN migration pact"
    assert [b.name for b in doc.bylines] == ["dpa correspondents"]
    assert doc.slugline == "Switzerland/migration/UN"
    assert doc.version == 2 and dict(doc.extra)["edit-status"] == "REFILE, 1ST LEAD"
    assert doc.source == "dpa" and doc.published == "2018-11-21T23:22:00+00:00"
    assert doc.urgency == 3 and dict(doc.extra)["category"] == "i"
    assert "Reporting by: Albert Otti" in doc.ednote
    assert doc.ednote.startswith("# Notebook")  # dpa's notes to editors
    assert body_text(doc.body).endswith("Hungary, Israel, Poland and the United States.")
    assert doc.dateline is not None and doc.dateline.place == "Geneva"
    assert "not intended for publication" not in body_text(doc.body)


def test_sample_with_control_characters_stripped_in_transit() -> None:
    doc = api.read(TEXT / "belga-dpa.txt")
    assert doc.provenance.format == "iptc7901"
    assert doc.headline == "Top EU court: Britain can unilaterally reverse Brexit decision"
    assert [b.name for b in doc.bylines] == ["Helen Maguire"]
    assert doc.version == 3  # 2ND LEAD
    assert doc.published == "2018-12-10T11:37:00+00:00"  # "101137 GMT Dez 18"
    assert doc.slugline == "politics/Britain/EU/Brexit/justice"


@pytest.mark.parametrize("head, expected", [
    (b"\x01abc0012 2 pl 196 vvvvb XYZ\r\n\r\nTopic/\r\n\x02Headline\r\n", "iptc7901"),
    (b"abc0012 2 pl 196 XYZ\n\nTopic/Sub/\nHeadline\n", "iptc7901"),
    # the heading shape alone, with no keyword line or STX, is an ordinary article
    (b"abc0012 2 pl 196 XYZ\n\nThe first paragraph of a story.\n", "text"),
    (b"Storm closes schools\n\nLONDON (Reuters) - Schools shut.\n", "text"),
])
def test_detected_from_the_framing(head: bytes, expected: str) -> None:
    assert sniff.detect(head, "a.txt").name == expected


def test_heading_missing_is_one_line_error() -> None:
    with pytest.raises(ConvertError) as caught:
        api.read(b"\x01not a heading\r\n\x02Text\r\n\x03", "iptc7901")
    assert caught.value.line == 1 and "heading" in caught.value.message
