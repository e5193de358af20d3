"""What a run shows while it goes: per-file messages as results stream in, the
progress bar (rich: files done, files/s, ETA; on a terminal only), and the
summary line and exit code at the end.

rich is imported only when a run shows a bar, so it costs nothing elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from convert.cli.output import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, echo_error, write_text
from convert.errors import ConvertError
from convert.terminal import printable, printable_lines

if TYPE_CHECKING:
    from rich.progress import Progress, Task
    from rich.text import Text

    from convert.run import InputResult, RunReport


class RunDisplay:
    """Per-file messages as results stream in, and a progress bar on a terminal;
    with ``debug``, a failed file's traceback too."""

    def __init__(self, quiet: bool, debug: bool) -> None:
        self.quiet = quiet
        self.debug = debug
        self.bar = None
        if not quiet and sys.stderr.isatty():
            self.bar = ProgressBar()

    def __enter__(self) -> RunDisplay:
        if self.bar:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)

    def show(self, result: InputResult, done: int, total: int) -> None:
        if self.bar:
            self.bar.update(done, total)
        if result.error:
            if self.debug and result.error.trace:
                self.echo(printable_lines(result.error.trace.rstrip()))
            self.echo(printable(f"newsconvert: {where(result.source, result.error.line)}: "
                                f"{result.error.message}"))
        if not self.quiet:
            for warning in result.warnings:
                self.echo(printable(f"newsconvert: warning: {where(result.source, warning.line)}"
                                    f": {warning.message} [{warning.code}]"))

    def echo(self, line: str) -> None:
        if self.bar:
            self.bar.print(line)
        else:
            write_text(sys.stderr, line + "\n")


def where(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line else source


def finish_run(run: RunReport, report: str | Path | None, summary: bool) -> int:
    """Report file, summary line; the exit code (130 interrupted, 1 any input failed)."""
    if report is not None:
        try:
            run.write_json(Path(report))
        except ConvertError as error:
            echo_error(str(error))
    if summary or run.interrupted:
        write_text(sys.stderr, run.summary_line() + "\n")
    if run.interrupted:
        echo_error("interrupted")
        return EXIT_INTERRUPTED
    return EXIT_OK if run.ok else EXIT_INVALID


def _files_per_second(task: Task) -> Text:
    from rich.text import Text

    speed = task.finished_speed or task.speed
    return Text("" if speed is None else f"{speed:,.0f} files/s", style="progress.data.speed")


class ProgressBar:
    """``with ProgressBar() as bar: bar.update(done, total); bar.print(line)`` on stderr."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn, MofNCompleteColumn, Progress, RenderableColumn, TimeRemainingColumn,
        )

        class SpeedColumn(RenderableColumn):
            def render(self, task: Task) -> Text:
                return _files_per_second(task)

        self._progress: Progress = Progress(
            BarColumn(), MofNCompleteColumn(), SpeedColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._task = self._progress.add_task("convert", total=None)

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._progress.stop()

    def update(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def print(self, line: str) -> None:
        """A message above the bar (printing directly would tear it)."""
        self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
