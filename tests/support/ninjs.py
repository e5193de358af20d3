"""Shared by the ninjs writer and reader tests: schemas, documents, the lost-field rule.

The official ninjs JSON Schemas are read from ../shared and compiled once per session, offline.

The GeoJSON schema that 2.2 and 3.1 ``$ref`` is registered locally; any other
reference would have to be fetched, and the registry refuses that (the test
fails instead of going to the web).  Format checking is on (``uri``,
``date-time``: the ``jsonschema[format-nongpl]`` extra).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from convert.model import Document
from tests.conftest import DEV_CORPUS, STANDARDS, dev_articles
from tests.support.factories import ALL

NINJS = STANDARDS / "ninjs"
VERSIONS = ("3.1", "2.2", "1.6")


class FetchRefused(Exception):
    pass


def _refuse(uri: str) -> Any:
    raise FetchRefused(f"schema reference {uri} is not local: nothing may be fetched")


@functools.cache
def registry() -> Any:
    from referencing import Registry, Resource

    geojson = json.loads((NINJS / "GeoJSON-schema.json").read_text(encoding="utf-8"))
    return Registry(retrieve=_refuse).with_resource(geojson["$id"],
                                                    Resource.from_contents(geojson))


@functools.cache
def validator(version: str) -> Any:
    from jsonschema import validators

    schema = json.loads((NINJS / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry(), format_checker=cls.FORMAT_CHECKER)


def errors(data: Any, version: str) -> list[str]:
    """Every schema error of ``data`` as ``/json/pointer: message``."""
    return [f"/{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator(version).iter_errors(data)]


@functools.cache
def documents() -> dict[str, Document]:
    """Every factory document and every dev-corpus article the corpus says converts."""
    from convert import api

    docs = {f"factory-{name}": doc for name, doc in ALL.items()}
    for path in dev_articles():
        expected = json.loads((DEV_CORPUS / f"{path.stem}.expected.json").read_text("utf-8"))
        if expected["expect"] != "error":
            docs[path.stem] = api.read(path)
    return docs


def without(doc: Document, fields: list[str]) -> Document:
    """``doc`` with the fields named by ``lost_fields`` cleared: the round-trip expectation."""
    from dataclasses import replace

    for field in fields:
        if field == "bylines.role":
            doc = replace(doc, bylines=tuple(replace(b, role=None) for b in doc.bylines))
        elif field == "dateline":
            doc = replace(doc, dateline=None)
        elif field == "dateline.date_text":
            assert doc.dateline is not None
            doc = replace(doc, dateline=replace(doc.dateline, date_text=None))
        elif field == "extra":
            doc = replace(doc, extra=())
        else:
            raise AssertionError(f"lost_fields named {field!r}, which this test cannot clear")
    return doc
