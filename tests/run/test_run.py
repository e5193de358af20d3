"""convert.run: planning, one pass over many formats, failures, resuming, executors."""

from __future__ import annotations

import errno
import importlib
import json
import os
import shutil
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from convert import api, formats, run
from convert.run import executors
from convert.run.plan import Job
from convert.errors import ConvertError
from convert.files import Selection
from convert.model import Document
from convert.options import ReadOptions, WriteOptions
from tests.support.archives import (  # noqa: F401  (archive is a fixture)
    GOOD, archive, broken_canonical_json, generated_folder, tree,
)

def register_writer(monkeypatch: pytest.MonkeyPatch, name: str, extension: str,
                    write: object, collection: bool = False) -> None:
    """A test-only writer, known to the registry for this test only (in this process)."""
    module = types.ModuleType(f"convert.writers.{name}")
    module.write = write  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(formats.WRITER_NAMES, name, formats.WriterSpec(
        name, extension, "text/plain", "test only", collection=collection))


def headline_writer(doc: Document, options: WriteOptions) -> bytes:
    return f"{doc.headline}\n".encode()


# ---------------------------------------------------------------- inputs and planning


def test_folder_outputs_mirror_the_input_tree(archive: Path, tmp_path: Path) -> None:
    (archive / "notes.csv").write_text("not an article")
    (archive / ".hidden").mkdir()
    shutil.copy(GOOD[0], archive / ".hidden" / "x.txt")
    out = tmp_path / "out"
    report = run.convert_many([str(archive)], ["json"], out)
    expected = sorted(path.relative_to(archive).with_suffix(".json").as_posix()
                      for path in archive.rglob("*.txt") if ".hidden" not in path.parts)
    assert sorted(tree(out)) == expected and len(expected) == 6
    assert report.counts == {"converted": 6, "warned": 0, "failed": 0, "skipped": 0}
    for source in archive.rglob("*.txt"):
        if ".hidden" not in source.parts:
            target = out / source.relative_to(archive).with_suffix(".json")
            assert target.read_bytes() == api.write(api.read(source), "json")


def test_files_found_in_folders_are_those_of_the_readers_extensions() -> None:
    assert run.input_extensions("text") == {".txt", ".text", ".md"}
    every = run.input_extensions()
    assert {".txt", ".json", ".xml", ".html", ".epub"} <= every and ".csv" not in every


def test_list_files_name_files_and_folders(archive: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    listing = tmp_path / "list.txt"
    listing.write_text(f"# some articles\n\narchive/{GOOD[0].name}\n  archive/2019/09  \n")
    sources = run.expand_inputs([f"@{listing}"])
    assert [(source.name, source.relative) for source in sources] == [
        (f"archive/{GOOD[0].name}", GOOD[0].stem),
        *((os.path.join("archive/2019/09", path.name), path.stem) for path in sorted(GOOD[4:6])),
    ]


def test_a_file_named_twice_is_converted_once(archive: Path) -> None:
    one = str(archive / GOOD[0].name)
    assert len(run.expand_inputs([one, str(archive), one])) == 6


def test_a_missing_list_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ConvertError) as caught:
        run.expand_inputs([f"@{tmp_path / 'nope.txt'}"])
    assert caught.value.code == "usage" and "cannot read list file" in str(caught.value)


def test_formats_sharing_an_extension_get_the_format_in_the_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    register_writer(monkeypatch, "probe", ".json", headline_writer)
    assert run.output_names(["json", "probe"]) == {"json": ".json", "probe": ".probe.json"}
    # ninjs always has a name of its own, so a json run into the same folder keeps it.
    assert run.output_names(["ninjs"]) == {"ninjs": ".ninjs.json"}
    assert run.output_names(["ninjs", "probe"]) == {"ninjs": ".ninjs.json", "probe": ".json"}
    assert run.output_names(["json"]) == {"json": ".json"}


