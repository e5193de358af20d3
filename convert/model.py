"""The canonical news document.

Plain frozen dataclasses: no I/O and no knowledge of any file format. Every
reader produces a :class:`Document` and every writer consumes one, so a writer
never has to re-parse text.

Inline text is a tuple of *inlines*: plain ``str`` runs mixed with
:class:`Emphasis`, :class:`Strong` and :class:`Link` nodes.  Dates are kept as
ISO 8601 strings because their precision matters: ``"2014-10-06"`` (a date
only) is not the same statement as ``"2014-10-06T00:00:00"``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Literal, TypeVar, Union, cast

try:  # the interpreter's own SHA-1 and SHA-256: hashlib loads OpenSSL, ~11 M instructions
    from _sha1 import sha1  # type: ignore[import-not-found]
    from _sha256 import sha256  # type: ignore[import-not-found]
except ImportError:  # another interpreter, or a CPython without them (3.12 has _sha2)
    from hashlib import sha1, sha256

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True)
class Emphasis:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    content: tuple[Inline, ...]
    href: str


Inline = Union[str, Emphasis, Strong, Link]
Inlines = tuple[Inline, ...]


def plain_text(inlines: Inlines) -> str:
    """The text of ``inlines`` with all markup removed."""
    return "".join(
        part if isinstance(part, str) else plain_text(part.content) for part in inlines
    )


# ---------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    type: Literal["paragraph"] = field(default="paragraph", init=False)


@dataclass(frozen=True)
class Heading:
    content: Inlines
    level: int = 2
    type: Literal["heading"] = field(default="heading", init=False)


@dataclass(frozen=True)
class Quote:
    """A block quote (or pull quote); ``attribution`` names who said it."""

    content: Inlines
    attribution: str | None = None
    type: Literal["quote"] = field(default="quote", init=False)


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Inlines, ...]
    ordered: bool = False
    type: Literal["list"] = field(default="list", init=False)


@dataclass(frozen=True)
class Figure:
    """A photo or video with its caption; ``src`` is absent for text-only input."""

    caption: Inlines
    credit: str | None = None
    src: str | None = None
    type: Literal["figure"] = field(default="figure", init=False)


NoteKind = Literal["correction", "editors-note", "note"]


@dataclass(frozen=True)
class Note:
    """A correction or editor's note: content, shown apart from the story."""

    content: Inlines
    kind: NoteKind = "note"
    type: Literal["note"] = field(default="note", init=False)


@dataclass(frozen=True)
class Table:
    """Rows of cells: an earnings, results or price table in wire copy (``Shr 28 cts vs
    22 cts``, or columns aligned with spaces).  A row may have fewer cells than others
    (a label over the rows below it)."""

    rows: tuple[tuple[Inlines, ...], ...]
    type: Literal["table"] = field(default="table", init=False)


Block = Union[Paragraph, Heading, Quote, ListBlock, Figure, Note, Table]
BLOCK_TYPES: dict[str, type] = {
    "paragraph": Paragraph,
    "heading": Heading,
    "quote": Quote,
    "list": ListBlock,
    "figure": Figure,
    "note": Note,
    "table": Table,
}

# ---------------------------------------------------------------- metadata


@dataclass(frozen=True)
class Byline:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Dateline:
    place: str | None = None
    date_text: str | None = None


#: NewsML-G2 ``pubStatus`` / ninjs ``pubStatus``: a ``canceled`` (killed) or
#: ``withheld`` story must never come out ``usable``.
PubStatus = Literal["usable", "withheld", "canceled"]
PUB_STATUSES: tuple[PubStatus, ...] = ("usable", "withheld", "canceled")
#: What the item is (NewsML-G2 ``itemClass`` ninat:*, ninjs ``type``).
ItemType = Literal["text", "picture", "video", "audio", "graphic", "composite"]
ITEM_TYPE_NAMES: tuple[ItemType, ...] = ("text", "picture", "video", "audio", "graphic", "composite")


