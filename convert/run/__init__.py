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
  :class:`~convert.run.report.InputResult` records come back, so memory stays flat however many
  files there are.
* **Failures** are per file: a bad input is recorded (file, line, reason) and the
  run goes on, unless ``fail_fast``.  Every output is written through
  :func:`convert.files.write_atomic`, so an interrupted or failed write never
  leaves a partial file.

Collection writers (``epub``, ``newsml-message``) put every input into ONE file:
:func:`convert_into_one` does that, and :func:`convert_many` refuses them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from convert import files, formats
from convert.errors import ConvertError
from convert.options import ReadOptions, WriteOptions
from convert.run.executors import ExecutorName, Outcome, execute, executor_name
from convert.run.plan import (
    Job, Source, Task, expand_inputs, input_extensions, input_folders, output_names, plan,
    skip_notes, up_to_date,
)
from convert.run.report import (
    STATUSES, InputResult, Interrupted, Problem, ProgressCallback, RunReport, Status,
)

if TYPE_CHECKING:
    from convert.model import Document

__all__ = [
    "STATUSES", "ExecutorName", "InputResult", "Interrupted", "Problem", "ProgressCallback",
    "RunReport", "Source", "Status", "Task", "convert_into_one", "convert_many",
    "executor_name", "expand_inputs", "input_extensions", "output_is_one_file",
    "output_names", "plan",
]


# ---------------------------------------------------------------- runs


class _Run:
    """Collects outcomes as they stream in: counts, progress, fail-fast, documents."""

    def __init__(self, report: RunReport, total: int, fail_fast: bool,
                 progress: ProgressCallback | None) -> None:
        self.report = report
        self.total = total
        self.fail_fast = fail_fast
        self.progress = progress
        self.results: dict[int, InputResult] = {}
        self.documents: dict[int, tuple[Document, ...]] = {}
        self.started = time.perf_counter()

    def add(self, index: int, result: InputResult) -> bool:
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
            execute(tasks, job, jobs=max(1, jobs), executor=executor, scheduler=scheduler,
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
    run = _Run(RunReport(writer_names, os.fspath(output_dir), notes=skip_notes(skipped)),
               len(tasks), fail_fast, progress)
    to_convert = []
    for task in tasks:
        if skip_existing and up_to_date(task):
            run.add(task.index, InputResult(task.source.display, "skipped",
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
        files.refuse_overwriting(target, {source.key for source in sources})
    tasks = [Task(index, source, ()) for index, source in enumerate(sources)]
    run = _Run(RunReport((to,), None if target is None else os.fspath(target),
                         notes=skip_notes(skipped)), len(tasks), fail_fast, progress)
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


def _name_output(report: RunReport, output: str) -> None:
    """Record the one output against every input that went into it."""
    outputs = (output,) if output else ("<stdout>",)
    report.files = [result if result.status == "failed"
                    else InputResult(result.source, result.status, outputs, result.warnings)
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
