from dataclasses import FrozenInstanceError, replace

import pytest

from convert.model import (
    Document, Emphasis, Link, ListBlock, Paragraph, Provenance, body_text, content_id, plain_text,
)


def test_content_id_is_stable_and_content_derived():
    assert content_id("A", "body") == content_id("A", "body")
    assert content_id("A", "body") != content_id("B", "body")
    assert content_id("A", "body").startswith("urn:uuid:")


def test_documents_are_frozen():
    doc = Document(id="urn:uuid:x")
    with pytest.raises(FrozenInstanceError):
        doc.headline = "changed"  # type: ignore[misc]


def test_provenance_is_not_part_of_equality():
    doc = Document(id="urn:uuid:x", provenance=Provenance("text"))
    assert doc == replace(doc, provenance=Provenance("json", "utf-8"))
    assert doc != replace(doc, headline="other")


def test_plain_text_flattens_inline_markup():
    content = ("a ", Emphasis(("b ", Link(("c",), "https://example.org"))), " d")
    assert plain_text(content) == "a b c d"
    body = (Paragraph(content), ListBlock((("x",), ("y",))))
    assert body_text(body) == "a b c d\n\nx\ny"
