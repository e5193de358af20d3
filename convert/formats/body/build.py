"""Body markup from the model: blocks and inlines -> (X)HTML elements, and HTML text.

The shapes are those of :mod:`convert.formats.body`; :mod:`convert.formats.body.parse`
reads them back.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from convert.errors import ConvertError
from convert.formats.body import (
    CAPTION_CLASS, CREDIT_CLASS, EXACT_TEXT_ATTRIBUTE, HREF_ATTRIBUTE, NOTE_CLASS, PHOTO_CLASS,
    QUOTE_CLASS, SRC_ATTRIBUTE,
)
from convert.formats.safexml import local_name
from convert.model import (
    Block, Emphasis, Figure, Heading, Inlines, Link, ListBlock, Note, Paragraph, Quote, Strong,
    Table, plain_text,
)

if TYPE_CHECKING:
    from lxml import etree

# ---------------------------------------------------------------- text and URLs


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def ascii_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=True)


_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\t\n\r]")


def is_safe_url(url: str) -> bool:
    """True for relative URLs and http(s)/mailto/tel/ftp ones.

    The scheme is read the way a browser reads it (tabs and newlines removed,
    leading controls and spaces stripped), so ``java\\tscript:`` is caught.
    """
    cleaned = _URL_IGNORED.sub("", url).lstrip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in _SAFE_SCHEMES


def append_text(parent: etree._Element, text: str) -> None:
    """Add ``text`` after the last child of ``parent`` (or as its text)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


# ---------------------------------------------------------------- building


