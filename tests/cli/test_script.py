"""The console script's entry point (convert.cli.script): it ends the process without
tearing the interpreter down, yet with main()'s exit code, the atexit callbacks run,
everything printed flushed, and other threads waited for."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SHARED

ARTICLE = SHARED / "corpus" / "real" / "bbc-fulltext" / "business-028.txt"

#: Registers an atexit callback (and, given "thread", starts a thread that prints
#: late), then runs the console script with the remaining arguments.
SCRIPT = """
import atexit, sys, threading, time
atexit.register(lambda: print("atexit ran", file=sys.stderr))
if sys.argv[1] == "thread":
    threading.Thread(target=lambda: (time.sleep(0.5), print("thread done", file=sys.stderr))
                     ).start()
sys.argv = ["newsconvert", *sys.argv[2:]]
from convert.cli import script
script()
"""


def run(*arguments: str, thread: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, "thread" if thread else "-",
                           *arguments], cwd=ROOT, capture_output=True, text=True, check=False)


def test_a_conversion_to_standard_output_is_all_there() -> None:
    done = run("convert", str(ARTICLE), "-t", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["headline"]
    assert done.stderr == "atexit ran\n"


def test_the_exit_code_is_mains() -> None:
    done = run("convert", str(ROOT / "no-such-article.txt"), "-t", "json")
    assert done.returncode == 2
    assert "no such file" in done.stderr and done.stderr.endswith("atexit ran\n")


def test_another_thread_is_waited_for() -> None:
    done = run("convert", str(ARTICLE), "-t", "json", thread=True)
    assert done.returncode == 0
    assert "thread done" in done.stderr and "atexit ran" in done.stderr
