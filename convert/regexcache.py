"""The compiled regular expressions of earlier runs, kept beside the bytecode.

Python compiles every regular expression anew in each process, in Python
code (``re._parser`` and ``re._compiler``): the ~170 patterns a text
conversion uses (the parser's word lists, month names and date shapes) cost
more than half a second of CPU per thousand starts, about 40% of a one-file
``newsconvert convert``.  What compiling produces is a program of integers
for the C matcher (``_sre``), the same for the same pattern, flags and
interpreter.  This module keeps those programs in one file beside the
package's bytecode (``__pycache__``, or under ``sys.pycache_prefix``), the way
the interpreter keeps compiled code in ``.pyc`` files:

- :func:`preload` (run by ``import convert``) reads the file and puts each
  pattern into ``re``'s own cache, so the unchanged ``re.compile(...)`` calls
  of every module find it there;
- at exit, the patterns this process compiled that the file lacked are added
  to it (not when bytecode is not written: ``PYTHONDONTWRITEBYTECODE``).

A program is stored only after it was rebuilt from the pattern and compared
equal (flags, pattern and program) to what ``re.compile`` returned, and the file
is read only by the interpreter that wrote it (its version string and
``_sre``'s program format number, ``MAGIC``, in the file).  Anything else —
another interpreter, a file that cannot be read, a changed ``re`` — leaves
``re`` to compile as usual: the cache can make start-up faster, never a
match different.
"""

from __future__ import annotations

import atexit
import re
import sys
from array import array
from typing import Any

from convert import pycachefile

try:  # CPython's regular expression engine (private: no type stubs)
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another implementation than CPython: no programs to keep
    _sre = None

#: Which interpreter wrote the file; a file with another header is not read.
HEADER = f"newsconvert regexcache 1; {sys.version}; sre {getattr(_sre, 'MAGIC', None)}"
#: The most patterns the file keeps (``re``'s own cache holds 512).
MAX_PATTERNS = 1024
#: The flags whose programs depend on more than the pattern (the locale) or are not cached.
_UNCACHED_FLAGS = re.LOCALE | re.DEBUG

_loaded: set[tuple[type, str | bytes, int]] = set()


def cache_file() -> str | None:
    """Where the programs are kept: beside this module's bytecode."""
    return pycachefile.beside_bytecode(globals().get("__cached__"), ".re.marshal")


def usable() -> bool:
    """Is this interpreter's ``re`` the one whose programs the cache knows how to keep?"""
    return (_sre is not None and isinstance(_re_cache(), dict)
            and hasattr(_compiler, "_code") and _sre.CODESIZE == array("I").itemsize)


def _re_cache() -> Any:
    """``re``'s own cache of compiled patterns: ``(type, pattern, flags)`` -> pattern."""
    return getattr(re, "_cache", None)


def preload(path: str | None = None) -> int:
    """Put the kept patterns into ``re``'s cache (and save new ones at exit); how many."""
    path = path or cache_file()
    if path is None or not usable():
        return 0
    if not sys.dont_write_bytecode:
        atexit.register(save, path)
    entries = pycachefile.read(path, HEADER)
    if entries is None:  # no file yet, or not one this interpreter wrote: compile as usual
        return 0
    try:
        patterns = [((type(source), source, flags),
                     _sre.compile(source, final_flags, array("I", code).tolist(), groups,
                                  groupindex, indexgroup))
                    for (source, flags), (final_flags, code, groups, groupindex, indexgroup)
                    in entries]
    except (ValueError, TypeError, RuntimeError):
        return 0  # an entry that is not a program: compile as usual
    cache = _re_cache()
    room = max(0, getattr(re, "_MAXCACHE", MAX_PATTERNS) - len(cache))
    for key, pattern in patterns[:room]:
        cache.setdefault(key, pattern)
        _loaded.add(key)
    return min(len(patterns), room)


def save(path: str | None = None) -> int:
    """Add the patterns compiled in this process that the file lacks; how many were added."""
    path = path or cache_file()
    if path is None or not usable():
        return 0
    compiled = [(key, pattern) for key, pattern in list(_re_cache().items())
                if key not in _loaded and isinstance(pattern, re.Pattern)]
    if not compiled:  # every pattern of this run came from the file
        return 0
    kept = pycachefile.read(path, HEADER) or []
    known = {(type(source), source, flags) for (source, flags), _ in kept}
    added: list[tuple[tuple[str | bytes, int], tuple[Any, ...]]] = []
    for key, pattern in compiled:
        if len(kept) + len(added) >= MAX_PATTERNS:
            break
        if key not in known:
            program = _program(key, pattern)
            if program is not None:
                added.append((key[1:], program))
    if not added:
        return 0
    return len(added) if pycachefile.write(path, HEADER, [*kept, *added]) else 0


def _program(key: tuple[Any, ...], compiled: re.Pattern[Any]) -> tuple[Any, ...] | None:
    """The program ``re.compile`` gave ``compiled``, rebuilt from its pattern and checked
    equal to it; None for a pattern the cache does not keep."""
    kind, source, flags = key
    if kind not in (str, bytes) or not isinstance(flags, int) or flags & _UNCACHED_FLAGS:
        return None
    parsed = _parser.parse(source, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
               tuple(indexgroup))
    rebuilt = _sre.compile(source, *program)
    if (rebuilt != compiled or rebuilt.groups != compiled.groups
            or rebuilt.groupindex != compiled.groupindex):
        return None
    # As bytes: marshal reads a list of integers above 2**31 (charset bitmaps) 20x slower.
    return (program[0], array("I", code).tobytes(), *program[2:])
