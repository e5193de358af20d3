"""The library API the command line itself calls: read, write, convert files.

Paths or bytes in, documents or bytes out.  Errors are :class:`ConvertError`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from convert import formats
from convert.errors import ConvertError
from convert.model import Document, with_metadata
from convert.options import ReadOptions, WriteOptions

#: Inputs larger than this are refused (a feed this large is validated
#: streaming by ``validate``, not loaded whole for conversion).
MAX_INPUT_BYTES = 512 * 1024 * 1024


def load_bytes(source: str | os.PathLike[str]) -> bytes:
    """The bytes of a path (``-`` is standard input), with clear errors."""
    import sys

    name = os.fspath(source)
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        if path.is_dir():
            raise ConvertError("is a folder, not a file", source=name, code="io")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise ConvertError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB", source=name,
                               code="too-large")
        return path.read_bytes()
    except FileNotFoundError:
        raise ConvertError("no such file or folder", source=name, code="io") from None
    except OSError as error:
        raise ConvertError(error.strerror or str(error), source=name, code="io") from None


def _reader_for(data: bytes, name: str, format: str | None) -> formats.ReaderSpec:
    return formats.reader(format) if format else formats.detect(data[:65536], name)


def iter_read(source: str | os.PathLike[str] | bytes, format: str | None = None,
              options: ReadOptions | None = None) -> Iterator[Document]:
    """Every document in ``source``, one at a time: a large newsMessage is read as it streams."""
    data, name = _data_and_name(source, options)
    options = options or ReadOptions(source_name=name)
    try:
        for doc in _reader_for(data, name, format).read_all(data, options):
            yield _as_asked(doc, options)
    except ConvertError as error:
        raise error.located(options.source_name) from None


def read_all(source: str | os.PathLike[str] | bytes, format: str | None = None,
             options: ReadOptions | None = None) -> list[Document]:
    """Every document in ``source`` (a newsMessage or a book holds several)."""
    return list(iter_read(source, format, options))


def read(source: str | os.PathLike[str] | bytes, format: str | None = None,
         options: ReadOptions | None = None) -> Document:
    """The one document in ``source``; the first one when it holds several."""
    data, name = _data_and_name(source, options)
    options = options or ReadOptions(source_name=name)
    try:
        return _as_asked(_reader_for(data, name, format).read(data, options), options)
    except ConvertError as error:
        raise error.located(options.source_name) from None


def _as_asked(doc: Document, options: ReadOptions) -> Document:
    """``doc`` with the language and metadata the options give."""
    pairs = ((("language", options.language),) if options.language else ()) + options.metadata
    if not pairs:
        return doc
    try:
        return with_metadata(doc, pairs)
    except ValueError as error:
        raise ConvertError(str(error), code="usage") from None


def _data_and_name(source: str | os.PathLike[str] | bytes,
                   options: ReadOptions | None) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, options.source_name if options else "<bytes>"
    return load_bytes(source), os.fspath(source) if os.fspath(source) != "-" else "<stdin>"


def write(docs: Document | Sequence[Document], format: str,
          options: WriteOptions | None = None) -> bytes:
    """``docs`` in output ``format`` (see ``convert.formats.WRITERS``)."""
    batch = [docs] if isinstance(docs, Document) else list(docs)
    return formats.writer(format).write(batch, options or WriteOptions())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A failure (full disk, Ctrl-C) never leaves a partial ``path`` behind.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".part")
    except (FileExistsError, NotADirectoryError):
        raise ConvertError("cannot write here: a part of this path is a file, not a folder "
                           "(Not a directory)", source=str(target), code="io") from None
    except OSError as error:
        raise ConvertError(error.strerror or str(error), source=str(target), code="io") from None
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # mkstemp's 0600 is not what users expect
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ConvertError(error.strerror or str(error), source=str(target),
                               code="io") from None
        raise
