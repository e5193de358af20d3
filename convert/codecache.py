"""The code the standard library generates at import, compiled in earlier runs, kept
beside the bytecode.

For each class, :mod:`dataclasses` writes the source of its ``__init__``,
``__repr__``, ``__eq__``, ``__hash__`` (and a frozen class's ``__setattr__``
and ``__delattr__``) and compiles it with ``exec``, in every process: for the
~80 dataclasses a one-file text conversion creates (the model's, the parser's
state, the options), parsing and compiling those few hundred small functions
was ~120 M instructions, a fifth of ``newsconvert convert a.txt -t html``
(callgrind).  ``typing.NamedTuple`` (and ``TypedDict``) compile each field's
annotation when it is a string (a module with ``from __future__ import
annotations``), and ``collections.namedtuple`` its ``__new__``: ~15 M more.
The code compiled from one source by one interpreter is always
the same, so this module keeps it the way :mod:`convert.regexcache` keeps the
programs of regular expressions:

- :func:`preload` (run by the command line, ``import convert.cli``; a program that
  imports the library alone keeps the standard library's own functions) reads the file and gives
  :mod:`dataclasses` an ``exec``, :mod:`collections` an ``eval`` and
  :mod:`typing` a ``compile`` that take a source's code from it (compiling, as
  before, a source the file lacks); it does so for a module not imported yet
  when it is first imported, so that commands which create no dataclass
  (``validate``) do not import :mod:`dataclasses` for it;
- at exit, the sources this process compiled that the file lacked are added
  (not when bytecode is not written: ``PYTHONDONTWRITEBYTECODE``).

The file is read only by the interpreter that wrote it (its version and cache
tag in the file's header).  Sources are compiled exactly as those modules
compile them (no ``__future__`` flags inherited), and a module that would
compile with other flags, or has a function of that name of its own, is left
as it is.  The classes are the same classes either way.
"""

from __future__ import annotations

import atexit
import sys
from types import CodeType, ModuleType
from typing import Any

from convert import pycachefile

#: Which interpreter wrote the file; a file with another header is not read.
HEADER = f"newsconvert codecache 2; {sys.version}; {sys.implementation.cache_tag}"
#: The most sources the file keeps.
MAX_SOURCES = 2048

#: (mode, source) -> code: read from the file, and compiled in this process.
_kept: dict[tuple[str, str], CodeType] = {}
_compiled: dict[tuple[str, str], CodeType] = {}


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
        _kept.update((key, code) for key, code in entries.items()
                     if isinstance(key, tuple) and len(key) == 2 and isinstance(key[1], str)
                     and key[0] in ("exec", "eval") and isinstance(code, CodeType))
    if not sys.dont_write_bytecode:
        atexit.register(save, path)
    for name in list(_PATCHES):
        if name in sys.modules:
            _patch(sys.modules[name])
    if _PATCHES and _PatchOnImport not in sys.meta_path:
        sys.meta_path.insert(0, _PatchOnImport)
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


def code_of(source: str, mode: str) -> CodeType:
    """The code of ``source`` (``mode`` ``exec`` or ``eval``), compiled as the standard
    library compiles it (file ``<string>``, no ``__future__`` flags), once."""
    key = (mode, source)
    code = _kept.get(key) or _compiled.get(key)
    if code is None:
        code = _compiled[key] = compile(source, "<string>", mode, dont_inherit=True)
    return code


def cached_exec(source: Any, globals: dict[str, Any] | None = None,
                locals: Any = None, /) -> None:
    """``exec`` as :mod:`dataclasses` calls it, with the code of a source compiled before."""
    exec(code_of(source, "exec") if isinstance(source, str) else source, globals, locals)


def cached_eval(source: Any, globals: dict[str, Any] | None = None,
                locals: Any = None, /) -> Any:
    """``eval`` as :func:`collections.namedtuple` calls it."""
    return eval(code_of(source, "eval") if isinstance(source, str) else source, globals, locals)


def cached_compile(source: Any, filename: Any, mode: str, flags: int = 0,
                   dont_inherit: bool = False, optimize: int = -1) -> Any:
    """``compile`` as :class:`typing.ForwardRef` calls it (an annotation's text, ``eval``)."""
    if (isinstance(source, str) and filename == "<string>" and mode in ("exec", "eval")
            and flags == 0 and optimize == -1):
        return code_of(source, mode)
    return compile(source, filename, mode, flags, dont_inherit, optimize)


#: Module -> (its builtin that compiles generated sources, the caching replacement).
_PATCHES: dict[str, tuple[str, Any]] = {
    "dataclasses": ("exec", cached_exec),
    "collections": ("eval", cached_eval),
    "typing": ("compile", cached_compile),
}


def _patch(module: ModuleType) -> None:
    name, replacement = _PATCHES.pop(module.__name__)
    # A module compiled with __future__ flags would compile its sources with them:
    # cached code, compiled without, could differ.
    if "annotations" not in vars(module) and name not in vars(module):
        setattr(module, name, replacement)


class _PatchOnImport:
    """A meta path finder that patches the modules of :data:`_PATCHES` not yet imported
    as they are imported, then leaves."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> Any:
        if name not in _PATCHES:
            return None
        for finder in sys.meta_path:
            if finder is _PatchOnImport:
                continue
            spec = getattr(finder, "find_spec", lambda *_: None)(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _PatchingLoader(spec.loader)
                return spec
        return None


class _PatchingLoader:
    """A module's loader, patching the module after running it."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        if module.__name__ in _PATCHES:
            _patch(module)
        if not _PATCHES and _PatchOnImport in sys.meta_path:
            sys.meta_path.remove(_PatchOnImport)

    def __getattr__(self, name: str) -> Any:  # get_source, is_package... of the real loader
        return getattr(self.loader, name)
