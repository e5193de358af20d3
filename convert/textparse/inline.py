"""Inline text: HTML leftovers and Markdown emphasis/links -> model inlines.

- Entities (``&amp;``, ``&#8217;``, ``&nbsp;``) are decoded; only complete
  entities with a ``;`` count, so ``R&D`` and ``&&`` stay as written.
- Presentational tags (``p``, ``br``, ``span``, ``font``, ``div``...) are
  removed with their text kept; ``i``/``em`` and ``b``/``strong`` become
  Emphasis and Strong, ``<a href>`` a Link.  Any other angle-bracket text
  (``<script>alert(1)</script>``, ``count < 10``) is content and stays.
- Markdown ``*em*``, ``_em_``, ``**strong**``, ``__strong__`` and
  ``[text](url)`` become Emphasis, Strong and Link.
"""

from __future__ import annotations

import html
import re

from convert.model import Emphasis, Inline, Inlines, Link, Strong

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ATTRIBUTES = r"(?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*\s*/?\s*>"
#: Tags that separate words (replaced by a space) and tags that do not.
_BREAK_TAG = re.compile(r"</?\s*(?:p|br|div|center)" + _ATTRIBUTES, re.I)
_INLINE_TAG = re.compile(
    r"</?\s*(?:span|font|small|big|u|abbr|sup|sub|mark|ins|del|s|strike|wbr|nobr|tt|"
    r"i|b|em|strong)" + _ATTRIBUTES, re.I)
_MARKUP = re.compile(
    r"(?P<tag><\s*(?P<tname>em|i|strong|b)\s*>(?P<tbody>.+?)<\s*/\s*(?P=tname)\s*>)"
    r"|(?P<a><\s*a\s+[^<>]*?href\s*=\s*[\"'](?P<ahref>[^\"'<>]+)[\"'][^<>]*>(?P<abody>.+?)"
    r"<\s*/\s*a\s*>)"
    r"|(?P<link>\[(?P<ltext>[^\[\]]+)\]\((?P<lhref>[^()\s]+)\))"
    r"|(?P<strong>(?<![\w*])\*\*(?=\S)(?P<sbody>.+?)(?<=\S)\*\*(?![\w*])"
    r"|(?<![\w_])__(?=\S)(?P<ubody>.+?)(?<=\S)__(?![\w_]))"
    r"|(?P<em>(?<![\w*])\*(?=[^\s*])(?P<ebody>[^*]+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])(?P<fbody>[^_]+?)(?<=[^\s_])_(?![\w_]))",
    re.I | re.S)


#: Whitespace runs to squash; no-break spaces inside text are typography and stay.
_SPACE_RUN = re.compile(r"[^\S\u00a0\u202f]+|\s{2,}")


def squash(text: str) -> str:
    """``text`` with every whitespace run (no-break and ideographic too) as one space."""
    return re.sub(r"\s+", " ", text).strip()


def decode_entities(text: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def clean_text(text: str) -> str:
    """Plain text: entities decoded, all markup removed, whitespace squashed."""
    from convert.model import plain_text

    return squash(plain_text(to_inlines(text)))


def to_inlines(text: str) -> Inlines:
    """``text`` (one paragraph, lines already joined) as inlines."""
    parts = _parse(_BREAK_TAG.sub(" ", text))
    return _tidy(parts)


def _parse(text: str) -> list[Inline]:
    parts: list[Inline] = []
    position = 0
    for match in _MARKUP.finditer(text):
        if match.start() > position:
            parts.append(_text_run(text[position:match.start()]))
        parts.append(_node(match))
        position = match.end()
    if position < len(text):
        parts.append(_text_run(text[position:]))
    return parts


def _text_run(text: str) -> str:
    """Plain text between markup: stray inline tags removed, then entities decoded."""
    return decode_entities(_INLINE_TAG.sub("", text))


def _node(match: re.Match[str]) -> Inline:
    if match["tag"]:
        inner = tuple(_parse(match["tbody"]))
        return Emphasis(inner) if match["tname"].lower() in ("em", "i") else Strong(inner)
    if match["a"]:
        return Link(tuple(_parse(match["abody"])), html.unescape(match["ahref"]))
    if match["link"]:
        return Link(tuple(_parse(match["ltext"])), match["lhref"])
    if match["strong"]:
        return Strong(tuple(_parse(match["sbody"] or match["ubody"])))
    return Emphasis(tuple(_parse(match["ebody"] or match["fbody"])))


def _tidy(parts: list[Inline]) -> Inlines:
    """Whitespace squashed across runs, empty runs dropped, ends trimmed."""
    merged: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            part = _SPACE_RUN.sub(" ", part)
            if merged and isinstance(merged[-1], str):
                merged[-1] += part
                continue
            if not part:
                continue
        merged.append(part)
    if merged and isinstance(merged[0], str):
        merged[0] = merged[0].lstrip()
    if merged and isinstance(merged[-1], str):
        merged[-1] = merged[-1].rstrip()
    return tuple(part for part in merged if part != "")
