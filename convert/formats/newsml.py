"""NewsML-G2 as this project writes it: names, namespaces and the metadata mapping.

The NewsML-G2 reader, writer and validator meet here.  :func:`derived_parts`
maps a Document's fields to NewsML-G2 elements, grouped by the container they
go in (item root, ``rightsInfo``, ``itemMeta``, ``contentMeta``): the writer
builds items from them and the reader compares an item's metadata with them,
keeping in ``Document.extra`` (under :func:`kept_key` keys) what differs.
The mapping table and the date-time rule are in README.md ("NewsML-G2").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from convert.errors import ConvertError
from convert.formats import vocabulary

if TYPE_CHECKING:
    from lxml import etree

    from collections.abc import Sequence

    from convert.model import Association, Block, Concept, Description, Document
    from convert.options import WriteOptions

NAR = "http://iptc.org/std/nar/2006-10-01/"
#: ``{NAR}`` for ElementTree tag names.
NAR_TAG_PREFIX = f"{{{NAR}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STANDARD_VERSION = "2.35"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"

#: ``creator/@role`` of the story's authors (catalog 41; ``ctrol`` is retired).
AUTHOR_ROLE = "cpprole:author"
#: ``provider/@uri`` (under the vocabulary base, see convert/formats/vocabulary.py)
#: when no provider was given.
DEFAULT_PROVIDER_TERM = "cv/provider/default"
#: The provider written when neither the options nor the input name one.
DEFAULT_PROVIDER = "newsconvert"
#: What an entity in the news is (``Concept.kind``) as a NewsML-G2 concept type.
KIND_TYPES = {"person": "cpnat:person", "organisation": "cpnat:organisation",
              "place": "cpnat:geoArea", "event": "cpnat:event", "object": "cpnat:object"}
CANONICAL_LINK = "http://www.iana.org/assignments/relation/canonical"
#: ``link/@rel`` of an associated picture or other item (as producers link a story's
#: pictures: the story depends on them).
ASSOCIATION_REL = "irel:dependsOn"
#: IPTC description roles (``drol:``) the model names without their alias.
DESCRIPTION_ROLE_ALIAS = "drol"
IPTC_DESCRIPTION_ROLES = frozenset({"caption", "summary", "teaser"})
#: IPTC rendition codes (``rnd:``) the model names without their alias.
RENDITION_ALIAS = "rnd"
IPTC_RENDITIONS = frozenset({"web", "highRes"})
#: ``<meta name="generator">`` in the XHTML body: tells the reader that text is verbatim.
GENERATOR = "newsconvert"
#: ``Document.extra`` keys holding NewsML-G2 metadata kept by the reader.
KEPT_PREFIX = "newsml:"

#: Where each element may go, in schema order (choices flattened, which keeps any order valid).
ORDER: dict[str, tuple[str, ...]] = {
    "newsItem": ("catalogRef", "catalog", "hopHistory", "pubHistory", "rightsInfo", "itemMeta",
                 "contentMeta", "partMeta", "assert", "inlineRef", "derivedFrom",
                 "derivedFromValue", "contentSet"),
    "rightsInfo": ("accountable", "copyrightHolder", "copyrightNotice", "usageTerms", "link",
                   "rightsInfoExtProperty", "rightsExpressionXML", "rightsExpressionData",
                   "dataMining"),
    "itemMeta": ("itemClass", "provider", "versionCreated", "firstCreated", "embargoed",
                 "pubStatus", "role", "fileName", "generator", "profile", "service", "title",
                 "edNote", "memberOf", "instanceOf", "signal", "altRep", "deliverableOf", "hash",
                 "expires", "origRep", "incomingFeedId", "metadataCreator", "link",
                 "itemMetaExtProperty"),
    "contentMeta": ("icon", "urgency", "contentCreated", "contentModified", "digitalSourceType",
                    "located", "infoSource", "creator", "contributor", "audience",
                    "exclAudience", "altId", "rating", "userInteraction", "language", "genre",
                    "keyword", "subject", "slugline", "headline", "dateline", "by", "creditline",
                    "description", "contentMetaExtProperty"),
}
#: Attributes the NewsML-G2 2.35 XSD declares only with QCodeType or
#: QCodeListType (``role`` and ``rel`` are plain strings on some elements).
QCODE_ATTRIBUTES = frozenset({
    "qcode", "type", "concepttype", "encoding", "creator", "how", "why", "rendition", "mode",
    "scope", "aspect", "severity", "representation", "hashtype", "accesstype", "reposrole",
    "residrefformat", "format", "environment", "idformat", "valcalctype", "scaleunit",
    "ratertype", "ratingtype", "interactiontype", "timeunit", "renditionref", "part",
    "symbolsrc", "market", "marketlabelsrc", "radunit", "tech", "target", "pubconstraint",
    "authoritystatus", "derivedfrom", "valueunit", "widthunit", "heightunit",
    "layoutorientation", "colourspace", "colourindicator", "videocodec", "durationunit",
    "audiocodec", "audiochannels", "videoscaling", "videodefinition", "confirmationstatus",
    "jobtitle"})
#: ``href`` of IPTC's own catalogs (any version; group 1: the version).
IPTC_CATALOG_HREF = re.compile(r"iptc\.org/std/catalog/catalog\.IPTC-G2-Standards_(\d+)\.xml$")
#: ``scheme/@uri`` (under the vocabulary base) for an alias that no catalog of
#: the item declares: the source's own code, kept, its scheme unknown.
UNRESOLVED_SCHEME = "cv/scheme/"

#: Item-level elements this writer always makes itself (never taken from kept metadata).
STRUCTURAL = frozenset({"rightsInfo", "itemMeta", "contentMeta", "contentSet"})
#: Elements whose code states a Document field's value (``itemClass`` ninat:text,
#: ``pubStatus`` stat:canceled): kept as the source wrote them (``icls:text``, a catalog
#: ``name``) only while they state the Document's value (see :func:`still_states`).
STATED_FIELDS = {"itemClass": "item_type", "pubStatus": "pub_status"}
#: Elements whose (first one's) text is a Document text field's value, likewise.
STATED_TEXTS = {"slugline": "slugline", "copyrightNotice": "copyright",
                "usageTerms": "usage_terms"}
#: Containers whose schema type ends with an extension point for elements of other
#: namespaces (``xs:any namespace="##other"``): a producer's own elements go there.
EXTENSIBLE = ("rightsInfo", "itemMeta", "contentMeta")

Parts = dict[str, list["etree._Element"]]



def nar(tag: str, text: str | None = None, /, **attributes: str | None) -> etree._Element:
    """A NewsML-G2 element; attributes whose value is None are left out."""
    from lxml import etree

    # lxml-stubs 0.5 types nsmap keys as str; lxml's default namespace has the prefix None
    element = etree.Element(f"{{{NAR}}}{tag}", nsmap={None: NAR})  # type: ignore[dict-item]
    for key, value in attributes.items():
        if value is not None:
            element.set(XML_LANG if key == "xml_lang" else key, value)
    element.text = text
    return element


def _named(tag: str, text: str, /, **attributes: str | None) -> etree._Element:
    element = nar(tag, **attributes)
    element.append(nar("name", _single_line(f"{tag} name", text)))
    return element


def _single_line(field: str, value: str) -> str:
    """NewsML-G2 short strings (g2normalizedString) may not hold tabs or line breaks."""
    if any(char in value for char in "\t\n\r"):
        raise ConvertError(f"the {field} {value!r} holds a tab or line break, which NewsML-G2 "
                           "does not allow there", code="unrepresentable")
    return value


def _options(options: WriteOptions | None) -> WriteOptions:
    from convert.options import WriteOptions

    return options if options is not None else WriteOptions()


def version_created(doc: Document, options: WriteOptions | None = None
                    ) -> tuple[str, str | None]:
    """``versionCreated`` (an xs:dateTime) and its marker, by the documented rule.

    The item's own ``version_created`` as read; else the time of conversion
    (SOURCE_DATE_EPOCH, else now), marked ``not-in-source``.  The article's
    dates are content dates (``contentCreated``/``contentModified``), never this.
    """
    from convert.formats.dates import conversion_time, has_time, zoned  # see _item_meta

    options = _options(options)
    if doc.version_created is not None and has_time(doc.version_created):
        return zoned(doc.version_created, options.timezone), None
    return conversion_time(), vocabulary.term(vocabulary.STAMPED, options.uri_base)


def derived_parts(doc: Document, options: WriteOptions | None = None) -> Parts:
    """The NewsML-G2 elements that stand for the Document's own fields."""
    options = _options(options)
    return {
        "newsItem": [nar("catalogRef", href=IPTC_CATALOG)],
        "rightsInfo": _rights_info(doc),
        "itemMeta": _item_meta(doc, options),
        "contentMeta": _content_meta(doc, options),
    }


