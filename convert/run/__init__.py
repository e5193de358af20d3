"""Batch conversion: many inputs, several formats, worker processes, one report.

The command line's ``convert`` calls this module; pipelines can call it directly::

    from convert import run
    report = run.convert_many(["archive/"], to=["json", "html"], output_dir="out",
                              jobs=4, skip_existing=True)
    print(report.summary_line())          # converted 10, warned 2, failed 1, skipped 0

How it works:

* **Inputs** expand to a list of :class:`Source` (files, folders walked recursively
  for the extensions of the registry's readers, ``@list`` files of paths, ``-`` for
  standard input) and then to a :class:`Task` per input: the output paths, which
  mirror the input tree under the output folder, one per ``--to`` format.
* **One pass**: each input is read once and every requested writer runs on the
  same Documents (parse once, write many).
* **Executors**: in this process (``jobs=1``), a ``ProcessPoolExecutor``
  (``jobs>1``), or Dask (a ``distributed.LocalCluster``, or any scheduler).  Tasks
  travel in small chunks with a bounded number in flight, and only small
  :class:`FileResult` records come back, so memory stays flat however many
  files there are.
* **Failures** are per file: a bad input is recorded (file, line, reason) and the
  run goes on, unless ``fail_fast``.  Every output is written through
  :func:`convert.files.write_atomic`, so an interrupted or failed write never
  leaves a partial file.

Collection writers (``epub``, ``newsml-message``) put every input into ONE file:
:func:`convert_into_one` does that, and :func:`convert_many` refuses them.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TypeGuard, get_args

from convert import api, files, formats
from convert.errors import ConvertError
from convert.options import ReadOptions, WriteOptions

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event

    from convert.model import Document

Status = Literal["converted", "warned", "failed", "skipped"]
STATUSES: tuple[Status, ...] = ("converted", "warned", "failed", "skipped")
ExecutorName = Literal["local", "dask"]
#: ``progress(result, done, total)``: called in the calling process for every input.
ProgressCallback = Callable[["FileResult", int, int], None]

#: Most inputs sent to a worker at once; small chunks keep Ctrl-C and
#: ``fail_fast`` quick, large enough ones keep the inter-process traffic low.
MAX_CHUNK = 32
#: Chunks in flight per worker: enough to keep every worker busy, few enough
#: that memory does not grow with the number of inputs.
CHUNKS_IN_FLIGHT_PER_JOB = 2


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Problem:
    """A warning or the error of one input: where and what."""

    message: str
    line: int | None = None
    code: str = "error"
    #: The traceback behind an error, shown by ``newsconvert --debug`` only.
    trace: str | None = field(default=None, compare=False, repr=False)

    def to_data(self) -> dict[str, Any]:
        return {"line": self.line, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class FileResult:
    """What became of one input."""

    source: str
    status: Status
    outputs: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = ()
    error: Problem | None = None

    def to_data(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "status": self.status,
            "outputs": list(self.outputs),
            "warnings": [warning.to_data() for warning in self.warnings],
            "error": self.error.to_data() if self.error else None,
        }


@dataclass
class RunReport:
    """Every input's result, in input order, and the counts."""

    formats: tuple[str, ...]
    output: str | None
    files: list[FileResult] = field(default_factory=list)
    elapsed_seconds: float = 0.0
    interrupted: bool = False
    #: Files a folder walk left out, as ``skipped NAME: not a news file``.
    notes: list[str] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for result in self.files if result.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUSES}

    @property
    def ok(self) -> bool:
        return not self.interrupted and self.count("failed") == 0

    def summary_line(self) -> str:
        """``10 converted (4 with warnings), 0 failed`` (``, 2 skipped`` when any were)."""
        counts = self.counts
        line = (f"{counts['converted'] + counts['warned']} converted ({counts['warned']} with "
                f"warnings), {counts['failed']} failed")
        return line + (f", {counts['skipped']} skipped" if counts["skipped"] else "")

    def to_data(self) -> dict[str, Any]:
        from convert import __version__

        return {
            "newsconvert": __version__,
            "formats": list(self.formats),
            "output": self.output,
            "summary": {**self.counts, "total": len(self.files)},
            "interrupted": self.interrupted,
            "elapsed_seconds": round(self.elapsed_seconds, 3),
            "notes": list(self.notes),
            "files": [result.to_data() for result in self.files],
        }

    def write_json(self, path: str | os.PathLike[str]) -> None:
        import json

        text = json.dumps(self.to_data(), ensure_ascii=False, indent=2) + "\n"
        files.write_atomic(path, text.encode("utf-8"))


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run: workers were stopped; ``report`` holds what was done."""

    def __init__(self, report: RunReport) -> None:
        super().__init__("interrupted")
        self.report = report


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
    extensions = input_extensions(read_format)
    unique: dict[str, Source] = {}
    for argument in _arguments(inputs):
        for source in _expand_argument(argument, extensions, read_format, selection,
                                       skipped if skipped is not None else []):
            unique.setdefault(source.key, source)
    return list(unique.values())


def _arguments(inputs: Sequence[str]) -> Iterator[str]:
    for argument in inputs:
        if argument.startswith("@") and len(argument) > 1:
            yield from _list_file_entries(argument[1:])
        else:
            yield argument


def _list_file_entries(list_name: str) -> Iterator[str]:
    """The paths in a list file (``-``: standard input), one a line; ``#`` comments."""
    try:
        text = (sys.stdin.read() if list_name == "-"
                else Path(list_name).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConvertError(f"cannot read list file: {error}", source=list_name,
                           code="usage") from None
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield entry


def _expand_argument(argument: str, extensions: frozenset[str], read_format: str | None,
                     selection: files.Selection, skipped: list[str]) -> Iterator[Source]:
    if argument == "-":
        yield Source("-", "stdin", "-", sys.stdin.buffer.read())
    elif os.path.isdir(argument):
        for found in files.walk(argument, None if selection.include else extensions):
            if _taken(found, read_format, selection.chooses(found.relative)):
                yield Source(found.path, os.path.splitext(found.relative)[0], found.real)
            elif selection.chooses(found.relative) is None:
                skipped.append(found.path)
    elif not os.path.lexists(argument):  # as validate: a usage error, nothing converted
        raise ConvertError("no such file or folder", source=argument, code="io")
    else:
        stem = os.path.splitext(os.path.basename(argument))[0]
        yield Source(argument, stem, os.path.realpath(argument))


def _skip_notes(skipped: list[str]) -> list[str]:
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
        return os.stat(_numbered(Path(path), 1)).st_mtime_ns


def _numbered(path: Path, number: int) -> Path:
    """``out/a.html`` -> ``out/a-1.html``: one file per document of a container input."""
    stem, dot, ending = path.name.partition(".")
    return path.with_name(f"{stem}-{number}{dot}{ending}")


# ---------------------------------------------------------------- one input


@dataclass(frozen=True)
class Outcome:
    """A task's result, its place in the run, and (collection runs) its documents."""

    index: int
    result: FileResult
    documents: tuple[Document, ...] = ()


def convert_task(task: Task, job: Job) -> Outcome:
    """Read one input once and write every requested format; never raises for bad input."""
    source = task.source
    try:
        documents = _read(source, job)
        if job.collect:
            collected = tuple(documents)
            warnings = tuple(problem for doc in collected for problem in _warnings(doc, job))
            return Outcome(task.index, FileResult(source.display, _status(warnings), (), warnings),
                           collected)
        written, warnings = _write_outputs(task, documents, job)
        return Outcome(task.index, FileResult(source.display, _status(warnings), written,
                                              warnings))
    except ConvertError as error:
        problem = Problem(_inner_location(error, source.display) + error.message, error.line,
                          error.code, traceback.format_exc())
    except Exception as error:  # a bug in a reader or writer: still only this file fails
        problem = Problem(f"internal error: {type(error).__name__}: {error}", None, "internal",
                          traceback.format_exc())
    return Outcome(task.index, FileResult(source.display, "failed", error=problem))


def _warnings(doc: Document, job: Job) -> Iterator[Problem]:
    """The reader's warnings, then what each requested writer cannot carry."""
    for warning in doc.provenance.warnings:
        yield Problem(warning.message, warning.line, warning.code)
    for name in job.formats:
        for message in formats.writer(name).losses(doc, job.write_options):
            yield Problem(message, None, "not-carried")


def _status(warnings: tuple[Problem, ...]) -> Status:
    return "warned" if warnings else "converted"


def _inner_location(error: ConvertError, display: str) -> str:
    """``entry: `` when the error names a part inside the input (``book.epub!/a.xhtml``)."""
    if error.source and error.source.startswith(display + "!/"):
        return error.source[len(display) + 2:] + ": "
    return ""


def _read(source: Source, job: Job) -> Iterator[Document]:
    """The input's documents as they are read (at least one, or a ConvertError)."""
    data = source.data if source.data is not None else files.load_bytes(source.name)
    documents = api.iter_read(data, job.read_format,
                              replace(job.read_options, source_name=source.display))
    first = next(documents, None)
    if first is None:
        raise ConvertError("holds no document", source=source.display, code="empty")
    return itertools.chain((first,), documents)


def _write_outputs(task: Task, documents: Iterator[Document],
                   job: Job) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    """Write every format of each document as it is read; a failure removes what was written.

    Documents stream from the reader, so a newsMessage of 100,000 items never
    sits in memory at once.  Only one look-ahead decides the naming: one
    document gives ``a.html``, several ``a-1.html``, ``a-2.html``...
    """
    first = next(documents)
    second = next(documents, None)
    numbered = second is not None
    stream = itertools.chain((first,) if second is None else (first, second), documents)
    written: list[Path] = []
    warnings: list[Problem] = []
    try:
        for number, doc in enumerate(stream, 1):
            warnings.extend(_warnings(doc, job))
            rendered = [(_numbered(Path(output), number) if numbered else Path(output),
                         formats.writer(name).write([doc], job.write_options))
                        for name, output in task.outputs]
            for path, data in rendered:
                files.write_atomic(path, data)
                written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return tuple(str(path) for path in written), tuple(warnings)


# ---------------------------------------------------------------- executors

#: Set in a worker process by the parent to ask it to stop between inputs.
_stop_event: Event | None = None


def _start_worker(stop: Event) -> None:
    """Worker start-up: Ctrl-C is the parent's to handle; ``stop`` asks us to finish early."""
    import signal

    global _stop_event
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _stop_event = stop


def convert_chunk(tasks: Sequence[Task], job: Job) -> list[Outcome]:
    """The worker's entry point: convert a few tasks, stopping early when asked."""
    outcomes = []
    for task in tasks:
        if _stop_event is not None and _stop_event.is_set():
            break
        outcomes.append(convert_task(task, job))
    return outcomes


#: ``deliver(outcomes) -> keep going?``
Deliver = Callable[[list[Outcome]], bool]


def _chunks(tasks: Sequence[Task], jobs: int) -> Iterator[list[Task]]:
    size = max(1, min(MAX_CHUNK, len(tasks) // (jobs * 8) or 1))
    for start in range(0, len(tasks), size):
        yield list(tasks[start:start + size])


def _crashed(chunk: Sequence[Task], error: BaseException) -> list[Outcome]:
    problem = Problem(f"worker failed: {type(error).__name__}: {error}", None, "internal")
    return [Outcome(task.index, FileResult(task.source.display, "failed", error=problem))
            for task in chunk]


def _run_here(tasks: Sequence[Task], job: Job, deliver: Deliver) -> None:
    for task in tasks:
        if not deliver([convert_task(task, job)]):
            return


def _run_process_pool(tasks: Sequence[Task], job: Job, jobs: int, deliver: Deliver) -> None:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    stop = multiprocessing.Event()
    chunks = _chunks(tasks, jobs)
    in_flight: dict[Future[list[Outcome]], list[Task]] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(stop,)) as pool:

        def refill() -> None:
            while len(in_flight) < jobs * CHUNKS_IN_FLIGHT_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                try:
                    in_flight[pool.submit(convert_chunk, chunk, job)] = chunk
                except BrokenProcessPool as error:  # a worker died: the rest cannot run
                    deliver(_crashed(chunk, error))

        def collect(future: Future[list[Outcome]]) -> list[Outcome]:
            chunk = in_flight.pop(future)
            error = future.exception()
            return _crashed(chunk, error) if error else future.result()

        try:
            refill()
            while in_flight:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                keep_going = [deliver(collect(future)) for future in done]
                if not all(keep_going):
                    break
                refill()
        finally:  # fail-fast, Ctrl-C or an error: let running chunks finish their file
            stop.set()
            for future in list(in_flight):
                if future.cancel():
                    del in_flight[future]
            for future in list(in_flight):
                deliver(collect(future))


def _run_dask(tasks: Sequence[Task], job: Job, jobs: int, scheduler: Any,
              deliver: Deliver) -> None:
    import logging

    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConvertError("--executor dask needs Dask: pip install 'newsconvert[dask]'",
                           code="usage") from None
    own_client = not isinstance(scheduler, Client)
    cluster = (LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR)
               if scheduler is None else None)
    client = scheduler if not own_client else Client(cluster or scheduler)
    chunks = _chunks(tasks, jobs)
    in_flight: dict[Any, list[Task]] = {}
    window = as_completed()

    def refill() -> None:
        while len(in_flight) < jobs * CHUNKS_IN_FLIGHT_PER_JOB:
            chunk = next(chunks, None)
            if chunk is None:
                return
            future = client.submit(convert_chunk, chunk, job, pure=False)
            in_flight[future] = chunk
            window.add(future)

    try:
        refill()
        for future in window:
            chunk = in_flight.pop(future)
            outcomes = (future.result() if future.status == "finished"
                        else _crashed(chunk, future.exception()))
            if not deliver(outcomes):
                break
            refill()
    finally:
        client.cancel(list(in_flight))
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


def _is_executor_name(name: str) -> TypeGuard[ExecutorName]:
    return name in get_args(ExecutorName)


def executor_name(name: str) -> ExecutorName:
    """``name`` (``--executor``) as an :data:`ExecutorName`, or a usage error."""
    if _is_executor_name(name):
        return name
    raise ConvertError(f"unknown executor {name!r}; use local or dask", code="usage")


def _execute(tasks: Sequence[Task], job: Job, *, jobs: int, executor: ExecutorName,
             scheduler: Any, deliver: Deliver) -> None:
    if executor_name(executor) == "dask":  # checked again for callers without a type checker
        _run_dask(tasks, job, jobs, scheduler, deliver)
    elif jobs > 1 and len(tasks) > 1:
        _run_process_pool(tasks, job, jobs, deliver)
    else:
        _run_here(tasks, job, deliver)


# ---------------------------------------------------------------- runs


class _Run:
    """Collects outcomes as they stream in: counts, progress, fail-fast, documents."""

    def __init__(self, report: RunReport, total: int, fail_fast: bool,
                 progress: ProgressCallback | None) -> None:
        self.report = report
        self.total = total
        self.fail_fast = fail_fast
        self.progress = progress
        self.results: dict[int, FileResult] = {}
        self.documents: dict[int, tuple[Document, ...]] = {}
        self.started = time.perf_counter()

    def add(self, index: int, result: FileResult) -> bool:
        self.results[index] = result
        if self.progress:
            self.progress(result, len(self.results), self.total)
        return not (self.fail_fast and result.status == "failed")

    def deliver(self, outcomes: list[Outcome]) -> bool:
        keep_going = True
        for outcome in outcomes:
            if outcome.documents:
                self.documents[outcome.index] = outcome.documents
            keep_going = self.add(outcome.index, outcome.result) and keep_going
        return keep_going

    def finish(self, interrupted: bool = False) -> RunReport:
        self.report.files = [self.results[index] for index in sorted(self.results)]
        self.report.elapsed_seconds = time.perf_counter() - self.started
        self.report.interrupted = interrupted
        return self.report

    def execute(self, tasks: Sequence[Task], job: Job, *, jobs: int, executor: ExecutorName,
                scheduler: Any) -> RunReport:
        try:
            _execute(tasks, job, jobs=max(1, jobs), executor=executor, scheduler=scheduler,
                     deliver=self.deliver)
        except KeyboardInterrupt:
            raise Interrupted(self.finish(interrupted=True)) from None
        return self.finish()


def convert_many(inputs: Sequence[str], to: Sequence[str], output_dir: str | os.PathLike[str],
                 *, read_format: str | None = None, jobs: int = 1,
                 skip_existing: bool = False, fail_fast: bool = False,
                 executor: ExecutorName = "local", scheduler: Any = None,
                 write_options: WriteOptions | None = None,
                 read_options: ReadOptions | None = None,
                 selection: files.Selection = files.Selection(),
                 progress: ProgressCallback | None = None) -> RunReport:
    """Convert every input to every format in ``to``, mirroring the inputs under ``output_dir``.

    ``read_options`` gives every input's encoding, language and metadata
    (``source_name`` is set per input).

    ``scheduler`` (Dask only): ``None`` starts a ``LocalCluster`` of ``jobs``
    worker processes; otherwise a scheduler address (``tcp://host:8786``), a
    cluster object or a ``distributed.Client``.  Raises :class:`ConvertError`
    for a bad request (nothing is written then) and :class:`Interrupted` on
    Ctrl-C; bad inputs are reported in the returned :class:`RunReport`.
    """
    writer_names = tuple(to)
    for name in writer_names:
        if formats.writer(name).collection:
            raise ConvertError(f"{name} writes every input into one file: "
                               "use convert_into_one (newsconvert: -o FILE)", code="usage")
    skipped: list[str] = []
    sources = expand_inputs(inputs, read_format, selection, skipped)
    tasks = plan(sources, writer_names, output_dir, input_folders(inputs))
    run = _Run(RunReport(writer_names, os.fspath(output_dir), notes=_skip_notes(skipped)),
               len(tasks), fail_fast, progress)
    to_convert = []
    for task in tasks:
        if skip_existing and up_to_date(task):
            run.add(task.index, FileResult(task.source.display, "skipped",
                                           tuple(path for _, path in task.outputs)))
        else:
            to_convert.append(task)
    job = Job(writer_names, read_format, write_options or WriteOptions(),
              read_options=read_options or ReadOptions())
    return run.execute(to_convert, job, jobs=jobs, executor=executor, scheduler=scheduler)


def convert_into_one(inputs: Sequence[str], to: str,
                     output: str | os.PathLike[str] | BinaryIO, *,
                     read_format: str | None = None, jobs: int = 1, fail_fast: bool = False,
                     executor: ExecutorName = "local", scheduler: Any = None,
                     write_options: WriteOptions | None = None,
                     read_options: ReadOptions | None = None,
                     selection: files.Selection = files.Selection(),
                     progress: ProgressCallback | None = None) -> RunReport:
    """Every document of every input, written as ONE output: a file, or a binary stream.

    This is how collection writers (an EPUB book, a newsMessage) work, and how a
    single input is converted to a single file or to standard output.  Inputs
    that fail are reported and left out; nothing is written if all of them fail.
    """
    writer = formats.writer(to)
    skipped: list[str] = []
    sources = expand_inputs(inputs, read_format, selection, skipped)
    target = output if isinstance(output, (str, os.PathLike)) else None
    if target is not None:
        _refuse_overwriting(target, sources)
    tasks = [Task(index, source, ()) for index, source in enumerate(sources)]
    run = _Run(RunReport((to,), None if target is None else os.fspath(target),
                         notes=_skip_notes(skipped)), len(tasks), fail_fast, progress)
    job = Job((to,), read_format, write_options or WriteOptions(),
              read_options=read_options or ReadOptions(), collect=True)
    report = run.execute(tasks, job, jobs=jobs, executor=executor, scheduler=scheduler)
    documents = [doc for index in sorted(run.documents) for doc in run.documents[index]]
    if documents and not (fail_fast and not report.ok):
        if len(documents) > 1 and not (writer.collection or writer.several):
            raise ConvertError(f"{len(documents)} documents, but {to} writes one per file: "
                               "give an output folder (-o DIR)", code="usage")
        data = writer.write(documents, write_options or WriteOptions())
        if target is None:
            output.write(data)  # type: ignore[union-attr]
        else:
            files.write_atomic(target, data)
        _name_output(report, "" if target is None else os.fspath(target))
    return report


def _refuse_overwriting(target: str | os.PathLike[str], sources: Sequence[Source]) -> None:
    if os.path.isdir(target):
        raise ConvertError(f"{os.fspath(target)} is a folder; this output is one file "
                           "(-o FILE)", code="usage")
    resolved = os.path.realpath(target)
    for source in sources:
        if source.key == resolved:
            raise ConvertError(f"the output {os.fspath(target)} would overwrite an input",
                               code="usage")


def _name_output(report: RunReport, output: str) -> None:
    """Record the one output against every input that went into it."""
    outputs = (output,) if output else ("<stdout>",)
    report.files = [result if result.status == "failed"
                    else FileResult(result.source, result.status, outputs, result.warnings)
                    for result in report.files]


def output_is_one_file(inputs: Sequence[str], to: Sequence[str], output: str | None) -> bool:
    """True when the run writes one output (a file or stdout) rather than a folder.

    A collection writer always writes one file; otherwise one plain input file
    (or ``-``) converted to one format without a folder ``-o`` is one output.
    Raises :class:`ConvertError` for combinations that have no sensible output.
    """
    collections = [name for name in to if formats.writer(name).collection]
    if collections:
        if len(to) > 1:
            raise ConvertError(f"{collections[0]} writes one file holding every input: "
                               "convert to it in a run of its own", code="usage")
        if output is not None and (output.endswith(("/", os.sep)) or os.path.isdir(output)):
            raise ConvertError(f"{collections[0]} writes one file holding every input, not a "
                               f"folder of files: give -o FILE{formats.writer(to[0]).extension}",
                               code="usage")
        return True
    single = (len(inputs) == 1 and len(to) == 1 and not inputs[0].startswith("@")
              and not os.path.isdir(inputs[0]))
    if output is None or output == "-":
        several_in_one = len(to) == 1 and formats.writer(to[0]).several
        if not (single or several_in_one):
            raise ConvertError("several inputs or formats need an output folder (-o DIR)",
                               code="usage")
        return True
    return single and not (output.endswith(("/", os.sep)) or os.path.isdir(output))
