import codecs

import pytest

from convert.errors import ConvertError
from tests.textparse.conftest import run_steps

TEXT = "Café “quotes” — naïve\n\nSecond line\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_stated_encodings_need_no_warning(data: bytes, encoding: str) -> None:
    state = run_steps(data, "decode")
    assert state.encoding == encoding
    assert state.text.startswith("Café “quotes”")
    assert state.warnings == []


def test_cp1252_is_guessed_with_a_warning_on_the_first_bad_line() -> None:
    state = run_steps(b"Title\n\n" + TEXT.encode("cp1252"), "decode")
    assert state.encoding == "cp1252"
    assert "“quotes” —" in state.text
    assert [(w.code, w.line) for w in state.warnings] == [("encoding-guessed", 3)]


def test_non_latin_code_page_is_guessed_by_the_detector() -> None:
    text = "Москва: в городе откроется новый читальный зал для студентов. " * 5
    state = run_steps(text.encode("cp1251"), "decode")
    assert state.text.startswith("Москва")
    assert state.warnings[0].code == "encoding-guessed"


def test_declared_encoding_is_honoured_without_warning() -> None:
    data = "Content-Type: text/plain; charset=iso-8859-15\n\nPrix: 5 €\n".encode("iso-8859-15")
    state = run_steps(data, "decode")
    assert "5 €" in state.text
    assert state.warnings == []


def test_explicit_encoding_option_wins() -> None:
    assert run_steps("ação".encode("latin-1"), "decode", encoding="latin-1").text == "ação"


def test_crlf_and_cr_become_lf_and_lines_are_numbered() -> None:
    state = run_steps(b"a\r\nb\rc", "decode")
    assert [(line.number, line.text) for line in state.lines] == [(1, "a"), (2, "b"), (3, "c")]


@pytest.mark.parametrize("data, code", [
    (b"", "empty"), (b" \n\t\r\n", "empty"), ("\u3000\n".encode("utf-16"), "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"), (b"abc\x00\x01\x02def" * 10, "binary"),
])
def test_empty_and_binary_input_are_refused(data: bytes, code: str) -> None:
    with pytest.raises(ConvertError) as caught:
        run_steps(data, "decode")
    assert caught.value.code == code
    assert str(caught.value).startswith("t.txt")


def test_a_guessed_korean_code_page_gets_its_standard_name() -> None:
    text = ("한강 수상버스 내년 봄 운항 시작\n\n서울시가 한강을 오가는 수상버스를 내년 봄부터 "
            "운항한다고 15일 밝혔다. 수상버스는 마곡에서 잠실까지 7개 선착장을 오간다.\n")
    state = run_steps(text.encode("euc-kr"), "decode")
    assert (state.encoding, state.text) == ("euc_kr", text)
    assert [w.code for w in state.warnings] == ["encoding-guessed"]


@pytest.mark.parametrize("character", ["\x07", "\x1b", "\ufffe", "\uffff"])
def test_characters_no_output_can_hold_are_dropped_with_a_warning(character: str) -> None:
    story = "A story long enough that one stray character is no sign of a binary file. " * 3
    state = run_steps(f"Title\n\n{character}{story}\n".encode("utf-8"), "decode")
    assert state.text == f"Title\n\n{story}\n"
    assert [(w.code, w.line) for w in state.warnings] == [("control-characters", 3)]
    assert f"U+{ord(character):04X}" in state.warnings[0].message
