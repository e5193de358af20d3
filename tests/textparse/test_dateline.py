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
    ("PARIS (AFP) - Paris will", "PARIS", None, "AFP"),
    ("Bogotá, 9 de abril de 2018 (EFE).- La Alcaldía", "Bogotá", "9 de abril de 2018", "EFE"),
    ("(ANSA) - ROMA, 12 GIU - Sono tornate", "ROMA", "12 GIU", "ANSA"),
    ("МОСКВА. 15 марта. ИНТЕРФАКС - Первый", "МОСКВА", "15 марта", "ИНТЕРФАКС"),
    ("НОВОСИБИРСК, 3 фев - РИА Новости. Первая", "НОВОСИБИРСК", "3 фев", "РИА Новости"),
    ("بيروت، 5 آذار (أ ف ب) - أطلقت السلطات", "بيروت", "5 آذار", "أ ف ب"),
    ("लखनऊ, 12 अगस्त (भाषा) लखनऊ मेट्रो ने", "लखनऊ", "12 अगस्त", "भाषा"),
    ("New Delhi, Jan 5 (IANS) The Delhi government", "New Delhi", "Jan 5", "IANS"),
    ("SYDNEY, June 3 AAP - Sydney ferries", "SYDNEY", "June 3", "AAP"),
    ("DES MOINES, Iowa (AP) _ A 120-foot silo", "DES MOINES, Iowa", None, "AP"),
    ("İSTANBUL (AA) - İstanbul'da vapur", "İSTANBUL", None, "AA"),
    # No comma between place and date; glued dashes; abbreviations keep their stop.
    ("Brno 12. března (ČTK) - Dopravní podnik", "Brno", "12. března", "ČTK"),
    ("الكويت - 12 - 3 (كونا) -- افتتحت وزارة", "الكويت", "12 - 3", "كونا"),
    ("NEW YORK (Dow Jones)--Harlan Rail Corp.", "NEW YORK", None, "Dow Jones"),
    ("MONTERREY.- La Línea 3 del Metro", "MONTERREY", None, None),
    ("Vilnius, kovo 12 d. (ELTA). Sostinės viešasis", "Vilnius", "kovo 12 d.", "ELTA"),
    ("Torino, 12 mar. (Adnkronos) - La seconda", "Torino", "12 mar.", "Adnkronos"),
    ("LONDON, Nov. 3.—A fire which broke out", "LONDON", "Nov. 3", None),
    ("Rīga, 12.marts, LETA. Rīgas satiksme nākamgad", "Rīga", "12.marts", "LETA"),
    # Punctuation of other scripts: Armenian full stop, Ethiopic comma and ``፡-``, danda.
    ("ԳՅՈՒՄՐԻ, 3 ՄԱՅԻՍԻ, ԱՐՄԵՆՊՐԵՍ։ Գյումրիում", "ԳՅՈՒՄՐԻ", "3 ՄԱՅԻՍԻ", "ԱՐՄԵՆՊՐԵՍ"),
    ("ባሕር ዳር፣ ግንቦት 3/2016 (ኢዜአ)፡- የከተማው", "ባሕር ዳር", "ግንቦት 3/2016", "ኢዜአ"),
    ("पोखरा, वैशाख ३ (रासस) । नगरपालिकाले", "पोखरा", "वैशाख ३", "रासस"),
    # Place - agency - in a script without case; place. AGENCY -; a glued agency.
    ("شیراز - ایرنا - شهرداری شیراز", "شیراز", None, "ایرنا"),
    ("ШЫМКЕНТ. KAZINFORM – Қалада", "ШЫМКЕНТ", None, "KAZINFORM"),
    ("کراچی(اے پی پی) شہر میں", "کراچی", None, "اے پی پی"),
    ("Дархан, 2023 оны 5 дугаар сарын 2 /МОНЦАМЭ/. Хотын", "Дархан", "2023 оны 5 дугаар сарын 2",
     "МОНЦАМЭ"),
    # A place in ordinary case vouched for by its date; a region in brackets; a wire's
    # agency between glued dashes; the whole dateline in brackets.
    ("Memphis, Tenn., May 2. – Twelve", "Memphis, Tenn.", "May 2", None),
    ("Lyon (Frankreich), 03.05.2012 – Heute", "Lyon (Frankreich)", "03.05.2012", None),
    ("BOISE, Idaho--(BUSINESS WIRE)--Acme", "BOISE, Idaho", None, "BUSINESS WIRE"),
    ("(Omaha, Neb., May 2, 2019) – The department", "Omaha, Neb.", "May 2, 2019", None),
    ("(03.05.2017) – Die Kommission", None, "03.05.2017", None),
    ("ភ្នំពេញ៖ ក្រសួង", "ភ្នំពេញ", None, None),
    ("மதுரை, மே 2: மதுரை மாநகராட்சி", "மதுரை", "மே 2", None),
    # Regions in round and square brackets; a hyphen glued to the story after a dated
    # agency; an agency in spaced slashes with no dash; a lead-in word before the day.
    ("Pune (Maharashtra) [India], June 2 (ANI): The city", "Pune (Maharashtra) [India]",
     "June 2", "ANI"),
    ("पटना, 3 मई (एजेंसी)-शहर में", "पटना", "3 मई", "एजेंसी"),
    ("دبي في 3 مايو / وام / افتتحت", "دبي", "3 مايو", "وام"),
    # The agency first, then a place in ordinary case and a date; a word in capitals after
    # the day is the agency; the old newspapers' datelines closed by a full stop.
    ("(AGI) - Genova, 3 mag. - Il porto", "Genova", "3 mag.", "AGI"),
    ("AUCKLAND, May 3 NZPA - Shares", "AUCKLAND", "May 3", "NZPA"),
    ("CHICAGO, Ill., May 3. The strike", "CHICAGO, Ill.", "May 3", None),
    ("BOSTON. May 3. The mayor", "BOSTON", "May 3", None),
    # An agency in capitals as the last comma part after the day; dashes glued to the
    # word before them (Persian agencies).
    ("Accra, March 14, GNA - The Ghana", "Accra", "March 14", "GNA"),
    ("تهران- ایرنا- رئیس", "تهران", None, "ایرنا"),
    ("Dhaka, 14 March, UNB - The", "Dhaka", "14 March", "UNB"),
    # The place, a dash, the date, a dash.
    ("Perth, Australia – May 3, 2024 – The firm", "Perth, Australia", "May 3, 2024", None),
    # A month name of several words with a stop inside; the Burmese comma and full stop.
    ("เชียงใหม่ 3 พ.ค. - เทศบาลนคร", "เชียงใหม่", "3 พ.ค.", None),
    ("မန္တလေး၊ မေ ၃ ။ မြို့တော်", "မန္တလေး", "မေ ၃", None),
    # In a script without case, place, the paper's credit and a colon need no date.
    ("नई दिल्ली, एजेंसी: सरकार ने", "नई दिल्ली", None, "एजेंसी"),
])
def test_dateline_shapes(first: str, place, date_text, source) -> None:
    state = run_steps(f"Head\n\n{first} rest of the paragraph goes on here.\n", "dateline")
    assert state.meta.dateline is not None
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == (place, date_text)
    assert state.meta.source == source
    assert state.first_body is state.chunks[1]


