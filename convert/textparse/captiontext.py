"""Telling a photo or video caption and its credit from text.

Shared by the captions step and the header-role scorer.  A caption is
recognised by a credit label (``Photograph:``, ``Photo:``, ``Image
copyright``, ``Credit:``, ``©``...) or a generic caption label (``Image
caption``, ``Media caption``, ``Caption:``), or, above the body only, by a
short text ending in a parenthesised credit.
"""

from __future__ import annotations

import re

from convert.textparse.inline import clean_text
from convert.textparse.prefilter import may_match

_CREDIT_LABEL = (r"(?:image\s+copyright|image\s+source|image(?:\s+credit)?|picture\s+credit|"
                 r"photo\s+credit|photo(?:graph)?s?|pictures?|copyright|credit|"
                 r"crédit(?:\s+photo)?|foto|bild|fotos?|фото|صورة|图片|图|©)")
_CREDIT_AFTER = re.compile(rf"^(?P<text>.+?)\s*(?:\b|(?=©)){_CREDIT_LABEL}\s*[:：]?\s*"
                           rf"(?P<credit>[^:：]{{2,80}})$", re.I)
_CREDIT_AFTER_STRICT = re.compile(
    rf"^(?P<text>.+?[.!?…)”\"])\s+{_CREDIT_LABEL}\s*[:：]\s*(?P<credit>[^:：]{{2,80}})$", re.I)
_COPYRIGHT_SIGN = re.compile(r"^(?P<text>.{10,}?)\s*©\s*(?P<credit>[^©]{2,80})$")
_CREDIT_BEFORE = re.compile(
    rf"^{_CREDIT_LABEL}\s*[:：]\s*(?P<credit>[^|–—:]{{2,60}}?)\s*[|–—]\s*(?P<text>.+)$", re.I)
_CREDIT_ONLY = re.compile(rf"^(?:{_CREDIT_LABEL}\s*[:：,]?|©)\s*(?P<credit>.{{2,80}})$", re.I)
#: A credit line with an explicit label (``Photo: X``, ``Image source, X``): with a
#: short text line beside it, the two lines are a caption anywhere in the article.
_LABELLED_CREDIT_ONLY = re.compile(rf"^{_CREDIT_LABEL}\s*[:：,]\s*(?P<credit>.{{2,80}})$", re.I)
#: The generic label (``Image caption``, ``Media caption,``): removed from the text.
_CAPTION_LABEL = re.compile(r"^(?:image|media|video|photo)?\s*caption\s*[:：,]?\s*", re.I)
#: A credit label with its colon opening a credit (``Foto: Reuters``, ``Image credit: X``).
_LEADING_LABEL = re.compile(rf"^{_CREDIT_LABEL}\s*[:：]\s*", re.I)
#: The longest text line that still reads as a caption beside a credit line.
MAX_CAPTION = 300
_PAREN_CREDIT = re.compile(r"^(?P<text>.{10,300}?[.!?…”\"]?)\s*\((?P<credit>[^()]{2,40})\)$")
_NOT_CREDIT = re.compile(r"^(?:reporting|writing|editing|with\b|adds\b|updates?\b|file\b)|[.!?;]$",
                         re.I)


def caption_parts(text: str, *, in_header: bool = True,
                  lines: list[str] | None = None) -> tuple[str, str | None] | None:
    """(caption text, credit) when ``text`` is a photo caption, else None."""
    if lines and len(lines) == 2:
        first, second = (clean_text(line) for line in lines)
        for credit_line, text_line in ((first, second), (second, first)):
            only = _CREDIT_ONLY.match(credit_line)
            credit_labelled = bool(_LABELLED_CREDIT_ONLY.match(credit_line)) and (
                len(text_line) <= MAX_CAPTION)
            if only and (_CAPTION_LABEL.match(text_line) or in_header or credit_labelled):
                return _CAPTION_LABEL.sub("", text_line).strip(), _credit(only["credit"])
    labelled = _CAPTION_LABEL.match(text)
    body = _CAPTION_LABEL.sub("", text).strip() if labelled and labelled.group(0).strip() else text
    for pattern in (_CREDIT_BEFORE, _CREDIT_AFTER_STRICT, _COPYRIGHT_SIGN):
        match = pattern.match(body) if may_match(pattern, body) else None
        if match:
            return match["text"].strip(), _credit(match["credit"])
    if labelled and labelled.group(0).strip():
        match = _CREDIT_AFTER.match(body)
        if match and "copyright" in text.casefold():
            return match["text"].strip(), _credit(match["credit"])
        return body, None
    match = _PAREN_CREDIT.match(text) if may_match(_PAREN_CREDIT, text) else None
    if in_header and match and not _NOT_CREDIT.search(match["credit"].strip()):
        return match["text"].strip(), _credit(match["credit"])
    return None


def _credit(credit: str) -> str:
    """The credit without its brackets, a copyright sign or a label (``(Foto: Reuters)``)."""
    credit = re.sub(r"^(?:©|\(c\))\s*", "", credit.strip(" ()[]"), flags=re.I).strip()
    return _LEADING_LABEL.sub("", credit) or credit


def is_credit_line(text: str) -> bool:
    """A line that is only a labelled photo credit (``Image source, Getty Images``)."""
    return bool(_LABELLED_CREDIT_ONLY.match(text))


#: A parenthesised photo credit (``(AP Photo/A24 Films, Atsushi Nishijima)``), possibly
#: followed by the picture's id (``AP2014``).
PHOTO_CREDIT = re.compile(r"\((?P<credit>(?:[A-Z][\w.]*\s+)?(?:photo|foto|picture|image)s?\b"
                          r"[^()]{0,60})\)(?P<id>\s*[A-Z]{1,5}\d{2,8})?\s*$", re.I)


def photo_credit_parts(text: str) -> tuple[str, str] | None:
    """(caption, credit) for a text that ends with a parenthesised photo credit."""
    match = PHOTO_CREDIT.search(text)
    if match is None or match.start() < 10:
        return None
    credit = _credit(match["credit"]) + (f" {match['id'].strip()}" if match["id"] else "")
    return text[:match.start()].strip(), credit
