"""Where inputs come from (issue 16, items 5, 6 and 13): standard input is
read with a cap; FIFOs, devices and links to them in a folder are skipped
with a warning (never opened: they block or never end); ``--jobs`` is capped
by CPUs and inputs; ``--skip-existing`` after a kill finishes exactly what
is missing.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from tests.hostile.bounded import one_clean_line, run_capped

GOOD = b"Ferry strike ends\n\nFerries run again from Monday, the operator said on Sunday.\n"


def test_standard_input_is_read_with_a_cap(tmp_path: Path) -> None:
    """520 MB on stdin: refused once 512 MiB are read, within a 1 GiB address space."""
    data = b"Headline\n\n" + b"word " * (520 * 2**20 // 5)
    outcome = run_capped("convert", "-", "--to", "json", "-o", str(tmp_path / "o.json"),
                         cwd=tmp_path, stdin=data, memory_mib=1024)
    del data
    assert outcome.returncode == 1, outcome.err[-2000:]
    assert "larger than 512 MiB" in one_clean_line(outcome.err)


@pytest.fixture
def special_files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    return folder


def test_validate_skips_fifos_and_devices_in_a_folder(special_files: Path,
                                                      tmp_path: Path) -> None:
    outcome = run_capped("validate", str(special_files), "--format", "json", cwd=tmp_path,
                         memory_mib=1024, hang_seconds=120)
    assert not outcome.hung, "validate blocked on a FIFO"
    assert outcome.returncode == 0, outcome.err[-2000:]
    results = {Path(r["file"]).name: r for r in json.loads(outcome.stdout)["files"]}
    assert results["a.txt"]["valid"] is True
    for name in ("pipe.txt", "zero.txt"):
        [finding] = results[name]["findings"]
        assert finding["severity"] == "warning" and finding["code"] == "not-regular"


def test_convert_skips_fifos_and_devices_in_a_folder(special_files: Path,
                                                     tmp_path: Path) -> None:
    report = tmp_path / "run.json"
    outcome = run_capped("convert", str(special_files), "--to", "json", "-o",
                         str(tmp_path / "out"), "--report", str(report), cwd=tmp_path,
                         memory_mib=1024, hang_seconds=120)
    assert not outcome.hung, "convert blocked on a FIFO"
    assert outcome.returncode == 0, outcome.err[-2000:]
    statuses = {Path(f["source"]).name: f["status"]
                for f in json.loads(report.read_text(encoding="utf-8"))["files"]}
    assert statuses == {"a.txt": "converted", "pipe.txt": "skipped", "zero.txt": "skipped"}
    assert outcome.err.count("not a regular file") == 2
    assert (tmp_path / "out" / "a.json").is_file()


def test_a_named_device_is_refused_not_read(tmp_path: Path) -> None:
    outcome = run_capped("convert", "/dev/zero", "--from", "text", "--to", "json",
                         "-o", str(tmp_path / "o.json"), cwd=tmp_path, memory_mib=1024)
    assert outcome.returncode == 1
    assert "not a regular file" in one_clean_line(outcome.err)


# ---------------------------------------------------------------- --jobs

def test_jobs_are_capped_by_cpus_and_inputs(tmp_path: Path) -> None:
    """``--jobs 1000`` on 40 files: the pool gets at most min(CPUs, 40) workers
    (counted where the pool is made, in the process that makes it)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(40):
        (folder / f"a{number}.txt").write_bytes(GOOD)
    script = textwrap.dedent("""
        import concurrent.futures, json, os, sys
        made = []
        class Counting(concurrent.futures.ProcessPoolExecutor):
            def __init__(self, max_workers=None, **options):
                made.append(max_workers)
                super().__init__(max_workers=max_workers, **options)
        concurrent.futures.ProcessPoolExecutor = Counting
        from convert.cli import app
        try:
            app(sys.argv[1:])
        except SystemExit:
            pass
        cpus = len(os.sched_getaffinity(0))
        print(json.dumps({"pools": made, "cpus": cpus}))
    """)
    outcome = run_capped("convert", str(folder), "--to", "json", "-o", str(tmp_path / "out"),
                         "--jobs", "1000", "--quiet", cwd=tmp_path,
                         python_args=("-c", script), memory_mib=None)
    counted = json.loads(outcome.out.strip().splitlines()[-1])
    assert counted["pools"], outcome.err[-2000:]
    assert max(counted["pools"]) <= min(counted["cpus"], 40)
    assert len(list((tmp_path / "out").glob("*.json"))) == 40


# ---------------------------------------------------------------- item 13: resume after kill

KILLING_RUN = textwrap.dedent("""
    import os, signal, sys
    from convert import files
    writes = 0
    write_atomic = files.write_atomic
    def counted(path, data):
        global writes
        writes += 1
        if writes > int(os.environ["KILL_AFTER"]):
            os.kill(os.getpid(), signal.SIGKILL)  # no clean-up can run
        write_atomic(path, data)
        with open(os.environ["WRITES_LOG"], "a") as log:
            log.write(os.path.basename(path) + "\\n")
    files.write_atomic = counted
    from convert.cli import app
    app(sys.argv[1:])
""")


def test_skip_existing_after_a_kill_finishes_exactly_what_is_missing(tmp_path: Path) -> None:
    from tests.support.feeds import write_feed

    items = 300
    feed = tmp_path / "in" / "feed.xml"
    feed.parent.mkdir()
    write_feed(feed, items, {})
    out = tmp_path / "out"
    args = ("convert", str(feed.parent), "--to", "json", "-o", str(out), "--quiet")

    def run(kill_after: int, log: Path, *more: str):
        os.environ["KILL_AFTER"], os.environ["WRITES_LOG"] = str(kill_after), str(log)
        try:
            return run_capped(*args, *more, cwd=tmp_path, python_args=("-c", KILLING_RUN))
        finally:
            del os.environ["KILL_AFTER"], os.environ["WRITES_LOG"]

    killed = run(100, tmp_path / "first.log")
    assert killed.returncode == -9
    assert len(list(out.glob("feed-*.json"))) == 100
    resumed = run(10**9, tmp_path / "second.log", "--skip-existing")
    assert resumed.returncode == 0, resumed.err[-2000:]
    names = {f"feed-{number}.json" for number in range(1, items + 1)}
    assert {path.name for path in out.glob("*.json")} == names
    first = (tmp_path / "first.log").read_text().split()
    second = (tmp_path / "second.log").read_text().split()
    assert sorted(second) == sorted(names - set(first)), "resume rewrote or missed outputs"