@dataclass(frozen=True)
class Concept:
    """A subject, genre or entity in the news, from a vocabulary or free text.

    ``qcode`` is the code as the source wrote it (``medtop:20000763``; it means
    something only through a catalog), ``uri`` the same concept as a full URI
    where known, ``literal`` a free-text identifier.  ``kind`` says what an
    entity in the news is (``person``, ``organisation``, ``place``, ``event``,
    ``object``), None for a topic or genre; ``rel`` how the item relates to it, as
    the source states it (None: not stated; a NewsML-G2 subject of a kind is
    :data:`ABOUT_REL`).
    """

    name: str | None = None
    qcode: str | None = None
    uri: str | None = None
    literal: str | None = None
    kind: str | None = None
    rel: str | None = None
    # -- entity details (canonical schema 3, optional keys; ninjs: see ENTITY DETAILS below)
    #: Where a place is: a GeoJSON object (ninjs 3.1 ``geoJSON``, 2.2 ``geojson``, 1.6
    #: ``geometry_geojson``) as compact JSON text with its keys sorted, so the concept
    #: stays hashable and one object has one text.
    geometry: str | None = None
    #: How to reach a person, organisation or place (ninjs ``contactInfo``).
    contact_info: tuple[ContactInfo, ...] = ()
    #: Who (person, organisation or system: TT's ``system``) assigned this subject.
    creator: str | None = None
    #: How relevant the subject is to the item, 0 to 100.
    relevance: int | None = None
    #: How sure its ``creator`` was in assigning it, 0 to 100.
    confidence: int | None = None


# ---------------------------------------------------------------- ninjs details
# Added together (canonical schema 3, optional keys): entity contact details, the item's
# bodies as its source gave them, its own renditions, association dates and rights.


@dataclass(frozen=True)
class Address:
    """A postal address (ninjs ``contactInfo.address``)."""

    lines: tuple[str, ...] = ()
    locality: str | None = None
    #: A subdivision of the country (state, region).
    area: str | None = None
    postal_code: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class ContactInfo:
    """One way to reach a party: a phone number, web page, e-mail (``value``) or an
    ``address``; ``type`` the method (``phone``, ``url``), ``role`` which one (``work``)."""

    type: str | None = None
    role: str | None = None
    name: str | None = None
    value: str | None = None
    address: Address | None = None
    #: BCP 47 language of this contact information.
    lang: str | None = None


@dataclass(frozen=True)
class BodyText:
    """One body of the item as its source gave it (ninjs ``bodies``, 1.x ``body_<role>``):
    its role (``main``, ``xhtml``, ``nitf``...) and media type, and ``text`` when it is
    not the item's own body in that form: a body newsconvert cannot write from the
    model (a NITF document), or a plain text that says something else (SIPA's picture
    caption).  ``text`` None: written from :attr:`Document.body` (HTML or plain text,
    by the media type)."""

    role: str | None = None
    content_type: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class EventDetails:
    """What an item about a planned event says of the event (ninjs 3.1 ``eventDetails``):
    when it starts and ends (RFC 3339), its status and its coverage's status (URIs of
    IPTC's eventstatus and newscoveragestatus), who organises it."""

    start: str | None = None
    end: str | None = None
    status: str | None = None
    coverage_status: str | None = None
    organiser: Concept | None = None


#: ``BodyText.content_type`` of an HTML body; of a plain-text one; of a NITF document
#: (IANA's registration, as IPTC's ninjs examples write it).
HTML_TYPE = "text/html"
PLAIN_TYPE = "text/plain"
NITF_TYPE = "text/vnd.IPTC.NITF"


#: ``Concept.rel`` of a person, organisation, place... the item is about (in the news).
ABOUT_REL = "about"


@dataclass(frozen=True)
class Contributor:
    """Someone who worked on the item besides its authors (NewsML-G2 ``contributor``).

    ``role`` is a QCode from IPTC's content production party roles, such as
    ``cpprole:contentEditor``; empty when the input gives none.
    """

    name: str
    role: str = ""


#: The role of an editor ("Edited by ...").
EDITOR_ROLE = "cpprole:contentEditor"


@dataclass(frozen=True)
class Description:
    """A description of the item other than its summary, with its role as the source
    named it (NewsML-G2 ``drol:teaser``, ninjs ``text``; None: no role)."""

    text: str
    role: str | None = None
    #: IANA media type as the source stated it (ninjs ``contentType``: ``text/plain``).
    content_type: str | None = None


