from convert.textparse.layout import table_rows
from tests.textparse.conftest import run_steps


def shapes(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in run_steps(text, "blocks").chunks]


def test_blank_lines_separate_and_wrapped_lines_join() -> None:
    assert shapes("Head\n\nOne two\nthree.\n\n\nFour.\n") == [
        ("text", "Head"), ("text", "One two three."), ("text", "Four.")]


def test_indentation_marks_paragraphs() -> None:
    text = "Head\n\n\tFirst one.\n\tSecond one.\n\u3000\u3000第三段。\n"
    assert [t for _, t in shapes(text)] == ["Head", "First one.", "Second one.", "第三段。"]


def test_indented_block_in_a_blank_line_file_is_a_quote() -> None:
    prose = "This is a long paragraph of ordinary prose that goes on for a while. " * 2
    kinds = shapes(f"Head\n\n{prose}\n\n    “A pulled sentence.”\n\n{prose}\n")
    assert [k for k, _ in kinds] == ["text", "text", "quote", "text"]


def test_markdown_quotes_lists_and_breaks() -> None:
    assert shapes("> quoted\n> more\n\n- one\n- two\n  wrapped\n\n---\n\n1. a\n2. b\n") == [
        ("quote", "quoted more"), ("item", "one"), ("item", "two wrapped"), ("text", "---"),
        ("item", "a"), ("item", "b")]


def test_a_lone_numbered_line_is_text() -> None:
    assert shapes("Head\n\n2. Bundesliga starts today.\n") == [
        ("text", "Head"), ("text", "2. Bundesliga starts today.")]


def test_html_paragraphs_and_double_breaks_end_paragraphs() -> None:
    assert [t for _, t in shapes("<p>One</p><p>Two<br>still two<br/><br />Three</p>")] == [
        "One", "Two still two", "Three"]


def test_lone_punctuation_line_is_its_own_chunk() -> None:
    assert shapes("Last words. \n.") == [("text", "Last words."), ("text", ".")]


def test_header_lines_above_indented_wire_paragraphs_stand_alone() -> None:
    text = ("BC-Grain Silo Mural,0412\nFarmers' grain silo becomes giant mural\n"
            "   DES MOINES, Iowa (AP) _ A 120-foot grain silo outside Des Moines is\n"
            "now one of the largest murals in the Midwest, after six artists spent\n"
            "three months painting.\n   The project was paid for by a county grant.\n")
    assert [t for _, t in shapes(text)] == [
        "BC-Grain Silo Mural,0412", "Farmers' grain silo becomes giant mural",
        "DES MOINES, Iowa (AP) _ A 120-foot grain silo outside Des Moines is now one of the "
        "largest murals in the Midwest, after six artists spent three months painting.",
        "The project was paid for by a county grant."]


def test_an_unindented_wrapped_first_paragraph_stays_whole() -> None:
    text = ("Headline here\nA first paragraph that is wrapped at a width of some sixty\n"
            "characters and goes on to the next line.\n\tThe second paragraph is indented.\n"
            "\tSo is the third one.\n")
    assert [t for _, t in shapes(text)] == [
        "Headline here", "A first paragraph that is wrapped at a width of some sixty characters "
        "and goes on to the next line.", "The second paragraph is indented.", "So is the third one."]


def test_paragraphs_indented_deeper_than_their_wrapped_lines() -> None:
    text = ("DUTCH BULB GROWERS EXPECT RECORD EXPORT SEASON\n"
            "     LISSE, Netherlands, March 12 - Dutch flower bulb growers\n"
            "  expect record exports this spring after a mild winter, the\n"
            "  growers' association said.\n"
            "     It said exports of tulip and hyacinth bulbs could rise by ten\n"
            "  pct to about 1.3 billion guilders in the season to June.\n"
            " Reuter\n")
    assert [c.text for c in run_steps(text, "blocks").chunks] == [
        "DUTCH BULB GROWERS EXPECT RECORD EXPORT SEASON",
        "LISSE, Netherlands, March 12 - Dutch flower bulb growers expect record exports this "
        "spring after a mild winter, the growers' association said.",
        "It said exports of tulip and hyacinth bulbs could rise by ten pct to about 1.3 "
        "billion guilders in the season to June.",
        "Reuter"]


def test_an_unindented_line_after_an_indented_paragraph_s_last_sentence() -> None:
    text = ("   The comet, which has not yet been named, was spotted Friday night\n"
            "on photographic plates taken with a 48-inch telescope.\n"
            "   Scientists said there is no danger.\n"
            "UPI 03-12-83 02:14 PES\n")
    assert [c.text for c in run_steps(text, "blocks").chunks][-2:] == [
        "Scientists said there is no danger.", "UPI 03-12-83 02:14 PES"]


