"""Start-up cost of the command line: ``newsconvert --help`` and friends.

    python bench/startup.py [--runs 15]

Each command runs ``--runs`` times in a fresh process, the commands taking
turns; the minimum and median wall times are printed, and each command's
ratio to the yardstick run in the same call: ``pandoc --version`` (a compiled
CLI) and ``python -c pass`` (the interpreter alone, the floor for any Python
CLI).  The minimum is the figure least disturbed by other load.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITEM = (ROOT.parent / "shared" / "standards" /
        "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml")

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "newsconvert --help": [sys.executable, "-m", "convert", "--help"],
    "newsconvert convert --help": [sys.executable, "-m", "convert", "convert", "--help"],
    "newsconvert formats": [sys.executable, "-m", "convert", "formats"],
    "newsconvert validate ITEM": [sys.executable, "-m", "convert", "validate", str(ITEM)],
}
if shutil.which("pandoc"):
    COMMANDS = {"pandoc --version": ["pandoc", "--version"], **COMMANDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    floor = min(times["python -c pass"])
    yardstick = min(times["pandoc --version"]) if "pandoc --version" in times else None
    print(f"{'command':<30} {'min ms':>8} {'median ms':>10} {'x python':>9} {'x pandoc':>9}")
    for name, measured in times.items():
        best = min(measured)
        versus_pandoc = f"{best / yardstick:9.1f}" if yardstick else f"{'-':>9}"
        print(f"{name:<30} {best * 1000:8.0f} {statistics.median(measured) * 1000:10.0f} "
              f"{best / floor:9.1f} {versus_pandoc}")


if __name__ == "__main__":
    main()
