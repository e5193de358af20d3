"""Header roles: scored evidence, decided jointly over the sequence (convert/textparse/roles.py)."""

from __future__ import annotations

from convert.textparse.roles import HeaderLine, allowed, decide_roles, features
from tests.textparse.conftest import run_steps


def roles(*texts: str) -> list[str]:
    lines = [HeaderLine(number, text) for number, text in enumerate(texts, 1)]
    return [decision.role for decision in decide_roles(lines)]


LEAD = ("The central library will open on Sundays from next month, the city council said on "
        "Tuesday, after a petition signed by more than 4,000 residents.")


def test_headline_byline_date_then_body() -> None:
    assert roles("Library extends weekend opening hours", "By Ann Lee", "June 3, 2022", LEAD) == [
        "headline", "byline", "meta", "body"]


def test_an_author_above_the_headline_is_a_byline() -> None:
    assert roles("Marta Kowalczyk", "City library extends weekend opening hours", LEAD) == [
        "byline", "headline", "body"]


def test_an_id_on_top_is_a_slug_and_a_lead_is_no_headline() -> None:
    assert roles("4419111", "Harbour authority approves second ferry terminal", LEAD) == [
        "slugline", "headline", "body"]
    assert roles(LEAD, LEAD) == ["body", "body"]


def test_a_short_sentence_with_a_full_stop_opens_the_body() -> None:
    assert roles("Barely a shot was fired.", LEAD)[0] == "body"


def test_a_standfirst_is_chosen_for_what_follows_it() -> None:
    standfirst = ("Victorian pool that closed eight years ago will welcome swimmers again "
                  "next month, with its original suite restored")
    assert roles("Baths to reopen after restoration", standfirst, "Kirsty MacLeod and Euan Grant",
                 "Monday 6 October 2014 14:32 BST", LEAD) == [
        "headline", "standfirst", "byline", "meta", "body"]


def test_transitions() -> None:
    assert not allowed("body", "headline", False)
    assert not allowed("kicker", "byline", False)
    assert not allowed(None, "standfirst", False)
    assert not allowed("meta", "headline", True)
    assert allowed("headline", "standfirst", True)


def test_each_decision_names_its_strongest_evidence() -> None:
    [decision] = decide_roles([HeaderLine(1, "By Ann Lee")])
    assert decision.role == "byline" and decision.evidence[0] == "byline_lead +4"
    assert "date_line" in features(HeaderLine(1, "Updated: 12 June 2018, 14:05 BST"), 1)


def test_the_step_records_roles_and_warns_when_there_is_no_headline() -> None:
    state = run_steps(LEAD + "\n\nSecond paragraph of the story, which goes on.\n", "header-roles")
    assert set(state.roles.values()) == {"body"}
    assert [w.code for w in state.warnings] == ["no-headline"]
    evidence = [d for d in state.decisions if d.step == "header-roles" and d.evidence]
    assert evidence and evidence[0].evidence[0].startswith("prose")


def test_a_dateline_without_an_agency_opens_the_body() -> None:
    assert "dateline_start" in features(HeaderLine(3, "CHICAGO, March 12 - Qtr ended Feb 28"), 1)
    assert "dateline_start" in features(
        HeaderLine(3, "LISSE, Netherlands, March 12 - Dutch flower bulb growers"), 1)
    assert "dateline_start" not in features(HeaderLine(3, "Chicago, the city - a view"), 1)


def test_a_block_with_a_telephone_number_is_a_contact_not_a_byline() -> None:
    lines = [HeaderLine(1, "Ferry timetable extended"), HeaderLine(3, "Dwayne Brown"),
             HeaderLine(4, "Headquarters, Washington"), HeaderLine(5, "202-358-1726"),
             HeaderLine(7, "By Ann Lee"), HeaderLine(9, LEAD)]
    assert [d.role for d in decide_roles(lines)] == [
        "headline", "contact", "contact", "contact", "byline", "body"]


def test_contact_lines_are_dropped_and_give_no_byline() -> None:
    state = run_steps("Ferry timetable extended\n\nDwayne Brown\nHeadquarters, Washington\n"
                      f"(Phone: 202/358-1600)\n\n{LEAD}\n", "boilerplate")
    assert state.meta.bylines == []
    assert [d.line for d in state.dropped] == [3, 4, 5]


