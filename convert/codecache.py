"""The code ``@dataclass`` generates, compiled in earlier runs, kept beside the bytecode.

For each class, :mod:`dataclasses` writes the source of its ``__init__``,
``__repr__``, ``__eq__``, ``__hash__`` (and a frozen class's ``__setattr__``
and ``__delattr__``) and compiles it with ``exec``, in every process: for the
~80 dataclasses a one-file text conversion creates (the model's, the parser's
state, the options), parsing and compiling those few hundred small functions
was ~120 M instructions, a fifth of ``newsconvert convert a.txt -t html``
(callgrind).  The code compiled from one source by one interpreter is always
the same, so this module keeps it the way :mod:`convert.regexcache` keeps the
programs of regular expressions:

- :func:`preload` (run by ``import convert``) reads the file and gives
  :mod:`dataclasses` an ``exec`` that takes a source's code from it (compiling,
  as before, a source the file lacks); it does so when :mod:`dataclasses` is
  first imported, so that commands which create no dataclass (``validate``)
  do not import it;
- at exit, the sources this process compiled that the file lacked are added
  (not when bytecode is not written: ``PYTHONDONTWRITEBYTECODE``).

The file is read only by the interpreter that wrote it (its version and cache
tag in the file's header).  Sources are compiled exactly as ``dataclasses``
compiles them (no ``__future__`` flags inherited), and a ``dataclasses``
that compiles with other flags, or has no ``exec`` of its own to replace,
is left as it is.  The classes are the same classes either way.
"""

from __future__ import annotations

import atexit
import sys
from types import CodeType, ModuleType
from typing import Any

from convert import pycachefile

#: Which interpreter wrote the file; a file with another header is not read.
HEADER = f"newsconvert codecache 1; {sys.version}; {sys.implementation.cache_tag}"
#: The most sources the file keeps.
MAX_SOURCES = 2048

_kept: dict[str, CodeType] = {}
_compiled: dict[str, CodeType] = {}


def cache_file() -> str | None:
    """Where the code is kept: beside this module's bytecode."""
    return pycachefile.beside_bytecode(globals().get("__cached__"), ".code.marshal")


def preload(path: str | None = None) -> int:
    """Read the kept code and have :mod:`dataclasses` use it, now or when it is first
    imported (and save new code at exit); how many sources were read."""
    path = path or cache_file()
    if path is None or sys.implementation.name != "cpython":
        return 0
    entries = pycachefile.read(path, HEADER)
    if isinstance(entries, dict):
        _kept.update((source, code) for source, code in entries.items()
                     if isinstance(source, str) and isinstance(code, CodeType))
    if not sys.dont_write_bytecode:
        atexit.register(save, path)
    if "dataclasses" in sys.modules:
        _patch(sys.modules["dataclasses"])
    elif _PatchDataclasses not in sys.meta_path:
        sys.meta_path.insert(0, _PatchDataclasses)
    return len(_kept)


def save(path: str | None = None) -> int:
    """Add the sources compiled in this process that the file lacks; how many were added."""
    path = path or cache_file()
    if path is None or not _compiled:
        return 0
    entries = pycachefile.read(path, HEADER)
    kept = entries if isinstance(entries, dict) else {}
    added = {source: code for source, code in _compiled.items() if source not in kept}
    added = dict(list(added.items())[:max(0, MAX_SOURCES - len(kept))])
    if not added or not pycachefile.write(path, HEADER, {**kept, **added}):
        return 0
    return len(added)


def cached_exec(source: Any, globals: dict[str, Any] | None = None,
                locals: dict[str, Any] | None = None, /) -> None:
    """``exec`` as :mod:`dataclasses` calls it, with the code of a source compiled before."""
    if isinstance(source, str):
        code = _kept.get(source) or _compiled.get(source)
        if code is None:
            code = _compiled[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    exec(source, globals, locals)


def _patch(module: ModuleType) -> None:
    # A dataclasses module compiled with __future__ flags would compile its sources
    # with them: cached code, compiled without, could differ.
    if "annotations" not in vars(module) and "exec" not in vars(module):
        module.exec = cached_exec  # type: ignore[attr-defined]


class _PatchDataclasses:
    """A meta path finder that patches :mod:`dataclasses` once it is imported, then leaves."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> Any:
        if name != "dataclasses":
            return None
        sys.meta_path.remove(_PatchDataclasses)
        for finder in sys.meta_path:
            spec = getattr(finder, "find_spec", lambda *_: None)(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _PatchingLoader(spec.loader)
                return spec
        return None


class _PatchingLoader:
    """The loader of :mod:`dataclasses`, patching the module after running it."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        _patch(module)

    def __getattr__(self, name: str) -> Any:  # get_source, is_package... of the real loader
        return getattr(self.loader, name)
