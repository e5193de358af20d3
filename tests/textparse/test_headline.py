from tests.textparse.conftest import run_steps

PARAGRAPH = "The first paragraph of the story is a full sentence that runs long enough."


def test_headline_prefixes_and_markup_removed() -> None:
    assert run_steps("UPDATE 1-Firm cuts outlook\n\nBody.\n", "headline").meta.headline == \
        "Firm cuts outlook"
    assert run_steps("# Title here\n\n## Deck line\n\nBody.\n", "headline").meta.subheadline == \
        "Deck line"
    assert run_steps("Smith &amp; Sons<br>\n\nBody.\n", "headline").meta.headline == "Smith & Sons"


def test_repeated_headline_is_claimed_once() -> None:
    state = run_steps(f"Same words\n\nSame words\n\n{PARAGRAPH}\n", "headline")
    assert [c.role for c in state.chunks] == ["headline", "repeated-headline", None]


def test_standfirst_without_full_stop_is_the_subheadline() -> None:
    state = run_steps(f"Head\n\nA deck that sets the scene without a stop\n\n{PARAGRAPH}\n",
                      "headline")
    assert state.meta.subheadline == "A deck that sets the scene without a stop"


def test_first_paragraph_is_not_a_subheadline() -> None:
    assert run_steps(f"Head\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", "headline").meta.subheadline is None


def test_boilerplate_and_bylines_are_not_headline_or_deck() -> None:
    state = run_steps(f"FOR IMMEDIATE RELEASE\n\nHead\n\nBy Ann Lee\n\n{PARAGRAPH}\n", "headline")
    assert (state.meta.headline, state.meta.subheadline) == ("Head", None)


def test_no_headline_when_the_text_starts_with_a_long_paragraph() -> None:
    state = run_steps(("A long opening sentence that is clearly body text. " * 6) + "\n",
                      "headline")
    assert state.meta.headline is None
    assert [w.code for w in state.warnings] == ["no-headline"]


def test_a_version_prefix_with_a_colon_is_removed() -> None:
    from tests.textparse.conftest import run_steps
    state = run_steps("UPDATE: Harlan Rail Q4 Net Rises 12%\n\nHarlan Rail Corp. said fourth-quarter "
                      "net income rose 12% as freight volumes recovered.\n", "headline")
    assert state.meta.headline == "Harlan Rail Q4 Net Rises 12%"
    assert "sig:update" in state.meta.signals


def test_a_headline_set_over_lines_in_capitals_is_one_headline() -> None:
    body = ("SCRANTON, Pa., Sept. 16. The strike order to the trackmen was issued\n"
            "tonight and went into effect at six o'clock, the union said.\n")
    state = run_steps(f"TRACKMEN ON THE\nLACKAWANNA GO OUT\n{body}", "bylines")
    assert state.meta.headline == "TRACKMEN ON THE LACKAWANNA GO OUT"
    assert state.meta.bylines == []
    # A line in capitals that opens a header line of its own stays apart.
    state = run_steps(f"TRACKMEN GO OUT\nBY JOHN SMITH\n\n{PARAGRAPH}\n", "bylines")
    assert state.meta.headline == "TRACKMEN GO OUT"


def test_a_deck_line_in_lower_case_carries_on_the_line_above_it() -> None:
    state = run_steps("CABLE OPENING\nPresident and Governor Likely\nto Exchange Messages on July 4."
                      f"\n{PARAGRAPH}\n", "headline")
    assert state.meta.headline == "CABLE OPENING"
    assert state.meta.subheadline == "President and Governor Likely to Exchange Messages on July 4."


def test_the_title_line_under_an_e_mail_header_is_the_headline_without_the_subjects_tag() -> None:
    state = run_steps("From: Press Office <press@example.org>\nTo: desk@example.com\n"
                      "Subject: [RELEASE] Harbour opens a robotics school\n"
                      "Date: Thu, 14 Mar 2024 10:32:05 -0300\nContent-Type: text/plain\n\n"
                      "Harbour opens a robotics school\n\n"
                      "Free places for 1,200 pupils of public schools every year\n\n"
                      f"{PARAGRAPH}\n", "headline")
    assert state.meta.headline == "Harbour opens a robotics school"
    assert state.meta.subheadline == "Free places for 1,200 pupils of public schools every year"
