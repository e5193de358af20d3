"""Document <-> plain data (dicts, lists, strings) in the canonical JSON shape.

The shape is described by ``schemas/document.schema.json``: every model field
under its own name, ``type`` on every body block and on every non-text inline.
"""

from __future__ import annotations

import json
from typing import Any

from convert.errors import ConvertError
from convert.model import (
    BLOCK_TYPES,
    Address,
    Association,
    Block,
    BodyText,
    Byline,
    Concept,
    ContactInfo,
    Contributor,
    Dateline,
    Description,
    Document,
    DroppedText,
    Emphasis,
    EventDetails,
    Figure,
    Heading,
    Inline,
    Inlines,
    Link,
    ListBlock,
    Note,
    Paragraph,
    ParseWarning,
    Provenance,
    Quote,
    Rendition,
    Strong,
    Table,
)

#: ``$schema`` of what we write: version 3 (version 2's news-item metadata: status,
#: embargo, versions, subjects...; then descriptions and associations).
SCHEMA_ID = "urn:newsconvert:schema:document:3"
#: ``$schema`` of version 2 files, which lack the version 3 keys.
SCHEMA_ID_V2 = "urn:newsconvert:schema:document:2"
#: ``$schema`` of version 1 files, which lack the version 2 and 3 keys.
SCHEMA_ID_V1 = "https://newsconvert.example/schemas/document.schema.json"
#: The keys version 2 added, with the value a version 1 document means by leaving them out.
V2_DEFAULTS: dict[str, Any] = {
    "pub_status": "usable", "item_type": "text", "alt_ids": [], "embargoed": None, "ednote": None, "urgency": None, "signals": [],
    "version_created": None, "first_created": None, "provider": None,
    "copyright_holder": None, "usage_terms": None, "subjects": [], "genres": [], "about": [], "contributors": [],
}
#: The keys version 3 added, with the value an older document means by leaving them out.
V3_DEFAULTS: dict[str, Any] = {"descriptions": [], "associations": [], "written_byline": None}
#: Every news-item key (versions 2 and 3) with its default.
ITEM_DEFAULTS: dict[str, Any] = {**V2_DEFAULTS, **V3_DEFAULTS}
#: The optional document keys added within version 3 (ninjs details), written when set.
NINJS_DETAIL_KEYS = frozenset({"headline_role", "bodies", "renditions", "event_details"})
_CONCEPT_KEYS = ("name", "qcode", "uri", "literal", "kind", "rel")
_RENDITION_KEYS = ("href", "name", "title", "content_type", "width", "height", "size")

# -- ninjs details: optional keys added within schema version 3, written only when they
# state something (so version 3 files without them read as before, and stay the same).
_CONCEPT_DETAILS = ("creator", "relevance", "confidence")
_RENDITION_DETAILS = ("format",)
_ASSOCIATION_DETAILS = ("first_created", "version_created", "copyright_notice",
                        "copyright_holder", "usage_terms", "representation_type")
_CONTACT_KEYS = ("type", "role", "name", "value", "lang")
_ADDRESS_KEYS = ("locality", "area", "postal_code", "country")
_EVENT_KEYS = ("start", "end", "status", "coverage_status")


