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

import bisect
import html
import re
from collections.abc import Iterator
from functools import lru_cache

from convert.model import Emphasis, Inline, Inlines, Link, Strong
from convert.textparse.prefilter import may_match

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ATTRIBUTES = r"(?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*\s*/?\s*>"
#: Tags that separate words (replaced by a space) and tags that do not.
_BREAK_TAG = re.compile(r"</?\s*(?:p|br|div|center)" + _ATTRIBUTES, re.I)
_INLINE_TAG = re.compile(
    r"</?\s*(?:span|font|small|big|u|abbr|sup|sub|mark|ins|del|s|strike|wbr|nobr|tt|"
    r"i|b|em|strong)" + _ATTRIBUTES, re.I)
#: The longest emphasised or linked span recognised (a longer one is left as written).
_SPAN = 500
# The forms of markup, as pattern text: ``_MARKUP`` joins them all.
_TAG_OPEN = r"<\s*(?P<tname>em|i|strong|b)\s*>"
_TAG_CLOSE = r"<\s*/\s*(?P<cname>em|i|strong|b)\s*>"
_A_OPEN = (rf"<\s*a\s+[^<>]{{0,{_SPAN}}}?href\s*=\s*[\"'](?P<ahref>[^\"'<>]{{1,{_SPAN}}})[\"']"
           rf"[^<>]{{0,{_SPAN}}}>")
_A_CLOSE = r"<\s*/\s*a\s*>"
_STAR_OPEN, _STAR_CLOSE = r"(?<![\w*])\*\*(?=\S)", r"(?<=\S)\*\*(?![\w*])"
_UNDERSCORE_OPEN, _UNDERSCORE_CLOSE = r"(?<![\w_])__(?=\S)", r"(?<=\S)__(?![\w_])"
_LINK = rf"(?P<link>\[(?P<ltext>[^\[\]]{{1,{_SPAN}}})\]\((?P<lhref>[^()\s]{{1,{_SPAN}}})\))"
_EMPHASIS = (rf"(?P<em>(?<![\w*])\*(?=[^\s*])(?P<ebody>[^*]{{1,{_SPAN}}}?)(?<=[^\s*])\*(?![\w*])"
             rf"|(?<![\w_])_(?=[^\s_])(?P<fbody>[^_]{{1,{_SPAN}}}?)(?<=[^\s_])_(?![\w_]))")
_MARKUP = re.compile(
    rf"(?P<tag>{_TAG_OPEN}(?P<tbody>.{{1,{_SPAN}}}?)<\s*/\s*(?P=tname)\s*>)"
    rf"|(?P<a>{_A_OPEN}(?P<abody>.{{1,{_SPAN}}}?){_A_CLOSE})"
    rf"|{_LINK}"
    rf"|(?P<strong>{_STAR_OPEN}(?P<sbody>.{{1,{_SPAN}}}?){_STAR_CLOSE}"
    rf"|{_UNDERSCORE_OPEN}(?P<ubody>.{{1,{_SPAN}}}?){_UNDERSCORE_CLOSE})"
    rf"|{_EMPHASIS}",
    re.I | re.S)
#: Characters without which ``_MARKUP`` cannot match (a fast path for plain prose).
_MARKUP_CHARACTERS = re.compile(r"[<*_\[]")
#: The forms whose body may hold any character: after an opening marker with
#: no closing one, ``_MARKUP`` would scan ``_SPAN`` characters in vain (500
#: times the text for a file of unclosed ``<em>``).  Opening and closing
#: markers, each found in one scan (of a text holding the opening one's first
#: characters); a closing tag must have the opening one's name.
_LONG_FORMS = [("<", re.compile(_TAG_OPEN, re.I), re.compile(_TAG_CLOSE, re.I), True),
               ("<", re.compile(_A_OPEN, re.I), re.compile(_A_CLOSE, re.I), False),
               # the ``**`` closing ``***`` starts one character after another ``**``
               ("**", re.compile(_STAR_OPEN), re.compile(rf"(?={_STAR_CLOSE})"), False),
               ("__", re.compile(_UNDERSCORE_OPEN), re.compile(rf"(?={_UNDERSCORE_CLOSE})"),
                False)]
#: The other forms, whose body stops at the next marker of its kind, so the
#: pattern fails within it: searched for as they are.
_SHORT_FORMS = re.compile(rf"(?=[\[*_])(?:{_LINK}|{_EMPHASIS})", re.I | re.S)
#: ``(?P=tname)`` compares characters by their simple lowercase, in which
#: ``İ`` is ``i`` (``str.lower`` makes it two characters) and ``ı``, ``ſ`` stay.
_SIMPLE_LOWER = {0x130: "i"}


def _tag_name(match: re.Match[str]) -> str:
    """The name a closing tag must repeat, as ``(?P=tname)`` compares it."""
    name = match[1]
    return name.lower() if name.isascii() else name.translate(_SIMPLE_LOWER).lower()


def _long_starts(text: str) -> tuple[list[int], bool]:
    """Where an opening marker of a long form has a closing one within ``_SPAN``
    characters of its end (the only places where such a form can match), and
    whether some opening marker has none."""
    starts: list[int] = []
    unclosed = False
    for first, opening, closing, named in _LONG_FORMS:
        if first not in text:
            continue
        openers = [(match.start(), match.end(), _tag_name(match) if named else "")
                   for match in opening.finditer(text)]
        if not openers:
            continue
        closers: dict[str, list[int]] = {}
        for match in closing.finditer(text):
            closers.setdefault(_tag_name(match) if named else "", []).append(match.start())
        for start, end, key in openers:
            found = closers.get(key, ())
            after = bisect.bisect_right(found, end)
            if after < len(found) and found[after] <= end + _SPAN:
                starts.append(start)
            else:
                unclosed = True
    return sorted(starts), unclosed


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_MARKUP.finditer(text)``, with each character scanned a bounded number of times.

    ``_MARKUP`` matches where a long form has its closing marker in reach or
    where a short form matches; the leftmost of the two is tried.  When every
    opening marker has its closing one in reach, no scan is in vain and the
    pattern's own search is used.
    """
    long_starts, unclosed = _long_starts(text)
    if not unclosed:
        yield from _MARKUP.finditer(text)
        return
    next_long = 0
    short = _SHORT_FORMS.search(text)
    position = 0
    while True:
        while next_long < len(long_starts) and long_starts[next_long] < position:
            next_long += 1
        if short is not None and short.start() < position:
            short = _SHORT_FORMS.search(text, position)
        candidates = [start for start in (long_starts[next_long] if next_long < len(long_starts)
                                          else None, short.start() if short else None)
                      if start is not None]
        if not candidates:
            return
        start = min(candidates)
        if match := _MARKUP.match(text, start):
            yield match
            position = match.end()
        else:  # a long form's guess only: the pattern is the judge
            position = start + 1


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
    parts = _parse(_BREAK_TAG.sub(" ", text) if may_match(_BREAK_TAG, text) else text)
    return _tidy(parts)


def _parse(text: str) -> list[Inline]:
    if not _MARKUP_CHARACTERS.search(text):
        return [_text_run(text)]
    parts: list[Inline] = []
    position = 0
    for match in _matches(text):
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
