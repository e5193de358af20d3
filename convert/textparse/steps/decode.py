"""Step ``decode``: bytes to numbered lines, refusing what is not text.

Order of evidence: an explicit ``--encoding``; a byte-order mark (UTF-8,
UTF-16 either order, UTF-32); a declaration in the first lines
(``charset=...``, ``encoding: ...``, ``<meta charset>``); strict UTF-8.  Only
when all of these fail is the encoding *guessed* (a warning): UTF-16 without
a BOM from its NUL pattern, else charset-normalizer's best guess when it is a
non-Western code page, else Windows-1252 (Latin-1 would turn 0x80-0x9F into
control characters, which cp1252 maps to quotes and dashes).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from convert.textparse.state import Line, ParseState

BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

_DECLARATION = re.compile(
    rb"(?:charset|encoding|coding)\s*[:=]\s*[\"']?([A-Za-z0-9][A-Za-z0-9_.:-]{1,30})", re.I)
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF",
                 b"\x1f\x8b", b"RIFF", b"OggS")
#: Code pages charset-normalizer may name for Western text; cp1252 is the
#: better guess for all of them (it is their superset for printable text).
_WESTERN = {"ascii", "latin_1", "iso8859_1", "iso8859_15", "cp1252", "mac_roman",
            "cp850", "cp437", "utf_8"}
#: Vendor supersets the detector names -> the standard encodings the same bytes are
#: usually written in; when one of these decodes the bytes to the same text it is
#: the better name (Korean text that fits EUC-KR is EUC-KR, not Microsoft's cp949).
PLAIN_NAMES: dict[str, tuple[str, ...]] = {
    "cp949": ("euc_kr",), "johab": ("euc_kr",), "cp932": ("shift_jis",),
    "shift_jis_2004": ("shift_jis",), "shift_jisx0213": ("shift_jis",),
    "euc_jis_2004": ("euc_jp",), "euc_jisx0213": ("euc_jp",), "gbk": ("gb18030",),
    "gb2312": ("gb18030",), "hz": ("gb18030",), "big5hkscs": ("big5",), "cp950": ("big5",),
}
#: C0 controls that never occur in text (tab, LF, FF, CR, ESC excluded): the
#: evidence of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
#: What is dropped from decoded text: those, ESC (the ISO-2022 codecs consume
#: their escape sequences, so an ESC left after decoding is a terminal command) and
#: the noncharacters U+FFFE and U+FFFF, which no XML or HTML output can hold.
_DROPPED = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
#: Codecs Python treats as text encodings that are not character sets a file
#: can be written in: they turn ASCII (``\\x1b``, ``xn--``) into other text.
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode",
                           "undefined"})


def decode(state: ParseState) -> None:
    data = state.data
    if not data.strip():
        raise state.error("empty", "the file is empty (nothing to convert)")
    text, encoding = _decode(state)
    text = text.lstrip("\ufeff")
    if _CONTROL.search(text[:65536]) and _control_ratio(text) > 0.01:
        raise state.error("binary", "not a text file (it contains binary control bytes)")
    if control := _DROPPED.search(text):
        state.warn("control-characters", f"dropped {len(_DROPPED.findall(text))} control "
                   f"character(s) such as U+{ord(control.group()):04X}: text cannot hold them",
                   text.count("\n", 0, control.start()) + 1)
    text = _DROPPED.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    if not text.strip():
        raise state.error("empty", "the file holds only whitespace (nothing to convert)")
    state.text, state.encoding = text, encoding
    state.lines = [Line(number, line) for number, line in enumerate(text.split("\n"), 1)]
    state.decide(None, f"encoding {encoding}, {len(state.lines)} lines")


def _decode(state: ParseState) -> tuple[str, str]:
    data = state.data
    if state.options.encoding:
        return _strict(state, data, state.options.encoding, "given")
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            state.decide(1, f"byte-order mark says {name}")
            return _strict(state, data, codec, "BOM")[0], name
    if data.startswith(_BINARY_MAGIC):
        raise state.error("binary", "not a text file (binary data such as an image or archive)")
    if b"\x00" in data[:4096]:
        if not _utf16_pattern(data):
            raise state.error("binary", "not a text file (it contains NUL bytes)")
        return _guess(state, data, data.index(b"\x00"))
    declared = _declared(data)
    if declared:
        state.decide(1, f"the text declares its encoding: {declared}")
        return _strict(state, data, declared, "declared")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        return _guess(state, data, error.start)


def _strict(state: ParseState, data: bytes, encoding: str, why: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), codecs.lookup(encoding).name
    except LookupError:
        raise state.error("encoding", f"unknown encoding {encoding!r} ({why})") from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise state.error("encoding", f"not valid {encoding} ({why}): byte "
                          f"0x{data[error.start]:02x} at offset {error.start}", line) from None


def _declared(data: bytes) -> str | None:
    head = b"\n".join(data[:2048].split(b"\n")[:12])
    folded = head.lower()  # re.I on bytes is ASCII case, as bytes.lower: no scan without them
    match = _DECLARATION.search(head) if b"charset" in folded or b"coding" in folded else None
    if not match:
        return None
    name = match.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    # only a character set is a declaration ("encoding: base64" in prose is not)
    return name if codec._is_text_encoding and codec.name not in _NOT_CHARSETS else None


def _utf16_pattern(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit at every other byte, as in BOM-less UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _guess(state: ParseState, data: bytes, bad_offset: int) -> tuple[str, str]:
    line = data[:bad_offset].count(b"\n") + 1
    encoding = _utf16_pattern(data) or _detected_code_page(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin-1"
        text = data.decode(encoding)
    name = codecs.lookup(encoding).name
    state.warn("encoding-guessed", f"not UTF-8 (byte 0x{data[bad_offset]:02x}) and no "
               f"declared encoding: guessed {name}", line)
    return text, name


def _detected_code_page(data: bytes) -> str:
    """charset-normalizer's guess when it reads the bytes as a non-Latin script, else cp1252.

    For Latin-script text the detector often names a neighbouring code page
    (cp1250, iso8859-2) on short inputs; cp1252 is the right guess there.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in _WESTERN:
        return "cp1252"
    letters = [ch for ch in str(best) if ch.isalpha() and not ch.isascii()]
    non_latin = [ch for ch in letters if not unicodedata.name(ch, "").startswith("LATIN")]
    if not letters or len(non_latin) < len(letters) / 2:
        return "cp1252"
    return _plain_name(data, best.encoding, str(best))


def _plain_name(data: bytes, detected: str, text: str) -> str:
    """The standard encoding among ``PLAIN_NAMES`` that reads ``data`` as ``text``, if any."""
    for name in PLAIN_NAMES.get(detected, ()):
        try:
            if data.decode(name) == text:
                return name
        except UnicodeDecodeError:
            continue
    return detected


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)
