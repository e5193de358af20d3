"""One article as an XHTML 1.1-style content document (the chapters of an EPUB).

Everything the document says is escaped; characters XML 1.0 cannot hold are
dropped.  The model -> element mapping lives in :func:`block_markup` and
:func:`inline_markup` only, so it can be swapped for the HTML writer's shared
builder without touching the EPUB code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from convert.model import (
    Block, Document, Emphasis, Figure, Heading, Inlines, Link, ListBlock, Note, Paragraph, Quote,
    Strong,
)

#: Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Links kept as links: absolute web and mail addresses that are valid URLs as
#: written (anything else would be a broken or unsafe reference in a book).
_LINKABLE = re.compile(r"(?:https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+|mailto:[^\s<>\"\\]+)\Z")
#: The HTML ``<time datetime>`` forms our ISO 8601 dates come in.
_HTML_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?\Z")


def escape(text: str) -> str:
    """``text`` safe as XML character data and as a double-quoted attribute value."""
    text = _NOT_XML.sub("", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def linkable(href: str) -> bool:
    return _LINKABLE.match(href) is not None


#: The id of the ``<script>`` holding an article's canonical JSON.
DATA_BLOCK_ID = "newsconvert-document"


@dataclass(frozen=True)
class ChapterHead:
    """What the EPUB writer decides about a chapter: its title, language and links."""

    title: str
    language: str
    direction: str
    stylesheet_href: str
    #: JSON embedded as a data block (a ``<script>`` no reading system runs).
    data_json: str | None = None


def chapter(doc: Document, head: ChapterHead) -> bytes:
    """The complete content document for ``doc``."""
    lang = escape(head.language)
    data_block = ("" if head.data_json is None else
                  f'<script type="application/json" id="{DATA_BLOCK_ID}">'
                  f"{_script_safe(head.data_json)}</script>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' lang="{lang}" xml:lang="{lang}" dir="{head.direction}">\n'
        f"<head>\n<title>{escape(head.title)}</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{escape(head.stylesheet_href)}"/>\n'
        f"{data_block}\n</head>\n<body>\n{article_markup(doc)}</body>\n</html>\n"
    ).encode("utf-8")


def _script_safe(json_text: str) -> str:
    """JSON that reads the same to an XML and an HTML parser (no ``<``, ``>`` or ``&``)."""
    return json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_markup(doc: Document) -> str:
    """The ``<article>`` element: header, summary, body, footer."""
    parts = ['<article epub:type="chapter">\n', _header(doc)]
    if doc.summary:
        parts.append(f'<p class="summary">{escape(doc.summary)}</p>\n')
    parts.extend(block_markup(block) for block in doc.body)
    parts.append(_footer(doc))
    parts.append("</article>\n")
    return "".join(parts)


def block_markup(block: Block) -> str:
    """The one mapping from a body block to XHTML."""
    if isinstance(block, Paragraph):
        return f"<p>{inline_markup(block.content)}</p>\n"
    if isinstance(block, Heading):
        level = min(max(block.level, 2), 6)  # h1 is the headline
        return f"<h{level}>{inline_markup(block.content)}</h{level}>\n"
    if isinstance(block, Quote):
        quote = f"<blockquote><p>{inline_markup(block.content)}</p></blockquote>"
        if block.attribution is None:
            return f'<figure class="quote">{quote}</figure>\n'
        return (f'<figure class="quote">{quote}'
                f"<figcaption>{escape(block.attribution)}</figcaption></figure>\n")
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{inline_markup(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>\n"
    if isinstance(block, Figure):
        return _figure(block)
    if isinstance(block, Note):
        return (f'<div class="note {block.kind}" role="note">'
                f"<p>{inline_markup(block.content)}</p></div>\n")
    raise TypeError(f"unknown block {block!r}")


def inline_markup(inlines: Inlines) -> str:
    """The one mapping from inline text to XHTML."""
    parts: list[str] = []
    for part in inlines:
        if isinstance(part, str):
            parts.append(escape(part))
        elif isinstance(part, Emphasis):
            parts.append(f"<em>{inline_markup(part.content)}</em>")
        elif isinstance(part, Strong):
            parts.append(f"<strong>{inline_markup(part.content)}</strong>")
        elif isinstance(part, Link) and linkable(part.href):
            parts.append(f'<a href="{escape(part.href)}">{inline_markup(part.content)}</a>')
        else:  # a link to nowhere a reader can follow: keep its text
            parts.append(inline_markup(part.content))
    return "".join(parts)


def _figure(figure: Figure) -> str:
    """A figure: caption and credit; a web image is linked, never fetched by the reader."""
    link = ""
    if figure.src and linkable(figure.src):
        src = escape(figure.src)
        link = f'<p class="figure-source"><a href="{src}">{src}</a></p>'
    caption = inline_markup(figure.caption)
    if figure.credit:
        caption += f' <small class="credit">{escape(figure.credit)}</small>'
    return f"<figure>{link}<figcaption>{caption}</figcaption></figure>\n"


def _header(doc: Document) -> str:
    lines = ["<header>\n"]
    if doc.slugline:
        lines.append(f'<p class="slugline">{escape(doc.slugline)}</p>\n')
    if doc.headline:
        lines.append(f"<h1>{escape(doc.headline)}</h1>\n")
    if doc.subheadline:
        lines.append(f'<p class="subheadline">{escape(doc.subheadline)}</p>\n')
    if doc.bylines:
        names = ", ".join(escape(b.name) + (f" ({escape(b.role)})" if b.role else "")
                          for b in doc.bylines)
        lines.append(f'<p class="byline">{names}</p>\n')
    if doc.dateline and (doc.dateline.place or doc.dateline.date_text):
        text = ", ".join(escape(part) for part in (doc.dateline.place, doc.dateline.date_text)
                         if part)
        lines.append(f'<p class="dateline">{text}</p>\n')
    for kind, value in (("published", doc.published), ("updated", doc.updated)):
        if value:
            lines.append(f'<p class="{kind}">{_time(value)}</p>\n')
    lines.append("</header>\n")
    return "".join(lines)


def _time(value: str) -> str:
    if _HTML_DATETIME.match(value):
        return f'<time datetime="{value}">{escape(value)}</time>'
    return escape(value)


def _footer(doc: Document) -> str:
    lines = []
    if doc.source:
        lines.append(f'<p class="source">{escape(doc.source)}</p>\n')
    if doc.copyright:
        lines.append(f'<p class="copyright">{escape(doc.copyright)}</p>\n')
    if doc.url and linkable(doc.url):
        lines.append(f'<p class="url"><a href="{escape(doc.url)}">{escape(doc.url)}</a></p>\n')
    if doc.keywords:
        lines.append(f'<p class="keywords">{escape(", ".join(doc.keywords))}</p>\n')
    return f"<footer>\n{''.join(lines)}</footer>\n" if lines else ""
