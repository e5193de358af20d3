"""Canonical JSON writer: the Document model, key for key."""

from __future__ import annotations

import json

from convert.formats.canonical import document_to_data
from convert.model import Document
from convert.options import WriteOptions


def write(doc: Document, options: WriteOptions) -> bytes:
    text = json.dumps(document_to_data(doc), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
