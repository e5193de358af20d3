"""Finding Java and running the JVM-based checkers (Nu, EPUBCheck) once per run."""

from __future__ import annotations

import os
import shutil
import subprocess

#: A JVM-based checker is given this long for a whole batch of files.
TIMEOUT_SECONDS = 1800


def java() -> str | None:
    """The ``java`` executable (``$JAVA_HOME/bin/java`` first), or None."""
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    return shutil.which("java")


def run(command: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
