"""IPTC NewsML-G2 reader: a newsItem, a packageItem, or every item of a newsMessage.

The metadata mapping is the inverse of ``convert/writers/newsml.py`` (table
in README.md).  Bodies: XHTML or NITF inside ``inlineXML``, plain text in
``inlineData``; a packageItem's body is the list of the items it references.

Nothing the model can hold is thrown away: NewsML-G2 metadata that has no
Document field of its own (an agency's ``subject`` codes, ``edNote``, a
``provider`` qcode...) is kept in ``Document.extra`` as
``newsml:<container>/<element>`` -> the elements as XML, whenever it differs
from what the writer would derive from the Document; the writer puts it back.

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
from convert.formats.body import XHTML, BodyParser
from convert.formats.newsml import NAR, XML_LANG
from convert.formats.nitf import NitfBodyParser, NitfHead, nitf_body, nitf_head
from convert.model import (
    Block, Byline, Dateline, Document, Link, ListBlock, Paragraph, ParseWarning, Provenance,
)
from convert.formats.safexml import (
    declared_encoding, iterparse_untrusted, local_name, source_line, text_content,
)
from convert.options import ReadOptions

if TYPE_CHECKING:
    from lxml import etree

ITEM_TYPES = ("newsItem", "packageItem")
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
    doc = Document(
        id=guid,
        version=_version(item, options),
        language=_language(item, content_meta),
        headline=headline,
        subheadline=subheadline,
        slugline=context.text(_first(content_meta, "slugline")),
        bylines=_bylines(content_meta, context) or from_nitf.get("bylines", ()),
        dateline=_dateline(content_meta, context),
        published=_date(content_meta, "contentCreated") or _date(item_meta, "firstCreated"),
        updated=_date(content_meta, "contentModified"),
        source=_source(content_meta, context),
        copyright=context.text(_first(item, "rightsInfo", "copyrightNotice")),
        url=_url(item_meta),
        keywords=tuple(context.text(k) or "" for k in _children(content_meta, "keyword")),
        summary=_summary(content_meta, context),
        body=body,
        extra=_extra_properties(content_meta),
    )
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
    for element in _children(content_meta, "headline"):
        if element.get("roleuri") == g2.SUBHEADLINE_ROLE:
            subheadline = subheadline if subheadline is not None else context.text(element)
        elif headline is None and not element.get("role") and not element.get("roleuri"):
            headline = context.text(element)
    return (headline if headline is not None else from_nitf.get("headline"),
            subheadline if subheadline is not None else from_nitf.get("subheadline"))


def _bylines(content_meta: etree._Element | None, context: _Context) -> tuple[Byline, ...]:
    bylines = []
    for creator in _children(content_meta, "creator"):
        name = context.text(_first(creator, "name")) or creator.get("literal")
        if name:
            bylines.append(Byline(name, context.text(_first(creator, "note"))))
    if not bylines and (by := context.text(_first(content_meta, "by"))):
        bylines.append(Byline(by))
    return tuple(bylines)


def _dateline(content_meta: etree._Element | None, context: _Context) -> Dateline | None:
    """Inverse of the writer's rule: ``located/name`` is the place, ``dateline`` "PLACE, date"."""
    located = _first(content_meta, "located")
    place = context.text(_first(located, "name")) if located is not None else None
    dateline_element = _first(content_meta, "dateline")
    written = context.text(dateline_element)
    if place is None and dateline_element is None:
        return None
    if not written:
        return Dateline(place, None)
    if place is not None and written.startswith(f"{place}, "):
        return Dateline(place, written[len(place) + 2:])
    return Dateline(place, None if written == place else written)


def _source(content_meta: etree._Element | None, context: _Context) -> str | None:
    for info_source in _children(content_meta, "infoSource"):
        if (name := context.text(_first(info_source, "name"))):
            return name
    return context.text(_first(content_meta, "creditline")) or None


def _summary(content_meta: etree._Element | None, context: _Context) -> str | None:
    for description in _children(content_meta, "description"):
        if "drol:summary" in (description.get("role") or "").split():
            return context.text(description)
    return None


def _date(parent: etree._Element | None, name: str) -> str | None:
    """A date the model can hold (date, or date-time with seconds), else None (kept as-is)."""
    element = _first(parent, name)
    value = (element.text or "").strip() if element is not None else ""
    return value if _MODEL_DATE.fullmatch(value) else None


def _url(item_meta: etree._Element) -> str | None:
    for link in _children(item_meta, "link"):
        if link.get("reluri") == g2.CANONICAL_LINK:
            return link.get("href")
    return None


def _is_extra_property(element: etree._Element) -> bool:
    return (local_name(element) == "contentMetaExtProperty"
            and (element.get("reluri") or "").startswith(g2.EXTRA_PROPERTY))


def _extra_properties(content_meta: etree._Element | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(
        (unquote(element.get("reluri", "")[len(g2.EXTRA_PROPERTY):]),
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
        for name in dict.fromkeys(local_name(element) for element in elements):
            group = [element for element in elements if local_name(element) == name]
            mine = [element for element in derived[container]
                    if local_name(element) == name and not _is_extra_property(element)]
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
        "newsItem": [child for child in _children(item, "*")
                     if local_name(child) not in g2.STRUCTURAL],
        "rightsInfo": _children(rights[0], "*") if rights else [],
        "itemMeta": [child for child in _children(item, "itemMeta", "*")
                     if local_name(child) != "itemClass"
                     and not (local_name(child) == "versionCreated"
                              and child.get("howuri") in (g2.DATE_ONLY,
                                                          g2.NOT_IN_SOURCE))],
        "contentMeta": [child for child in _children(item, "contentMeta", "*")
                        if not _is_extra_property(child)],
    }
    placeable: dict[str, list[etree._Element]] = {}
    for container, elements in containers.items():
        placeable[container] = []
        for element in elements:
            if not isinstance(element.tag, str):
                continue  # comments
            if _is_nar(element) and local_name(element) in g2.ORDER[container]:
                placeable[container].append(element)
            elif local_name(element) not in ("groupSet", "contentSet"):
                context.warn("newsml-dropped", f"<{local_name(element)}> in {container} is not "
                             "kept (no place for it in a newsItem)", element)
    return placeable


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
    for content in contents:
        if local_name(content) == "inlineData" and (content.get("contenttype") or "text/plain"
                                                ).startswith("text/plain"):
            return _plain_body(content.text or ""), {}
    if contents:
        context.warn("newsml-body", "no XHTML, NITF or plain-text body; the body is empty",
                     contents[0])
    return (), {}


def _plain_body(text: str) -> tuple[Block, ...]:
    paragraphs = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    return tuple(Paragraph((" ".join(p.split()),)) for p in paragraphs if p.strip())


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


def _xhtml_body(html: etree._Element, context: _Context) -> tuple[Block, ...]:
    body = next((child for child in html if local_name(child) == "body"), None)
    return () if body is None else context.blocks(body)


def _nitf_body(nitf: etree._Element, context: _Context
               ) -> tuple[tuple[Block, ...], NitfHead]:
    body = nitf_body(nitf)
    if body is None:
        return (), {}
    return context.blocks(body, NitfBodyParser), nitf_head(body, context.text)
