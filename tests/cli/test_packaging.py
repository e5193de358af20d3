"""The distribution's licence and names: LICENSE matches pyproject's MIT,
``python -m newsconvert`` is the command line, ``import newsconvert`` the API."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import convert
import newsconvert
from tests.conftest import ROOT


def test_license_file_is_the_mit_licence_pyproject_declares() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the newsconvert authors" in text
    assert "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND" in text


def test_newsconvert_package_is_packaged() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "newsconvert" in setuptools["packages"]
    assert "py.typed" in setuptools["package-data"]["newsconvert"]


def test_import_newsconvert_is_the_public_api() -> None:
    assert newsconvert.__all__ == convert.__all__
    for name in convert.__all__:
        assert getattr(newsconvert, name) is getattr(convert, name), name
    assert newsconvert.__version__ == convert.__version__


def test_python_m_newsconvert_runs_the_command_line(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline here\n\nBy Ann Lee\n\nLONDON (Reuters) - First paragraph "
                       "of the story.\n\nSecond paragraph.\n", encoding="utf-8")
    version = subprocess.run([sys.executable, "-m", "newsconvert", "--version"], cwd=ROOT,
                             capture_output=True, text=True, check=True)
    assert version.stdout == f"newsconvert {convert.__version__}\n"
    helped = subprocess.run([sys.executable, "-m", "newsconvert", "--help"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert helped.stdout.startswith("Usage: newsconvert ")
    converted = subprocess.run([sys.executable, "-m", "newsconvert", "convert", str(article),
                                "--to", "json"], cwd=ROOT, capture_output=True, text=True)
    assert converted.returncode == 0, converted.stderr
    assert '"headline": "Headline here"' in converted.stdout
