"""Step ``language``: the article's BCP 47 language tag.

A tag the file declares (front matter ``lang``, a ``Language:`` header) wins
as written (``en-GB``).  Otherwise the primary subtag is detected from the
headline and body: scripts used by one language only (Hangul, kana, Thai,
Greek, Hebrew...) decide at once; anything else goes to ``py3langid``
(imported on first use: its model takes about a second to load, so a file
that declares its language never pays for it).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from convert.model import block_text
from convert.textparse.state import ParseState

#: Unicode script (first word of a character name) -> the one language written in it.
SINGLE_LANGUAGE_SCRIPTS = {
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "THAI": "th", "GREEK": "el",
    "HEBREW": "he", "GEORGIAN": "ka", "ARMENIAN": "hy", "KHMER": "km", "LAO": "lo",
    "MYANMAR": "my", "SINHALA": "si", "TAMIL": "ta", "TELUGU": "te", "KANNADA": "kn",
    "MALAYALAM": "ml", "GUJARATI": "gu", "GURMUKHI": "pa", "ETHIOPIC": "am", "TIBETAN": "bo",
}
#: Letters needed before a guess is worth making.
MIN_LETTERS = 12


def language(state: ParseState) -> None:
    if state.meta.language:
        state.decide(None, f"language declared: {state.meta.language}")
        return
    text = " ".join([state.meta.headline or "", *(block_text(b) for b in state.body)])
    state.meta.language = detect_language(text)
    state.decide(None, f"language detected: {state.meta.language}")


def article_language(state: ParseState) -> str | None:
    """The declared language, else one detected from all the text (computed once)."""
    if state.meta.language:
        return state.meta.language
    if state.text_language is None:
        state.text_language = detect_language(state.text) or ""
    return state.text_language or None


def detect_language(text: str) -> str | None:
    sample = text[:4000]
    # Each distinct letter once, with its count: a text has a few dozen.
    letters = {ch: count for ch, count in Counter(sample).items() if ch.isalpha()}
    if sum(letters.values()) < MIN_LETTERS:
        return None
    by_script = _single_language_script(letters)
    if by_script:
        return by_script
    import py3langid

    code, _ = py3langid.classify(sample)
    return str(code)


def _single_language_script(letters: dict[str, int]) -> str | None:
    """``letters``: each letter of the sample and how often it occurs."""
    counts: dict[str, int] = {}
    for ch, occurrences in letters.items():
        script = unicodedata.name(ch, "UNKNOWN").split()[0]
        counts[script] = counts.get(script, 0) + occurrences
    total = sum(letters.values())
    script, count = max(counts.items(), key=lambda item: item[1])
    if script in ("HIRAGANA", "KATAKANA") or counts.get("HIRAGANA", 0) + counts.get(
            "KATAKANA", 0) > total * 0.1:
        return "ja"
    if count > total * 0.6:
        return SINGLE_LANGUAGE_SCRIPTS.get(script)
    return None
