"""Body markup into the model: (X)HTML elements -> blocks and inlines.

Our own markup (the shapes of :mod:`convert.formats.body`, written by
:mod:`convert.formats.body.build`) is read back exactly; other people's HTML
leniently: containers (``div``, ``section``...) are walked through, ``i``/``b``
count as emphasis and strong, unknown inline elements keep their text with a
warning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from convert.errors import ConvertError
from convert.formats.body import (
    CAPTION_CLASS, CREDIT_CLASS, EXACT_TEXT_ATTRIBUTE, HREF_ATTRIBUTE, LEVEL_ATTRIBUTE, NOTE_KINDS,
    SRC_ATTRIBUTE,
)
from convert.formats.safexml import html_parser, local_name, source_line, text_content
from convert.formats.xmltext import without_not_xml
from convert.model import (
    Block, Emphasis, Figure, Heading, Inline, Inlines, Link, ListBlock, Note, NoteKind, Paragraph,
    ParseWarning, Quote, Strong, Table, block_text, plain_text,
)

if TYPE_CHECKING:
    from lxml import etree


def json_or_none(text: str) -> object:
    """The JSON value ``text`` holds, or None when it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_LEVELS = frozenset(map(str, range(1, 7)))
#: The heading levels a Document's body may hold (the canonical schema's).
MODEL_LEVELS = range(2, 7)


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
        """The body in ``container``: its blocks, heading levels fitted to the model's."""
        return fit_heading_levels(self.marked_blocks(container))

    def marked_blocks(self, container: etree._Element) -> tuple[Block, ...]:
        """The blocks of ``container``'s children, headings at the levels marked (``<h1>``
        is 1); loose inline runs become paragraphs."""
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
            return [Heading(self.inlines(element), self._heading_level(element, name))]
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
            return list(self.marked_blocks(element))
        return self.unknown_block(element, name)

    def unknown_block(self, element: etree._Element, name: str) -> list[Block]:
        if self.strict:
            raise self.error(f"unexpected <{name}> in the article body", element)
        before = len(self.warnings)
        content = self.inlines(element)
        del self.warnings[before:]  # one warning for the element, none for what is inside
        self.warn("markup-dropped", f"<{name}> is not body markup: read as a paragraph", element)
        return [Paragraph(content)]

    def _heading_level(self, element: etree._Element, name: str) -> int:
        """The heading's own level: ``data-level`` where it was shown renumbered."""
        stated = element.get(LEVEL_ATTRIBUTE)
        if stated is None:
            return self.HEADINGS[name]
        if stated in _LEVELS:
            return int(stated)
        if self.strict:
            raise self.error(f"expected a heading level 1 to 6 in {LEVEL_ATTRIBUTE}, got "
                             f"{stated!r}", element)
        self.warn("markup-dropped", f"{LEVEL_ATTRIBUTE} is not a heading level: read the "
                  "level shown", element)
        return self.HEADINGS[name]

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


def fit_heading_levels(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks`` with heading levels in the model's range, 2 to 6 (1 is the headline's).

    Levels already in the range are kept as they are.  Otherwise (a producer's ``<h1>``
    in the body, NITF's ``hl1``) the levels used are renumbered in their order from 2,
    so a body of ``h1`` and ``h2`` becomes levels 2 and 3; a sixth distinct level and
    any deeper one become 6.
    """
    used = sorted({block.level for block in blocks if isinstance(block, Heading)})
    if not used or (used[0] >= MODEL_LEVELS[0] and used[-1] <= MODEL_LEVELS[-1]):
        return blocks
    fitted = {level: min(MODEL_LEVELS[0] + rank, MODEL_LEVELS[-1])
              for rank, level in enumerate(used)}
    return tuple(Heading(block.content, fitted[block.level]) if isinstance(block, Heading)
                 else block for block in blocks)


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
    # lxml refuses a string holding characters XML cannot (a ninjs body_html with an escape
    # character): they carry no text, so they are removed, and a warning says so.
    safe = without_not_xml(text)
    removed = len(text) - len(safe)
    root = lxml_html.fragment_fromstring(safe, create_parent="div", parser=html_parser())
    blocks, warnings = blocks_from_elements(root, verbatim=verbatim,
                                            warning_prefix=warning_prefix)
    if removed:
        warnings = (ParseWarning(f"{warning_prefix}-control-characters",
                                 f"{removed} control character(s) that HTML cannot hold "
                                 "removed from the body"), *warnings)
    return blocks, warnings
