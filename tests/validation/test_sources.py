"""Where schemas come from (convert/validation/sources.py): `schemas pull`
against a local HTTP server serving ../shared/standards (laid out like the
official bundle, and like the default GitHub URLs), from a folder (offline),
then validation from the cache; `schemas path`; --schema."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convert.cli import app
from convert.validation import sources, validate_paths
from tests.conftest import ROOT, STANDARDS
from tests.support.feeds import ITEM_TEMPLATE

runner = CliRunner()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    requested: list[str] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.requested.append(self.path)
        super().do_GET()


def _serve(folder: Path, requested: list[str] | None = None) -> Iterator[str]:
    log = [] if requested is None else requested
    handler = functools.partial(type("Handler", (_Quiet,), {"requested": log}),
                                directory=str(folder))
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
    assert not cache.exists() or not [p for p in cache.rglob("*") if p.is_file()]


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


#: The default download addresses: IPTC's repositories at pinned commits.
DEFAULT_URLS = {
    "https://raw.githubusercontent.com/iptc/newsml-g2/7f172b01af0c343aacb1e1297ac0e75debabb4a7/"
    "specification/NewsML-G2_2.35-spec-All-Power.xsd",
    "https://raw.githubusercontent.com/iptc/newsml-g2/7f172b01af0c343aacb1e1297ac0e75debabb4a7/"
    "specification/xml.xsd",
    "https://raw.githubusercontent.com/iptc/python-newsmlg2/"
    "e6f7fb109096bcb16712e21c0b06ca8d1a58e40f/NewsMLG2/catalogs/catalog.IPTC-G2-Standards_41.xml",
    *(f"https://raw.githubusercontent.com/iptc/newsinjson/3ace39707a725d6674279c3151e2f5323dc81074/"
      f"specification/ninjs-schema_{version}.json" for version in ("1.6", "2.2", "3.1")),
    "https://raw.githubusercontent.com/iptc/newsinjson/3ace39707a725d6674279c3151e2f5323dc81074/"
    "validation/test_suite/GeoJSON-schema.json",
}
RAW = "https://raw.githubusercontent.com"


def _newsconvert(cache: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(cache.parent), "NEWSCONVERT_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-m", "convert", *arguments], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def _cached_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file()) if cache.exists() else []


def _assert_cache_holds_the_official_files(cache: Path) -> None:
    assert len(_cached_files(cache)) == len(sources.OFFICIAL_FILES)
    for official in sources.OFFICIAL_FILES:
        assert (cache / "schemas" / official.path).read_bytes() == \
            (STANDARDS / official.path).read_bytes(), official.path


def test_pull_fetches_the_default_github_paths_from_a_mirror(tmp_path: Path) -> None:
    """A server laid out like raw.githubusercontent.com (each default URL's path
    serving the shared copy of that file) stands in for GitHub."""
    assert {official.url for official in sources.OFFICIAL_FILES} == DEFAULT_URLS
    served = tmp_path / "raw"
    for url in DEFAULT_URLS:
        official = next(o for o in sources.OFFICIAL_FILES if o.url == url)
        link = served / url.removeprefix(RAW + "/")
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(STANDARDS / official.path)
    cache = tmp_path / "cache"
    requested: list[str] = []
    for mirror in _serve(served, requested):
        pulled = _newsconvert(cache, "schemas", "pull", "--mirror", mirror + "/")
        assert pulled.returncode == 0, pulled.stderr
        assert pulled.stdout.splitlines() == [
            f"{cache / 'schemas' / o.path}  <-  {mirror}{o.url.removeprefix(RAW)}"
            for o in sources.OFFICIAL_FILES]
    assert sorted(requested) == sorted(url.removeprefix(RAW) for url in DEFAULT_URLS)
    _assert_cache_holds_the_official_files(cache)
    checked = _newsconvert(cache, "validate", "--strict", "--format", "json", str(ITEM_TEMPLATE))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert '"origin": "cache"' in checked.stdout and '"origin": "built-in"' not in checked.stdout


def test_pull_from_dir_installs_offline_with_the_same_checksums(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    pulled = _newsconvert(cache, "schemas", "pull", "--from-dir", str(STANDARDS))
    assert pulled.returncode == 0, pulled.stderr
    assert pulled.stdout.splitlines()[0] == (
        f"{cache / 'schemas' / sources.NEWSML_XSD}  <-  {STANDARDS / sources.NEWSML_XSD}")
    _assert_cache_holds_the_official_files(cache)


def test_pull_from_dir_refuses_an_altered_or_missing_file_and_writes_nothing(
        tmp_path: Path) -> None:
    folder = tmp_path / "bundle"
    for official in sources.OFFICIAL_FILES:
        (folder / official.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / official.path).symlink_to(STANDARDS / official.path)
    altered = folder / sources.GEOJSON  # the last file: everything before it was fine
    altered.unlink()
    altered.write_bytes((STANDARDS / sources.GEOJSON).read_bytes() + b" ")
    cache = tmp_path / "cache"
    refused = _newsconvert(cache, "schemas", "pull", "--from-dir", str(folder))
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"newsconvert: {altered}: SHA-256 mismatch: got ")
    assert _cached_files(cache) == []
    altered.unlink()
    missing = _newsconvert(cache, "schemas", "pull", "--from-dir", str(folder))
    assert missing.returncode == 2
    assert missing.stderr.startswith(f"newsconvert: {altered}: cannot read: ")
    assert _cached_files(cache) == []


def test_pull_takes_one_source(tmp_path: Path) -> None:
    both = _newsconvert(tmp_path / "cache", "schemas", "pull", "--from-dir", str(STANDARDS),
                        "--mirror", "http://127.0.0.1:9")
    assert both.returncode == 2
    assert "give one of --base-url, --mirror and --from-dir" in both.stderr
