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
from convert.formats.body.build import blocks_to_html
from convert.formats.dates import conversion_time
from convert.formats.ninjs import (
    ABOUT_REL, ALT_ID_ROLE, AUTHOR_REL, CONTRIBUTOR_REL, DATE_ROLE_PREFIX, SIGNALS_ROLE, STAMPED_ROLE, URL_ROLE, NinjsProfile,
    lost_fields, ninjs_datetime, passed_through, profile, unzoned_dates,
)
from convert.formats.qcodes import IPTC_SCHEMES, qcode_to_uri
from convert.model import Concept, Document, body_text
from convert.options import WriteOptions


def write(doc: Document, options: WriteOptions) -> bytes:
    data = to_ninjs(doc, profile(options.ninjs_version), options.timezone)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def losses(doc: Document, options: WriteOptions) -> list[str]:
    """What of ``doc`` this ninjs version has no place for (printed as warnings)."""
    version = options.ninjs_version
    return ([f"ninjs {version} cannot carry {field}" for field in lost_fields(doc, version)]
            + unzoned_dates(doc, version, options.timezone))


_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def to_ninjs(doc: Document, p: NinjsProfile, zone: str | None = None) -> dict[str, Any]:
    if not _ABSOLUTE_URI.fullmatch(doc.id):
        raise ConvertError(f"document id {doc.id!r} is not an absolute URI, which the ninjs "
                           "'uri' must be", code="invalid")
    data: dict[str, Any] = {
        "uri": doc.id,
        "type": doc.item_type,
        "version": str(doc.version),
        p.standard_key: {"name": "ninjs", "version": p.version, "schema": p.schema_uri},
    }
    kept_dates: list[tuple[str, str]] = []
    embargo_written = True
    for field, key in (*p.dates, ("version_created", p.version_created)):
        value = getattr(doc, field)
        if value is None:
            continue
        written = ninjs_datetime(value, zone) if key is not None else None
        if key is not None and written is not None:
            data[key] = written
        else:
            embargo_written = embargo_written and field != "embargoed"
        if written != value:
            kept_dates.append((DATE_ROLE_PREFIX + field, value))
    if p.version_created not in data:
        data[p.version_created] = conversion_time()
        kept_dates.append((STAMPED_ROLE, p.version_created))
    # A usable story under an embargo that has no RFC 3339 form must not read as publishable.
    data[p.pub_status] = doc.pub_status if embargo_written or doc.pub_status != "usable" \
        else "withheld"
    if doc.urgency is not None:
        data[p.urgency] = doc.urgency
    for field, key in p.strings:
        if getattr(doc, field) is not None:
            data[key] = getattr(doc, field)
    _put_texts(data, p, doc)
    _put_people_and_things(data, p, doc)
    for key, value in passed_through(doc.extra, p.version).items():
        data.setdefault(key, value)
    alt_ids = ([(URL_ROLE, doc.url)] if doc.url is not None else []) + kept_dates
    alt_ids += [(kind or ALT_ID_ROLE, value) for kind, value in doc.alt_ids]
    if doc.signals:
        alt_ids.append((SIGNALS_ROLE, " ".join(doc.signals)))
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


def concept_data(concept: Concept, p: NinjsProfile) -> dict[str, str]:
    """A subject, genre or entity: its full URI (1.6: scheme and code), name, literal, rel.

    ninjs has no catalogs, so a QCode is written as the URI its IPTC alias
    stands for; a code with any other alias, which no URI is known for, is
    written as its ``literal``.
    """
    item: dict[str, str] = {}
    if concept.name is not None:
        item["name"] = concept.name
    rel = concept.rel or (ABOUT_REL if concept.kind is not None else None)
    if rel is not None:
        item["rel"] = rel
    uri = concept.uri or (qcode_to_uri(concept.qcode) if concept.qcode else None)
    literal = concept.literal or (concept.qcode if uri is None else None)
    if not p.flat:
        item.update({"uri": uri} if uri is not None else {})
        item.update({"literal": literal} if literal is not None else {})
    elif concept.qcode and uri is not None and concept.uri is None:  # 1.6: scheme + code
        alias, _, code = concept.qcode.partition(":")
        item["scheme"], item["code"] = IPTC_SCHEMES[alias], code
    elif uri is not None and "/" in uri:
        item["scheme"], item["code"] = uri.rsplit("/", 1)[0] + "/", uri.rsplit("/", 1)[1]
    elif uri is not None:
        item["code"] = uri
    elif literal is not None:
        item["code"] = literal
    return item


def _put_people_and_things(data: dict[str, Any], p: NinjsProfile, doc: Document) -> None:
    if doc.bylines:
        data[p.by] = ", ".join(byline.name for byline in doc.bylines)
    for kind, key in p.entities:
        # Authors are people too (rel author: names with commas survive); then those in the news.
        entities = ([{"name": byline.name, "rel": AUTHOR_REL} for byline in doc.bylines]
                    + [{"name": c.name, "rel": c.role or CONTRIBUTOR_REL} for c in doc.contributors]
                    if kind == "person" else [])
        entities += [concept_data(c, p) for c in doc.about if c.kind == kind]
        if entities:
            data[key] = entities
    if doc.dateline is not None and doc.dateline.place is not None:
        data[p.located] = doc.dateline.place
    if doc.source is not None:
        data[p.info_sources] = [{"name": doc.source}]
    subjects = [concept_data(c, p) for c in doc.subjects]
    subjects += [{"name": keyword} for keyword in doc.keywords]
    if subjects:
        data[p.subjects] = subjects
    if doc.genres:
        data[p.genres] = [concept_data(c, p) for c in doc.genres]