def _set_keys(node: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    """The ``keys`` of ``node`` whose value is not None."""
    return {key: getattr(node, key) for key in keys if getattr(node, key) is not None}


def contact_to_data(contact: ContactInfo) -> dict[str, Any]:
    data = _set_keys(contact, _CONTACT_KEYS)
    if contact.address is not None:
        address = _set_keys(contact.address, _ADDRESS_KEYS)
        data["address"] = {"lines": list(contact.address.lines), **address} \
            if contact.address.lines else address
    return data


def contact_from_data(data: dict[str, Any]) -> ContactInfo:
    address = data.get("address")
    return ContactInfo(
        **{key: data.get(key) for key in _CONTACT_KEYS},
        address=None if address is None else Address(
            tuple(address.get("lines", ())), **{key: address.get(key) for key in _ADDRESS_KEYS}))


def rendition_to_data(rendition: Rendition) -> dict[str, Any]:
    return {**{key: getattr(rendition, key) for key in _RENDITION_KEYS},
            **_set_keys(rendition, _RENDITION_DETAILS)}


def rendition_from_data(data: dict[str, Any]) -> Rendition:
    return Rendition(data["href"], **{key: data.get(key)
                                      for key in _RENDITION_KEYS[1:] + _RENDITION_DETAILS})


def body_text_to_data(body: BodyText) -> dict[str, Any]:
    return {"role": body.role, "content_type": body.content_type, "text": body.text}


def body_text_from_data(data: dict[str, Any]) -> BodyText:
    return BodyText(data.get("role"), data.get("content_type"), data.get("text"))


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


def concept_to_data(concept: Concept) -> dict[str, Any]:
    data = {key: getattr(concept, key) for key in _CONCEPT_KEYS}
    if concept.geometry is not None:
        data["geometry"] = json.loads(concept.geometry)
    if concept.contact_info:
        data["contact_info"] = [contact_to_data(c) for c in concept.contact_info]
    return {**data, **_set_keys(concept, _CONCEPT_DETAILS)}


def concept_from_data(data: dict[str, Any]) -> Concept:
    geometry = data.get("geometry")
    return Concept(**{key: data.get(key) for key in _CONCEPT_KEYS + _CONCEPT_DETAILS},
                   geometry=None if geometry is None else compact_json(geometry),
                   contact_info=tuple(contact_from_data(c) for c in data.get("contact_info", ())))


def compact_json(value: Any) -> str:
    """A JSON value as the model keeps it (``Concept.geometry``): compact, keys sorted
    (one text for one object, in whatever order a file wrote it), non-ASCII as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


_CONCEPT_LISTS = ("subjects", "genres", "about")


def description_to_data(description: Description) -> dict[str, Any]:
    return {"text": description.text, "role": description.role,
            "content_type": description.content_type}


def description_from_data(data: dict[str, Any]) -> Description:
    return Description(data["text"], data.get("role"), data.get("content_type"))


def association_to_data(association: Association) -> dict[str, Any]:
    return {"type": association.type, "name": association.name, "uri": association.uri,
            "headline": association.headline,
            "descriptions": [description_to_data(d) for d in association.descriptions],
            "credit": association.credit,
            "renditions": [rendition_to_data(r) for r in association.renditions],
            "group": association.group,
            **_set_keys(association, _ASSOCIATION_DETAILS)}


def association_from_data(data: dict[str, Any]) -> Association:
    return Association(
        type=data.get("type", "picture"), name=data.get("name"), uri=data.get("uri"),
        headline=data.get("headline"),
        descriptions=tuple(description_from_data(d) for d in data.get("descriptions", [])),
        credit=data.get("credit"),
        renditions=tuple(rendition_from_data(r) for r in data.get("renditions", [])),
        group=data.get("group"),
        **{key: data.get(key) for key in _ASSOCIATION_DETAILS})


def item_fields_to_data(doc: Document, changed_only: bool = False) -> dict[str, Any]:
    """The news-item fields (schemas 2 and 3) as canonical data; ``changed_only``: those
    not at their default (how the HTML writer carries them in one attribute).  The
    optional ninjs-detail keys come last, only when they state something."""
    data: dict[str, Any] = {}
    for key in ITEM_DEFAULTS:
        value = getattr(doc, key)
        if key in _CONCEPT_LISTS:
            value = [concept_to_data(c) for c in value]
        elif key == "alt_ids":
            value = [{"type": kind, "value": text} for kind, text in value]
        elif key == "contributors":
            value = [{"name": c.name, "role": c.role} for c in value]
        elif key == "descriptions":
            value = [description_to_data(d) for d in value]
        elif key == "associations":
            value = [association_to_data(a) for a in value]
        elif isinstance(value, tuple):
            value = list(value)
        if not changed_only or value != ITEM_DEFAULTS[key]:
            data[key] = value
    return {**data, **ninjs_details_to_data(doc)}


def item_fields_from_data(data: dict[str, Any]) -> dict[str, Any]:
    """Document keyword arguments for the news-item fields in ``data`` (absent: default)."""
    fields: dict[str, Any] = {}
    for key, default in ITEM_DEFAULTS.items():
        value = data.get(key, default)
        if key in _CONCEPT_LISTS:
            value = tuple(concept_from_data(c) for c in value)
        elif key == "alt_ids":
            value = tuple((entry["type"], entry["value"]) for entry in value)
        elif key == "contributors":
            value = tuple(Contributor(entry["name"], entry["role"]) for entry in value)
        elif key == "descriptions":
            value = tuple(description_from_data(d) for d in value)
        elif key == "associations":
            value = tuple(association_from_data(a) for a in value)
        elif isinstance(value, list):
            value = tuple(value)
        fields[key] = value
    return {**fields, **ninjs_details_from_data(data)}


def ninjs_details_to_data(doc: Document) -> dict[str, Any]:
    """The optional document keys (headline role, bodies as given, the item's renditions,
    event details), those that state something."""
    data: dict[str, Any] = {}
    if doc.headline_role is not None:
        data["headline_role"] = doc.headline_role
    if doc.bodies:
        data["bodies"] = [body_text_to_data(b) for b in doc.bodies]
    if doc.renditions:
        data["renditions"] = [rendition_to_data(r) for r in doc.renditions]
    if doc.event_details is not None:
        event = doc.event_details
        data["event_details"] = {**_set_keys(event, _EVENT_KEYS), **(
            {} if event.organiser is None else {"organiser": concept_to_data(event.organiser)})}
    return data


def ninjs_details_from_data(data: dict[str, Any]) -> dict[str, Any]:
    """Document keyword arguments for the optional document keys (absent: default)."""
    return {"headline_role": data.get("headline_role"),
            "bodies": tuple(body_text_from_data(b) for b in data.get("bodies", ())),
            "renditions": tuple(rendition_from_data(r) for r in data.get("renditions", ())),
            "event_details": _event_details_from_data(data.get("event_details"))}


def _event_details_from_data(data: dict[str, Any] | None) -> EventDetails | None:
    if data is None:
        return None
    organiser = data.get("organiser")
    return EventDetails(**{key: data.get(key) for key in _EVENT_KEYS},
                        organiser=None if organiser is None else concept_from_data(organiser))


def item_field_errors(item: dict[str, Any]) -> list[str]:
    """What our schema finds wrong with news-item fields given apart from a document."""
    from convert.formats.docschema import document_errors

    probe = {**document_to_data(Document(id="urn:newsconvert:probe")), **item}
    return [error.message for error in document_errors(probe)]


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 or 2 canonical data as version 3 (the keys it lacks take their defaults).

    Anything else is returned as it is, for the schema to judge.
    """
    if data.get("$schema") == SCHEMA_ID_V1:
        return {**ITEM_DEFAULTS, **data, "$schema": SCHEMA_ID}
    if data.get("$schema") == SCHEMA_ID_V2:
        return {**V3_DEFAULTS, **data, "$schema": SCHEMA_ID}
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
        **item_fields_to_data(doc),
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
        **item_fields_from_data(data),
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
    data = upgrade(data)
    for error in document_errors(data, text):
        raise ConvertError(error.message, source=source_name, line=error.line, code="invalid")
    return document_from_data(data)