def test_output_folder_inside_an_input_folder_is_refused(archive: Path) -> None:
    with pytest.raises(ConvertError, match="inside the input folder") as caught:
        run.convert_many([str(archive)], ["json"], archive / "2019" / "out")
    assert caught.value.code == "usage"
    assert not (archive / "2019" / "out").exists()


@pytest.mark.parametrize("results", ["memory", "counts"])
def test_an_output_that_would_overwrite_an_input_is_refused(tmp_path: Path,
                                                            results: run.ResultsKept) -> None:
    article = tmp_path / "a.json"
    article.write_bytes(api.write(api.read(GOOD[0]), "json"))
    before = article.read_bytes()
    with pytest.raises(ConvertError, match="would overwrite an input"):
        run.convert_many([str(article)], ["json"], tmp_path, results=results)
    with pytest.raises(ConvertError, match="would overwrite an input"):
        run.convert_into_one([str(article)], "json", article)
    assert article.read_bytes() == before


@pytest.mark.parametrize("results", ["memory", "counts"])
def test_two_inputs_with_one_output_name_are_refused(tmp_path: Path,
                                                     results: run.ResultsKept) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(GOOD[0], tmp_path / folder / "same.txt")
    with pytest.raises(ConvertError, match="would both be written to"):
        run.convert_many([str(tmp_path / "a/same.txt"), str(tmp_path / "b/same.txt")],
                           ["json"], tmp_path / "out", results=results)
    assert not (tmp_path / "out").exists()


def _tangled_inputs(tmp_path: Path) -> list[str]:
    """Inputs naming files twice: a folder and a file in it, a link to a file,
    the same folder twice, and two files whose outputs would be the same."""
    lay_out(tmp_path / "in", {"a.txt": GOOD[0], "sub/b.txt": GOOD[1], "sub/c.txt": GOOD[2]})
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "in" / "sub" / "c.txt")
    return [str(tmp_path / "in" / "sub" / "b.txt"), str(tmp_path / "in"),
            str(tmp_path / "in" / "sub"), str(tmp_path / "in")]


def lay_out(folder: Path, copies: dict[str, Path]) -> None:
    for name, source in copies.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / name)


def _tasks(tasks: object) -> list[tuple[int, object, object]]:
    return [(task.index, task.source, task.outputs) for task in tasks]  # type: ignore[attr-defined]


@pytest.mark.parametrize("every_hash_collides", [False, True])
def test_a_streamed_plan_has_the_tasks_of_the_plan(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   every_hash_collides: bool) -> None:
    planning = importlib.import_module("convert.run.plan")  # run.plan is the function

    inputs = _tangled_inputs(tmp_path)
    expected = planning.plan(run.expand_inputs(inputs), ["json", "html"], tmp_path / "out")
    if every_hash_collides:  # the exact comparison, not the hashes, decides
        monkeypatch.setattr(planning, "hash", lambda value: 7, raising=False)
    streamed = planning.StreamedPlan(inputs, None, Selection(), ["json", "html"],
                                     tmp_path / "out", [])
    assert streamed.total == len(expected) == 3  # b.txt, a.txt, link.txt (c.txt once)
    assert _tasks(streamed.tasks()) == _tasks(expected)


