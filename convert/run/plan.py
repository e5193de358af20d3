"""Planning a run: inputs (files, folders, ``@list`` files, ``-``) and the outputs of each."""

from __future__ import annotations

import os
import sys
import time
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from convert import files, formats
from convert.errors import ConvertError
from convert.options import ReadOptions, WriteOptions

# ---------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class Source:
    """One input file and where its outputs go, relative to the output folder.

    Plain strings, not ``Path`` objects: a run holds one per input, and they
    are most of what a run of a million files keeps in memory.
    """

    name: str
    #: The output path under the output folder, without an extension.
    relative: str
    #: The file's real path: the same file under two names is one input.
    key: str
    #: Standard input, read once in the calling process.
    data: bytes | None = None
    #: False for a FIFO, device or socket found in a folder: skipped with a warning.
    regular: bool = True

    @property
    def display(self) -> str:
        return files.display_name(self.name)


def input_extensions(read_format: str | None = None) -> frozenset[str]:
    """The file extensions a folder walk picks up: those of the readers."""
    readers = [formats.reader(read_format)] if read_format else formats.READERS
    return frozenset(extension for spec in readers for extension in spec.extensions)


def expand_inputs(inputs: Sequence[str], read_format: str | None = None,
                  selection: files.Selection = files.Selection(),
                  skipped: list[str] | None = None) -> list[Source]:
    """Files, folders (recursively), ``@list`` files and ``-``, as a list of sources.

    A file named directly (or in a list) has its outputs named after its file
    name; a file found in a folder keeps its path relative to that folder.  Hidden
    files and folders (``.name``) are skipped; a file named twice counts once.
    Of the files a folder walk finds, ``selection``'s globs choose; where they
    say nothing, a file that is not confidently one of the formats (by its
    extension and first bytes) is left out and its name added to ``skipped``.
    """
    unique: dict[str, Source] = {}
    for source in _every_source(inputs, read_format, selection,
                                skipped if skipped is not None else []):
        unique.setdefault(source.key, source)
    return list(unique.values())


def _every_source(inputs: Sequence[str], read_format: str | None,
                  selection: files.Selection, skipped: list[str]) -> Iterator[Source]:
    """The sources of :func:`expand_inputs` as they are found, a file named twice twice."""
    extensions = input_extensions(read_format)
    for argument in _arguments(inputs):
        yield from _expand_argument(argument, extensions, read_format, selection, skipped)


def _arguments(inputs: Sequence[str]) -> Iterator[str]:
    for argument in inputs:
        if argument.startswith("@") and len(argument) > 1:
            yield from _list_file_entries(argument[1:])
        else:
            yield argument


def _list_file_entries(list_name: str) -> Iterator[str]:
    """The paths in a list file (``-``: standard input), one a line; ``#`` comments."""
    try:
        text = files.load_bytes(list_name).decode("utf-8-sig")
    except ConvertError as error:
        raise ConvertError(f"cannot read list file: {error.message}", source=list_name,
                           code="usage") from None
    except UnicodeDecodeError as error:
        raise ConvertError(f"cannot read list file: {error}", source=list_name,
                           code="usage") from None
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield entry


def _expand_argument(argument: str, extensions: frozenset[str], read_format: str | None,
                     selection: files.Selection, skipped: list[str]) -> Iterator[Source]:
    if argument == "-":
        yield Source("-", "stdin", "-", files.load_bytes("-"))
    elif os.path.isdir(argument):
        for found in files.walk(argument, None if selection.include else extensions):
            if not found.regular:  # never opened: skipped with a warning
                yield Source(found.path, os.path.splitext(found.relative)[0], found.real,
                             regular=False)
            elif _taken(found, read_format, selection.chooses(found.relative)):
                yield Source(found.path, os.path.splitext(found.relative)[0], found.real)
            elif selection.chooses(found.relative) is None:
                skipped.append(found.path)
    elif not os.path.lexists(argument):  # as validate: a usage error, nothing converted
        raise ConvertError("no such file or folder", source=argument, code="io")
    else:
        stem = os.path.splitext(os.path.basename(argument))[0]
        yield Source(argument, stem, os.path.realpath(argument))


