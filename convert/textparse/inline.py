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
from functools import lru_cache

from convert.model import Emphasis, Inline, Inlines, Link, Strong

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ATTRIBUTES = r"(?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*\s*/?\s*>"
#: Tags that separate words (replaced by a space) and tags that do not.
_BREAK_TAG = re.compile(r"</?\s*(?:p|br|div|center)" + _ATTRIBUTES, re.I)
_INLINE_TAG = re.compile(
    r"</?\s*(?:span|font|small|big|u|abbr|sup|sub|mark|ins|del|s|strike|wbr|nobr|tt|"
    r"i|b|em|strong)" + _ATTRIBUTES, re.I)
#: The longest emphasised or linked span recognised.  Bounded so that a file
#: full of unclosed ``**`` or ``<em>`` costs linear time, not quadratic.
_SPAN = 500
_MARKUP = re.compile(
    rf"(?P<tag><\s*(?P<tname>em|i|strong|b)\s*>(?P<tbody>.{{1,{_SPAN}}}?)<\s*/\s*(?P=tname)\s*>)"
    rf"|(?P<a><\s*a\s+[^<>]{{0,{_SPAN}}}?href\s*=\s*[\"'](?P<ahref>[^\"'<>]{{1,{_SPAN}}})[\"']"
    rf"[^<>]{{0,{_SPAN}}}>(?P<abody>.{{1,{_SPAN}}}?)<\s*/\s*a\s*>)"
    rf"|(?P<link>\[(?P<ltext>[^\[\]]{{1,{_SPAN}}})\]\((?P<lhref>[^()\s]{{1,{_SPAN}}})\))"
    rf"|(?P<strong>(?<![\w*])\*\*(?=\S)(?P<sbody>.{{1,{_SPAN}}}?)(?<=\S)\*\*(?![\w*])"
    rf"|(?<![\w_])__(?=\S)(?P<ubody>.{{1,{_SPAN}}}?)(?<=\S)__(?![\w_]))"
    rf"|(?P<em>(?<![\w*])\*(?=[^\s*])(?P<ebody>[^*]{{1,{_SPAN}}}?)(?<=[^\s*])\*(?![\w*])"
    rf"|(?<![\w_])_(?=[^\s_])(?P<fbody>[^_]{{1,{_SPAN}}}?)(?<=[^\s_])_(?![\w_]))",
    re.I | re.S)
#: Characters without which ``_MARKUP`` cannot match (a fast path for plain prose).
_MARKUP_CHARACTERS = re.compile(r"[<*_\[]")


#: Whitespace runs to squash; no-break spaces inside text are typography and stay.
_SPACE_RUN = re.compile(r"[^\S\u00a0\u202f]+|\s{2,}")
#: Finds whether ``_SPACE_RUN`` would change anything (most prose has single spaces only).
_SPACE_TO_SQUASH = re.compile(r"[^\S \u00a0\u202f]|\s{2}")


def squash(text: str) -> str:
    """``text`` with every whitespace run (no-break and ideographic too) as one space."""
    return " ".join(text.split())


def decode_entities(text: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


@lru_cache(maxsize=4096)
def clean_text(text: str) -> str:
    """Plain text: entities decoded, all markup removed, whitespace squashed.

    Cached: several steps ask for the same line's plain text.
    """
    from convert.model import plain_text

    return squash(plain_text(to_inlines(text)))


def to_inlines(text: str) -> Inlines:
    """``text`` (one paragraph, lines already joined) as inlines."""
    parts = _parse(_BREAK_TAG.sub(" ", text))
    return _tidy(parts)


def _parse(text: str) -> list[Inline]:
    if not _MARKUP_CHARACTERS.search(text):
        return [_text_run(text)]
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
    if "<" in text:
        text = _INLINE_TAG.sub("", text)
    return decode_entities(text) if "&" in text else text


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
            if _SPACE_TO_SQUASH.search(part):
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
