import pytest

from tests.textparse.conftest import run_steps

PARAGRAPH = "The first paragraph of the story is a full sentence that runs long enough."


def test_date_lines_by_label() -> None:
    state = run_steps("Head\n\nThis Article is From Oct 06, 2014\n\nPublié le 06/10/2014 à 14h32 - "
                      f"Mis à jour le 06/10/2014 à 18h05\n\n{PARAGRAPH}\n", "metadata-lines")
    dates = {name: [(c.rank, c.value, c.line) for c in found]
             for name, found in state.meta.date_texts.items()}
    assert dates == {"published": [(1, "Oct 06, 2014", 3), (1, "06/10/2014 à 14h32", 5)],
                     "updated": [(1, "06/10/2014 à 18h05", 5)]}
    assert [c.role for c in state.chunks] == [None, "metadata", "metadata", None]


def test_pipe_separated_meta_line() -> None:
    state = run_steps("Head\n\nReported by Ann Lee, Bo Chan | Edited by Cy Dee | Updated: "
                      f"October 18, 2017 14:32 IST\n\n{PARAGRAPH}\n", "metadata-lines")
    assert [b.name for b in state.meta.bylines] == ["Ann Lee", "Bo Chan"]
    assert state.meta.extra == {"edited by": "Cy Dee"}
    assert state.meta.date_texts["updated"][0].value == "October 18, 2017 14:32 IST"


def test_fields_after_a_date_and_slugline_on_top() -> None:
    state = run_steps("BC-US--Pumpkins,0398\n\nHead\n\n2019年03月05日 10:21:35\u3000来源：新华网\n\n"
                      f"{PARAGRAPH}\n\nKeywords: a, b\n", "metadata-lines")
    assert state.meta.slugline == "BC-US--Pumpkins,0398"
    assert [(d.line, d.reason) for d in state.dropped] == [(1, "slugline")]
    assert state.meta.source == "新华网"
    assert state.meta.keywords == ["a", "b"]


def test_dates_inside_body_text_are_not_metadata() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nOn 31 December 2004 the plant closed.\n",
                      "metadata-lines")
    assert state.meta.date_texts == {}


@pytest.mark.parametrize("line, source", [
    ("Utgiver: Samferdselsdepartementet", "Samferdselsdepartementet"),
    ("Média : Radio Classique", "Radio Classique"),
    ("Herausgeber: Bundesamt für Verkehr", "Bundesamt für Verkehr"),
])
def test_publisher_and_media_fields_in_other_languages_are_the_source(line: str,
                                                                      source: str) -> None:
    state = run_steps(f"Head of the story\n\n{line}\n\n{PARAGRAPH}\n", "metadata-lines")
    assert state.meta.source == source
