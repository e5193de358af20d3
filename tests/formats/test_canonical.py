"""Canonical JSON: schema-valid, and JSON -> Document -> JSON byte-identical."""

import json

import pytest

from convert import api
from convert.errors import ConvertError
from convert.model import (
    Byline, Dateline, Document, DroppedText, Emphasis, Figure, Heading, Link, ListBlock, Note, Paragraph,
    ParseWarning, Provenance, Quote, Strong,
)
from convert.formats.docschema import document_errors

FULL = Document(
    id="urn:uuid:0a1b2c3d-0000-5000-8000-000000000000",
    version=2, language="en-GB", headline="Headline", subheadline="Deck", slugline="BRIDGE",
    bylines=(Byline("Fiona Baird"), Byline("Callum Reid", "photographer")),
    dateline=Dateline("DUNDEE", "Nov 28"), published="2022-11-28T09:30:00+00:00",
    updated="2022-11-28", source="PA", copyright="(c) 2022 PA", url="https://example.org/a",
    keywords=("transport", "walking"), summary="Summary.",
    body=(
        Paragraph(("Plain ", Emphasis(("em",)), " ", Strong(("strong",)), " ",
                   Link(("link",), "https://example.org"), " <script>alert(1)</script>")),
        Heading(("Sub",), 3),
        Quote(("Quoted words",), "Someone"),
        ListBlock((("one",), ("two",)), ordered=True),
        Figure(("A photo",), "Reuters"),
        Note(("Correction: a fix.",), "correction"),
    ),
    extra=(("itemMeta/urgency", "4"),),
    provenance=Provenance("text", "cp1252", (ParseWarning("encoding-guessed", "guessed", 1),),
                          (DroppedText(9, "ENDS", "end mark"),)),
)


def test_full_document_round_trips_byte_identical():
    data = api.write(FULL, "json")
    again = api.read(data, "json")
    assert again == FULL
    assert again.provenance == FULL.provenance
    assert api.write(again, "json") == data


def test_written_json_validates_against_our_schema():
    data = json.loads(api.write(FULL, "json"))
    assert list(document_errors(data)) == []


def test_schema_error_names_pointer_and_line():
    text = api.write(FULL, "json").decode().replace('"version": 2', '"version": 0')
    with pytest.raises(ConvertError) as caught:
        api.read(text.encode(), "json")
    assert caught.value.line == 4
    assert "/version" in caught.value.message


@pytest.mark.parametrize("text, code", [
    ('{"a": 1, "a": 2}', "duplicate-key"),
    ("[" * 10000 + "]" * 10000, "too-deep"),
    ('{"a": ', "syntax"),
])
def test_bad_json_is_a_clear_error(text, code):
    with pytest.raises(ConvertError) as caught:
        api.read(text.encode(), "json")
    assert caught.value.code == code


@pytest.mark.parametrize("version", [1, 2])
def test_older_schema_versions_are_read_with_the_defaults_they_meant(version: int) -> None:
    """A file written before schema 2 (no status, embargo, subjects... keys) or before
    schema 3 (no descriptions, associations) still reads."""
    import json

    from convert import api
    from convert.formats.canonical import (
        ITEM_DEFAULTS, SCHEMA_ID_V1, SCHEMA_ID_V2, V3_DEFAULTS,
    )
    from tests.support.factories import FULL

    data = json.loads(api.write(FULL, "json"))
    missing = ITEM_DEFAULTS if version == 1 else V3_DEFAULTS
    old = {key: value for key, value in data.items() if key not in missing}
    old["$schema"] = SCHEMA_ID_V1 if version == 1 else SCHEMA_ID_V2
    doc = api.read(json.dumps(old).encode(), "json")
    assert doc == FULL and doc.associations == () and doc.descriptions == ()
    assert json.loads(api.write(doc, "json"))["$schema"] == "urn:newsconvert:schema:document:3"
    old["$schema"] = "https://example.org/some-other-schema.json"
    with pytest.raises(ConvertError):
        api.read(json.dumps(old).encode(), "json")