def test_indented_table_rows_are_one_table() -> None:
    chunks = run_steps("HEAD\n     CHICAGO, March 12 - Qtr ended Feb 28\n"
                       "         Shr 41 cts vs 36 cts\n         Net 5,210,000 vs 4,580,000\n"
                       "         Revs 88.4 mln vs 81.9 mln\n", "blocks").chunks
    assert [c.kind for c in chunks][-1] == "table" and len(chunks[-1].cells) == 3


LONG = ("Heute hat in Rumänien die Parlamentswahl begonnen, und etwa 18 Millionen Menschen "
        "sind aufgefordert, ihre Stimme abzugeben.")


def test_a_line_short_of_its_block_where_the_next_word_fits_ends_a_paragraph() -> None:
    text = f"Chinesische Ausgabe gestartet\n{LONG}\n\nSo weit die Nachricht.\n{LONG}\n"
    assert [t for _, t in shapes(text)] == [
        "Chinesische Ausgabe gestartet", LONG, "So weit die Nachricht.", LONG]


def test_hard_wrapped_lines_a_carrying_on_line_and_a_caption_stay_one_block() -> None:
    wrapped = ("Digital Turbine, Inc. ( https://www.digitalturbine.com/ ) (Nasdaq: APPS), a\n"
               "leader in mobile monetization solutions, today announced a strategic\n"
               "solution, Pay(TM) ( https://www.digitalturbine.com/products/pay/ ), with\n"
               "Axiata's Mobile Internet Fulfillment Exchange (MIFE) platform, enabling a.\n")
    assert len(shapes(wrapped)) == 1
    assert len(shapes(f"NAKURU, Kenya, March 12 —\n{LONG}\n")) == 1
    assert len(shapes("Photo: Norfolk County Council\nTrader Jenny Palmer outside her fruit "
                      "and vegetable stall.\n")) == 1


def test_in_a_file_of_one_line_paragraphs_a_block_of_lines_is_lines() -> None:
    block = ["aus Wikinews, einem freien Wiki für Nachrichten", "Wechseln zu: Navigation, Suche",
             "Veröffentlicht: 18:33, 9. Dez. 2012 (CET)",
             "Bitte keine inhaltlichen Veränderungen vornehmen."]
    text = "Titel\n\n" + "\n".join(block) + f"\n\n{LONG}\n\n{LONG}\n"
    assert [t for _, t in shapes(text)][1:5] == block


def test_a_table_with_a_header_row_and_right_aligned_figures_is_one_table() -> None:
    rows = ["                            Q4 2018     Q4 2017    Change",
            "  Net sales ($ millions)      412.5       389.2     +6.0%",
            "  Operating income             38.1        35.7     +6.7%"]
    chunks = run_steps("Results\n\nThe company said:\n\n" + "\n".join(rows) + "\n",
                       "blocks").chunks
    assert chunks[-1].kind == "table" and chunks[-1].cells == [
        ["", "Q4 2018", "Q4 2017", "Change"],
        ["Net sales ($ millions)", "412.5", "389.2", "+6.0%"],
        ["Operating income", "38.1", "35.7", "+6.7%"]]
    assert table_rows(["Net sales      412.5       389.2", "Operating income      38.1  35.7"]
                      ) is None  # figures neither starting nor ending together


def test_double_dashed_items_in_a_run_are_a_list_and_wrapped_items_go_on() -> None:
    text = ("Briefing participants are:\n-- Alan Stern, NASA associate administrator, Science\n"
            "Directorate, Headquarters\n-- Jeff Moore, Ames Research Center\n")
    assert shapes(text) == [
        ("text", "Briefing participants are:"),
        ("item", "Alan Stern, NASA associate administrator, Science Directorate, Headquarters"),
        ("item", "Jeff Moore, Ames Research Center")]
    assert shapes("The story ends here.\n\n-- BERNAMA\n")[-1] == ("text", "-- BERNAMA")


def test_a_short_line_whose_sentence_goes_on_below_shows_ragged_widths() -> None:
    # Type set in proportional letters, then OCR'd: line widths in characters say nothing
    # of paragraphs.  The deck's two lines join (the second opens in lower case) and the
    # story under them stays one paragraph, short lines and all.
    story = ["Berlin. May 3. The new tramway across the",
             "river was opened to-day by the mayor,",
             "who rode in the first car with the council.",
             "It ran smoothly.",
             "The second line will follow before the end of the year, the",
             "engineers say."]
    text = "TRAMWAY OPENED\nMayor Rides the First Car\nacross the River.\n" + "\n".join(story)
    assert [t for _, t in shapes(text)] == [
        "TRAMWAY OPENED", "Mayor Rides the First Car across the River.", " ".join(story)]


def test_a_field_key_in_lower_case_is_no_sentence_going_on() -> None:
    text = ("Feed item 8812\ntitle: Port opens berth\nlink: https://example.org/a\n"
            "guid: 8812\ndescription:\n" + LONG + "\n")
    assert len(shapes(text)) > 1


