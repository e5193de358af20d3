"""The one format detector: which row of the format table an input belongs to.

Each reader's row carries its own recogniser (``ReaderSpec.sniff``, given the
first 64 KiB); this module only decides among them:

* :func:`detect` picks the reader for ``convert``: by content first, by
  extension second, else plain text (text readers take anything);
* :func:`classify` picks the row whose validator checks a file for
  ``validate``: by content only (a ``.xml`` is whatever its content says), and
  plain text only for a file named on the command line or with a text
  extension (a folder's images and archives are not articles);
* :func:`ninjs_version` tells which ninjs version a parsed document is, for
  the ninjs reader and the validator alike.
"""

from __future__ import annotations

import re
from typing import Any

from convert import formats
from convert.formats import ReaderSpec

#: The first bytes every detector looks at.
HEAD_BYTES = 65536


def detect(head: bytes, filename: str | None = None) -> ReaderSpec:
    """The reader for an input, by its content first and its extension second
    (where formats share an extension, the first in the table)."""
    sniffed = [spec for spec in formats.READERS if spec.name != "text" and spec.sniff(head)]
    if len(sniffed) == 1:
        return sniffed[0]
    if filename:
        suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        by_extension = [spec for spec in (sniffed or formats.READERS)
                        if suffix in spec.extensions]
        if by_extension:
            return by_extension[0]
    if sniffed:
        return sniffed[0]
    return formats.READER_NAMES["text"]


def classify(head: bytes, path: str, explicit: bool) -> ReaderSpec | None:
    """The row whose validator checks this file, or None when it is none of ours.

    ``explicit``: the file was named on the command line (not found in a folder).
    """
    for spec in formats.READERS:
        if spec.name != "text" and spec.sniff(head):
            if spec.name == "ninjs" and not explicit and not _confident_ninjs(head):
                return None  # a folder's package.json or config.json
            return spec
    if formats.looks_markup(head) or formats.looks_binary(head):
        return None
    text = formats.READER_NAMES["text"]
    if explicit:
        return text
    extension = "." + path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return text if extension in WALKED_TEXT and reads_as_prose(head) else None


#: The extensions a folder walk takes as plain-text articles (``.md`` files
#: are a project's documents far more often: name them, or ``--include``).
WALKED_TEXT = (".txt", ".text")
# Patterns are compiled on first use (``re`` keeps them): validating a NewsML-G2
# file never needs them.
#: A line of words: three or more, made of letters (any script).
_WORDS_LINE = (
    r"(?:^|\s)(?:[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0900-\u0dff"
    r"\u0e00-\u0e7f'\u2019-])*[,.;:!?\"\u201d)\u0964]*[ \t]+){2}[^\W\d_]")
#: A run of unspaced script (Chinese, Japanese).
_CJK_RUN = r"[\u3040-\u30ff\u3400-\u9fff]{6}"


def _confident_ninjs(head: bytes) -> bool:
    """JSON that carries a ninjs identifier (``uri``; ``guid`` in Superdesk's
    flavour) beside other ninjs keys: any other JSON a folder holds is not news."""
    import json

    try:
        data = json.loads(head.decode("utf-8-sig"))
    except ValueError:  # larger than the head, or broken: the keys' spelling decides
        return b'"uri"' in head or b'"guid"' in head
    return (isinstance(data, dict) and ("uri" in data or "guid" in data)
            and ninjs_version(data) is not None)


def reads_as_prose(head: bytes) -> bool:
    """Whether a text file found in a folder reads as written language: a line
    of three or more words (``requirements.txt`` or ``CMakeLists.txt`` have
    none), or an empty file (an empty article is reported as one).  Text in a
    legacy encoding (not UTF-8) is taken as it is: software projects' text
    files are ASCII or UTF-8."""
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    try:
        sample = head.decode(encoding)
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the head
            return True
        sample = head[:error.start].decode(encoding)
    return not sample.strip() or bool(re.search(_WORDS_LINE, sample)
                                      or re.search(_CJK_RUN, sample))


# ---------------------------------------------------------------- ninjs versions

_SCHEMA_VERSION = r"ninjs-schema_(\d)"


def ninjs_version(data: Any) -> str | None:
    """The ninjs version (``"3.1"``, ``"2.2"`` or ``"1.6"``) of a parsed JSON
    object, or None when it does not look like ninjs at all.

    The version the document states wins (``standard.version``, 1.x's
    ``$standard.version``, or a ``$schema`` naming a ninjs schema); otherwise
    the version whose key spellings it uses most (keys of array items count,
    and flat ``body_*``/``headline_*`` texts count for 1.x), the newest on a
    tie.  An object with no ninjs key but ``uri`` is taken as the newest.
    """
    from convert.formats.ninjs import FLAT_TEXT, PROFILES  # only JSON files need the tables

    if not isinstance(data, dict):
        return None
    majors = {version[0]: version for version in PROFILES}
    declared = _declared_major(data)
    if declared in majors:
        return majors[declared]
    keys = set(data) | {key for value in data.values() if isinstance(value, list)
                        for item in value if isinstance(item, dict) for key in item}
    flat_texts = any(FLAT_TEXT.fullmatch(key) for key in data)
    scores = {version: len(keys & p.keys()) + int(flat_texts and p.flat)
              for version, p in PROFILES.items()}
    if not any(scores.values()) and "uri" not in data:
        return None
    return max(scores, key=lambda version: scores[version])


def _declared_major(data: dict[str, Any]) -> str | None:
    for key in ("standard", "$standard"):
        standard = data.get(key)
        version = standard.get("version") if isinstance(standard, dict) else None
        if isinstance(version, str):
            return version[:1]
    schema = data.get("$schema")
    match = re.search(_SCHEMA_VERSION, schema) if isinstance(schema, str) else None
    return match.group(1) if match else None
