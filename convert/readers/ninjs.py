"""IPTC ninjs 3.1, 2.2 or 1.6 -> Document (the version is detected).

The version comes from ``standard.version`` (1.6: ``$standard``) or a
``$schema`` naming a ninjs schema; failing those, from the keys used
(camelCase -> 3.x, plural arrays -> 2.x, flat ``headline``/``body_*`` -> 1.x).
Key names come from :mod:`convert.formats.ninjs`, the table the writer uses.

Container reader: a top-level array yields one Document per ninjs object.
``associations`` (related pictures, videos, stories) are read as the
Document's associations (uri, texts, renditions), not as documents of their own.

Other ninjs producers are read leniently: the body is the first HTML body
(``text/html``, ``application/xhtml+xml``, ``body_xhtml``, ``body_richtext``...),
else the first NITF one, else the first plain one, and the bodies as given are kept
(``Document.bodies``: roles, media types, the text of those not written from the
body); bylines are the ``people`` with ``rel`` author, or else the ``by`` string
split on commas and "and".  Scalar fields with no Document field are kept in
``extra`` as ``ninjs:<key>``; structured ones are listed in one warning, and the
nested properties with no place (a body's ``charCount``...) in another.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from convert.errors import ConvertError
from convert.formats.dates import colon_offset
from convert.formats.jsonload import JsonLines, load_json
from convert.formats.sniff import ninjs_version
from convert.formats.body.parse import blocks_from_html
from convert.formats.canonical import compact_json
from convert.formats.nitf import NitfBodyParser, nitf_body
from convert.formats.safexml import parse_untrusted
from convert.model import (
    HTML_TYPE, ITEM_TYPE_NAMES, PLAIN_TYPE, PUB_STATUSES, Address, Association, Block,
    BodyText, Byline, Concept, ContactInfo, Contributor, Dateline, Description, Document,
    EventDetails, ItemType, Paragraph, ParseWarning, Provenance, PubStatus, Rendition, body_text,
    own_associations, written_byline,
)
from convert.formats.ninjs import (
    ALT_ID_ROLE, AUTHOR_REL, CONTRIBUTOR_REL, DATE_ROLE_PREFIX, DEFAULT_VERSION, FLAT_TEXT,
    CONTACT_KINDS, GEOMETRY_KINDS, PROFILES, SIGNALS_ROLE, STAMPED_ROLE, SUBJECT_DETAILS,
    URL_ROLE, NinjsProfile, TextSlot,
    default_bodies, document_date, flat_body_type, is_html_body, is_nitf_body, ninjs_uri,
    split_by,
)
from convert.formats.qcodes import uri_to_qcode
from convert.options import ReadOptions

#: White space runs, collapsed in C (``" ".join(text.split())`` holds every word
#: of a 100 MB body as a string of its own: ten times the body in memory).
_SPACES = re.compile(r"\s{2,}|[^\S ]")
#: ``type`` values the Document holds (others are kept in ``extra``).
_READ_TYPES = frozenset(ITEM_TYPE_NAMES)


def read(text: str, options: ReadOptions) -> Document:
    return next(read_all(text, options))


def read_all(text: str, options: ReadOptions) -> Iterator[Document]:
    duplicates: list[tuple[str, int | None]] = []
    data = load_json(text, options.source_name, duplicates)
    # Producers' files with a key twice are read (the official schema, which sees the
    # last value, accepts them); ``newsconvert validate`` still refuses them.
    noted = tuple(ParseWarning("ninjs-duplicate-key", f"key {key!r} appears twice in one "
                               "object: the last value is read", line)
                  for key, line in duplicates)
    objects = data if isinstance(data, list) else [data]
    if not objects:
        raise ConvertError("an empty JSON array holds no ninjs object",
                           source=options.source_name, line=1, code="invalid")
    lines = JsonLines(text)
    for index, item in enumerate(objects):
        path: list[str | int] = [index] if isinstance(data, list) else []
        first = noted if index == 0 else ()
        if (inner := _api_envelope_item(item)) is not None:
            item, path = inner, [*path, "data", "item"]
            first += (ParseWarning("ninjs-envelope", "an AP Media API response: the ninjs item "
                                   "in its data.item is read, the envelope (api_version, "
                                   "params...) left out", lines.line(path)),)
        doc = _document(_Object(item, lines, path, options.source_name))
        if first:
            doc = replace(doc, provenance=replace(
                doc.provenance, warnings=first + doc.provenance.warnings))
        yield doc


def _api_envelope_item(data: Any) -> dict[str, Any] | None:
    """The ninjs item inside an AP Media API response (``{"api_version": ..., "data":
    {"item": {...}}}``), else None."""
    if not isinstance(data, dict) or "api_version" not in data or "uri" in data:
        return None
    inner = data.get("data")
    item = inner.get("item") if isinstance(inner, dict) else None
    return item if isinstance(item, dict) else None


class _Object:
    """One ninjs object with typed, located access to its keys."""

    def __init__(self, data: Any, lines: JsonLines, path: list[str | int], source: str) -> None:
        self.lines, self.path, self.source = lines, path, source
        if not isinstance(data, dict):
            raise self.error("expected a ninjs object ({...})")
        self.data: dict[str, Any] = data

    def line(self, *keys: str | int) -> int | None:
        return self.lines.line([*self.path, *keys])

    def error(self, message: str, *keys: str | int) -> ConvertError:
        return ConvertError(message, source=self.source, line=self.line(*keys), code="invalid")

    def string(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.error(f"ninjs {key!r} must be a string", key)
        return value

    def value(self, key: str, field: str, warnings: list[ParseWarning]) -> str | None:
        """String ``key`` for Document ``field``; an empty one (``"copyrightnotice": ""``)
        states nothing: absent, with a warning naming the key and the field."""
        raw = self.data.get(key)
        if isinstance(raw, list) and raw and all(isinstance(part, str) for part in raw):
            warnings.append(ParseWarning("ninjs-array", f"{key!r} is an array of strings (AP), "
                                         "not one string: read joined by line breaks",
                                         self.line(key)))
            raw = "\n".join(raw)
        value = raw if isinstance(raw, str) else self.string(key)
        if value is not None and not value.strip():
            warnings.append(ParseWarning("ninjs-empty", f"{key!r} is empty: {field} left out",
                                         self.line(key)))
            return None
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


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def _identifier(obj: _Object, warnings: list[ParseWarning]) -> str:
    """``uri``; else (Superdesk's dialect) ``guid``, with a warning saying so."""
    uri = obj.string("uri")
    if uri is not None:
        return uri
    guid = obj.data.get("guid")
    if not isinstance(guid, str) or not guid:
        raise obj.error("a ninjs object needs a 'uri' (its identifier)")
    # every target format needs a URI: a bare UUID as its URN, else the guid itself or under
    # a URN that says so
    identifier = f"urn:uuid:{guid.lower()}" if _UUID.fullmatch(guid) else ninjs_uri(guid)
    read_as = "" if identifier == guid else f" (read as {identifier!r})"
    warnings.append(ParseWarning("ninjs-guid", f"no 'uri': its 'guid' {guid!r} is taken as the "
                                 f"identifier{read_as}; ninjs requires 'uri'",
                                 obj.line("guid")))
    return identifier


def _document(obj: _Object) -> Document:
    p = PROFILES[ninjs_version(obj.data) or DEFAULT_VERSION]
    warnings: list[ParseWarning] = []
    uri = _identifier(obj, warnings)
    alt_ids = _alt_ids(obj, p)
    texts = {field: _text(obj, p, slot) for field, slot in
             (("headline", p.headline), ("subheadline", p.subheadline), ("summary", p.summary))}
    place = obj.string(p.located)
    strings = {field: obj.value(key, field, warnings) for field, key in p.strings}
    body, bodies = _body(obj, p, warnings)
    bylines = _bylines(obj, p)
    headline, headline_role = (texts["headline"], None) if texts["headline"] is not None \
        else _fallback_headline(obj, p)
    _note_nested_not_kept(obj, p, warnings)
    return Document(
        id=uri,
        version=_version(obj, warnings),
        headline=headline,
        headline_role=headline_role,
        bodies=bodies,
        renditions=_renditions(obj, p),
        event_details=_event_details(obj, p),
        subheadline=texts["subheadline"],
        summary=texts["summary"] if texts["summary"] is not None else _fallback_summary(obj, p),
        bylines=bylines,
        written_byline=written_byline(obj.string(p.by), bylines),
        dateline=None if place is None else Dateline(place),
        source=next((item["name"] for item in obj.items(p.info_sources) if "name" in item), None),
        url=alt_ids.get(URL_ROLE),
        keywords=tuple(item["name"] for item in obj.items(p.subjects) if _is_keyword(item)),
        body=body,
        descriptions=_descriptions(obj, p),
        associations=_associations(obj, p, body, uri, warnings),
        extra=_extra(obj, p, warnings),
        pub_status=_pub_status(obj, p, alt_ids, warnings),
        urgency=_urgency(obj, p, warnings),
        version_created=_version_created(obj, p, alt_ids, warnings),
        signals=tuple(alt_ids.get(SIGNALS_ROLE, "").split()),
        item_type=_item_type(obj),
        alt_ids=tuple(("" if role == ALT_ID_ROLE else role, value)
                      for role, value in alt_ids.items()
                      if role != URL_ROLE and not role.startswith(DATE_ROLE_PREFIX)),
        subjects=tuple(_concept(item, p) for item in obj.items(p.subjects)
                       if not _is_keyword(item)),
        genres=tuple(_concept(item, p) for item in obj.items(p.genres)),
        about=tuple(_concept(item, p, kind) for kind, key in p.entities
                    for item in obj.items(key) if not _is_party(item)),
        contributors=tuple(Contributor(item["name"], "" if item["rel"] == CONTRIBUTOR_REL
                                       else item["rel"])
                           for item in obj.items(p.people) if _is_contributor(item)),
        **strings,
        **{field: document_date(_date(obj, key, warnings) if key is not None else None,
                                alt_ids.get(DATE_ROLE_PREFIX + field))
           for field, key in p.dates},
        # last: every warning above is in
        provenance=Provenance("ninjs", "utf-8", tuple(warnings)),
    )


def _item_type(obj: _Object) -> ItemType:
    value = obj.data.get("type")
    return next((known for known in ITEM_TYPE_NAMES if known == value), "text")


def _is_contributor(item: dict[str, Any]) -> bool:
    """A person who worked on the item: rel ``contributor`` or a role QCode (``cpprole:...``)."""
    rel = item.get("rel")
    return isinstance(rel, str) and "name" in item and (
        rel == CONTRIBUTOR_REL or rel.startswith("cpprole:"))


def _is_party(item: dict[str, Any]) -> bool:
    """An author or contributor (people who made the item, not people in the news)."""
    return item.get("rel") == AUTHOR_REL or _is_contributor(item)


def _is_keyword(item: dict[str, Any]) -> bool:
    """A subject with a name and nothing else is a keyword (how keywords are written)."""
    return set(item) == {"name"}


#: A code that is a whole URI (``http://www.wikidata.org/entity/Q4421821``, ``urn:...``).
_ABSOLUTE_URI = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://\S+|urn:\S+)$")


def _concept(item: dict[str, Any], p: NinjsProfile, kind: str | None = None) -> Concept:
    """A ninjs subject/genre/entity; an IPTC URI (1.6: scheme + code) is read as its QCode."""
    uri = item.get("uri") if isinstance(item.get("uri"), str) else None
    scheme, code = item.get("scheme"), item.get("code")
    literal = item.get("literal") if isinstance(item.get("literal"), str) else None
    if uri is None and isinstance(code, str):
        if isinstance(scheme, str) and scheme:
            uri = scheme if scheme.endswith(("/", "#", ":")) else scheme + "/"
            uri += code
        elif _ABSOLUTE_URI.match(code):  # 1.6 gives a Wikidata entity as its code alone
            uri = code
        else:
            literal = literal or code
    qcode = uri_to_qcode(uri) if uri else None
    rel = item.get("rel") if isinstance(item.get("rel"), str) else None
    geometry = item.get(p.geometry_key)
    details = {field: item[field] for field in SUBJECT_DETAILS
               if isinstance(item.get(field), str if field == "creator" else int)}
    return Concept(name=item.get("name"), qcode=qcode, uri=None if qcode else uri,
                   literal=literal, kind=kind, rel=rel,
                   geometry=compact_json(geometry) if isinstance(geometry, dict) else None,
                   contact_info=_contact_info(item.get(p.contact_key), p), **details)


def _event_details(obj: _Object, p: NinjsProfile) -> EventDetails | None:
    """3.1 ``eventDetails``: the event's start and end, statuses and organiser."""
    raw = obj.data.get(p.event_details_key) if p.event_details_key else None
    if not isinstance(raw, dict):
        return None
    dates = raw.get("dates")
    dates = dates if isinstance(dates, dict) else {}
    organiser = raw.get("organiser")

    def text(value: Any) -> str | None:
        return value if isinstance(value, str) and value else None

    return EventDetails(start=text(dates.get("startDate")), end=text(dates.get("endDate")),
                        status=text(raw.get("eventStatus")),
                        coverage_status=text(raw.get("plannedCoverageStatus")),
                        organiser=_concept(organiser, p, "organisation")
                        if isinstance(organiser, dict) else None)


def _contact_info(raw: Any, p: NinjsProfile) -> tuple[ContactInfo, ...]:
    """``contactInfo`` entries (how to reach a person, organisation or place)."""
    def text(entry: dict[str, Any], key: str) -> str | None:
        value = entry.get(key)
        return value if isinstance(value, str) and value else None

    found = []
    for entry in raw if isinstance(raw, list) else ():
        if not isinstance(entry, dict):
            continue
        address = entry.get("address")
        found.append(ContactInfo(
            **{key: text(entry, key) for key in ("type", "role", "name", "value", "lang")},
            address=Address(
                tuple(line for line in address.get("lines", ()) if isinstance(line, str)),
                locality=text(address, "locality"), area=text(address, "area"),
                postal_code=text(address, p.postal_code_key), country=text(address, "country"))
            if isinstance(address, dict) else None))
    return tuple(found)


def _pub_status(obj: _Object, p: NinjsProfile, alt_ids: dict[str, str],
                warnings: list[ParseWarning]) -> PubStatus:
    value = obj.data.get(p.pub_status)
    if value is None:
        return "usable"  # the ninjs default
    for known in PUB_STATUSES:
        if value == known:
            # Our writer makes an item withheld when its embargo had no RFC 3339 form.
            if (known == "withheld" and DATE_ROLE_PREFIX + "embargoed" in alt_ids
                    and not obj.data.get(p.dates[2][1] or "")):
                return "usable"
            return known
    warnings.append(ParseWarning("ninjs-pubstatus", f"pubStatus {value!r} is not usable, "
                                 "withheld or canceled: read as withheld (not for publication)",
                                 obj.line(p.pub_status)))
    return "withheld"


def _urgency(obj: _Object, p: NinjsProfile, warnings: list[ParseWarning]) -> int | None:
    value = obj.data.get(p.urgency)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == int(value) \
            and 1 <= value <= 9:
        return int(value)
    warnings.append(ParseWarning("ninjs-urgency", f"urgency {value!r} is not 1 to 9; left out",
                                 obj.line(p.urgency)))
    return None


def _version_created(obj: _Object, p: NinjsProfile, alt_ids: dict[str, str],
                     warnings: list[ParseWarning]) -> str | None:
    """The item's own versionCreated: None when newsconvert stamped the conversion time."""
    kept = alt_ids.get(DATE_ROLE_PREFIX + "version_created")
    if STAMPED_ROLE in alt_ids:
        return kept
    return document_date(_date(obj, p.version_created, warnings), kept)


def _date(obj: _Object, key: str, warnings: list[ParseWarning]) -> str | None:
    """A date-time as written; one whose offset lacks its colon (``+0000``) is read as
    the same time written as RFC 3339 requires, with a warning."""
    value = obj.string(key)
    if value is None or (fixed := colon_offset(value)) == value:
        return value
    warnings.append(ParseWarning("ninjs-date", f"{key} {value!r}: the offset written without "
                                 f"its colon (read as {fixed!r}, the same time)", obj.line(key)))
    return fixed


def _version(obj: _Object, warnings: list[ParseWarning]) -> int:
    value = obj.data.get("version")
    if value is None:
        return 1
    number = int(value) if isinstance(value, str) and value.isascii() and value.isdigit() \
        else value if isinstance(value, int) and not isinstance(value, bool) else None
    if number is not None and number >= 1:
        return number
    what = "is below 1 (versions start at 1)" if number is not None else "is not a whole number"
    warnings.append(ParseWarning("ninjs-version", f"version {value!r} {what}; read as 1",
                                 obj.line("version")))
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


def _fallback_headline(obj: _Object, p: NinjsProfile) -> tuple[str | None, str | None]:
    """The headline when the main one is missing, and the role it has: the first other
    headline (1.x ``headline_main``: role ``main``), else the ``title``."""
    candidates: list[tuple[str | None, str | None]]
    if p.flat:
        candidates = [(obj.string(key), key.removeprefix("headline_")) for key in obj.data
                      if key.startswith("headline_") and key != p.subheadline.key]
    else:
        candidates = [(item["value"], item.get("role") or None)
                      for item in obj.items("headlines")
                      if "value" in item and item.get("role") != p.subheadline.role]
    return candidates[0] if candidates else (obj.string("title"), None)


def _descriptions(obj: _Object, p: NinjsProfile, with_summary: bool = False
                  ) -> tuple[Description, ...]:
    """The descriptions with their roles (1.x: ``description_<role>``), the summary's
    own role left out unless ``with_summary``."""
    found: list[Description] = []
    if p.flat:
        for key, value in obj.data.items():
            if key.startswith("description_") and (with_summary or key != p.summary.key) \
                    and isinstance(value, str) and value.strip():
                found.append(Description(value, key.removeprefix("description_")))
        return tuple(found)
    for item in obj.items("descriptions"):
        role = item.get("role") or None
        if "value" in item and item["value"].strip() and (with_summary or
                                                          role != p.summary.role):
            kind = item.get(p.content_type_key)
            found.append(Description(item["value"], role, kind if isinstance(kind, str) and kind
                                     else None))
    return tuple(found)


def _associations(obj: _Object, p: NinjsProfile, body: tuple[Block, ...], item_id: str,
                  warnings: list[ParseWarning]) -> tuple[Association, ...]:
    """``associations`` (1.x: an object keyed by name; later: an array of objects with a
    ``name``), each a picture or other item with its texts and renditions; those that
    only repeat a figure of the body (as the writer states figures) are not kept twice."""
    raw = obj.data.get("associations")
    if raw is None:
        return ()
    entries: list[tuple[Any, str | int, Any]]
    if p.flat and isinstance(raw, dict):
        entries = [(str(name), name, value) for name, value in raw.items()]
    elif not p.flat and isinstance(raw, list):
        entries = [(item.get("name") if isinstance(item, dict) else None, index, item)
                   for index, item in enumerate(raw)]
    else:
        raise obj.error(f"ninjs 'associations' must be an {'object' if p.flat else 'array'}",
                        "associations")
    found = []
    for name, key, item in entries:
        sub = _Object(item, obj.lines, [*obj.path, "associations", key], obj.source)
        kind = item.get("type")
        found.append(Association(
            type=kind if kind in _READ_TYPES else "picture",
            name=name if isinstance(name, str) else None,
            uri=sub.string("uri"),
            headline=_text(sub, p, p.headline),
            descriptions=_descriptions(sub, p, with_summary=True),
            credit=sub.string(p.by),
            renditions=_renditions(sub, p),
            group=sub.string("rel") if p.version == "3.1" else None,
            representation_type=next((kind for kind, word in p.representation_types
                                      if word == sub.string(p.representation_type_key)), None),
            **{field: (_date(sub, key, warnings) if field.endswith("_created")
                       else sub.value(key, f"associations.{field}", warnings))
               for field, key in p.association_details}))
        if kind is not None and kind not in _READ_TYPES:
            warnings.append(ParseWarning("ninjs-association", f"association type {kind!r} is "
                                         "not one the model knows: read as picture",
                                         sub.line("type")))
    return own_associations(found, body, item_id)


def _renditions(obj: _Object, p: NinjsProfile) -> tuple[Rendition, ...]:
    raw = obj.data.get("renditions")
    entries: list[tuple[Any, dict[str, Any]]]
    if p.flat and isinstance(raw, dict):
        entries = [(str(name), value) for name, value in raw.items() if isinstance(value, dict)]
    elif not p.flat and isinstance(raw, list):
        entries = [(item.get("name"), item) for item in raw if isinstance(item, dict)]
    else:
        return ()

    def whole(value: Any) -> int | None:
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and value == int(value) and value >= 0 else None

    def text(value: Any) -> str | None:
        return value if isinstance(value, str) and value else None

    return tuple(Rendition(href=item["href"], name=text(name), title=text(item.get("title")),
                           content_type=text(item.get(p.rendition_type_key)),
                           width=whole(item.get("width")), height=whole(item.get("height")),
                           size=whole(item.get(p.size_key)), format=text(item.get("format")))
                 for name, item in entries if text(item.get("href")))


def _fallback_summary(obj: _Object, p: NinjsProfile) -> str | None:
    return next((value for _, value in _texts(obj, p, "descriptions", "description_")), None)


def _given_bodies(obj: _Object, p: NinjsProfile) -> list[tuple[BodyText, str | int]]:
    """Every body as the source gave it (role, media type, text), with where it is (1.x:
    its key; later: its index in ``bodies``).  A 1.x ``body_<role>`` has the media type its
    role says (:func:`~convert.formats.ninjs.flat_body_type`)."""
    if p.flat:
        return [(BodyText(key.removeprefix("body_"), flat_body_type(key.removeprefix("body_")),
                          value), key)
                for key, value in obj.data.items()
                if key.startswith("body_") and isinstance(value, str)]
    found: list[tuple[BodyText, str | int]] = []
    for index, item in enumerate(obj.items("bodies")):
        kind = item.get(p.content_type_key)
        if "value" in item:
            found.append((BodyText(item.get("role") or None,
                                   kind if isinstance(kind, str) and kind else None,
                                   item["value"]), index))
    return found


def _main_body(given: list[tuple[BodyText, str | int]], p: NinjsProfile) -> int | None:
    """Which given body is read as the Document's: the writer's own HTML one, else the
    first HTML one, else the first NITF one, else the first plain one."""
    html_role = default_bodies(p)[0].role

    def rank(body: BodyText) -> int:
        kind = body.content_type
        if body.role == html_role and kind in (None, HTML_TYPE):
            return 0
        if is_html_body(kind):
            return 1
        if is_nitf_body(kind):
            return 2
        return 3 if kind is None or kind.startswith(PLAIN_TYPE) else 4

    best, index = min(((rank(body), index) for index, (body, _) in enumerate(given)),
                      default=(4, 0))
    return index if best < 4 else None


def _body(obj: _Object, p: NinjsProfile, warnings: list[ParseWarning]
          ) -> tuple[tuple[Block, ...], tuple[BodyText, ...]]:
    """The body, and the bodies as given (none when they are just the writer's own).

    A body is written again from the Document's (``text`` None) when it is the one read,
    or a plain text with the same words; any other (a second HTML body, a plain text
    saying something else, a NITF document newsconvert does not write) is kept as it is.
    """
    given = _given_bodies(obj, p)
    main = _main_body(given, p)
    if main is None:
        return (), tuple(body for body, _ in given)
    chosen, where = given[main]
    text = chosen.text or ""
    line = obj.line(where) if p.flat else obj.line("bodies", where)
    from_nitf = is_nitf_body(chosen.content_type)
    if is_html_body(chosen.content_type):
        blocks, markup_warnings = blocks_from_html(text, warning_prefix="ninjs")
        # lines inside the HTML string mean nothing in the file
        warnings.extend(replace(warning, line=line) for warning in markup_warnings)
    elif from_nitf:
        blocks = _nitf_blocks(text, line, warnings)
    else:
        blocks = tuple(Paragraph((_SPACES.sub(" ", part).strip(),))
                       for part in re.split(r"\n\s*\n", text) if part.strip())
    writable = not from_nitf  # newsconvert writes no NITF: that body is kept as it is
    plain: list[str] = []  # the body's words, white space collapsed, made when first asked

    def same_words(body: BodyText) -> bool:
        if body.content_type not in (None, PLAIN_TYPE):
            return False
        if not plain:
            plain.append(_SPACES.sub(" ", body_text(blocks)).strip())
        return _SPACES.sub(" ", body.text or "").strip() == plain[0]

    bodies = tuple(
        replace(body, text=None) if (index == main and writable) or (
            index != main and same_words(body)) else body
        for index, (body, _) in enumerate(given))
    return blocks, () if bodies == default_bodies(p) else bodies


def _nitf_blocks(text: str, line: int | None, warnings: list[ParseWarning]
                 ) -> tuple[Block, ...]:
    """The blocks of a NITF document given as a ninjs body (``text/vnd.IPTC.NITF``)."""
    try:
        root = parse_untrusted(text.encode("utf-8")).getroot()
    except ConvertError as error:
        warnings.append(ParseWarning("ninjs-nitf", f"the NITF body is not well-formed XML "
                                     f"({error.message}): left out", line))
        return ()
    body = nitf_body(root)
    if body is None:
        return ()
    parser = NitfBodyParser(warning_prefix="ninjs")
    blocks = parser.blocks(body)
    warnings.extend(replace(warning, line=line) for warning in parser.warnings)
    return blocks


def _bylines(obj: _Object, p: NinjsProfile) -> tuple[Byline, ...]:
    authors = tuple(Byline(item["name"]) for item in obj.items(p.people)
                    if item.get("rel") == AUTHOR_REL and "name" in item)
    by = obj.string(p.by)
    if authors or not by:
        return authors
    return tuple(Byline(name) for name in split_by(by))


#: What the reader reads of an entity, subject or genre in every version.
_CONCEPT_KEYS = frozenset({"name", "uri", "literal", "rel", "scheme", "code"})


def _note_nested_not_kept(obj: _Object, p: NinjsProfile, warnings: list[ParseWarning]
                          ) -> None:
    """Warn about the properties of bodies, entities, subjects, genres, renditions and
    associations that have no place in the Document (a body's ``charCount``, AP's
    ``parentids``, Superdesk's ``poi``, an association's own subjects...): one warning
    naming each ``array.key`` once."""
    found: dict[str, None] = {}

    def note(where: str, item: Any, known: set[str] | frozenset[str]) -> None:
        if isinstance(item, dict):
            found.update((f"{where}.{key}", None) for key in item if key not in known)

    def renditions(where: str, value: Any) -> None:
        known = {"name", "href", "title", p.rendition_type_key, "width", "height", p.size_key,
                 "format"}
        for item in value.values() if isinstance(value, dict) else value or ():
            note(f"{where}.renditions", item, known)

    if not p.flat:
        for item in obj.items("bodies"):
            note("bodies", item, {"role", p.content_type_key, "value"})
    for kind, key in p.entities:
        known = set(_CONCEPT_KEYS) | ({p.contact_key} if kind in CONTACT_KINDS else set()) \
            | ({p.geometry_key} if kind in GEOMETRY_KINDS else set())
        for item in obj.items(key):
            note(key, item, known)
    for item in obj.items(p.subjects):
        note(p.subjects, item, _CONCEPT_KEYS | set(SUBJECT_DETAILS))
    for item in obj.items(p.genres):
        note(p.genres, item, _CONCEPT_KEYS)
    renditions("", obj.data.get("renditions"))
    raw = obj.data.get("associations")
    read = {"name", "type", "uri", p.headline.key, "descriptions", p.by, "renditions",
            p.representation_type_key} | {key for _, key in p.association_details} \
        | ({"rel"} if p.version == "3.1" else set())
    for association in raw.values() if isinstance(raw, dict) else raw or ():
        if isinstance(association, dict):
            note("associations", {key: value for key, value in association.items()
                                  if not key.startswith("description_")}, read)
            renditions("associations", association.get("renditions"))
    if found:
        names = ", ".join(name.lstrip(".") for name in found)
        warnings.append(ParseWarning("ninjs-not-kept", "ninjs properties with no place in the "
                                     f"document, not kept: {names}", obj.line()))


def _extra(obj: _Object, p: NinjsProfile, warnings: list[ParseWarning]) -> tuple[tuple[str, str], ...]:
    """Scalar fields with no Document field, as ``ninjs:<key>``; the rest named in a warning."""
    read = p.keys() | {"uri", "version"} | ({"guid"} if "uri" not in obj.data else set())
    extra: list[tuple[str, str]] = []
    left_out: dict[str, str] = {}  # key -> what of it
    for key, value in obj.data.items():
        if key in read or (p.flat and FLAT_TEXT.fullmatch(key)) or (
                key == "type" and value in _READ_TYPES):
            continue
        if isinstance(value, (dict, list)):
            left_out[key] = ""
        else:
            extra.append((f"ninjs:{key}", value if isinstance(value, str) else json.dumps(value)))
    if len(obj.items(p.info_sources)) > 1:
        left_out[p.info_sources] = "after the first"
    if left_out:
        detail = ", ".join(f"{key} ({what})" if what else key for key, what in left_out.items())
        warnings.append(ParseWarning("ninjs-not-kept", "ninjs fields with no place in the "
                                     f"document, not kept: {detail}", obj.line(next(iter(left_out)))))
    return tuple(sorted(extra))
