"""Document <-> plain data (dicts, lists, strings) in the canonical JSON shape.

The shape is described by ``schemas/document.schema.json``: every model field
under its own name, ``type`` on every body block and on every non-text inline.
"""

from __future__ import annotations

from typing import Any

from convert.errors import ConvertError
from convert.model import (
    BLOCK_TYPES, Block, Byline, Dateline, Document, DroppedText, Emphasis, Figure, Heading, Inline,
    Inlines, Link, ListBlock, Note, Paragraph, ParseWarning, Provenance, Quote, Strong, Table,
)

SCHEMA_ID = "https://newsconvert.example/schemas/document.schema.json"


def inlines_to_data(inlines: Inlines) -> list[Any]:
    data: list[Any] = []
    for part in inlines:
        if isinstance(part, str):
            data.append(part)
        elif isinstance(part, Link):
            data.append({"type": "link", "href": part.href,
                         "content": inlines_to_data(part.content)})
        else:
            kind = "emphasis" if isinstance(part, Emphasis) else "strong"
            data.append({"type": kind, "content": inlines_to_data(part.content)})
    return data


def block_to_data(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"type": block.type}
    if isinstance(block, ListBlock):
        data["ordered"] = block.ordered
        data["items"] = [inlines_to_data(item) for item in block.items]
    elif isinstance(block, Table):
        data["rows"] = [[inlines_to_data(cell) for cell in row] for row in block.rows]
    elif isinstance(block, Figure):
        data["caption"] = inlines_to_data(block.caption)
        data["credit"] = block.credit
        data["src"] = block.src
    else:
        data["content"] = inlines_to_data(block.content)
        if isinstance(block, Heading):
            data["level"] = block.level
        elif isinstance(block, Quote):
            data["attribution"] = block.attribution
        elif isinstance(block, Note):
            data["kind"] = block.kind
    return data


def document_to_data(doc: Document) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_ID,
        "id": doc.id,
        "version": doc.version,
        "language": doc.language,
        "headline": doc.headline,
        "subheadline": doc.subheadline,
        "slugline": doc.slugline,
        "bylines": [{"name": b.name, "role": b.role} for b in doc.bylines],
        "dateline": None if doc.dateline is None else {
            "place": doc.dateline.place, "date_text": doc.dateline.date_text},
        "published": doc.published,
        "updated": doc.updated,
        "source": doc.source,
        "copyright": doc.copyright,
        "url": doc.url,
        "keywords": list(doc.keywords),
        "summary": doc.summary,
        "body": [block_to_data(block) for block in doc.body],
        "extra": dict(doc.extra),
        "provenance": {
            "format": doc.provenance.format,
            "encoding": doc.provenance.encoding,
            "warnings": [{"code": w.code, "line": w.line, "message": w.message}
                         for w in doc.provenance.warnings],
            "dropped": [{"line": d.line, "text": d.text, "reason": d.reason}
                        for d in doc.provenance.dropped],
        },
    }


# ---------------------------------------------------------------- reading


def inlines_from_data(data: list[Any]) -> Inlines:
    parts: list[Inline] = []
    for item in data:
        if isinstance(item, str):
            parts.append(item)
            continue
        content = inlines_from_data(item["content"])
        if item["type"] == "link":
            parts.append(Link(content, item["href"]))
        elif item["type"] == "emphasis":
            parts.append(Emphasis(content))
        elif item["type"] == "strong":
            parts.append(Strong(content))
        else:
            raise ConvertError(f"unknown inline type {item['type']!r}", code="invalid")
    return tuple(parts)


def block_from_data(data: dict[str, Any]) -> Block:
    kind = data.get("type")
    if kind not in BLOCK_TYPES:
        raise ConvertError(f"unknown body block type {kind!r}", code="invalid")
    if kind == "list":
        return ListBlock(tuple(inlines_from_data(i) for i in data["items"]),
                         ordered=data.get("ordered", False))
    if kind == "table":
        return Table(tuple(tuple(inlines_from_data(cell) for cell in row)
                           for row in data["rows"]))
    if kind == "figure":
        return Figure(inlines_from_data(data["caption"]), credit=data.get("credit"),
                      src=data.get("src"))
    content = inlines_from_data(data["content"])
    if kind == "heading":
        return Heading(content, level=data.get("level", 2))
    if kind == "quote":
        return Quote(content, attribution=data.get("attribution"))
    if kind == "note":
        return Note(content, kind=data.get("kind", "note"))
    return Paragraph(content)


def document_from_data(data: dict[str, Any]) -> Document:
    """A Document from already schema-checked canonical data."""
    dateline = data.get("dateline")
    provenance = data.get("provenance") or {}
    return Document(
        id=data["id"],
        version=data.get("version", 1),
        language=data.get("language"),
        headline=data.get("headline"),
        subheadline=data.get("subheadline"),
        slugline=data.get("slugline"),
        bylines=tuple(Byline(b["name"], b.get("role")) for b in data.get("bylines", [])),
        dateline=None if dateline is None else Dateline(dateline.get("place"),
                                                        dateline.get("date_text")),
        published=data.get("published"),
        updated=data.get("updated"),
        source=data.get("source"),
        copyright=data.get("copyright"),
        url=data.get("url"),
        keywords=tuple(data.get("keywords", [])),
        summary=data.get("summary"),
        body=tuple(block_from_data(block) for block in data.get("body", [])),
        extra=tuple(sorted((data.get("extra") or {}).items())),
        provenance=Provenance(
            format=provenance.get("format", "json"),
            encoding=provenance.get("encoding"),
            warnings=tuple(ParseWarning(w["code"], w["message"], w.get("line"))
                           for w in provenance.get("warnings", [])),
            dropped=tuple(DroppedText(d["line"], d["text"], d["reason"])
                          for d in provenance.get("dropped", [])),
        ),
    )


def document_from_json(text: str, source_name: str) -> Document:
    """The Document in canonical JSON ``text``, checked against our schema first."""
    from convert.formats.docschema import document_errors
    from convert.formats.jsonload import load_json

    data = load_json(text, source_name)
    if not isinstance(data, dict):
        raise ConvertError("canonical JSON must be an object", source=source_name, line=1,
                           code="invalid")
    for error in document_errors(data, text):
        raise ConvertError(error.message, source=source_name, line=error.line, code="invalid")
    return document_from_data(data)
