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
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from convert import files, formats
from convert.errors import ConvertError
from convert.options import ReadOptions, WriteOptions
from convert.run.executors import (
    ExecutorName, Outcome, execute, executor_name, worker_count,
)
from convert.run.plan import (
    Job, Source, StreamedPlan, Task, expand_inputs, input_extensions, input_folders,
    output_names, plan, skip_notes, up_to_date,
)
from convert.run.report import (
    STATUSES, InputResult, Interrupted, Problem, ProgressCallback, ResultsKept, RunReport,
    Status,
)

if TYPE_CHECKING:
    from convert.model import Document

__all__ = [
    "STATUSES", "ExecutorName", "InputResult", "Interrupted", "Problem", "ProgressCallback",
    "ResultsKept", "RunReport", "Source", "Status", "StreamedPlan", "Task", "convert_into_one",
    "convert_many", "executor_name", "expand_inputs", "input_extensions", "output_is_one_file",
    "output_names", "plan",
]


# ---------------------------------------------------------------- runs


class _Run:
    """Collects outcomes as they stream in: counts, progress, fail-fast, documents.

    ``ordered`` (a folder of outputs): each result goes to the report as soon
    as those of every input before it are in, so only the results of chunks
    still in flight are held here.  Otherwise (one output) every result is
    held, for the collection writer's verdicts.
    """

    def __init__(self, report: RunReport, total: int, fail_fast: bool,
                 progress: ProgressCallback | None, ordered: bool = False) -> None:
        self.report = report
        self.total = total
        self.fail_fast = fail_fast
        self.progress = progress
        self.ordered = ordered
        self.results: dict[int, InputResult] = {}
        self.documents: dict[int, tuple[Document, ...]] = {}
        self.done = 0
        self._next = 0
        self.started = time.perf_counter()

    def add(self, index: int, result: InputResult) -> bool:
        self.results[index] = result
        self.done += 1
        if self.progress:
            self.progress(result, self.done, self.total)
        while self.ordered and self._next in self.results:
            self.report.record(self.results.pop(self._next))
            self._next += 1
        return not (self.fail_fast and result.status == "failed")

    def deliver(self, outcomes: list[Outcome]) -> bool:
        keep_going = True
        for outcome in outcomes:
            if outcome.documents:
                self.documents[outcome.index] = outcome.documents
            keep_going = self.add(outcome.index, outcome.result) and keep_going
        return keep_going

    def finish(self, interrupted: bool = False) -> RunReport:
        if self.ordered:  # after fail-fast or Ctrl-C, inputs never converted leave gaps
            for index in sorted(self.results):
                self.report.record(self.results.pop(index))
        else:
            self.report.files = [self.results[index] for index in sorted(self.results)]
        self.report.elapsed_seconds = time.perf_counter() - self.started
        self.report.interrupted = interrupted
        return self.report

    def execute(self, tasks: Iterable[Task], total: int, job: Job, *, jobs: int,
                executor: ExecutorName, scheduler: Any) -> RunReport:
        try:
            execute(tasks, total, job, jobs=worker_count(jobs, total), executor=executor,
                    scheduler=scheduler, deliver=self.deliver)
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
                 progress: ProgressCallback | None = None,
                 results: ResultsKept = "memory") -> RunReport:
    """Convert every input to every format in ``to``, mirroring the inputs under ``output_dir``.

    ``read_options`` gives every input's encoding, language and metadata
    (``source_name`` is set per input).

    ``scheduler`` (Dask only): ``None`` starts a ``LocalCluster`` of ``jobs``
    worker processes; otherwise a scheduler address (``tcp://host:8786``), a
    cluster object or a ``distributed.Client``.  Raises :class:`ConvertError`
    for a bad request (nothing is written then) and :class:`Interrupted` on
    Ctrl-C; bad inputs are reported in the returned :class:`RunReport`.

    ``results``: ``memory`` keeps every input's result in ``report.files``;
    ``file`` and ``counts`` keep the run's memory flat in the number of inputs
    (the plan is then a :class:`~convert.run.plan.StreamedPlan`, and results
    go to a temporary file for the JSON report, or only into the counts).
    """
    writer_names = tuple(to)
    for name in writer_names:
        if formats.writer(name).collection:
            raise ConvertError(f"{name} writes every input into one file: "
                               "use convert_into_one (newsconvert: -o FILE)", code="usage")
    skipped: list[str] = []
    tasks: Iterable[Task]
    if results == "memory" or any(argument in ("-", "@-") for argument in inputs):
        # standard input is read once: a plan that walks its inputs again cannot take it
        planned = plan(expand_inputs(inputs, read_format, selection, skipped), writer_names,
                       output_dir, input_folders(inputs))
        tasks, total = planned, len(planned)
    else:
        streamed = StreamedPlan(inputs, read_format, selection, writer_names, output_dir,
                                skipped)
        tasks, total = streamed.tasks(), streamed.total
    run = _Run(RunReport(writer_names, os.fspath(output_dir), notes=skip_notes(skipped),
                         kept=results), total, fail_fast, progress, ordered=True)
    job = Job(writer_names, read_format, write_options or WriteOptions(),
              read_options=read_options or ReadOptions(), resume=skip_existing)
    return run.execute(_unless_up_to_date(tasks, run) if skip_existing else tasks, total, job,
                       jobs=jobs, executor=executor, scheduler=scheduler)


def _unless_up_to_date(tasks: Iterable[Task], run: _Run) -> Iterator[Task]:
    """The tasks to convert; those whose outputs are up to date are skipped (and reported)."""
    for task in tasks:
        if up_to_date(task):
            run.add(task.index, InputResult(task.source.display, "skipped",
                                            tuple(path for _, path in task.outputs)))
        else:
            yield task


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
    report = run.execute(tasks, len(tasks), job, jobs=jobs, executor=executor,
                         scheduler=scheduler)
    documents = [doc for index in sorted(run.documents) for doc in run.documents[index]]
    if documents and not (fail_fast and not report.ok):
        if len(documents) > 1 and not (writer.collection or writer.several):
            raise ConvertError(f"{len(documents)} documents, but {to} writes one per file: "
                               "give an output folder (-o DIR)", code="usage")
        data = _write_collection(to, run, write_options or WriteOptions())
        report = run.finish()
        if data is not None:
            if target is None:
                output.write(data)  # type: ignore[union-attr]
            else:
                files.write_atomic(target, data)
            _name_output(report, "" if target is None else os.fspath(target))
    return report


def _write_collection(to: str, run: _Run, options: WriteOptions) -> bytes | None:
    """Every collected document in one output.  When the writer refuses it, each
    input's documents are tried alone: the inputs it refuses fail with their own
    error (naming the file) and the others are written."""
    documents = [doc for index in sorted(run.documents) for doc in run.documents[index]]
    try:
        return formats.writer(to).write(documents, options)
    except ConvertError:
        pass
    kept: list[Document] = []
    for index in sorted(run.documents):
        try:
            formats.writer(to).write(run.documents[index], options)
        except ConvertError as error:
            source = run.results[index].source
            run.results[index] = InputResult(source, "failed", error=Problem(
                error.message, error.line, error.code))
            if run.progress:
                run.progress(run.results[index], len(run.results), run.total)
        else:
            kept.extend(run.documents[index])
    return formats.writer(to).write(kept, options) if kept else None


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
