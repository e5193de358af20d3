"""ANPA-1312 reader: the real AP sample and cases written from the guidelines
(their golden command cases: test_wire_golden.py)."""

from __future__ import annotations

import pytest

from convert import api
from convert.formats import sniff
from convert.errors import ConvertError
from convert.model import Byline
from tests.readers.wire_cases import TEXT, WIRE


def test_story_maps_header_and_heading_lines() -> None:
    doc = api.read(WIRE / "anpa1312-story.txt")
    assert doc.provenance.format == "anpa1312"
    assert doc.headline == "Harbor bridge reopens after storm repairs"
    assert doc.bylines == (Byline("JANE DOE", "Associated Writer"),)
    assert doc.slugline == "Harbor-Bridge" and doc.version == 3  # 2ndLd-Writethru
    assert doc.source == "NCA" and doc.published == "2024-03-14T18:05:00+00:00"
    extra = dict(doc.extra)
    assert doc.urgency == 3 and extra["keyword"] == "AM-Harbor-Bridge"
    assert doc.ednote == "Updates with mayor's comments. Moves on general news services."
    assert doc.dateline is not None and doc.dateline.place == "PORTLAND, Maine"
    text = api.write(doc, "json").decode()
    assert "\u201cWe are back in business,\u201d" in text and " \u2014 often in freezing rain" in text
    assert [d.line for d in doc.provenance.dropped] == [3]  # the keyword line repeated


def test_ap_sample() -> None:
    doc = api.read(TEXT / "sdcore-ap_anpa-1.txt")
    assert doc.provenance.format == "anpa1312"
    assert doc.headline == "Deng has 30 points, short-handed Heat beat Hawks 115-111"
    assert doc.bylines == (Byline("CHARLES ODUM", "AP Sports Writer"),)
    assert doc.slugline == "Heat-Hawks" and doc.version == 2
    assert doc.source == "AP" and doc.published == "2016-02-20T03:37:00+00:00"
    extra = dict(doc.extra)
    assert doc.ednote == "Heat 115, Hawks 111. Updates. With AP Photos."
    assert extra["photos"].startswith("AP Photo GATK105")
    assert doc.urgency == 5 and extra["category"] == "z"
    assert doc.summary is not None and doc.summary.startswith("Luol Deng scored 30 points")
    assert doc.dateline is not None and doc.dateline.place == "ATLANTA"
    assert len(doc.body) >= 15


def test_detected_from_the_framing() -> None:
    head = (WIRE / "anpa1312-story.txt").read_bytes()
    assert sniff.detect(head, "story.txt").name == "anpa1312"
    assert sniff.detect(b"\x16\x16\x01", "story.txt").name == "text"


def test_without_keyword_line_is_one_line_error() -> None:
    with pytest.raises(ConvertError) as caught:
        api.read(b"\x16\x16\x01a0001\x1f-----\r\nnot a keyword line\r\n", "anpa1312")
    assert caught.value.line == 2
