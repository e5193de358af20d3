"""Canonical JSON writer: the Document model, key for key.

Several documents in one output (``--to json`` on standard output) are a JSON
array, or JSON Lines (one compact document a line) with ``json_lines``.
"""

from __future__ import annotations

import json

from convert.formats.canonical import document_to_data
from convert.model import Document
from convert.options import WriteOptions


def write(doc: Document, options: WriteOptions) -> bytes:
    text = json.dumps(document_to_data(doc), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write_several(docs: list[Document], options: WriteOptions) -> bytes:
    if options.json_lines:
        return "".join(json.dumps(document_to_data(doc), ensure_ascii=False) + "\n"
                       for doc in docs).encode("utf-8")
    text = json.dumps([document_to_data(doc) for doc in docs], ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
