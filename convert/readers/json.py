"""Canonical JSON reader: checks the input against our schema, then builds the Document."""

from __future__ import annotations

from convert.formats.canonical import document_from_data
from convert.errors import ConvertError
from convert.formats.jsonload import load_json
from convert.model import Document
from convert.options import ReadOptions
from convert.formats.docschema import document_errors


def read(text: str, options: ReadOptions) -> Document:
    data = load_json(text, options.source_name)
    if not isinstance(data, dict):
        raise ConvertError("canonical JSON must be an object", source=options.source_name,
                           line=1, code="invalid")
    for error in document_errors(data, text):
        raise ConvertError(error.message, source=options.source_name, line=error.line,
                           code="invalid")
    return document_from_data(data)
