"""The book's ZIP container, byte-reproducible.

``mimetype`` first and stored, one fixed timestamp (``SOURCE_DATE_EPOCH``,
else 1980-01-01, the ZIP epoch), fixed permissions, entries in the order they
are written; a name written twice is a bug and raises.
"""

from __future__ import annotations

import zipfile
from typing import IO

from convert.files import source_date_epoch

ROOT = "EPUB"
#: The book's stylesheet, under ROOT.
STYLESHEET = "styles/book.css"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_CONTAINER_XML = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">\n'
    f'<rootfiles><rootfile media-type="application/oebps-package+xml" '
    f'full-path="{ROOT}/content.opf"/></rootfiles>\n</container>\n'
)


class Archive:
    """A ZIP whose bytes depend only on what is written into it, in order."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(stream, "w")
        self._date_time = zip_time()
        self._names: set[str] = set()
        self._add("mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        self.writestr("META-INF/container.xml", _CONTAINER_XML)

    def writestr(self, name: str, data: bytes | str) -> None:
        """Add a compressed entry (ebooklib's writer calls this too)."""
        self._add(name, data.encode("utf-8") if isinstance(data, str) else data,
                  zipfile.ZIP_DEFLATED)

    def _add(self, name: str, data: bytes, method: int) -> None:
        if name in self._names:
            raise ValueError(f"duplicate archive entry {name}")
        self._names.add(name)
        info = zipfile.ZipInfo(name, self._date_time)
        info.compress_type = method
        info.create_system = 3  # Unix, so that the permissions below are read
        info.external_attr = 0o100644 << 16
        self._zip.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)

    def close(self) -> None:
        self._zip.close()


def zip_time() -> tuple[int, int, int, int, int, int]:
    moment = source_date_epoch()
    if moment is None or moment.year < 1980:
        return ZIP_EPOCH
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)
