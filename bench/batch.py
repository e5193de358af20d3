"""Batch conversion benchmark: throughput, peak memory, pandoc side by side, start-up.

    python bench/batch.py                      # 1,000 and 10,000 articles, 2 jobs
    python bench/batch.py --counts 500 --pandoc-sample 50

Articles are generated in a temporary folder from the dev corpus texts (each one
made distinct), with a Markdown twin of each for pandoc.  Every run happens in a
fresh process so its peak memory (max RSS of the parent and of its workers) is
its own.  Prints figures; asserts nothing about time.

A writer that is missing on the current branch is skipped, saying so.  pandoc is
skipped when it is not installed (Debian: ``apt-get install pandoc``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
STANDARDS = ROOT.parent / "shared" / "standards"
WITH_SCHEMAS = {**os.environ, "NEWSCONVERT_SCHEMAS": str(STANDARDS)}
ITEM = STANDARDS / "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml"
sys.path.insert(0, str(ROOT))

#: Runs in a fresh interpreter: one batch conversion, then its figures as JSON.
CHILD = """
import json, resource, sys, time
from convert import run
folder, fmt, out, jobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
started = time.perf_counter()
report = run.convert_many([folder], [fmt], out, jobs=jobs, read_format="text")
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "counts": report.counts,
                  "parent_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
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


def markdown_twin(text: str) -> str:
    """The article as pandoc Markdown: the first block the title, the rest paragraphs."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [block for block in blocks if block]
    return f"% {blocks[0]}\n\n" + "\n\n".join(blocks[1:]) + "\n"


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
        (markdown / f"{number:06d}.md").write_text(
            markdown_twin(varied), encoding="utf-8")
    return folder


def writer_exists(name: str) -> bool:
    from convert import formats

    return importlib.util.find_spec(formats.writer(name).module) is not None


def convert_in_child(folder: Path, fmt: str, out: Path, jobs: int) -> dict[str, object]:
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run([sys.executable, "-c", CHILD, str(folder), fmt, str(out), str(jobs)],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def validate_newsml(out: Path) -> tuple[dict[str, int], float]:
    """``newsconvert validate`` over every output (official XSD and our rules), in a
    fresh process, start-up included: (report summary, seconds)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "convert", "validate", "--format", "json",
                             str(out)], cwd=ROOT, env=WITH_SCHEMAS, capture_output=True,
                            text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"validate failed: {result.stderr.strip()}")
    return json.loads(result.stdout)["summary"], seconds


def bench_format(fmt: str, folders: dict[int, Path], work: Path, jobs: int) -> dict[int, float]:
    """Articles/s for each count (nothing when the writer is missing)."""
    if not writer_exists(fmt):
        print(f"txt -> {fmt}: skipped, the {fmt} writer is not on this branch")
        return {}
    rates = {}
    for count, folder in folders.items():
        figures = convert_in_child(folder, fmt, work / f"out-{fmt}-{count}", jobs)
        rate = rates[count] = count / figures["seconds"]
        print(f"txt -> {fmt:<7} {count:>6,} articles, {jobs} jobs: {rate:8,.0f} articles/s "
              f"({figures['seconds']:.2f} s); peak RSS parent {figures['parent_kib'] / 1024:.0f}"
              f" MiB, largest worker {figures['worker_kib'] / 1024:.0f} MiB; "
              f"{figures['counts']}")
        if fmt == "newsml":
            summary, seconds = validate_newsml(work / f"out-{fmt}-{count}")
            print(f"    newsconvert validate (NewsML-G2 2.35 XSD + rules): {summary['valid']:,} "
                  f"valid, {summary['invalid']:,} invalid in {seconds:.2f} s "
                  f"({summary['files'] / seconds:,.0f} files/s, start-up included)")
    return rates


def bench_pandoc(markdown: Path, sample: int, jobs: int) -> float | None:
    if shutil.which("pandoc") is None:
        print("pandoc: skipped, not installed (Debian: apt-get install pandoc)")
        return None
    sources = sorted(markdown.glob("*.md"))[:sample]
    out = markdown.parent / "pandoc-out"
    out.mkdir(exist_ok=True)

    def one(source: Path) -> None:
        subprocess.run(["pandoc", "-f", "markdown", "-t", "html5", "-s", str(source),
                        "-o", str(out / f"{source.stem}.html")], check=True)

    started = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, sources))
    rate = len(sources) / (time.perf_counter() - started)
    print(f"pandoc md -> html, one process per article, {jobs} at a time: {rate:,.1f} "
          f"articles/s (sample of {len(sources):,})")
    return rate


def startup(command: list[str], runs: int = 10) -> str:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=WITH_SCHEMAS, stdout=subprocess.DEVNULL,
                       check=True)
        times.append((time.perf_counter() - started) * 1000)
    return f"min {min(times):.0f} ms, median {statistics.median(times):.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pandoc-sample", type=int, default=200,
                        help="articles given to pandoc (it is slow: one process each)")
    options = parser.parse_args()
    counts = [int(count) for count in options.counts.split(",")]
    with tempfile.TemporaryDirectory(prefix="newsconvert-bench-") as temporary:
        work = Path(temporary)
        folders = {count: generate(work / f"articles-{count}", count) for count in counts}
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
              f"articles from {DEV_CORPUS}")
        rates = {fmt: bench_format(fmt, folders, work, options.jobs)
                 for fmt in ("html", "newsml", "json")}
        largest = max(counts)
        pandoc = bench_pandoc(work / f"articles-{largest}-md", options.pandoc_sample,
                              options.jobs)
        compared = next((fmt for fmt in ("html", "json") if rates[fmt]), None)
        if pandoc and compared:
            print(f"newsconvert txt -> {compared} vs pandoc md -> html: "
                  f"{rates[compared][largest] / pandoc:,.0f}x the throughput")
        one = next(iter(sorted(folders[min(counts)].rglob("*.txt"))))
        print(f"start-up: newsconvert --help: {startup([sys.executable, '-m', 'convert', '--help'])}")
        print(f"start-up: one-file conversion to json: "
              f"{startup([sys.executable, '-m', 'convert', 'convert', str(one), '--to', 'json'])}")
        print(f"start-up: one-file validate (NewsML-G2): "
              f"{startup([sys.executable, '-m', 'convert', 'validate', str(ITEM)])}")


if __name__ == "__main__":
    main()
