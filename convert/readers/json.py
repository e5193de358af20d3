"""Canonical JSON reader: checks the input against our schema, then builds the Document."""

from __future__ import annotations

from convert.formats.canonical import document_from_json
from convert.model import Document
from convert.options import ReadOptions


def read(text: str, options: ReadOptions) -> Document:
    return document_from_json(text, options.source_name)
