"""Start-up of the console script: `newsconvert --help` and `validate` of one small file.

    python bench/startup.py [--runs 20] [--tree DIR ...]

Each command runs in a fresh interpreter, the way the console script does
(``convert.launch:main`` when the tree has it, else ``convert.cli:main``),
taking turns with the yardstick ``python -c pass`` (see ``harness.take_turns``);
the minimum and median wall time and the median CPU time (user + system, which
other load on a shared machine disturbs less) of each are printed with their
ratios to the yardstick's.  Every tree runs from bytecode, as pip installs it
(``harness.as_installed``): compiling the sources on every run would measure
the size of the code, not what a user waits for.
``--tree`` times other checkouts of the project (for example the commit
before a change, unpacked with ``git archive``) in the same call, so
before and after figures are measured under the same load.
``--instructions`` runs each command once more under ``valgrind --tool=callgrind``
and prints the instructions it executed: a count that other load does not
disturb at all (about 100x slower, so one run each).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from harness import ROOT, SHARED, as_installed, instructions, machine, take_turns

SMALL_ITEM = (SHARED / "standards" / "newsml-g2/examples/unit_test_files/2.26"
              / "should_pass/CR00201_charcount.xml")


def console_script(tree: Path) -> str:
    """The ``[project.scripts]`` entry point of ``tree`` as ``module:function``."""
    for line in (tree / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("newsconvert = "):
            return line.split("=", 1)[1].strip().strip('"')
    raise SystemExit(f"{tree}: no newsconvert console script in pyproject.toml")


def commands(tree: Path) -> dict[str, list[str]]:
    """The two command lines, run from ``tree`` (first on ``sys.path``, ahead of any
    installed copy)."""
    module, function = console_script(tree).split(":")
    launcher = (f"import sys; sys.path.insert(0, {str(tree)!r}); sys.argv[0] = 'newsconvert'; "
                f"from {module} import {function}; {function}()")
    return {"--help": [sys.executable, "-c", launcher, "--help"],
            "validate one file": [sys.executable, "-c", launcher, "validate", str(SMALL_ITEM)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="another checkout to time too (default: this one only)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions under valgrind (callgrind)")
    arguments = parser.parse_args()
    if arguments.instructions and shutil.which("valgrind") is None:
        sys.exit("bench/startup.py: --instructions needs valgrind (apt-get install valgrind)")
    trees = [ROOT, *(tree.resolve() for tree in arguments.tree)]
    yardstick = "python -c pass"
    jobs = {yardstick: [sys.executable, "-c", "pass"]}
    for tree in trees:
        for name, command in commands(tree).items():
            jobs[f"{name:<18} {tree}"] = command
    with tempfile.TemporaryDirectory(prefix="newsconvert-startup-") as temporary:
        env = as_installed(Path(temporary))
        runs = take_turns(jobs, arguments.runs, env=env)
        counts = ({name: instructions(command, env) for name, command in jobs.items()}
                  if arguments.instructions else {})
    print(f"{machine()}; {arguments.runs} runs each")
    base = runs[yardstick]
    for name, figures in runs.items():
        print(f"  {name:<58} wall {figures.times():>15} {figures.best / base.best:5.2f}x"
              f" (median {figures.median / base.median:5.2f}x)   CPU median "
              f"{figures.cpu_median:6.3f} s {figures.cpu_median / base.cpu_median:5.2f}x")
    for name, count in counts.items():
        print(f"  {name:<58} instructions {count / 1e6:7.1f} M "
              f"{count / counts[yardstick]:5.2f}x")


if __name__ == "__main__":
    main()
