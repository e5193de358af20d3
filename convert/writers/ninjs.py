"""Document -> IPTC ninjs 3.1, 2.2 or 1.6 (``WriteOptions.ninjs_version``).

Key names come from :mod:`convert.formats.ninjs`; this module only decides
the values.  Output is deterministic: keys in a fixed order, UTF-8, two-space
indent.  Fields a version has no place for are listed by
:func:`convert.formats.ninjs.lost_fields`; ``losses`` words them as the warnings
a conversion prints.
"""

from __future__ import annotations

import json
from typing import Any

from convert.formats.body.build import blocks_to_html
from convert.formats.dates import conversion_time
from convert.formats.ninjs import (
    ALT_ID_ROLE, AUTHOR_REL, CONTACT_KINDS, CONTRIBUTOR_REL, DATE_ROLE_PREFIX, FLAT_ROLE,
    FLAT_UNNAMED_DESCRIPTION, GEOMETRY_KINDS, SIGNALS_ROLE, STAMPED_ROLE, SUBJECT_DETAILS,
    URL_ROLE, NinjsProfile, TextSlot, flat_body_key, is_html_body, lost_fields, ninjs_datetime,
    ninjs_uri, passed_through, profile, split_by, unzoned_dates, writable_body,
)
from convert.formats.qcodes import IPTC_SCHEMES, is_newscode, qcode_to_uri
from convert.model import (
    ABSOLUTE_URI, Association, Concept, ContactInfo, Description, Document, EventDetails,
    Rendition,
    body_text, byline_text, item_associations,
)
from convert.options import WriteOptions


def write(doc: Document, options: WriteOptions) -> bytes:
    data = to_ninjs(doc, profile(options.ninjs_version), options.timezone)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def losses(doc: Document, options: WriteOptions) -> list[str]:
    """What of ``doc`` this ninjs version has no place for (printed as warnings)."""
    version = options.ninjs_version
    found = [f"ninjs {version} cannot carry {field}" for field in lost_fields(doc, version)]
    if (uri := ninjs_uri(doc.id)) != doc.id:
        found.append(f"ninjs {version}: the id {doc.id!r} is not a URI, which 'uri' must be: "
                     f"written as {uri!r}")
    return found + unzoned_dates(doc, version, options.timezone)


