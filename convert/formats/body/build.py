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
    CAPTION_CLASS, CREDIT_CLASS, EXACT_TEXT_ATTRIBUTE, HREF_ATTRIBUTE, LEVEL_ATTRIBUTE, NOTE_CLASS,
    PHOTO_CLASS, QUOTE_CLASS, SRC_ATTRIBUTE,
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


def last_child(parent: etree._Element) -> etree._Element | None:
    """The last child of ``parent``, found in constant time (lxml's ``len`` counts them all,
    which made a body of many blocks cost time quadratic in their number)."""
    try:
        return parent[-1]
    except IndexError:
        return None


def append_text(parent: etree._Element, text: str) -> None:
    """Add ``text`` after the last child of ``parent`` (or as its text)."""
    child = last_child(parent)
    if child is not None:
        child.tail = (child.tail or "") + text
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
        self._shown_before = shown[-1:] or self._shown_before
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
        if last_child(parent) is None:
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

    def body(self, parent: etree._Element, blocks: tuple[Block, ...], *,
             under_heading: int | None = None) -> None:
        """Append every block to ``parent``, one per line.

        ``under_heading`` is the level of the heading the body stands under (a
        page's ``<h1>``): the headings are then shown renumbered so that no level
        is skipped (see :func:`outline_levels`).
        """
        headings = [block.level for block in blocks if isinstance(block, Heading)]
        shown = iter(outline_levels(headings, under_heading) if under_heading else headings)
        for block in blocks:
            if isinstance(block, Heading):
                self._heading(parent, block, next(shown))
            else:
                self._add_block(parent, block)

    def _heading(self, parent: etree._Element, heading: Heading, shown: int) -> None:
        """``<h{shown}>``, with the heading's own level in ``data-level`` when it differs."""
        if not 1 <= heading.level <= 6:
            raise ConvertError(f"heading level {heading.level}: (X)HTML has levels 1 to 6 "
                               "only", code="unrepresentable")
        attributes = {LEVEL_ATTRIBUTE: str(heading.level)} if shown != heading.level else {}
        self.inlines(self.block(parent, f"h{shown}", attributes), heading.content)

    def _add_block(self, parent: etree._Element, block: Block) -> None:
        """Any block but a heading (:meth:`body` numbers those)."""
        if isinstance(block, Paragraph):
            self.inlines(self.block(parent, "p"), block.content)
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
            self._table(parent, block)
        else:
            raise ConvertError(f"unknown body block {type(block).__name__}",
                               code="unrepresentable")

    def _table(self, parent: etree._Element, table: Table) -> None:
        """Rows of cells; a row shorter than the widest ends in a cell spanning the rest
        (HTML checkers take a short row for a table narrower than its other rows)."""
        rows = self.block(self.block(parent, "table"), "tbody")
        width = max(map(len, table.rows), default=0)
        for row in table.rows:
            cells = self.block(rows, "tr")
            for index, cell in enumerate(row, start=1):
                span = width - len(row) + 1 if index == len(row) else 1
                attributes = {"colspan": str(span)} if span > 1 else None
                self.inlines(self.block(cells, "td", attributes), cell)

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


def outline_levels(levels: list[int], under: int) -> list[int]:
    """The levels to show headings of ``levels`` at, under a heading of level ``under``,
    so that none skips a level, as outlines and accessibility checkers expect.

    Each heading is shown one below the nearest earlier heading of a higher rank (a
    smaller level), or one below ``under``: ``[4, 5, 4, 2, 3]`` under 1 -> ``[2, 3, 2,
    2, 3]``.  Headings already in order keep their levels.
    """
    open_levels: list[int] = []
    shown = []
    for level in levels:
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
        open_levels.append(level)
        shown.append(under + len(open_levels))
    return shown


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
    write_html(element, parts.append)
    return "".join(parts)


def write_html(element: etree._Element, write: Callable[[str], object], *,
               consume: bool = False) -> None:
    """:func:`to_html` in pieces, each passed to ``write`` as it is made (a large page is
    never held as one more string).

    ``consume=True`` empties the tree as it is written (each text and attribute value
    dropped once written), for a tree made only to be written: a page of a 100 MB body
    is then never held twice over, as the tree and as what was written.  A tag goes out
    in one piece with the text after it, unless that text or a value is long (written
    alone then, never copied into a larger piece).
    """
    name = local_name(element)
    tag = f"<{name}"
    for key, value in element.attrib.items():  # a value may be a whole body (data-text)
        escaped = html.escape(str(value))
        if len(escaped) > _SHORT_PIECE:
            write(f'{tag} {key!s}="')
            write(escaped)
            tag = '"'
        else:
            tag = f'{tag} {key!s}="{escaped}"'
        if consume:
            del element.attrib[key]
    tag += ">"
    if name not in _VOID_ELEMENTS:
        _write_text(tag, element.text, name in _RAW_TEXT_ELEMENTS, write)
        if consume:
            element.text = None
        for child in element:
            write_html(child, write, consume=consume)
        tag = f"</{name}>"
    _write_text(tag, element.tail, False, write)
    if consume:
        element.tail = None


#: The longest text or attribute value written in one piece with the tag before it.
_SHORT_PIECE = 4096


def _write_text(markup: str, text: str | None, raw: bool,
                write: Callable[[str], object]) -> None:
    """``markup`` (a tag), then ``text`` after it."""
    if not text:
        write(markup)
        return
    piece = text if raw else html.escape(text, quote=False)
    if len(piece) > _SHORT_PIECE:
        write(markup)
        write(piece)
    else:
        write(markup + piece)


def blocks_to_html(blocks: tuple[Block, ...]) -> str:
    """The body as an HTML fragment, one block per line (ninjs ``body_html``)."""
    return "\n".join(to_html(element) for element in body_elements(blocks))