def test_a_streamed_plan_refuses_what_the_plan_refuses_even_when_hashes_collide(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planning = importlib.import_module("convert.run.plan")  # run.plan is the function

    lay_out(tmp_path / "in", {"a.txt": GOOD[0], "b.txt": GOOD[1], "c.ninjs.txt": GOOD[2],
                              "c.txt": GOOD[3]})
    monkeypatch.setattr(planning, "hash", lambda value: 7, raising=False)
    planning.StreamedPlan([str(tmp_path / "in")], None, Selection(), ["json"],
                          tmp_path / "out", [])  # colliding hashes alone refuse nothing
    with pytest.raises(ConvertError) as planned:
        planning.plan(run.expand_inputs([str(tmp_path / "in")]), ["json", "ninjs"],
                      tmp_path / "out")
    with pytest.raises(ConvertError) as streamed:
        planning.StreamedPlan([str(tmp_path / "in")], None, Selection(),
                              ["json", "ninjs"], tmp_path / "out", [])
    assert "would both be written to" in streamed.value.message
    assert (streamed.value.message, streamed.value.source) == (planned.value.message,
                                                               planned.value.source)


def test_the_json_report_is_the_same_from_memory_and_from_a_file(tmp_path: Path) -> None:
    inputs = _tangled_inputs(tmp_path)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "sub" / "déjà vu.txt").write_bytes(GOOD[0].read_bytes())
    reports = {}
    for kept in ("memory", "file"):
        report = run.convert_many(inputs, ["json"], tmp_path / kept, results=kept, jobs=2)
        report.elapsed_seconds = 0.0
        report.output = "out"
        report.write_json(tmp_path / f"{kept}.json")
        reports[kept] = (tmp_path / f"{kept}.json").read_bytes()
        assert report.counts == {"converted": 4, "warned": 0, "failed": 1, "skipped": 0}
    assert b"empty.txt" in reports["memory"] and "déjà".encode() in reports["memory"]
    memory = reports["memory"].replace(str(tmp_path / "memory").encode(), b"OUT")
    assert memory == reports["file"].replace(str(tmp_path / "file").encode(), b"OUT")


def test_a_run_keeping_counts_holds_no_result_per_input(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """What the run itself keeps (test-only reader and writer, no caches of
    their own; in a real run they work in other processes)."""
    import gc
    import tracemalloc

    register_writer(monkeypatch, "probe", ".probe", lambda docs, options: b"x")
    reader = types.ModuleType("convert.readers.same")
    doc = api.read(GOOD[0])
    reader.read = lambda data, options: doc  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, reader.__name__, reader)
    monkeypatch.setitem(formats.READER_NAMES, "same", formats.ReaderSpec(
        "same", "bytes", (".same",), "test only", lambda head: False))
    for number in range(400):
        (tmp_path / "in" / f"{number // 100}").mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / f"{number // 100}" / f"{number:04d}.same").write_bytes(b"x")
    growth = {}
    for kept in ("counts", "memory", "counts"):  # the first run warms every cache
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        report = run.convert_many([str(tmp_path / "in")], ["probe"],
                                  tmp_path / f"out-{len(growth)}", read_format="same",
                                  results=kept)
        gc.collect()
        growth[kept] = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        assert report.count("converted") == 400 and report.total == 400
    assert growth["memory"] > 400 * 200  # every result kept: hundreds of bytes each
    assert growth["counts"] < 400 * 8, growth  # less than 8 bytes per input in all


# ---------------------------------------------------------------- one pass, many formats


def test_several_formats_in_one_pass_read_each_input_once(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register_writer(monkeypatch, "probe", ".headline.txt", headline_writer)
    reads: list[str] = []
    real_iter_read = api.iter_read

    def counting_iter_read(data: bytes, format: str | None,
                           options: ReadOptions) -> Iterator[Document]:
        reads.append(options.source_name)
        return real_iter_read(data, format, options)

    monkeypatch.setattr(api, "iter_read", counting_iter_read)
    out = tmp_path / "out"
    report = run.convert_many([str(archive)], ["json", "probe"], out)
    assert len(reads) == 6 == len(set(reads))
    for source in archive.rglob("*.txt"):
        base = out / source.relative_to(archive).with_suffix("")
        doc = api.read(source)
        assert base.with_suffix(".json").read_bytes() == api.write(doc, "json")
        assert base.with_suffix(".headline.txt").read_text() == f"{doc.headline}\n"
    assert all(len(result.outputs) == 2 for result in report.files)


def test_an_input_holding_several_documents_gets_numbered_outputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = types.ModuleType("convert.readers.pair")
    first, second = (api.read(path) for path in GOOD[:2])
    reader.read_all = lambda data, options: iter([first, second])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, reader.__name__, reader)
    monkeypatch.setitem(formats.READER_NAMES, "pair", formats.ReaderSpec(
        "pair", "bytes", (".pair",), "test only", lambda head: False, container=True))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.pair").write_bytes(b"two documents")
    out = tmp_path / "out"
    report = run.convert_many([str(tmp_path / "in")], ["json"], out, read_format="pair")
    assert tree(out) == {"feed-1.json": api.write(first, "json"),
                         "feed-2.json": api.write(second, "json")}
    assert report.files[0].outputs == (str(out / "feed-1.json"), str(out / "feed-2.json"))
    again = run.convert_many([str(tmp_path / "in")], ["json"], out, read_format="pair",
                               skip_existing=True)
    assert again.counts["skipped"] == 1