def to_ninjs(doc: Document, p: NinjsProfile, zone: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uri": ninjs_uri(doc.id),
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
    _put_associations(data, p, doc)
    _put_renditions(data, p, doc.renditions)
    if doc.event_details is not None and p.event_details_key is not None:
        data[p.event_details_key] = _event_details_data(doc.event_details, p)
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
        p.put_text(data, _headline_slot(p, doc.headline_role), doc.headline)
    if doc.subheadline is not None:
        p.put_text(data, p.subheadline, doc.subheadline)
    if doc.summary is not None and not any(d.text == doc.summary for d in doc.descriptions):
        p.put_text(data, p.summary, doc.summary)
    for description in doc.descriptions:
        _put_description(data, p, description)
    if doc.bodies:
        _put_bodies(data, p, doc)
    elif doc.body:
        p.put_text(data, p.body_html, blocks_to_html(doc.body))
        p.put_text(data, p.body_text, body_text(doc.body))


def _headline_slot(p: NinjsProfile, role: str | None) -> TextSlot:
    """Where the headline goes: 1.x ``headline_<role>`` (a role it can spell), later
    versions the ``headlines`` item with its role; no role: the version's own place."""
    if role is None or role == p.subheadline.role:
        return p.headline
    if p.flat:
        return TextSlot(f"headline_{role}") if FLAT_ROLE.fullmatch(role) else p.headline
    return p.headline._replace(role=role)


def _put_bodies(data: dict[str, Any], p: NinjsProfile, doc: Document) -> None:
    """The bodies as the source gave them: each a role and media type, and its text as
    kept, else written from the Document's body (HTML or plain text by the media type)."""
    for body in doc.bodies:
        if body.text is None and not writable_body(body):
            continue  # no text, and none newsconvert writes: named by lost_fields
        value = body.text if body.text is not None else (
            blocks_to_html(doc.body) if is_html_body(body.content_type) else body_text(doc.body))
        if not value:
            continue
        if p.flat:
            data.setdefault(flat_body_key(body), value)
            continue
        item: dict[str, Any] = {"role": body.role} if body.role else {}
        if body.content_type:
            item[p.content_type_key] = body.content_type
        item["value"] = value
        data.setdefault("bodies", []).append(item)


def _put_description(data: dict[str, Any], p: NinjsProfile, description: Description) -> None:
    """One description: 1.x as ``description_<role>`` (no role: ``description_text``),
    later versions as an item of ``descriptions``."""
    if p.flat:
        data.setdefault(f"description_{description.role or FLAT_UNNAMED_DESCRIPTION}",
                        description.text)
        return
    item = {"role": description.role} if description.role else {}
    if description.content_type:
        item[p.content_type_key] = description.content_type
    item["value"] = description.text
    data.setdefault("descriptions", []).append(item)


def _association_data(association: Association, number: int, p: NinjsProfile
                      ) -> dict[str, Any]:
    """An association as a (small) ninjs object of its own."""
    name = association.name or f"association_{number}"
    data: dict[str, Any] = {} if p.flat else {"name": name}
    if association.group is not None and p.version == "3.1":  # 2.2 and 1.6 have no rel here
        data["rel"] = association.group
    data["type"] = association.type
    # 2.x and 3.x require a uri: else the file's address, else the name under GUID_URN
    data["uri"] = ninjs_uri(association.uri or (association.renditions[0].href if
                                                association.renditions else name))
    if association.headline is not None:
        p.put_text(data, p.headline, association.headline)
    for description in association.descriptions:
        _put_description(data, p, description)
    if association.credit is not None:
        data[p.by] = association.credit
    for field, key in p.association_details:
        value = getattr(association, field)
        if field.endswith("_created") and value is not None:
            value = ninjs_datetime(value)  # none: left out, as losses() says
        if value is not None:
            data[key] = value
    if (word := dict(p.representation_types).get(association.representation_type or "")):
        data[p.representation_type_key] = word
    _put_renditions(data, p, association.renditions)
    return data


def _event_details_data(event: EventDetails, p: NinjsProfile) -> dict[str, Any]:
    dates = {key: value for key, value in (("startDate", event.start), ("endDate", event.end))
             if value is not None}
    data: dict[str, Any] = {key: value for key, value in (
        ("eventStatus", event.status), ("plannedCoverageStatus", event.coverage_status))
        if value is not None}
    if dates:
        data["dates"] = dates
    if event.organiser is not None:
        data["organiser"] = concept_data(event.organiser, p)
    return data


def _put_renditions(data: dict[str, Any], p: NinjsProfile,
                    renditions: tuple[Rendition, ...]) -> None:
    """``renditions`` of an item or association (1.x: an object keyed by name)."""
    found = []
    for index, rendition in enumerate(renditions, start=1):
        if not ABSOLUTE_URI.fullmatch(rendition.href):
            continue  # ninjs wants a URI: a relative file name locates nothing here
        item: dict[str, Any] = {} if p.flat else {"name": rendition.name or f"rendition_{index}"}
        item["href"] = rendition.href
        for key, value in (("title", rendition.title),
                           (p.rendition_type_key, rendition.content_type),
                           ("width", rendition.width), ("height", rendition.height),
                           (p.size_key, rendition.size), ("format", rendition.format)):
            if value is not None:
                item[key] = value
        found.append((rendition.name or f"rendition_{index}", item))
    if found:
        data["renditions"] = _keyed(found) if p.flat else [item for _, item in found]


def _keyed(named: list[tuple[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """1.x objects keyed by name; a name given twice (six ``web`` renditions) gets a number."""
    keyed: dict[str, dict[str, Any]] = {}
    for name, value in named:
        key, number = name, 1
        while key in keyed:
            number += 1
            key = f"{name}_{number}"
        keyed[key] = value
    return keyed


def _put_associations(data: dict[str, Any], p: NinjsProfile, doc: Document) -> None:
    """The item's associations and its body's figures (1.x: an object keyed by name)."""
    associations = item_associations(doc)
    if not associations:
        return
    if p.flat:
        data["associations"] = _keyed([(a.name or f"association_{n}", _association_data(a, n, p))
                                       for n, a in enumerate(associations, start=1)])
    else:
        data["associations"] = [_association_data(a, n, p)
                                for n, a in enumerate(associations, start=1)]


def concept_data(concept: Concept, p: NinjsProfile, subject: bool = False) -> dict[str, Any]:
    """A subject, genre or entity: its full URI (1.6: scheme and code), name, literal, rel,
    and the details its array has a place for (``subject``: it is one of the subjects).

    ninjs has no catalogs, so a QCode is written as the URI its IPTC alias
    stands for; a code with any other alias, which no URI is known for, is
    written as its ``literal``.
    """
    item: dict[str, str] = {}
    if concept.name is not None:
        item["name"] = concept.name
    rel = concept.rel
    if rel is not None:
        item["rel"] = rel
    uri = concept.uri or (qcode_to_uri(concept.qcode) if concept.qcode else None)
    literal = concept.literal or (concept.qcode if uri is None else None)
    if not p.flat:
        item.update({"uri": uri} if uri is not None else {})
        item.update({"literal": literal} if literal is not None else {})
    elif concept.qcode and uri is not None and concept.uri is None and is_newscode(concept.qcode):
        alias, _, code = concept.qcode.partition(":")  # 1.6: an IPTC NewsCode as scheme + code
        item["scheme"], item["code"] = IPTC_SCHEMES[alias], code
    elif concept.qcode and uri is not None and concept.uri is None:
        item["code"] = uri  # another vocabulary's entity whole, as IPTC's 1.6 example gives Wikidata
    elif uri is not None and "/" in uri:
        item["scheme"], item["code"] = uri.rsplit("/", 1)[0] + "/", uri.rsplit("/", 1)[1]
    elif uri is not None:
        item["code"] = uri
    elif literal is not None:
        item["code"] = literal
    return {**item, **_concept_details(concept, p, subject)}


def _concept_details(concept: Concept, p: NinjsProfile, subject: bool) -> dict[str, Any]:
    """What the concept's array has a place for of its details: contact information
    (people, organisations, places), GeoJSON (places), who assigned a subject and how
    relevant and sure (subjects); the rest is named by :func:`lost_fields`."""
    found: dict[str, Any] = {}
    if concept.contact_info and concept.kind in CONTACT_KINDS:
        found[p.contact_key] = [_contact_data(c, p) for c in concept.contact_info]
    if concept.geometry is not None and concept.kind in GEOMETRY_KINDS:
        found[p.geometry_key] = json.loads(concept.geometry)
    if subject:
        found.update({key: getattr(concept, key) for key in SUBJECT_DETAILS
                      if getattr(concept, key) is not None})
    return found


def _contact_data(contact: ContactInfo, p: NinjsProfile) -> dict[str, Any]:
    found: dict[str, Any] = {key: getattr(contact, key) for key in
                             ("type", "role", "lang", "name", "value")
                             if getattr(contact, key) is not None}
    if contact.address is not None:
        address = contact.address
        found["address"] = {key: value for key, value in (
            ("lines", list(address.lines) or None), ("locality", address.locality),
            ("area", address.area), (p.postal_code_key, address.postal_code),
            ("country", address.country)) if value is not None}
    return found


def _put_people_and_things(data: dict[str, Any], p: NinjsProfile, doc: Document) -> None:
    by = byline_text(doc)
    if by is not None:
        data[p.by] = by
    # The authors are the by line; only names it cannot give back (a name with a comma or
    # "and") are listed in people too, with rel author.
    names = [byline.name for byline in doc.bylines]
    authors = [{"name": name, "rel": AUTHOR_REL} for name in names] \
        if by is not None and split_by(by) != names else []
    for kind, key in p.entities:
        # then people who worked on the item in another role, then those in the news
        entities = (authors + [{"name": c.name, "rel": c.role or CONTRIBUTOR_REL}
                               for c in doc.contributors] if kind == "person" else [])
        entities += [concept_data(c, p) for c in doc.about if c.kind == kind]
        if entities:
            data[key] = entities
    if doc.dateline is not None and doc.dateline.place is not None:
        data[p.located] = doc.dateline.place
    if doc.source is not None:
        data[p.info_sources] = [{"name": doc.source}]
    subjects = [concept_data(c, p, subject=True) for c in doc.subjects]
    subjects += [{"name": keyword} for keyword in doc.keywords]
    if subjects:
        data[p.subjects] = subjects
    if doc.genres:
        data[p.genres] = [concept_data(c, p) for c in doc.genres]
