import re
import unicodedata

import pytest

from convert.textparse.datetext import find_dates, iso_from_text
from tests.textparse.conftest import run_steps


@pytest.mark.parametrize("text, iso", [
    ("Mon Oct 6, 2014 6:12am EDT", "2014-10-06T06:12:00-04:00"),
    ("Aug. 17, 2019 3:47 PM CDT", "2019-08-17T15:47:00-05:00"),
    ("Mon, 06 Oct 2014 14:32:00 +0100", "2014-10-06T14:32:00+01:00"),
    ("6 апреля 2017, 14:32 МСК", "2017-04-06T14:32:00+03:00"),
    ("maandag 6 oktober 2014, 14:32", "2014-10-06T14:32:00"),
    ("06.10.2014, 14:32 Uhr", "2014-10-06T14:32:00"),
    ("6 de octubre de 2014", "2014-10-06"),
    ("الاثنين ٦ أكتوبر ٢٠١٤ - ٢:٣٢ م", "2014-10-06T14:32:00"),
    ("2019年03月05日 10:21:35", "2019-03-05T10:21:35"),
    ("19 April 2021, 08:00 CEST", "2021-04-19T08:00:00+02:00"),
    ("Sept. 21, 2015", "2015-09-21"),
    ("2018/4/9", "2018-04-09"),
    ("6.10.14", "2014-10-06"),
    ("Jan 30, 2018 7:45 am ET", "2018-01-30T07:45:00-05:00"),
    ("June 30, 2018 7:45 am ET", "2018-06-30T07:45:00-04:00"),
    ("2022.03.15 14:20", "2022-03-15T14:20:00"),
    ("2022. 3. 15. 14:20", "2022-03-15T14:20:00"),
    ("21 Σεπτεμβρίου 2022, 13:45", "2022-09-21T13:45:00"),
    ("21 ΜΑΪΟΥ 2022", "2022-05-21"),
    ("12 अगस्त 2021, 4:30 PM IST", "2021-08-12T16:30:00+05:30"),
    ("14 fév 2022", "2022-02-14"),
    ("12 giu 2021", "2021-06-12"),
    ("June 3, 2022 4:15pm AEST", "2022-06-03T16:15:00+10:00"),
    # US zones without a season letter follow that year's rules (zoneinfo): daylight
    # time ended on the last Sunday of October until 2006.
    ("Oct 30, 2005 10:00 a.m. ET", "2005-10-30T10:00:00-05:00"),
    ("Oct 30, 2014 10:00 a.m. ET", "2014-10-30T10:00:00-04:00"),
    # The words for year, month and day (CLDR's relative-time units), glued or beside:
    # Burmese, Mongolian (a month's number, an ordinal word and the month word), Khmer.
    ("၂၀၂၃ ခုနှစ်၊ မေလ ၂ ရက်", "2023-05-02"),
    ("2023 оны 5 дугаар сарын 2", "2023-05-02"),
    ("ថ្ងៃទី២ ខែឧសភា ឆ្នាំ២០២៣", "2023-05-02"),
    ("2023-yil 2-may", "2023-05-02"),  # the year with its word, then day and month
    ("2023-cü il 2 may", "2023-05-02"),
    # Hours and minutes in CLDR's am/pm word and the Korean hour and minute signs.
    ("2023년 5월 2일 오후 3시 20분", "2023-05-02T15:20:00"),
    # CLDR's short zone names of other languages (French Canadian ``HAE``, ``HNE``), at
    # the offset their kind and the date give.
    ("3 juin 2025, 11 h 00 (HAE)", "2025-06-03T11:00:00-04:00"),
    ("3 janvier 2025, 11 h 00 (HNE)", "2025-01-03T11:00:00-05:00"),
    # A wire's date-time group: day, hour and minute, month, year (Z: UTC).
    ("141530 MAR 24", "2024-03-14T15:30:00"),
    ("020910Z MAY 2023", "2023-05-02T09:10:00+00:00"),
    # Names from CLDR, time words and other time shapes.
    ("Publié le 6 octobre 2014 à 14 h 32", "2014-10-06T14:32:00"),
    ("06 Outubro 2014 | 14h32", "2014-10-06T14:32:00"),
    ("6. lokakuuta 2014 klo 14.32", "2014-10-06T14:32:00"),
    ("12 giugno 2021 alle ore 16:40", "2021-06-12T16:40:00"),
    ("3 februari 2021", "2021-02-03"),
    ("14 Şubat 2022", "2022-02-14"),
    ("5 Jänner 2020", "2020-01-05"),
    ("5 آب 2020", "2020-08-05"),
    ("7 de febrer de 2019", "2019-02-07"),
    ("5 veebruar 2021", "2021-02-05"),
    # a time written before the date
    ("7:41 p.m. ET, Jan 4, 2023", "2023-01-04T19:41:00-05:00"),
    ("7:41 p.m. ET, July 4, 2023", "2023-07-04T19:41:00-04:00"),
    ("10:05 03.02.2022", "2022-02-03T10:05:00"),
    ("14:05 GMT on 3 June 2022", "2022-06-03T14:05:00+00:00"),
])
def test_date_shapes(text: str, iso: str) -> None:
    assert iso_from_text(text).iso == iso


