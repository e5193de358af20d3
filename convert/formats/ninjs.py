"""The Document <-> IPTC ninjs mapping: one table per ninjs version, used both ways.

The writer (``convert/writers/ninjs.py``) and the reader
(``convert/readers/ninjs.py``) both walk a :class:`NinjsProfile`, so a key
name lives in exactly one place.  3.1 spells keys in camelCase and keeps
texts in role-tagged arrays (``headlines``, ``bodies``, ``descriptions``);
2.2 has the same arrays in lower case; 1.6 is flat (``headline``,
``body_html``, ``byline``) with singular subject arrays (``person``).

Dates: ninjs dates are RFC 3339 date-times (offset required), while a
Document date may be a date only (``2022-11-29``) or a local time with no
offset.  A local time gets the zone the user gave (``WriteOptions.timezone``);
otherwise such a value has no ninjs form: it is left out of its key (with a
warning naming it; never ``-00:00``, which every parser reads as UTC, nor an
invented midnight) and its exact written form is kept as an alternative id
with role ``newsconvert:<field>`` (ninjs leaves alternative-id names to the
provider), from which the reader restores it.  ``versionCreated`` is the
item's own, else the time of conversion, marked by the alternative id
``newsconvert:stamped``.  Signals (``sig:update``, ``sig:correction``), for
which ninjs has no key, go to the alternative id ``newsconvert:signals``.  An embargo that cannot be written makes the item
``withheld`` rather than publishable.

Light on purpose: no heavy imports, so the CLI may import it at start-up.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from convert.errors import ConvertError

if TYPE_CHECKING:
    from convert.model import BodyText, Document

#: Role of the alternative id that carries the Document ``url``.
URL_ROLE = "url"
#: Role prefix of the alternative ids that keep a date as the Document wrote it.
DATE_ROLE_PREFIX = "newsconvert:"
#: ``rel`` of ``people`` entries that are the story's authors, as other producers write
#: them (read as bylines; the writer states the authors in ``by`` only).
AUTHOR_REL = "author"
#: ``rel`` of ``people`` who worked on the item in no stated role (with a role:
#: its QCode, such as ``cpprole:contentEditor``).
CONTRIBUTOR_REL = "contributor"
#: Alternative-id role saying ``versionCreated`` is the time of conversion.
STAMPED_ROLE = "newsconvert:stamped"
#: Alternative-id role of an id whose type the Document does not know.
ALT_ID_ROLE = "id"
#: Alternative-id role holding the NewsML-G2 signals (space-separated QCodes:
#: ``sig:update``...), which no ninjs version has a key for.
SIGNALS_ROLE = "newsconvert:signals"
#: ``Concept.kind`` -> the 3.1 array of such entities (2.2: lower case; 1.6: singular).
#: 1.x spells a description with no role as ``description_text``.
FLAT_UNNAMED_DESCRIPTION = "text"
#: The ninjs ``uri`` of an item whose own identifier is not a URI (a NewsML-G2 guid may be
#: any string, such as ``tag_reuters.com_2014_newsml_KBN0FL0NN``; a Superdesk ``guid``):
#: this prefix, then the identifier percent-encoded, so the same item keeps the same uri.
GUID_URN = "urn:newsconvert:guid:"
#: How a ``by`` line names several authors ("A, B", "A and B").
_BY_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+")
ENTITY_KEYS = (("person", "people"), ("organisation", "organisations"), ("place", "places"),
               ("event", "events"), ("object", "objects"))


# NamedTuples, not dataclasses: the command line imports this module for its
# version list, and a dataclass costs several times as much to build.
class TextSlot(NamedTuple):
    """Where one text lives: a top-level string, or an array item with a role."""

    key: str
    role: str | None = None
    content_type: str | None = None


class NinjsProfile(NamedTuple):
    """The key names of one ninjs version."""

    version: str
    standard_key: str
    content_type_key: str
    alt_ids_key: str
    #: 1.6: ``altids`` is one object (id name -> value); later: ``[{role, value}]``.
    alt_ids_as_object: bool
    #: Document string field -> top-level ninjs string key.
    strings: tuple[tuple[str, str], ...]
    #: Document date field -> ninjs date-time key (None: kept as an alternative id only).
    dates: tuple[tuple[str, str | None], ...]
    version_created: str
    pub_status: str
    urgency: str
    genres: str
    #: Concept.kind -> the array of such entities.
    entities: tuple[tuple[str, str], ...]
    headline: TextSlot
    subheadline: TextSlot
    summary: TextSlot
    body_html: TextSlot
    body_text: TextSlot
    by: str
    people: str
    info_sources: str
    subjects: str
    located: str = "located"

    #: Keys of a rendition: size in bytes, media type (1.6: ``mimetype``).
    size_key: str = "sizeInBytes"
    rendition_type_key: str = "contentType"
    # -- ninjs details: entities' contact information and a place's GeoJSON (1.6:
    # ``geometry_geojson``, the first of its ``geometry_*`` keys), an address's postal
    # code, and what an association says of the item it stands for
    contact_key: str = "contactInfo"
    postal_code_key: str = "postalCode"
    geometry_key: str = "geoJSON"
    representation_type_key: str = "representationType"
    #: The planned event's details (3.1 only: ``eventDetails``).
    event_details_key: str | None = None
    #: Association field -> key (the associated item's own dates and rights).
    association_details: tuple[tuple[str, str], ...] = ()
    #: ``Association.representation_type`` (full, partial) -> this version's word (1.6:
    #: complete, incomplete).
    representation_types: tuple[tuple[str, str], ...] = (("full", "full"),
                                                         ("partial", "partial"))

    @property
    def schema_uri(self) -> str:
        return f"http://www.iptc.org/std/ninjs/ninjs-schema_{self.version}.json"

    @property
    def flat(self) -> bool:
        return self.headline.role is None

    def keys(self) -> set[str]:
        """Every key this profile writes (top level, plus the array item content type)."""
        slots = (self.headline, self.subheadline, self.summary, self.body_html, self.body_text)
        optional = (self.event_details_key,)
        return ({key for _, key in self.strings + self.dates if key is not None}
                | {slot.key for slot in slots} | {key for _, key in self.entities}
                | {self.standard_key, self.content_type_key, self.alt_ids_key, self.by,
                   self.people, self.info_sources, self.subjects, self.located,
                   self.version_created, self.pub_status, self.urgency, self.genres,
                   "associations", "renditions"} | {key for key in optional if key})

    def put_text(self, data: dict[str, Any], slot: TextSlot, value: str) -> None:
        if slot.role is None:
            data[slot.key] = value
            return
        item = {"role": slot.role}
        if slot.content_type:
            item[self.content_type_key] = slot.content_type
        item["value"] = value
        data.setdefault(slot.key, []).append(item)


def _nested(version: str, case: str) -> NinjsProfile:
    """2.2 and 3.1 differ only in spelling: ``case`` maps a camelCase key to its form."""
    def k(name: str) -> str:
        return name if case == "camel" else name.lower()

    return NinjsProfile(
        version=version, standard_key="standard", content_type_key=k("contentType"),
        alt_ids_key=k("altIds"), alt_ids_as_object=False,
        strings=(("language", "language"), ("slugline", "slugline"),
                 ("copyright", k("copyrightNotice")), ("copyright_holder", k("copyrightHolder")),
                 ("usage_terms", k("usageTerms")), ("ednote", k("edNote"))),
        dates=(("published", k("contentCreated")), ("first_created", k("firstCreated")),
               ("embargoed", "embargoedUntil" if case == "camel" else "embargoed"),
               ("updated", None)),
        version_created=k("versionCreated"), pub_status=k("pubStatus"), urgency="urgency",
        genres="genres", entities=tuple((kind, key) for kind, key in ENTITY_KEYS),
        headline=TextSlot("headlines", "main"), subheadline=TextSlot("headlines", "sub"),
        summary=TextSlot("descriptions", "summary", "text/plain"),
        body_html=TextSlot("bodies", "main", "text/html"),
        body_text=TextSlot("bodies", "plain", "text/plain"),
        by="by", people="people", info_sources=k("infoSources"), subjects="subjects",
        size_key=k("sizeInBytes"), rendition_type_key=k("contentType"),
        contact_key=k("contactInfo"), postal_code_key=k("postalCode"), geometry_key=k("geoJSON"),
        representation_type_key=k("representationType"),
        event_details_key="eventDetails" if version == "3.1" else None,
        association_details=_association_details(k("firstCreated"), k("versionCreated"),
                                                 k("copyrightNotice"), k("copyrightHolder"),
                                                 k("usageTerms")),
    )


def _association_details(*keys: str) -> tuple[tuple[str, str], ...]:
    """The association fields stated by the item keys of the same meaning (``keys``: first
    created, version created, copyright notice, copyright holder, usage terms)."""
    return tuple(zip(("first_created", "version_created", "copyright_notice",
                      "copyright_holder", "usage_terms"), keys))


PROFILES: dict[str, NinjsProfile] = {
    "3.1": _nested("3.1", "camel"),
    "2.2": _nested("2.2", "lower"),
    "1.6": NinjsProfile(
        version="1.6", standard_key="$standard", content_type_key="contenttype",
        alt_ids_key="altids", alt_ids_as_object=True,
        strings=(("language", "language"), ("slugline", "slugline"),
                 ("copyright", "copyrightnotice"), ("copyright_holder", "copyrightholder"),
                 ("usage_terms", "usageterms"), ("ednote", "ednote")),
        dates=(("published", "contentcreated"), ("first_created", "firstcreated"),
               ("embargoed", "embargoed"), ("updated", None)),
        version_created="versioncreated", pub_status="pubstatus", urgency="urgency",
        genres="genre", entities=(("person", "person"), ("organisation", "organisation"),
                                  ("place", "place"), ("event", "event"), ("object", "object")),
        headline=TextSlot("headline"), subheadline=TextSlot("headline_sub"),
        summary=TextSlot("description_summary"),
        body_html=TextSlot("body_html"), body_text=TextSlot("body_text"),
        by="byline", people="person", info_sources="infosource", subjects="subject",
        size_key="sizeinbytes", rendition_type_key="mimetype",
        contact_key="contactinfo", postal_code_key="postalcode", geometry_key="geometry_geojson",
        representation_type_key="representationtype",
        representation_types=(("full", "complete"), ("partial", "incomplete")),
        association_details=_association_details("firstcreated", "versioncreated",
                                                 "copyrightnotice", "copyrightholder",
                                                 "usageterms"),
    ),
}
#: Which entity arrays (by ``Concept.kind``; None: subjects) have a place for which
#: details, in every version's schema.
CONTACT_KINDS = frozenset({"person", "organisation", "place"})
GEOMETRY_KINDS = frozenset({"place"})
#: Subject details (``Concept`` field = ninjs key): who assigned it, how relevant, how sure.
SUBJECT_DETAILS = ("creator", "relevance", "confidence")
#: A role ninjs 1.x can spell in a key (``body_<role>``, ``headline_<role>``).
FLAT_ROLE = re.compile(r"[a-zA-Z0-9_]+")
#: The body roles 1.x spells ``body_html`` and ``body_text`` (the writer's own forms).
FLAT_HTML_ROLE, FLAT_PLAIN_ROLE = "html", "text"
#: Media types read as HTML bodies (``text/html``, ``application/xhtml+xml``, 1.x's
#: ``body_xhtml``, ``body_richtext``...), but no NITF document (``application/nitf+xml``).
HTML_BODY_TYPE = re.compile(r"^(?!.*nitf).*(html|richtext)", re.IGNORECASE)
VERSIONS = tuple(PROFILES)
#: What the writer writes unless told otherwise, and what the reader assumes
#: of a document that does not say.
DEFAULT_VERSION = "3.1"
#: 1.x's flat text keys (``body_html``, ``headline_sub``, ``description_summary``...).
FLAT_TEXT = re.compile(r"(body|headline|description)_[A-Za-z0-9_]+")


#: Top-level scalar keys the official schemas define that the Document has no
#: field for; the reader keeps them in ``extra`` (``ninjs:<key>``) and the
#: writer puts them back, spelled as the target version spells them.
#: (``tests/formats/test_ninjs_tables.py`` checks them against the schemas.)
PASSED_THROUGH: dict[str, tuple[str, ...]] = {
    "3.1": ("profile", "title", "representationType", "expires"),
    "2.2": ("profile", "title", "representationtype", "expires"),
    "1.6": ("profile", "title", "representationtype", "expires", "mimetype", "charcount",
            "wordcount"),
}
#: Of those, the keys whose value is a (whole) number.
INTEGER_KEYS = frozenset({"charcount", "wordcount"})


def passed_through(extra: tuple[tuple[str, str], ...], version: str) -> dict[str, Any]:
    """The ``ninjs:<key>`` pairs of ``extra`` that ninjs ``version`` has a key for."""
    by_name = {key.lower(): key for key in PASSED_THROUGH[version]}
    found: dict[str, Any] = {}
    for name, value in extra:
        key = by_name.get(name.removeprefix("ninjs:").lower()) if name.startswith("ninjs:") \
            else None
        if key is None:
            continue
        if key in INTEGER_KEYS:
            if not value.isdigit():
                continue
            found[key] = int(value)
        else:
            found[key] = value
    return found


def default_bodies(p: NinjsProfile) -> tuple[BodyText, ...]:
    """The bodies the writer writes when the Document names none (an HTML one, then a
    plain-text one, both from its body); a reader that finds just these names none."""
    from convert.model import HTML_TYPE, PLAIN_TYPE, BodyText

    return (BodyText(p.body_html.role or p.body_html.key.removeprefix("body_"), HTML_TYPE),
            BodyText(p.body_text.role or p.body_text.key.removeprefix("body_"), PLAIN_TYPE))


def is_html_body(content_type: str | None) -> bool:
    return content_type is not None and HTML_BODY_TYPE.search(content_type) is not None


def is_nitf_body(content_type: str | None) -> bool:
    """A NITF document (``text/vnd.IPTC.NITF``, ``application/nitf+xml``; 1.x ``body_nitf``)."""
    return content_type is not None and "nitf" in content_type.lower()


def writable_body(body: BodyText) -> bool:
    """Whether a body with no text of its own can be written from the Document's: an
    HTML or plain-text one (newsconvert writes no NITF, nor other media types)."""
    from convert.model import PLAIN_TYPE

    return is_html_body(body.content_type) or body.content_type in (None, PLAIN_TYPE)


def flat_body_type(role: str) -> str:
    """The media type a 1.x ``body_<role>`` key implies: HTML when its role says so
    (``html``, ``xhtml``, ``richtext``), NITF when it says ``nitf``, else plain text."""
    from convert.model import HTML_TYPE, NITF_TYPE, PLAIN_TYPE

    if is_html_body(role):
        return HTML_TYPE
    return NITF_TYPE if is_nitf_body(role) else PLAIN_TYPE


def flat_body_key(body: BodyText) -> str:
    """The 1.x key of a body: ``body_<role>`` when the role says its media type (1.x keys
    are all the type a body has), else the key of its type: ``body_html``, ``body_nitf``,
    ``body_text`` (a type none of them says, such as ``application/xml``: ``body_<role>``)."""
    from convert.model import HTML_TYPE, NITF_TYPE, PLAIN_TYPE

    role = body.role if body.role is not None and FLAT_ROLE.fullmatch(body.role) else None
    kind = HTML_TYPE if is_html_body(body.content_type) else body.content_type or PLAIN_TYPE
    if role is not None and flat_body_type(role) == kind:
        return f"body_{role}"
    by_type = {HTML_TYPE: FLAT_HTML_ROLE, NITF_TYPE: "nitf", PLAIN_TYPE: FLAT_PLAIN_ROLE}
    return f"body_{by_type.get(kind, role or FLAT_PLAIN_ROLE)}"


def split_by(by: str) -> list[str]:
    """The authors a ``by`` line names."""
    return [name for name in _BY_SEPARATOR.split(by.strip()) if name]


def ninjs_uri(identifier: str) -> str:
    """``identifier`` as the URI ninjs requires: itself when it is one (an IRI's non-ASCII
    characters percent-encoded, as RFC 3987 maps an IRI to a URI), else under
    :data:`GUID_URN`."""
    from urllib.parse import quote  # not at import: the CLI's --help reads VERSIONS

    from convert.model import ABSOLUTE_URI

    if ABSOLUTE_URI.fullmatch(identifier):
        return quote(identifier, safe="!#$%&'()*+,/:;=?@[]~") if not identifier.isascii() \
            else identifier
    return GUID_URN + quote(identifier, safe="")


def profile(version: str) -> NinjsProfile:
    try:
        return PROFILES[version]
    except KeyError:
        raise ConvertError(f"unknown ninjs version {version!r}; choose one of "
                           f"{', '.join(VERSIONS)}", code="usage") from None


# ---------------------------------------------------------------- dates

_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def ninjs_datetime(value: str, zone: str | None = None) -> str | None:
    """``value`` as an RFC 3339 date-time, or None when it has no such form.

    A date-time with an offset is itself; a local time gets the offset of
    ``zone`` when one is given.  A date only, or a local time with no zone,
    has none: no midnight and no offset are made up.
    """
    from convert.formats.dates import zoned  # not at import: the CLI's --help reads VERSIONS

    value = zoned(value, zone)
    return value if _RFC3339.fullmatch(value) else None


def document_date(written: str | None, kept: str | None) -> str | None:
    """The Document date from a ninjs date-time and the kept original, if any.

    The original wins when the date-time is absent (it had no ninjs form) or
    still agrees with it (an editor who changed the date-time is believed).
    """
    if kept is not None and (written is None or written.startswith(kept)):
        return kept
    return written


# ---------------------------------------------------------------- what cannot be carried


def unzoned_dates(doc: Document, version: str, zone: str | None = None) -> list[str]:
    """Warnings for dates with no RFC 3339 form (a date only, or no zone): such a
    date is kept only as an alternative id, and an embargo makes the item withheld."""
    p = profile(version)
    found: list[str] = []
    for field, key in p.dates + (("version_created", p.version_created),):
        value = getattr(doc, field)
        if value is None or key is None or ninjs_datetime(value, zone) is not None:
            continue
        found.append(f"ninjs {version}: {field} {value!r} states no time zone (or no time), "
                     f"so {key!r} is left out and the value kept as altId "
                     f"{DATE_ROLE_PREFIX}{field}; give --timezone to write it")
        if field == "embargoed" and doc.pub_status == "usable":
            found.append(f"ninjs {version}: written pubStatus withheld, as the embargo time "
                         "cannot be written")
    return found



def lost_fields(doc: Document, version: str, zone: str | None = None) -> list[str]:
    """Document fields that ninjs ``version`` has no place for (dotted names).

    The same for every version today (all three lack them), but asked per
    version so that the warning names the version.  ``dateline`` means the
    whole dateline (it has no place), ``dateline.date_text`` only its date.
    """
    profile(version)
    lost: list[str] = []
    if any(byline.role is not None for byline in doc.bylines):
        lost.append("bylines.role")
    if doc.dateline is not None:
        if doc.dateline.place is None:
            lost.append("dateline")
        elif doc.dateline.date_text is not None:
            lost.append("dateline.date_text")
    if len(passed_through(doc.extra, version)) < len(doc.extra):
        lost.append("extra")
    return lost + _lost_details(doc, profile(version))


def _lost_details(doc: Document, p: NinjsProfile) -> list[str]:
    """The ninjs details ``p``'s version has no place for: a role 1.x cannot spell in a
    key, a body whose key another already took, an association date with no RFC 3339
    form, a file with no absolute URI, a concept detail its array does not define."""
    from convert.model import ABSOLUTE_URI, PLAIN_TYPE, item_associations

    lost: list[str] = []
    if doc.event_details is not None and p.event_details_key is None:
        lost.append("event_details")
    if any(body.text is None and not writable_body(body) for body in doc.bodies):
        lost.append("bodies (a body of a media type newsconvert does not write, with no text)")
    if p.flat and doc.headline_role is not None and doc.headline is not None \
            and not FLAT_ROLE.fullmatch(doc.headline_role):
        lost.append("headline_role")
    if p.flat:
        keys = [flat_body_key(body) for body in doc.bodies]
        if any(b.role is not None and key != f"body_{b.role}"
               for key, b in zip(keys, doc.bodies)):
            lost.append("bodies.role (1.x: the key names the role and the media type)")
        if any(flat_body_type(key.removeprefix("body_")) != (body.content_type or PLAIN_TYPE)
               and not (is_html_body(body.content_type) and is_html_body(key))
               for key, body in zip(keys, doc.bodies)):
            lost.append("bodies.content_type (1.x: the key's role implies it)")
        if len(set(keys)) < len(keys):
            lost.append("bodies (two with the same key: the first is written)")
    associations = item_associations(doc)
    for field, _ in p.association_details:
        if field.endswith("_created") and any(
                getattr(a, field) is not None and ninjs_datetime(getattr(a, field)) is None
                for a in associations):
            lost.append(f"associations.{field} (no RFC 3339 form)")
    if any(not ABSOLUTE_URI.fullmatch(r.href) for r in doc.renditions) or any(
            not ABSOLUTE_URI.fullmatch(r.href) for a in associations for r in a.renditions):
        lost.append("renditions.href (not an absolute URI)")
    concepts = [("subjects", c, True) for c in doc.subjects] + \
        [("genres", c, False) for c in doc.genres] + [("about", c, False) for c in doc.about]
    for name, concept, subject in concepts:
        if concept.contact_info and concept.kind not in CONTACT_KINDS:
            lost.append(f"{name}.contact_info")
        if concept.geometry is not None and concept.kind not in GEOMETRY_KINDS:
            lost.append(f"{name}.geometry")
        if not subject and any(getattr(concept, key) is not None for key in SUBJECT_DETAILS):
            lost.append(f"{name}.creator, relevance, confidence")
    return list(dict.fromkeys(lost))
