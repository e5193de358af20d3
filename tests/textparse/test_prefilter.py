import re

import pytest

from convert.textparse.datetext import _MULTIWORD_MONTHS, date_patterns, find_dates
from convert.textparse.prefilter import has_digit, may_match, needed_characters


@pytest.mark.parametrize("pattern, needs", [
    (re.compile(r"(?P<y>\d{4})年(?P<m>\d\d?)月"), ("年", "月")),
    (re.compile(r"\d+/\d+"), ("/",)),
    (re.compile(r"[-–]{2}\s"), ("-–",)),
    (re.compile(r"a(?:/|b)c?-?"), ()),  # a branch, an optional character, a letter
    (re.compile(r"x-", re.I), ("-",)),
    (re.compile(r"ß:", re.I), (":",)),  # a character with case is no test under re.I
])
def test_the_characters_every_match_holds(pattern: re.Pattern[str],
                                          needs: tuple[str, ...]) -> None:
    assert needed_characters(pattern) == needs


def test_a_text_without_them_cannot_match() -> None:
    pattern = re.compile(r"\d+/\d+")
    assert not may_match(pattern, "12 34")
    assert may_match(pattern, "12/34")


@pytest.mark.parametrize("text", ["2019年3月5日", "3/5/2019", "05-03-2024", "2024-03-05",
                                  "5.3.2024", "2019. március 12."])
def test_every_date_shape_that_matches_has_its_characters(text: str) -> None:
    assert find_dates(text)
    for pattern in date_patterns():
        if pattern.search(text):
            assert may_match(pattern, text)


def test_no_two_first_letters_of_multiword_months_are_one_letter_for_ignorecase() -> None:
    """What lets the month shapes try those names grouped by first letter."""
    firsts = sorted({name[0] for name in _MULTIWORD_MONTHS})
    assert not [(a, b) for a in firsts for b in firsts
                if a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE)]


@pytest.mark.parametrize("text", ["", "no figures", "A142", "٣ أكتوبر", "x²", "１２", "Ⅻ"])
def test_has_digit_is_what_isdigit_says_of_some_character(text: str) -> None:
    assert has_digit(text) == any(ch.isdigit() for ch in text)
