from dataclasses import FrozenInstanceError, replace

import pytest

from convert.formats.xmltext import xml_safe
from convert.model import (
    Byline, Document, Emphasis, Link, ListBlock, Paragraph, ParseWarning, Provenance, body_text,
    ID_NAMESPACE, content_id, item_id, map_text, plain_text,
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


def test_map_text_changes_every_string_and_keeps_the_shape():
    doc = Document(id="urn:uuid:x", headline="a", bylines=(Byline("b", "c"),),
                   body=(Paragraph(("d", Emphasis(("e",)), Link(("f",), "g"))),
                         ListBlock((("h",),), ordered=True)),
                   extra=(("i", "j"),),
                   provenance=Provenance("text", warnings=(ParseWarning("k", "l", 3),)))
    upper = map_text(doc, str.upper)
    assert upper == Document(id="URN:UUID:X", headline="A", bylines=(Byline("B", "C"),),
                             body=(Paragraph(("D", Emphasis(("E",)), Link(("F",), "G"))),
                                   ListBlock((("H",),), ordered=True)),
                             extra=(("I", "J"),))
    assert upper.provenance == Provenance("TEXT", warnings=(ParseWarning("K", "L", 3),))
    assert upper.body[0].type == "paragraph" and upper.version == 1


def test_xml_safe_drops_only_what_xml_cannot_hold():
    doc = Document(id="x", headline="a\x00b\ufffe",
                   body=(Paragraph(("c\x0bd", Emphasis(("\td\n",)))),))
    assert xml_safe(doc) == Document(id="x", headline="ab",
                                     body=(Paragraph(("cd", Emphasis(("\td\n",)))),))


@pytest.mark.parametrize("headline, body", [
    (None, ""), ("A", "body"), ("Ünïcode €", "two\n\nparagraphs, 日本語"), ("", "x" * 10_000)])
def test_ids_are_uuid5_of_the_sha256_of_their_key(headline: str | None, body: str) -> None:
    # The model hashes with the interpreter's own SHA-1 and SHA-256, not hashlib's OpenSSL:
    # the same ids as uuid.uuid5 and hashlib give.
    import hashlib
    import uuid

    def expected(key: str) -> str:
        return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, hashlib.sha256(key.encode()).hexdigest())}"

    assert content_id(headline, body) == expected(f"{headline or ''}\n{body}")
    doc = Document(id="x", headline=headline, source="AP", published="2024-03-05T10:00:00Z")
    assert item_id(doc) == expected(f"item\nAP\n{headline or ''}\n2024-03-05")