@pytest.mark.parametrize("first", [
    "Acme (ACM)-backed firms grew",  # a glued hyphen ends a dateline only after a date
    "He left on May 3. The others",  # a full stop after a day: no place before it
    "In May 3. The",
    "Anti- government protests grew",
    "The plan – 14 March 2024 – went ahead",
    "Obama – March 14 – a story",
])
def test_not_datelines(first: str) -> None:
    state = run_steps(f"Head\n\n{first} rest of the paragraph goes on here.\n", "dateline")
    assert state.meta.dateline is None


@pytest.mark.parametrize("line", [
    # ``Word: `` with its value aligned is a form's field, not ``Place: ``.
    "WHAT:      2013 hurricane season outlook news conference and more about it, the "
    "whole day.",
])
def test_a_colon_label_before_no_prose_is_no_dateline(line: str) -> None:
    state = run_steps(f"Head line of the story\n\n{line}\n\nThe story itself starts here, in "
                      "a sentence of its own.\n\nMore text of the story follows here.\n",
                      "dateline")
    assert state.meta.dateline is None


def test_a_day_after_an_abbreviated_date_label_alone_on_its_line() -> None:
    state = run_steps("पुण्यात नवीन पूल खुला\n\nपुणे, दि. १४\nमहापालिकेने आज मुठा नदीवरील नवीन पूल "
                      "वाहतुकीसाठी खुला केला.\n\nपुलाची लांबी ४०० मीटर आहे.\n", "dateline")
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == ("पुणे", "दि. १४")


