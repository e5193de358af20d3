"""`newsconvert convert`'s options as a user meets them (through the console
script's module, in a subprocess): format from the output name, encoding,
language and metadata, several documents on one JSON output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV_CORPUS, ROOT
from tests.support.feeds import write_feed

ARTICLE = DEV_CORPUS / "003-ap-giant-pumpkin.txt"
CP1252 = DEV_CORPUS / "024-cp1252-montreal-cafe.txt"


def newsconvert(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "convert", *arguments], cwd=cwd,
                          capture_output=True, check=False)


@pytest.mark.parametrize(("name", "format"), [
    ("a.html", "html"), ("a.xml", "newsml"), ("a.ninjs.json", "ninjs"), ("a.json", "json"),
    ("a.epub", "epub")])
def test_the_format_comes_from_the_output_name(tmp_path: Path, name: str, format: str) -> None:
    by_name = newsconvert("convert", str(ARTICLE), "-o", str(tmp_path / name))
    assert by_name.returncode == 0, by_name.stderr
    explicit = newsconvert("convert", str(ARTICLE), "-t", format, "-o", str(tmp_path / "x"))
    assert (tmp_path / name).read_bytes() == (tmp_path / "x").read_bytes()


def test_a_name_that_contradicts_to_is_refused(tmp_path: Path) -> None:
    result = newsconvert("convert", str(ARTICLE), "-t", "json", "-o", str(tmp_path / "b.html"))
    assert result.returncode == 2 and not (tmp_path / "b.html").exists()
    assert result.stderr.decode() == (f"newsconvert: -o {tmp_path / 'b.html'} names a html file, "
                                      "but --to is json: use -o NAME.json or --to html\n")


def test_ninjs_and_json_in_one_folder_do_not_overwrite_each_other(tmp_path: Path) -> None:
    for format in ("ninjs", "json"):
        assert newsconvert("convert", str(ARTICLE), "-t", format, "-o",
                           str(tmp_path / "out") + "/").returncode == 0
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "003-ap-giant-pumpkin.json", "003-ap-giant-pumpkin.ninjs.json"]


def test_a_missing_input_is_a_usage_error_worded_as_validate_words_it() -> None:
    converted = newsconvert("convert", "nosuch.txt", "-t", "json")
    validated = newsconvert("validate", "nosuch.txt")
    assert converted.returncode == validated.returncode == 2
    assert converted.stderr == validated.stderr == b"newsconvert: nosuch.txt: no such file or folder\n"


def test_encoding_silences_the_guess() -> None:
    guessed = newsconvert("convert", str(CP1252), "-t", "json")
    assert b"[encoding-guessed]" in guessed.stderr
    given = newsconvert("convert", str(CP1252), "-t", "json", "--encoding", "cp1252")
    assert given.returncode == 0 and given.stderr == b""
    assert json.loads(given.stdout)["provenance"]["encoding"] == "cp1252"
    assert json.loads(given.stdout)["body"] == json.loads(guessed.stdout)["body"]
    for bad in ("base64", "no-such-codec"):
        refused = newsconvert("convert", str(CP1252), "-t", "json", "--encoding", bad)
        assert refused.returncode == 2 and refused.stdout == b""


def test_language_metadata_and_title_set_fields() -> None:
    result = newsconvert("convert", str(ARTICLE), "-t", "json", "--language", "en-US",
                         "-M", "source=Example Wire", "-M", "keywords=pumpkins, fairs",
                         "--title", "A heavier pumpkin")
    data = json.loads(result.stdout)
    assert (data["language"], data["source"], data["keywords"], data["headline"]) == (
        "en-US", "Example Wire", ["pumpkins", "fairs"], "A heavier pumpkin")
    plain = json.loads(newsconvert("convert", str(ARTICLE), "-t", "json").stdout)
    assert data["id"] == plain["id"] and data["body"] == plain["body"]
    refused = newsconvert("convert", str(ARTICLE), "-t", "json", "-M", "colour=red")
    assert refused.returncode == 2 and b"KEY one of headline," in refused.stderr


def test_several_documents_on_standard_output_are_a_json_array_or_json_lines(
        tmp_path: Path) -> None:
    write_feed(tmp_path / "feed.xml", 3, {})
    array = newsconvert("convert", str(tmp_path / "feed.xml"), "-t", "json")
    assert array.returncode == 0, array.stderr
    documents = json.loads(array.stdout)
    assert isinstance(documents, list) and len(documents) == 3
    lines = newsconvert("convert", str(tmp_path / "feed.xml"), "-t", "json", "--json-lines")
    assert [json.loads(line) for line in lines.stdout.splitlines()] == documents
    other = newsconvert("convert", str(tmp_path / "feed.xml"), "-t", "html")
    assert other.returncode == 2 and b"3 documents" in other.stderr and b"-o DIR" in other.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A software project's folder with news files in it."""
    root = tmp_path / "project"
    (root / "news").mkdir(parents=True)
    (root / "requirements.txt").write_text("pytest>=8\nlxml==5.2\n")
    (root / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n')
    (root / "config.json").write_text('{"debug": false, "url": "https://example.org"}\n')
    (root / "README.md").write_text("# Site\n\nThis is the site's code and the tools that "
                                    "build it every night.\n")
    (root / "news" / "pumpkin.txt").write_bytes(ARTICLE.read_bytes())
    (root / "news" / "item.ninjs.json").write_text(
        '{"uri": "urn:example:1", "type": "text", "headline": "Bridge reopens", '
        '"body_text": "The bridge reopened on Monday after two years of repairs."}\n')
    return root


def test_walking_a_folder_takes_only_news_files(project: Path, tmp_path: Path) -> None:
    result = newsconvert("convert", str(project), "-t", "json", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix()
                     for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == ["news/item.ninjs.json", "news/pumpkin.json"]
    notes = [line for line in result.stderr.decode().splitlines() if "note:" in line]
    assert notes == [f"newsconvert: note: skipped {project / name}: not a news file "
                     "(--include takes it)"
                     for name in ("README.md", "config.json", "package.json", "requirements.txt")]
    validated = newsconvert("validate", str(project))
    assert validated.returncode == 0
    assert validated.stdout.decode().count("not a news file") == 4


def test_include_and_exclude_globs_choose_files(project: Path, tmp_path: Path) -> None:
    result = newsconvert("convert", str(project), "-t", "json", "-o", str(tmp_path / "out"),
                         "--include", "*.md", "--include", "news/*", "--exclude", "*.ninjs.json")
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix()
                     for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == ["README.json", "news/pumpkin.json"]
    assert b"note:" not in result.stderr
    validated = newsconvert("validate", str(project), "--exclude", "news/*", "--include", "*.json")
    assert validated.returncode == 1  # included JSON is checked whatever it is
    assert validated.stdout.decode().count("unknown-format") == 2
