"""The Document <-> IPTC ninjs mapping: one table per ninjs version, used both ways.

The writer (``convert/writers/ninjs.py``) and the reader
(``convert/readers/ninjs.py``) both walk a :class:`NinjsProfile`, so a key
name lives in exactly one place.  3.1 spells keys in camelCase and keeps
texts in role-tagged arrays (``headlines``, ``bodies``, ``descriptions``);
2.2 has the same arrays in lower case; 1.6 is flat (``headline``,
``body_html``, ``byline``) with singular subject arrays (``person``).

Dates: ninjs dates are RFC 3339 date-times (offset required), while a
Document date may be a date only (``2022-11-29``) or a local time with no
offset.  Such a value is written completed with midnight and/or the RFC 3339
"unknown offset" ``-00:00``, *and* its exact written form is kept as an
alternative id with role ``newsconvert:published`` / ``newsconvert:updated``
(ninjs leaves alternative-id names to the provider), so no time or zone is
invented silently and the reader restores the value as it was.

Light on purpose: no heavy imports, so the CLI may import it at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from typing import TYPE_CHECKING

from convert.errors import ConvertError

if TYPE_CHECKING:
    from convert.model import Document

#: Role of the alternative id that carries the Document ``url``.
URL_ROLE = "url"
#: Role prefix of the alternative ids that keep a date as the Document wrote it.
DATE_ROLE_PREFIX = "newsconvert:"
#: ``rel`` of the ``people`` entries that are the story's bylines.
AUTHOR_REL = "author"
#: RFC 3339 section 4.3: the offset to local time is unknown.
UNKNOWN_OFFSET = "-00:00"


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
    #: Document date field -> ninjs date-time key.
    dates: tuple[tuple[str, str], ...]
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

    @property
    def schema_uri(self) -> str:
        return f"http://www.iptc.org/std/ninjs/ninjs-schema_{self.version}.json"

    @property
    def flat(self) -> bool:
        return self.headline.role is None

    def keys(self) -> set[str]:
        """Every key this profile writes (top level, plus the array item content type)."""
        slots = (self.headline, self.subheadline, self.summary, self.body_html, self.body_text)
        return ({key for _, key in self.strings + self.dates}
                | {slot.key for slot in slots}
                | {self.standard_key, self.content_type_key, self.alt_ids_key, self.by,
                   self.people, self.info_sources, self.subjects, self.located})

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
                 ("copyright", k("copyrightNotice"))),
        dates=(("published", k("firstCreated")), ("updated", k("versionCreated"))),
        headline=TextSlot("headlines", "main"), subheadline=TextSlot("headlines", "sub"),
        summary=TextSlot("descriptions", "summary", "text/plain"),
        body_html=TextSlot("bodies", "main", "text/html"),
        body_text=TextSlot("bodies", "plain", "text/plain"),
        by="by", people="people", info_sources=k("infoSources"), subjects="subjects",
    )


PROFILES: dict[str, NinjsProfile] = {
    "3.1": _nested("3.1", "camel"),
    "2.2": _nested("2.2", "lower"),
    "1.6": NinjsProfile(
        version="1.6", standard_key="$standard", content_type_key="contenttype",
        alt_ids_key="altids", alt_ids_as_object=True,
        strings=(("language", "language"), ("slugline", "slugline"),
                 ("copyright", "copyrightnotice")),
        dates=(("published", "firstcreated"), ("updated", "versioncreated")),
        headline=TextSlot("headline"), subheadline=TextSlot("headline_sub"),
        summary=TextSlot("description_summary"),
        body_html=TextSlot("body_html"), body_text=TextSlot("body_text"),
        by="byline", people="person", info_sources="infosource", subjects="subject",
    ),
}
VERSIONS = tuple(PROFILES)
#: What the writer writes unless told otherwise, and what the reader assumes
#: of a document that does not say.
DEFAULT_VERSION = "3.1"
#: 1.x's flat text keys (``body_html``, ``headline_sub``, ``description_summary``...).
FLAT_TEXT = re.compile(r"(body|headline|description)_[A-Za-z0-9_]+")


def profile(version: str) -> NinjsProfile:
    try:
        return PROFILES[version]
    except KeyError:
        raise ConvertError(f"unknown ninjs version {version!r}; choose one of "
                           f"{', '.join(VERSIONS)}", code="usage") from None


# ---------------------------------------------------------------- dates

_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def ninjs_datetime(value: str) -> str | None:
    """``value`` as an RFC 3339 date-time: itself when it is one already.

    A date only gets midnight, a local time gets the unknown offset ``-00:00``
    (the caller keeps the original beside it).  None: not an ISO 8601 date.
    """
    if _RFC3339.fullmatch(value):
        return value
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.isoformat() if parsed.tzinfo else parsed.isoformat() + UNKNOWN_OFFSET


def document_date(written: str | None, kept: str | None) -> str | None:
    """The Document date from a ninjs date-time and the kept original, if any.

    The original wins only while it still agrees with the date-time (an editor
    who changed the date-time in the ninjs file is believed).
    """
    if kept is not None and (written is None or ninjs_datetime(kept) == written):
        return kept
    return written


# ---------------------------------------------------------------- what cannot be carried


def lost_fields(doc: Document, version: str) -> list[str]:
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
    if doc.extra:
        lost.append("extra")
    return lost
