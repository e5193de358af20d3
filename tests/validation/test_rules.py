"""Our own rules (convert/validation/rules.py) on NewsML-G2 and ninjs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convert.validation import validate_paths
from convert.validation.rules import (
    created_before_first,
    full_bcp47_grammar,
    is_bcp47,
    simple_language_tag,
)
from tests.support.feeds import EXAMPLES, line_of

LISTING_1 = EXAMPLES / "LISTING_1_A_NewsML-G2_News_Item.xml"
NO_CATALOG = EXAMPLES / "unit_test_files/2.30/should_pass/CR00211_01_newsitem_with_no_catalog.xml"
#: The smallest official item, given the IPTC catalog, a firstCreated and a language.
IPTC_ONLY = NO_CATALOG.read_text(encoding="utf-8").replace(
    "<!-- no catalogRef -->",
    '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_35.xml" />'
).replace("</versionCreated>",
          "</versionCreated>\n        <firstCreated>2020-06-22T09:00:00Z</firstCreated>"
).replace("</itemMeta>", "</itemMeta>\n    <contentMeta><language tag=\"en-US\" /></contentMeta>")


def findings(path: Path, severity: str = "error") -> list[tuple[int | None, str, str]]:
    [result] = validate_paths([path]).files
    return [(f.line, f.code, f.message) for f in result.findings if f.severity == severity]


@pytest.mark.parametrize("tag", ["en", "en-GB", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996",
                                 "x-private", "en-GB-oed", "es-419", "ar-u-nu-arab"])
def test_well_formed_language_tags(tag: str) -> None:
    assert is_bcp47(tag)


@pytest.mark.parametrize("tag", ["englishlanguage", "en_GB", "e", "en-", "12", "en--gb",
                                 "toolongsubtag-x"])
def test_malformed_language_tags(tag: str) -> None:
    assert not is_bcp47(tag)


@given(st.lists(st.text("aZq09-xı\n", min_size=0, max_size=5), min_size=1, max_size=4).map(
    "-".join))
def test_the_shortcut_for_simple_tags_agrees_with_the_full_grammar(tag: str) -> None:
    if simple_language_tag(tag):
        assert full_bcp47_grammar().match(tag)
    assert is_bcp47(tag) == bool(full_bcp47_grammar().match(tag))


def test_version_created_before_first_created_compares_like_with_like() -> None:
    assert created_before_first("2024-01-01T10:00:00Z", "2024-01-01T11:00:00+00:00")
    assert not created_before_first("2024-01-01T12:00:00+02:00", "2024-01-01T10:00:00Z")
    assert created_before_first("2023-12-31", "2024-01-01T00:00:00Z")
    assert not created_before_first("2024-01-01T10:00:00", "2024-01-01T11:00:00Z")


def test_the_iptc_catalog_declares_every_alias_of_an_iptc_item(tmp_path: Path) -> None:
    (tmp_path / "item.xml").write_text(IPTC_ONLY, encoding="utf-8")
    assert findings(tmp_path / "item.xml", "error") == []
    assert findings(tmp_path / "item.xml", "info") == []


def test_qcode_alias_no_catalog_declares(tmp_path: Path) -> None:
    text = IPTC_ONLY.replace('qcode="ninat:text"', 'qcode="nonsuch:text"')
    (tmp_path / "item.xml").write_text(text, encoding="utf-8")
    [(line, code, message)] = findings(tmp_path / "item.xml", "warning")
    assert (line, code) == (line_of(text, 'qcode="nonsuch:text"', 1), "qcode-prefix")
    assert "'nonsuch'" in message
    # A producer's private alias is a warning: valid unless --strict.
    assert findings(tmp_path / "item.xml", "error") == []
    assert validate_paths([tmp_path / "item.xml"]).exit_code == 0
    assert validate_paths([tmp_path / "item.xml"], strict=True).exit_code == 1


def test_an_unavailable_catalog_means_prefixes_are_not_checked() -> None:
    [(line, code, message)] = findings(LISTING_1, "info")
    assert (line, code) == (12, "catalog-unavailable") and "catalog.enews_2.xml" in message


def test_qcodes_without_any_catalog_warn() -> None:
    [(line, code, _)] = findings(NO_CATALOG, "warning")
    assert (line, code) == (12, "no-catalog")
    assert not validate_paths([NO_CATALOG], strict=True).valid


def test_version_created_before_first_created_in_newsml(tmp_path: Path) -> None:
    text = IPTC_ONLY.replace("<firstCreated>2020-06-22T09:00:00Z</firstCreated>",
                             "<firstCreated>2020-06-22T09:30:00Z</firstCreated>")
    assert text != IPTC_ONLY
    (tmp_path / "item.xml").write_text(text, encoding="utf-8")
    [(line, code, _)] = findings(tmp_path / "item.xml")
    assert (line, code) == (line_of(text, "<versionCreated>", 1), "version-before-first")


def test_malformed_language_in_newsml(tmp_path: Path) -> None:
    text = IPTC_ONLY.replace('<language tag="en-US" />', '<language tag="en_US" />')
    assert text != IPTC_ONLY
    (tmp_path / "item.xml").write_text(text, encoding="utf-8")
    errors = findings(tmp_path / "item.xml")
    assert (line_of(text, 'tag="en_US"', 1), "language-tag") in [(l, c) for l, c, _ in errors]
