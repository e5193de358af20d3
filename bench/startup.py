"""Start-up of the console script: `newsconvert --help` and `validate` of one small file.

    python bench/startup.py [--runs 20] [--tree DIR ...]

Each command runs in a fresh interpreter, the way the console script does
(``convert.launch:main`` when the tree has it, else ``convert.cli:main``),
taking turns with the yardstick ``python -c pass`` in the same loop; the
minimum wall time and the minimum CPU time (user + system, which other load
on a shared machine disturbs less) of each are printed with their ratios to
the yardstick's.
``--tree`` times other checkouts of the project (for example the commit
before a change, unpacked with ``git archive``) in the same call, so
before and after figures are measured under the same load.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL_ITEM = (ROOT.parent / "shared" / "standards" / "newsml-g2/examples/unit_test_files/2.26"
              / "should_pass/CR00201_charcount.xml")


def console_script(tree: Path) -> str:
    """The ``[project.scripts]`` entry point of ``tree`` as ``module:function``."""
    for line in (tree / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("newsconvert = "):
            return line.split("=", 1)[1].strip().strip('"')
    raise SystemExit(f"{tree}: no newsconvert console script in pyproject.toml")


def commands(tree: Path) -> dict[str, list[str]]:
    module, function = console_script(tree).split(":")
    launcher = f"import sys; sys.argv[0] = 'newsconvert'; from {module} import {function}; {function}()"
    return {"--help": [sys.executable, "-c", launcher, "--help"],
            "validate one file": [sys.executable, "-c", launcher, "validate", str(SMALL_ITEM)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="another checkout to time too (default: this one only)")
    arguments = parser.parse_args()
    trees = [ROOT, *arguments.tree]
    yardstick = [sys.executable, "-c", "pass"]
    jobs = {("python -c pass", None): yardstick}
    for tree in trees:
        for name, command in commands(tree.resolve()).items():
            jobs[(name, tree)] = command
    times: dict[tuple[str, Path | None], list[float]] = {key: [] for key in jobs}
    cpu: dict[tuple[str, Path | None], list[float]] = {key: [] for key in jobs}
    for _ in range(arguments.runs):
        for key, command in jobs.items():
            tree = key[1]
            env = {**os.environ, "PYTHONPATH": str(tree) if tree else ""}
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            result = subprocess.run(command, cwd=tree or ROOT, env=env, capture_output=True,
                                    check=False)
            times[key].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[key].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if result.returncode != 0:
                raise SystemExit(f"{key[0]} in {tree}: exit {result.returncode}: "
                                 + result.stderr.decode("utf-8", "replace").strip()[-300:])
    yardstick = ("python -c pass", None)
    base, base_cpu = min(times[yardstick]), min(cpu[yardstick])
    print(f"{'python -c pass':<61} wall min {base:6.3f} s   cpu min {base_cpu:6.3f} s")
    for (name, tree), measured in times.items():
        if tree is None:
            continue
        fastest, least_cpu = min(measured), min(cpu[(name, tree)])
        print(f"{name:<20} {str(tree):<40} wall min {fastest:6.3f} s "
              f"(median {statistics.median(measured):6.3f}) {fastest / base:5.2f}x   "
              f"cpu min {least_cpu:6.3f} s {least_cpu / base_cpu:5.2f}x")


if __name__ == "__main__":
    main()
