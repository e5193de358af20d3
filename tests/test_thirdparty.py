"""Every real third-party file in ``../shared/corpus/thirdparty/`` (issue 19, "Done when").

* no traceback: the CLI converts them all in one run, every failure one line;
* every file reads (or is refused for a reason listed here, with its code);
* every readable file converts to every writer, and each output passes the
  official validator of its format (NewsML-G2 XSD, ninjs 3.1 schema, EPUBCheck,
  the Nu HTML checker; canonical JSON: our schema and an exact round trip) and
  ``newsconvert validate``;
* for the text files, headline and byline as the file itself states them.

Cases that wait for another engineer's work are ``xfail(strict=True)`` with the
issue item that fixes them: when that work lands they pass, and strict xfail
makes the suite say so, so the mark is removed, never left to hide a regression.
Where the source itself breaks a rule of ``newsconvert validate`` (and the conversion
keeps it, as it must), ``SOURCE_FINDINGS`` names the finding the report must contain.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from convert import api
from convert.errors import ConvertError
from convert.formats.docschema import document_errors
from convert.model import Document
from convert.validation import epubcheck
from tests.support import ninjs as ninjs_support
from tests.conftest import ROOT, SHARED, STANDARDS
from tests.support.newsml import VNU_JAR, schema_errors

THIRDPARTY = SHARED / "corpus" / "thirdparty"
MANIFEST = [line.split("\t")[0] for line in
            (THIRDPARTY / "MANIFEST.tsv").read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
WRITERS = ("json", "ninjs", "newsml", "newsml-message", "html", "epub")
COLLECTIONS = ("newsml-message", "epub")
EXTENSIONS = {"json": ".json", "ninjs": ".ninjs.json", "newsml": ".xml",
              "newsml-message": ".message.xml", "html": ".html", "epub": ".epub"}

#: Files refused by design (file -> error code): the project's rules, not gaps.
REFUSED = {
    # an XML external entity test book: DOCTYPE declarations are refused (XXE, entity bombs)
    "epub/w3c-xml-external-entities-001.epub": "invalid",
    # a packageItem without guid: items missing guid or itemMeta are refused (README)
    "newsml/sdcore-scoop.xml": "invalid",
    # a conceptItem (an event), not a news item
    "newsml/stt-events_ml_259431.xml": "invalid",
}

#: (file, check) -> why it fails today.  check: "read", a writer name (writing and
#: the official validator), or "validate:<writer>" (newsconvert validate).
KNOWN: dict[tuple[str, str], str] = {}

#: (file, writer) -> the finding codes ``newsconvert validate`` must report on that output
#: because the source itself has them: the conversion keeps what the source states (nothing
#: is dropped or made up), and ``validate`` says what is wrong with it.
SOURCE_FINDINGS: dict[tuple[str, str], tuple[str, ...]] = {
    # APA's example message carries two different items (a video and a text) under one guid
    # and one version; a newsMessage may hold a guid once per version.
    ("newsml/apa-NewsMessage_2.28.xml", "newsml-message"): ("duplicate-guid",),
}


@dataclass(frozen=True)
class Text:
    """What a text file states: its headline (None: it has no title line) and bylines."""

    headline: str | None
    bylines: tuple[str, ...] = ()


#: Headline and bylines as each text file states them (read from the files).
TEXTS = {
    "aap-asianet_1.txt": Text("Digital Turbine Partners with Axiata Digital On Carrier Billing "
                              "Platform Integration"),
    "agnews-test-row12.txt": Text("Apple Launches Graphics Software, Video Bundle"),
    "agnews-test-row25.txt": Text("Rivals Try to Turn Tables on Charles Schwab",
                                  ("MICHAEL LIEDTKE",)),
    "agnews-test-row30.txt": Text("Mighty Ortiz makes sure Sox can rest easy"),
    "agnews-test-row6.txt": Text("Open Letter Against British Copyright Indoctrination in "
                                 "Schools"),
    "belga-dpa.txt": Text("Top EU court: Britain can unilaterally reverse Brexit decision",
                          ("Helen Maguire",)),
    # newspaper-*: article bodies extracted by the newspaper library, no title line
    "newspaper-arabic.txt": Text(None),
    "newspaper-businessinsider.com2.txt": Text(None),
    "newspaper-cnn.txt": Text(None),
    "newspaper-foxnews.com1.txt": Text(None),
    "newspaper-japanese2.txt": Text(None),
    "newspaper-nypost.com1.txt": Text(None),
    "sdcore-ap_anpa-1.txt": Text("Deng has 30 points, short-handed Heat beat Hawks 115-111",
                                 ("CHARLES ODUM",)),
    "sdcore-dpa_four_line.txt": Text("Switzerland joins list of countries resisting UN "
                                     "migration pact", ("dpa correspondents",)),
}


def _param(name: str, check: str, *values: object) -> object:
    reason = KNOWN.get((name, check))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(name, *values, marks=marks, id=f"{name}-{check}")


def readable() -> list[str]:
    return [name for name in MANIFEST if name not in REFUSED]


def test_the_manifest_names_every_file() -> None:
    on_disk = sorted(str(path.relative_to(THIRDPARTY)) for path in THIRDPARTY.rglob("*")
                     if path.is_file() and path.name not in ("MANIFEST.tsv", "README.md"))
    assert sorted(MANIFEST) == on_disk
    assert set(REFUSED) <= set(MANIFEST) and {name for name, _ in KNOWN} <= set(MANIFEST)
    assert {name for name, _ in SOURCE_FINDINGS} <= set(MANIFEST)
    assert sorted(TEXTS) == sorted(n.split("/", 1)[1] for n in MANIFEST if n.startswith("text/"))


def test_cli_converts_them_all_without_a_traceback(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "convert", "convert", *(str(THIRDPARTY / n) for n in MANIFEST),
         "--to", "json", "-o", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("newsconvert: ")
              and ": warning: " not in line]
    refused = [name for name in MANIFEST if any(str(THIRDPARTY / name) in line or
                                                name.rsplit("/", 1)[1] in line
                                                for line in errors)]
    assert run.returncode == (1 if errors else 0)
    waiting = {name for name, check in KNOWN if check == "read"}  # refused until fixed
    assert set(REFUSED) <= set(refused) <= set(REFUSED) | waiting, run.stderr


@pytest.mark.parametrize("name", [
    *(_param(name, "read") for name in MANIFEST)])
def test_reads_or_is_refused_as_listed(name: str) -> None:
    if name in REFUSED:
        with pytest.raises(ConvertError) as caught:
            api.read_all(THIRDPARTY / name)
        assert caught.value.code == REFUSED[name]
        assert "\n" not in caught.value.message
    else:
        docs = api.read_all(THIRDPARTY / name)
        assert docs and all(isinstance(doc, Document) for doc in docs)


# ---------------------------------------------------------------- every writer


@dataclass
class Outputs:
    """Every readable file written by every writer, on disk, with what went wrong."""

    folder: Path
    files: dict[tuple[str, str], list[Path]]
    failures: dict[tuple[str, str], str]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    folder = tmp_path_factory.mktemp("thirdparty-out")
    files: dict[tuple[str, str], list[Path]] = {}
    failures: dict[tuple[str, str], str] = {}
    for name in readable():
        try:
            docs = api.read_all(THIRDPARTY / name)
        except ConvertError as error:
            for writer in WRITERS:
                failures[(name, writer)] = f"not read: {error}"
            continue
        stem = name.replace("/", "--").rsplit(".", 1)[0]
        for writer in WRITERS:
            try:
                data = ([api.write(docs, writer)] if writer in COLLECTIONS
                        else [api.write(doc, writer) for doc in docs])
            except ConvertError as error:
                failures[(name, writer)] = f"{error.code}: {error}"
                continue
            paths = []
            for index, content in enumerate(data):
                path = folder / f"{stem}.{index}{EXTENSIONS[writer]}"
                path.write_bytes(content)
                paths.append(path)
            files[(name, writer)] = paths
    return Outputs(folder, files, failures)


def _output_cases(check: str) -> list[object]:
    return [_param(name, f"{check}{writer}", writer) for name in readable() for writer in WRITERS]


@pytest.fixture(scope="module")
def nu_messages(outputs: Outputs) -> dict[Path, list[str]]:
    """The Nu checker's errors and warnings for every HTML output, in one JVM.

    Plain "info" messages are left out, and so is the checker's language guess ("This
    document appears to be written in English" under the ``lang="nb"`` or no language
    that the source declares): the page carries the language its source states."""
    if shutil.which("java") is None or not VNU_JAR.is_file():
        pytest.skip("the Nu checker needs java and node_modules/vnu-jar (run npm ci)")
    pages = [path for (_, writer), paths in outputs.files.items() if writer == "html"
             for path in paths]
    run = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout",
                          "--exit-zero-always", *map(str, pages)],
                         capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stderr
    found: dict[Path, list[str]] = {path: [] for path in pages}
    for message in json.loads(run.stdout)["messages"]:
        if (message["type"] == "info" and message.get("subType") != "warning") or (
                message["message"].startswith("This document appears to be written in")):
            continue
        path = Path(unquote(urlparse(message.get("url", "")).path))
        found.setdefault(path, []).append(f"{message['type']}: {message['message']}")
    return found


@pytest.fixture(scope="module")
def epubcheck_messages(outputs: Outputs) -> dict[Path, list[str]]:
    books = [path for (_, writer), paths in outputs.files.items() if writer == "epub"
             for path in paths]
    assert epubcheck.unavailable() is None, epubcheck.unavailable()
    findings = epubcheck.check({book: book.name for book in books})
    return {book: [f"{f.severity} {f.code}: {f.message}" for f in findings
                   if f.file == book.name and f.severity in ("error", "warning")]
            for book in books}


def _official_problems(path: Path, writer: str, nu: dict[Path, list[str]],
                       epub: dict[Path, list[str]]) -> list[str]:
    data = path.read_bytes()
    if writer == "json":
        problems = [str(error) for error in document_errors(json.loads(data))]
        if api.write(api.read(data, "json"), "json") != data:
            problems.append("JSON -> Document -> JSON is not byte-identical")
        return problems
    if writer == "ninjs":
        return ninjs_support.errors(json.loads(data), "3.1")
    if writer in ("newsml", "newsml-message"):
        return schema_errors(data)
    if writer == "html":
        return nu[path]
    return epub[path]


@pytest.mark.parametrize("name, writer", _output_cases(""))
def test_every_writer_output_passes_the_official_validator(
        outputs: Outputs, nu_messages: dict[Path, list[str]],
        epubcheck_messages: dict[Path, list[str]], name: str, writer: str) -> None:
    assert (name, writer) not in outputs.failures, outputs.failures.get((name, writer))
    problems = {path.name: _official_problems(path, writer, nu_messages, epubcheck_messages)
                for path in outputs.files[(name, writer)]}
    assert {file: found for file, found in problems.items() if found} == {}


@pytest.fixture(scope="module")
def validate_report(outputs: Outputs, tmp_path_factory: pytest.TempPathFactory
                    ) -> dict[str, list[str]]:
    """``newsconvert validate`` over every output (with the official schemas), one run."""
    report = tmp_path_factory.mktemp("validate") / "report.json"
    env = {**os.environ, "NEWSCONVERT_SCHEMAS": str(STANDARDS)}
    subprocess.run([sys.executable, "-m", "convert", "validate", str(outputs.folder),
                    "--format", "json", "-o", str(report)],
                   cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800, check=False)
    files = json.loads(report.read_text("utf-8"))["files"]
    return {Path(entry["file"]).name: [] if entry["valid"] else
            [f"{finding.get('code')}: {finding.get('message')}" for finding in entry["findings"]]
            for entry in files}


@pytest.mark.parametrize("name, writer", _output_cases("validate:"))
def test_every_writer_output_passes_newsconvert_validate(
        outputs: Outputs, validate_report: dict[str, list[str]], name: str, writer: str) -> None:
    assert (name, writer) not in outputs.failures, outputs.failures.get((name, writer))
    found = [problem for path in outputs.files[(name, writer)]
             for problem in validate_report.get(path.name, ["not in the report"])]
    codes = tuple(problem.split(": ", 1)[0] for problem in found)
    assert codes == SOURCE_FINDINGS.get((name, writer), ()), found


# ---------------------------------------------------------------- text files


def _text_cases(field: str) -> list[object]:
    return [pytest.param(name, text, id=f"{name}-{field}") for name, text in sorted(TEXTS.items())]


@pytest.mark.parametrize("name, text", _text_cases("headline"))
def test_text_headline_as_the_file_states_it(name: str, text: Text) -> None:
    doc = api.read(THIRDPARTY / "text" / name)
    assert doc.headline == text.headline
    if text.headline is None:
        assert "no-headline" in [w.code for w in doc.provenance.warnings]


@pytest.mark.parametrize("name, text", _text_cases("bylines"))
def test_text_bylines_as_the_file_states_them(name: str, text: Text) -> None:
    doc = api.read(THIRDPARTY / "text" / name)
    assert tuple(b.name for b in doc.bylines) == text.bylines
