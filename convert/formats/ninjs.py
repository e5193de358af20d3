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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from convert.errors import ConvertError
from convert.formats.dates import zoned
from convert.model import ABSOLUTE_URI

if TYPE_CHECKING:
    from convert.model import Document

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


@dataclass(frozen=True)
class TextSlot:
    """Where one text lives: a top-level string, or an array item with a role."""

    key: str
    role: str | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class NinjsProfile:
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

    @property
    def schema_uri(self) -> str:
        return f"http://www.iptc.org/std/ninjs/ninjs-schema_{self.version}.json"

    @property
    def flat(self) -> bool:
        return self.headline.role is None

    def keys(self) -> set[str]:
        """Every key this profile writes (top level, plus the array item content type)."""
        slots = (self.headline, self.subheadline, self.summary, self.body_html, self.body_text)
        return ({key for _, key in self.strings + self.dates if key is not None}
                | {slot.key for slot in slots} | {key for _, key in self.entities}
                | {self.standard_key, self.content_type_key, self.alt_ids_key, self.by,
                   self.people, self.info_sources, self.subjects, self.located,
                   self.version_created, self.pub_status, self.urgency, self.genres,
                   "associations"})

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
    )


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
    ),
}
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


def split_by(by: str) -> list[str]:
    """The authors a ``by`` line names."""
    return [name for name in _BY_SEPARATOR.split(by.strip()) if name]


def ninjs_uri(identifier: str) -> str:
    """``identifier`` as the URI ninjs requires: itself when it is one (an IRI's non-ASCII
    characters percent-encoded, as RFC 3987 maps an IRI to a URI), else under
    :data:`GUID_URN`."""
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
    return lost
