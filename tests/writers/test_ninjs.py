"""ninjs writer: every output valid by the official IPTC schema of its version.

Validation uses jsonschema with format checking on and a local, fetch-refusing
registry (see ``tests/ninjs_schemas.py``).
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from convert import api
from convert.cli import app
from convert.errors import ConvertError
from convert.model import Byline, Dateline
from convert.formats.ninjs import lost_fields
from convert.options import WriteOptions
from convert.writers import ninjs as writer
from tests.conftest import FIXTURES
from tests.support.factories import ALL, ARABIC, FULL
from tests.support.ninjs import VERSIONS, FetchRefused, documents, errors, validator


def ninjs(doc, version: str) -> dict:
    return json.loads(api.write(doc, "ninjs", WriteOptions(ninjs_version=version)))


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", sorted(documents()))
def test_output_is_valid_by_the_official_schema(name: str, version: str) -> None:
    data = ninjs(documents()[name], version)
    assert errors(data, version) == []
    assert data["uri"] == documents()[name].id


# ---------------------------------------------------------------- the validator is real


def test_format_checking_is_on() -> None:
    for version in VERSIONS:
        assert {"uri", "date-time"} <= set(validator(version).format_checker.checkers)
        good = ninjs(FULL, version)
        assert errors({**good, "uri": "not an absolute uri"}, version), version
        date_key = "firstCreated" if version == "3.1" else "firstcreated"
        assert errors({**good, date_key: "2022-11-28"}, version), version


def test_schema_rejects_unknown_keys_and_missing_uri() -> None:
    for version in VERSIONS:
        good = ninjs(FULL, version)
        assert errors({**good, "headlinez": "x"}, version)
        assert errors({k: v for k, v in good.items() if k != "uri"}, version)


def test_geojson_reference_resolves_locally() -> None:
    point = {"type": "Point", "coordinates": [-2.97, 56.46]}
    data = {**ninjs(FULL, "3.1"), "places": [{"name": "Dundee", "geoJSON": point}]}
    assert errors(data, "3.1") == []
    assert errors({**data, "places": [{"name": "Dundee", "geoJSON": {"type": "Point"}}]}, "3.1")


def test_registry_refuses_to_fetch() -> None:
    from jsonschema import Draft202012Validator

    from tests.support.ninjs import registry

    schema = {"$ref": "https://example.org/elsewhere.json"}
    checker = Draft202012Validator(schema, registry=registry())
    with pytest.raises(Exception) as raised:
        checker.validate({})
    causes = []
    error: BaseException | None = raised.value
    while error is not None:
        causes.append(error)
        error = error.__cause__
    assert any(isinstance(cause, FetchRefused) for cause in causes), causes


# ---------------------------------------------------------------- the mapping per version


def test_3_1_is_camel_case_with_role_arrays() -> None:
    data = ninjs(FULL, "3.1")
    assert data["standard"] == {"name": "ninjs", "version": "3.1",
                                "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}
    assert data["contentCreated"] == "2022-11-28T09:30:00+00:00"  # the article's date
    assert "firstCreated" not in data  # the item's first version: not stated
    assert (data["pubStatus"], data["versionCreated"]) == ("usable", "2023-11-14T22:13:20Z")
    assert data["copyrightNotice"] == FULL.copyright
    assert data["headlines"] == [{"role": "main", "value": FULL.headline},
                                 {"role": "sub", "value": FULL.subheadline}]
    assert [(b["role"], b["contentType"]) for b in data["bodies"]] == [
        ("main", "text/html"), ("plain", "text/plain")]
    assert data["bodies"][0]["value"].startswith("<p>Plain <em>emphasis</em>")
    assert "people" not in data  # authors are the by line, people are those in the news
    assert data["by"] == "Fiona Baird, Callum Reid"
    assert data["infoSources"] == [{"name": "PA"}]
    assert data["subjects"] == [{"name": "transport"}, {"name": "walking"}]
    assert {"role": "url", "value": FULL.url} in data["altIds"]


def test_2_2_is_lower_case_with_plural_arrays() -> None:
    data = ninjs(FULL, "2.2")
    assert data["contentcreated"] == "2022-11-28T09:30:00+00:00"
    assert data["copyrightnotice"] == FULL.copyright
    assert data["descriptions"] == [{"role": "summary", "contenttype": "text/plain",
                                     "value": FULL.summary}]
    assert data["bodies"][0]["contenttype"] == "text/html"
    assert "infosources" in data and "altids" in data
    assert not any(key != key.lower() for key in data)


def test_1_6_is_flat() -> None:
    data = ninjs(FULL, "1.6")
    assert data["$standard"]["version"] == "1.6"
    assert data["headline"] == FULL.headline and data["headline_sub"] == FULL.subheadline
    assert data["description_summary"] == FULL.summary
    assert data["body_html"].startswith("<p>") and data["body_text"].startswith("Plain emphasis")
    assert data["byline"] == "Fiona Baird, Callum Reid"
    assert "person" not in data
    assert data["altids"]["url"] == FULL.url
    assert "headlines" not in data and "bodies" not in data


def test_body_html_escapes_text_and_attributes() -> None:
    html = ninjs(FULL, "3.1")["bodies"][0]["value"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;" in html
    assert "<script>" not in html
    assert 'href="https://example.org/more?a=1&amp;b=2"' in html


# ---------------------------------------------------------------- dates


def test_date_only_is_kept_verbatim_never_completed() -> None:
    data = ninjs(replace(FULL, published="2022-11-29"), "3.1")
    assert "contentCreated" not in data  # no midnight made up
    assert {"role": "newsconvert:published", "value": "2022-11-29"} in data["altIds"]
    assert {"role": "newsconvert:updated", "value": "2022-11-29"} in data["altIds"]


def test_local_time_is_never_shifted() -> None:
    """No -00:00 (read as UTC by every parser): left out with a warning, or the given zone."""
    doc = replace(FULL, published="2019-03-05T10:21:00")
    data = ninjs(doc, "1.6")
    assert "contentcreated" not in data
    assert data["altids"]["newsconvert:published"] == "2019-03-05T10:21:00"
    assert any("published '2019-03-05T10:21:00' states no time zone" in warning
               for warning in writer.losses(doc, WriteOptions(ninjs_version="1.6")))
    zoned = json.loads(writer.write(doc, WriteOptions(ninjs_version="3.1",
                                                      timezone="Asia/Shanghai")))
    assert zoned["contentCreated"] == "2019-03-05T10:21:00+08:00"


def test_an_embargo_with_no_zone_makes_the_item_withheld() -> None:
    doc = replace(FULL, embargoed="2019-03-05T10:21:00")
    data = ninjs(doc, "3.1")
    assert "embargoedUntil" not in data and data["pubStatus"] == "withheld"
    assert errors(data, "3.1") == []


def test_unreadable_date_is_kept_but_not_written_as_a_date_time() -> None:
    data = ninjs(replace(FULL, published="yesterday"), "2.2")
    assert "contentcreated" not in data
    assert {"role": "newsconvert:published", "value": "yesterday"} in data["altids"]
    assert errors(data, "2.2") == []


# ---------------------------------------------------------------- lost fields


def test_lost_fields_names_what_no_version_carries() -> None:
    lossy = replace(FULL, bylines=(Byline("Ann Lee", "photographer"),),
                    dateline=Dateline(None, "Nov 28"), extra=(("desk", "metro"),))
    for version in VERSIONS:
        assert lost_fields(FULL, version) == ["dateline.date_text"]
        assert lost_fields(ARABIC, version) == []
        assert lost_fields(lossy, version) == ["bylines.role", "dateline", "extra"]


def test_an_id_that_is_not_a_uri_is_written_under_the_guid_urn_with_a_warning() -> None:
    doc = replace(FULL, id="tag_reuters.com_2014_newsml_KBN0FL0NN")
    data = json.loads(api.write(doc, "ninjs"))
    assert data["uri"] == "urn:newsconvert:guid:tag_reuters.com_2014_newsml_KBN0FL0NN"
    assert any("is not a URI" in warning for warning in writer.losses(doc, WriteOptions()))
    assert not any("is not a URI" in warning for warning in writer.losses(FULL, WriteOptions()))


def test_unknown_version_is_a_usage_error() -> None:
    with pytest.raises(ConvertError) as raised:
        api.write(FULL, "ninjs", WriteOptions(ninjs_version="3.0"))
    assert raised.value.code == "usage"
    with pytest.raises(ConvertError):
        lost_fields(FULL, "4")


# ---------------------------------------------------------------- golden files


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", sorted(ALL))
def test_golden(name: str, version: str, golden) -> None:
    data = api.write(ALL[name], "ninjs", WriteOptions(ninjs_version=version))
    assert data == api.write(ALL[name], "ninjs", WriteOptions(ninjs_version=version))
    golden(FIXTURES / "ninjs" / f"factory-{name}.{version}.json", data)


# ---------------------------------------------------------------- command line


@pytest.fixture
def full_json(tmp_path):
    path = tmp_path / "full.json"
    path.write_bytes(api.write(FULL, "json"))
    return path


def test_cli_writes_each_version_and_warns_about_losses(full_json) -> None:
    for version in VERSIONS:
        result = CliRunner().invoke(app, ["convert", str(full_json), "--to", "ninjs",
                                          "--ninjs-version", version])
        assert result.exit_code == 0, result.output
        assert errors(json.loads(result.stdout), version) == []
        assert f"ninjs {version} cannot carry dateline.date_text" in result.stderr


def test_cli_refuses_an_unknown_version(full_json) -> None:
    result = CliRunner().invoke(app, ["convert", str(full_json), "--to", "ninjs",
                                      "--ninjs-version", "2.0"])
    assert result.exit_code == 2
    assert "--ninjs-version '2.0': choose one of 3.1, 2.2, 1.6" in result.stderr
    assert result.stdout == ""


def test_cli_default_is_3_1(full_json) -> None:
    result = CliRunner().invoke(app, ["convert", str(full_json), "--to", "ninjs"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["standard"]["version"] == "3.1"
