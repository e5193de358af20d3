import pytest

from convert.textparse.boilerplate_rules import boilerplate_reason
from tests.textparse.conftest import run_steps

PARAGRAPH = "The first paragraph of the story is a full sentence that runs long enough."


@pytest.mark.parametrize("line, reason", [
    ("Advertisement", "advertisement"), ("Anzeige", "advertisement"),
    ("Also Read: Something else", "read-more"), ("Читайте также: другое", "read-more"),
    ("Related Topics", "related-topics"), ("SUBSCRIBE: Get access for $1", "subscription"),
    ("Share this with Email Facebook Twitter", "share-buttons"),
    ("Media playback is unsupported on your device", "video-placeholder"),
    ("ENDS", "end-mark"), ("-30-", "end-mark"), ("###", "end-mark"),
    ("* * *", "thematic-break"), ("©2020 Bloomberg L.P.", "copyright"),
    ("(Adds CFO comments, share reaction)", "wire-advisory"),
    ("(Reporting by A; Editing by B)", "credit-trailer"), ("(With inputs from PTI)", "credit-trailer"),
    ("Jo Bloggs in Ames contributed to this report.", "contributor-credit"),
    ("To contact the reporter on this story:", "contact"),
    ("(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)",
     "syndication-disclaimer"),
    ("【责任编辑：陈静】", "editor-credit"),
    ("责任编辑：王丽", "editor-credit"), ("Edição: Carlos Mendes", "editor-credit"),
    ("Läs också: Nya cykelbanor", "read-more"), ("関連記事：東北の観光地", "read-more"),
    ("Lire aussi : Bruxelles prolonge", "read-more"), ("यह भी पढ़ें: मेट्रो", "read-more"),
    ("RIPRODUZIONE RISERVATA © Copyright ANSA", "copyright"),
    ("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", "copyright"),
    ("Additional reporting by Ciarán Doyle", "contributor-credit"),
    ("Email the newsdesk: news@example.ie", "contact"),
    ("AP-WS-09-20-02 1432EDT", "transmission-stamp"),
    ("APA0123 2022-03-14/10:15", "transmission-stamp"), ("(Schluss) abc/xyz", "end-mark"),
    ("（編輯：林大華）1120505", "editor-credit"), ("Xem thêm: Hà Nội mở thêm", "read-more"),
])
def test_boilerplate_kinds(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Related to this, the minister said more.", "Print media is changing fast, she said.",
    "The hearing continues.", "Share prices rose on Monday.",
    "Edited by volunteers, the guide was printed in 1998.", "Editor: a job for life.",
])
def test_sentences_are_not_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_step_drops_with_reasons_keeps_facts_and_trailers() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nAdvertisement\n\n{PARAGRAPH}\n\n"
                      "(With inputs from PTI)\n\n© 2021 Example News\n\n###\n\nAbout us: stuff\n\n"
                      "ble/fm/sd\n", "boilerplate")
    assert [(d.line, d.reason) for d in state.dropped] == [
        (5, "advertisement"), (9, "credit-trailer"), (11, "copyright"), (13, "end-mark"),
        (15, "after the end mark"), (17, "after the end mark")]
    assert (state.meta.source, state.meta.copyright) == ("PTI", "© 2021 Example News")
    assert state.warnings == []


def test_trailing_desk_codes_and_debris() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n.\n\ndpa ale yyhh n1 bsc\n", "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [
        (".", "scraping debris"), ("dpa ale yyhh n1 bsc", "desk code")]


def test_agency_credit_line_gives_the_source() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\n(ANSA).\n", "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [("(ANSA).", "agency credit")]
    assert state.meta.source == "ANSA"


@pytest.mark.parametrize("trailer", ["EFE abc/xyz", "AAP lo/dm", "ann/ mhr/", "ab/sd"])
def test_desk_codes_with_an_agency_or_spaced_slashes(trailer: str) -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\n{trailer}\n", "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [(trailer, "desk code")]


@pytest.mark.parametrize("sign_off, agency", [("==Kyodo", "Kyodo"), ("--IANS", "IANS")])
def test_agency_sign_off_lines(sign_off: str, agency: str) -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\n{sign_off}\n", "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [(sign_off, "agency credit")]
    assert state.meta.source == agency


STORY = ("Un titre ici\n\nPremier paragraphe de l'article, qui raconte une histoire assez "
         "longue pour compter.\n\nDeuxième paragraphe de l'article, qui continue.\n\n")


