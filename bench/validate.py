"""`newsconvert validate` next to the reference tools on 1000 files.

    python bench/validate.py [--files 1000] [--rounds 7] [--venv DIR] [--instructions]

NewsML-G2: `newsconvert validate` versus `xmllint --noout --schema` (Debian
libxml2-utils; required); ninjs 3.1: versus `check-jsonschema`, installed alone
into a new venv under the temporary folder (pip, from the registry), as its
users install it.  Inputs are generated from the official examples in
../shared/standards.  Each tool runs once over all files per round, in a fresh
process (start-up included), the tools taking turns; min / median wall times,
CPU time and peak RSS are printed.  Goals (issue 20): <= 2x xmllint's time,
<= 0.5x check-jsonschema's (medians).

The goals are judged on the ``newsconvert`` console script as a user has it:
this tree installed by ``pip install`` into a new venv (or the one ``--venv``
names), whose interpreter starts without this machine's ``site-packages`` and
its ``.pth`` hooks.  The fixed-cost reference lines (``python -c pass``;
importing lxml and compiling the XSD) run that venv's interpreter.  ``python -m
convert validate`` run from this tree with this machine's interpreter (how the
bench timed us until the fourth round) is printed too, for comparison.
``--instructions`` also counts, once each, the instructions of the NewsML-G2
commands (callgrind), which other load does not disturb.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from harness import (
    ROOT, SHARED, as_installed, instructions, machine, new_venv, take_turns, verdict,
)

STANDARDS = SHARED / "standards"
XSD = STANDARDS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
NINJS_SCHEMA = STANDARDS / "ninjs" / "ninjs-schema_3.1.json"
ITEM = STANDARDS / "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml"
NINJS = STANDARDS / "ninjs/examples/3.1/005_complex_text_article.json"


COMPILE_XSD = ("import sys; from lxml import etree; "
               "etree.XMLSchema(etree.parse(sys.argv[1], etree.XMLParser(no_network=True)))")


def make_inputs(folder: Path, count: int) -> tuple[list[Path], list[Path]]:
    item = ITEM.read_text(encoding="utf-8")
    ninjs = json.loads(NINJS.read_text(encoding="utf-8"))
    items, documents = [], []
    for number in range(count):
        items.append(folder / "newsml" / f"item-{number:04}.xml")
        items[-1].parent.mkdir(exist_ok=True)
        items[-1].write_text(item.replace('guid="', f'guid="bench-{number}-'), encoding="utf-8")
        documents.append(folder / "ninjs" / f"doc-{number:04}.json")
        documents[-1].parent.mkdir(exist_ok=True)
        documents[-1].write_text(json.dumps({**ninjs, "uri": f"{ninjs['uri']}-{number}"},
                                            indent=2), encoding="utf-8")
    return items, documents


def clean_check_jsonschema(folder: Path) -> Path:
    """check-jsonschema installed alone in a new venv, as its users install it (no format
    libraries of our test extra to slow it down): the path of its command."""
    return new_venv(folder / "check-jsonschema-venv", "check-jsonschema") / "check-jsonschema"


def compare(title: str, commands: dict[str, list[str]], env: dict[str, str], rounds: int,
            ours: str, theirs: str, goal: float, counted: bool = False) -> None:
    runs = take_turns(commands, rounds, env=env)
    counts = ({name: instructions(command, env) for name, command in commands.items()}
              if counted else {})
    print(title)
    for name, figures in runs.items():
        print(f"  {name:<48}{figures.times(1000, 'ms'):>24}   CPU {figures.cpu_median * 1000:5.0f}"
              f" ms   peak {figures.peak_mib:5.1f} MiB"
              + (f"   {counts[name] / 1e6:7.1f} M instructions" if counts else ""))
    ratio, best = runs[ours].median / runs[theirs].median, runs[ours].best / runs[theirs].best
    verdict(f"{title.split(' (')[0]}: {ours} vs {theirs}", ratio <= goal,
            f"{runs[ours].median * 1000:.0f} ms vs {runs[theirs].median * 1000:.0f} ms median:"
            f" {ratio:.2f}x (min {best:.2f}x; CPU time "
            f"{runs[ours].cpu_median / runs[theirs].cpu_median:.2f}x); goal <= {goal:g}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--check-jsonschema", type=Path, help="use this check-jsonschema "
                        "(say, one installed alone by an earlier run) instead of a new venv")
    parser.add_argument("--venv", type=Path, help="a venv where newsconvert is installed "
                        "already (say, by an earlier run) instead of a new one")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the NewsML-G2 commands' instructions (callgrind)")
    options = parser.parse_args()
    if shutil.which("xmllint") is None:
        sys.exit("bench/validate.py: xmllint, the yardstick, is not installed "
                 "(Debian: apt-get install libxml2-utils)")
    if options.instructions and shutil.which("valgrind") is None:
        sys.exit("bench/validate.py: --instructions needs valgrind (apt-get install valgrind)")
    count = options.files
    with tempfile.TemporaryDirectory(prefix="newsconvert-bench-") as temporary:
        work = Path(temporary)
        env = {**as_installed(work / "pycache"), "NEWSCONVERT_SCHEMAS": str(STANDARDS)}
        items, documents = make_inputs(work, count)
        installed = (options.venv / "bin" if options.venv
                     else new_venv(work / "venv", str(ROOT)))
        checker = options.check_jsonschema or clean_check_jsonschema(work)
        validate = [str(installed / "newsconvert"), "validate"]  # the text report, as in CI
        print(f"{machine()}; {options.rounds} rounds; newsconvert installed in "
              f"{options.venv or 'a new venv'}")
        compare(f"{count} NewsML-G2 newsItems ({ITEM.name})", {
            "newsconvert validate": [*validate, str(items[0].parent)],
            "xmllint --noout --schema": ["xmllint", "--noout", "--schema", str(XSD),
                                         *map(str, items)],
            # Fixed costs every Python validator pays, for reference (the venv's python):
            "(python -c pass)": [str(installed / "python"), "-c", "pass"],
            "(python: import lxml, compile the XSD)": [str(installed / "python"), "-c",
                                                       COMPILE_XSD, str(XSD)],
            # How this bench timed us until the fourth round: this tree, this machine's site.
            "(python -m convert validate, tree, this site)": [
                sys.executable, "-m", "convert", "validate", str(items[0].parent)],
        }, env, options.rounds, "newsconvert validate", "xmllint --noout --schema", 2.0,
            options.instructions)
        compare(f"{count} ninjs 3.1 documents ({NINJS.name})", {
            "newsconvert validate": [*validate, str(documents[0].parent)],
            "check-jsonschema (alone in its venv)": [
                str(checker), "--schemafile", str(NINJS_SCHEMA), *map(str, documents)],
        }, env, options.rounds, "newsconvert validate", "check-jsonschema (alone in its venv)",
            0.5)


if __name__ == "__main__":
    main()
