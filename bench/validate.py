"""Benchmark `newsconvert validate` against the reference tools on 1000 files.

    python bench/validate.py [--files 1000]

NewsML-G2: `newsconvert validate` versus `xmllint --noout --schema` (Debian
libxml2-utils); ninjs 3.1: versus `check-jsonschema` (pip).  Inputs are
generated from the official examples in ../shared/standards into a temporary
folder.  Each tool runs once over all files, in a fresh process (start-up
included); tools that are not installed are skipped.  Each command runs
``--runs`` times, the tools taking turns, and the minimum and median wall
times are printed (the minimum is the least disturbed by other load).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STANDARDS = ROOT.parent / "shared" / "standards"
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


def timed(commands: dict[str, list[str]], env: dict[str, str], runs: int
          ) -> dict[str, float]:
    """Minimum wall time of each command over ``runs`` rounds (taking turns)."""
    available = {name: command for name, command in commands.items()
                 if command[0] == sys.executable or shutil.which(command[0])}
    for name, command in commands.items():
        if name not in available:
            print(f"{name:<40} skipped ({command[0]} not installed)")
    times: dict[str, list[float]] = {name: [] for name in available}
    for _ in range(runs):
        for name, command in available.items():
            start = time.perf_counter()
            result = subprocess.run(command, capture_output=True, env=env, check=False)
            times[name].append(time.perf_counter() - start)
            if result.returncode != 0:
                print(f"{name}: exit {result.returncode}: "
                      + result.stderr.decode("utf-8", "replace").strip()[-300:])
    for name, measured in times.items():
        print(f"{name:<40} min {min(measured):6.3f} s, median {statistics.median(measured):6.3f} s")
    return {name: min(measured) for name, measured in times.items()}


def ratio(label: str, figures: dict[str, float], ours: str, theirs: str) -> None:
    if ours in figures and theirs in figures:
        print(f"{label:<40} {figures[ours] / figures[theirs]:6.2f}x (of the minimums)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    count = options.files
    env = {**os.environ, "NEWSCONVERT_SCHEMAS": str(STANDARDS), "PYTHONPATH": str(ROOT)}
    validate = [sys.executable, "-m", "convert", "validate", "--format", "json"]
    with tempfile.TemporaryDirectory(prefix="newsconvert-bench-") as temporary:
        items, documents = make_inputs(Path(temporary), count)
        print(f"{count} NewsML-G2 newsItems ({ITEM.name}), {options.runs} runs each")
        figures = timed({
            "newsconvert validate": [*validate, str(items[0].parent)],
            "xmllint --noout --schema": ["xmllint", "--noout", "--schema", str(XSD),
                                         *map(str, items)],
            # Fixed costs every Python validator pays, for reference:
            "(python -c pass)": [sys.executable, "-c", "pass"],
            "(python: import lxml, compile the XSD)": [sys.executable, "-c", COMPILE_XSD,
                                                       str(XSD)]}, env, options.runs)
        ratio("ratio (goal: <= 2x xmllint)", figures, "newsconvert validate",
              "xmllint --noout --schema")
        print(f"{count} ninjs 3.1 documents ({NINJS.name}), {options.runs} runs each")
        figures = timed({
            "newsconvert validate": [*validate, str(documents[0].parent)],
            "check-jsonschema": ["check-jsonschema", "--schemafile", str(NINJS_SCHEMA),
                                 *map(str, documents)]}, env, options.runs)
        ratio("ratio (goal: <= 1x check-jsonschema)", figures, "newsconvert validate",
              "check-jsonschema")


if __name__ == "__main__":
    main()
