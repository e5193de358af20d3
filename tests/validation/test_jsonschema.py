"""ninjs and canonical JSON validation (convert/validation/jsonschema.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert import ConvertError, Document, api
from convert.validation import validate_paths
from tests.conftest import STANDARDS, dev_articles
from tests.support.factories import FULL

NINJS_EXAMPLES = sorted((STANDARDS / "ninjs" / "examples").glob("*/*.json"))
SIMPLE_31 = STANDARDS / "ninjs" / "examples" / "3.1" / "004_simple_text_article.json"


def errors(path: Path) -> list[tuple[int | None, str | None, str]]:
    [result] = validate_paths([path]).files
    return [(f.line, f.pointer, f.message) for f in result.findings if f.severity == "error"]


def test_all_seven_official_ninjs_examples_are_valid_with_format_checking() -> None:
    assert len(NINJS_EXAMPLES) == 7
    report = validate_paths(NINJS_EXAMPLES)
    assert report.valid, [r.findings for r in report.files]
    assert [r.format for r in report.files] == ["ninjs-1.6", "ninjs-1.6", "ninjs-2.2",
                                                "ninjs-2.2", "ninjs-3.1", "ninjs-3.1",
                                                "ninjs-3.1"]
    assert all(r.validators == ["jsonschema", "rules"] for r in report.files)


def test_bad_uri_and_date_are_located_by_pointer_and_line(tmp_path: Path) -> None:
    text = SIMPLE_31.read_text(encoding="utf-8").replace(
        '"http://ninjs.example.com/newsitems/20130709simp123"', '"not a uri"').replace(
        '"2013-07-09T10:37:00Z"', '"9 July 2013"')
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    assert errors(tmp_path / "bad.json") == [
        (2, "/uri", "/uri: 'not a uri' is not a 'uri'"),
        (4, "/versionCreated", "/versionCreated: '9 July 2013' is not a 'date-time'")]


def test_ninjs_rules_language_and_dates(tmp_path: Path) -> None:
    data = {"uri": "urn:x:1", "language": "en_GB", "versionCreated": "2020-01-01T00:00:00Z",
            "firstCreated": "2021-01-01T00:00:00Z"}
    (tmp_path / "n.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    [result] = validate_paths([tmp_path / "n.json"]).files
    assert [(f.line, f.code) for f in result.findings] == [(3, "language-tag"),
                                                           (4, "version-before-first")]


@pytest.mark.parametrize("coordinates, valid", [([10.75, 59.91], True), ("north", False)])
def test_geojson_refs_resolve_locally(tmp_path: Path, coordinates: object, valid: bool) -> None:
    data = {"uri": "urn:x:1", "versionCreated": "2024-01-01T00:00:00Z", "places": [
        {"name": "Oslo", "geoJSON": {"type": "Point", "coordinates": coordinates}}]}
    (tmp_path / "geo.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    found = errors(tmp_path / "geo.json")
    assert [(line, pointer) for line, pointer, _ in found] == ([] if valid else [
        (7, "/places/0/geoJSON")])


def test_json_syntax_error_is_located(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{\n  "uri": "urn:x",\n  "type": \n}\n')
    [(line, _, message)] = errors(tmp_path / "broken.json")
    assert line == 4 and "not valid JSON" in message


def test_canonical_json_of_the_factories_and_dev_corpus_is_valid(tmp_path: Path) -> None:
    paths = []
    for number, doc in enumerate([FULL] + [doc for doc in map(_parsed, dev_articles()) if doc]):
        paths.append(tmp_path / f"{number}.json")
        paths[-1].write_bytes(api.write(doc, "json"))
    report = validate_paths(paths)
    assert report.valid and {r.format for r in report.files} == {"json"}
    assert [o.origin for o in report.schemas] == ["project"]


def _parsed(path: Path) -> Document | None:
    """The article's document; None when the current text parser refuses it."""
    try:
        return api.read(path)
    except ConvertError:
        return None


def test_canonical_json_error_is_located(tmp_path: Path) -> None:
    text = api.write(FULL, "json").decode("utf-8")
    data = json.loads(text)
    broken = text.replace(f'"published": "{data["published"]}"', '"published": "yesterday"')
    assert broken != text
    (tmp_path / "doc.json").write_text(broken, encoding="utf-8")
    [(line, pointer, _)] = errors(tmp_path / "doc.json")
    assert pointer == "/published"
    assert line == broken[:broken.index('"published"')].count("\n") + 1


def test_ninjs_without_the_official_schema_falls_back(tmp_path: Path,
                                                      no_official_schemas: None) -> None:
    (tmp_path / "n.json").write_text('{"type": "text", "versionCreated": "x"}')
    report = validate_paths([tmp_path / "n.json"])
    [finding] = report.files[0].findings
    assert (finding.validator, finding.code) == ("built-in", "structure")
    assert report.schemas[0].origin == "built-in"


