"""Body blocks and inlines <-> (X)HTML elements: the one convention of every format.

The HTML page, the EPUB chapters, the NewsML-G2 XHTML body and the ninjs
``body_html`` string all build the article body with :func:`body_elements`
(or :class:`MarkupBuilder`) and read it back with :func:`blocks_from_elements`,
so one document gives the same markup in every format, and what one format
wrote every reader reads back exactly.  Other people's HTML is read leniently:
containers (``div``, ``section``...) are walked through, ``i``/``b`` count as
emphasis and strong, unknown inline elements keep their text with a warning.

The shapes written (the same tree in the XHTML namespace when asked)::

    Paragraph  <p>…</p>
    Heading    <h1>…</h1> to <h6>…</h6> (other levels are an error)
    Quote      <blockquote><p>…</p></blockquote>; with an attribution
               <figure class="quote"><blockquote><p>…</p></blockquote>
               <figcaption>attribution</figcaption></figure>
               (HTML wants the attribution outside the blockquote)
    ListBlock  <ul> or <ol>, one <li>…</li> per item
    Figure     <figure class="photo"><img src="…" alt="caption">
               <figcaption><span class="caption">…</span> <small class="credit">…</small>
               </figcaption></figure>; without <img> when the source is not
               a live URL or the format embeds no images: then data-src="…"
    Note       <aside class="note correction"><p>…</p></aside>
               (class "note editors-note", or "note" alone for a plain note)
    Table      <table><tbody><tr><td>…</td>…</tr>…</tbody></table>
    Emphasis   <em>   Strong <strong>
    Link       <a href="…">; a target that is not a live link in this format
               (unsafe scheme, or relative inside a book) <a data-href="…">;
               a link inside a link <span data-href="…"> (HTML cannot nest <a>)
    Text not in Unicode NFC, where asked (``nfc_text``, for HTML pages: HTML
               checkers warn about such text, and a character reference does
               not help there): <span data-text="exact text as ASCII JSON">NFC text</span>
               (the document keeps text exactly as written)

Block children stand on lines of their own; inside text no whitespace is added.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from convert.errors import ConvertError
from convert.model import (
    Block, Emphasis, Figure, Heading, Inline, Inlines, Link, ListBlock, Note, NoteKind, Paragraph,
    ParseWarning, Quote, Strong, Table, block_text, plain_text,
)
from convert.formats.safexml import html_parser, local_name, source_line, text_content

if TYPE_CHECKING:
    from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"

QUOTE_CLASS = "quote"
PHOTO_CLASS = "photo"
CAPTION_CLASS = "caption"
CREDIT_CLASS = "credit"
NOTE_CLASS = "note"
NOTE_KINDS: tuple[NoteKind, ...] = ("correction", "editors-note", "note")
#: On an ``<a>`` (or a nested-link ``<span>``): a link target that is kept, not made live.
HREF_ATTRIBUTE = "data-href"
#: On a photo ``<figure>`` without ``<img>``: the image source, kept, not loaded.
SRC_ATTRIBUTE = "data-src"
#: On a ``<span>`` around text not in NFC: the exact text as an ASCII JSON string.
EXACT_TEXT_ATTRIBUTE = "data-text"

# ---------------------------------------------------------------- text and URLs


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def ascii_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=True)


def json_or_none(text: str) -> object:
    """The JSON value ``text`` holds, or None when it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


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


# ---------------------------------------------------------------- reading

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _classes(element: etree._Element) -> list[str]:
    return str(element.get("class") or "").split()


