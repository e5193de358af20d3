"""A file of start-up data kept beside the package's bytecode (``__pycache__``, or
under ``sys.pycache_prefix``): :mod:`convert.regexcache` and :mod:`convert.codecache`
keep what they compiled in one each.  A file holds ``(header, entries)`` in
:mod:`marshal`'s format; a file with another header (another interpreter wrote it)
is not read, and writing is atomic and gives up quietly on a read-only install.
"""

from __future__ import annotations

import marshal
import os
from typing import Any


def beside_bytecode(cached: str | None, suffix: str) -> str | None:
    """The file beside a module's bytecode (its ``__cached__``), named with ``suffix``."""
    return None if cached is None else cached.removesuffix(".pyc") + suffix


def read(path: str, header: str) -> Any:
    """The entries of the file at ``path``, or None (no file, broken, another header)."""
    try:
        with open(path, "rb") as stream:
            found, entries = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return entries if found == header else None


def write(path: str, header: str, entries: Any) -> bool:
    """Write ``entries`` under ``header`` (atomically); False when it cannot be written."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as stream:
            marshal.dump((header, entries), stream)
        os.replace(temporary, path)
    except OSError:  # a read-only install: compile as usual next time
        if os.path.exists(temporary):
            os.remove(temporary)
        return False
    return True