def _rights_info(doc: Document) -> list[etree._Element]:
    elements = []
    if doc.copyright_holder:
        elements.append(_named("copyrightHolder", doc.copyright_holder))
    if doc.copyright:
        elements.append(nar("copyrightNotice", doc.copyright))
    if doc.usage_terms:
        elements.append(nar("usageTerms", doc.usage_terms))
    return elements


def _provider(doc: Document, options: WriteOptions) -> etree._Element:
    """The party supplying this item: ``--provider``, else the input's, else the default."""
    if options.provider or doc.provider:
        return _named("provider", options.provider or doc.provider or "")
    return _named("provider", DEFAULT_PROVIDER,
                  uri=vocabulary.term(DEFAULT_PROVIDER_TERM, options.uri_base))


def _item_meta(doc: Document, options: WriteOptions) -> list[etree._Element]:
    # The date rules are imported where items are written: the validator imports
    # this module for its names only.
    from convert.formats.dates import has_time, zoned
    from convert.model import item_associations

    created, marker = version_created(doc, options)
    elements = [
        nar("itemClass", qcode=f"ninat:{doc.item_type}"),
        _provider(doc, options),
        nar("versionCreated", created, howuri=marker),
    ]
    if doc.first_created and has_time(doc.first_created):
        elements.append(nar("firstCreated", zoned(doc.first_created, options.timezone)))
    if doc.embargoed is not None:
        # A date without a time has no xs:dateTime: an empty embargoed says
        # "embargoed, release time to be announced" rather than inventing midnight.
        elements.append(nar("embargoed", zoned(doc.embargoed, options.timezone)
                            if has_time(doc.embargoed) else None))
    elements.append(nar("pubStatus", qcode=f"stat:{doc.pub_status}"))
    if doc.ednote:
        elements.append(nar("edNote", doc.ednote))
    elements.extend(nar("signal", qcode=signal) for signal in doc.signals)
    if doc.url:
        elements.append(nar("link", reluri=CANONICAL_LINK, href=doc.url))
    if not is_package(doc):  # a package's items are in its groupSet
        elements.extend(association_link(association) for association in item_associations(doc))
    return elements


