"""The pre-commit hook on a sample repository made at test time: news files
(NewsML-G2, ninjs, a text article) beside the files every software project
has (package.json, config.json, requirements.txt, README.md).  Only the news
files are checked, and a broken one fails the hook.

``pre-commit try-repo`` installs the project into a virtualenv of its own, as
a user's pre-commit would.  The environment lets that virtualenv see the
packages already installed here and tells pip not to reach an index, so the
install is offline and takes seconds (the project itself is still built and
pip-installed, and the hook runs its ``newsconvert`` console script).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, STANDARDS

VALID_ITEM = STANDARDS / "newsml-g2/examples/unit_test_files/2.26/should_pass/CR00201_charcount.xml"
NINJS = SHARED / "corpus/thirdparty/ninjs/iptc3.0-dpa_text.json"
ARTICLE = SHARED / "corpus/thirdparty/text/belga-dpa.txt"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _environment(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "NEWSCONVERT_SCHEMAS": str(STANDARDS),
        # The hook's virtualenv sees what is installed here; pip builds the
        # project with that virtualenv's setuptools and asks no index.
        "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1", "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_NO_INDEX": "1",
        **{f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
           for what, value in (("NAME", "test"), ("EMAIL", "test@example.invalid"))},
    }


@pytest.fixture
def sample_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "news").mkdir(parents=True)
    shutil.copy(VALID_ITEM, repo / "news" / "item.xml")
    shutil.copy(NINJS, repo / "news" / "story.json")
    shutil.copy(ARTICLE, repo / "news" / "article.txt")
    shutil.copy(ROOT / "package.json", repo / "package.json")
    (repo / "config.json").write_text('{"debug": true, "port": 8080}\n', encoding="utf-8")
    (repo / "requirements.txt").write_text("requests>=2.31\npytest==8.0\n", encoding="utf-8")
    (repo / "README.md").write_text("# A project\n\nIt has news files.\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _commit_all(repo, "sample")
    return repo


def _git(repo: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=repo, check=True, capture_output=True)


def _commit_all(repo: Path, message: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=test", "-c", "user.email=test@example.invalid",
         "commit", "-q", "-m", message)


def _break(item: Path, broken: Path) -> None:
    """A copy of the item with an element the NewsML-G2 schema does not allow."""
    text = item.read_text("utf-8")
    assert '<provider literal="reuters.com"/>' in text
    broken.write_text(text.replace('<provider literal="reuters.com"/>', "<bogusElement/>"),
                      encoding="utf-8")


def _try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newsconvert-validate",
         "--all-files", "--verbose"], cwd=repo, env=env, capture_output=True, text=True,
        timeout=600)


def _assert_only_news_files_checked(output: str) -> None:
    assert "::notice::skipped config.json: not a news file" in output
    assert "::notice::skipped package.json: not a news file" in output
    assert "requirements.txt" not in output
    assert "README.md" not in output


def test_try_repo_checks_only_news_files_and_a_broken_one_fails(
        sample_repo: Path, tmp_path: Path) -> None:
    env = _environment(tmp_path)
    passed = _try_repo(sample_repo, env)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert re.search(r"newsconvert validate\.+Passed", output), output
    assert "3 file(s): 3 valid, 0 invalid; 0 error(s)" in output
    _assert_only_news_files_checked(output)

    _break(VALID_ITEM, sample_repo / "news" / "broken.xml")
    _commit_all(sample_repo, "a broken item")
    failed = _try_repo(sample_repo, env)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert re.search(r"newsconvert validate\.+Failed", output), output
    assert re.search(r"^::error file=news/broken\.xml,line=13,title=xsd xsd::Element "
                     r"'\{http://iptc\.org/std/nar/2006-10-01/\}bogusElement'", output, re.M)
    assert "4 file(s): 3 valid, 1 invalid; 1 error(s)" in output
    _assert_only_news_files_checked(output)


def _readme_local_hook() -> str:
    """The README's ``repo: local`` configuration, as printed there."""
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    local = [block for block in blocks if "repo: local" in block]
    assert len(local) == 1, "the README shows one repo: local configuration"
    return local[0]


def test_the_readme_local_hook_works_with_an_installed_newsconvert(
        sample_repo: Path, tmp_path: Path) -> None:
    """The README's ``language: system`` hook calls ``newsconvert`` from PATH;
    here that is a script running this checkout's console entry point."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "newsconvert"
    script.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                      "from convert.cli import main\nmain()\n", encoding="utf-8")
    script.chmod(0o755)
    (sample_repo / ".pre-commit-config.yaml").write_text(_readme_local_hook(), encoding="utf-8")
    _break(VALID_ITEM, sample_repo / "news" / "broken.xml")
    _commit_all(sample_repo, "local hook")
    env = {**_environment(tmp_path), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"],
                         cwd=sample_repo, env=env, capture_output=True, text=True, timeout=300)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "::error file=news/broken.xml,line=13" in output
    assert "4 file(s): 3 valid, 1 invalid; 1 error(s)" in output
    assert "package.json" not in output and "requirements.txt" not in output
