"""Batch conversion: articles/s next to pandoc run once per file, and memory flat in corpus size.

    python bench/batch.py                      # 1,000 and 10,000 articles, 2 jobs, 3 rounds
    python bench/batch.py --counts 1000,10000,100000 --rounds 1

Articles are generated in a temporary folder from the dev corpus texts (each one
made distinct), with a Markdown twin of each for pandoc.  Every conversion is a
fresh process running the library's ``convert_many`` as ``newsconvert convert``
runs it without ``--report`` (``results="counts"``; start-up included in the
wall time); it reports its own peak RSS (``VmHWM``) and its workers' largest
(``RUSAGE_CHILDREN``).  pandoc converts a sample of the twins, one process per
file (how its users batch it), ``--jobs`` at a time.  Our runs and pandoc's take
turns, ``--rounds`` times; rates are from the median run, min in brackets.

Goals (issue 20): txt -> html at >= 30x pandoc's articles/s and >= 450 articles/s
on 2 cores; parent and worker peaks flat in corpus size (the largest count's
peak within 10 MiB of the smallest's).  pandoc must be installed (Debian:
``apt-get install pandoc``).  A writer missing on this branch is skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness import DEV_CORPUS, ROOT, SHARED, as_installed, machine, markdown_twin, verdict

STANDARDS = SHARED / "standards"
ITEM = STANDARDS / "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml"
sys.path.insert(0, str(ROOT))
#: Goals: times pandoc's throughput, articles/s, and MiB a peak may grow from the
#: smallest corpus to the largest.
PANDOC_RATIO = 30.0
RATE = 450.0
FLAT_MIB = 10.0

#: Runs in a fresh interpreter: one batch conversion, then its figures as JSON.
CHILD = """
import json, resource, sys, time
started = time.perf_counter()
from convert import run
folder, fmt, out, jobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
report = run.convert_many([folder], [fmt], out, jobs=jobs, read_format="text",
                          results="counts")
seconds = time.perf_counter() - started
parent_kib = next(int(line.split()[1]) for line in open("/proc/self/status")
                  if line.startswith("VmHWM:"))
own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                    resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": seconds, "counts": report.counts, "parent_kib": parent_kib,
                  "worker_kib": workers.ru_maxrss,
                  "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime}))