@pytest.mark.parametrize("text", ["In 2024 and 3 people 5", "12 people in 2024",
                                  "2023 and 5 more 2"])
def test_unit_word_shapes_need_the_unit_words(text: str) -> None:
    assert not [found for found in find_dates(text, day_first=True) if found.iso]


def test_slashed_dates_follow_the_language() -> None:
    assert iso_from_text("10/06/2014").iso == "2014-10-06"
    assert iso_from_text("10/06/2014", day_first=True).iso == "2014-06-10"
    assert iso_from_text("13/06/2014").iso == "2014-06-13"


def test_regional_zone_abbreviations() -> None:
    assert iso_from_text("March 12, 2016 19:40 IST").iso.endswith("+05:30")
    assert iso_from_text("March 12, 2016 19:40 CST", region="zh").iso.endswith("+08:00")


def test_no_year_gives_no_date_and_unknown_zones_are_reported() -> None:
    assert iso_from_text("Oct 7").iso is None
    assert find_dates("6 June 2020 10:00 QQT")[0].unknown_zone == "QQT"


def test_step_prefers_fields_and_never_copies_updated() -> None:
    state = run_steps("Head\n\nUpdated: October 18, 2017 14:32 IST\n\n"
                      "NEW DELHI, Oct. 17, 2017 (PTI) - The first paragraph runs on here.\n",
                      "dates")
    assert state.meta.updated == "2017-10-18T14:32:00+05:30"
    assert state.meta.published == "2017-10-17"


def test_step_warns_about_an_unknown_zone() -> None:
    state = run_steps("Head\n\nPublished: 6 June 2020 10:00 QQT\n\nBody text of the story here.\n",
                      "dates")
    assert state.meta.published == "2020-06-06T10:00:00"
    assert [w.code for w in state.warnings] == ["zone-unknown"]


def test_dotted_time_needs_a_zone_or_am_pm() -> None:
    assert iso_from_text("Tue 3 Mar 2020 09.15 GMT").iso == "2020-03-03T09:15:00+00:00"
    assert iso_from_text("3 Mar 2020 09.15").iso == "2020-03-03"


def test_relative_time_line_is_metadata_without_a_date() -> None:
    state = run_steps("Head\n\nUpdated 2 hours ago\n\nBody text of the story is here today.\n",
                      "dates")
    assert state.chunks[1].role == "metadata"
    assert (state.meta.published, state.meta.updated) == (None, None)


def test_a_number_before_a_date_is_not_a_time() -> None:
    assert iso_from_text("Page 12 03.02.2022").iso == "2022-02-03"
    assert iso_from_text("1.5 03.02.2022").iso == "2022-02-03"


