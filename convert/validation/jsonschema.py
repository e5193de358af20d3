"""JSON Schema validation: ninjs (by version) and our canonical JSON.

Validators are built once per process (``functools.cache``).  ninjs 2.2 and
3.1 ``$ref`` the GeoJSON schema by its public URL: it is served from a local
registry, so nothing is ever fetched.  Format checking (``uri``,
``date-time``...) is on.  Errors carry their JSON pointer and the line the
value starts on.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from convert.errors import ConvertError
from convert.formats.jsonload import pointer_line
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
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        best = best_match(error.context) if error.context else error
        pointer = "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1")
                                 for part in path)
        found.append((pointer, pointer_line(text, path), best.message))
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
    located = schemas.ninjs.get(version)
    if located is None:
        findings = [Finding(display, pointer_line(text, _parts(pointer)), None, "error",
                            "structure", message, "built-in", pointer=pointer or "/")
                    for pointer, message in builtin.ninjs_problems(data)]
        validator = "built-in"
    else:
        findings = _official_ninjs(display, text, data, located.path, schemas)
        validator = "jsonschema"
    findings += [Finding(display, hit.line, None, hit.severity, hit.code, hit.message, "rules")
                 for hit in rules.ninjs_hits(data, lambda key: pointer_line(text, [key]))]
    return findings, validator


def _official_ninjs(display: str, text: str, data: Any, schema_path: Path,
                    schemas: SchemaSet) -> list[Finding]:
    from referencing.exceptions import Unresolvable

    validator = ninjs_validator(schema_path, schemas.geojson.path if schemas.geojson else None)
    try:
        errors = schema_errors(validator, data, text)
    except Unresolvable as error:
        return [Finding(display, None, None, "error", "schema-ref",
                        f"the schema refers to {error} which is not available offline "
                        "(GeoJSON schema not found: run `newsconvert schemas pull`)",
                        "jsonschema")]
    return [Finding(display, line, None, "error", "schema", f"{pointer}: {message}",
                    "jsonschema", pointer=pointer) for pointer, line, message in errors]


def _parts(pointer: str) -> list[str | int]:
    return list(pointer.split("/")[1:]) if pointer else []