def association_link(association: Association) -> etree._Element:
    """A picture (or other item) that goes with this one, as real producers link it: an
    ``itemMeta/link`` (``irel:dependsOn``) to the item, with its properties as the
    NewsML-G2 "hints" a link may carry: ``itemClass``, ``title``, ``description``s,
    ``by`` (the credit) and one ``remoteContent`` per rendition."""
    link = nar("link", rel=ASSOCIATION_REL, residref=association.uri)
    link.append(nar("itemClass", qcode=f"ninat:{association.type}"))
    if association.headline is not None:
        link.append(nar("title", association.headline))
    link.extend(description_element(d) for d in association.descriptions)
    if association.credit is not None:
        link.append(nar("by", association.credit))
    for rendition in association.renditions:
        link.append(nar("remoteContent", href=rendition.href,
                        rendition=_qcode(rendition.name, RENDITION_ALIAS, IPTC_RENDITIONS),
                        contenttype=rendition.content_type,
                        width=_number(rendition.width), height=_number(rendition.height),
                        size=_number(rendition.size)))
    return link


def package_references(associations: Sequence[Association]) -> tuple[Block, ...]:
    """A packageItem's body as the reader makes it: the list of the items it references."""
    from convert.model import Link, ListBlock

    entries = tuple((Link((a.headline or a.uri or "",), a.uri or ""),) for a in associations)
    return (ListBlock(entries),) if entries else ()


