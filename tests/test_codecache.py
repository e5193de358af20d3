"""The cache of the code ``@dataclass``, ``typing.NamedTuple`` and ``namedtuple``
generate (convert/codecache.py): a run keeps the code it compiled; the next run takes every source's code from the file, and the classes
come out as they do without it; a file it cannot use changes nothing; a command that
creates no dataclass does not import :mod:`dataclasses` for it."""

from __future__ import annotations

import marshal
from pathlib import Path

from tests.conftest import ROOT
from tests.support.startcaches import run_python

ARTICLE = ROOT.parent / "shared" / "corpus" / "real" / "bbc-fulltext" / "business-028.txt"

#: Parse the article, then print what the cache did, each generated method of the
#: model's classes (its code, annotations and defaults), and of the named tuples of
#: formats.ninjs their ``__new__`` and their fields' annotations compiled, to compare
#: between runs.
PARSE_AND_REPORT = f"""
import dataclasses, json, marshal, sys
import convert
import convert.cli  # the command line turns the cache on
from convert import codecache, model
from convert.formats import ninjs
document = convert.read({str(ARTICLE)!r})
methods = {{}}
for name, cls in sorted(vars(ninjs).items()):
    if isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields"):
        methods[f"{{name}}.__new__"] = [marshal.dumps(cls.__new__.__code__).hex(), *(
            marshal.dumps(hint.__forward_code__).hex() for hint in cls.__annotations__.values())]
for name, cls in sorted(vars(model).items()):
    if dataclasses.is_dataclass(cls) and isinstance(cls, type):
        for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__"):
            function = vars(cls).get(method)
            code = getattr(function, "__code__", None)
            if code is not None:
                methods[f"{{name}}.{{method}}"] = [
                    marshal.dumps(code).hex(), repr(function.__annotations__),
                    repr(function.__defaults__)]
print(json.dumps({{"kept": len(codecache._kept), "compiled": len(codecache._compiled),
                  "methods": methods, "document": repr(document)}}))
"""


def cache_files(pycache: Path) -> list[Path]:
    return list(pycache.rglob("codecache.*.code.marshal"))


def test_the_next_run_takes_every_source_from_the_file_and_makes_the_same_classes(
        tmp_path: Path) -> None:
    first = run_python(PARSE_AND_REPORT, tmp_path)
    assert first["kept"] == 0 and isinstance(first["compiled"], int) and first["compiled"] > 100
    assert len(cache_files(tmp_path)) == 1
    second = run_python(PARSE_AND_REPORT, tmp_path)
    assert second["kept"] == first["compiled"] and second["compiled"] == 0
    assert second["document"] == first["document"]
    assert isinstance(second["methods"], dict) and len(second["methods"]) > 100
    assert second["methods"] == first["methods"]
    # The same classes as dataclasses makes with no cache at all.
    uncached = PARSE_AND_REPORT.replace(
        "import convert\n", "import collections, dataclasses, typing\ndataclasses.exec = exec\n"
        "collections.eval = eval\ntyping.compile = compile\nimport convert\n", 1)
    assert run_python(uncached, tmp_path / "none", write_bytecode=False)["methods"] == \
        first["methods"]


def test_without_bytecode_nothing_is_written(tmp_path: Path) -> None:
    run_python(PARSE_AND_REPORT, tmp_path, write_bytecode=False)
    assert cache_files(tmp_path) == []


def test_a_file_of_another_interpreter_or_broken_is_not_used(tmp_path: Path) -> None:
    first = run_python(PARSE_AND_REPORT, tmp_path)
    [kept] = cache_files(tmp_path)
    header, entries = marshal.loads(kept.read_bytes())
    kept.write_bytes(marshal.dumps(("another python", entries)))
    assert run_python(PARSE_AND_REPORT, tmp_path, write_bytecode=False)["kept"] == 0
    kept.write_bytes(marshal.dumps((header, entries))[:1000])
    assert run_python(PARSE_AND_REPORT, tmp_path, write_bytecode=False)["kept"] == 0
    # An entry that is not code is not taken.
    kept.write_bytes(marshal.dumps((header, {source: "not code" for source in entries})))
    broken = run_python(PARSE_AND_REPORT, tmp_path, write_bytecode=False)
    assert broken["kept"] == 0 and broken["methods"] == first["methods"]


def test_validate_does_not_import_dataclasses(tmp_path: Path) -> None:
    report = run_python("import json, sys; import convert, convert.cli, convert.validation; "
                        "print(json.dumps({'imported': 'dataclasses' in sys.modules}))", tmp_path)
    assert report == {"imported": False}


def test_a_program_importing_the_library_keeps_the_standard_librarys_functions(
        tmp_path: Path) -> None:
    report = run_python(f"""
import builtins, collections, dataclasses, json, typing
import convert
convert.read({str(ARTICLE)!r})
print(json.dumps({{"patched": [name for name, module, function in (
    ("dataclasses.exec", dataclasses, "exec"), ("collections.eval", collections, "eval"),
    ("typing.compile", typing, "compile"))
    if getattr(module, function, None) not in (None, getattr(builtins, function))]}}))
""", tmp_path)
    assert report == {"patched": []}
