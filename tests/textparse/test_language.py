from convert.textparse.steps.language import detect_language
from tests.textparse.conftest import run_steps


def test_declared_language_wins() -> None:
    text = "---\ntitle: Titre\nlang: fr-CA\n---\n\nThis body is written in English, oddly enough.\n"
    assert run_steps(text, "language").meta.language == "fr-CA"


def test_detected_primary_subtags() -> None:
    assert detect_language("Im Hamburger Tierpark ist in der Nacht zum Sonntag ein "
                           "Elefantenbaby geboren worden.") == "de"
    assert detect_language("서울시는 올해 자전거 도로를 새로 만든다고 밝혔다") == "ko"
    assert detect_language("北京今年将新建改造100公里自行车道，重点连接地铁站") == "zh"
    assert detect_language("too short") is None


def test_text_in_capitals_keeps_its_language() -> None:
    # fastText alone reads this as another language: the detector lower-cases it first.
    assert detect_language("THE HARBOUR REOPENED ON MONDAY AFTER THE STORM, AND THE FIRST "
                           "FERRIES LEFT ON TIME, OFFICIALS SAID.") == "en"
    assert detect_language("IM HAMBURGER TIERPARK IST IN DER NACHT ZUM SONNTAG EIN "
                           "ELEFANTENBABY GEBOREN WORDEN.") == "de"


def test_norwegian_is_given_as_bokmal_cldrs_alias_of_the_macrolanguage() -> None:
    text = ("Regjeringen vil bruke mer penger på jernbanen i årene som kommer, og flere "
            "strekninger skal bygges ut med dobbeltspor før neste valg, opplyser departementet.")
    assert detect_language(text) == "nb"