# ---------------------------------------------------------------- failures


def test_one_bad_file_is_reported_and_the_others_are_converted(archive: Path,
                                                                tmp_path: Path) -> None:
    broken_canonical_json(archive / "2019" / "broken.json")
    (archive / "2019" / "empty.txt").write_text("")
    out = tmp_path / "out"
    report = run.convert_many([str(archive)], ["json"], out)
    assert report.counts == {"converted": 6, "warned": 0, "failed": 2, "skipped": 0}
    assert not report.ok
    failed = {Path(result.source).name: result.error for result in report.files
              if result.status == "failed"}
    assert set(failed) == {"broken.json", "empty.txt"}
    assert failed["broken.json"] is not None and failed["broken.json"].line == 3
    assert failed["empty.txt"] is not None and failed["empty.txt"].message
    assert not (out / "2019" / "broken.json").exists()
    assert not (out / "2019" / "empty.json").exists()
    assert len(tree(out)) == 6


def test_fail_fast_stops_at_the_first_bad_file(archive: Path, tmp_path: Path) -> None:
    (archive / "000-empty.txt").write_text("")  # sorts first
    out = tmp_path / "out"
    report = run.convert_many([str(archive)], ["json"], out, fail_fast=True)
    assert [result.status for result in report.files] == ["failed"]
    assert not out.exists() or tree(out) == {}


def test_fail_fast_with_workers_stops_early(tmp_path: Path) -> None:
    folder = generated_folder(tmp_path / "many", 400)
    (folder / "000-empty.txt").write_text("")
    report = run.convert_many([str(folder)], ["json"], tmp_path / "out", jobs=2,
                                fail_fast=True)
    assert report.count("failed") == 1 and len(report.files) < 401