def test_labels_in_scripts_with_combining_marks_are_whole_words() -> None:
    doc = run_steps("Head\n\nप्रकाशित: 12 अगस्त 2021\nअपडेटेड: 13 अगस्त 2021\n\n"
                    "लखनऊ मेट्रो ने गुरुवार को घोषणा की कि अगले सप्ताह से ट्रेनें रात 11 बजे तक चलेंगी।\n",
                    "dates")
    assert (doc.meta.published, doc.meta.updated) == ("2021-08-12", "2021-08-13")


def test_a_month_name_ambiguous_between_languages_follows_the_article_language() -> None:
    assert iso_from_text("5 listopada 2020", region="pl").iso == "2020-11-05"
    assert iso_from_text("5 listopada 2020", region="hr").iso == "2020-10-05"


def test_a_dotted_number_after_a_date_is_no_time_without_a_time_word() -> None:
    assert iso_from_text("12.04.2022 13.25").iso == "2022-04-12"
    assert iso_from_text("12.04.2022 klo 13.25").iso == "2022-04-12T13:25:00"


@pytest.mark.parametrize("text, iso", [
    # Words between the date and the time that no list names: short words or a weekday.
    ("12/03/2019 a les 14:05", "2019-03-12T14:05:00"),
    ("12.03.2019. у 14:05", "2019-03-12T14:05:00"),
    ("2019年3月12日 星期二 14:05", "2019-03-12T14:05:00"),
    # Year first, then the month name and the day.
    ("2019. március 12., kedd 14:05", "2019-03-12T14:05:00"),
    # Digits of any script.
    ("১২ মার্চ ২০১৯, ১৪:০৫", "2019-03-12T14:05:00"),
    # An ISO date with its time is one date, not a date and a word "T".
    ("2023-05-02T11:20:00+01:00", "2023-05-02T11:20:00+01:00"),
    # A short word between day and month (``ta'``, ``ga``), glued ordinals and case endings
    # (Basque ``2023ko maiatzaren 2a``, Esperanto ``2-an``), a dotted time after a connector
    # word, a time in brackets.
    ("2 ta' Mejju 2023 09:10", "2023-05-02T09:10:00"),
    ("Litinin, 2 ga Mayu, 2023", "2023-05-02"),
    ("2023ko maiatzaren 2a, 09:10", "2023-05-02T09:10:00"),
    ("la 2-an de majo 2023", "2023-05-02"),
    ("2. maj 2023 ob 9.10", "2023-05-02T09:10:00"),
    ("02.05.2023 [09:10]", "2023-05-02T09:10:00"),
    # A time before the date and its zone after it.
    ("18:33, 9. Dez. 2012 (CET)", "2012-12-09T18:33:00+01:00"),
    # CLDR's am/pm words before the time (glued or not) or, in other scripts, after it;
    # East Asian hour and minute units; dashes as slashes.
    ("2023년 5월 2일 오후 2:10", "2023-05-02T14:10:00"),
    ("2023年5月2日 下午2:10", "2023-05-02T14:10:00"),
    ("2 مه 2023 2:10 ب.ظ.", "2023-05-02T14:10:00"),
    ("2023年5月2日 14時10分", "2023-05-02T14:10:00"),
    ("2023년 5월 2일 14시 10분", "2023-05-02T14:10:00"),
    ("02-05-2023 14:10", "2023-05-02T14:10:00"),
    ("02/05/2023 alle 2:10 e poi", "2023-05-02T02:10:00"),
    # CLDR month names with a number of their own (Vietnamese ``tháng 5``).
    ("ngày 2 tháng 5 năm 2023", "2023-05-02"),
])
def test_date_shapes_without_word_lists(text: str, iso: str) -> None:
    assert iso_from_text(text, day_first=True).iso == iso


def test_long_words_before_a_time_are_not_its_connector() -> None:
    found = find_dates("On 12 March 2019 the council met at 14:05", day_first=True)
    assert [d.iso for d in found] == ["2019-03-12"]


