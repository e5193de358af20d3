"""IPTC NewsML-G2 reader: a newsItem, a packageItem, or every item of a newsMessage.

The metadata mapping is the inverse of ``convert/writers/newsml.py`` (table
in README.md).  Bodies: XHTML or NITF inside ``inlineXML``, plain text in
``inlineData``; a packageItem's body is the list of the items it references.

Nothing the model can hold is thrown away: NewsML-G2 metadata that has no
Document field of its own (an agency's ``subject`` codes, ``edNote``, a
``provider`` qcode...) is kept in ``Document.extra`` as
``newsml:<container>/<element>`` -> the elements as XML, whenever it differs
from what the writer would derive from the Document; the writer puts it back.  So is a
producer's own element of another namespace (Reuters' ``rtr:versionedId``), under its
namespace-qualified name, where the schema has an extension point for it.

Input is parsed by :func:`convert.formats.safexml.iterparse_untrusted` (no DTD, no
entities, no network).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import unquote

from convert.errors import ConvertError
from convert.formats import newsml as g2
from convert.formats.body import XHTML
from convert.formats.body.parse import BodyParser
from convert.formats.newsml import NAR, XML_LANG
from convert.formats.nitf import (
    TTNITF_CONTENT_TYPE, NitfBodyParser, NitfHead, TtnitfBodyParser, nitf_body, nitf_head,
    ttnitf_head,
)
from convert.formats import vocabulary
from convert.formats.dates import colon_offset, has_offset, instant as _instant
from convert.model import (
    ABOUT_REL, ITEM_TYPE_NAMES, PUB_STATUSES, Association, Block, Byline, Concept, Contributor, Dateline,
    Description, Document, ItemType, Link, ListBlock, Paragraph, ParseWarning, Provenance,
    PubStatus, Rendition, own_associations, written_byline,
)
from convert.options import ReadOptions
from convert.formats.safexml import (
    declared_encoding, iterparse_untrusted, local_name, source_line, text_content,
)

if TYPE_CHECKING:
    from lxml import etree

ITEM_TYPES = ("newsItem", "packageItem")
#: Elements whose whole meaning is a Document value: written from it, never copied
#: (a source's invalid value, such as an empty versionCreated, must not come out again).
_READ_AS_VALUES = frozenset({"versionCreated", "firstCreated", "embargoed", "urgency",
                             "contentCreated", "contentModified"})
#: ``versionCreated/@howuri`` of times newsconvert made up rather than read: the
#: conversion time, and (files from before schema 2) an article date completed with midnight.
_DERIVED_TIMES = (vocabulary.STAMPED, "cv/how/date-only")
_MODEL_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?")


def read(data: bytes, options: ReadOptions) -> Document:
    """The first item (a newsMessage may hold several: see :func:`read_all`)."""
    return next(read_all(data, options))


def read_all(data: bytes, options: ReadOptions) -> Iterator[Document]:
    """Every item, read as the file streams by: a large newsMessage is never held whole."""
    encoding = declared_encoding(data)
    root: etree._Element | None = None
    items = 0
    for event, element in iterparse_untrusted(data, options.source_name):
        if root is None:
            root = element
            if local_name(root) in (*ITEM_TYPES, "newsMessage") and not _is_nar(root):
                namespace = etree_namespace(root)
                raise _error(options, root, f"root element <{local_name(root)}> lacks the NewsML-G2 "
                             f"namespace (xmlns=\"{NAR}\"); "
                             + (f"it is in {namespace!r}" if namespace else "it has none"))
            if not _is_nar(root) or local_name(root) not in (*ITEM_TYPES, "newsMessage"):
                raise _error(options, root, f"root element <{local_name(root)}> is not a NewsML-G2 "
                             "newsItem, packageItem or newsMessage")
        if event != "end":
            continue
        if element is root:
            if local_name(root) in ITEM_TYPES:
                yield _item(root, options, encoding)
            elif not items:
                raise _error(options, root, "the newsMessage holds no item")
            return
        parent = element.getparent()
        if (parent is not None and parent.getparent() is root and local_name(parent) == "itemSet"
                and local_name(root) == "newsMessage"):
            if local_name(element) not in ITEM_TYPES:
                raise _error(options, element, f"<{local_name(element)}> in a newsMessage is not "
                             "supported (only newsItem and packageItem are)")
            items += 1
            yield _item(element, options, encoding)
            element.clear(keep_tail=True)  # type: ignore[call-arg]  # missing from lxml-stubs
            while element.getprevious() is not None:
                del parent[0]


# ---------------------------------------------------------------- XML helpers


def etree_namespace(element: etree._Element) -> str | None:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else None


def _is_nar(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith(f"{{{NAR}}}")


def _children(parent: etree._Element | None, *path: str) -> list[etree._Element]:
    """NewsML-G2 elements along ``path`` ("*" matches any NewsML-G2 element)."""
    found = [] if parent is None else [parent]
    for step in path:
        found = [child for element in found for child in element
                 if _is_nar(child) and (step == "*" or local_name(child) == step)]
    return found


def _first(parent: etree._Element | None, *path: str) -> etree._Element | None:
    found = _children(parent, *path)
    return found[0] if found else None


def _error(options: ReadOptions, element: etree._Element, message: str) -> ConvertError:
    return ConvertError(message, source=options.source_name, line=source_line(element),
                        code="invalid")


@dataclass
class _Context:
    """What one item's reading needs: text handling and the warnings so far."""

    options: ReadOptions
    #: Written by newsconvert: whitespace in text is content, keep it verbatim.
    verbatim: bool = False
    warnings: list[ParseWarning] = field(default_factory=list)

    def text(self, element: etree._Element | None) -> str | None:
        if element is None:
            return None
        text = text_content(element)
        return text if self.verbatim else " ".join(text.split())

    def value(self, element: etree._Element | None, field: str) -> str | None:
        """The text of ``element`` for Document ``field``; an empty one (a producer's
        ``<slugline/>``) states nothing: absent, with a warning naming the field."""
        text = self.text(element)
        if element is not None and not (text or "").strip():
            self.warn("newsml-empty", f"<{local_name(element)}> is empty: {field} left out",
                      element)
            return None
        return text

    def warn(self, code: str, message: str, element: etree._Element) -> None:
        self.warnings.append(ParseWarning(code, message, source_line(element)))

    def blocks(self, container: etree._Element, parser_type: type[BodyParser] = BodyParser
               ) -> tuple[Block, ...]:
        """The body blocks of ``container``, read by the shared body-markup reader."""
        parser = parser_type(verbatim=self.verbatim, warning_prefix="newsml")
        blocks = parser.blocks(container)
        self.warnings.extend(parser.warnings)
        return blocks


