"""The cover: an image the user gives, or a typographic SVG made from the book.

The generated cover sets the title as large as it fits: it is wrapped at
word boundaries (inside a word when one word is wider than the line, as CJK
text is) at the largest of a few sizes whose lines fit the title area, and cut
with an ellipsis only when even the smallest size does not fit.  Below it: the
date range, the sections and the article count.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from convert.errors import ConvertError
from convert.writers.epub.chapter import escape

WIDTH, HEIGHT = 600, 800
MARGIN = 60
#: The title's box: from just under the rule to above the details.
TITLE_TOP, TITLE_BOTTOM = 190, 560
TITLE_SIZES = (56, 48, 42, 36, 31, 27)
DETAIL_SIZE = 26
MAX_COVER_BYTES = 32 * 2**20


@dataclass(frozen=True)
class CoverImage:
    data: bytes | None  # None: generate the SVG cover once the book is known
    extension: str
    media_type: str


_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
    (b"GIF87a", "gif", "image/gif"),
    (b"GIF89a", "gif", "image/gif"),
)


def cover_image(cover: str | None) -> CoverImage | None:
    """What ``--cover`` asks for: None, ``auto`` (generated) or an image file (checked)."""
    if cover is None:
        return None
    if cover == "auto":
        return CoverImage(None, "svg", "image/svg+xml")
    try:
        with open(cover, "rb") as handle:
            data = handle.read(MAX_COVER_BYTES + 1)
    except OSError as error:
        raise ConvertError(f"cannot read cover image: {error.strerror or error}", source=cover,
                           code="usage") from None
    if len(data) > MAX_COVER_BYTES:
        raise ConvertError("cover image larger than 32 MiB", source=cover, code="usage")
    for signature, extension, media_type in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return CoverImage(data, extension, media_type)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return CoverImage(data, "webp", "image/webp")
    raise ConvertError("cover image must be PNG, JPEG, GIF or WebP", source=cover, code="usage")


@dataclass(frozen=True)
class CoverText:
    title: str
    language: str
    direction: str
    date_range: str
    sections: tuple[str, ...]
    count_line: str


def svg_cover(text: CoverText) -> bytes:
    """A plain typographic cover: title (fitted), date range, sections, article count."""
    size, lines = fit_title(text.title)
    rtl = text.direction == "rtl"
    anchor = "end" if rtl else "start"
    x = WIDTH - MARGIN if rtl else MARGIN
    leading = round(size * 1.18)
    title = "".join(
        f'<text x="{x}" y="{TITLE_TOP + size + leading * index}" font-size="{size}" '
        f'font-weight="bold" text-anchor="{anchor}">{escape(line)}</text>'
        for index, line in enumerate(lines))
    section_lines = wrap(" · ".join(text.sections), _capacity(DETAIL_SIZE))[:3]
    if len(section_lines) == 3 and len(wrap(" · ".join(text.sections),
                                            _capacity(DETAIL_SIZE))) > 3:
        section_lines[2] = _ellipsised(section_lines[2], _capacity(DETAIL_SIZE))
    details = [line for line in (text.date_range, *section_lines, text.count_line) if line]
    footer = "".join(
        f'<text x="{x}" y="{620 + 38 * index}" font-size="{DETAIL_SIZE}" '
        f'text-anchor="{anchor}">{escape(line)}</text>' for index, line in enumerate(details))
    lang = escape(text.language)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" xml:lang="{lang}" direction="{text.direction}" '
        'font-family="serif">\n'
        f"<title>{escape(text.title)}</title>\n"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f4f1ea"/>'
        f'<rect x="{MARGIN - 20}" y="120" width="{WIDTH - 2 * (MARGIN - 20)}" height="8" '
        'fill="#1d3557"/>'
        f'<rect x="{MARGIN - 20}" y="575" width="{WIDTH - 2 * (MARGIN - 20)}" height="2" '
        'fill="#1d3557"/>'
        f'<g fill="#1d3557">{title}</g><g fill="#333333">{footer}</g>\n</svg>\n'
    ).encode("utf-8")


def fit_title(title: str) -> tuple[int, list[str]]:
    """The largest size whose wrapped lines fit the title box, and those lines."""
    for size in TITLE_SIZES:
        lines = wrap(title, _capacity(size))
        if len(lines) <= _rows(size):
            return size, lines
    size = TITLE_SIZES[-1]
    lines = wrap(title, _capacity(size))[:_rows(size)]
    lines[-1] = _ellipsised(lines[-1], _capacity(size))
    return size, lines


def _capacity(size: int) -> float:
    """The line width in ems of a Latin bold serif (``text_width`` units)."""
    return (WIDTH - 2 * MARGIN) / size


def _rows(size: int) -> int:
    return max(1, int((TITLE_BOTTOM - TITLE_TOP) // round(size * 1.18)))


def text_width(text: str) -> float:
    """An estimate in ems: wide (CJK, full-width) characters 1, others 0.6 (bold serif)."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6 for char in text)


def wrap(text: str, capacity: float) -> list[str]:
    """Lines no wider than ``capacity`` ems, broken between words, inside too-long words."""
    lines: list[str] = []
    for word in text.split():
        while text_width(word) > capacity:  # one word wider than the line: break it
            cut = _longest_prefix(word, capacity - (0 if _is_wide(word) else 0.6))
            piece, word = word[:cut] + ("" if _is_wide(word) else "-"), word[cut:]
            _append(lines, piece, capacity)
        _append(lines, word, capacity)
    return lines or [""]


def _append(lines: list[str], word: str, capacity: float) -> None:
    if lines and text_width(lines[-1]) + 0.6 + text_width(word) <= capacity:
        lines[-1] += " " + word
    else:
        lines.append(word)


def _is_wide(word: str) -> bool:
    return any(unicodedata.east_asian_width(char) in "WF" for char in word)


def _longest_prefix(word: str, capacity: float) -> int:
    width = 0.0
    for index, char in enumerate(word):
        width += text_width(char)
        if width > capacity:
            return max(1, index)
    return len(word)


def _ellipsised(line: str, capacity: float) -> str:
    while line and text_width(line + "…") > capacity:
        line = line[:-1]
    return line.rstrip() + "…"