class BodyParser:
    """Reads body markup back into blocks: ours exactly, other people's leniently.

    ``verbatim`` keeps whitespace in text as it is (our own output, where it
    is content); otherwise it is collapsed as a browser shows it, and blocks
    with no text are left out.  ``strict`` makes an element that is not body
    markup at block level an error (for files that must be ours), where it is
    otherwise read as a paragraph with a warning.  Warnings are collected in
    :attr:`warnings`, their codes prefixed with ``warning_prefix``.

    Subclasses read other vocabularies with the same rules by changing the
    element tables (see the NITF reader in :mod:`convert.readers.newsml`).
    """

    HEADINGS: Mapping[str, int] = {f"h{level}": level for level in range(1, 7)}
    PARAGRAPHS: frozenset[str] = frozenset({"p"})
    QUOTES: frozenset[str] = frozenset({"blockquote"})
    #: Inside a quote: the element holding the attribution.
    QUOTE_CREDITS: frozenset[str] = frozenset({"footer"})
    NOTES: frozenset[str] = frozenset({"aside"})
    EMPHASIS: frozenset[str] = frozenset({"em", "i"})
    STRONG: frozenset[str] = frozenset({"strong", "b"})
    CONTAINERS: frozenset[str] = frozenset({"div", "section", "article", "main", "header",
                                            "footer", "body", "html", "center"})
    SKIPPED: frozenset[str] = frozenset({"script", "style", "template", "noscript", "head",
                                         "title", "meta", "link", "hr", "nav", "img", "iframe",
                                         "object", "embed", "video", "audio", "svg", "math"})
    #: Inline elements whose text is kept without a warning (markup the model has no place for).
    TEXT_ONLY: frozenset[str] = frozenset()
    #: Inline elements found between blocks (their run becomes a paragraph).
    PHRASING: frozenset[str] = frozenset({
        "a", "em", "i", "strong", "b", "br", "span", "code", "q", "cite", "small", "sub", "sup",
        "abbr", "time", "mark", "u", "s", "kbd", "samp", "var", "dfn", "bdi", "bdo", "data",
        "ins", "del", "wbr", "font", "big", "tt", "strike"})

    def __init__(self, *, verbatim: bool = True, strict: bool = False,
                 source: str | None = None, warning_prefix: str = "html") -> None:
        self.verbatim = verbatim
        self.strict = strict
        self.source = source
        self.warning_prefix = warning_prefix
        self.warnings: list[ParseWarning] = []

    def warn(self, code: str, message: str, element: etree._Element) -> None:
        self.warnings.append(ParseWarning(f"{self.warning_prefix}-{code}", message,
                                          source_line(element)))

    def error(self, message: str, element: etree._Element) -> ConvertError:
        return ConvertError(message, source=self.source, line=source_line(element), code="invalid")

    # ------------------------------------------------------------ blocks

    def blocks(self, container: etree._Element) -> tuple[Block, ...]:
        """The blocks of ``container``'s children; loose inline runs become paragraphs."""
        blocks: list[Block] = []
        loose: list[Inline] = []

        def flush() -> None:
            content = self._tidy(loose, collapse=True)  # the spaces around blocks are layout
            if plain_text(content).strip() or any(not isinstance(p, str) for p in content):
                if self.strict:
                    self.warn("loose-text", "text outside any paragraph read as a paragraph",
                              container)
                blocks.append(Paragraph(content))
            loose.clear()

        loose.append(container.text or "")
        for child in container:
            name = local_name(child)
            if name in self.PHRASING:
                loose.extend(self._inline(child, name))
            elif name and name not in self.SKIPPED:
                flush()
                blocks.extend(self.block(child, name))
            loose.append(child.tail or "")
        flush()
        if self.verbatim:
            return tuple(blocks)
        return tuple(block for block in blocks if block_text(block).strip()
                     or isinstance(block, Figure) and block.src)

    def block(self, element: etree._Element, name: str) -> list[Block]:
        """The block(s) one element at block level stands for."""
        if name in self.PARAGRAPHS:
            return [Paragraph(self.inlines(element))]
        if name in self.HEADINGS:
            return [Heading(self.inlines(element), self.HEADINGS[name])]
        if name in self.QUOTES:
            return [self._quote(element)]
        if name in ("ul", "ol"):
            items = tuple(self.inlines(item) for item in element if local_name(item) == "li")
            if not self.verbatim:
                items = tuple(item for item in items if plain_text(item).strip())
            return [ListBlock(items, ordered=name == "ol")]
        if name == "figure":
            return [self._figure(element)]
        if name in self.NOTES:
            return [self._note(element)]
        if name == "pre":
            return [Paragraph((text_content(element),))]
        if name == "table":
            return [self._table(element)]
        if name in self.CONTAINERS:
            return list(self.blocks(element))
        return self.unknown_block(element, name)

    def unknown_block(self, element: etree._Element, name: str) -> list[Block]:
        if self.strict:
            raise self.error(f"unexpected <{name}> in the article body", element)
        before = len(self.warnings)
        content = self.inlines(element)
        del self.warnings[before:]  # one warning for the element, none for what is inside
        self.warn("markup-dropped", f"<{name}> is not body markup: read as a paragraph", element)
        return [Paragraph(content)]

    def _table(self, table: etree._Element) -> Table | Paragraph:
        """Rows of ``td``/``th`` cells (``thead``/``tbody``/``tfoot`` walked in order)."""
        rows = tuple(tuple(self.inlines(cell) for cell in row if local_name(cell) in ("td", "th"))
                     for row in table.iter() if local_name(row) == "tr")
        rows = tuple(row for row in rows if row)
        return Table(rows) if rows else Paragraph(self.inlines(table))

    def _quote(self, quote: etree._Element, attribution: str | None = None) -> Quote:
        credit = next((child for child in quote.iter()
                       if local_name(child) in self.QUOTE_CREDITS), None)
        if credit is not None and attribution is None:
            attribution = self.plain(credit)
        return Quote(self.paragraphs(quote, exclude=credit), attribution)

    def _figure(self, figure: etree._Element) -> Quote | Figure:
        caption = next((child for child in figure if local_name(child) == "figcaption"), None)
        quote = next((child for child in figure.iter() if local_name(child) in self.QUOTES), None)
        if quote is not None:
            return self._quote(quote, None if caption is None else self.plain(caption))
        image = next((child for child in figure.iter() if local_name(child) == "img"), None)
        credit = next((child for child in figure.iter() if CREDIT_CLASS in _classes(child)),
                      None)
        src = figure.get(SRC_ATTRIBUTE) if image is None else image.get("src")
        if caption is None:
            text: Inlines = self._tidy([image.get("alt") or ""]) if image is not None else ()
        else:
            span = next((child for child in caption if local_name(child) == "span"
                         and CAPTION_CLASS in _classes(child)), None)
            text = self.inlines(span) if span is not None else self.inlines(caption, credit)
        return Figure(text, None if credit is None else self.plain(credit), src)

    def _note(self, note: etree._Element) -> Note:
        classes = _classes(note)
        kind: NoteKind = next((kind for kind in NOTE_KINDS if kind in classes), "note")
        return Note(self.paragraphs(note), kind)

    def paragraphs(self, element: etree._Element,
                   exclude: etree._Element | None = None) -> Inlines:
        """The text of a quote or note: its ``<p>``s joined by a space, or its own inlines."""
        paragraphs = [child for child in element.iter() if local_name(child) in self.PARAGRAPHS
                      and (exclude is None or exclude not in child.iterancestors())]
        if not paragraphs:
            return self.inlines(element, exclude)
        joined: list[Inline] = []
        for index, paragraph in enumerate(paragraphs):
            joined.extend([" "] if index else [])
            joined.extend(self._raw_inlines(paragraph))
        return self._tidy(joined)

    # ------------------------------------------------------------ inlines

    def inlines(self, element: etree._Element, exclude: etree._Element | None = None) -> Inlines:
        return self._tidy(self._raw_inlines(element, exclude))

    def plain(self, element: etree._Element) -> str:
        """The text of ``element``, exact text of ``data-text`` spans included."""
        return plain_text(self.inlines(element))

    def _raw_inlines(self, element: etree._Element,
                     exclude: etree._Element | None = None) -> list[Inline]:
        parts: list[Inline] = [element.text or ""]
        for child in element:
            if child is not exclude:
                parts.extend(self._inline(child, local_name(child)))
            parts.append(child.tail or "")
        return parts

    def _inline(self, element: etree._Element, name: str) -> list[Inline]:
        """One inline element (its tail excluded) as inlines."""
        if not name or name in self.SKIPPED:
            return []
        if name == "br":
            return ["\n"]
        if name in self.EMPHASIS:
            return [Emphasis(merged(self._raw_inlines(element)))]
        if name in self.STRONG:
            return [Strong(merged(self._raw_inlines(element)))]
        exact = element.get(EXACT_TEXT_ATTRIBUTE) if name == "span" else None
        if exact is not None:
            return [self._exact_text(element, exact)]
        href = element.get("href") if name == "a" else None
        if href is None and name in ("a", "span"):
            href = element.get(HREF_ATTRIBUTE)
        if href is not None:
            return [Link(merged(self._raw_inlines(element)), href)]
        if name in self.TEXT_ONLY:
            return self._raw_inlines(element)
        self.warn("markup-dropped", f"<{name}> is not article markup: kept its text only",
                  element)
        return self._raw_inlines(element)

    def _exact_text(self, element: etree._Element, encoded: str) -> str:
        value = json_or_none(encoded)
        if isinstance(value, str):
            return value
        if self.strict:
            raise self.error(f"expected a JSON string in {EXACT_TEXT_ATTRIBUTE}, got "
                             f"{encoded!r}", element)
        self.warn("markup-dropped", f"{EXACT_TEXT_ATTRIBUTE} is not a JSON string: kept the "
                  "text shown", element)
        return text_content(element)

    def _tidy(self, parts: list[Inline], collapse: bool = False) -> Inlines:
        """Merged inlines; unless verbatim, whitespace collapsed as HTML renders it."""
        if self.verbatim and not collapse:
            return merged(parts)
        return _strip_end(_collapsed(parts, [True]))