def test_long_lines_ending_sentences_in_a_file_that_never_breaks_one_are_paragraphs() -> None:
    first = "The first paragraph of the story runs on one line, " * 3 + "as pages do."
    second = "A second, much shorter paragraph follows on the next line, at its own width."
    text = f"Heading\n{first}\n{second}\n{first}\n"
    assert [t for _, t in shapes(text)] == ["Heading", first, second, first]
    quoted = f"“{first}”"  # a paragraph closing a quotation ends a sentence too
    assert [t for _, t in shapes(f"Heading\n{quoted}\n{second}\n{quoted}\n")] == [
        "Heading", quoted, second, quoted]
    # A file that hard-wraps long lines elsewhere keeps a block of them whole.
    wrapped = f"{first}\n{second} and then\nthe end.\n\n{first} and\n{second}\n"
    assert [t for _, t in shapes(wrapped)][0] == f"{first} {second} and then the end."


def test_a_block_of_one_line_said_over_and_over_is_a_dropped_placeholder() -> None:
    state = run_steps("Image tile\nImage tile\nImage tile\n\nThe Title\n\n" + LONG + "\n",
                      "blocks")
    assert [c.text for c in state.chunks if c.role is None] == ["The Title", LONG]
    assert [d.text for d in state.dropped] == ["Image tile"] * 3
    assert [c.role for c in run_steps("Yes\nYes\n\n" + LONG + "\n", "blocks").chunks] == [
        None, None]


def test_a_short_first_line_opening_several_blocks_is_their_label_not_a_line_of_its_own() -> None:
    ask = "What will the plan change for the people who use the line every day, minister?"
    say = "It will change a great deal, and sooner than most of them expect, I believe."
    text = f"Head\n\nINTERVIEWER\n{ask}\n\nTHE MINISTER\n{say}\n\nINTERVIEWER\n{say}\n"
    assert [t for _, t in shapes(text)] == [
        "Head", f"INTERVIEWER {ask}", f"THE MINISTER {say}", f"INTERVIEWER {say}"]
    # Once only, a short line above a paragraph is a line of its own.
    assert [t for _, t in shapes(f"Head\n\nThe Title\n{ask}\n")] == ["Head", "The Title", ask]


def test_a_header_row_of_words_over_three_columns_opens_the_table() -> None:
    rows = ["Party            Seats   Votes (%)",
            "Social Democrats    41        28.1",
            "Greens              18        12.9"]
    assert table_rows(rows) == [["Party", "Seats", "Votes (%)"],
                                ["Social Democrats", "41", "28.1"], ["Greens", "18", "12.9"]]
    # Over two columns, a line of words is no header row: the figures are the table.
    assert table_rows(["Name      Town", "Ann Lee     41", "Bo Chan     18"]) is None


def test_a_block_whose_every_line_ends_a_sentence_is_a_paragraph_a_line() -> None:
    lines = ["The ferry will run twice a day from May.", "Tickets cost four euros.",
             "Children under six travel free, the operator said."]
    assert [t for _, t in shapes("Head\n\n" + "\n".join(lines) + "\n")] == ["Head", *lines]
    # Two such lines may be one hard-wrapped paragraph whose first line ends a sentence.
    two = ["The ferry will run twice a day from May, the operator said.",
           "Tickets cost four euros for adults, and less for the young."]
    assert len(shapes("Head\n\n" + "\n".join(two) + "\n")) == 2


def test_a_sentence_going_on_below_a_short_line_keeps_one_line_paragraphs_apart() -> None:
    first = ("The first paragraph of the story runs on one line as the pages of this site "
             "do, and it ends right here.")
    top = ["Kept in the archive of the",
           "ministry press office and updated on every working day by the staff on duty there",
           "who read the wires and the papers and put the stories on the site for everyone who"]
    chunks = [t for _, t in shapes("\n".join([*top, first, first, first]) + "\n")]
    assert chunks == [" ".join([*top, first]), first, first]


def test_a_title_case_deck_opening_a_block_ends_at_its_full_stop() -> None:
    lines = ["THE GREAT FIRE AT", "MILLTOWN.", "Loss Estimated at Half a Million",
             "Dollars-Many Families Homeless.", "MILLTOWN, Ore., Aug. 3.-Fire which",
             "started in a livery stable early this morn-", "ing swept through the business",
             "district and destroyed forty buildings."]
    chunks = [t for _, t in shapes("\n".join(lines) + "\n")]
    assert chunks[-2:] == [" ".join(lines[2:4]), " ".join(lines[4:])]
    # A block opening in sentence case is untouched.
    assert len(shapes("The mayor of Milltown opened the new Fire Station.\nThe crowd on "
                      "Main Street cheered him all the way home.\n")) == 1
