"""IPTC ninjs 3.1, 2.2 or 1.6 -> Document (the version is detected).

The version comes from ``standard.version`` (1.6: ``$standard``) or a
``$schema`` naming a ninjs schema; failing those, from the keys used
(camelCase -> 3.x, plural arrays -> 2.x, flat ``headline``/``body_*`` -> 1.x).
Key names come from :mod:`convert.formats.ninjs`, the table the writer uses.

Container reader: a top-level array yields one Document per ninjs object.
``associations`` (related pictures, videos, stories) are not read as
documents of their own; a warning says how many were left out.

Other ninjs producers are read leniently: the body is the first HTML body
(``text/html``, ``application/xhtml+xml``, ``body_xhtml``, ``body_richtext``...)
or else the first plain one; bylines are the ``people`` with ``rel`` author,
or else the ``by`` string split on commas and "and".  Scalar fields with no
Document field (``pubStatus``, ``urgency``, ``edNote``...) are kept in
``extra`` as ``ninjs:<key>``; structured ones (``places``...) are listed in
one warning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from convert.errors import ConvertError
from convert.formats.jsonload import load_json, pointer_line
from convert.formats.sniff import ninjs_version
from convert.formats.body import blocks_from_html
from convert.model import Block, Byline, Dateline, Document, Paragraph, ParseWarning, Provenance
from convert.formats.ninjs import (
    AUTHOR_REL, DATE_ROLE_PREFIX, DEFAULT_VERSION, FLAT_TEXT, PROFILES, URL_ROLE, NinjsProfile,
    TextSlot, document_date,
)
from convert.options import ReadOptions

_HTML_TYPE = re.compile(r"html|xml|richtext", re.IGNORECASE)
_BYLINE_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+")
_WRITER_CONSTANTS = {"type": "text"}


def read(text: str, options: ReadOptions) -> Document:
    return next(read_all(text, options))


def read_all(text: str, options: ReadOptions) -> Iterator[Document]:
    data = load_json(text, options.source_name)
    if isinstance(data, list):
        if not data:
            raise ConvertError("an empty JSON array holds no ninjs object",
                               source=options.source_name, line=1, code="invalid")
        for index, item in enumerate(data):
            yield _document(_Object(item, text, [index], options.source_name))
    else:
        yield _document(_Object(data, text, [], options.source_name))


class _Object:
    """One ninjs object with typed, located access to its keys."""

    def __init__(self, data: Any, text: str, path: list[str | int], source: str) -> None:
        self.text, self.path, self.source = text, path, source
        if not isinstance(data, dict):
            raise self.error("expected a ninjs object ({...})")
        self.data: dict[str, Any] = data

    def line(self, *keys: str | int) -> int | None:
        return pointer_line(self.text, [*self.path, *keys])

    def error(self, message: str, *keys: str | int) -> ConvertError:
        return ConvertError(message, source=self.source, line=self.line(*keys), code="invalid")

    def string(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.error(f"ninjs {key!r} must be a string", key)
        return value

    def items(self, key: str) -> list[dict[str, Any]]:
        """The objects of array ``key``, each checked to hold string values where read."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.error(f"ninjs {key!r} must be an array of objects", key)
        for index, item in enumerate(value):
            for field in ("name", "rel", "role", "value"):
                if field in item and not isinstance(item[field], str):
                    raise self.error(f"ninjs {key}[{index}].{field} must be a string",
                                     key, index, field)
        return value


def _document(obj: _Object) -> Document:
    p = PROFILES[ninjs_version(obj.data) or DEFAULT_VERSION]
    uri = obj.string("uri")
    if uri is None:
        raise obj.error("a ninjs object needs a 'uri' (its identifier)")
    warnings: list[ParseWarning] = []
    alt_ids = _alt_ids(obj, p)
    texts = {field: _text(obj, p, slot) for field, slot in
             (("headline", p.headline), ("subheadline", p.subheadline), ("summary", p.summary))}
    place = obj.string(p.located)
    return Document(
        id=uri,
        version=_version(obj, warnings),
        headline=texts["headline"] if texts["headline"] is not None else _fallback_headline(obj, p),
        subheadline=texts["subheadline"],
        summary=texts["summary"] if texts["summary"] is not None else _fallback_summary(obj, p),
        bylines=_bylines(obj, p),
        dateline=None if place is None else Dateline(place),
        source=next((item["name"] for item in obj.items(p.info_sources) if "name" in item), None),
        url=alt_ids.get(URL_ROLE),
        keywords=tuple(item["name"] for item in obj.items(p.subjects) if "name" in item),
        body=_body(obj, p, warnings),
        extra=_extra(obj, p, warnings),
        provenance=Provenance("ninjs", "utf-8", tuple(warnings)),
        **{field: obj.string(key) for field, key in p.strings},
        **{field: document_date(obj.string(key), alt_ids.get(DATE_ROLE_PREFIX + field))
           for field, key in p.dates},
    )