@dataclass(frozen=True)
class Rendition:
    """One file of a picture or other media item: where it is and what it is."""

    href: str
    #: The producer's name for the rendition (ninjs ``name``: ``highres``, ``r00``...).
    name: str | None = None
    title: str | None = None
    #: IANA media type (``image/jpeg``).
    content_type: str | None = None
    width: int | None = None
    height: int | None = None
    #: Size of the file in bytes.
    size: int | None = None
    #: A refinement of the media type (ninjs ``format``: ``JPEG Baseline``, ``IIM``).
    format: str | None = None


@dataclass(frozen=True)
class Association:
    """A picture (or video, audio, graphic, story) that goes with the item: ninjs
    ``associations``, a NewsML-G2 ``link`` with the target's properties as hints.

    ``name`` is how the item refers to it (ninjs association name, TT's ``a001``);
    ``descriptions`` hold its caption (role ``caption``, or as the source named it);
    ``credit`` is who made it (ninjs ``by``).
    """

    type: ItemType = "picture"
    name: str | None = None
    uri: str | None = None
    headline: str | None = None
    descriptions: tuple[Description, ...] = ()
    credit: str | None = None
    renditions: tuple[Rendition, ...] = ()
    #: The package group it belongs to, for the items of a composite (NewsML-G2
    #: packageItem ``group/@role``, such as ``group:main``; ninjs 3.1 association ``rel``).
    group: str | None = None
    # -- the associated item's own dates and rights (ninjs details, optional keys)
    first_created: str | None = None
    version_created: str | None = None
    copyright_notice: str | None = None
    copyright_holder: str | None = None
    usage_terms: str | None = None
    #: ``full`` or ``partial``: whether the association states all of the item (ninjs
    #: ``representationType``; TT's picture is ``partial``).
    representation_type: str | None = None


#: The description role of a caption (IPTC description roles: drol:caption).
CAPTION_ROLE = "caption"


#: ``name`` of the association made for the n-th figure of a body (``figure_1``...: ninjs
#: 1.6 names must match ``^[a-zA-Z0-9_]+``), and of the rendition of its file (IPTC
#: rendition code ``web``).
FIGURE_NAME = "figure_{}"
FIGURE_RENDITION = "web"


#: An absolute URI (a scheme, then no white space).
ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def figure_association(figure: Figure, number: int, item_id: str) -> Association:
    """The picture the ``number``-th figure of item ``item_id`` shows, as an association:
    its caption, credit and file (its uri: the file, else the item's uri and the figure's
    name as fragment; a relative ``src``, such as an EPUB's ``images/p.jpg``, locates
    nothing outside its book and is no rendition).  How writers that carry associations
    state a figure, and how their readers recognise an association that only repeats a
    figure of the body."""
    caption = plain_text(figure.caption)
    name = FIGURE_NAME.format(number)
    src = figure.src if figure.src and ABSOLUTE_URI.fullmatch(figure.src) else None
    return Association(
        name=name, uri=src or f"{item_id}#{name}",
        descriptions=(Description(caption, CAPTION_ROLE),) if caption else (),
        credit=figure.credit,
        renditions=(Rendition(src, name=FIGURE_RENDITION),) if src else ())


def _figures(body: Sequence[Block]) -> list[Figure]:
    return [block for block in body if isinstance(block, Figure)]


def item_associations(doc: Document) -> tuple[Association, ...]:
    """Every association of ``doc``: its own, then one for each body figure that none of
    them already shows (the same file, or the same caption)."""
    found = list(doc.associations)
    for number, figure in enumerate(_figures(doc.body), start=1):
        derived = figure_association(figure, number, doc.id)
        if not any(_shows(association, figure, derived) for association in doc.associations):
            found.append(derived)
    return tuple(found)


def _shows(association: Association, figure: Figure, derived: Association) -> bool:
    if association == derived:
        return True
    if figure.src and any(r.href == figure.src for r in association.renditions):
        return True
    return bool(derived.descriptions) and any(
        d.text == derived.descriptions[0].text for d in association.descriptions)


def own_associations(associations: Sequence[Association], body: Sequence[Block],
                     item_id: str) -> tuple[Association, ...]:
    """What a reader keeps of the ``associations`` it read: all but those that merely
    repeat a figure of ``body`` (made for it by :func:`item_associations`)."""
    derived = {figure_association(figure, number, item_id)
               for number, figure in enumerate(_figures(body), start=1)}
    # formats with no place for the name (NewsML-G2) give it back as None
    derived |= {replace(association, name=None) for association in derived}
    return tuple(a for a in associations if a not in derived)


