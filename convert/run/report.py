"""What a run reports: every input's result, the counts, the JSON run report."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from convert import files, formats

Status = Literal["converted", "warned", "failed", "skipped"]
STATUSES: tuple[Status, ...] = ("converted", "warned", "failed", "skipped")
#: ``progress(result, done, total)``: called in the calling process for every input.
ProgressCallback = Callable[["InputResult", int, int], None]


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
class InputResult:
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
    files: list[InputResult] = field(default_factory=list)
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

