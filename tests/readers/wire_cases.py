"""Golden command cases for the wire readers: ``fixtures/wire/NAME.cmd`` holds the
command, ``NAME.txt`` the input, ``NAME.expected`` what the command printed (exit
code, standard error, standard output); ``pytest --regen-golden`` rewrites them."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT, SHARED

WIRE = FIXTURES / "wire"
#: Real agency samples in ../shared.
TEXT = SHARED / "corpus" / "thirdparty" / "text"


def run_case(cmd: Path) -> bytes:
    """What ``newsconvert <cmd>`` prints, run in ``fixtures/wire`` with this checkout's code."""
    args = shlex.split(cmd.read_text("utf-8"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run([sys.executable, "-m", "convert", *args], cwd=WIRE, env=env,
                          capture_output=True, timeout=120, check=False)
    return (f"$ newsconvert {' '.join(args)}\n[exit {done.returncode}]\n".encode()
            + b"--- stderr\n" + done.stderr + b"--- stdout\n" + done.stdout)
