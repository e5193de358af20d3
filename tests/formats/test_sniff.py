"""The one detector (convert/formats/sniff.py): reader and validator agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert import api, formats
from convert.formats import sniff
from convert.model import Paragraph
from convert.validation import validate_paths

#: Inputs on which the validator (2.x for both) and the reader (1.6, 3.1) used to disagree.
SCHEMA_SAYS_16 = {"uri": "urn:x", "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json",
                  "headlines": [{"role": "main", "value": "H"}]}
SHAPES_MIXED = {"uri": "urn:y", "headline": "H",
                "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>B</p>"}]}


@pytest.mark.parametrize(("data", "version"), [(SCHEMA_SAYS_16, "1.6"), (SHAPES_MIXED, "3.1")])
def test_the_reader_and_the_validator_see_the_same_ninjs_version(
        tmp_path: Path, data: dict[str, object], version: str) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert sniff.ninjs_version(data) == version
    assert validate_paths([path]).files[0].format == f"ninjs-{version}"
    doc = api.read(path)
    if version == "1.6":  # read as 1.6: a 2.x/3.x "headlines" array has no place there
        assert doc.headline is None and doc.provenance.warnings[0].message.endswith(
            "not kept: headlines")
    else:  # read as 3.1: the "bodies" array is the body
        assert doc.body == (Paragraph(("B",)),)


def test_not_ninjs_at_all() -> None:
    assert sniff.ninjs_version({"title": "no ninjs key"}) is None
    assert sniff.ninjs_version(["uri"]) is None
    assert sniff.ninjs_version({"uri": "urn:z"}) == "3.1"


@pytest.mark.parametrize(("head", "name", "explicit", "expected"), [
    (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">', "a.xml", False, "newsml"),
    (b"<nitf><head/>", "a.xml", False, "nitf"),
    (b'{"uri": "urn:x"}', "a.json", False, "ninjs"),
    (b'{"provenance": {}, "body": []}', "a.json", False, "json"),
    (b'<!DOCTYPE html><html><head><meta name="generator" content="newsconvert">', "a.html",
     False, "html"),
    (b"<!DOCTYPE html><html>", "a.html", False, "webpage"),  # another site's page
    (b"\x01abc0012 2 pl 196 XYZ\r\n\r\nTopic/\r\n\x02Headline", "a.txt", False, "iptc7901"),
    (b'<rss version="2.0"><channel>', "a.xml", False, "feed"),
    (b"PK\x03\x04\x00\x00mimetypeapplication/epub+zip", "a.epub", False, "epub"),
    (b"Headline\n\nA paragraph of text.", "a.txt", False, "text"),
    (b"", "empty.txt", False, "text"),  # an empty article is reported as one
    (b"pytest>=8\nlxml==5.2\n", "requirements.txt", False, None),
    (b"# Site\n\nThe code that builds the site.", "README.md", False, None),
    (b'{"name": "site", "version": "1.0.0"}', "package.json", False, None),
    (b"Headline\n\nBody.", "a.log", True, "text"),
    (b"Headline\n\nBody.", "a.log", False, None),
    (b"<svg/>", "a.txt", True, None),
    (b"\x89PNG\x00\x00", "a.txt", True, None),
])
def test_validation_classifies_by_the_table_rows(head: bytes, name: str, explicit: bool,
                                                 expected: str | None) -> None:
    spec = sniff.classify(head, name, explicit)
    assert (spec.name if spec else None) == expected
    if spec is not None:
        assert spec is formats.READER_NAMES[expected or ""]


def test_convert_detection_falls_back_on_extension_then_text() -> None:
    assert sniff.detect(b"<unknown/>", "a.xml").name == "newsml"  # first .xml row: its error
    assert sniff.detect(b"<unknown/>", None).name == "text"
    assert sniff.detect(b"<nitf>", "a.txt").name == "nitf"  # content first
