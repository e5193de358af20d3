"""HTML through the Nu checker and EPUB through EPUBCheck + our rules
(convert/validation/nu.py, epubcheck.py, rules.py): one validate run, so one
JVM per checker, for every page and book of this module."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.validation import Report, validate_paths
from convert.validation import epubcheck as epubcheck_module
from convert.validation import nu as nu_module
from tests.support.books import BODY_LINE, LINK_LINE, write_book, write_page

pytestmark = pytest.mark.skipif(
    nu_module.unavailable() is not None or epubcheck_module.unavailable() is not None,
    reason="needs Java, vnu.jar (npm ci) and the epubcheck package")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("jvm")
    files = {
        "good.html": write_page(folder / "good.html"),
        "bad.html": write_page(folder / "bad.html", "An <span>unclosed</p> span."),
        "good.epub": write_book(folder / "good.epub"),
        "dangling.epub": write_book(folder / "dangling.epub",
                                    '<a href="chapter-2.xhtml">Next</a>'),
        "fragment.epub": write_book(folder / "fragment.epub", '<a href="#nowhere">Up</a>'),
    }
    return validate_paths(list(files.values())), files


def result(checked: tuple[Report, dict[str, Path]], name: str):
    report, files = checked
    return next(r for r in report.files if r.file == str(files[name]))


def test_valid_page_and_book_pass(checked) -> None:
    for name in ("good.html", "good.epub"):
        assert result(checked, name).valid(), result(checked, name).findings
    assert result(checked, "good.html").validators == ["nu"]
    assert result(checked, "good.epub").validators == ["rules", "epubcheck"]


def test_html_error_is_located_by_the_nu_checker(checked) -> None:
    errors = [f for f in result(checked, "bad.html").findings if f.severity == "error"]
    assert errors and {f.validator for f in errors} == {"nu"}
    assert [(f.line, f.column, f.message) for f in errors][:2] == [
        (BODY_LINE, 7, "Unclosed element “span”."),
        (BODY_LINE, 21, "End tag “p” seen, but there were open elements.")]


def test_dangling_link_in_an_epub_is_found_by_rules_and_epubcheck(checked) -> None:
    findings = [f for f in result(checked, "dangling.epub").findings if f.severity == "error"]
    ours = [(f.part, f.line, f.code) for f in findings if f.validator == "rules"]
    assert ours == [("EPUB/chapter-1.xhtml", LINK_LINE, "dangling-link")]
    theirs = [(f.part, f.line, f.code) for f in findings if f.validator == "epubcheck"]
    assert ("EPUB/chapter-1.xhtml", LINK_LINE, "RSC-007") in theirs


def test_missing_fragment_in_an_epub(checked) -> None:
    ours = [f for f in result(checked, "fragment.epub").findings if f.validator == "rules"]
    assert [(f.line, f.code) for f in ours] == [(LINK_LINE, "dangling-link")]
    assert "no element with id 'nowhere'" in ours[0].message


def test_without_java_the_report_says_what_was_not_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    page, book = write_page(tmp_path / "p.html"), write_book(tmp_path / "b.epub")
    report = validate_paths([page, book])
    assert report.valid and not validate_paths([page, book], strict=True).valid
    assert [r.validators for r in report.files] == [[], ["rules"]]
    assert len(report.notes) == 2 and all("Java not found" in note for note in report.notes)
    assert all(r.findings[0].code == "not-checked" for r in report.files)
