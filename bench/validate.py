"""`newsconvert validate` next to the reference tools on 1000 files.

    python bench/validate.py [--files 1000] [--rounds 7]

NewsML-G2: `newsconvert validate` versus `xmllint --noout --schema` (Debian
libxml2-utils; required); ninjs 3.1: versus `check-jsonschema`, installed alone
into a new venv under the temporary folder (pip, from the registry), as its
users install it.  Inputs are generated from the official examples in
../shared/standards.  Each tool runs once over all files per round, in a fresh
process (start-up included), the tools taking turns; min / median wall times
and peak RSS are printed.  Goals (issue 20): <= 2x xmllint's time, <= 0.5x
check-jsonschema's (medians).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from harness import SHARED, as_installed, machine, new_venv, take_turns, verdict

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
            ours: str, theirs: str, goal: float) -> None:
    runs = take_turns(commands, rounds, env=env)
    print(title)
    for name, figures in runs.items():
        print(f"  {name:<42}{figures.times(1000, 'ms'):>24}   CPU {figures.cpu_median * 1000:5.0f}"
              f" ms   peak {figures.peak_mib:5.1f} MiB")
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
    options = parser.parse_args()
    if shutil.which("xmllint") is None:
        sys.exit("bench/validate.py: xmllint, the yardstick, is not installed "
                 "(Debian: apt-get install libxml2-utils)")
    count = options.files
    validate = [sys.executable, "-m", "convert", "validate"]  # the text report, as in CI
    with tempfile.TemporaryDirectory(prefix="newsconvert-bench-") as temporary:
        work = Path(temporary)
        env = {**as_installed(work / "pycache"), "NEWSCONVERT_SCHEMAS": str(STANDARDS)}
        items, documents = make_inputs(work, count)
        checker = options.check_jsonschema or clean_check_jsonschema(work)
        print(f"{machine()}; {options.rounds} rounds")
        compare(f"{count} NewsML-G2 newsItems ({ITEM.name})", {
            "newsconvert validate": [*validate, str(items[0].parent)],
            "xmllint --noout --schema": ["xmllint", "--noout", "--schema", str(XSD),
                                         *map(str, items)],
            # Fixed costs every Python validator pays, for reference:
            "(python -c pass)": [sys.executable, "-c", "pass"],
            "(python: import lxml, compile the XSD)": [sys.executable, "-c", COMPILE_XSD,
                                                       str(XSD)],
        }, env, options.rounds, "newsconvert validate", "xmllint --noout --schema", 2.0)
        compare(f"{count} ninjs 3.1 documents ({NINJS.name})", {
            "newsconvert validate": [*validate, str(documents[0].parent)],
            "check-jsonschema (alone in its venv)": [
                str(checker), "--schemafile", str(NINJS_SCHEMA), *map(str, documents)],
        }, env, options.rounds, "newsconvert validate", "check-jsonschema (alone in its venv)",
            0.5)


if __name__ == "__main__":
    main()
