"""Benchmark: a 10,000-article EPUB bundle, time and peak memory.

    python bench/bundle.py [--articles 10000] [--smaller 1000] [--no-pandoc]

Articles are the dev corpus, varied (numbered headlines, shifted dates) so
that every chapter is distinct, and produced lazily, the way
``newsconvert bundle`` feeds the writer.  Figures printed:

* wall and CPU time of the writer, streaming the book to a file (the build is one
  thread: its CPU time is what waiting for a shared core does not inflate);
* peak memory for 1, S (``--smaller``, N/4 unless given) and N articles, each build in a
  fresh process:
  peak RSS (``ru_maxrss``: everything, lxml and ebooklib included) and the
  Python peak allocation while writing (tracemalloc; C allocations such as
  lxml's are not in it).  If memory followed the corpus, N would cost ~N/S times S;
* the same for ``write`` returning bytes (the compressed book itself is then
  in memory, which is what the CLI does before its atomic rename);
* pandoc's EPUB of the same articles (Markdown in) as a reference, when
  ``pandoc`` is installed and ``--no-pandoc`` is not given (10,000 articles take it
  about 1,000 s);
* closing lines: peak RSS of the N-article build <= 200 MiB, and time linear
  (N takes at most 1.25 times N/S the CPU time of S), ``met`` or ``missed``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from convert import api  # noqa: E402
from convert.errors import ConvertError  # noqa: E402
from convert.model import Document, body_text, content_id, plain_text  # noqa: E402
from convert.options import WriteOptions  # noqa: E402
from convert.writers import epub  # noqa: E402

DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
OPTIONS = WriteOptions(title="Benchmark bundle", group_by="date", cover="auto")
#: Goals (issue 20): the largest bundle's peak RSS, and time linear in articles (k times
#: the articles in at most k times this slack the time).
PEAK_MIB = 200.0
LINEAR_SLACK = 1.25


def base_articles() -> list[Document]:
    docs = []
    for path in sorted(DEV_CORPUS.glob("*.txt")):
        try:
            docs.append(api.read(path))
        except ConvertError:
            continue
    return docs


def articles(base: list[Document], count: int) -> Iterator[Document]:
    """``count`` distinct articles, made one at a time."""
    for number in range(count):
        doc = base[number % len(base)]
        day = (date(2024, 1, 1) + timedelta(days=number % 365)).isoformat()
        varied = replace(doc, headline=f"{doc.headline or 'Untitled'} ({number + 1})",
                         published=day)
        yield replace(varied, id=content_id(varied.headline, body_text(varied.body)))


def measure(base: list[Document], count: int,
            to_bytes: bool) -> tuple[float, float, int, int]:
    """(seconds, CPU seconds, tracemalloc peak bytes, book bytes) for one build."""
    tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    if to_bytes:
        size = len(epub.write(articles(base, count), OPTIONS))
    else:
        with tempfile.TemporaryFile() as stream:
            epub.write_to(articles(base, count), OPTIONS, stream)
            size = stream.tell()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, cpu, peak, size


def pandoc_reference(base: list[Document], count: int) -> str:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return "pandoc: not installed, reference skipped"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "bundle.md"
        with source.open("w", encoding="utf-8") as out:
            for doc in articles(base, count):
                out.write(f"# {doc.headline}\n\n")
                for block in doc.body:
                    text = (plain_text(block.content) if hasattr(block, "content")
                            else body_text((block,)))
                    out.write(text.replace("\n", " ") + "\n\n")
        target = Path(folder) / "bundle.epub"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run([pandoc, str(source), "-o", str(target), "--metadata",
                        "title=Benchmark bundle", "--epub-chapter-level=1"], check=True)
        elapsed = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        note = "" if rss > before else " (max RSS of all children so far)"
        return (f"pandoc: {elapsed:.2f} s, peak RSS {rss / 1024:.1f} MiB{note}, "
                f"book {target.stat().st_size / 1024:.0f} KiB")


def one_build(count: int, to_bytes: bool) -> None:
    """Child process: build once, print 'seconds cpu_seconds peak_python rss book_bytes'."""
    base = base_articles()
    epub.write([base[0]], WriteOptions())  # import ebooklib/lxml outside the measurement
    elapsed, cpu, peak, size = measure(base, count, to_bytes)
    # VmHWM, not ru_maxrss: the latter keeps the peak of the parent this process was
    # forked from before its exec.
    rss = next(int(line.split()[1]) for line in open("/proc/self/status", encoding="ascii")
               if line.startswith("VmHWM:")) * 1024
    print(elapsed, cpu, peak, rss, size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--smaller", type=int, help="the smaller build that time is compared "
                        "with (default: a quarter of --articles)")
    parser.add_argument("--no-pandoc", action="store_true", help="skip pandoc's reference build")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    if arguments.child:
        one_build(int(arguments.child[0]), arguments.child[1] == "bytes")
        return
    count = arguments.articles
    smaller = arguments.smaller or count // 4
    ratio = count / smaller
    base = base_articles()
    print(f"{count} articles from {len(base)} dev-corpus articles, group_by=date, auto cover")
    verdicts = []
    for label, mode in (("write_to(file)", "file"), ("write() -> bytes", "bytes")):
        seconds = {}
        for size in (1, smaller, count):
            result = subprocess.run([sys.executable, __file__, "--child", str(size), mode],
                                    capture_output=True, text=True, check=True)
            elapsed, cpu, peak, rss, book = (float(x) for x in result.stdout.split())
            seconds[size] = cpu
            print(f"{label:<17} {size:>6} articles: {elapsed:6.2f} s (CPU {cpu:6.2f} s), "
                  f"peak RSS {rss / 2**20:6.1f} MiB, Python peak {peak / 2**20:5.2f} MiB, "
                  f"book {book / 2**10:6.0f} KiB")
        growth = seconds[count] / seconds[smaller]
        verdicts += [(f"EPUB bundle of {count:,} articles, {label}: memory",
                      rss <= PEAK_MIB * 2**20,
                      f"peak RSS {rss / 2**20:.0f} MiB; goal <= {PEAK_MIB:g} MiB"),
                     (f"EPUB bundle of {count:,} articles, {label}: time linear",
                      growth <= ratio * LINEAR_SLACK,
                      f"CPU {seconds[count]:.1f} s for {count:,}, {seconds[smaller]:.1f} s for "
                      f"{smaller:,}: {growth:.1f}x for {ratio:g}x the articles; goal <= "
                      f"{ratio * LINEAR_SLACK:g}x")]
    if not arguments.no_pandoc:
        print(pandoc_reference(base, count))
    for goal, met, figures in verdicts:
        print(f"{goal}: {'met' if met else 'missed'} ({figures})")


if __name__ == "__main__":
    main()