def is_package(doc: Document) -> bool:
    """A composite whose items are in groups and whose body only lists them: a packageItem
    (else the groups have no NewsML-G2 place in a newsItem, and the links stand alone)."""
    grouped = [a for a in doc.associations if a.group is not None]
    return (doc.item_type == "composite" and bool(grouped) and len(grouped) == len(
        doc.associations) and doc.body in ((), package_references(grouped)))


def group_set(doc: Document) -> etree._Element:
    """The ``groupSet`` of a package: one ``group`` per role, in the order first met, each
    with an ``itemRef`` (the item's hints, as a link carries them) per item."""
    groups: dict[str, etree._Element] = {}
    for association in doc.associations:
        role = association.group or ""
        if role not in groups:
            groups[role] = nar("group", id=f"G{len(groups) + 1}", role=role)
        reference = association_link(association)
        reference.tag = f"{NAR_TAG_PREFIX}itemRef"
        del reference.attrib["rel"]
        groups[role].append(reference)
    element = nar("groupSet", root="G1")
    element.extend(groups.values())
    return element


def _number(value: int | None) -> str | None:
    return None if value is None else str(value)


def description_element(description: Description) -> etree._Element:
    """A ``description``: IPTC's own roles (caption, summary, teaser) as ``drol:`` QCodes,
    a producer's QCode as it is; any other role (ninjs ``text``) has no NewsML-G2 form."""
    return nar("description", description.text,
               role=_qcode(description.role, DESCRIPTION_ROLE_ALIAS, IPTC_DESCRIPTION_ROLES))


def _qcode(name: str | None, alias: str, codes: frozenset[str]) -> str | None:
    """A model name as a QCode: one of IPTC's ``codes`` under its ``alias``, a QCode as it is;
    any other name (ninjs ``text``, TT's ``r00``) has no NewsML-G2 form."""
    if name is None or ":" in name:
        return name
    return f"{alias}:{name}" if name in codes else None


def model_name(qcode: str | None, alias: str, codes: frozenset[str]) -> str | None:
    """Inverse of :func:`_qcode`: IPTC's codes without their alias (as ninjs names them)."""
    if qcode is None or not qcode.strip():
        return None
    prefix, _, code = qcode.partition(":")
    return code if prefix == alias and code in codes else qcode


def description_role(role: str | None) -> str | None:
    return model_name(role, DESCRIPTION_ROLE_ALIAS, IPTC_DESCRIPTION_ROLES)


def rendition_name(rendition: str | None) -> str | None:
    return model_name(rendition, RENDITION_ALIAS, IPTC_RENDITIONS)


def concept_element(tag: str, concept: Concept) -> etree._Element:
    """A ``subject``/``genre``: a QCode only with an IPTC catalog alias, else the full URI."""
    from convert.formats.qcodes import is_iptc_qcode, qcode_to_uri  # not needed to validate

    qcode = concept.qcode if concept.qcode and is_iptc_qcode(concept.qcode) else None
    uri = None if qcode else concept.uri or (qcode_to_uri(concept.qcode) if concept.qcode
                                              else None)
    if qcode is None and uri is None and concept.qcode:
        qcode = concept.qcode  # no URI is known for it: the source's own code, as written
    element = nar(tag, qcode=qcode, uri=uri, literal=concept.literal,
                  type=KIND_TYPES.get(concept.kind or ""))
    if concept.name is not None:
        element.append(nar("name", _single_line(f"{tag} name", concept.name)))
    return element


