"""What a run reports: every input's result, the counts, the JSON run report."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from convert.terminal import printable
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
            "outputs": [printable(output) for output in self.outputs],
            "warnings": [warning.to_data() for warning in self.warnings],
            "error": self.error.to_data() if self.error else None,
        }


#: Where a run keeps its inputs' results: ``memory`` (``RunReport.files``),
#: ``file`` (a temporary file, for the JSON report: the memory a run needs
#: stays flat however many inputs it has) or ``counts`` (only the counts).
ResultsKept = Literal["memory", "file", "counts"]


class _Tally:
    """Results not kept in memory: the counts, and (``spooled``) each one's
    JSON report entry, in input order, in a temporary file."""

    def __init__(self, spooled: bool) -> None:
        import tempfile

        self.counts = dict.fromkeys(STATUSES, 0)
        self.spool = tempfile.TemporaryFile() if spooled else None

    def add(self, result: InputResult) -> None:
        self.counts[result.status] += 1
        if self.spool is not None:
            entry = _indented(result.to_data(), "    ")
            self.spool.write((entry if sum(self.counts.values()) == 1 else ",\n" + entry)
                             .encode("utf-8"))

    def entries(self) -> Iterator[bytes]:
        """The spooled entries, as one JSON list's items (``,\n`` between them)."""
        if self.spool is None:
            raise ValueError("this run kept only the counts of its results (results='counts')")
        self.spool.seek(0)
        while chunk := self.spool.read(2**16):
            yield chunk
        self.spool.seek(0, os.SEEK_END)


def _indented(value: Any, prefix: str) -> str:
    """``value`` as the JSON report writes it (2-space indents), every line after ``prefix``."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "\n".join(prefix + line for line in text.split("\n"))


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
    #: Where :meth:`record` puts results: see :data:`ResultsKept`.
    kept: ResultsKept = "memory"

    def __post_init__(self) -> None:
        self._tally = None if self.kept == "memory" else _Tally(spooled=self.kept == "file")

    def record(self, result: InputResult) -> None:
        """Add the next input's result (in input order)."""
        if self._tally is None:
            self.files.append(result)
        else:
            self._tally.add(result)

    def count(self, status: Status) -> int:
        kept = sum(1 for result in self.files if result.status == status)
        return kept + (self._tally.counts[status] if self._tally else 0)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUSES}

    @property
    def total(self) -> int:
        """How many inputs the run has results for."""
        return sum(self.counts.values())

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
        """The JSON report as data (results kept in a file are read back into memory)."""
        import json

        data = self._head()
        if self._tally is None:
            data["files"] = [result.to_data() for result in self.files]
        else:
            data["files"] = json.loads(b"[" + b"".join(self._tally.entries()) + b"]")
        return data

    def _head(self) -> dict[str, Any]:
        from convert import __version__

        return {
            "newsconvert": __version__,
            "formats": list(self.formats),
            "output": self.output,
            "summary": {**self.counts, "total": self.total},
            "interrupted": self.interrupted,
            "elapsed_seconds": round(self.elapsed_seconds, 3),
            "notes": list(self.notes),
            "files": [],
        }

    def write_json(self, path: str | os.PathLike[str]) -> None:
        """The JSON report; results kept in a file are copied from it a chunk at a time."""
        if self._tally is None or self.total == 0:
            files.write_atomic(path, (_indented(self.to_data(), "") + "\n").encode("utf-8"))
            return
        head = _indented(self._head(), "")
        before, marker, after = head.rpartition('"files": []')
        assert marker, "the report ends with its files"
        files.write_atomic(path, itertools.chain(
            [(before + '"files": [\n').encode("utf-8")], self._tally.entries(),
            [("\n  ]" + after + "\n").encode("utf-8")]))


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run: workers were stopped; ``report`` holds what was done."""

    def __init__(self, report: RunReport) -> None:
        super().__init__("interrupted")
        self.report = report

