"""The library API the command line itself calls: read, write, convert files.

Paths or bytes in, documents or bytes out.  Errors are :class:`ConvertError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from convert import formats
from convert.errors import ConvertError
from convert.files import display_name, load_bytes
from convert.formats import sniff
from convert.model import Document, with_metadata
from convert.options import ReadOptions, WriteOptions

def _reader_for(data: bytes, name: str, format: str | None) -> formats.ReaderSpec:
    return formats.reader(format) if format else sniff.detect(data[:sniff.HEAD_BYTES], name)


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
    return load_bytes(source), display_name(os.fspath(source))


def write(docs: Document | Sequence[Document], format: str,
          options: WriteOptions | None = None) -> bytes:
    """``docs`` in output ``format`` (see ``convert.formats.WRITERS``)."""
    batch = [docs] if isinstance(docs, Document) else list(docs)
    return formats.writer(format).write(batch, options or WriteOptions())
