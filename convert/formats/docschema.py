"""Our own JSON Schema for the canonical document, loaded and compiled once."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from convert.formats.jsonload import pointer_line


@dataclass(frozen=True)
class SchemaError:
    message: str
    pointer: str
    line: int | None


def document_schema_text() -> str:
    """The schema file: ``schemas/`` in a source tree, ``convert.schemadata`` when installed."""
    in_tree = Path(__file__).resolve().parents[2] / "schemas" / "document.schema.json"
    if in_tree.is_file():
        return in_tree.read_text(encoding="utf-8")
    return resources.files("convert.schemadata").joinpath("document.schema.json").read_text(
        encoding="utf-8")


#: Libraries that ``jsonschema`` imports, when installed, to check formats
#: that none of the schemas we validate with (ours, ninjs 1.6/2.2/3.1,
#: GeoJSON) use: they use ``uri``, ``date-time`` and ``date`` only.
_UNUSED_FORMAT_LIBRARIES = (
    "rfc3987_syntax",  # iri, iri-reference: builds a parser grammar, about 2 s of CPU
    "isoduration",  # duration (it imports arrow)
    "fqdn",  # hostname
    "idna",  # idn-hostname
    "webcolors",  # color
    "jsonpointer",  # json-pointer, relative-json-pointer
    "uri_template",  # uri-template
)


def import_jsonschema() -> Any:
    """``jsonschema``, imported without the format libraries it would load
    for formats none of our schemas use (``_UNUSED_FORMAT_LIBRARIES``).

    jsonschema imports every format library it finds when it is imported
    (the ``format-nongpl`` extra installs them all): about 2 s of CPU on
    every start with rfc3987-syntax, 40 ms more with the others.  Kept out
    while jsonschema registers its checkers, those formats are not checked
    (JSON Schema 2020-12 makes ``format`` an annotation unless asked
    otherwise); ``uri``, ``date-time``, ``date`` and the standard-library
    ones (``email``, ``ipv4``, ``uuid``...) are.
    """
    import sys

    if "jsonschema" not in sys.modules:
        kept_out = [name for name in _UNUSED_FORMAT_LIBRARIES if name not in sys.modules]
        for name in kept_out:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            import jsonschema
        finally:
            for name in kept_out:
                del sys.modules[name]
    import jsonschema

    return jsonschema


@functools.cache
def _document_validator() -> Any:
    Draft202012Validator = import_jsonschema().Draft202012Validator

    schema = json.loads(document_schema_text())
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def document_errors(data: Any, text: str | None = None) -> Iterator[SchemaError]:
    """Schema errors of canonical data; ``text`` (the JSON source) gives line numbers."""
    errors = sorted(_document_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    for error in errors:
        path = list(error.absolute_path)
        pointer = "/" + "/".join(str(part) for part in path)
        line = pointer_line(text, path) if text is not None else None
        yield SchemaError(f"{pointer}: {_best(error).message}", pointer, line)


def _best(error: Any) -> Any:
    return import_jsonschema().exceptions.best_match(error.context) if error.context else error