def _version(obj: _Object, warnings: list[ParseWarning]) -> int:
    value = obj.data.get("version")
    if value is None:
        return 1
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    warnings.append(ParseWarning("ninjs-version", f"version {value!r} is not a whole number; "
                                 "using 1", obj.line("version")))
    return 1


def _alt_ids(obj: _Object, p: NinjsProfile) -> dict[str, str]:
    if p.alt_ids_as_object:
        value = obj.data.get(p.alt_ids_key, {})
        if not isinstance(value, dict):
            raise obj.error(f"ninjs {p.alt_ids_key!r} must be an object", p.alt_ids_key)
        return {name: id for name, id in value.items() if isinstance(id, str)}
    return {item["role"]: item["value"] for item in obj.items(p.alt_ids_key)
            if "role" in item and "value" in item}


def _text(obj: _Object, p: NinjsProfile, slot: TextSlot) -> str | None:
    if slot.role is None:
        return obj.string(slot.key)
    return next((item["value"] for item in obj.items(slot.key)
                 if item.get("role") == slot.role and "value" in item
                 and item.get(p.content_type_key, slot.content_type) == slot.content_type),
                None)


def _texts(obj: _Object, p: NinjsProfile, array: str, flat_prefix: str) -> list[tuple[str, str]]:
    """(content type or key, value) of every text of one kind, in document order."""
    if p.flat:
        return [(key, obj.string(key) or "") for key in obj.data if key.startswith(flat_prefix)]
    return [(str(item.get(p.content_type_key, "")), item["value"])
            for item in obj.items(array) if "value" in item]


def _fallback_headline(obj: _Object, p: NinjsProfile) -> str | None:
    candidates = [value for key, value in _texts(obj, p, "headlines", "headline_")
                  if key != p.subheadline.key]
    return candidates[0] if candidates else obj.string("title")


def _fallback_summary(obj: _Object, p: NinjsProfile) -> str | None:
    return next((value for _, value in _texts(obj, p, "descriptions", "description_")), None)


def _body(obj: _Object, p: NinjsProfile, warnings: list[ParseWarning]) -> tuple[Block, ...]:
    html = _text(obj, p, p.body_html)
    if html is None:
        bodies = _texts(obj, p, "bodies", "body_")
        rich = [value for kind, value in bodies if _HTML_TYPE.search(kind)]
        if not rich:
            paragraphs = re.split(r"\n\s*\n", bodies[0][1]) if bodies else []
            return tuple(Paragraph((" ".join(text.split()),)) for text in paragraphs
                         if text.strip())
        html = rich[0]
    blocks, markup_warnings = blocks_from_html(html, warning_prefix="ninjs")
    line = obj.line(p.body_html.key)  # lines inside the HTML string mean nothing in the file
    warnings.extend(replace(warning, line=line) for warning in markup_warnings)
    return blocks


def _bylines(obj: _Object, p: NinjsProfile) -> tuple[Byline, ...]:
    authors = tuple(Byline(item["name"]) for item in obj.items(p.people)
                    if item.get("rel") == AUTHOR_REL and "name" in item)
    by = obj.string(p.by)
    if authors or not by:
        return authors
    return tuple(Byline(name) for name in _BYLINE_SEPARATOR.split(by.strip()) if name)


def _extra(obj: _Object, p: NinjsProfile, warnings: list[ParseWarning]) -> tuple[tuple[str, str], ...]:
    """Scalar fields with no Document field, as ``ninjs:<key>``; the rest named in a warning."""
    read = p.keys() | {"uri", "version"}
    extra: list[tuple[str, str]] = []
    left_out: dict[str, str] = {}  # key -> what of it
    for key, value in obj.data.items():
        if key in read or (p.flat and FLAT_TEXT.fullmatch(key)) or _WRITER_CONSTANTS.get(key) == value:
            continue
        if isinstance(value, (dict, list)):
            left_out[key] = "not read as documents" if key == "associations" else ""
        else:
            extra.append((f"ninjs:{key}", value if isinstance(value, str) else json.dumps(value)))
    if any(item.get("rel") != AUTHOR_REL for item in obj.items(p.people)):
        left_out[p.people] = "other than authors"
    if any(role != URL_ROLE and not role.startswith(DATE_ROLE_PREFIX) for role in _alt_ids(obj, p)):
        left_out[p.alt_ids_key] = "other than the url and kept dates"
    if len(obj.items(p.info_sources)) > 1:
        left_out[p.info_sources] = "after the first"
    if left_out:
        detail = ", ".join(f"{key} ({what})" if what else key for key, what in left_out.items())
        warnings.append(ParseWarning("ninjs-not-kept", "ninjs fields with no place in the "
                                     f"document, not kept: {detail}", obj.line(next(iter(left_out)))))
    return tuple(sorted(extra))