# ---------------------------------------------------------------- items


def _item(item: etree._Element, options: ReadOptions, encoding: str | None) -> Document:
    kind = local_name(item)
    guid = item.get("guid")
    if guid is None:
        raise _error(options, item, f"this {kind} has no guid: not a complete NewsML-G2 item")
    item_meta = _first(item, "itemMeta")
    if item_meta is None:
        raise _error(options, item, f"{kind} {guid!r} has no itemMeta: not a complete "
                     "NewsML-G2 item")
    context = _Context(options, verbatim=_written_by_us(item))
    content_meta = _first(item, "contentMeta")
    body, from_nitf = _body(item, context)
    headline, subheadline = _headlines(content_meta, from_nitf, context)
    concepts = [_concept(e, context) for e in _children(content_meta, "subject")]
    bylines = _bylines(content_meta, context) or from_nitf.get("bylines", ())
    doc = Document(
        id=guid,
        version=_version(item, options),
        language=_language(item, content_meta),
        headline=headline,
        subheadline=subheadline,
        slugline=context.value(_first(content_meta, "slugline"), "slugline"),
        bylines=bylines,
        written_byline=written_byline(context.text(_first(content_meta, "by")), bylines),
        dateline=_dateline(content_meta, context),
        published=_date_time(content_meta, "contentCreated", context),
        updated=_date_time(content_meta, "contentModified", context),
        source=_source(content_meta, context),
        copyright=context.value(_first(item, "rightsInfo", "copyrightNotice"), "copyright"),
        url=_url(item_meta),
        keywords=tuple(keyword for element in _children(content_meta, "keyword")
                       if (keyword := context.value(element, "keyword")) is not None),
        summary=_summary(content_meta, context),
        body=body,
        extra=_extra_properties(content_meta),
        pub_status=_pub_status(item_meta, context),
        item_type=_item_type(item, item_meta),
        alt_ids=tuple((element.get("type") or "", text) for element in
                      _children(content_meta, "altId") if (text := context.text(element))),
        embargoed=_date_time(item_meta, "embargoed", context),
        ednote="\n".join(filter(None, (context.text(e) for e in _children(item_meta, "edNote"))))
        or None,
        urgency=_urgency(content_meta, context),
        signals=tuple(signal.get("qcode") or signal.get("uri") or ""
                      for signal in _children(item_meta, "signal")
                      if signal.get("qcode") or signal.get("uri")),
        version_created=_version_created(item_meta, context),
        first_created=_date_time(item_meta, "firstCreated", context),
        provider=_provider(item_meta, context),
        copyright_holder=_party(_first(item, "rightsInfo", "copyrightHolder"), context),
        usage_terms=context.value(_first(item, "rightsInfo", "usageTerms"), "usage_terms"),
        genres=tuple(_concept(e, context) for e in _children(content_meta, "genre")),
        subjects=tuple(c for c in concepts if c.kind is None),
        about=tuple(c for c in concepts if c.kind is not None),
        contributors=tuple(Contributor(name, element.get("role") or "")
                           for element in _children(content_meta, "contributor")
                           if (name := context.text(_first(element, "name")))),
        descriptions=_descriptions(content_meta, context),
        associations=_associations(item, item_meta, body, guid, context),
    )
    if (doc.first_created and doc.version_created and has_offset(doc.first_created)
            and has_offset(doc.version_created)
            and _instant(doc.version_created) < _instant(doc.first_created)):
        context.warn("newsml-dates", f"versionCreated {doc.version_created} is before "
                     f"firstCreated {doc.first_created}: firstCreated left out (one of them is "
                     "wrong, and no version can be made before the first)", item_meta)
        doc = replace(doc, first_created=None)
    if doc.published is None and doc.updated is None and (
            stated := doc.first_created or doc.version_created) is not None:
        # agencies that state no content date (Reuters, AP) mean the item's own
        context.warn("newsml-content-date", f"no contentCreated: the item's "
                     f"{'firstCreated' if doc.first_created else 'versionCreated'} {stated} is "
                     "read as the date of the content", item_meta)
        doc = replace(doc, published=stated)
    kept = _kept_metadata(item, doc, context)
    return replace(doc, extra=tuple(sorted(doc.extra + kept)),
                   provenance=Provenance("newsml", encoding, tuple(context.warnings)))


