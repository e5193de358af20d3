import pytest

from tests.textparse.conftest import run_steps

PARAGRAPH = "The first paragraph of the story is a full sentence that runs long enough."


def names(text: str) -> list[tuple[str, str | None]]:
    return [(b.name, b.role) for b in run_steps(text, "bylines").meta.bylines]


def test_by_lines_with_titles_and_agencies() -> None:
    assert names(f"Head\n\nBy Martin Okafor, staff reporter\n\n{PARAGRAPH}\n") == [
        ("Martin Okafor", "staff reporter")]
    state = run_steps(f"Head\n\nBy Rebecca Thornton, PA\n\n{PARAGRAPH}\n", "bylines")
    assert ([b.name for b in state.meta.bylines], state.meta.source) == (["Rebecca Thornton"], "PA")
    state = run_steps(f"Head\n\nBy Nicole Brennan\nTHE CANADIAN PRESS\n\n{PARAGRAPH}\n", "bylines")
    assert state.meta.source == "THE CANADIAN PRESS"


def test_lead_words_in_other_languages_and_markdown() -> None:
    assert names(f"Kopf\n\nVon Anna Lehmann, dpa\n\n{PARAGRAPH}\n") == [("Anna Lehmann", None)]
    assert names(f"Head\n\n*By Helena Ortiz and Sam Whitfield*\n\n{PARAGRAPH}\n") == [
        ("Helena Ortiz", None), ("Sam Whitfield", None)]


def test_name_line_under_the_headline() -> None:
    assert names(f"Head\n\nKirsty MacLeod and Euan Grant\n\n{PARAGRAPH}\n") == [
        ("Kirsty MacLeod", None), ("Euan Grant", None)]


def test_wire_trailer_reporters_not_editors() -> None:
    assert names(f"Head\n\n{PARAGRAPH}\n\n(Reporting by Tobias Reinhardt and Ann Lee in Oslo; "
                 "Additional reporting by Cy Dee; Editing by Caroline Ashby)\n") == [
        ("Tobias Reinhardt", None), ("Ann Lee", None)]
    assert names(f"عنوان\n\n{PARAGRAPH}\n\n(تغطية صحفية سامي يوسف - تحرير ليلى منصور)\n") == [
        ("سامي يوسف", None)]


def test_body_sentences_starting_with_by_are_not_bylines() -> None:
    assert names(f"Head\n\n{PARAGRAPH}\n\nBy 1978, they had won a talent contest.\n") == []
    assert names(f"Head\n\nEdited by Kavita Rao\n\n{PARAGRAPH}\n") == []


def test_title_agency_and_place_after_the_name_are_not_names() -> None:
    state = run_steps("Head\n\nPor Ana Paula Souza - Repórter da Agência Brasil - São Paulo\n\n"
                      "O Metrô de São Paulo vai funcionar até as 2h da manhã, informou hoje.\n",
                      "bylines")
    assert [b.name for b in state.meta.bylines] == ["Ana Paula Souza"]
    assert state.meta.source == "Agência Brasil"


def test_agency_after_a_slash() -> None:
    state = run_steps("Head\n\nAv Erik Lindqvist/TT\n\nVästtrafik kommer att köra färjor "
                      "över Göta älv hela natten under sommaren.\n", "bylines")
    assert [b.name for b in state.meta.bylines] == ["Erik Lindqvist"]
    assert state.meta.source == "TT"


@pytest.mark.parametrize("line, name", [
    ("Oleh Budi Santoso", "Budi Santoso"),
    ("Szerző: Kovács Anna", "Kovács Anna"),
    ("Autor: Jan Novák", "Jan Novák"),
    ("Skrevet av Kari Nordmann", "Kari Nordmann"),
])
def test_byline_lead_words_of_other_languages_are_not_part_of_the_name(line: str, name: str
                                                                         ) -> None:
    from convert import api

    doc = api.read(f"Kereta baru mulai beroperasi\n\n{line}\n\nParagraf pertama dari berita "
                   f"ini cukup panjang untuk dihitung sebagai teks.\n".encode())
    assert [b.name for b in doc.bylines] == [name]


@pytest.mark.parametrize("line, expected", [
    ("Na Juma Mrisho, Dodoma", ["Juma Mrisho"]),
    ("Per Marta Vilaró i Pere Costa", ["Marta Vilaró", "Pere Costa"]),
    ("Ni Maria Santos", ["Maria Santos"]),
    ("מאת דנה לוי", ["דנה לוי"]),
])
def test_short_lead_words_no_list_names(line: str, expected: list[str]) -> None:
    assert [name for name, _ in names(f"Head of the story\n\n{line}\n\n{PARAGRAPH}\n")] == expected


@pytest.mark.parametrize("text", [
    "Ann Smith and Jo Brown", "FOR IMMEDIATE RELEASE", "한강 수상버스 내년 봄 운항 시작",
    "Li Wei",
])
def test_short_first_words_that_are_not_lead_ins(text: str) -> None:
    from convert.textparse.names import short_lead
    assert short_lead(text) == 0


def test_credits_of_several_kinds_on_one_line_are_all_kept() -> None:
    state = run_steps(f"Head\n\nWritten by Niamh Brennan; edited by Orla Byrne\n\n{PARAGRAPH}\n",
                      "bylines")
    assert [b.name for b in state.meta.bylines] == ["Niamh Brennan"]
    assert "Orla Byrne" in state.meta.extra.values()


