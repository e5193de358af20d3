"""Text parser benchmark: field accuracy of every annotated set, real-text pass rate, parse time.

    python bench/parse.py            # every set, 20 timed runs per article
    python bench/parse.py --runs 5
    python bench/parse.py --runs 5 --instructions   # also instructions per article

Annotated sets: ``../shared/corpus/dev`` and every ``fixtures/*/`` folder holding
``*.expected.json`` golds, except the blind set of the round in progress
(``EXCLUDED``: scored once, by the coordinator, never read here).  The blind sets
of earlier rounds have had their first scoring and been tuned on since: they are
printed marked "seen", and their figures say nothing about unseen text.  Field accuracy is the share of annotated fields right,
compared by ``../shared/corpus/README.md`` "How to compare" (the comparisons of
``tests/corpus_checks.py``, which the tests assert).  The real texts are those of
``tests/readers/test_text_real.py`` (headline, dateline, sign-off, paragraphs).

Time is the in-process parse of one article (bytes -> Document, the text
reader), after a warm-up run of every article; per article the median of
``--runs`` runs, then the median and 99th percentile over the articles.  The
yardstick, timed in the same call, is the least a reader must do: decode,
split on blank lines, unescape entities.  ``--instructions`` also counts the
instructions one parse of a dev article executes (callgrind, in a child that
parses the corpus once to warm up, then twice more; the difference from a child
that only warms up, per article): a figure the machine's load does not change,
for comparing commits on a shared machine.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import instructions  # noqa: E402
from convert.options import ReadOptions  # noqa: E402
from convert.readers import text as text_reader  # noqa: E402
from tests.support.corpus import field_results  # noqa: E402
from tests.readers.test_text_real import real_files, real_results  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev"
EXCLUDED: set[str] = set()  # no round in progress has a fresh blind set yet
SEEN_BLIND = {"blind", "blind2", "blind3", "blind4"}
TIME_GOAL_MS = 3.0


def annotated_sets() -> list[tuple[str, list[Path]]]:
    sets = [("../shared/corpus/dev", sorted(DEV.glob("*.txt")))]
    for folder in sorted(p for p in (ROOT / "fixtures").iterdir() if p.is_dir()):
        if folder.name in EXCLUDED:
            continue
        texts = sorted(t for t in folder.glob("*.txt")
                       if t.with_name(t.stem + ".expected.json").exists())
        if texts:
            seen = " (seen blind set)" if folder.name in SEEN_BLIND else ""
            sets.append((f"fixtures/{folder.name}{seen}", texts))
    return sets


def accuracy(name: str, paths: list[Path]) -> None:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    perfect = 0
    for path in paths:
        results = field_results(path)
        perfect += all(ok for ok, _, _ in results.values())
        for field, (ok, _, _) in results.items():
            total[field] += 1
            right[field] += ok
    fields = sum(total.values())
    print(f"{name}: {len(paths)} articles, field accuracy {sum(right.values()) / fields:.3f} "
          f"({sum(right.values())}/{fields}), all fields right in {perfect}/{len(paths)}, "
          f"language {right['language']}/{total['language']}")
    wrong = [f"{field} {right[field]}/{total[field]}" for field in total
             if right[field] < total[field]]
    print("  fields not all right: " + (", ".join(wrong) if wrong else "none"))


def real_texts() -> None:
    files = real_files()
    right = 0
    by_aspect: Counter[str] = Counter()
    failing = []
    for path, want in files:
        results = real_results(path, want)
        for aspect, (ok, _) in results.items():
            by_aspect[aspect] += ok
        if all(ok for ok, _ in results.values()):
            right += 1
        else:
            failing.append(path.stem)
    print(f"real texts (BBC + thirdparty/text): {right}/{len(files)} files right "
          f"({right / len(files):.3f}); " + ", ".join(f"{a} {n}/{len(files)}"
                                                    for a, n in by_aspect.items()))
    print("  not right: " + (", ".join(failing) if failing else "none"))


def yardstick(data: bytes) -> object:
    text = data.decode("utf-8", "replace")
    return [html.unescape(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def timing(paths: list[Path], runs: int) -> None:
    inputs = [(p.name, p.read_bytes()) for p in paths]

    def parse(name: str, data: bytes) -> None:
        try:
            text_reader.read(data, ReadOptions(source_name=name))
        except Exception:  # refused inputs are timed too
            pass

    for name, data in inputs:  # warm-up: imports, language model, compiled patterns
        parse(name, data)
        yardstick(data)
    ours, theirs = [], []
    for name, data in inputs:
        samples, yard = [], []
        for _ in range(runs):
            start = time.perf_counter()
            parse(name, data)
            samples.append(time.perf_counter() - start)
            start = time.perf_counter()
            yardstick(data)
            yard.append(time.perf_counter() - start)
        ours.append(statistics.median(samples) * 1000)
        theirs.append(statistics.median(yard) * 1000)
    ours.sort()
    median = statistics.median(ours)
    p99 = ours[min(len(ours) - 1, round(0.99 * (len(ours) - 1)))]
    yard_median = statistics.median(theirs)
    print(f"parse time on dev ({len(inputs)} articles, median of {runs} runs each): "
          f"median {median:.2f} ms, p99 {p99:.2f} ms; yardstick (decode, split, unescape) "
          f"median {yard_median:.3f} ms, ratio {median / yard_median:.0f}x")
    print(f"{'met' if median <= TIME_GOAL_MS else 'missed'}: median <= {TIME_GOAL_MS:g} ms")


#: Run under callgrind: every dev article parsed once, then ``argv[1]`` more times.
PASSES = """
import sys
from pathlib import Path
from convert.options import ReadOptions
from convert.readers import text
inputs = [(p.name, p.read_bytes()) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
for _ in range(1 + int(sys.argv[1])):
    for name, data in inputs:
        try:
            text.read(data, ReadOptions(source_name=name))
        except Exception:
            pass
"""
COUNTED_PASSES = 2


def instruction_count(paths: list[Path]) -> None:
    warm_up, counted = (instructions([sys.executable, "-c", PASSES, str(passes), str(DEV)],
                                     dict(os.environ)) for passes in (0, COUNTED_PASSES))
    per_article = (counted - warm_up) / COUNTED_PASSES / len(paths)
    print(f"parse instructions on dev (callgrind; load does not change them): "
          f"{per_article / 1e6:.2f} M per article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions per article under valgrind (callgrind)")
    args = parser.parse_args()
    for name, paths in annotated_sets():
        accuracy(name, paths)
    real_texts()
    timing(sorted(DEV.glob("*.txt")), args.runs)
    if args.instructions:
        instruction_count(sorted(DEV.glob("*.txt")))


if __name__ == "__main__":
    main()