@pytest.mark.parametrize("schema_name", ["ninjs-schema_3.1.json"])
def test_schema_option_takes_a_ninjs_schema_file(tmp_path: Path, schema_name: str,
                                                  no_official_schemas: None) -> None:
    report = validate_paths([SIMPLE_31], schema=str(STANDARDS / "ninjs" / schema_name))
    assert report.valid
    assert report.files[0].validators[0] == "jsonschema"
    assert [(o.name, o.origin) for o in report.schemas] == [("ninjs 3.1", "--schema"),
                                                            ("geojson", "built-in")]


FRESH_PROCESS = """
import json, sys
from convert.validation import validate_paths
[result] = validate_paths([sys.argv[1]]).files
kept_out = ("rfc3987_syntax", "lark", "isoduration", "arrow", "fqdn", "webcolors")
print(json.dumps({"errors": [f.pointer for f in result.findings if f.severity == "error"],
                  "loaded": [name for name in kept_out if name in sys.modules]}))
"""


def test_format_libraries_no_schema_needs_are_not_imported_and_uri_and_dates_still_checked(
        tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    text = SIMPLE_31.read_text(encoding="utf-8").replace(
        '"http://ninjs.example.com/newsitems/20130709simp123"', '"not a uri"').replace(
        '"2013-07-09T10:37:00Z"', '"9 July 2013"')
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    probe = subprocess.run([sys.executable, "-c", FRESH_PROCESS, str(tmp_path / "bad.json")],
                           cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(probe.stdout) == {"errors": ["/uri", "/versionCreated"], "loaded": []}


# ---------------------------------------------------------------- the fast yes/no


def _ninjs_documents() -> list[tuple[str, object]]:
    """Every ninjs file of the suite (official examples, third-party files, our
    goldens), and each one broken in the ways schema errors take: a bad
    ``uri`` and ``date-time`` everywhere one is, a wrong type, a missing and
    an unknown property."""
    paths = [*NINJS_EXAMPLES, *sorted((STANDARDS.parent / "corpus" / "thirdparty" / "ninjs")
                                      .glob("*.json")),
             *sorted(Path(__file__).parents[2].joinpath("fixtures", "ninjs").glob("*.json"))]
    documents: list[tuple[str, object]] = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        documents.append((path.name, data))
        for name, value in (("bad uri", "not a uri"), ("bad date", "9 July 2013"),
                            ("lower-case date", "2013-07-09t10:37:00z")):
            documents.append((f"{path.name}: {name}", _replaced_strings(data, value)))
        if isinstance(data, dict):
            documents.append((f"{path.name}: no uri", {k: v for k, v in data.items()
                                                       if k != "uri"}))
            documents.append((f"{path.name}: unknown key", {**data, "noSuchKey": 1}))
            documents.append((f"{path.name}: headline a number", {**data, "headline": 7}))
    return documents


def _replaced_strings(data: object, value: str) -> object:
    """``data`` with every string that reads as a URI or a date-time replaced."""
    if isinstance(data, dict):
        return {key: _replaced_strings(item, value) for key, item in data.items()}
    if isinstance(data, list):
        return [_replaced_strings(item, value) for item in data]
    if isinstance(data, str) and ("://" in data or data[:4].isdigit() and "T" in data):
        return value
    return data


def test_the_fast_validator_agrees_with_jsonschema_on_every_ninjs_document() -> None:
    from convert.formats.sniff import ninjs_version
    from convert.validation import jsonschema as checks

    geojson = STANDARDS / "ninjs" / "GeoJSON-schema.json"
    documents = _ninjs_documents()
    verdicts = {"valid": 0, "invalid": 0}
    for name, data in documents:
        version = ninjs_version(data) or "3.1"
        schema = STANDARDS / "ninjs" / f"ninjs-schema_{version}.json"
        fast = checks.fast_ninjs_validator(schema, geojson)
        assert fast is not None, version
        slow = not list(checks.ninjs_validator(schema, geojson).iter_errors(data))
        assert fast(data) == slow, name
        verdicts["valid" if slow else "invalid"] += 1
    assert len(documents) > 200 and verdicts["valid"] > 25 and verdicts["invalid"] > 100, verdicts


def test_without_jsonschema_rs_every_document_goes_to_jsonschema(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from convert.validation import jsonschema as checks
    from convert.validation.sources import locate

    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)
    checks.fast_ninjs_validator.cache_clear()
    try:
        schema = STANDARDS / "ninjs" / "ninjs-schema_3.1.json"
        assert checks.fast_ninjs_validator(schema, None) is None
        text = SIMPLE_31.read_text(encoding="utf-8").replace('"2013-07-09T10:37:00Z"',
                                                             '"9 July 2013"')
        found, _ = checks.check_ninjs("a.json", text, json.loads(text), "3.1", locate(None))
        assert [f.message for f in found if f.code == "schema"] == [
            "/versionCreated: '9 July 2013' is not a 'date-time'"]
    finally:
        checks.fast_ninjs_validator.cache_clear()