def test_a_writer_failing_leaves_no_output_for_that_input(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(doc: Document, options: WriteOptions) -> bytes:
        if doc.headline and doc.headline == api.read(GOOD[3]).headline:
            raise RuntimeError("boom")
        return headline_writer(doc, options)

    register_writer(monkeypatch, "probe", ".headline.txt", explode)
    out = tmp_path / "out"
    report = run.convert_many([str(archive)], ["json", "probe"], out)
    failed = [result for result in report.files if result.status == "failed"]
    assert [Path(result.source).name for result in failed] == [GOOD[3].name]
    assert failed[0].error is not None and "RuntimeError: boom" in failed[0].error.message
    assert not list(out.rglob(f"{GOOD[3].stem}*"))
    assert len(tree(out)) == 10


def test_a_full_disk_leaves_no_partial_file(archive: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up halfway through the second output of one input."""
    real_fdopen = os.fdopen
    writes = {"count": 0}

    class HalfFullDisk:
        def __init__(self, stream: object) -> None:
            self.stream = stream

        def __enter__(self) -> HalfFullDisk:
            return self

        def __exit__(self, *exc_info: object) -> None:
            self.stream.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            writes["count"] += 1
            if writes["count"] == 4:
                self.stream.write(data[: len(data) // 2])  # type: ignore[attr-defined]
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self.stream.write(data)  # type: ignore[attr-defined]

    monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: HalfFullDisk(
        real_fdopen(*args, **kwargs)))
    register_writer(monkeypatch, "probe", ".headline.txt", headline_writer)
    out = tmp_path / "out"
    report = run.convert_many([str(archive)], ["json", "probe"], out)
    failed = [result for result in report.files if result.status == "failed"]
    assert len(failed) == 1 and failed[0].error is not None
    assert failed[0].error.message == os.strerror(errno.ENOSPC)
    assert failed[0].error.code == "io"
    stem = Path(failed[0].source).stem
    assert not list(out.rglob(f"*{stem}*")), "no output, partial or complete, for that input"
    assert len(tree(out)) == 10
    for path in out.rglob("*.json"):
        json.loads(path.read_bytes())


def test_a_reader_bug_fails_only_that_file(archive: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real_iter_read = api.iter_read

    def buggy(data: bytes, *args: object, **kwargs: object) -> Iterator[Document]:
        if data == GOOD[1].read_bytes():
            raise ZeroDivisionError("oops")
        return real_iter_read(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "iter_read", buggy)
    report = run.convert_many([str(archive)], ["json"], tmp_path / "out")
    assert report.counts["failed"] == 1 and report.counts["converted"] == 5
    error = next(result.error for result in report.files if result.error)
    assert error.code == "internal" and "ZeroDivisionError: oops" in error.message


# ---------------------------------------------------------------- resuming


def test_skip_existing_skips_up_to_date_inputs_and_redoes_touched_ones(
        archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run.convert_many([str(archive)], ["json"], out)
    again = run.convert_many([str(archive)], ["json"], out, skip_existing=True)
    assert again.counts == {"converted": 0, "warned": 0, "failed": 0, "skipped": 6}
    touched = archive / "2019" / GOOD[2].name
    later = (out / "2019" / f"{GOOD[2].stem}.json").stat().st_mtime_ns + 10**9
    os.utime(touched, ns=(later, later))
    (out / GOOD[0].with_suffix(".json").name).unlink()
    third = run.convert_many([str(archive)], ["json"], out, skip_existing=True)
    redone = {Path(result.source).name for result in third.files
              if result.status == "converted"}
    assert redone == {touched.name, GOOD[0].name}
    assert third.counts["skipped"] == 4


def test_skip_existing_needs_every_format(archive: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    register_writer(monkeypatch, "probe", ".headline.txt", headline_writer)
    out = tmp_path / "out"
    run.convert_many([str(archive)], ["json"], out)
    report = run.convert_many([str(archive)], ["json", "probe"], out, skip_existing=True)
    assert report.counts["converted"] == 6


# ---------------------------------------------------------------- the report


def test_the_json_run_report(archive: Path, tmp_path: Path) -> None:
    (archive / "empty.txt").write_text("")
    out = tmp_path / "out"
    report = run.convert_many([str(archive)], ["json"], out)
    report.write_json(tmp_path / "report.json")
    data = json.loads((tmp_path / "report.json").read_text())
    assert set(data) == {"newsconvert", "formats", "output", "summary", "interrupted",
                         "elapsed_seconds", "notes", "files"}
    assert data["formats"] == ["json"] and data["output"] == str(out)
    assert data["summary"] == {"converted": 6, "warned": 0, "failed": 1, "skipped": 0,
                               "total": 7}
    assert data["interrupted"] is False and data["elapsed_seconds"] >= 0
    sources = [entry["source"] for entry in data["files"]]
    assert sources == [str(path) for path in batch_order(archive)]
    empty = next(entry for entry in data["files"] if entry["source"].endswith("empty.txt"))
    assert empty == {"source": str(archive / "empty.txt"), "status": "failed", "outputs": [],
                     "warnings": [], "error": {"line": None, "code": "empty",
                                               "message": "the file is empty (nothing to convert)"}}
    first = data["files"][0]
    assert first["status"] == "converted" and first["error"] is None
    assert first["outputs"] == [str(out / Path(first["source"]).relative_to(archive)
                                    .with_suffix(".json"))]


def batch_order(folder: Path) -> list[Path]:
    """Folder walk order: files of a folder (sorted), then its subfolders (sorted)."""
    files = sorted(path for path in folder.iterdir() if path.is_file())
    return files + [path for sub in sorted(p for p in folder.iterdir() if p.is_dir())
                    for path in batch_order(sub)]


# ---------------------------------------------------------------- collections


def test_a_collection_writer_puts_every_good_input_in_one_file(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register_writer(monkeypatch, "bundle", ".txt",
                    lambda docs, options: "".join(f"{doc.headline}\n" for doc in docs).encode(),
                    collection=True)
    (archive / "empty.txt").write_text("")
    report = run.convert_into_one([str(archive)], "bundle", tmp_path / "all.txt")
    headlines = [api.read(path).headline for path in batch_order(archive)
                 if path.name != "empty.txt"]
    assert (tmp_path / "all.txt").read_text() == "".join(f"{h}\n" for h in headlines)
    assert report.counts == {"converted": 6, "warned": 0, "failed": 1, "skipped": 0}
    with pytest.raises(ConvertError, match="writes every input into one file"):
        run.convert_many([str(archive)], ["bundle"], tmp_path / "out")


def test_the_collection_rule_for_folders(tmp_path: Path) -> None:
    with pytest.raises(ConvertError, match="not a folder of files: give -o FILE.epub"):
        run.output_is_one_file([str(tmp_path)], ["epub"], str(tmp_path) + "/")
    with pytest.raises(ConvertError, match="in a run of its own"):
        run.output_is_one_file([str(tmp_path)], ["epub", "json"], "book.epub")
    assert run.output_is_one_file([str(tmp_path)], ["epub"], "book.epub")
    assert run.output_is_one_file(["a.txt"], ["json"], None)
    assert run.output_is_one_file(["a.txt"], ["json"], "a.json")
    assert not run.output_is_one_file(["a.txt"], ["json"], str(tmp_path))
    assert not run.output_is_one_file([str(tmp_path)], ["json"], "out")
    with pytest.raises(ConvertError, match="need an output folder"):
        run.output_is_one_file(["a.txt", "b.txt"], ["html"], None)
    # Canonical JSON can hold several documents on one output (an array, or JSON Lines).
    assert run.output_is_one_file(["a.txt", "b.txt"], ["json"], None)


# ---------------------------------------------------------------- executors


def comparable(report: run.RunReport, out: Path) -> list[dict[str, object]]:
    """The per-file results with the output folder taken out of the paths."""
    files = report.to_data()["files"]
    for entry in files:
        entry["outputs"] = [Path(path).relative_to(out).as_posix() for path in entry["outputs"]]
    return files


def test_two_worker_processes_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    folder = generated_folder(tmp_path / "in", 120)
    (folder / "001" / "empty.txt").write_text("")
    one = run.convert_many([str(folder)], ["json"], tmp_path / "one", jobs=1)
    two = run.convert_many([str(folder)], ["json"], tmp_path / "two", jobs=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(tree(tmp_path / "one")) == 120
    assert comparable(one, tmp_path / "one") == comparable(two, tmp_path / "two")
    assert two.counts == {"converted": 120, "warned": 0, "failed": 1, "skipped": 0}


def test_progress_is_called_once_per_input(archive: Path, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    run.convert_many([str(archive)], ["json"], tmp_path / "out", jobs=2,
                       progress=lambda result, done, total: seen.append(
                           (result.source, done, total)))
    assert sorted(source for source, _, _ in seen) == sorted(
        str(path) for path in archive.rglob("*.txt"))
    assert [done for _, done, _ in seen] == list(range(1, 7))
    assert {total for _, _, total in seen} == {6}


def test_dask_local_cluster_gives_the_same_outputs_and_report(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = generated_folder(tmp_path / "in", 60)
    broken_canonical_json(folder / "000" / "broken.json")
    local = run.convert_many([str(folder)], ["json"], tmp_path / "local", jobs=2)
    dask = run.convert_many([str(folder)], ["json"], tmp_path / "dask", jobs=2,
                              executor="dask")
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")
    assert len(tree(tmp_path / "dask")) == 60
    assert comparable(local, tmp_path / "local") == comparable(dask, tmp_path / "dask")
    assert dask.counts["failed"] == 1


def test_dask_missing_is_a_clear_usage_error(archive: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConvertError, match=r"pip install 'newsconvert\[dask\]'") as caught:
        run.convert_many([str(archive)], ["json"], tmp_path / "out", executor="dask")
    assert caught.value.code == "usage"


def test_an_unknown_executor_is_a_usage_error(archive: Path, tmp_path: Path) -> None:
    with pytest.raises(ConvertError, match="unknown executor 'spark'"):
        run.convert_many([str(archive)], ["json"], tmp_path / "out",
                           executor="spark")  # type: ignore[arg-type]


def test_ctrl_c_in_process_leaves_no_partial_file_and_reports_what_was_done(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    calls = {"count": 0}

    def interrupted_third_rename(source: str, target: str) -> None:
        calls["count"] += 1
        if calls["count"] == 3:
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", interrupted_third_rename)
    out = tmp_path / "out"
    with pytest.raises(run.Interrupted) as caught:
        run.convert_many([str(archive)], ["json"], out)
    report = caught.value.report
    assert report.interrupted and not report.ok
    assert report.counts["converted"] == 2 and len(report.files) == 2
    assert sorted(tree(out)) == sorted(Path(path).relative_to(out).as_posix()
                                       for result in report.files for path in result.outputs)



def test_a_worker_process_dying_fails_its_files_without_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader crashing its process (a segfault in a C library, say) breaks the pool."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the crash is injected by monkeypatching, which only forked workers see")
    folder = generated_folder(tmp_path / "in", 40)
    real_convert_task = executors.convert_task

    def dying(task: run.Task, job: Job) -> executors.Outcome:
        if task.source.name.endswith("00017.txt"):
            os._exit(1)
        return real_convert_task(task, job)

    monkeypatch.setattr(executors, "convert_task", dying)  # inherited by forked workers
    report = run.convert_many([str(folder)], ["json"], tmp_path / "out", jobs=2)
    assert len(report.files) == 40 and report.count("failed") >= 1
    crashed = [result for result in report.files if result.status == "failed"]
    assert all(result.error and result.error.code == "internal" for result in crashed)
    assert any(result.source.endswith("00017.txt") for result in crashed)
    assert report.count("converted") == 40 - len(crashed)


LANGUAGE_MODEL_PROBE = """
import os, sys
import fasttext
from convert import run

load = fasttext.load_model
def counted(*args, **kwargs):
    with open(sys.argv[3], "a") as log:
        log.write(f"{os.getpid()}\\n")
    return load(*args, **kwargs)
fasttext.load_model = counted
report = run.convert_many([sys.argv[1]], ["json"], sys.argv[2], jobs=2,
                          read_format=sys.argv[4] if sys.argv[4] != "-" else None)
assert report.counts["converted"] == 16, report.counts
print(os.getpid())
"""


def _model_loads(tmp_path: Path, read_format: str) -> tuple[list[str], str]:
    """The pids that loaded the language model in a 2-job batch of 16 articles, and the
    parent's pid."""
    import subprocess

    from tests.conftest import ROOT

    for number in range(16):  # Latin script, no declared language: the model decides
        (tmp_path / "in" / f"{number}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"{number}.txt").write_text(
            f"Harbour reopens {number}\n\nThe harbour reopened on Monday after the storm, "
            "and the first ferries left on time.\n", encoding="utf-8")
    log = tmp_path / "loads.txt"
    parent = subprocess.run([sys.executable, "-c", LANGUAGE_MODEL_PROBE, str(tmp_path / "in"),
                             str(tmp_path / "out"), str(log), read_format], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout.strip()
    return log.read_text().split(), parent


def test_workers_load_the_language_model_once_each_not_once_per_file(tmp_path: Path) -> None:
    loads, _ = _model_loads(tmp_path, "-")  # formats detected per file: each worker loads it
    assert 1 <= len(loads) <= 2 and len(set(loads)) == len(loads)  # at most once per worker


def test_a_batch_from_text_loads_the_model_once_before_forking_its_workers(
        tmp_path: Path) -> None:
    loads, parent = _model_loads(tmp_path, "text")
    assert loads == [parent]  # the workers were forked with it loaded
