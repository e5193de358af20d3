"""One article, one process: newsconvert txt -> html and txt -> json next to pandoc md -> html.

    python bench/convert.py                 # 11 rounds, a real BBC article
    python bench/convert.py --rounds 21 --article path/to/article.txt --instructions
    python bench/convert.py --venv DIR      # newsconvert as already installed in DIR

What a user feels converting one file: each command is a whole process
(interpreter start-up and imports included), run ``--rounds`` times with the
commands taking turns; wall time min / median, CPU time and the peak RSS
(``wait4``, as ``/usr/bin/time -v`` reports it).  pandoc, the yardstick,
converts the article's Markdown twin (the first block as the title) to a
standalone HTML5 page, as ``convert a.txt -t html`` writes one.

The goals are judged on the ``newsconvert`` console script as a user has it:
this tree installed by ``pip install`` into a new venv (or the one ``--venv``
names), whose interpreter starts without this machine's own ``site-packages``
and its ``.pth`` hooks (here an editable install's finder and a certificate
hook cost ~20 ms at every start).  ``python -m convert`` run from this tree is
timed too.  Our code runs from bytecode, as pip installs it (see
``harness.as_installed``).  ``--instructions`` also counts, once each, the
instructions the commands execute (callgrind), which other load does not
disturb.  Goals (issue 20): txt -> html at most 2x pandoc's time, and at most
60 MiB.  pandoc must be installed (Debian: ``apt-get install pandoc``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from harness import (
    ROOT, SHARED, as_installed, instructions, machine, markdown_twin, new_venv, take_turns, verdict,
)

ARTICLE = SHARED / "corpus" / "real" / "bbc-fulltext" / "business-028.txt"
#: Goals: at most this many times pandoc's time, and this peak memory.
TIME_RATIO = 2.0
PEAK_MIB = 60.0
#: Imported alone in a fresh process each, to show where a conversion's start-up goes:
#: the command line (typer), the text reader (the parser), the HTML writer.
WHERE_THE_TIME_GOES = ("convert.cli.commands", "convert.readers.text", "convert.writers.html")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--venv", type=Path, help="a venv where newsconvert is installed "
                        "already (say, by an earlier run) instead of a new one")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions under valgrind (callgrind)")
    options = parser.parse_args()
    if shutil.which("pandoc") is None:
        sys.exit("bench/convert.py: pandoc, the yardstick, is not installed "
                 "(Debian: apt-get install pandoc)")
    if options.instructions and shutil.which("valgrind") is None:
        sys.exit("bench/convert.py: --instructions needs valgrind (apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="newsconvert-bench-") as temporary:
        work = Path(temporary)
        text = work / "article.txt"
        shutil.copyfile(options.article, text)
        markdown = work / "article.md"
        markdown.write_text(markdown_twin(text.read_text(encoding="utf-8")), encoding="utf-8")
        installed = (options.venv / "bin" if options.venv
                     else new_venv(work / "venv", str(ROOT)))
        tree = [sys.executable, "-m", "convert", "convert", str(text)]
        console_script = [str(installed / "newsconvert"), "convert", str(text)]
        commands = {
            "newsconvert txt -> html": [*console_script, "-t", "html", "-o", str(work / "a.html")],
            "newsconvert txt -> json": [*console_script, "-t", "json", "-o", str(work / "a.json")],
            "pandoc md -> html": ["pandoc", "-f", "markdown", "-t", "html5", "-s", str(markdown),
                                  "-o", str(work / "pandoc.html")],
            "python -c pass (venv)": [str(installed / "python"), "-c", "pass"],
            "python -m convert txt -> html (tree)": [*tree, "-t", "html",
                                                     "-o", str(work / "b.html")],
            "python -c pass (this machine's site)": [sys.executable, "-c", "pass"],
            **{f"import {module} (tree)": [sys.executable, "-c", f"import {module}"]
               for module in WHERE_THE_TIME_GOES},
        }
        env = as_installed(work / "pycache")
        runs = take_turns(commands, options.rounds, cwd=ROOT, env=env)
        counts = ({name: instructions(command, env) for name, command in commands.items()}
                  if options.instructions else {})
    print(f"{machine()}; {options.rounds} rounds; article {options.article.name} "
          f"({options.article.stat().st_size:,} bytes); newsconvert installed in "
          f"{options.venv or 'a new venv'}")
    pandoc = runs["pandoc md -> html"]
    for name, figures in runs.items():
        print(f"  {name:<40}{figures.times(1000, 'ms'):>22}   CPU {figures.cpu_median * 1000:4.0f}"
              f" ms   peak {figures.peak_mib:5.1f} MiB   {figures.median / pandoc.median:5.2f}x "
              f"pandoc (median)" + (f"   {counts[name] / 1e6:7.1f} M instructions"
                                    if counts else ""))
    for name in ("newsconvert txt -> html", "newsconvert txt -> json"):
        figures = runs[name]
        ratio, best_ratio = figures.median / pandoc.median, figures.best / pandoc.best
        verdict(f"one article, {name.removeprefix('newsconvert ')}: time",
                ratio <= TIME_RATIO,
                f"{figures.median * 1000:.0f} ms median vs pandoc {pandoc.median * 1000:.0f} ms:"
                f" {ratio:.2f}x (min {best_ratio:.2f}x; CPU time "
                f"{figures.cpu_median / pandoc.cpu_median:.2f}x); goal <= {TIME_RATIO:g}x")
        verdict(f"one article, {name.removeprefix('newsconvert ')}: memory",
                figures.peak_mib <= PEAK_MIB,
                f"peak {figures.peak_mib:.1f} MiB (pandoc {pandoc.peak_mib:.1f} MiB); "
                f"goal <= {PEAK_MIB:g} MiB")


if __name__ == "__main__":
    main()