@dataclass(frozen=True)
class ParseWarning:
    """Something a reader had to guess or drop; ``line`` is 1-based in the input."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class DroppedText:
    """Input text deliberately left out of the document (known boilerplate).

    Kept here so that nothing is lost silently: ``inspect`` and the canonical
    JSON show what was dropped, from which line, and why.
    """

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Provenance:
    """Where a document came from. Not part of document equality."""

    format: str
    encoding: str | None = None
    warnings: tuple[ParseWarning, ...] = ()
    dropped: tuple[DroppedText, ...] = ()


@dataclass(frozen=True)
class Document:
    id: str
    headline: str | None = None
    version: int = 1
    language: str | None = None
    subheadline: str | None = None
    slugline: str | None = None
    bylines: tuple[Byline, ...] = ()
    dateline: Dateline | None = None
    published: str | None = None
    updated: str | None = None
    source: str | None = None
    copyright: str | None = None
    url: str | None = None
    keywords: tuple[str, ...] = ()
    summary: str | None = None
    body: tuple[Block, ...] = ()
    #: Metadata a reader found but the model has no field for, kept so that a
    #: round trip loses nothing (name -> value, sorted by name).
    extra: tuple[tuple[str, str], ...] = ()
    # -- news-item metadata (canonical schema 2). ``published`` / ``updated``
    # are the *content's* dates (NewsML-G2 contentCreated / contentModified);
    # the item's own are ``first_created`` and ``version_created``.
    pub_status: PubStatus = "usable"
    item_type: ItemType = "text"
    #: Other identifiers of the item: (type or role, value), e.g. an agency's story number.
    alt_ids: tuple[tuple[str, str], ...] = ()
    #: Not to be published before this date-time.
    embargoed: str | None = None
    #: A note to the receiving editors, not for publication.
    ednote: str | None = None
    #: 1 (most urgent) to 9.
    urgency: int | None = None
    #: NewsML-G2 signal QCodes: ``sig:update``, ``sig:correction``...
    signals: tuple[str, ...] = ()
    #: When this version of the item was made, as the input stated it.
    version_created: str | None = None
    #: When the first version of the item was made, as the input stated it.
    first_created: str | None = None
    #: The party that supplies the item (NewsML-G2 ``provider``); ``source``
    #: is where its content comes from (``infoSource``).
    provider: str | None = None
    copyright_holder: str | None = None
    usage_terms: str | None = None
    subjects: tuple[Concept, ...] = ()
    genres: tuple[Concept, ...] = ()
    #: People, organisations, places... in the news (each with its ``kind``).
    about: tuple[Concept, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    # -- canonical schema 3
    #: Descriptions other than the summary (teaser, caption of a picture item...).
    descriptions: tuple[Description, ...] = ()
    #: Pictures and other media that go with the item (beyond the figures in its body).
    associations: tuple[Association, ...] = ()
    #: The byline as the source wrote it (NewsML-G2 ``by``, ninjs ``by``) when that is
    #: not just the authors' names joined by commas ("Ann Lee and Bo Ek").
    written_byline: str | None = None
    # -- ninjs details (canonical schema 3, optional keys)
    #: The role the source gave the headline (ninjs 1.x ``headline_<role>``, such as IPTC's
    #: ``headline_main``; later versions' ``headlines`` role); None: the plain headline.
    headline_role: str | None = None
    #: The bodies as the source gave them, in its order (see :class:`BodyText`); empty:
    #: the writer's own choice (ninjs: an HTML and a plain-text body).
    bodies: tuple[BodyText, ...] = ()
    #: The item's own files, for a picture, video or audio item (ninjs ``renditions``).
    renditions: tuple[Rendition, ...] = ()
    event_details: EventDetails | None = None
    provenance: Provenance = field(default=Provenance("unknown"), compare=False)


def with_metadata(doc: Document, pairs: Sequence[tuple[str, str]]) -> Document:
    """``doc`` with fields set from ``KEY=VALUE`` pairs (``--metadata``):
    any text or number field of :class:`Document` by name, ``keywords`` as a
    comma-separated list.  Raises ``ValueError`` naming the keys it takes."""
    settable = metadata_keys()
    changes: dict[str, object] = {}
    for key, value in pairs:
        kind = settable.get(key)
        if kind is None:
            raise ValueError(f"unknown metadata key {key!r}; known: {', '.join(settable)}")
        if kind == "int":
            if not value.isdigit():
                raise ValueError(f"metadata {key} must be a whole number, not {value!r}")
            changes[key] = int(value)
        elif kind == "list":
            changes[key] = tuple(part.strip() for part in value.split(",") if part.strip())
        else:
            changes[key] = value
    return replace(doc, **changes) if changes else doc  # type: ignore[arg-type]


def metadata_keys() -> dict[str, str]:
    """The fields ``--metadata`` can set, and their kind (text, int, list)."""
    kinds = {"str | None": "text", "str": "text", "int": "int", "tuple[str, ...]": "list"}
    return {item.name: kinds[str(item.type)] for item in fields(Document)
            if str(item.type) in kinds and item.name != "id"}


ID_NAMESPACE = uuid.UUID("6f1d3f4e-2b9a-5c4e-9a57-6e657773636f")


def content_id(headline: str | None, body_text: str) -> str:
    """A stable id derived from the content: the same article, the same id.

    A ``urn:uuid:`` (UUID version 5) so that every target format (NewsML-G2
    ``guid``, ninjs ``uri``, EPUB ``dc:identifier``) can carry it as-is.
    """
    return _uuid5(sha256(f"{headline or ''}\n{body_text}".encode()).hexdigest())


def item_id(doc: Document) -> str:
    """A guid that stays the same for every version of a story: a ``urn:uuid:``
    derived from what does not change between versions (source, slugline, else
    headline, first-created date), never from the body (fixing one figure is a
    new version of the same item, not a new item)."""
    first = doc.first_created or doc.published or ""
    key = "\n".join(("item", doc.source or "", doc.slugline or doc.headline or "", first[:10]))
    return _uuid5(sha256(key.encode()).hexdigest())


def _uuid5(name: str) -> str:
    """``urn:uuid:`` and :func:`uuid.uuid5` of ``name`` in :data:`ID_NAMESPACE`, computed
    as it computes it (its ``from hashlib import sha1`` would load OpenSSL)."""
    digest = sha1(ID_NAMESPACE.bytes + name.encode()).digest()
    return f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"


def block_text(block: Block) -> str:
    """The plain text of one body block (list items and table rows joined by newlines,
    a row's cells by tabs)."""
    if isinstance(block, ListBlock):
        return "\n".join(plain_text(item) for item in block.items)
    if isinstance(block, Table):
        return "\n".join("\t".join(plain_text(cell) for cell in row) for row in block.rows)
    if isinstance(block, Figure):
        return plain_text(block.caption)
    return plain_text(block.content)


def byline_text(doc: Document) -> str | None:
    """The byline to write: as the source wrote it, else the authors' names joined."""
    if doc.written_byline is not None:
        return doc.written_byline
    return ", ".join(byline.name for byline in doc.bylines) or None


def written_byline(written: str | None, bylines: Sequence[Byline]) -> str | None:
    """What a reader keeps of the byline it read: all of it, unless it is just the
    authors' names joined (which :func:`byline_text` makes again)."""
    if written is None or written == ", ".join(byline.name for byline in bylines):
        return None
    return written


def body_text(blocks: tuple[Block, ...]) -> str:
    """The story as plain text: every block but the figures (a caption is not story text,
    nor counted in its words; the picture is an association)."""
    return "\n\n".join(block_text(block) for block in blocks if not isinstance(block, Figure))


# ---------------------------------------------------------------- passes

Node = TypeVar("Node")


#: Fields holding a code from a closed list (``Literal``), not text: never changed.
_CODE_FIELDS = frozenset({"pub_status", "item_type", "kind"})


def map_text(node: Node, change: Callable[[str], str]) -> Node:
    """``node`` (a Document or any part of one) with ``change`` applied to every
    string in it: text, attributes, metadata and provenance alike.

    The model's one generic traversal (pandoc-types' ``walk``), so a clean-up
    over all text is a pass over the tree, not a trip through a file format.
    """
    if isinstance(node, str):
        return cast(Node, change(node))
    if isinstance(node, tuple):
        return cast(Node, tuple(map_text(item, change) for item in node))
    if is_dataclass(node) and not isinstance(node, type):
        changed = {part.name: map_text(getattr(node, part.name), change)
                   for part in fields(node) if part.init and part.name not in _CODE_FIELDS}
        return cast(Node, replace(node, **changed))
    return node