@pytest.mark.parametrize("label, updated", [
    ("Actualitzat", True), ("aktualizováno", True), ("Updated", True),
    ("Imechapishwa", False), ("Published", False), ("פורסם", False),
])
def test_updated_labels_by_likeness(label: str, updated: bool) -> None:
    from convert.textparse.datetext import is_updated_label
    assert is_updated_label(label) is updated


def test_date_line_with_an_unknown_label_is_metadata(after) -> None:
    state = after("Serikali yaanza ujenzi wa barabara\n\nImechapishwa: 12 Machi 2019\n\n"
                  "Actualitzat: 13/03/2019 a les 14:05\n\n"
                  "SERIKALI imeanza ujenzi wa barabara ya mzunguko yenye urefu wa kilomita 112 "
                  "itakayozunguka jiji la Dodoma.\n", "dates")
    assert (state.meta.published, state.meta.updated) == ("2019-03-12", "2019-03-13T14:05:00")


def test_separated_facts_line_gives_its_dates(after) -> None:
    state = after("Transport · 4 min read · Published 12 March 2019, 14:05 GMT · Updated 12 "
                  "March 2019, 16:20 GMT\n\nEdinburgh trams to reach Newhaven by 2023\n\n"
                  "Edinburgh's tram line will be extended to Newhaven by spring 2023 after "
                  "councillors approved the project on Tuesday.\n", "dates")
    assert (state.meta.published, state.meta.updated) == (
        "2019-03-12T14:05:00+00:00", "2019-03-12T16:20:00+00:00")
    assert state.meta.headline == "Edinburgh trams to reach Newhaven by 2023"


@pytest.mark.parametrize("meta, published", [
    # A part that is only a time belongs to the date before it.
    ("Muallif: Aziza Karimova\n02.05.2023 | 09:10", "2023-05-02T09:10:00"),
    ("02.05.2023 | 09:10 (GMT+5)", "2023-05-02T09:10:00+05:00"),
    # A meta line split on spaced dashes: the date is read, the section is a fact.
    ("Minister's News - 2023.5.2", "2023-05-02"),
])
def test_meta_line_parts(after, meta: str, published: str) -> None:
    state = after(f"Yangi tramvay liniyasi ochildi\n\n{meta}\n\nShahar markazini vokzal "
                  "bilan bog'laydigan tramvay liniyasi bugun yo'lovchilar uchun ochildi.\n",
                  "dates")
    assert state.meta.published == published
    assert state.meta.source is None


@pytest.mark.parametrize("header", [
    "Birtist 2. maí 2023 kl. 09:10\nUppfærð 2. maí 2023 kl. 11:20",
    "Publisert 02.05.2023 09:10 Endret 02.05.2023 11:20",
    "Vaŭ: 2 majo 2023 09:10 | Ŝanĝ: 2 majo 2023 11:20",
])
def test_a_later_date_under_another_unknown_label_is_the_update(after, header: str) -> None:
    state = after(f"Ny ferjerute mellom byene\n\n{header}\n\nFerjeselskapet starter en ny rute "
                  "mellom byene fra neste måned, opplyser selskapet.\n", "dates")
    assert (state.meta.published, state.meta.updated) == ("2023-05-02T09:10:00",
                                                         "2023-05-02T11:20:00")


@pytest.mark.parametrize("text, language, iso", [
    # Solar Hijri (month names from CLDR's Persian calendar; numbers in Persian text only).
    ("۲۱ اسفند ۱۳۹۷، ۱۴:۰۵", "fa", "2019-03-12T14:05:00"),
    ("1 فروردین 1403", "fa", "2024-03-20"),
    ("30 اسفند 1399", "fa", "2021-03-20"),
    ("1403/01/01", "fa", "2024-03-20"),
    # Ethiopic, Buddhist era, Japanese eras, Minguo.
    ("መጋቢት 5/2016", "am", "2024-03-14"),
    ("ጳጉሜን 6/2015", "am", "2023-09-11"),
    ("12 มี.ค. 2562 14:05 น.", "th", "2019-03-12T14:05:00"),
    ("令和6年3月5日", "ja", "2024-03-05"),
    ("令和元年5月1日", "ja", "2019-05-01"),
    ("平成31年4月30日", "ja", "2019-04-30"),
    ("民國113年3月5日", "zh", "2024-03-05"),
    ("發布日期：113-03-05", "zh", "2024-03-05"),
])
def test_dates_of_other_calendars(text: str, language: str, iso: str) -> None:
    assert iso_from_text(text, day_first=True, region=language).iso == iso


