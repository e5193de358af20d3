"""Arbitrary text and bytes never make the text reader raise anything but ConvertError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convert.errors import ConvertError
from convert.options import ReadOptions
from convert.readers import text as reader

NEWSY = st.lists(st.sampled_from([
    "Headline", "By Ann Lee", "\n", "\n\n", "\t", "  ", "> ", "- ", "1. ", "#", "*", "_", "<p>",
    "<br>", "&amp;", "&#x1F41D;", "(Reuters) - ", "FRANKFURT, Oct 6 ", ": ", "|", "Updated: ",
    "10/06/2014 ", "6 апреля 2017, 14:32 МСК", "(Reporting by X; Editing by Y)", "ENDS", "---",
    "Photo: AFP", "(PTI)", "新华社北京3月5日电（记者王晓明）", "\u3000\u3000", "\u00a0", "Advertisement",
    "Text goes on. ", "\r\n", ".", "\ufeff", "<script>", "[a](b)",
]), max_size=40).map("".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_refuse(data: bytes) -> None:
    try:
        doc = reader.read(data, ReadOptions(source_name="fuzz.txt"))
    except ConvertError as error:
        assert str(error).startswith("fuzz.txt")
        return
    assert doc.body and doc.id.startswith("urn:")


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(data)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    read_or_refuse(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(NEWSY)
def test_news_shaped_text(text: str) -> None:
    read_or_refuse(text.encode("utf-8"))
