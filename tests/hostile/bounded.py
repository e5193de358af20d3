"""Run the command line with its resources capped, and read what it used.

Cost bounds in these tests are never wall-clock thresholds: a child process
gets a CPU-time limit (``RLIMIT_CPU``: the kernel kills it with SIGXCPU
when it is spent) and an address-space limit (``RLIMIT_AS``: allocations
past it fail, which Python reports as MemoryError, i.e. exit 3 or a
traceback).  An input that costs far more than its size hits one of them,
whatever the machine's load; one that costs what its size says stays far
below both.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

#: Interpreter start, typer, lxml and schema compiling stay well under these.
CPU_SECONDS = 60
MEMORY_MIB = 1024


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes
    #: Peak resident memory of the child, in MiB (its own, from wait4).
    peak_mib: float
    #: Still running after ``hang_seconds`` (blocked, using no CPU), so killed.
    hung: bool = False

    @property
    def killed_for_cpu(self) -> bool:
        return self.returncode in (-signal.SIGXCPU, -signal.SIGKILL)

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")


def limits(cpu_seconds: int, memory_mib: int | None) -> Callable[[], None]:
    """What a child runs before ``exec``: its CPU-time and address-space caps."""
    def limit() -> None:
        # SIGXCPU at the soft limit; SIGKILL at the hard one if that is ignored
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
        if memory_mib is not None:
            cap = memory_mib * 2**20
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    return limit


def run_capped(*args: str, cwd: Path, stdin: bytes | None = None,
               cpu_seconds: int = CPU_SECONDS, memory_mib: int | None = MEMORY_MIB,
               python_args: tuple[str, ...] = ("-m", "convert"),
               hang_seconds: float | None = None) -> Outcome:
    """``python -m convert *args`` with CPU time and address space capped.

    ``memory_mib=None`` leaves the address space alone (for a JVM child, which
    reserves far more address space than it uses) and only reports the peak.
    ``hang_seconds`` is a liveness guard, not a speed bound: a process blocked
    forever (on a FIFO) spends no CPU, so only a clock can tell; it is killed
    then and reported ``hung``.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, *python_args, *args], cwd=cwd, env=env,
                               stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=limits(cpu_seconds, memory_mib))
    output: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda name=name, pipe=pipe: output.__setitem__(
                   name, pipe.read())) for name, pipe in (("out", process.stdout),
                                                          ("err", process.stderr))]
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        process.kill()

    timer = threading.Timer(hang_seconds, kill) if hang_seconds is not None else None
    if timer is not None:
        timer.start()
    for reader in readers:
        reader.start()
    if process.stdin is not None:
        try:
            process.stdin.write(stdin or b"")
        except BrokenPipeError:
            pass
        process.stdin.close()
    for reader in readers:
        reader.join()
    if timer is not None:
        timer.cancel()
    # wait4, not wait: the child's own resource usage (peak RSS), not all children's.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return Outcome(process.returncode, output["out"], output["err"], usage.ru_maxrss / 1024,
                   killed.is_set())


def convert_capped(folder: Path, name: str, data: bytes, to: str) -> tuple[Outcome, Path]:
    """Write ``data`` to ``folder/name`` and convert it (capped, run in ``folder``) to
    ``folder/out.<to>``: the outcome and the output's path."""
    source = folder / name
    source.write_bytes(data)
    output = folder / f"out.{to}"
    return run_capped("convert", str(source), "--to", to, "-o", str(output), cwd=folder), output


def one_clean_line(stderr: str) -> str:
    """The one line a refused input gets: no traceback, no internal error."""
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr[-2000:]
    return lines[0]