def test_a_solar_hijri_year_in_numbers_is_no_date_outside_persian_text() -> None:
    assert iso_from_text("1403/01/01", day_first=True, region="ar") is None
    assert iso_from_text("1403/01/01", day_first=True) is None


@pytest.mark.parametrize("text, iso", [
    ("March 05, 2024 09:00 AM Eastern Standard Time", "2024-03-05T09:00:00-05:00"),
    ("July 05, 2024 09:00 AM Eastern Daylight Time", "2024-07-05T09:00:00-04:00"),
    ("March 5, 2024 10:00 Central European Time", "2024-03-05T10:00:00+01:00"),
    ("March 5, 2024 10:00 Reuters reported", "2024-03-05T10:00:00"),
])
def test_long_zone_names_from_cldr(text: str, iso: str) -> None:
    assert iso_from_text(text).iso == iso


@pytest.mark.parametrize("text, published", [
    # A wire's time stamp among the last lines.
    ("Rail profit rises\n\nNEW YORK (Dow Jones)--Harlan Rail Corp. said net income rose 12% "
     "in the fourth quarter, beating expectations.\n\n(END) Dow Jones Newswires\n\nMarch 12, "
     "2009 14:05 ET (18:05 GMT)\n\nCopyright (c) 2009 Dow Jones & Company, Inc.\n",
     "2009-03-12T14:05:00-04:00"),
    # ... in brackets of another script after a blank line, and a date-time group as the
    # last line of the last block (under the sign-off, no blank line).
    ("港に新しい桟橋\n\n市は１４日、新しい桟橋を開いたと発表した。\n\n（2023/05/02-09:10）\n",
     "2023-05-02T09:10:00"),
    ("Nuovo molo al porto\n\nIl Comune ha aperto oggi il nuovo molo del porto, con sei "
     "attracchi per i traghetti.\n(ANSA)\n020910 MAG 23\n", "2023-05-02T09:10:00"),
    # A header field whose key no list has, with a date for its value.
    ("Seirbhís nua farantóireachta\n\nLe Seán Ó Briain\nFoilsithe: 02/05/2023 09:10\n\nTá "
     "seirbhís farantóireachta nua le tosú idir na hoileáin i mí Aibreáin, a d'fhógair an Roinn "
     "inniu.\n", "2023-05-02T09:10:00"),
    # A date field among the lines of a longer block.
    ("Wahl begonnen\n\naus Wikinews, einem freien Wiki für Nachrichten\nWechseln zu: Navigation,"
     " Suche\nVeröffentlicht: 18:33, 9. Dez. 2012 (CET)\nBitte keine inhaltlichen Veränderungen "
     "vornehmen.\n\nHeute hat in Rumänien die Parlamentswahl begonnen, etwa 18 Millionen sind "
     "aufgerufen.\n", "2012-12-09T18:33:00+01:00"),
])
def test_date_lines_found_by_their_shape(after, text: str, published: str) -> None:
    assert after(text, "dates").meta.published == published


def test_the_written_out_marks_are_unicodes_marks() -> None:
    # datetext.MARKS lists them as ranges instead of asking unicodedata at import.
    from convert.textparse import datetext

    marks = re.compile(f"[{datetext.MARKS}]")
    for code in range(0x300, 0x3100):
        char = chr(code)
        assert bool(marks.fullmatch(char)) == (unicodedata.category(char)[0] == "M"), hex(code)