def merged(parts: list[Inline]) -> Inlines:
    """Adjacent strings joined, empty strings dropped."""
    result: list[Inline] = []
    for part in parts:
        if isinstance(part, str) and result and isinstance(result[-1], str):
            result[-1] += part
        elif part != "":
            result.append(part)
    return tuple(result)


def _collapsed(parts: list[Inline] | Inlines, after_space: list[bool]) -> Inlines:
    """Runs of HTML white space as one space, none after a space or at the start.

    ``after_space`` (one flag in a list, shared through the recursion) says
    whether the text so far, in reading order, ends with a space.
    """
    result: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            text = _HTML_SPACE.sub(" ", part)
            text = text.lstrip(" ") if after_space[0] else text
            after_space[0] = text.endswith(" ") if text else after_space[0]
            result.append(text)
        elif isinstance(part, Link):
            result.append(Link(_collapsed(part.content, after_space), part.href))
        else:
            result.append(type(part)(_collapsed(part.content, after_space)))
    return merged(result)


def _strip_end(parts: Inlines) -> Inlines:
    """Trailing spaces removed, inside the last element too."""
    if not parts:
        return parts
    last = parts[-1]
    if isinstance(last, str):
        stripped = last.rstrip(" ")
        return parts[:-1] + (stripped,) if stripped else _strip_end(parts[:-1])
    if isinstance(last, Link):
        return parts[:-1] + (Link(_strip_end(last.content), last.href),)
    return parts[:-1] + (type(last)(_strip_end(last.content)),)


def blocks_from_elements(container: etree._Element, *, verbatim: bool = True,
                         strict: bool = False, source: str | None = None,
                         warning_prefix: str = "html"
                         ) -> tuple[tuple[Block, ...], tuple[ParseWarning, ...]]:
    """The blocks of ``container``'s children and the warnings reading them gave."""
    parser = BodyParser(verbatim=verbatim, strict=strict, source=source,
                        warning_prefix=warning_prefix)
    return parser.blocks(container), tuple(parser.warnings)


def blocks_from_html(text: str, *, verbatim: bool = True, warning_prefix: str = "html"
                     ) -> tuple[tuple[Block, ...], tuple[ParseWarning, ...]]:
    """The blocks of an HTML fragment (parsed without network; comments dropped)."""
    from lxml import html as lxml_html

    if not text.strip():
        return (), ()
    root = lxml_html.fragment_fromstring(text, create_parent="div", parser=html_parser())
    return blocks_from_elements(root, verbatim=verbatim, warning_prefix=warning_prefix)