def test_a_wire_transmission_line_on_top_is_a_slugline_and_a_title_no_headline() -> None:
    assert roles("a0412 BC-COMET 03-12 0287",
                 "Astronomers spot comet heading for close pass by Earth", "By ROBERT HALL",
                 "UPI Science Writer", LEAD) == ["slugline", "headline", "byline", "byline",
                                                 "body"]


def test_a_title_case_sentence_under_the_headline_and_a_bracketed_label_are_no_body() -> None:
    assert roles("A GREAT FIRE AT HULL.",
                 "Warehouses on the Docks Destroyed and Two Ships Damaged.",
                 "[SPECIAL CABLE DESPATCH.]", LEAD) == ["headline", "standfirst", "meta", "body"]


def test_capitals_of_a_dateline_place_are_not_title_case() -> None:
    found = features(HeaderLine(2, "CHICAGO, March 12 - Qtr ended Feb 28"), 1)
    assert "mixed_title_case" not in found


def test_a_headline_in_capitals_or_title_case_may_end_in_a_full_stop() -> None:
    assert roles("CABLE NEWS.", "STRIKE OF WHARF LABOURERS.", "(By Telegraph.)", LEAD) == [
        "meta", "headline", "meta", "body"]
    assert roles("Stranded Gamblers Consume $4,000 Worth of Chickens.", LEAD) == [
        "headline", "body"]
    assert "cased_stop" not in features(HeaderLine(1, "The ferry ran aground off the island."), 0)


def test_a_name_with_its_agency_or_after_an_unlisted_lead_in_is_a_byline() -> None:
    assert roles("Year-round ferry to Bell Island approved", "Sarah MacKinnon, The Canadian Press",
                 LEAD) == ["headline", "byline", "body"]
    assert roles("Gwamnatin Kano za ta sayi sababbin motocin bas 100", "Daga Aminu Bello, Kano",
                 LEAD)[1] == "byline"


def test_short_header_lines_in_one_block_are_no_standfirst() -> None:
    found = [decision.role for decision in decide_roles([
        HeaderLine(1, "Rotta ġdida tal-vapur bejn il-Belt u Tas-Sliema"),
        HeaderLine(3, "Miktub minn Maria Camilleri"), HeaderLine(4, "Ippubblikat: 5 ta' Marzu"),
        HeaderLine(6, LEAD)])]
    assert found[0] == "headline" and "standfirst" not in found


def test_armenian_and_khmer_full_stops_end_sentences() -> None:
    from convert.textparse.state import ends_sentence

    assert ends_sentence("Երևանի քաղաքապետարանը հայտարարել է, որ վերանորոգումը կսկսվի ապրիլին։")
    assert ends_sentence("សាលារាជធានីភ្នំពេញ បានប្រកាសថា ខ្លួននឹងដាក់ឱ្យដំណើរការឡានក្រុង។")


def test_a_repeated_line_is_the_headline_and_an_echo_of_it_a_label() -> None:
    title = "Richard W. Spinrad confirmed to lead NOAA"
    assert roles("NOAA News Releases", "Syndicate content", title, f"{title} June 17, 2021",
                 LEAD)[2] == "headline"
    assert roles("European Council", "President Rajoy takes part in a meeting of European Council",
                 LEAD) == ["kicker", "headline", "body"]


def test_a_line_with_a_date_among_other_words_is_no_standfirst() -> None:
    found = roles("Chinesische Wikinews-Ausgabe gestartet",
                  "Artikelstatus: Fertig 22:42, 14. Mär. 2006 (CET) Bitte keine weiteren "
                  "Veränderungen vornehmen. |", LEAD)
    assert found[0] == "headline" and found[1] != "standfirst"


