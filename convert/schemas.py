"""Our own JSON Schema for the canonical document, loaded and compiled once."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from convert.jsonload import pointer_line


@dataclass(frozen=True)
class SchemaError:
    message: str
    pointer: str
    line: int | None


def document_schema_text() -> str:
    """The schema file: ``schemas/`` in a source tree, ``convert.schemadata`` when installed."""
    in_tree = Path(__file__).resolve().parent.parent / "schemas" / "document.schema.json"
    if in_tree.is_file():
        return in_tree.read_text(encoding="utf-8")
    return resources.files("convert.schemadata").joinpath("document.schema.json").read_text(
        encoding="utf-8")


def import_jsonschema() -> Any:
    """``jsonschema``, imported without the ``rfc3987_syntax`` package.

    The ``format-nongpl`` extra installs rfc3987-syntax, which builds a parser
    grammar when imported: about 2 s of CPU on every start.  It only checks the
    ``iri`` formats, which none of the schemas we validate with (ours, ninjs)
    use, so it is kept out while jsonschema registers its format checkers.
    """
    import sys

    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
        try:
            import jsonschema
        finally:
            del sys.modules["rfc3987_syntax"]
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
