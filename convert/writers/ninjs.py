"""Document -> IPTC ninjs 3.1, 2.2 or 1.6 (``WriteOptions.ninjs_version``).

Key names come from :mod:`convert.formats.ninjs`; this module only decides
the values.  Output is deterministic: keys in a fixed order, UTF-8, two-space
indent.  Fields a version has no place for are listed by
:func:`convert.formats.ninjs.lost_fields`; ``losses`` words them as the warnings
a conversion prints.
"""

from __future__ import annotations

import json
import re
from typing import Any

from convert.errors import ConvertError
from convert.formats.body import blocks_to_html
from convert.model import Document, body_text
from convert.formats.ninjs import (
    AUTHOR_REL, DATE_ROLE_PREFIX, URL_ROLE, NinjsProfile, lost_fields, ninjs_datetime, profile,
)
from convert.options import WriteOptions


def write(doc: Document, options: WriteOptions) -> bytes:
    data = to_ninjs(doc, profile(options.ninjs_version))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def losses(doc: Document, options: WriteOptions) -> list[str]:
    """What of ``doc`` this ninjs version has no place for (printed as warnings)."""
    version = options.ninjs_version
    return [f"ninjs {version} cannot carry {field}" for field in lost_fields(doc, version)]


_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def to_ninjs(doc: Document, p: NinjsProfile) -> dict[str, Any]:
    if not _ABSOLUTE_URI.fullmatch(doc.id):
        raise ConvertError(f"document id {doc.id!r} is not an absolute URI, which the ninjs "
                           "'uri' must be", code="invalid")
    data: dict[str, Any] = {
        "uri": doc.id,
        "type": "text",
        "version": str(doc.version),
        p.standard_key: {"name": "ninjs", "version": p.version, "schema": p.schema_uri},
    }
    kept_dates: list[tuple[str, str]] = []
    for field, key in p.dates:
        value = getattr(doc, field)
        if value is None:
            continue
        written = ninjs_datetime(value)
        if written is not None:
            data[key] = written
        if written != value:
            kept_dates.append((DATE_ROLE_PREFIX + field, value))
    for field, key in p.strings:
        if getattr(doc, field) is not None:
            data[key] = getattr(doc, field)
    _put_texts(data, p, doc)
    _put_people_and_things(data, p, doc)
    alt_ids = ([(URL_ROLE, doc.url)] if doc.url is not None else []) + kept_dates
    if alt_ids:
        data[p.alt_ids_key] = (dict(alt_ids) if p.alt_ids_as_object
                               else [{"role": role, "value": value} for role, value in alt_ids])
    return data


def _put_texts(data: dict[str, Any], p: NinjsProfile, doc: Document) -> None:
    if doc.headline is not None:
        p.put_text(data, p.headline, doc.headline)
    if doc.subheadline is not None:
        p.put_text(data, p.subheadline, doc.subheadline)
    if doc.summary is not None:
        p.put_text(data, p.summary, doc.summary)
    if doc.body:
        p.put_text(data, p.body_html, blocks_to_html(doc.body))
        p.put_text(data, p.body_text, body_text(doc.body))


def _put_people_and_things(data: dict[str, Any], p: NinjsProfile, doc: Document) -> None:
    if doc.bylines:
        data[p.by] = ", ".join(byline.name for byline in doc.bylines)
        data[p.people] = [{"name": byline.name, "rel": AUTHOR_REL} for byline in doc.bylines]
    if doc.dateline is not None and doc.dateline.place is not None:
        data[p.located] = doc.dateline.place
    if doc.source is not None:
        data[p.info_sources] = [{"name": doc.source}]
    if doc.keywords:
        data[p.subjects] = [{"name": keyword} for keyword in doc.keywords]