def test_a_run_of_tiny_lines_on_top_is_a_menu_and_a_section_label_a_kicker() -> None:
    assert roles("Navigation path", "Left navigation", "Additional tools",
                 "Commission européenne - Fiche d'information",
                 "Questions et réponses: l'avenir de la défense européenne", LEAD) == [
        "boilerplate", "boilerplate", "boilerplate", "kicker", "headline", "body"]
    # Two tiny lines are no menu: a kicker and a short headline.
    assert "menu_run" not in features(HeaderLine(1, "Navigation path"), 0)


def test_menu_lines_no_rule_knows_are_dropped() -> None:
    state = run_steps(f"Navigation path\n\nLeft navigation\n\nAdditional tools\n\nA headline "
                      f"that is long enough\n\n{LEAD}\n", "boilerplate")
    assert [d.text for d in state.dropped] == ["Navigation path", "Left navigation",
                                               "Additional tools"]


def test_a_teletype_header_is_no_headline_and_page_lines_between_title_repeats_no_standfirst(
        ) -> None:
    assert "slug" in features(HeaderLine(2, "UPI A142"), 1)
    assert "slug" not in features(HeaderLine(2, "Windows 11"), 1)
    title = "NOAA to issue 2013 Atlantic hurricane season outlook on May 23"
    found = roles(title, "Jay OwenEarth Systems Science", "Example Image - 600 x 150 pixels",
                  title, "May 16, 2013", LEAD)
    assert found[0] == "headline" and "standfirst" not in found


def test_a_long_archive_line_quoting_the_title_leaves_it_the_headline() -> None:
    archive = ("Jasper County Democrat, Volume 15, Number 23, Rensselaer, 22 June 1912 — Some "
               "Interesting Old Newspapers. [ARTICLE]")
    assert roles(archive, "Some Interesting Old Newspapers.", LEAD)[1] == "headline"


def test_a_place_and_a_colon_open_a_headline_not_a_label() -> None:
    assert "label_parts" not in features(
        HeaderLine(3, "Rumänien: Parlamentswahlen haben begonnen"), 1)
    assert "label_parts" in features(HeaderLine(7, "Other available languages: EN DE"), 3)


def test_a_wire_advisory_inside_the_story_does_not_push_the_body_start_down() -> None:
    dateline = "KOCHI, India (Reuters) - Ferry workers ended a strike on Tuesday after four days."
    assert roles("Ferry strike ends in Kochi", "By Anil Kumar", dateline,
                 "(Adds union comment, paragraph 3)", "The union said talks would continue.") == [
        "headline", "byline", "body", "boilerplate", "body"]
    assert allowed("body", "boilerplate", True) and not allowed("body", "byline", True)


def test_once_the_body_has_started_boilerplate_inside_it_does_not_end_it() -> None:
    assert not allowed("boilerplate", "headline", False, True)
    assert allowed("boilerplate", "headline", False, False)
    assert "headline" not in roles("Ferry strike ends in Kochi", LEAD, "(Adds union comment)",
                                   "Union leaders meet on Friday")[2:]


def test_a_tiny_line_over_a_title_is_no_headline() -> None:
    assert roles("Accessibility links", "Harbour Authority Approves Second Ferry Terminal",
                 "a new berth and a bigger car park for the island service", LEAD)[1:] == [
        "headline", "standfirst", "body"]
    # A tiny headline over its byline or a credit keeps its role.
    assert roles("Ferry service approved", "Jane Doyle, The Canadian Press", LEAD)[0] == "headline"


def test_a_name_in_capitals_or_without_case_is_weak_byline_evidence() -> None:
    assert "name_line" not in features(HeaderLine(1, "LACKAWANNA GO OUT"), 1)
    assert "name_line" in features(HeaderLine(1, "Marta Kowalczyk"), 1)
    assert "caseless_name_line" in features(HeaderLine(1, "رسائی کے لنکس"), 0)
    assert roles("PACIFIC CABLE OPENING", "Marta Kowalczyk", LEAD) == ["headline", "byline", "body"]


def test_a_sentence_naming_a_date_is_no_status_line() -> None:
    deck = "President and Governor Taft Likely to Exchange Messages on July 4."
    assert "has_date" not in features(HeaderLine(2, deck), 1)
    status = "Fertig 22:42, 14. Mär. 2006 Bitte keine weiteren Veränderungen vornehmen"
    assert "has_date" in features(HeaderLine(2, status), 1)


