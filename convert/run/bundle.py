"""``newsconvert bundle``: many inputs -> one EPUB book.

Inputs are read lazily, one file at a time, and handed to the EPUB writer as a
stream, so a large bundle never holds every parsed article at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from convert import api, files, formats
from convert.model import Document
from convert.options import ReadOptions, WriteOptions

OnDocument = Callable[[Document, str], None]


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Files as given; a folder stands for its readable files (by extension), sorted."""
    known = {extension for spec in formats.READERS for extension in spec.extensions}
    paths: list[str] = []
    for name in inputs:
        if name != "-" and Path(name).is_dir():
            paths.extend(sorted(found.path for found in files.walk(name, known)))
        else:
            paths.append(name)
    return paths


def documents(inputs: Sequence[str], input_format: str | None = None,
              on_document: OnDocument | None = None) -> Iterator[Document]:
    """Every document of every input, in order, read one input at a time."""
    for name in expand_inputs(inputs):
        display = files.display_name(name)
        for doc in api.read_all(name, input_format, ReadOptions(source_name=display)):
            if on_document is not None:
                on_document(doc, display)
            yield doc


def bundle(inputs: Sequence[str], output: str, options: WriteOptions,
           input_format: str | None = None, on_document: OnDocument | None = None) -> None:
    """Write the EPUB of all ``inputs`` to ``output`` (atomically: all or nothing)."""
    from convert.writers import epub

    files.write_atomic(output, epub.write(documents(inputs, input_format, on_document),
                                             options))
