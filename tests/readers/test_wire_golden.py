"""The wire readers' golden command cases (ANPA-1312, IPTC 7901): each
``fixtures/wire/NAME.cmd`` run prints ``NAME.expected`` (see ``wire_cases``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.wire_cases import WIRE, run_case

CASES = sorted(WIRE.glob("*.cmd"))


@pytest.mark.parametrize("cmd", CASES, ids=[p.stem for p in CASES])
def test_golden(cmd: Path, golden) -> None:
    golden(cmd.with_suffix(".expected"), run_case(cmd))


def test_there_are_golden_cases_of_each_shape() -> None:
    assert {p.stem for p in CASES} >= {
        "anpa1312-story", "anpa1312-unknown-priority", "anpa1312-no-stx",
        "iptc7901-framed", "iptc7901-stripped", "iptc7901-empty"}
