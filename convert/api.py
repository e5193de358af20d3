"""The library API the command line itself calls: read, write, convert a file.

Paths or bytes in, documents or bytes out.  Errors are :class:`ConvertError`.
:func:`convert_file` is the whole one-file path: read (the reader runs its
clean-up passes), write (the writer runs the passes its format needs, such as
XML-safe text), then one atomic write.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from convert import files, formats
from convert.errors import ConvertError
from convert.files import display_name, load_bytes
from convert.formats import sniff
from convert.model import Document, ParseWarning, with_metadata
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


def document_warnings(doc: Document, to: Sequence[str], options: WriteOptions
                      ) -> Iterator[ParseWarning]:
    """The reader's warnings about ``doc``, then what each writer in ``to`` cannot carry."""
    yield from doc.provenance.warnings
    for name in to:
        for message in formats.writer(name).losses(doc, options):
            yield ParseWarning("not-carried", message)


def convert_file(source: str | os.PathLike[str], to: str,
                 output: str | os.PathLike[str] | BinaryIO, *, format: str | None = None,
                 options: WriteOptions | None = None, read_options: ReadOptions | None = None,
                 on_warning: Callable[[ParseWarning], None] | None = None) -> None:
    """Convert one input file (``-``: standard input) to one output in format ``to``.

    ``output`` is a path, written atomically (a failure leaves nothing behind;
    an input is never overwritten), or a binary stream.  ``on_warning`` hears
    each warning before anything is written.  ``read_options`` gives the
    encoding, language and metadata (its ``source_name`` is the input's).  An
    input holding several documents (a newsMessage, a book) needs a writer that
    puts them in one output (a collection writer, or JSON as an array).
    """
    writer = formats.writer(to)
    options = options or WriteOptions()
    name = os.fspath(source)
    display = display_name(name)
    if isinstance(output, (str, os.PathLike)):
        files.refuse_overwriting(output, () if name == "-" else {os.path.realpath(name)})
    try:
        documents = read_all(source, format,
                             replace(read_options or ReadOptions(), source_name=display))
    except ConvertError as error:
        raise error.within(display) from None
    except Exception as error:  # a bug in a reader: still one line naming the input
        raise ConvertError.internal(error, display) from error
    if not documents:
        raise ConvertError("holds no document", source=display, code="empty")
    for doc in documents:
        for warning in document_warnings(doc, (to,), options):
            if on_warning is not None:
                on_warning(warning)
    if len(documents) > 1 and not (writer.collection or writer.several):
        raise ConvertError(f"{len(documents)} documents, but {to} writes one per file: "
                           "give an output folder (-o DIR)", code="usage")
    data = writer.write(documents, options)
    if isinstance(output, (str, os.PathLike)):
        files.write_atomic(output, data)
    else:
        output.write(data)
