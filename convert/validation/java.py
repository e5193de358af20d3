"""Finding Java and running the JVM-based checkers (Nu, EPUBCheck) once per run."""

from __future__ import annotations

import os
import shutil
import subprocess

#: A JVM-based checker is given this long for a whole batch of files.
TIMEOUT_SECONDS = 1800
#: Short-lived JVMs start about twice as fast with the client compiler only
#: and the serial collector (measured on EPUBCheck: 14 s of CPU down to 7 s);
#: the client compiler needs a larger stack for Nu's HTML schema.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m")


def java() -> str | None:
    """The ``java`` executable (``$JAVA_HOME/bin/java`` first), or None."""
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    return shutil.which("java")


def run(arguments: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run ``java`` with ``arguments`` (the caller checks java() first)."""
    command = [str(java()), *JVM_OPTIONS, *arguments]
    try:
        return subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return subprocess.CompletedProcess(command, -1, b"", str(error).encode("utf-8"))
