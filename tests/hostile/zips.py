"""Hostile ZIP archives (EPUB-shaped), built at test time."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

CONTAINER = (b'<?xml version="1.0"?><container version="1.0" '
             b'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
             b'<rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>'
             b"</rootfiles></container>")
PACKAGE = (b'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           b'<manifest><item id="c" href="chapter.xhtml" media-type="application/xhtml+xml"/>'
           b'</manifest><spine><itemref idref="c"/></spine></package>')
CHAPTER = (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t'
           b'</title></head><body><h1>Ferry strike ends</h1><p>Ferries run again.</p></body>'
           b'</html>')


def book(chapter: bytes = CHAPTER, *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A small EPUB whose chapter entry is compressed with ``method``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip")
        archive.writestr(zipfile.ZipInfo("META-INF/container.xml"), CONTAINER,
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("EPUB/content.opf"), PACKAGE,
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("EPUB/chapter.xhtml"), chapter, compress_type=method)
    return buffer.getvalue()


def with_method(data: bytes, entry: bytes, method: int) -> bytes:
    """``data`` with ``entry``'s compression method field rewritten (local and central)."""
    return _patch(data, entry, {b"PK\x03\x04": (8, "<H", method), b"PK\x01\x02": (10, "<H", method)})


def with_flags(data: bytes, entry: bytes, flags: int) -> bytes:
    """``data`` with ``entry``'s general-purpose flags rewritten (bit 0: encrypted)."""
    return _patch(data, entry, {b"PK\x03\x04": (6, "<H", flags), b"PK\x01\x02": (8, "<H", flags)})


def lying_book(real_size: int, declared_size: int = 1000) -> bytes:
    """An EPUB whose chapter declares ``declared_size`` bytes but inflates to
    ``real_size`` (zeros: about real_size / 1000 bytes compressed)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = b"\0" * 2**20
    parts = [compressor.compress(block) for _ in range(real_size // len(block))]
    stream = b"".join(parts) + compressor.flush()
    placeholder = b"x" * len(stream)
    data = book(placeholder, method=zipfile.ZIP_STORED)
    data = data.replace(placeholder, stream)
    fields = {b"PK\x03\x04": [(8, "<H", zipfile.ZIP_DEFLATED), (22, "<I", declared_size)],
              b"PK\x01\x02": [(10, "<H", zipfile.ZIP_DEFLATED), (24, "<I", declared_size)]}
    for signature, changes in fields.items():
        for change in changes:
            data = _patch(data, b"EPUB/chapter.xhtml", {signature: change})
    return data


def _patch(data: bytes, entry: bytes, fields: dict[bytes, tuple[int, str, int]]) -> bytes:
    """Rewrite one field of ``entry``'s local header and/or central directory record."""
    out = bytearray(data)
    for signature, (offset, fmt, value) in fields.items():
        name_at, fixed = (26, 30) if signature == b"PK\x03\x04" else (28, 46)
        start = 0
        while (start := out.find(signature, start)) != -1:
            length = struct.unpack_from("<H", out, start + name_at)[0]
            if out[start + fixed:start + fixed + length] == entry:
                struct.pack_into(fmt, out, start + offset, value)
            start += 4
    return bytes(out)