def _written_by_us(item: etree._Element) -> bool:
    return any(meta.get("name") == "generator" and meta.get("content") == g2.GENERATOR
               for meta in item.iter(f"{{{XHTML}}}meta"))


def _version(item: etree._Element, options: ReadOptions) -> int:
    raw = (item.get("version") or "1").strip()
    if not raw.isdigit() or int(raw) < 1:
        raise _error(options, item, f"version {raw!r} is not a positive integer")
    return int(raw)


def _language(item: etree._Element, content_meta: etree._Element | None) -> str | None:
    for language in _children(content_meta, "language"):
        if language.get("tag") and not language.get("role"):
            return language.get("tag")
    for element in (item, *item.iterancestors()):  # xml:lang is inherited
        if element.get(XML_LANG):
            return element.get(XML_LANG)
    return None


def _headlines(content_meta: etree._Element | None, from_nitf: NitfHead,
               context: _Context) -> tuple[str | None, str | None]:
    """(headline, subheadline): the contentMeta's, else the NITF head's."""
    headline = subheadline = None
    elements = _children(content_meta, "headline")
    for element in elements:
        if vocabulary.is_term(element.get("roleuri"), vocabulary.SUBHEADLINE_ROLE):
            subheadline = subheadline if subheadline is not None else context.text(element)
        elif headline is None and not element.get("role") and not element.get("roleuri"):
            headline = context.text(element)
    if headline is None:  # only producers' roles (apahltype:title...): the first main-looking one
        headline = next((context.text(element) for element in elements
                         if not vocabulary.is_term(element.get("roleuri"),
                                                   vocabulary.SUBHEADLINE_ROLE)
                         and "sub" not in (element.get("role") or "").lower()), None)
    return (headline if headline is not None else from_nitf.get("headline"),
            subheadline if subheadline is not None else from_nitf.get("subheadline"))


