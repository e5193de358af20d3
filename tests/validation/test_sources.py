"""Where schemas come from (convert/validation/sources.py): `schemas pull`
against a local HTTP server serving ../shared/standards, then validation from
the cache; `schemas path`; --schema."""

from __future__ import annotations

import functools
import hashlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convert.cli import app
from convert.validation import sources, validate_paths
from tests.conftest import STANDARDS
from tests.support.feeds import ITEM_TEMPLATE

runner = CliRunner()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def standards_server() -> Iterator[str]:
    yield from _serve(STANDARDS)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSCONVERT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSCONVERT_SCHEMAS")
    return tmp_path / "cache"


def test_pinned_digests_match_the_shared_copies() -> None:
    for official in sources.OFFICIAL_FILES:
        assert hashlib.sha256((STANDARDS / official.path).read_bytes()).hexdigest() == \
            official.sha256, official.path


def test_pull_fills_the_cache_and_validate_uses_it(standards_server: str, cache: Path) -> None:
    assert validate_paths([ITEM_TEMPLATE]).schemas[0].origin == "built-in"
    result = runner.invoke(app, ["schemas", "pull", "--base-url", standards_server])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == len(sources.OFFICIAL_FILES)
    for official in sources.OFFICIAL_FILES:
        assert (cache / "schemas" / official.path).read_bytes() == \
            (STANDARDS / official.path).read_bytes()
    report = validate_paths([ITEM_TEMPLATE])
    assert report.valid and report.files[0].validators == ["xsd", "rules"]
    assert [(o.origin, o.location) for o in report.schemas][0] == (
        "cache", str(cache / "schemas" / sources.NEWSML_XSD))
    path_output = runner.invoke(app, ["schemas", "path"]).output
    assert f"newsml-g2 2.35 xsd: {cache / 'schemas' / sources.NEWSML_XSD} (cache)" in path_output


def test_pull_refuses_a_file_whose_digest_differs(tmp_path: Path, cache: Path) -> None:
    served = tmp_path / "served"
    for official in sources.OFFICIAL_FILES:
        (served / official.path).parent.mkdir(parents=True, exist_ok=True)
        (served / official.path).write_bytes((STANDARDS / official.path).read_bytes())
    (served / sources.NEWSML_XSD).write_bytes(b"<xs:schema/>")
    for base_url in _serve(served):
        result = runner.invoke(app, ["schemas", "pull", "--base-url", base_url])
        assert result.exit_code == 1
        assert "SHA-256 mismatch" in result.output
    assert not (cache / "schemas" / sources.NEWSML_XSD).exists()
    assert not [p for p in cache.rglob("*.part")]


def test_pull_reports_an_unreachable_server(cache: Path) -> None:
    result = runner.invoke(app, ["schemas", "pull", "--base-url", "http://127.0.0.1:9"])
    assert result.exit_code == 2 and "download failed" in result.output  # an I/O error


def test_schema_option_wins_over_the_environment(tmp_path: Path) -> None:
    report = validate_paths([ITEM_TEMPLATE], schema=str(STANDARDS / sources.NEWSML_XSD))
    assert report.schemas[0].origin == "--schema"
    assert report.schemas[1].origin == "NEWSCONVERT_SCHEMAS"


def test_schema_folder_and_a_missing_environment_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    assert validate_paths([ITEM_TEMPLATE], schema=str(STANDARDS)).schemas[0].origin == "--schema"
    monkeypatch.setenv("NEWSCONVERT_SCHEMAS", "/nonexistent")
    result = runner.invoke(app, ["validate", str(ITEM_TEMPLATE)])
    assert result.exit_code == 2 and "is not a folder" in result.output
