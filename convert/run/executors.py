"""Running a run's tasks: here, in worker processes, or on Dask; one input at a time."""

from __future__ import annotations

import itertools
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeGuard, get_args

from convert import api, files, formats
from convert.errors import ConvertError

from convert.run.plan import Job, Source, Task, numbered_path
from convert.run.report import InputResult, Problem, Status

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event

    from convert.model import Document
    from convert.options import WriteOptions

ExecutorName = Literal["local", "dask"]
#: Most inputs sent to a worker at once; small chunks keep Ctrl-C and
#: ``fail_fast`` quick, large enough ones keep the inter-process traffic low.
MAX_CHUNK = 32
#: Chunks in flight per worker: enough to keep every worker busy, few enough
#: that memory does not grow with the number of inputs.
CHUNKS_IN_FLIGHT_PER_JOB = 2


# ---------------------------------------------------------------- one input


@dataclass(frozen=True)
class Outcome:
    """A task's result, its place in the run, and (collection runs) its documents."""

    index: int
    result: InputResult
    documents: tuple[Document, ...] = ()


def convert_task(task: Task, job: Job) -> Outcome:
    """Read one input once and write every requested format; never raises for bad input."""
    source = task.source
    if not source.regular:  # never opened: it may block, or never end
        return Outcome(task.index, InputResult(source.display, "skipped", warnings=(
            Problem(f"{files.NOT_REGULAR}: skipped", None, "not-regular"),)))
    try:
        documents = _read(source, job)
        if job.collect:
            collected = tuple(documents)
            warnings = tuple(problem for doc in collected for problem in _warnings(doc, job))
            return Outcome(task.index, InputResult(source.display, _status(warnings), (), warnings),
                           collected)
        written, warnings = _write_outputs(task, documents, job)
        return Outcome(task.index, InputResult(source.display, _status(warnings), written,
                                              warnings))
    except ConvertError as error:
        error.within(source.display)
        problem = Problem(error.message, error.line, error.code, traceback.format_exc())
    except Exception as error:  # a bug in a reader or writer: still only this file fails
        bug = ConvertError.internal(error)
        problem = Problem(bug.message, None, bug.code, traceback.format_exc())
    return Outcome(task.index, InputResult(source.display, "failed", error=problem))


def _warnings(doc: Document, job: Job) -> Iterator[Problem]:
    for warning in api.document_warnings(doc, job.formats, job.write_options):
        yield Problem(warning.message, warning.line, warning.code)


def _status(warnings: tuple[Problem, ...]) -> Status:
    return "warned" if warnings else "converted"


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

    The first document's outputs are written last: ``a-1.html`` on disk means
    every other output of the input is too, so a run killed half-way (no
    clean-up possible) is seen as unfinished by ``--skip-existing``, which
    then writes exactly the outputs that are missing (or older than the input).
    """
    first = next(documents)
    second = next(documents, None)
    numbered = second is not None
    stream = itertools.chain((first,) if second is None else (first, second), documents)
    changed = _input_mtime(task) if job.resume and numbered else None
    outputs: list[Path] = []
    written: list[Path] = []
    warnings: list[Problem] = []

    def write(number: int, doc: Document) -> None:
        for name, output in task.outputs:
            path = numbered_path(Path(output), number) if numbered else Path(output)
            if changed is None or not _newer(path, changed):
                files.write_atomic(path, formats.writer(name).write([doc], job.write_options))
                written.append(path)
            outputs.append(path)

    try:
        for number, doc in enumerate(stream, 1):
            warnings.extend(_warnings(doc, job))
            if number > 1 or not numbered:
                write(number, doc)
        if numbered:
            write(1, first)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    if numbered:  # reported in document order
        formats_count = len(task.outputs)
        outputs = outputs[-formats_count:] + outputs[:-formats_count]
    return tuple(str(path) for path in outputs), tuple(warnings)


def _input_mtime(task: Task) -> int | None:
    try:
        return os.stat(task.source.name).st_mtime_ns if task.source.name != "-" else None
    except OSError:
        return None


def _newer(path: Path, than: int) -> bool:
    try:
        return os.stat(path).st_mtime_ns > than
    except OSError:
        return False


def worker_count(jobs: int, tasks: int) -> int:
    """``--jobs``, capped by the CPUs this process may use and by the inputs:
    more workers than either only cost memory and start-up (``--jobs 1000``
    on 40 files would fork 1000 processes)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(jobs, cpus or 1, tasks))


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


def _chunks(tasks: Iterable[Task], total: int, jobs: int) -> Iterator[list[Task]]:
    """The tasks in chunks of an eighth of what remains per worker (at most
    ``MAX_CHUNK``): smaller towards the end, so that the workers finish
    together rather than one waiting for the other's last large chunk."""
    remaining = iter(tasks)
    left = total
    while chunk := list(itertools.islice(remaining, max(1, min(MAX_CHUNK, left // (jobs * 8))))):
        left -= len(chunk)
        yield chunk


def _crashed(chunk: Sequence[Task], error: BaseException) -> list[Outcome]:
    problem = Problem(f"worker failed: {type(error).__name__}: {error}", None, "internal")
    return [Outcome(task.index, InputResult(task.source.display, "failed", error=problem))
            for task in chunk]


def _run_here(tasks: Iterable[Task], job: Job, deliver: Deliver) -> None:
    for task in tasks:
        if not deliver([convert_task(task, job)]):
            return


def _preload(job: Job) -> None:
    """Import the run's reader (when ``--from`` names it) and writers, and load what the
    reader loads on first use (``prepare``: the text reader's language model and date
    patterns), before the workers are forked: they start with all of it, shared, and
    no worker's first input pays for it (about 0.25 s of CPU for txt -> html)."""
    import importlib

    modules = [formats.writer(name).module for name in job.formats]
    if job.read_format is not None:
        modules.append(formats.reader(job.read_format).module)
    for name in modules:
        prepare = getattr(importlib.import_module(name), "prepare", None)
        if prepare is not None:
            prepare()


def _run_process_pool(tasks: Iterable[Task], total: int, job: Job, jobs: int,
                      deliver: Deliver) -> None:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    _preload(job)
    stop = multiprocessing.Event()
    chunks = _chunks(tasks, total, jobs)
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


def _run_dask(tasks: Iterable[Task], total: int, job: Job, jobs: int, scheduler: Any,
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
    chunks = _chunks(tasks, total, jobs)
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


def execute(tasks: Iterable[Task], total: int, job: Job, *, jobs: int,
            executor: ExecutorName, scheduler: Any, deliver: Deliver) -> None:
    """Run ``total`` tasks (``tasks`` may be a stream), ``deliver``-ing their outcomes."""
    if executor_name(executor) == "dask":  # checked again for callers without a type checker
        _run_dask(tasks, total, job, jobs, scheduler, deliver)
    elif jobs > 1 and total > 1:
        _run_process_pool(tasks, total, job, jobs, deliver)
    else:
        _run_here(tasks, job, deliver)