def _content_meta(doc: Document, options: WriteOptions) -> list[etree._Element]:
    from urllib.parse import quote

    from convert.formats.dates import zoned  # see _item_meta
    from convert.model import byline_text

    elements = []
    if doc.urgency is not None:
        elements.append(nar("urgency", str(doc.urgency)))
    if doc.published:
        elements.append(nar("contentCreated", zoned(doc.published, options.timezone)))
    if doc.updated:
        elements.append(nar("contentModified", zoned(doc.updated, options.timezone)))
    elements.extend(_dateline(doc))
    if doc.source:
        elements.append(_named("infoSource", doc.source, role="isrol:originfo"))
    for byline in doc.bylines:
        creator = _named("creator", byline.name, role=AUTHOR_ROLE)
        if byline.role is not None:
            creator.append(nar("note", byline.role))
        elements.append(creator)
    # altId/@type is a QCode: a type that is none (a ninjs role such as "id") is left out
    elements.extend(nar("altId", value, type=kind if ":" in kind else None)
                    for kind, value in doc.alt_ids)
    elements.extend(_named("contributor", contributor.name, role=contributor.role or None)
                    for contributor in doc.contributors)
    if doc.language:
        elements.append(nar("language", tag=doc.language))
    elements.extend(concept_element("genre", genre) for genre in doc.genres)
    elements.extend(concept_element("subject", subject) for subject in doc.subjects + doc.about)
    if doc.slugline:
        elements.append(nar("slugline", _single_line("slugline", doc.slugline)))
    if doc.headline is not None:
        elements.append(nar("headline", doc.headline))
    if doc.subheadline is not None:
        elements.append(nar("headline", doc.subheadline,
                            roleuri=vocabulary.term(vocabulary.SUBHEADLINE_ROLE,
                                                    options.uri_base)))
    if (by := byline_text(doc)) is not None:
        elements.append(nar("by", by))
    if doc.summary is not None and not any(d.text == doc.summary for d in doc.descriptions):
        elements.append(nar("description", doc.summary, role="drol:summary"))
    elements.extend(description_element(d) for d in doc.descriptions)
    elements.extend(nar("keyword", _single_line("keyword", keyword)) for keyword in doc.keywords)
    extra_base = vocabulary.term(vocabulary.EXTRA_PROPERTY, options.uri_base)
    elements.extend(nar("contentMetaExtProperty", reluri=extra_base + quote(name, safe=""),
                        value=value)
                    for name, value in doc.extra if not name.startswith(KEPT_PREFIX))
    return elements


def _dateline(doc: Document) -> list[etree._Element]:
    """``located/name`` holds the place; ``dateline`` the dateline as written ("PLACE, date")."""
    if doc.dateline is None:
        return []
    place, date_text = doc.dateline.place, doc.dateline.date_text
    elements = [_named("located", place)] if place is not None else []
    if date_text is not None:  # "Berlin (dpa) -" already names its place
        elements.append(nar("dateline", f"{place}, {date_text}"
                            if place is not None and (not date_text.startswith(place)
                                                      or date_text.startswith(f"{place}, "))
                            else date_text))
    elif place is None:
        elements.append(nar("dateline"))  # a dateline with neither part: kept, empty
    return elements


def kept_key(container: str, name: str) -> str:
    return f"{KEPT_PREFIX}{container}/{name}"


def kept_name(element: etree._Element) -> str:
    """The name an element is kept under: a NewsML-G2 element's local name; a producer's
    element of another namespace its namespace-qualified name (``{uri}versionedId``)."""
    tag = str(element.tag)
    return tag[len(NAR_TAG_PREFIX):] if tag.startswith(NAR_TAG_PREFIX) else tag


def kept_tag(name: str) -> str:
    """Inverse of :func:`kept_name`: the element's tag in ElementTree's ``{uri}name`` form."""
    return name if name.startswith("{") else NAR_TAG_PREFIX + name


_FOREIGN_NAME = re.compile(r"\{[^{}\s]+\}[^{}\s/:]+")


def is_foreign(name: str) -> bool:
    """A kept name of an element of another namespace than NewsML-G2's."""
    return name.startswith("{") and not name.startswith(NAR_TAG_PREFIX)


def parse_kept_key(key: str) -> tuple[str, str] | None:
    """(container, element name) for a kept-metadata key this writer can place: a
    NewsML-G2 element of the container, or an element of another namespace in a
    container with an extension point for them."""
    if not key.startswith(KEPT_PREFIX) or "/" not in key:
        return None
    container, name = key[len(KEPT_PREFIX):].split("/", 1)
    if name in ORDER.get(container, ()) and name not in STRUCTURAL:
        return container, name
    if container in EXTENSIBLE and _FOREIGN_NAME.fullmatch(name) and is_foreign(name):
        return container, name
    return None