@pytest.mark.parametrize("closing, source", [
    ("Avec les informations de l'AFP", "AFP"),
    ("(इनपुट: भाषा)", None),
    ("Źródło: PAP", "PAP"),
    ("/AFP/", "AFP"),
])
def test_a_closing_credit_is_dropped_and_names_the_source(closing: str, source: str | None
                                                          ) -> None:
    from convert import api

    doc = api.read((STORY + closing + "\n").encode("utf-8"))
    assert [d.reason for d in doc.provenance.dropped] == ["closing credit"]
    assert len(doc.body) == 2 and doc.source == source


@pytest.mark.parametrize("trailer", [
    ["mrs mad"], ["ABC // MSF", "Lusa/Fim"], ["(Red-Mar/Adnkronos)"], ["م ع ح / ر ض"],
    ["UPI 03-12-83 02:14 PES"],
])
def test_short_lines_after_the_last_sentence_are_sign_offs(trailer: list[str]) -> None:
    from convert import api

    doc = api.read((STORY + "\n\n".join(trailer) + "\n").encode("utf-8"))
    assert [(d.text, d.reason) for d in doc.provenance.dropped] == [
        (line, "sign-off") for line in trailer]
    assert len(doc.body) == 2


@pytest.mark.parametrize("trailer", [
    ["Contacts", "Media:\nLena Ortiz\n+1 509-555-0142"],
    ["from Voice of America http://ift.tt/1R2RDAn\nvia IFTTT"],
    ["Available in:"],
    ["【問い合わせ先】\n道路局高速道路課\u3000山田\u3000太郎\nTEL：03-5253-8111（内線37312）"],
    ["UPI 03/05 02:32 PES\nNNNN"],
    ["Aqra wkoll: Toroq ġodda f'Ħal Qormi"],
    ["இதையும் படிக்க: கோவையில் புதிய மேம்பாலம் திறப்பு", "(இன்புட்: பிடிஐ)"],
])
def test_blocks_of_short_trailer_lines_after_the_last_sentence_are_sign_offs(
        trailer: list[str]) -> None:
    from convert import api

    doc = api.read((STORY + "\n\n".join(trailer) + "\n").encode("utf-8"))
    dropped = sorted(doc.provenance.dropped, key=lambda d: d.line)
    assert [d.text for d in dropped] == "\n".join(trailer).split("\n")
    assert {d.reason for d in dropped} - {"contact"} == {"sign-off"}
    assert len(doc.body) == 2


def test_the_words_of_a_contact_block_in_the_trailer_name_no_source() -> None:
    from convert import api

    doc = api.read((STORY + "Media:\nLena Ortiz\n+1 509-555-0142\n").encode("utf-8"))
    assert len(doc.provenance.dropped) == 3 and doc.source is None


@pytest.mark.parametrize("last", [
    "The road goes on and on\nthrough the hills and far away",
    "WHAT:            2013 Atlantic hurricane season outlook news conference",
])
def test_short_lines_of_running_text_after_the_story_stay_body(last: str) -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\n{last}\n", "boilerplate")
    assert state.dropped == []


def test_a_one_word_sign_off_names_the_source_last() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nReuter\n", "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [("Reuter", "sign-off")]
    assert state.meta.source == "Reuter"


@pytest.mark.parametrize("last", [
    "What happens next is up to the voters", "Photo gallery of the day",
])
def test_a_short_last_line_after_an_unfinished_paragraph_stays_body(last: str) -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nThe list goes on\n\n{last}\n", "boilerplate")
    assert state.dropped == []


def test_header_lines_no_step_read_are_dropped_with_their_role() -> None:
    state = run_steps(f"Head of the story\n\nRELEASE: 94-121\n\n{PARAGRAPH}\n", "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [
        ("RELEASE: 94-121", f"header {state.roles[3]} line that no field took")]
    assert state.roles[3] != "body"


def test_a_reporters_contact_line_and_the_end_mark_are_the_trailer() -> None:
    from convert import api

    doc = api.read((STORY + "-By Laura Brennan, Dow Jones Newswires; 201-938-5400; "
                    "laura.brennan@dowjones.com\n\n(END) Dow Jones Newswires\n").encode("utf-8"))
    assert [d.reason for d in doc.provenance.dropped] == ["sign-off", "sign-off"]
    assert len(doc.body) == 2


