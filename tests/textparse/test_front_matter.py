from tests.textparse.conftest import run_steps


def test_yaml_front_matter_fills_fields_and_is_not_text() -> None:
    state = run_steps('---\ntitle: "A title"\nauthor:\n  - Ann Lee\n  - Bo Chan\n'
                      "date: 2022-11-28T09:30:00+00:00\nlang: en-GB\ntags: [a, b]\n"
                      "id: urn:x:1\nunknown: kept\n---\n\nBody text.\n", "front-matter")
    meta = state.meta
    assert meta.headline == "A title"
    assert [b.name for b in meta.bylines] == ["Ann Lee", "Bo Chan"]
    assert meta.date_texts["published"][0].value == "2022-11-28T09:30:00+00:00"
    assert (meta.language, meta.keywords, meta.id) == ("en-GB", ["a", "b"], "urn:x:1")
    assert meta.extra == {"unknown": "kept"}
    assert [line.text for line in state.lines if line.text] == ["Body text."]


def test_rfc822_header_block() -> None:
    state = run_steps("Title: Night buses\nAuthor: Priya Raman\nKeywords: transport, night bus\n"
                      "\nBody.\n", "front-matter")
    assert state.meta.headline == "Night buses"
    assert state.meta.keywords == ["transport", "night bus"]
    assert [line.number for line in state.lines if line.text] == [5]


def test_a_first_paragraph_with_a_colon_is_not_a_header_block() -> None:
    state = run_steps("Warning: storms ahead tonight\nSecond line here\n\nBody.\n", "front-matter")
    assert state.meta.headline is None
    assert state.lines[0].text == "Warning: storms ahead tonight"


def test_dashes_without_yaml_mapping_are_left_alone() -> None:
    state = run_steps("---\njust text\n---\n\nBody.\n", "front-matter")
    assert state.lines[1].text == "just text"


def test_a_feed_export_namespaced_keys_and_a_last_key_whose_value_is_the_text() -> None:
    state = run_steps("title: Port opens a second berth\nlink: https://example.org/a\n"
                      "dc:creator: Hemi Walker\ndescription:\nThe port opened a berth.\n\n"
                      "It cost a lot.\n", "front-matter")
    assert state.meta.headline == "Port opens a second berth"
    assert [b.name for b in state.meta.bylines] == ["Hemi Walker"]
    assert [line.text for line in state.lines if line.text] == [
        "The port opened a berth.", "It cost a lot."]
