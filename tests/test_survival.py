"""bench/survival.py's figures: what survives NewsML-G2 <-> ninjs <-> canonical JSON.

Every official IPTC example and real third-party file in ../shared goes
through; every output must pass the official schema and ``newsconvert
validate`` with the IPTC catalog, canonical JSON must give back the same
document, and no figure may fall below what this code measured when the test
was written (README "IPTC ninjs" gives the figures and the issue's targets).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT

#: Measured with this code (bench/survival.py); the targets of issue 15 are
#: 98 / 90 / 95 / 95 %: see README for which are not met yet and why.
FLOORS = {"newsml->newsml": 99.7, "newsml->ninjs": 96.2, "ninjs->ninjs": 95.8,
          "ninjs->newsml": 97.4}


@pytest.fixture(scope="module")
def survival():
    spec = importlib.util.spec_from_file_location("survival", ROOT / "bench" / "survival.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["survival"] = module
    spec.loader.exec_module(module)
    return module.measure()


def test_every_output_passes_the_official_schema_and_newsconvert_validate(survival) -> None:
    assert survival.outputs > 120
    assert survival.invalid == []


def test_canonical_json_gives_back_the_same_document(survival) -> None:
    same, total = survival.canonical
    assert total > 60 and same == total


@pytest.mark.parametrize("direction", FLOORS)
def test_survival_does_not_fall(survival, direction: str) -> None:
    assert survival.percent(direction) >= FLOORS[direction]