def test_a_page_banner_with_a_menu_line_holds_no_headline() -> None:
    assert "menu_line" in features(HeaderLine(2, "Home | Residents | Business | Contact us"), 1)
    assert "menu_line" in features(HeaderLine(5, "You are here: Home > News > Latest news"), 3)
    gaps = " News  Topics  Calendar of releases"  # items set apart by column gaps
    assert "menu_line" in features(HeaderLine(3, " ".join(gaps.split()), gaps), 2)
    # A status line's parts hold numbers: no menu.
    assert "menu_line" not in features(HeaderLine(5, "Notice | No: 3 - 2021 | Date: 05.01.2021"), 3)
    found = decide_roles([HeaderLine(1, "Skip to main content"),
                          HeaderLine(2, "Home | Residents | Business | Contact us"),
                          HeaderLine(3, "Search this site"),
                          HeaderLine(5, "New park and ride opens at Rushcliffe"),
                          HeaderLine(7, "Published: 14 March 2024"), HeaderLine(9, LEAD)])
    assert [d.role for d in found][3:] == ["headline", "meta", "body"]
    assert "closest_title +1" in found[3].evidence


def test_a_tiny_line_said_more_than_once_is_the_pages() -> None:
    assert roles("Article", "Article", "Radishes", "3 June 2025, 11:00", "Article", LEAD) == [
        "boilerplate", "boilerplate", "headline", "meta", "boilerplate", "body"]


def test_a_few_words_with_a_number_are_a_date_or_a_dateline_not_a_standfirst() -> None:
    # Digits of any script; the date code need not read the line.
    assert roles("Walkway opens on the river bank", "Surat, ta. ૧૪", LEAD) == [
        "headline", "dateline", "body"]
    assert roles("Walkway opens on the river bank", "၂၀၂၄ ခုနှစ်၊ မတ်လ ၁၄ ရက်", LEAD)[1] != (
        "standfirst")
    assert "short_number" not in features(HeaderLine(9, "คาดว่าจะมีผู้โดยสารใช้บริการประมาณ "
                                                     "20,000 คนต่อวัน"), 4)


def test_a_list_of_facts_set_apart_by_commas_is_no_headline() -> None:
    archive = "The St. Louis Republic, St. Louis, Missouri, p. 1"
    assert "fact_list" in features(HeaderLine(1, archive), 0)
    assert roles(archive, "Stranded Gamblers Consume $4,000 Worth of Chickens.", LEAD)[1:] == [
        "headline", "body"]
    assert "fact_list" not in features(HeaderLine(1, "Fire, flood and famine hit the valley"), 0)


ECHOING_LEAD = ("The city library will extend its weekend opening hours from next month, the "
                "council said on Tuesday, after a petition signed by 4,000 residents.")


def test_the_title_is_the_line_whose_words_the_story_says_again() -> None:
    # A page's link above the title shares no word with the story; the title does.
    lines = [HeaderLine(number, text) for number, text in enumerate((
        "Jump to page contents", "Library extends weekend opening hours", "June 3, 2022",
        ECHOING_LEAD), 1)]
    decisions = decide_roles(lines)
    assert [d.role for d in decisions][1:] == ["headline", "meta", "body"]
    assert decisions[0].role != "headline"
    assert any(e.startswith("story_echo") for e in decisions[1].evidence)


def test_a_colon_inside_a_word_sets_no_field_apart() -> None:
    assert "key_value" not in features(HeaderLine(1, "Ny publiceringstid för SCB:s statistik"), 1)
    assert "key_value" in features(HeaderLine(1, "Senast uppdaterad: 2022-01-10"), 1)


def test_a_breadcrumb_of_two_parts_above_the_title_is_a_label() -> None:
    assert "label_parts" in features(HeaderLine(1, "Home / Council news"), 0)
    assert "label_parts" not in features(HeaderLine(1, "Brexit: May faces a third vote"), 0)
    assert roles("Home / Council news", "Library extends weekend opening hours",
                 "June 3, 2022", ECHOING_LEAD)[1:] == ["headline", "meta", "body"]