def skip_notes(skipped: list[str]) -> list[str]:
    return [f"skipped {name}: not a news file (--include takes it)" for name in skipped]


def _taken(found: files.Found, read_format: str | None, chosen: bool | None) -> bool:
    """Whether a file found in a folder is an input: a glob's say, else (no
    ``--from``) whether its content is confidently one of the formats."""
    if chosen is not None or read_format is not None:
        return chosen is not False
    from convert.formats import sniff

    head = files.read_head(found.path, sniff.HEAD_BYTES)
    return head is not None and sniff.classify(head, found.path, explicit=False) is not None


# ---------------------------------------------------------------- planning


@dataclass(frozen=True, slots=True)
class Task:
    """One input and the file each requested format is written to."""

    index: int
    source: Source
    #: ``(format, path)`` pairs, in ``--to`` order.
    outputs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Job:
    """What every task of a run does (sent to the workers once per chunk)."""

    formats: tuple[str, ...]
    read_format: str | None
    write_options: WriteOptions
    #: Encoding, language and metadata for every input (the name is each one's own).
    read_options: ReadOptions = ReadOptions()
    #: Read only and send the documents back (for a collection writer).
    collect: bool = False
    #: ``--skip-existing``: numbered outputs already newer than their input are kept.
    resume: bool = False


def output_names(writer_names: Sequence[str]) -> dict[str, str]:
    """The file-name ending of each format: ``.html``; ``.ninjs.json`` when two share ``.json``.

    Of formats sharing an extension, the one named like it (``json``) keeps it plain.
    """
    specs = [formats.writer(name) for name in writer_names]
    extensions = [spec.extension for spec in specs]
    return {spec.name: (f".{spec.name}{spec.extension}"
                        if extensions.count(spec.extension) > 1 and spec.extension != f".{spec.name}"
                        else spec.extension) for spec in specs}


def plan(sources: Sequence[Source], writer_names: Sequence[str],
         output_dir: str | os.PathLike[str], input_folders: Iterable[str] = ()) -> list[Task]:
    """A task per source, refusing plans that would overwrite inputs or each other."""
    out = os.fspath(output_dir)
    _refuse_output_inside_input(Path(out), input_folders)
    endings = output_names(writer_names)
    tasks = [Task(index, source, tuple((name, os.path.join(out, source.relative + endings[name]))
                                       for name in writer_names))
             for index, source in enumerate(sources)]
    _refuse_clashes(tasks, {source.key for source in sources}, out)
    return tasks


class StreamedPlan:
    """The plan of :func:`plan`, in memory flat in the number of inputs.

    :func:`plan` holds every task; this holds 8 bytes per input and output
    (their hashes), and walks the inputs again to hand out the tasks one at a
    time.  The same checks run before any file is written: outputs inside an
    input folder, an output that would overwrite an input, two inputs with one
    output; a file named twice is converted once (the first time).  Hashes
    only say where to look: where two are equal, a second walk compares the
    paths themselves, so a collision of hashes never refuses or drops an input.
    A file that appears in the folders after planning is not converted.
    """

    def __init__(self, inputs: Sequence[str], read_format: str | None,
                 selection: files.Selection, writer_names: Sequence[str],
                 output_dir: str | os.PathLike[str], skipped: list[str]) -> None:
        self._inputs, self._read_format, self._selection = inputs, read_format, selection
        self._out = os.fspath(output_dir)
        _refuse_output_inside_input(Path(self._out), input_folders(inputs))
        self._endings = output_names(writer_names)
        self._real_out = os.path.realpath(self._out)
        key_hashes, output_hashes = array("q"), array("q")
        for source in self._walk(skipped):
            key_hashes.append(hash(source.key))
            output_hashes.extend(hash(key) for key in self._output_keys(source))
        self._keys = array("q", sorted(key_hashes))
        #: Ordinals (in walk order) of the sources not converted: files named again.
        self._dropped = self._check_exactly(
            _repeated(self._keys), _repeated(sorted(output_hashes)) | _common(
                self._keys, output_hashes))
        self.total = len(key_hashes) - len(self._dropped)

    def _walk(self, skipped: list[str]) -> Iterator[Source]:
        return _every_source(self._inputs, self._read_format, self._selection, skipped)

    def _output_keys(self, source: Source) -> Iterator[str]:
        """Each output's path under the output folder's real path (resolving
        each output path on its own costs more than the conversion)."""
        for name in self._endings:
            yield os.path.join(self._real_out, source.relative + self._endings[name])

    def _check_exactly(self, repeated_keys: set[int], suspect_outputs: set[int]) -> set[int]:
        """The refusals of :func:`plan` (same errors, same order) and the files
        named again, for the inputs whose hashes meet others'."""
        if not repeated_keys and not suspect_outputs:
            return set()
        seen: set[str] = set()
        dropped: set[int] = set()
        suspects: list[Task] = []
        for ordinal, source in enumerate(self._walk([])):
            if hash(source.key) in repeated_keys:
                if source.key in seen:
                    dropped.add(ordinal)
                    continue
                seen.add(source.key)
            if any(hash(key) in suspect_outputs for key in self._output_keys(source)):
                suspects.append(self._task(ordinal, source))
        inputs = {source.key for source in self._walk([])
                  if hash(source.key) in suspect_outputs}
        _refuse_clashes(suspects, inputs, self._out)
        return dropped

    def _task(self, index: int, source: Source) -> Task:
        return Task(index, source, tuple((name, os.path.join(self._out, source.relative + ending))
                                         for name, ending in self._endings.items()))

    def tasks(self) -> Iterator[Task]:
        """The tasks, numbered in input order, as the inputs are walked again."""
        index = 0
        for ordinal, source in enumerate(self._walk([])):
            if ordinal in self._dropped or not _contains(self._keys, hash(source.key)):
                continue
            yield self._task(index, source)
            index += 1