def test_the_header_roles_count_a_dateline_closed_by_a_full_stop_as_one() -> None:
    from convert.textparse.roles import HeaderLine, features

    found = features(HeaderLine(4, "NEW YORK. Sept. 16. John D. Horke"), 3)
    assert "dateline_start" in found and "has_date" not in found


def test_short_lines_before_the_story_do_not_use_up_the_dateline_search() -> None:
    from convert.textparse.steps.dateline import dateline

    state = run_steps("Großrazzia gegen Hacker in vier Ländern\n\nBitte nichts mehr ändern.\n\n"
                      "Sitz der Behörde in Lyon\n\nLyon (Frankreich), 29.02.2012 – Bei einer "
                      "Razzia in vier Ländern wurden 25 Verdächtige festgenommen.\n", "headline")
    # The body starts at the short notice (as the header roles may decide): the notice and
    # the caption are searched, and the first two blocks of prose after them.
    for chunk in state.chunks[1:]:
        chunk.role = None
    state.header_body = state.chunks[1]
    dateline(state)
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == (
        "Lyon (Frankreich)", "29.02.2012")
    assert state.first_body is state.chunks[3]


def test_a_dateline_line_above_is_not_replaced_by_a_colon_label() -> None:
    state = run_steps("Daily News\nBrussels, 16 July 2021\nRecovery: The Commission has today "
                      "adopted a positive assessment of the plan, the first of the year.\n",
                      "dateline")
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == (
        "Brussels", "16 July 2021")


def test_chinese_dateline_gives_reporters_as_bylines() -> None:
    state = run_steps("标题\n\n新华社北京3月5日电（记者王晓明、李华）记者5日获悉。\n", "dateline")
    assert state.meta.dateline.place == "北京"
    assert [b.name for b in state.meta.bylines] == ["王晓明", "李华"]
    assert state.meta.source == "新华社"


@pytest.mark.parametrize("first, place, source, names", [
    ("中新网上海6月8日电 (记者 陈静)上海市交通委8日表示。", "上海", "中新网", ["陈静"]),
    ("【東京共同】ＪＲ東日本は１０日、東北新幹線の臨時列車を週末に限って増発すると発表した。", "東京", "共同", []),
    ("【ワシントン＝山田太郎】米政府は１０日、発表した。", "ワシントン", None, ["山田太郎"]),
    ("（中央社記者王小明、李大華台北5日電）台北市交通局今天宣布，夜間租借時段將延長至凌晨2時。", "台北",
     "中央社", ["王小明", "李大華"]),
    ("（中央社記者陳美玲華盛頓4日電）美國國務院今天宣布，將擴大與台灣的文化交流計畫。", "華盛頓",
     "中央社", ["陳美玲"]),
    ("(서울=연합뉴스) 김민수 이영희 기자 = 서울시가 한강을 오가는 수상버스를 내년 봄부터 운항한다고 밝혔다.", "서울", "연합뉴스", ["김민수", "이영희"]),
])
def test_east_asian_datelines(first: str, place: str, source, names: list[str]) -> None:
    state = run_steps(f"標題\n\n{first}\n", "dateline")
    assert state.meta.dateline.place == place
    assert state.meta.source == source
    assert [b.name for b in state.meta.bylines] == names


@pytest.mark.parametrize("first", [
    "Paris (France) is a city that many people visit every single year.",
    "The NEW YORK rule - applied since May 3 - was dropped, officials said.",
    "Officials said: the plan works.", "Update: more trains are coming today, officials said.",
    "US light crude rose $1.64 - the most in weeks, traders said on Monday.",
    "Update 2: more trains are coming today, officials said.",
    "In March 2020 - before the pandemic - the council met.", "On March 5: the council met.",
    "NATO (North Atlantic Treaty Organization) leaders met in Brussels on Tuesday.",
])
def test_ordinary_openings_are_not_datelines(first: str) -> None:
    assert run_steps(f"Head\n\n{first}\n", "dateline").meta.dateline is None


