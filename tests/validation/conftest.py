"""Validation tests use the official files from ``../shared/standards`` through
``NEWSCONVERT_SCHEMAS`` (as a user would), and an empty schema cache."""

from __future__ import annotations

import pytest

from tests.conftest import STANDARDS


@pytest.fixture(autouse=True)
def official_schemas(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    monkeypatch.setenv("NEWSCONVERT_SCHEMAS", str(STANDARDS))
    monkeypatch.setenv("NEWSCONVERT_CACHE", str(tmp_path_factory.mktemp("empty-cache")))


@pytest.fixture
def no_official_schemas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSCONVERT_SCHEMAS")
