"""Deadlines and the Algemene termijnenwet."""

from datetime import date

import pytest

from smi_tui.termijnen import atw, bezwaartermijn_einde, feestdagen, pasen


@pytest.mark.parametrize(("jaar", "paasdag"), [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
                                               (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28))])  # fmt: skip
def test_pasen(jaar, paasdag) -> None:
    assert pasen(jaar) == paasdag


def test_feestdagen_2026() -> None:
    f = feestdagen(2026)
    assert f[date(2026, 4, 6)] == "Tweede Paasdag"
    assert f[date(2026, 5, 14)] == "Hemelvaartsdag"
    assert f[date(2026, 5, 25)] == "Tweede Pinksterdag"
    assert f[date(2026, 4, 27)] == "Koningsdag"


def test_koningsdag_op_zondag_wordt_zaterdag() -> None:
    assert date(2025, 4, 26) in feestdagen(2025)  # 27 April 2025 is a Sunday


@pytest.mark.parametrize(
    ("einde", "verwacht"),
    [
        (date(2026, 11, 20), date(2026, 11, 20)),  # Friday stays
        (date(2026, 11, 21), date(2026, 11, 23)),  # Saturday -> Monday
        (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas Friday -> Saturday, Sunday -> Monday
        (date(2026, 4, 3), date(2026, 4, 3)),  # Good Friday is no holiday under the Atw
        (date(2026, 4, 4), date(2026, 4, 7)),  # Saturday, Easter, Easter Monday -> Tuesday
        (date(2026, 5, 5), date(2026, 5, 6)),  # Bevrijdingsdag
        (date(2026, 12, 31), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 4)),  # New Year Friday -> Monday
    ],
)
def test_algemene_termijnenwet(einde, verwacht) -> None:
    assert atw(einde) == verwacht


def test_bezwaartermijn_zes_weken_na_verzending() -> None:
    assert bezwaartermijn_einde(date(2026, 3, 3)) == date(2026, 4, 14)
    # sent 24 March 2026: six weeks later is 5 May (Bevrijdingsdag), so the term runs to 6 May
    assert bezwaartermijn_einde(date(2026, 3, 24)) == date(2026, 5, 6)
    # sent 14 November 2026 (Saturday): ends Saturday 26 December -> Monday 28 December
    assert bezwaartermijn_einde(date(2026, 11, 14)) == date(2026, 12, 28)
