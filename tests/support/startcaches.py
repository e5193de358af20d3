"""Running Python in a fresh process with its bytecode (and so the start-up caches,
convert/regexcache.py and convert/codecache.py) under a folder of the test's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run_python(code: str, pycache: Path, *, write_bytecode: bool = True) -> dict[str, object]:
    """Run ``code`` from the project's root, bytecode under ``pycache``; the JSON it printed."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)
    assert result.stderr == ""
    report: dict[str, object] = json.loads(result.stdout)
    return report