def stated_code(element: etree._Element | None) -> str:
    """The code an ``itemClass``, ``pubStatus`` or link hint states: its QCode's or URI's
    last part (``ninat:text``, Reuters' ``icls:text`` and
    ``http://cv.iptc.org/newscodes/ninature/text`` all state ``text``); "" for none."""
    if element is None:
        return ""
    code = (element.get("qcode") or element.get("uri") or "").rstrip("/")
    return re.split(r"[:/]", code)[-1]


def still_states(name: str, group: Sequence[etree._Element], doc: Document) -> bool:
    """Whether a group of ``name`` elements kept as the source wrote them still states what
    ``doc`` says, so that the writer may put it back in place of what it derives: a
    Document changed since it was read (``--metadata headline=...``, a status set to
    canceled) is written from its fields, never overridden by the source's elements.
    Checked for the elements that stand for a text or code field (status and item class,
    headlines, descriptions, editor's notes, signals, slugline, rights, keywords, by line,
    provider, source, language, subjects, genres, contributors); any other (creators, whose
    reading depends on the by line; services...): True."""
    from convert.formats.safexml import text_content
    from convert.model import byline_text

    texts = ["".join(text_content(element).split()) for element in group]
    if name in STATED_FIELDS:
        return all(stated_code(element) == getattr(doc, STATED_FIELDS[name])
                   for element in group)
    if name in STATED_TEXTS:
        return _same_text(texts[0] if texts else None, getattr(doc, STATED_TEXTS[name]))
    if name == "edNote":
        return _same_text("".join(texts), doc.ednote)
    if name == "headline":
        return all(value is None or "".join(value.split()) in texts
                   for value in (doc.headline, doc.subheadline))
    if name == "signal":
        return tuple(code for element in group
                     if (code := element.get("qcode") or element.get("uri"))) == doc.signals
    if name == "keyword":
        return [text for text in texts if text] == ["".join(k.split()) for k in doc.keywords]
    if name == "by":
        return _same_text(texts[0] if texts else None, byline_text(doc))
    if name in ("copyrightHolder", "provider"):
        return _same_text(_party_name(group[0]) if group else None,
                          doc.copyright_holder if name == "copyrightHolder" else doc.provider)
    if name == "infoSource":
        return doc.source is None or any(_same_text(_party_name(element), doc.source)
                                         for element in group)
    if name == "description":
        return all(value is None or "".join(value.split()) in texts for value in
                   (doc.summary, *(description.text for description in doc.descriptions)))
    if name == "language":
        return doc.language in {element.get("tag") for element in group}
    if name in ("subject", "genre"):  # the codes the reader makes concepts of, as many
        concepts = doc.genres if name == "genre" else doc.subjects + doc.about
        return sorted(_codes(element.get("qcode"), element.get("uri"), element.get("literal"))
                      for element in group) == sorted(
            _codes(concept.qcode, concept.uri, concept.literal) for concept in concepts)
    if name == "contributor":
        named = [("".join(text_content(found).split()), element.get("role") or "")
                 for element in group
                 if (found := element.find(NAR_TAG_PREFIX + "name")) is not None
                 and text_content(found).strip()]
        return named == [("".join(c.name.split()), c.role) for c in doc.contributors]
    return True


def _codes(*codes: str | None) -> tuple[str, ...]:
    return tuple(code or "" for code in codes)


def _party_name(element: etree._Element) -> str | None:
    """A party as the reader reads it: its ``name``, else its literal or code."""
    from convert.formats.safexml import text_content

    name = element.find(NAR_TAG_PREFIX + "name")
    return ((name is not None and text_content(name).strip()) or element.get("literal")
            or element.get("qcode") or element.get("uri"))


def _same_text(stated: str | None, value: str | None) -> bool:
    """The same text but for white space (the reader collapses it in other producers'
    text, and kept elements lose the indentation between their children)."""
    return "".join((stated or "").split()) == "".join((value or "").split())