def test_a_contact_in_brackets_glued_to_the_last_sentence_is_dropped() -> None:
    from convert import api

    doc = api.read((STORY + "The plan is online. (For more information: Veerle Nuyts – Tel.: "
                    "+32 2 29\n96302; Enda McNamara – Tel.: +32 229 64976)\n").encode("utf-8"))
    assert [d.reason for d in doc.provenance.dropped] == ["contact after the text"] * 2
    assert doc.body[-1].content == ("The plan is online.",)


def test_sign_off_lines_under_the_last_sentence_with_no_blank_line_are_the_sign_off() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nThe works start in May.\n(XYZ)\nRed/Bol\n",
                      "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [
        ("(XYZ)", "sign-off"), ("Red/Bol", "sign-off")]
    assert [c.text for c in state.chunks if c.role is None][-1] == "The works start in May."


def test_a_date_time_group_under_the_sign_off_is_the_publication_time() -> None:
    from convert import api

    doc = api.read(f"Head\n\n{PARAGRAPH}\n\nThe works start in May.\n(XYZ)\nRed/Bol\n"
                   "141530 MAR 24\n".encode("utf-8"))
    assert doc.published == "2024-03-14T15:30:00"
    assert [(d.text, d.reason) for d in doc.provenance.dropped] == [
        ("(XYZ)", "sign-off"), ("Red/Bol", "sign-off")]
    assert doc.body[-1].content == ("The works start in May.",)
    # Short lines of the story itself stay.
    kept = run_steps(f"Head\n\n{PARAGRAPH}\nAnd then it rained on all of them\n", "boilerplate")
    assert kept.dropped == []


def test_desk_initials_glued_after_the_last_sentence_and_initials_that_sign_off() -> None:
    last = "Prices rose sharply on the London Metal Exchange after the sanctions were announced."
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\n{last} [ab/cd]\n\n(XYZ) A. B.\n", "boilerplate")
    assert [(d.text, d.reason) for d in state.dropped] == [
        ("[ab/cd]", "desk code after the text"), ("(XYZ) A. B.", "sign-off")]
    assert [c.text for c in state.chunks if c.role is None][-1] == last
    # A last sentence ending in a short word is no sign-off.
    kept = run_steps(f"Head\n\n{PARAGRAPH}\n\nA ticket costs 2 KM.\n", "boilerplate")
    assert kept.dropped == []


def test_a_menu_of_links_or_choices_under_the_story_is_dropped() -> None:
    state = run_steps(f"Head\n\n{PARAGRAPH}\n\nShare this page: Facebook | X | Email\n\n"
                      "Was this page helpful? Yes / No\n", "boilerplate")
    assert [d.reason for d in state.dropped] == ["sign-off", "sign-off"]
    kept = run_steps(f"Head\n\n{PARAGRAPH}\n\nThe talks between the union and the firm "
                     "went on / into the night\n", "boilerplate")
    assert kept.dropped == []


def test_a_sentence_the_sequence_alone_called_header_is_dropped_only_above_the_headline() -> None:
    from convert.textparse.steps.boilerplate import boilerplate

    notice = "If this e-mail does not display properly, please click here."
    for headline_line, dropped in ((3, [notice]), (None, [])):
        state = run_steps(f"{notice}\n\nThe Title\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", "blocks")
        chunks = {chunk.line: chunk for chunk in state.chunks}
        state.roles[1] = "slugline"  # a role no feature of the line supports
        state.unsupported_roles.add(1)
        if headline_line is not None:
            state.header_headline = chunks[headline_line].lines
            chunks[headline_line].role = "headline"
        state.header_body = chunks[5]
        boilerplate(state)
        assert [d.text for d in state.dropped] == dropped


def test_a_menu_above_the_story_is_dropped_whatever_its_role() -> None:
    from convert.textparse.boilerplate_rules import is_menu

    assert is_menu("Home | News | Events | Contact", 3) and is_menu("Yes / No")
    assert not is_menu("Politics | Europe", 3)
    assert not is_menu("Published 12 March 2024 | Updated 13 March 2024")
    from convert.textparse.steps.boilerplate import boilerplate

    state = run_steps(f"The Title Of It\n\nHome | News | Events | Contact\n\n{PARAGRAPH}\n\n"
                      f"{PARAGRAPH}\n", "blocks")
    state.chunks[0].role = "headline"
    state.roles.update({1: "headline", 3: "standfirst", 5: "body"})
    state.header_body = state.chunks[2]
    boilerplate(state)
    assert [(d.text, d.reason) for d in state.dropped] == [
        ("Home | News | Events | Contact", "a menu above the story")]
