"""The batch progress bar (rich): files done, files/s, ETA.  On a terminal only.

Imported only when a batch run shows a bar, so rich costs nothing elsewhere.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, Task
    from rich.text import Text


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