def _bylines(content_meta: etree._Element | None, context: _Context) -> tuple[Byline, ...]:
    """The authors: ``creator``s when the ``by`` line names them, else the ``by`` line.

    Producers use ``creator`` for other parties too (dpa's is an editor's user
    id), so a ``by`` line that does not name the creators wins over them.
    """
    bylines = []
    for creator in _children(content_meta, "creator"):
        name = context.text(_first(creator, "name")) or creator.get("literal")
        if name and (creator.get("role") or g2.AUTHOR_ROLE) in (g2.AUTHOR_ROLE,
                                                                    "ctrol:author"):
            bylines.append(Byline(name, context.text(_first(creator, "note"))))
    by = context.text(_first(content_meta, "by"))
    if by and not all(byline.name in by for byline in bylines):
        return (Byline(by),)
    return tuple(bylines)


#: A dateline as agencies write it: place, the agency in brackets, a dash.
_CREDITED_DATELINE = re.compile(r"([^\W\d][^()\d,]*?)\s*\([^()]+\)\s*[-–—]*$")


def _dateline(content_meta: etree._Element | None, context: _Context) -> Dateline | None:
    """Inverse of the writer's rule: ``located/name`` is the place, ``dateline`` "PLACE, date"."""
    located = _first(content_meta, "located")
    place = context.value(_first(located, "name"), "dateline.place")
    dateline_element = _first(content_meta, "dateline")
    written = context.text(dateline_element)
    if place is None and dateline_element is None:
        return None
    if not written:
        return Dateline(place, None)
    if place is None and (credited := _CREDITED_DATELINE.match(written)):
        place = credited.group(1)  # dpa: "Waghäusel (dpa) -" names the place
    if place is not None and written.startswith(f"{place}, "):
        return Dateline(place, written[len(place) + 2:])
    return Dateline(place, None if written == place else written)


def _source(content_meta: etree._Element | None, context: _Context) -> str | None:
    """The first ``infoSource`` that names itself (a ``name``, else a ``literal``, as
    Reuters gives it), else the ``creditline``."""
    for info_source in _children(content_meta, "infoSource"):
        if (name := context.text(_first(info_source, "name")) or info_source.get("literal")):
            return name
    return context.text(_first(content_meta, "creditline")) or None


#: Description roles that are the story's summary, best first (``drol:teaser``: dpa).
_SUMMARY_ROLES = ("drol:summary", "drol:teaser")


def _descriptions(content_meta: etree._Element | None, context: _Context
                  ) -> tuple[Description, ...]:
    """Every ``description`` but the summary's (``drol:summary``), with its role."""
    found = []
    for element in _children(content_meta, "description"):
        roles = (element.get("role") or "").split()
        if "drol:summary" in roles:
            continue
        text = context.value(element, "description")
        if text is not None:
            found.append(Description(text, g2.description_role(" ".join(roles))))
    return tuple(found)


