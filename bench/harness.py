"""What the benchmarks share: whole processes timed in turns, their peak memory, verdicts.

The machine the benchmarks run on is usually shared, so every figure is taken
over several rounds in which the commands take turns (other load falls on all
of them alike), and both the minimum (the least disturbed run) and the median
are printed.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"


@dataclass
class Runs:
    """Wall seconds, CPU seconds (user + system) and peak RSS (KiB) per run, each of the
    process and the children it waited for."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        """CPU time is what waiting for a shared core does not inflate."""
        return statistics.median(self.cpu)

    @property
    def peak_mib(self) -> float:
        """The largest peak of all runs, in MiB."""
        return max(self.peak_kib) / 1024

    def times(self, scale: float = 1.0, unit: str = "s") -> str:
        return f"{self.best * scale:.3f} / {self.median * scale:.3f} {unit}"


def run_measured(command: list[str], *, cwd: Path = ROOT,
                 env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run ``command`` to its end: (wall seconds, CPU seconds, peak RSS in KiB).  Fails on a
    non-zero exit.

    The peak comes from ``wait4``: the largest of the process and of the children
    it waited for (a batch's workers), which is what ``/usr/bin/time -v`` shows.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: "
                           f"{errors.decode(errors='replace').strip()[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def as_installed(pycache: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for timing our code as a user runs it: pip writes the bytecode
    of a package it installs, but this workplace sets PYTHONDONTWRITEBYTECODE, which
    would charge every run for compiling newsconvert from source.  The bytecode goes
    to ``pycache`` (written by a first, uncounted run), not into the source tree."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def take_turns(commands: dict[str, list[str]], rounds: int, *, cwd: Path = ROOT,
               env: dict[str, str] | None = None) -> dict[str, Runs]:
    """Each command ``rounds`` times, the commands taking turns (the order rotates),
    after one uncounted warm-up run each (bytecode written, files in the page cache)."""
    runs = {name: Runs() for name in commands}
    names = list(commands)
    for name in names:
        run_measured(commands[name], cwd=cwd, env=env)
    for number in range(rounds):
        for name in names[number % len(names):] + names[:number % len(names)]:
            seconds, cpu, peak = run_measured(commands[name], cwd=cwd, env=env)
            runs[name].seconds.append(seconds)
            runs[name].cpu.append(cpu)
            runs[name].peak_kib.append(peak)
    return runs


def verdict(goal: str, met: bool, figures: str) -> None:
    """The closing line for one goal, the form the README quotes."""
    print(f"{goal}: {'met' if met else 'missed'} ({figures})")


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"python {sys.version.split()[0]}, {os.cpu_count()} cores (shared with other "
            f"users: load average {load:.1f} at the start), times min / median")


def markdown_twin(text: str) -> str:
    """The article as pandoc Markdown: the first block the title, the rest paragraphs."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [block for block in blocks if block]
    return f"% {blocks[0]}\n\n" + "\n\n".join(blocks[1:]) + "\n"


def new_venv(folder: Path, *requirements: str) -> Path:
    """A new venv in ``folder`` with ``requirements`` installed by its pip, as users install
    them (nothing of this environment's site-packages, its ``.pth`` files included): the
    venv's ``bin`` folder."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    installed = subprocess.run([str(folder / "bin" / "pip"), "install", "-q",
                                "--disable-pip-version-check", *requirements],
                               capture_output=True, text=True, check=False)
    if installed.returncode != 0:
        sys.exit(f"pip could not install {' '.join(requirements)}:\n"
                 f"{installed.stderr.strip()[-2000:]}")
    return folder / "bin"


def instructions(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> int:
    """The instructions ``command`` executes (callgrind's ``Collected``), which other load
    on the machine does not change; run after the timed runs wrote the bytecode."""
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.devnull}",
                             os.path.realpath(command[0]), *command[1:]],
                            cwd=cwd, env=env, capture_output=True, check=True)
    found = re.search(rb"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind for {command}")
    return int(found.group(1))
