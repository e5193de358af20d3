"""The compiled-pattern cache (convert/regexcache.py): a run keeps the programs of the
patterns it compiled; the next run finds every one of them, each equal to what ``re``
compiles; a file it cannot use changes nothing."""

from __future__ import annotations

import marshal
from pathlib import Path

from tests.conftest import ROOT
from tests.support.startcaches import run_python

ARTICLE = ROOT.parent / "shared" / "corpus" / "real" / "bbc-fulltext" / "business-028.txt"

#: Parse the article, then print what the cache did in this process.
PARSE_AND_REPORT = f"""
import json, re, sys
from re import _compiler
import convert
from convert import regexcache
document = convert.read({str(ARTICLE)!r})
hits = [key for key in regexcache._loaded if re._cache.get(key) is not None]
same = all(_compiler.compile(source, flags) == re._cache[(kind, source, flags)]
           for kind, source, flags in hits)
print(json.dumps({{"loaded": len(regexcache._loaded), "same": same,
                  "headline": document.headline}}))
"""


def cache_files(pycache: Path) -> list[Path]:
    return list(pycache.rglob("regexcache.*.re.marshal"))


def test_the_next_run_finds_every_pattern_the_first_compiled(tmp_path: Path) -> None:
    first = run_python(PARSE_AND_REPORT, tmp_path)
    assert first["loaded"] == 0 and len(cache_files(tmp_path)) == 1
    second = run_python(PARSE_AND_REPORT, tmp_path)
    assert second["headline"] == first["headline"]
    assert isinstance(second["loaded"], int) and second["loaded"] > 100
    assert second["same"] is True
    # Nothing was left for the second run to add: every pattern it compiled was kept.
    added = run_python("import json; from convert import regexcache; import convert.readers.text;"
                       " print(json.dumps({'added': regexcache.save()}))", tmp_path)
    assert added == {"added": 0}


def test_without_bytecode_nothing_is_written(tmp_path: Path) -> None:
    run_python(PARSE_AND_REPORT, tmp_path, write_bytecode=False)
    assert cache_files(tmp_path) == []


def test_a_file_of_another_interpreter_or_broken_is_not_used(tmp_path: Path) -> None:
    run_python(PARSE_AND_REPORT, tmp_path)
    [kept] = cache_files(tmp_path)
    header, entries = marshal.loads(kept.read_bytes())
    kept.write_bytes(marshal.dumps(("another python", entries)))
    assert run_python(PARSE_AND_REPORT, tmp_path)["loaded"] == 0
    kept.write_bytes(kept.read_bytes()[:1000])
    assert run_python(PARSE_AND_REPORT, tmp_path, write_bytecode=False)["loaded"] == 0
    # A program that is not one (another pattern's, say) is refused as the file is read.
    (source, flags), program = entries[0]
    kept.write_bytes(marshal.dumps((header, [((source, flags), (program[0], b"\0" * 8,
                                                                  *program[2:]))])))
    assert run_python(PARSE_AND_REPORT, tmp_path, write_bytecode=False)["loaded"] == 0