def test_a_dateline_on_a_line_of_its_own() -> None:
    state = run_steps("Head\n\nMADRID, 3 (EUROPA PRESS)\n\nEl servicio público de bicicletas "
                      "de Madrid llegará a seis nuevos distritos antes del verano.\n", "dateline")
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == ("MADRID", "3")
    assert state.meta.source == "EUROPA PRESS"
    assert state.chunks[1].role == "dateline" and state.first_body is state.chunks[2]


@pytest.mark.parametrize("line, place, date_text, source", [
    ("Lisboa, 4 de maio de 2019", "Lisboa", "4 de maio de 2019", None),
    ("Bruxelles, le 3 mai 2017", "Bruxelles", "3 mai 2017", None),
    ("ELDORET, Kenya, May 2 —", "ELDORET, Kenya", "May 2", None),
    ("AUCKLAND, May 2.", "AUCKLAND", "May 2", None),
    ("Gəncə, 4 may, AZƏRTAC", "Gəncə", "4 may", "AZƏRTAC"),
    ("هرات، د غويي ۱۲ (باختر)", "هرات", "د غويي ۱۲", "باختر"),
])
def test_standalone_dateline_shapes(line: str, place, date_text, source) -> None:
    state = run_steps(f"Head\n\n{line}\n\nThe city opened a new bus station near the centre "
                      "on Tuesday, officials said.\n", "dateline")
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == (place, date_text)
    assert state.meta.source == source
    assert state.chunks[1].role == "dateline" and state.chunks[2].role is None


@pytest.mark.parametrize("line", ["Monday, March 4, 2024", "RELEASE: 94-121",
                                  "Transport, 12 minutes"])
def test_date_lines_and_fields_are_not_standalone_datelines(line: str) -> None:
    state = run_steps(f"Head\n\n{line}\n\nThe city opened a new bus station near the centre "
                      "on Tuesday, officials said.\n", "dateline")
    assert state.meta.dateline is None


def test_a_caption_with_a_credit_is_not_a_standalone_dateline() -> None:
    state = run_steps("Head\n\nA boat at the jetty. (PTI)\n\nThe ferry service resumed on "
                      "Monday after a two-week strike by crews, officials said.\n", "dateline")
    assert state.meta.dateline is None and state.chunks[1].role is None


def test_a_dateline_on_the_first_line_of_the_paragraph() -> None:
    state = run_steps("Head\n\nGəncə, 4 may, AZƏRTAC\nŞəhərdə avtobus açılıb.\n", "dateline")
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == ("Gəncə", "4 may")
    assert state.meta.source == "AZƏRTAC" and state.chunks[1].prefix == "Gəncə, 4 may, AZƏRTAC"


def test_a_dateline_line_well_short_of_its_paragraph_is_a_chunk_of_its_own() -> None:
    # The layout step ends a paragraph at a line well short of its block, so this dateline
    # line is a chunk of its own (a dateline alone on its line), not the paragraph's prefix.
    state = run_steps("Head\n\nGəncə, 4 may, AZƏRTAC\nŞəhərdə yeni avtobus xətti açılıb və "
                      "sərnişinlərin istifadəsinə verilib.\n", "body")
    assert (state.meta.dateline.place, state.meta.dateline.date_text) == ("Gəncə", "4 may")
    assert state.meta.source == "AZƏRTAC"
    assert [block.content for block in state.body] == [
        ("Şəhərdə yeni avtobus xətti açılıb və sərnişinlərin istifadəsinə verilib.",)]


def test_a_papers_dispatch_credit_in_lenticular_brackets_is_the_source() -> None:
    state = run_steps("標題\n\n【東方專訊】政府昨日宣布，新巴士路線下月通車，乘客可直達市中心。\n",
                      "dateline")
    assert state.meta.source == "東方" and state.chunks[1].prefix == "【東方專訊】"
