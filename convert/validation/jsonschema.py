"""JSON Schema validation: ninjs (by version) and our canonical JSON.

Validators are built once per process (``functools.cache``).  ninjs 2.2 and
3.1 ``$ref`` the GeoJSON schema by its public URL: it is served from a local
registry, so nothing is ever fetched.  Format checking (``uri``,
``date-time``...) is on.  Errors carry their JSON pointer and the line the
value starts on.

A ninjs document is first asked yes/no of ``jsonschema_rs`` (compiled Rust,
about 20 µs a document with our format checks, where ``jsonschema`` takes
about 500 µs and 80 ms to import); only a document it finds invalid goes to
``jsonschema``, whose messages and paths the reports quote.  The fast
validator checks the formats with the very functions ``jsonschema``'s format
checker calls, so the two agree on every document (a test compares them over
every ninjs file of the suite); without ``jsonschema_rs``, or for a schema
using other formats, every document goes to ``jsonschema``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from convert.errors import ConvertError
from convert.formats.jsonload import JsonLines
from convert.validation import builtin, rules
from convert.validation.results import Finding
from convert.validation.sources import SchemaSet


@functools.cache
def ninjs_validator(schema_path: Path, geojson_path: Path | None) -> Any:
    from referencing import Registry, Resource

    from convert.formats.docschema import import_jsonschema

    validators = import_jsonschema().validators
    schema = _load(schema_path)
    registry: Registry[Any] = Registry()
    if geojson_path is not None:
        geojson = _load(geojson_path)
        registry = registry.with_resource(geojson["$id"], Resource.from_contents(geojson))
    cls = validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _format_checks() -> dict[str, Callable[[str], bool]] | None:
    """The formats the fast validator checks, each as ``jsonschema``'s checker
    does (``jsonschema/_format.py``: ``date-time`` upper-cased, then RFC 3339;
    ``uri`` by RFC 3986's ``URI`` rule): the only ones the ninjs and GeoJSON
    schemas use."""
    try:
        from rfc3339_validator import validate_rfc3339
        from rfc3986_validator import validate_rfc3986
    except ImportError:  # jsonschema then leaves these formats unchecked: no fast path
        return None
    return {"date-time": lambda value: bool(validate_rfc3339(value.upper())),
            "uri": lambda value: bool(validate_rfc3986(value, rule="URI"))}


@functools.cache
def fast_ninjs_validator(schema_path: Path, geojson_path: Path | None
                         ) -> Callable[[Any], bool] | None:
    """``is_valid(data)`` by ``jsonschema_rs`` for the ninjs schema at
    ``schema_path``, or None when it cannot answer exactly as ``jsonschema``
    would (not installed, a format it does not check alike, a reference it
    cannot resolve offline)."""
    checks = _format_checks()
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schema = _load(schema_path)
    schemas = [schema]
    resources = []
    if geojson_path is not None:
        geojson = _load(geojson_path)
        schemas.append(geojson)
        resources.append((geojson["$id"], geojson))
    if checks is None or not set().union(*map(_formats_in, schemas)) <= set(checks):
        return None
    try:
        validator = jsonschema_rs.validator_for(
            schema, registry=jsonschema_rs.Registry(resources), validate_formats=True,
            formats=checks, offline=True)
    except (ValueError, jsonschema_rs.ReferencingError):
        return None
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid


def _formats_in(schema: Any) -> set[str]:
    """Every ``format`` keyword value in a schema (a property named ``format``
    is an object, not a string)."""
    if isinstance(schema, dict):
        found = {value for key, value in schema.items()
                 if key == "format" and isinstance(value, str)}
        return found.union(*(_formats_in(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*map(_formats_in, schema))
    return set()


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConvertError(f"cannot load JSON Schema: {error}", source=str(path),
                           code="schema") from None


def schema_errors(validator: Any, data: Any, text: str) -> list[tuple[str, int | None, str]]:
    """(JSON pointer, line, message) of every schema error, in document order."""
    from convert.formats.docschema import import_jsonschema

    best_match = import_jsonschema().exceptions.best_match
    found = []
    lines = JsonLines(text)
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        best = best_match(error.context) if error.context else error
        pointer = "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1")
                                 for part in path)
        found.append((pointer, lines.line(path), best.message))
    return sorted(found, key=lambda item: (item[1] or 0, item[0], item[2]))


# ---------------------------------------------------------------- JSON files

def check_canonical(display: str, text: str, data: Any) -> list[Finding]:
    """Our canonical JSON against ``schemas/document.schema.json``."""
    from convert.formats.docschema import document_errors

    return [Finding(display, error.line, None, "error", "schema", error.message, "jsonschema",
                    pointer=error.pointer) for error in document_errors(data, text)]


def check_ninjs(display: str, text: str, data: Any, version: str,
                schemas: SchemaSet) -> tuple[list[Finding], str]:
    """A ninjs document against the official schema of ``version`` (or our
    structural checks when it is not found), plus our rules; and the
    validator that ran."""
    lines = JsonLines(text)
    located = schemas.ninjs.get(version)
    if located is None:
        findings = [Finding(display, lines.line(_parts(pointer)), None, "error",
                            "structure", message, "built-in", pointer=pointer or "/")
                    for pointer, message in builtin.ninjs_problems(data)]
        validator = "built-in"
    else:
        findings = _official_ninjs(display, text, data, located.path, schemas)
        validator = "jsonschema"
    findings += [Finding(display, hit.line, None, hit.severity, hit.code, hit.message, "rules")
                 for hit in rules.ninjs_hits(data, lambda key: lines.line([key]))]
    return findings, validator


def _official_ninjs(display: str, text: str, data: Any, schema_path: Path,
                    schemas: SchemaSet) -> list[Finding]:
    geojson_path = schemas.geojson.path if schemas.geojson else None
    is_valid = fast_ninjs_validator(schema_path, geojson_path)
    if is_valid is not None and _fast_verdict(is_valid, data):
        return []
    from referencing.exceptions import Unresolvable

    validator = ninjs_validator(schema_path, geojson_path)
    try:
        errors = schema_errors(validator, data, text)
    except Unresolvable as error:
        return [Finding(display, None, None, "error", "schema-ref",
                        f"the schema refers to {error} which is not available offline "
                        "(GeoJSON schema not found: run `newsconvert schemas pull`)",
                        "jsonschema")]
    return [Finding(display, line, None, "error", "schema", f"{pointer}: {message}",
                    "jsonschema", pointer=pointer) for pointer, line, message in errors]


def _fast_verdict(is_valid: Callable[[Any], bool], data: Any) -> bool:
    """The fast validator's yes; no when it says no or cannot take the data
    (an integer beyond 64 bits...): ``jsonschema`` then decides."""
    try:
        return is_valid(data)
    except (ValueError, OverflowError, TypeError):
        return False


def _parts(pointer: str) -> list[str | int]:
    return list(pointer.split("/")[1:]) if pointer else []