def _repeated(ordered: Sequence[int]) -> set[int]:
    return {value for value, following in zip(ordered, ordered[1:]) if value == following}


def _common(ordered: Sequence[int], values: Iterable[int]) -> set[int]:
    return {value for value in values if _contains(ordered, value)}


def _contains(ordered: Sequence[int], value: int) -> bool:
    at = bisect_left(ordered, value)
    return at < len(ordered) and ordered[at] == value


def _refuse_output_inside_input(out: Path, input_folders: Iterable[str]) -> None:
    resolved = out.resolve()
    for folder in input_folders:
        if resolved.is_relative_to(Path(folder).resolve()):
            raise ConvertError(f"the output folder {out} is inside the input folder {folder}; "
                               "choose an output folder outside it", code="usage")


def _refuse_clashes(tasks: Sequence[Task], inputs: set[str], out: str) -> None:
    """No output may be an input, nor be written twice.

    Outputs are compared by their path under the output folder's real path
    (resolving each output path separately costs more than the conversion).
    """
    real_out = os.path.realpath(out)
    writers: dict[str, str] = {}
    for task in tasks:
        for _, path in task.outputs:
            key = os.path.join(real_out, path[len(out):].lstrip(os.sep))
            if key in inputs:
                raise ConvertError(f"the output {path} would overwrite an input",
                                   source=task.source.display, code="usage")
            other = writers.setdefault(key, task.source.display)
            if other != task.source.display:
                raise ConvertError(f"{other} and {task.source.display} would both be written "
                                   f"to {path}; convert their folder instead, or run them "
                                   "separately", code="usage")


def input_folders(inputs: Sequence[str]) -> list[str]:
    """The folders among the inputs (and the lists' entries)."""
    return [argument for argument in _arguments(inputs)
            if argument != "-" and os.path.isdir(argument)]


def up_to_date(task: Task) -> bool:
    """Every output of ``task`` exists and is newer than its input."""
    if task.source.name == "-":
        return False
    try:
        changed = os.stat(task.source.name).st_mtime_ns
        return all(_output_mtime(path) > changed for _, path in task.outputs)
    except OSError:
        return False


def _output_mtime(path: str) -> int:
    """An output's modification time; a multi-document input's outputs are numbered."""
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return os.stat(numbered_path(Path(path), 1)).st_mtime_ns


def numbered_path(path: Path, number: int) -> Path:
    """``out/a.html`` -> ``out/a-1.html``: one file per document of a container input."""
    stem, dot, ending = path.name.partition(".")
    return path.with_name(f"{stem}-{number}{dot}{ending}")

