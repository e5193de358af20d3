"""Reading ZIP archives (EPUB books) that nobody vouches for.

Every reader of a ZIP input goes through :class:`SafeArchive`, the EPUB
reader and ``validate``'s EPUB rules alike.  The archive is hostile until
proven otherwise:

* entry count, per-entry and total sizes and the compression ratio are
  capped on the sizes the central directory *declares*, before anything is
  inflated;
* a read inflates at most ``CHUNK`` bytes at a time and *counts* what comes
  out, so an entry whose directory lies about its size stops as soon as it
  passes the declared size (itself capped) instead of inflating to whatever it
  really holds; the CRC-32 and the size are checked at the end;
* only the two methods EPUB allows (stored, deflate) are read: others
  (bzip2, LZMA, unknown) and encrypted entries are refused up front;
* names that are absolute, contain ``..``, backslashes or NUL, and symbolic
  links are refused.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator

from convert.errors import ConvertError

MAX_ENTRIES = 50_000
MAX_ENTRY_BYTES = 64 * 2**20
MAX_TOTAL_BYTES = 512 * 2**20
#: Refuse entries that inflate more than this many times (above RATIO_FLOOR bytes).
MAX_RATIO = 200
RATIO_FLOOR = 2**20
#: Bytes inflated per step of a read.
CHUNK = 2**16
#: The compression methods the EPUB container format (OCF) allows.
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
#: A local file header: signature, versions, flags, method, time, date, CRC,
#: sizes, then the lengths of the name and the extra field that follow it.
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


class SafeArchive:
    """Read-only access to a ZIP that refuses anything a zip bomb or traversal needs.

    ``data`` is the archive's bytes or its path.  Every problem is a
    :class:`ConvertError` naming ``source`` (and ``!/entry`` inside it).
    """

    def __init__(self, data: bytes | str | os.PathLike[str], source: str) -> None:
        self.source = source
        self._inflated = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
            raise ConvertError(f"not a readable ZIP archive (truncated or damaged?): {error}",
                               source=source, code="invalid") from None
        if len(infos) > MAX_ENTRIES:
            raise ConvertError(f"too many archive entries ({len(infos)} > {MAX_ENTRIES})",
                               source=source, code="too-large")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        declared_total = 0
        for info in infos:
            self._check_entry(info)
            declared_total += info.file_size
        if declared_total > MAX_TOTAL_BYTES:
            raise ConvertError(f"archive inflates to more than {MAX_TOTAL_BYTES // 2**20} MiB",
                               source=source, code="too-large")

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *_: object) -> None:
        self._zip.close()

    def error(self, entry: str, message: str, line: int | None = None,
              code: str = "invalid") -> ConvertError:
        return ConvertError(message, source=f"{self.source}!/{entry}", line=line, code=code)

    def names(self) -> set[str]:
        return set(self._infos)

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        parts = name.split("/")
        if (name.startswith("/") or "\\" in name or "\x00" in name or ".." in parts
                or _WINDOWS_DRIVE.match(name)):
            raise self.error(name, "unsafe entry name (absolute, '..' or backslash)")
        if info.create_system == 3 and (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise self.error(name, "symbolic link entries are not allowed")
        if info.flag_bits & 0x1:
            raise self.error(name, "encrypted entries are not supported (DRM?)",
                             code="unsupported")
        if info.compress_type not in _METHODS:
            raise self.error(name, f"compression method {info.compress_type} is not supported "
                                   "(EPUB allows only stored and deflate)", code="unsupported")
        if name in self._infos:
            raise self.error(name, "duplicate entry name")
        if info.file_size > MAX_ENTRY_BYTES:
            raise self.error(name, f"entry inflates to more than {MAX_ENTRY_BYTES // 2**20} MiB",
                             code="too-large")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise self.error(name, f"compression ratio above {MAX_RATIO}:1 (zip bomb?)",
                             code="too-large")
        self._infos[name] = info

    def read(self, name: str, required: bool = False) -> bytes:
        """An entry's bytes, inflated a chunk at a time and counted against the caps."""
        info = self._infos.get(name)
        if info is None:
            if required:
                raise ConvertError(f"not an EPUB: no {name} entry", source=self.source,
                                   code="invalid")
            raise self.error(name, "referenced but missing from the archive")
        return b"".join(self._inflate(info))

    def verify(self) -> None:
        """Inflate every entry (counted, then dropped): a book that passes holds
        nothing beyond what its directory declares, so it is safe to hand on."""
        for info in self._infos.values():
            for _ in self._inflate(info):
                pass

    def _inflate(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The entry's bytes in chunks; stops with an error as soon as more come
        out than the directory declares, or the archive's total passes its cap."""
        name = info.filename
        inflater = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type else None
        length = crc = 0
        try:
            for raw in self._raw(info):
                pending = raw
                while pending:
                    if inflater is None:
                        chunk, pending = pending, b""
                    else:
                        chunk = inflater.decompress(pending, CHUNK)
                        pending = inflater.unconsumed_tail
                    length += len(chunk)
                    self._inflated += len(chunk)
                    if length > info.file_size:
                        raise self.error(name, "entry inflates to more than the "
                                               f"{info.file_size} bytes it declares (zip bomb?)",
                                         code="too-large")
                    if self._inflated > MAX_TOTAL_BYTES:
                        raise ConvertError("archive inflates to more than "
                                           f"{MAX_TOTAL_BYTES // 2**20} MiB",
                                           source=self.source, code="too-large")
                    crc = zlib.crc32(chunk, crc)
                    yield chunk
                    if inflater is not None and inflater.eof:
                        break
        except zlib.error as error:
            raise self.error(name, f"damaged archive entry: {error}") from None
        if length != info.file_size or crc != info.CRC or (inflater and not inflater.eof):
            raise self.error(name, "damaged archive entry: its size or CRC-32 is not the one "
                                   "the directory declares")

    def _raw(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The entry's stored (compressed) bytes, read ``CHUNK`` at a time."""
        stream = self._zip.fp
        if stream is None:
            raise self.error(info.filename, "the archive is closed")
        stream.seek(info.header_offset)
        header = stream.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise self.error(info.filename, "damaged archive entry: bad local header")
        name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
        stream.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
        left = info.compress_size
        while left > 0:
            raw = stream.read(min(CHUNK, left))
            if not raw:
                raise self.error(info.filename, "damaged archive entry: truncated")
            left -= len(raw)
            yield raw
