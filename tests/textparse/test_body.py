import pytest

from convert.errors import ConvertError
from convert.model import Emphasis, Figure, Heading, Link, ListBlock, Note, Paragraph, Quote
from tests.textparse.conftest import run_steps

PARAGRAPH = "The first paragraph of the story is a full sentence that runs long enough."


def test_blocks_of_every_kind() -> None:
    state = run_steps(f"Head\n\nA boat at the main jetty. (PTI)\n\nKOCHI (PTI) - {PARAGRAPH}\n\n## Crosshead\n\n"
                      "- one *two*\n- [three](https://example.org)\n\n> quoted\n\n"
                      "• This article was amended on 7 October to fix a date.\n", "body")
    body = state.body
    assert [type(b) for b in body] == [Figure, Paragraph, Heading, ListBlock, Quote, Note]
    assert body[1].content == (PARAGRAPH,)
    assert body[3].items == (("one ", Emphasis(("two",))), (Link(("three",), "https://example.org"),))
    assert body[5].kind == "correction"
    assert body[5].content[0].startswith("This article was amended")


def test_editors_note_kind() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nEditor's note: An earlier version erred.\n", "body")
    assert state.body[-1] == Note(("Editor's note: An earlier version erred.",), "editors-note")


def test_no_body_is_refused() -> None:
    with pytest.raises(ConvertError) as caught:
        run_steps("Head\n\nBy Ann Lee\n\nMarch 3, 2020\n", "body")
    assert caught.value.code == "no-body"


STUB = ("Harbour board approves ferry subsidy\n\nBy Tom Reilly\n12 March 2019\n\n"
        "Subscribe to continue reading\n\nThis article is for subscribers only.\n\n")


def test_a_paywall_stub_is_refused_naming_the_pitch_line() -> None:
    with pytest.raises(ConvertError) as caught:
        run_steps(STUB + "Already a subscriber? Log in\n", "body")
    assert (caught.value.code, caught.value.line, caught.value.source) == (
        "paywall-stub", 6, "t.txt")
    assert str(caught.value).startswith("t.txt:6: no story")


def test_a_pitch_under_a_story_is_dropped_not_refused() -> None:
    story = ("The harbour board approved a subsidy for the island ferry on Tuesday, keeping "
             "the winter timetable for another three years.")
    state = run_steps(STUB.replace("This article is for subscribers only.", story), "body")
    assert [type(b) for b in state.body] == [Paragraph]
    assert [d.reason for d in state.dropped] == ["subscription"]


def test_a_short_brief_without_a_pitch_is_converted() -> None:
    state = run_steps("Ferry subsidy approved\n\nThe harbour board approved it.\n", "body")
    assert [type(b) for b in state.body] == [Paragraph]