"""


def articles() -> list[str]:
    """The UTF-8 dev-corpus articles with a body (the others test encodings and errors)."""
    texts = []
    for path in sorted(DEV_CORPUS.glob("*.txt")):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        if text.replace("\r\n", "\n").strip().count("\n\n") >= 2:
            texts.append(text)
    return texts


def generate(folder: Path, count: int) -> Path:
    """``count`` distinct articles (``.txt`` and a ``.md`` twin), 100 per subfolder."""
    texts = articles()
    markdown = folder.parent / f"{folder.name}-md"
    markdown.mkdir(parents=True)
    for number in range(count):
        text = texts[number % len(texts)]
        varied = f"Item {number}: {text.lstrip()}\n\nFiled as item {number} of {count}.\n"
        sub = folder / f"{number // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{number:06d}.txt").write_text(varied, encoding="utf-8")
        (markdown / f"{number:06d}.md").write_text(markdown_twin(varied), encoding="utf-8")
    return folder


def writer_exists(name: str) -> bool:
    from convert import formats

    return importlib.util.find_spec(formats.writer(name).module) is not None


def convert_in_child(folder: Path, fmt: str, out: Path, jobs: int,
                     env: dict[str, str]) -> dict[str, object]:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, str(folder), fmt, str(out), str(jobs)],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    figures: dict[str, object] = json.loads(result.stdout)
    figures["wall"] = time.perf_counter() - started
    return figures


def pandoc_round(sources: list[Path], out: Path, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds for pandoc to convert ``sources``, one process each, ``jobs``
    at a time (CPU time: what waiting for a shared core does not inflate)."""
    def one(source: Path) -> None:
        subprocess.run(["pandoc", "-f", "markdown", "-t", "html5", "-s", str(source),
                        "-o", str(out / f"{source.stem}.html")], check=True)

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, sources))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (time.perf_counter() - started,
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def validate_newsml(out: Path, env: dict[str, str]) -> str:
    """``newsconvert validate`` over every output (official XSD and our rules), fresh
    process, start-up included."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "convert", "validate", "--format", "json",
                             str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=False)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"validate failed: {result.stderr.strip()}")
    summary = json.loads(result.stdout)["summary"]
    return (f"newsconvert validate (NewsML-G2 XSD + rules): {summary['valid']:,} valid, "
            f"{summary['invalid']:,} invalid in {seconds:.2f} s "
            f"({summary['files'] / seconds:,.0f} files/s, start-up included)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--formats", default="html,json,newsml")
    parser.add_argument("--pandoc-sample", type=int, default=200,
                        help="articles given to pandoc per round (one process each)")
    options = parser.parse_args()
    if shutil.which("pandoc") is None:
        sys.exit("bench/batch.py: pandoc, the yardstick, is not installed "
                 "(Debian: apt-get install pandoc)")
    counts = sorted(int(count) for count in options.counts.split(","))
    fmts = [fmt for fmt in options.formats.split(",") if writer_exists(fmt)]
    with tempfile.TemporaryDirectory(prefix="newsconvert-bench-") as temporary:
        work = Path(temporary)
        env = as_installed(work / "pycache")
        folders = {count: generate(work / f"articles-{count}", count) for count in counts}
        sources = sorted((work / f"articles-{counts[0]}-md").glob("*.md"))
        sources = sources[:options.pandoc_sample]
        pandoc_out = work / "pandoc-out"
        pandoc_out.mkdir()
        warm_up = generate(work / "warm-up", 20)  # bytecode written, files cached: uncounted
        for fmt in fmts:
            convert_in_child(warm_up, fmt, work / f"warm-up-{fmt}", options.jobs, env)
        runs: dict[tuple[str, int], list[dict[str, object]]] = {
            (fmt, count): [] for fmt in fmts for count in counts}
        pandoc: list[float] = []
        pandoc_cpu: list[float] = []
        for _ in range(options.rounds):  # taking turns, so other load falls on all alike
            for fmt in fmts:
                for count in counts:
                    runs[fmt, count].append(convert_in_child(
                        folders[count], fmt, work / f"out-{fmt}-{count}", options.jobs, env))
            wall, cpu = pandoc_round(sources, pandoc_out, options.jobs)
            pandoc.append(wall)
            pandoc_cpu.append(cpu)
        print(f"{machine()}; {options.rounds} rounds, {options.jobs} jobs; articles made "
              f"from {DEV_CORPUS}")
        pandoc_rate = len(sources) / statistics.median(pandoc)
        pandoc_ms = statistics.median(pandoc_cpu) / len(sources) * 1000
        print(f"  pandoc md -> html, one process per article, {options.jobs} at a time: "
              f"{pandoc_rate:,.1f} articles/s (min run {len(sources) / max(pandoc):,.1f}; "
              f"sample of {len(sources):,} per round), CPU {pandoc_ms:.1f} ms per article")
        rates: dict[tuple[str, int], float] = {}
        for (fmt, count), figures in runs.items():
            walls = [float(f["wall"]) for f in figures]  # type: ignore[arg-type]
            rate = rates[fmt, count] = count / statistics.median(walls)
            parent = max(float(f["parent_kib"]) for f in figures) / 1024  # type: ignore[arg-type]
            worker = max(float(f["worker_kib"]) for f in figures) / 1024  # type: ignore[arg-type]
            cpu = [float(f["cpu"]) for f in figures]  # type: ignore[arg-type]
            cpu_ms = statistics.median(cpu) / count * 1000
            print(f"  newsconvert txt -> {fmt:<7}{count:>8,} articles: {rate:7,.0f} articles/s "
                  f"(best {count / min(walls):,.0f}; {statistics.median(walls):.2f} s), "
                  f"{rate / pandoc_rate:5.1f}x pandoc; CPU {cpu_ms:.2f} ms per article, "
                  f"parent and workers ({pandoc_ms / cpu_ms:.1f}x less than pandoc's); peak RSS "
                  f"parent {parent:.0f} MiB, largest worker {worker:.0f} MiB; "
                  f"{figures[-1]['counts']}")
        if "newsml" in fmts:
            print("  " + validate_newsml(work / f"out-newsml-{counts[-1]}", env))
    closing_lines(fmts, counts, rates, runs, pandoc_rate)


def closing_lines(fmts: list[str], counts: list[int], rates: dict[tuple[str, int], float],
                  runs: dict[tuple[str, int], list[dict[str, object]]],
                  pandoc_rate: float) -> None:
    if "html" in fmts:
        for count in counts:
            rate = rates["html", count]
            verdict(f"batch txt -> html, {count:,} articles", rate >= RATE
                    and rate >= PANDOC_RATIO * pandoc_rate,
                    f"{rate:,.0f} articles/s, {rate / pandoc_rate:.1f}x pandoc per file; "
                    f"goal >= {PANDOC_RATIO:g}x and >= {RATE:g} articles/s")
    for fmt in fmts:
        smallest, largest = runs[fmt, counts[0]], runs[fmt, counts[-1]]
        for key, label in (("parent_kib", "parent"), ("worker_kib", "worker")):
            low = max(float(f[key]) for f in smallest) / 1024  # type: ignore[arg-type]
            high = max(float(f[key]) for f in largest) / 1024  # type: ignore[arg-type]
            verdict(f"batch txt -> {fmt}: {label} memory flat", high <= low + FLAT_MIB,
                    f"peak {low:.0f} MiB at {counts[0]:,} articles, {high:.0f} MiB at "
                    f"{counts[-1]:,}; goal: within {FLAT_MIB:g} MiB")


if __name__ == "__main__":
    main()
