"""Property tests: any document the readers can build survives every round trip."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convert import api
from convert.model import Document
from convert.options import WriteOptions
from convert.formats.docschema import document_errors
from tests.support.strategies import documents

#: A fixed number of examples, drawn the same way every run (CI is deterministic).
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(documents())
def test_canonical_json_round_trip(doc: Document) -> None:
    data = api.write(doc, "json")
    assert list(document_errors(json.loads(data))) == []
    assert api.read(data, "json") == doc


@PROPERTY_SETTINGS
@given(documents())
def test_newsml_round_trip_and_official_xsd(doc: Document) -> None:
    from tests.support.newsml import schema_errors

    data = api.write(doc, "newsml")
    assert schema_errors(data) == []
    assert api.read(data, "newsml") == doc


@PROPERTY_SETTINGS
@given(documents(), st.sampled_from(["3.1", "2.2", "1.6"]))
def test_ninjs_round_trip_and_official_schema(doc: Document, version: str) -> None:
    from convert.formats.ninjs import lost_fields
    from tests.support import ninjs as ninjs_schemas

    data = api.write(doc, "ninjs", WriteOptions(ninjs_version=version))
    assert ninjs_schemas.errors(json.loads(data), version) == []
    expected = ninjs_schemas.without(doc, lost_fields(doc, version), version)
    assert api.read(data, "ninjs") == expected


@PROPERTY_SETTINGS
@given(documents(), st.booleans())
def test_html_round_trip(doc: Document, fragment: bool) -> None:
    data = api.write(doc, "html", WriteOptions(fragment=fragment))
    assert api.read(data, "html") == doc


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=3))
def test_epub_round_trip(docs: list[Document]) -> None:
    book = api.write(docs, "epub")
    assert api.read_all(book, "epub") == docs
