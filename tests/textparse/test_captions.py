from convert.textparse.captiontext import caption_parts
from tests.textparse.conftest import run_steps

PARAGRAPH = "The first paragraph of the story is a full sentence that runs long enough."


def test_credit_labels_after_and_before_the_text() -> None:
    assert caption_parts("The pool, opened in 1898. Photograph: Alan Brodie/Clyde Images") == (
        "The pool, opened in 1898.", "Alan Brodie/Clyde Images")
    assert caption_parts("Photo: AFP | A man walks past") == ("A man walks past", "AFP")
    assert caption_parts("Image caption The minister arrives") == ("The minister arrives", None)


def test_parenthesised_credit_only_above_the_body() -> None:
    text = "File Photo: A fighter holds the group's flag. (Reuters)"
    assert caption_parts(text) == ("File Photo: A fighter holds the group's flag.", "Reuters")
    assert caption_parts(text, in_header=False) is None
    assert caption_parts("(Reporting by Ann Lee)") is None


def test_step_claims_the_caption_chunk() -> None:
    state = run_steps(f"Head\n\nA boat at the jetty. (PTI)\n\n{PARAGRAPH}\n", "captions")
    assert state.chunks[1].role == "caption"
    assert state.chunks[1].caption == ("A boat at the jetty.", "PTI")
    assert state.meta.source is None


def test_bbc_comma_labels_and_labelled_credit_lines_in_the_body() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nImage source, Getty Images\nImage caption, The "
                      f"striped roofs\n\nPhoto: Norfolk County Council\nTrader outside her "
                      f"stall.\n\nRIPRODUZIONE RISERVATA © Copyright ANSA\n", "captions")
    assert [c.caption for c in state.chunks if c.role == "caption"] == [
        ("The striped roofs", "Getty Images"),
        ("Trader outside her stall.", "Norfolk County Council")]


def test_a_trailer_block_with_a_copyright_line_is_not_a_caption() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nPewarta: Rina Kusuma\nEditor: Budi Santoso\n"
                      f"COPYRIGHT © ANTARA 2023\n", "captions")
    assert not [c for c in state.chunks if c.role == "caption"]


def test_a_credit_in_brackets_loses_its_label() -> None:
    from convert.textparse.captiontext import photo_credit_parts

    assert caption_parts("Aluminium bars stored at a smelter in Siberia. (Foto: Reuters)") == (
        "Aluminium bars stored at a smelter in Siberia.", "Reuters")
    assert photo_credit_parts("A school of sardines. (Image credit: NOAA/Dale Sweetman)") == (
        "A school of sardines.", "NOAA/Dale Sweetman")
    assert photo_credit_parts("The band on stage. (AP Photo/Jo Bloggs)") == (
        "The band on stage.", "AP Photo/Jo Bloggs")


def test_a_line_said_twice_under_the_headline_is_a_caption_without_credit() -> None:
    twice = "The agency's offices in Washington."
    state = run_steps(f"The Headline Of The Story\n\n{twice}\n{twice}\n\n{PARAGRAPH}\n\n"
                      f"{PARAGRAPH}\n", "captions")
    assert [(c.role, c.caption) for c in state.chunks][1] == ("caption", (twice, None))
    # Above the headline (a page's label said twice), it is no caption.
    state = run_steps(f"{twice}\n{twice}\n\nThe Headline Of The Story\n\n{PARAGRAPH}\n\n"
                      f"{PARAGRAPH}\n", "captions")
    assert state.chunks[0].role != "caption"


def test_a_page_footer_with_a_copyright_line_is_no_caption() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nShare: Facebook | Email\nBack to top\n"
                      "© 2024 City of Example. All rights reserved.\n", "captions")
    assert state.chunks[-1].role != "caption"
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nThe old pier at dusk.\n© Jo Bloggs\n", "captions")
    assert state.chunks[-1].caption == ("The old pier at dusk.", "Jo Bloggs")