def test_two_names_on_either_side_of_a_slash() -> None:
    assert [n for n, _ in names(f"Head\n\nBy Dwayne Brown/Tabatha Thompson\n\n{PARAGRAPH}\n")] == [
        "Dwayne Brown", "Tabatha Thompson"]
    assert [n for n, _ in names(f"Head\n\nBy Ana Souza - São Paulo\n\n{PARAGRAPH}\n")] == [
        "Ana Souza"]


def test_a_name_line_with_its_agency_under_the_headline() -> None:
    state = run_steps("Ferry service approved\n\nJane Doyle, The Canadian Press\n\nHALIFAX — "
                      "The province approved a second ferry on Tuesday, officials said.\n",
                      "bylines")
    assert [b.name for b in state.meta.bylines] == ["Jane Doyle"]
    assert state.meta.source == "The Canadian Press"


def test_an_agency_after_a_byline_lead_is_the_source() -> None:
    state = run_steps("Bus terminus opens\n\nBy KNA\n\nThe county opened a new bus terminus "
                      "near the town centre on Tuesday, officials said.\n", "bylines")
    assert state.meta.bylines == [] and state.meta.source == "KNA"


def test_a_reporter_title_after_a_name_in_a_caseless_script_is_not_the_name() -> None:
    state = run_steps("부산 지하철 3호선 연장 구간 개통\n\n이서연 기자\n\n부산교통공사는 5일 도시철도 2호선 "
                      "연장 구간이 개통했다고 밝혔다.\n", "bylines")
    assert [b.name for b in state.meta.bylines] == ["이서연"]


def test_trailer_credits_labelled_with_a_colon_after_the_agency() -> None:
    state = run_steps("Metroul din Cluj\n\nPrimăria a semnat contractul pentru proiectarea primei "
                      "linii de metrou, au anunţat oficialii.\n\nAGERPRES/(AS - autor: Ana Pop, "
                      "editor: Mihai Popa)\n", "bylines")
    assert [b.name for b in state.meta.bylines] == ["Ana Pop"]


def test_a_short_lead_in_with_vowel_signs_in_a_script_without_case() -> None:
    state = run_steps("ក្រុងសៀមរាប នឹងបើកផ្លូវថ្មី ៣ ខ្សែ\n\nដោយ ចាន់ សុភា\n\nសាលាខេត្តបានប្រកាសថា "
                      "ផ្លូវថ្មីនឹងបើកនៅខែក្រោយ។\n", "bylines")
    assert [b.name for b in state.meta.bylines] == ["ចាន់ សុភា"]


def test_a_particle_is_no_surname() -> None:
    from convert.textparse.names import is_name
    assert not is_name("Prononcé le") and is_name("Jan van der Merwe")


def test_a_lead_in_no_list_has_shows_its_shape() -> None:
    # A one-word label and a colon, or words ending in a lower-case one, before names.
    assert names(f"Sarlavha\n\nYozgan: Dilnoza Rahimova\n\n{PARAGRAPH}\n") == [
        ("Dilnoza Rahimova", None)]
    assert names(f"Head\n\nMiktub minn Maria Camilleri\n\n{PARAGRAPH}\n") == [
        ("Maria Camilleri", None)]
    assert names(f"Head\n\ndc:creator: Hemi Walker\n\n{PARAGRAPH}\n") == [("Hemi Walker", None)]
    # A particle is part of the name; an e-mail sender is no byline.
    assert names(f"Head\n\nJan van Dijk Bakker\n\n{PARAGRAPH}\n") == [("Jan van Dijk Bakker", None)]
    assert names(f"Head\n\nFrom: Press Office <press@example.org>\n\n{PARAGRAPH}\n") == []


def test_the_paper_a_wire_credits_is_the_source() -> None:
    state = run_steps(f"Head\n\nBy Leased Wire to The Tribune\n\n{PARAGRAPH}\n", "bylines")
    assert (state.meta.bylines, state.meta.source) == ([], "The Tribune")


def test_a_names_only_line_away_from_the_headline_needs_case_and_its_own_evidence() -> None:
    # A skip link in a script without case has a name's shape: no byline above the title.
    assert names(f"رسائی کے لنکس\n\nوائس آف امریکہ سے سندھی زبان میں ویب پیج کاآغاز\n\n"
                 f"{PARAGRAPH}\n") == []
    # A site's name opening the title is an echo of it, no byline.
    assert names(f"Le Quotidien\n\nLe Quotidien au fil des ans\n\n{PARAGRAPH}\n") == []
    assert names(f"Marta Kowalczyk\n\nCity library extends weekend opening hours\n\n"
                 f"{PARAGRAPH}\n") == [("Marta Kowalczyk", None)]


def test_an_acronym_or_a_page_line_is_no_lead_in_and_names() -> None:
    from convert.textparse.names import byline_lead_end
    assert byline_lead_end("DoD Identifies Marine Casualties") == 0
    assert byline_lead_end("The St. Louis Republic, St. Louis, Missouri, p. 1") == 0
    assert byline_lead_end("Na Juma Mrisho, Dodoma") == 3


def test_the_story_signed_off_by_its_author_on_its_last_line() -> None:
    assert names(f"Head\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nMinh Châu\n") == [("Minh Châu", None)]
    assert names(f"Head\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nWarbixin: Cali Xasan\n") == [
        ("Cali Xasan", None)]
    # Page furniture and desk codes are no author.
    assert names(f"Head\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nRelated Topics\n") == []
    assert names(f"Head\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nم ع ح / ر ض\n") == []
