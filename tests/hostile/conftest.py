"""Hostile-input tests run with the official schemas loaded (``../shared/standards``
through ``NEWSCONVERT_SCHEMAS``, as a user would): the XSD and the ninjs schemas
are part of what an attacker's file goes through."""

from __future__ import annotations

import pytest

from tests.conftest import STANDARDS


@pytest.fixture(autouse=True)
def official_schemas(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    monkeypatch.setenv("NEWSCONVERT_SCHEMAS", str(STANDARDS))
    monkeypatch.setenv("NEWSCONVERT_CACHE", str(tmp_path_factory.mktemp("empty-cache")))
