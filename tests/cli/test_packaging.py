"""The distribution's licence and names: LICENSE matches pyproject's MIT,
``python -m newsconvert`` is the command line, ``import newsconvert`` the API."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

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


def test_every_package_folder_is_packaged() -> None:
    """setuptools installs only the packages pyproject lists (schemas/ is installed as
    ``convert.schemadata``)."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    folders = {".".join(init.parent.relative_to(ROOT).parts)
               for name in ("convert", "newsconvert") for init in (ROOT / name).rglob("__init__.py")}
    assert set(setuptools["packages"]) == folders | {"convert.schemadata"}


def test_import_newsconvert_is_the_public_api() -> None:
    assert newsconvert.__all__ == convert.__all__
    for name in convert.__all__:
        assert getattr(newsconvert, name) is getattr(convert, name), name
    assert newsconvert.__version__ == convert.__version__


def test_python_m_newsconvert_runs_the_command_line(tmp_path: Path) -> None:
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


def _copy_of_the_sources(target: Path) -> Path:
    """What the wheel is built from (setuptools writes build/ beside it)."""
    target.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "convert", "newsconvert", "schemas",
                 "docs"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, target / name)
    return target


def test_installing_gives_the_console_script_licence_and_man_page(tmp_path: Path) -> None:
    """Build the wheel and install it into a fresh virtualenv (offline: it sees
    the packages installed here, and virtualenv's own setuptools builds)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "virtualenv", "-q", "--system-site-packages",
                    str(venv)], check=True)
    python, env = venv / "bin" / "python", {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                            "PIP_NO_INDEX": "1"}
    source = _copy_of_the_sources(tmp_path / "source")
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-build-isolation",
                    "--no-deps", str(source)], check=True, env=env, cwd=tmp_path)
    for command in ([venv / "bin" / "newsconvert", "--version"],
                    [python, "-m", "newsconvert", "--version"]):
        shown = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
        assert shown.stdout == f"newsconvert {convert.__version__}\n", shown.stderr
    # The installed modules are enough for a conversion (each package folder was installed).
    article = tmp_path / "a.txt"
    article.write_text("Headline here\n\nLONDON (Reuters) - First paragraph of the story.\n",
                       encoding="utf-8")
    page = subprocess.run([venv / "bin" / "newsconvert", "convert", article, "--to", "html"],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert page.returncode == 0, page.stderr
    assert "<h1>Headline here</h1>" in page.stdout
    located = subprocess.run([python, "-c", "import convert, newsconvert; "
                              "print(convert.__file__); print(newsconvert.__file__)"],
                             capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert all(line.startswith(str(venv)) for line in located.stdout.splitlines())
    assert (venv / "share" / "man" / "man1" / "newsconvert.1").read_bytes() == \
        (ROOT / "docs" / "newsconvert.1").read_bytes()
    licences = list(venv.glob("lib/python*/site-packages/newsconvert-*.dist-info/licenses/LICENSE"))
    assert [path.read_bytes() for path in licences] == [(ROOT / "LICENSE").read_bytes()]
