import pytest

from tests.textparse.conftest import run_steps


@pytest.mark.parametrize("first, place, date_text, source", [
    ("FRANKFURT, Oct 6 (Reuters) - German firm", "FRANKFURT", "Oct 6", "Reuters"),
    ("DES MOINES, Iowa (AP) — A driver", "DES MOINES, Iowa", None, "AP"),
    ("Madrid, 6 oct (EFE).- El Ayuntamiento", "Madrid", "6 oct", "EFE"),
    ("SEATTLE, Oct. 6, 2014 /PRNewswire/ -- Brightwater", "SEATTLE", "Oct. 6, 2014", "PRNewswire"),
    ("МОСКВА, 6 апреля. /ТАСС/. Круглосуточный", "МОСКВА", "6 апреля", "ТАСС"),
    ("HALIFAX, N.S. — A station", "HALIFAX, N.S.", None, None),
    ("New Delhi: The Delhi Metro", "New Delhi", None, None),
    ("(Bloomberg) -- Shares of", None, None, "Bloomberg"),
    ("القاهرة (رويترز) - افتتحت السلطات", "القاهرة", None, "رويترز"),
])
def test_dateline_shapes(first: str, place, date_text, source) -> None:
    state = run_steps(f"Head\n\n{first} rest of the paragraph goes on here.\n", "dateline")
    assert state.meta.dateline is not None
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == (place, date_text)
    assert state.meta.source == source
    assert state.first_body is state.chunks[1]


def test_chinese_dateline_gives_reporters_as_bylines() -> None:
    state = run_steps("标题\n\n新华社北京3月5日电（记者王晓明、李华）记者5日获悉。\n", "dateline")
    assert state.meta.dateline.place == "北京"
    assert [b.name for b in state.meta.bylines] == ["王晓明", "李华"]
    assert state.meta.source == "新华社"


@pytest.mark.parametrize("first", [
    "Officials said: the plan works.", "Update: more trains are coming today, officials said.",
    "US light crude rose $1.64 - the most in weeks, traders said on Monday.",
])
def test_ordinary_openings_are_not_datelines(first: str) -> None:
    assert run_steps(f"Head\n\n{first}\n", "dateline").meta.dateline is None