def _associations(item: etree._Element, item_meta: etree._Element, body: tuple[Block, ...],
                  item_id: str, context: _Context) -> tuple[Association, ...]:
    """Links to an item of a stated class (``itemClass`` hint: a picture, a video...),
    and a packageItem's ``itemRef``s with the role of their group, each with the hints
    real producers give (title, descriptions, by, ``remoteContent``); those that only
    repeat a figure of the body are not kept twice."""
    found = [_association(link, None, context) for link in _children(item_meta, "link")
             if _first(link, "itemClass") is not None]
    for group in _children(item, "groupSet", "group"):
        found.extend(_association(ref, group.get("role"), context)
                     for ref in _children(group, "itemRef"))
    return own_associations(found, body, item_id)


def _association(link: etree._Element, group: str | None, context: _Context) -> Association:
    """A ``link`` or ``itemRef`` (the two share their hints) as an association."""
    kind = g2.stated_code(_first(link, "itemClass"))
    return Association(
        # a link is read only with its itemClass; an itemRef may lack one: a text item
        type=next((known for known in ITEM_TYPE_NAMES if known == kind),
                  "text" if group is not None else "picture"),
        uri=link.get("residref") or link.get("href") or link.get("guidref"),
        headline=context.text(_first(link, "title")),
        descriptions=tuple(Description(text, g2.description_role(d.get("role")))
                           for d in _children(link, "description")
                           if (text := context.text(d))),
        credit=context.text(_first(link, "by")) or context.text(_first(link, "creditline")),
        renditions=tuple(Rendition(href, name=g2.rendition_name(content.get("rendition")),
                                   content_type=content.get("contenttype"),
                                   width=_whole(content.get("width")),
                                   height=_whole(content.get("height")),
                                   size=_whole(content.get("size")))
                         for content in _children(link, "remoteContent")
                         if (href := content.get("href"))),
        group=group)