class MarkupBuilder:
    """Creates body markup, in ``namespace`` when given (XHTML for EPUB and NewsML-G2).

    ``live_url`` decides which link targets and image sources become live
    ``href``/``src`` attributes (the others are kept in ``data-href`` and
    ``data-src``); ``images=False`` writes no ``<img>`` at all (an EPUB may not
    load remote images).  ``nfc_text=True`` shows text that is not in Unicode
    NFC normalised, its exact form in a ``data-text`` span.  ``prefixes`` adds
    namespace prefixes to the elements' declarations (``epub`` for ``epub:type``).
    ``typeset(text, before)`` is a writer's typography pass: the text it changes
    is shown changed, its exact form kept in a ``data-text`` span (``before`` is
    the text shown just before it in the same block).
    """

    def __init__(self, namespace: str | None = None, *,
                 prefixes: Mapping[str, str] | None = None,
                 live_url: Callable[[str], bool] = is_safe_url, images: bool = True,
                 nfc_text: bool = False,
                 typeset: Callable[[str, str], str] | None = None) -> None:
        self.namespace = namespace
        nsmap: dict[str | None, str] = {None: namespace} if namespace else {}
        nsmap.update(prefixes or {})
        self.nsmap: Any = nsmap or None  # lxml's stubs do not allow the None key
        self.live_url = live_url
        self.images = images
        self.nfc_text = nfc_text
        self.typeset = typeset
        self._shown_before = ""

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    def element(self, name: str, attributes: Mapping[str, str] | None = None,
                text: str | None = None) -> etree._Element:
        from lxml import etree

        element = etree.Element(self.tag(name), dict(attributes or {}), nsmap=self.nsmap)
        if text is not None:
            self.text(element, text)
        return element

    def text(self, parent: etree._Element, text: str) -> None:
        """Append ``text``; shown typeset and (``nfc_text``) in NFC, exact in ``data-text``."""
        shown = self.typeset(text, self._shown_before) if self.typeset else text
        if self.nfc_text and not is_nfc(shown):
            shown = unicodedata.normalize("NFC", shown)
        self._shown_before = (self._shown_before + shown)[-1:]
        if shown == text:
            append_text(parent, text)
            return
        exact = self.element("span", {EXACT_TEXT_ATTRIBUTE: ascii_json(text)})
        exact.text = shown
        parent.append(exact)

    def block(self, parent: etree._Element, name: str,
              attributes: Mapping[str, str] | None = None,
              text: str | None = None) -> etree._Element:
        """A child on a line of its own (newlines only between blocks, never in text)."""
        self._shown_before = ""
        child = self.element(name, attributes, text)
        if len(parent) == 0:
            parent.text = "\n"
        child.tail = "\n"
        parent.append(child)
        return child

    def inlines(self, parent: etree._Element, inlines: Inlines,
                in_link: bool = False) -> etree._Element:
        """``parent`` with ``inlines`` appended as text, ``<em>``, ``<strong>`` and links."""
        for part in inlines:
            if isinstance(part, str):
                self.text(parent, part)
                continue
            if isinstance(part, Emphasis):
                child = self.element("em")
            elif isinstance(part, Strong):
                child = self.element("strong")
            else:
                child = self._link(part, in_link)
            parent.append(child)
            self.inlines(child, part.content, in_link or isinstance(part, Link))
        return parent

    def _link(self, link: Link, in_link: bool) -> etree._Element:
        if in_link:
            return self.element("span", {HREF_ATTRIBUTE: link.href})
        if self.live_url(link.href):
            return self.element("a", {"href": link.href})
        return self.element("a", {HREF_ATTRIBUTE: link.href})

    def body(self, parent: etree._Element, blocks: tuple[Block, ...]) -> None:
        """Append every block to ``parent``, one per line."""
        for block in blocks:
            self.add_block(parent, block)

    def add_block(self, parent: etree._Element, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.inlines(self.block(parent, "p"), block.content)
        elif isinstance(block, Heading):
            if not 1 <= block.level <= 6:
                raise ConvertError(f"heading level {block.level}: (X)HTML has levels 1 to 6 "
                                   "only", code="unrepresentable")
            self.inlines(self.block(parent, f"h{block.level}"), block.content)
        elif isinstance(block, Quote):
            self._quote(parent, block)
        elif isinstance(block, ListBlock):
            items = self.block(parent, "ol" if block.ordered else "ul")
            for item in block.items:
                self.inlines(self.block(items, "li"), item)
        elif isinstance(block, Figure):
            self._figure(parent, block)
        elif isinstance(block, Note):
            classes = NOTE_CLASS if block.kind == "note" else f"{NOTE_CLASS} {block.kind}"
            note = self.block(parent, "aside", {"class": classes})
            self.inlines(self.block(note, "p"), block.content)
        elif isinstance(block, Table):
            rows = self.block(self.block(parent, "table"), "tbody")
            for row in block.rows:
                cells = self.block(rows, "tr")
                for cell in row:
                    self.inlines(self.block(cells, "td"), cell)
        else:
            raise ConvertError(f"unknown body block {type(block).__name__}",
                               code="unrepresentable")

    def _quote(self, parent: etree._Element, quote: Quote) -> None:
        if quote.attribution is None:
            self.inlines(self.block(self.block(parent, "blockquote"), "p"), quote.content)
            return
        figure = self.block(parent, "figure", {"class": QUOTE_CLASS})
        self.inlines(self.block(self.block(figure, "blockquote"), "p"), quote.content)
        self.block(figure, "figcaption", text=quote.attribution)

    def _figure(self, parent: etree._Element, figure: Figure) -> None:
        attributes = {"class": PHOTO_CLASS}
        shown = figure.src is not None and self.images and self.live_url(figure.src)
        if figure.src is not None and not shown:
            attributes[SRC_ATTRIBUTE] = figure.src
        element = self.block(parent, "figure", attributes)
        if shown:
            alt = unicodedata.normalize("NFC", plain_text(figure.caption))
            self.block(element, "img", {"src": figure.src or "", "alt": alt})
        caption = self.block(element, "figcaption")
        caption.append(self.inlines(self.element("span", {"class": CAPTION_CLASS}),
                                    figure.caption))
        if figure.credit is not None:
            append_text(caption, " ")
            caption.append(self.element("small", {"class": CREDIT_CLASS}, figure.credit))


def body_elements(blocks: tuple[Block, ...], *, namespace: str | None = None,
                  live_url: Callable[[str], bool] = is_safe_url, images: bool = True,
                  nfc_text: bool = False) -> list[etree._Element]:
    """One element per block (see the module docstring for the shapes)."""
    build = MarkupBuilder(namespace, live_url=live_url, images=images, nfc_text=nfc_text)
    holder = build.element("div")
    try:
        build.body(holder, blocks)
    except ValueError as error:  # lxml refuses NUL and other control characters
        raise ConvertError(f"the body cannot be written as (X)HTML: {error}",
                           code="unrepresentable") from None
    elements = list(holder)
    for element in elements:
        element.tail = None
        holder.remove(element)
    return elements


# ---------------------------------------------------------------- HTML serialising

_VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                            "meta", "source", "track", "wbr"})
#: Elements whose content is not escaped: only JSON-LD made safe by its writer
#: and checked stylesheets are put in them.
_RAW_TEXT_ELEMENTS = frozenset({"script", "style"})


def to_html(element: etree._Element) -> str:
    """HTML serialisation of an element tree (names without namespaces), all text escaped.

    Our own, small serialiser: libxml2's HTML one percent-encodes ``href``
    values (``é`` -> ``%C3%A9``), which would change links on a round trip.
    """
    parts: list[str] = []
    _serialize_into(element, parts)
    return "".join(parts)


def _serialize_into(element: etree._Element, parts: list[str]) -> None:
    name = local_name(element)
    attributes = "".join(f' {key!s}="{html.escape(str(value))}"'
                         for key, value in element.attrib.items())
    parts.append(f"<{name}{attributes}>")
    if name not in _VOID_ELEMENTS:
        if element.text:
            raw = name in _RAW_TEXT_ELEMENTS
            parts.append(element.text if raw else html.escape(element.text, quote=False))
        for child in element:
            _serialize_into(child, parts)
        parts.append(f"</{name}>")
    if element.tail:
        parts.append(html.escape(element.tail, quote=False))


def blocks_to_html(blocks: tuple[Block, ...]) -> str:
    """The body as an HTML fragment, one block per line (ninjs ``body_html``)."""
    return "\n".join(to_html(element) for element in body_elements(blocks))
