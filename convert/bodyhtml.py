"""Body blocks <-> an HTML fragment, both ways, for formats that carry HTML bodies.

The writer side is a small escaping serializer; the reader side parses with
lxml.html (no network, comments and processing instructions removed) and maps
the elements back to blocks.  For anything :func:`blocks_to_html` writes,
``html_to_blocks(blocks_to_html(blocks)) == blocks``; other HTML (agency
bodies) is read leniently: unknown containers are walked through, unknown
inline elements keep their text, ``script``/``style`` are skipped.

The shapes written::

    Paragraph  <p>…</p>                  Heading   <h1>…<h6>
    Quote      <blockquote><p>…</p><footer>attribution</footer></blockquote>
    ListBlock  <ul>/<ol><li>…</li></ul>  Note      <aside class="correction|editors-note|note"><p>…</p></aside>
    Figure     <figure><img src="…" alt=""><figcaption>…</figcaption><p class="credit">…</p></figure>
    Emphasis <em>, Strong <strong>, Link <a href>
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from convert.model import (
    Block, Emphasis, Figure, Heading, Inline, Inlines, Link, ListBlock, Note, NoteKind,
    Paragraph, Quote, Strong,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

NOTE_KINDS: tuple[NoteKind, ...] = ("correction", "editors-note", "note")

# ---------------------------------------------------------------- writing


def inlines_to_html(inlines: Inlines) -> str:
    parts: list[str] = []
    for part in inlines:
        if isinstance(part, str):
            parts.append(escape(part, quote=False))
        elif isinstance(part, Link):
            parts.append(f'<a href="{escape(part.href)}">{inlines_to_html(part.content)}</a>')
        else:
            tag = "em" if isinstance(part, Emphasis) else "strong"
            parts.append(f"<{tag}>{inlines_to_html(part.content)}</{tag}>")
    return "".join(parts)


def _wrap(tag: str, inlines: Inlines, attributes: str = "") -> str:
    return f"<{tag}{attributes}>{inlines_to_html(inlines)}</{tag}>"


def block_to_html(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _wrap("p", block.content)
    if isinstance(block, Heading):
        return _wrap(f"h{min(max(block.level, 1), 6)}", block.content)
    if isinstance(block, Quote):
        footer = "" if block.attribution is None else _wrap("footer", (block.attribution,))
        return f"<blockquote>{_wrap('p', block.content)}{footer}</blockquote>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>{''.join(_wrap('li', item) for item in block.items)}</{tag}>"
    if isinstance(block, Figure):
        image = "" if block.src is None else f'<img src="{escape(block.src)}" alt="">'
        credit = "" if block.credit is None else _wrap("p", (block.credit,), ' class="credit"')
        return f"<figure>{image}{_wrap('figcaption', block.caption)}{credit}</figure>"
    return f'<aside class="{block.kind}">{_wrap("p", block.content)}</aside>'


def blocks_to_html(blocks: tuple[Block, ...]) -> str:
    """The body as an HTML fragment, one block per line."""
    return "\n".join(block_to_html(block) for block in blocks)


# ---------------------------------------------------------------- reading

_SKIPPED = {"script", "style", "template", "noscript", "head", "title", "meta", "link", "hr"}
_CONTAINERS = {"div", "section", "article", "main", "header", "body", "html", "center"}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}


def html_to_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of an HTML fragment (see the module docstring for the mapping)."""
    from lxml import html as lxml_html

    if not html.strip():
        return ()
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  huge_tree=False)
    root = lxml_html.fragment_fromstring(html, create_parent="div", parser=parser)
    return tuple(_container_blocks(root))


def _container_blocks(container: HtmlElement) -> list[Block]:
    """Blocks of ``container``'s children; loose inline runs become paragraphs."""
    blocks: list[Block] = []
    loose: list[Inline] = []

    def flush() -> None:
        content = _merged(loose)
        if "".join(p for p in content if isinstance(p, str)).strip() or any(
                not isinstance(p, str) for p in content):
            blocks.append(Paragraph(content))
        loose.clear()

    if container.text:
        loose.append(container.text)
    for child in container:
        tag = child.tag if isinstance(child.tag, str) else ""
        block = _block(child, tag)
        if block is None and tag not in _CONTAINERS and tag not in _SKIPPED:
            loose.extend(_element_inlines(child, tag))
        else:
            flush()
            if block is not None:
                blocks.append(block)
            elif tag in _CONTAINERS:
                blocks.extend(_container_blocks(child))
        if child.tail:
            loose.append(child.tail)
    flush()
    return blocks


def _block(element: HtmlElement, tag: str) -> Block | None:
    if tag == "p":
        return Paragraph(_inlines(element))
    if tag in _HEADINGS:
        return Heading(_inlines(element), _HEADINGS[tag])
    if tag == "blockquote":
        footer = element.find("footer")
        attribution = None if footer is None else footer.text_content()
        return Quote(_text_blocks_inlines(element, exclude=footer), attribution)
    if tag in ("ul", "ol"):
        return ListBlock(tuple(_inlines(item) for item in element.iterchildren("li")),
                         ordered=tag == "ol")
    if tag == "figure":
        return _figure(element)
    if tag == "aside":
        classes = element.get("class", "").split()
        kind = next((k for k in NOTE_KINDS if k in classes), "note")
        return Note(_text_blocks_inlines(element), kind)
    return None


def _figure(element: HtmlElement) -> Figure:
    caption = element.find("figcaption")
    image = element.find(".//img")
    credit = element.find_class("credit")
    return Figure(() if caption is None else _inlines(caption),
                  credit=credit[0].text_content() if credit else None,
                  src=None if image is None else image.get("src"))


def _text_blocks_inlines(element: HtmlElement, exclude: HtmlElement | None = None) -> Inlines:
    """The inline content of a quote or note: its paragraphs joined by a space."""
    paragraphs = [child for child in element if child.tag == "p"]
    if not paragraphs:
        return _inlines(element, exclude)
    joined: list[Inline] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            joined.append(" ")
        joined.extend(_inlines(paragraph))
    return _merged(joined)


def _inlines(element: HtmlElement, exclude: HtmlElement | None = None) -> Inlines:
    parts: list[Inline] = [element.text] if element.text else []
    for child in element:
        if child is not exclude:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag not in _SKIPPED:
                parts.extend(_element_inlines(child, tag))
        if child.tail:
            parts.append(child.tail)
    return _merged(parts)


def _element_inlines(element: HtmlElement, tag: str) -> list[Inline]:
    """One inline element (its tail excluded) as inlines."""
    if tag == "br":
        return ["\n"]
    content = _inlines(element)
    if tag in ("em", "i"):
        return [Emphasis(content)]
    if tag in ("strong", "b"):
        return [Strong(content)]
    if tag == "a" and element.get("href") is not None:
        return [Link(content, element.get("href"))]
    return list(content)


def _merged(parts: list[Inline]) -> Inlines:
    """Adjacent strings joined, empty strings dropped."""
    merged: list[Inline] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    return tuple(merged)
