from convert.model import Emphasis, Link, Strong
from convert.textparse.inline import clean_text, to_inlines


def test_entities_and_stray_tags() -> None:
    assert to_inlines("Smith &amp; Sons<br> <span class=\"x\">baked</span> &#8217;til 11am") == (
        "Smith & Sons baked ’til 11am",)


def test_other_angle_brackets_and_bare_ampersands_are_content() -> None:
    text = "<script>alert(1)</script> if (count < 10 && user != \"admin\") R&D"
    assert to_inlines(text) == (text,)


def test_markdown_and_html_emphasis_and_links() -> None:
    assert to_inlines("a *b* **c** _d_ <em>e</em> <b>f</b> [g](https://x.org) "
                      "<a href=\"https://y.org\">h</a>") == (
        "a ", Emphasis(("b",)), " ", Strong(("c",)), " ", Emphasis(("d",)), " ",
        Emphasis(("e",)), " ", Strong(("f",)), " ", Link(("g",), "https://x.org"), " ",
        Link(("h",), "https://y.org"))


def test_snake_case_and_arithmetic_are_not_emphasis() -> None:
    assert to_inlines("user_id_field and 2 * 3 * 4") == ("user_id_field and 2 * 3 * 4",)
    assert clean_text("  spaced\u00a0 out  ") == "spaced out"
