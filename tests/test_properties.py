"""Property tests: any document the readers can build survives every round trip."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from convert import api
from convert.model import Document
from convert.schemas import document_errors
from tests.strategies import documents

PROPERTY_SETTINGS = settings(max_examples=60, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(documents())
def test_canonical_json_round_trip(doc: Document) -> None:
    data = api.write(doc, "json")
    assert list(document_errors(json.loads(data))) == []
    assert api.read(data, "json") == doc