def _whole(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def _summary(content_meta: etree._Element | None, context: _Context) -> str | None:
    """The summary: ``drol:summary``, else ``drol:teaser`` (the element is written
    back as the source had it: see kept metadata)."""
    descriptions = [(d, (d.get("role") or "").split()) for d in
                    _children(content_meta, "description")]
    for wanted in _SUMMARY_ROLES:
        for description, roles in descriptions:
            if wanted in roles:
                return context.value(description, "summary")
    return None


def _date_time(parent: etree._Element | None, name: str, context: _Context) -> str | None:
    """An item date-time as written; a value the model cannot hold is kept as XML (warned)."""
    element = _first(parent, name)
    if element is None:
        return None
    value = (element.text or "").strip()
    if _MODEL_DATE.fullmatch(value):
        return value
    fixed = colon_offset(value)
    if fixed != value and _MODEL_DATE.fullmatch(fixed):
        context.warn("newsml-date", f"<{name}> {value!r}: the offset written without its colon "
                     f"(read as {fixed!r}, the same time)", element)
        return fixed
    if value:
        context.warn("newsml-date", f"<{name}> {value!r} is not a date the model can hold "
                     "(ISO 8601 date, or date-time with seconds): left out", element)
    return None


def _version_created(item_meta: etree._Element, context: _Context) -> str | None:
    """The item's own ``versionCreated``; None for one newsconvert stamped at conversion
    (or, in files from earlier versions, derived from the article's date)."""
    element = _first(item_meta, "versionCreated")
    if element is not None and any(vocabulary.is_term(element.get("howuri"), marker)
                                   for marker in _DERIVED_TIMES):
        return None
    return _date_time(item_meta, "versionCreated", context)


def _pub_status(item_meta: etree._Element, context: _Context) -> PubStatus:
    """``stat:usable`` / ``withheld`` / ``canceled``; an unknown status is read as withheld,
    and so is a usable item under an embargo with no end yet (an empty ``embargoed``)."""
    element = _first(item_meta, "pubStatus")
    embargo = _first(item_meta, "embargoed")
    if embargo is not None and not (embargo.text or "").strip():
        context.warn("newsml-embargo", "embargoed with no time (until further notice): read as "
                     "pubStatus withheld, which every format can carry", embargo)
        if element is None or "canceled" not in (element.get("qcode") or element.get("uri") or ""):
            return "withheld"
    if element is None:
        return "usable"  # the NewsML-G2 default
    code = (element.get("qcode") or element.get("uri") or "").rstrip("/")
    status = g2.stated_code(element)
    for known in PUB_STATUSES:
        if status == known:
            return known
    context.warn("newsml-pubstatus", f"pubStatus {code!r} is not usable, withheld or canceled: "
                 "read as withheld (not for publication)", element)
    return "withheld"


def _item_type(item: etree._Element, item_meta: etree._Element) -> ItemType:
    """``itemClass`` ninat:text, picture...; a packageItem is a composite."""
    if local_name(item) == "packageItem":
        return "composite"
    name = g2.stated_code(_first(item_meta, "itemClass"))
    return next((known for known in ITEM_TYPE_NAMES if known == name), "text")


def _urgency(content_meta: etree._Element | None, context: _Context) -> int | None:
    element = _first(content_meta, "urgency")
    if element is None:
        return None
    value = (element.text or "").strip()
    if value.isdigit() and 1 <= int(value) <= 9:
        return int(value)
    context.warn("newsml-urgency", f"urgency {value!r} is not 1 to 9; left out", element)
    return None


def _party(element: etree._Element | None, context: _Context) -> str | None:
    if element is None:
        return None
    return (context.text(_first(element, "name")) or element.get("literal")
            or element.get("qcode") or element.get("uri"))


def _provider(item_meta: etree._Element, context: _Context) -> str | None:
    element = _first(item_meta, "provider")
    if element is not None and vocabulary.is_term(element.get("uri"),
                                                  g2.DEFAULT_PROVIDER_TERM):
        return None
    return _party(element, context)


#: ``subject/@type`` -> ``Concept.kind`` (a topic has no kind).
_KINDS = {**{qcode: kind for kind, qcode in g2.KIND_TYPES.items()}, "cpnat:poi": "place"}


def _concept(element: etree._Element, context: _Context) -> Concept:
    kind = _KINDS.get(element.get("type") or "")
    if kind is None and (element.get("type") or "").startswith("http"):
        kind = _KINDS.get("cpnat:" + (element.get("type") or "").rstrip("/").rsplit("/", 1)[-1])
    return Concept(name=context.text(_first(element, "name")) or None,
                   qcode=element.get("qcode"), uri=element.get("uri"),
                   literal=element.get("literal"), kind=kind,
                   rel=ABOUT_REL if kind is not None else None)


def _url(item_meta: etree._Element) -> str | None:
    for link in _children(item_meta, "link"):
        if link.get("reluri") == g2.CANONICAL_LINK:
            return link.get("href")
    return None


def _is_extra_property(element: etree._Element) -> bool:
    return (local_name(element) == "contentMetaExtProperty"
            and vocabulary.is_term(element.get("reluri"), vocabulary.EXTRA_PROPERTY))


def _extra_properties(content_meta: etree._Element | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(
        (unquote(vocabulary.term_suffix(element.get("reluri", ""), vocabulary.EXTRA_PROPERTY)),
         element.get("value", ""))
        for element in _children(content_meta, "contentMetaExtProperty")
        if _is_extra_property(element)))


# ---------------------------------------------------------------- kept metadata


def _kept_metadata(item: etree._Element, doc: Document,
                   context: _Context) -> tuple[tuple[str, str], ...]:
    """Metadata groups that differ from what the writer derives from ``doc``."""
    derived = g2.derived_parts(doc)
    kept = []
    for container, elements in _metadata_containers(item, context).items():
        for name in dict.fromkeys(g2.kept_name(element) for element in elements
                                  if g2.kept_name(element) not in _READ_AS_VALUES):
            group = [element for element in elements if g2.kept_name(element) == name]
            mine = [element for element in derived[container]
                    if g2.kept_name(element) == name and not _is_extra_property(element)]
            if not g2.still_states(name, group, doc):
                continue  # read otherwise (an unknown status as withheld): written from doc
            if [_canonical(e) for e in group] != [_canonical(e) for e in mine]:
                kept.append((g2.kept_key(container, name),
                             "\n".join(_snippet(element) for element in group)))
    return tuple(kept)


def _metadata_containers(item: etree._Element, context: _Context
                         ) -> dict[str, list[etree._Element]]:
    rights = _children(item, "rightsInfo")
    if len(rights) > 1:
        context.warn("newsml-rights", "only the first rightsInfo is kept", rights[1])
    containers = {
        "newsItem": [child for child in item
                     if not (_is_nar(child) and local_name(child) in g2.STRUCTURAL)
                     and not _declares_unresolved_aliases(child)],
        "rightsInfo": list(rights[0]) if rights else [],
        "itemMeta": [child for element in _children(item, "itemMeta") for child in element
                     if not (_is_nar(child) and local_name(child) == "versionCreated"
                             and any(vocabulary.is_term(child.get("howuri"), marker)
                                     for marker in _DERIVED_TIMES))],
        "contentMeta": [child for element in _children(item, "contentMeta") for child in element
                        if not _is_extra_property(child) and not _names_nobody(child, context)],
    }
    placeable: dict[str, list[etree._Element]] = {}
    for container, elements in containers.items():
        placeable[container] = []
        for element in elements:
            if not isinstance(element.tag, str):
                continue  # comments
            if (_is_nar(element) and local_name(element) in g2.ORDER[container]) or (
                    not _is_nar(element) and container in g2.EXTENSIBLE):
                placeable[container].append(element)  # a producer's own element: verbatim
            elif not (_is_nar(element) and local_name(element) in ("groupSet", "contentSet")):
                context.warn("newsml-dropped", f"<{g2.kept_name(element)}> in {container} is "
                             "not kept (no place for it in a newsItem)", element)
    return placeable


def _names_nobody(element: etree._Element, context: _Context) -> bool:
    """A ``creator`` or ``contributor`` with no name, literal, qcode or uri (TT's
    ``<creator literal=""/>``) states nothing: not kept (warned), so that the authors the
    item names elsewhere (a NITF byline) are written in its place."""
    if not (_is_nar(element) and local_name(element) in ("creator", "contributor")):
        return False
    if context.text(_first(element, "name")) or any(
            (element.get(name) or "").strip() for name in ("literal", "qcode", "uri")):
        return False
    context.warn("newsml-empty", f"<{local_name(element)}> names nobody: left out", element)
    return True


def _declares_unresolved_aliases(element: etree._Element) -> bool:
    """A ``catalog`` the NewsML-G2 writer made for aliases no catalog declared (every
    scheme under :data:`~convert.formats.newsml.UNRESOLVED_SCHEME`): made again from the
    QCodes when the item is written, so not kept (it would be kept twice)."""
    schemes = _children(element, "scheme")
    return (_is_nar(element) and local_name(element) == "catalog" and bool(schemes)
            and all(vocabulary.is_term(scheme.get("uri"), g2.UNRESOLVED_SCHEME)
                    for scheme in schemes))


def _canonical(element: etree._Element) -> str:
    from lxml import etree

    text = etree.tostring(element, method="c14n", exclusive=True).decode()
    return " ".join(re.sub(r"\s*([<>])\s*", r"\1", text).split())


def _snippet(element: etree._Element) -> str:
    """The element as compact XML, without the NewsML-G2 namespace declaration.

    Comments and the indentation between child elements are left out (the
    writer indents again), so that reading what the writer wrote gives the
    very same string back.
    """
    from lxml import etree

    clone = copy.deepcopy(element)
    clone.tail = None
    for comment in list(clone.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove_keeping_tail(comment)
    for node in clone.iter():
        if len(node) and not (node.text or "").strip() and not any(
                (child.tail or "").strip() for child in node):
            node.text = None
            for child in node:
                child.tail = None
    text = etree.tostring(clone, encoding="unicode")
    return text.replace(f' xmlns="{NAR}"', "", 1)


def _remove_keeping_tail(node: etree._Element) -> None:
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


# ---------------------------------------------------------------- bodies


def _body(item: etree._Element, context: _Context
          ) -> tuple[tuple[Block, ...], NitfHead]:
    """The body blocks, and headline/bylines found in a NITF head."""
    if local_name(item) == "packageItem":
        return _package_body(item, context), {}
    contents = _children(item, "contentSet", "*")
    for content in contents:
        root = next((child for child in content if isinstance(child.tag, str)), None)
        if local_name(content) == "inlineXML" and root is not None and local_name(root) == "html":
            return _xhtml_body(root, context), {}
        if local_name(content) == "inlineXML" and root is not None and local_name(root) == "nitf":
            return _nitf_body(root, context)
        if (local_name(content) == "inlineXML" and root is not None and local_name(root) == "BODY"
                and content.get("contenttype") == TTNITF_CONTENT_TYPE):
            return context.blocks(root, TtnitfBodyParser), ttnitf_head(root, context.text)
    for content in contents:
        if local_name(content) == "inlineData" and (content.get("contenttype") or "text/plain"
                                                ).startswith("text/plain"):
            return _plain_body(content.text or ""), {}
    if contents:
        context.warn("newsml-body", "no XHTML, NITF (or TT's TTNITF) or plain-text body; the "
                     "body is empty",
                     contents[0])
    return (), {}


#: White space runs, collapsed in C (not word by word: a body may be 100 MB).
_SPACES = re.compile(r"\s{2,}|[^\S ]")


def _plain_body(text: str) -> tuple[Block, ...]:
    paragraphs = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    return tuple(Paragraph((_SPACES.sub(" ", p).strip(),)) for p in paragraphs if p.strip())


def _package_body(item: etree._Element, context: _Context) -> tuple[Block, ...]:
    references = [ref for ref in item.iter(f"{{{NAR}}}itemRef")]
    context.warn("newsml-package", "a packageItem has no text of its own: its body lists the "
                 "items it references", item)
    if not references:
        return ()
    entries = tuple(
        (Link((context.text(_first(ref, "title")) or ref.get("residref") or "",),
              ref.get("residref") or ref.get("href") or ""),)
        for ref in references)
    return (ListBlock(entries),)


class _XhtmlBodyParser(BodyParser):
    """Producers' XHTML bodies: an ``<header>`` (dpa: date, keywords, headline) holds
    metadata the item states in contentMeta, not story text."""

    SKIPPED = BodyParser.SKIPPED | {"header"}


def _xhtml_body(html: etree._Element, context: _Context) -> tuple[Block, ...]:
    body = next((child for child in html if local_name(child) == "body"), None)
    if body is None:
        return ()
    for header in body.iter(f"{{{XHTML}}}header"):
        context.warn("newsml-header", "the XHTML <header> (date, keywords, headline) is item "
                     "metadata: left out of the body", header)
    return context.blocks(body, _XhtmlBodyParser)


def _nitf_body(nitf: etree._Element, context: _Context
               ) -> tuple[tuple[Block, ...], NitfHead]:
    body = nitf_body(nitf)
    if body is None:
        return (), {}
    return context.blocks(body, NitfBodyParser), nitf_head(body, context.text)
