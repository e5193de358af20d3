"""The ninjs and IPTC tables in convert/formats agree with the official files in ../shared."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from convert.formats.ninjs import FLAT_TEXT, INTEGER_KEYS, PASSED_THROUGH, PROFILES
from convert.formats.qcodes import IPTC_SCHEMES, is_newscode, qcode_to_uri, uri_to_qcode
from tests.conftest import STANDARDS


def schema_properties(version: str) -> dict[str, dict]:
    schema = json.loads((STANDARDS / "ninjs" / f"ninjs-schema_{version}.json").read_text("utf-8"))
    return schema["properties"] if "properties" in schema else \
        schema["$defs"]["ninjsType"]["properties"]


@pytest.mark.parametrize("version", list(PROFILES))
def test_every_key_written_is_a_key_of_the_official_schema(version: str) -> None:
    properties = schema_properties(version)
    p = PROFILES[version]
    top_level = {key for key in p.keys() - {p.content_type_key}  # a key of the array items
                 if not FLAT_TEXT.fullmatch(key)}  # 1.6 schema: a patternProperties key
    assert (top_level | set(PASSED_THROUGH[version])) - set(properties) == set()
    for key in PASSED_THROUGH[version]:
        assert properties[key].get("type") == ("number" if key in INTEGER_KEYS else "string")


def test_iptc_schemes_are_catalog_41() -> None:
    catalog = etree.parse(str(STANDARDS / "newsml-g2" / "catalog" /
                              "catalog.IPTC-G2-Standards_41.xml"))
    declared = {scheme.get("alias"): scheme.get("uri")
                for scheme in catalog.iter("{http://iptc.org/std/nar/2006-10-01/}scheme")}
    assert IPTC_SCHEMES == declared


def test_qcodes_and_uris_convert_both_ways() -> None:
    uri = "http://cv.iptc.org/newscodes/mediatopic/20000763"
    assert qcode_to_uri("medtop:20000763") == uri and uri_to_qcode(uri) == "medtop:20000763"
    assert qcode_to_uri("icls:local") is None and uri_to_qcode("http://example.org/x/1") is None


def test_only_iptcs_own_vocabularies_are_newscodes() -> None:
    assert is_newscode("medtop:20000763") and is_newscode("iso3166-1a2:FR")
    assert not is_newscode("wikidata:Q4421821") and not is_newscode("geonames:2988507")
    assert not is_newscode("ex:unknown")
