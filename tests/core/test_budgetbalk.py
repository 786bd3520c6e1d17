"""The budget as a bar (issue 15, deliverable 8): cells for committed, reserved and remaining against the ceiling
of Albrandswaard, artikel 7 lid 4 (€ 30.000 a year, the figure in its beleidsregels for 2025, used here for 2026
as the tests of test_budget do), with the figures beside it."""

from __future__ import annotations

from smi_tui.budget import Budgetoverzicht, budgetbalk, budgetoverzicht, budgetregel
from tests.core.test_budget import MAAND, regeling, toegekend_2026, zaken

PLAFOND = 3000000  # € 30.000,00 (Albrandswaard, artikel 7 lid 4)


def test_balk_binnen_het_plafond() -> None:
    alle = [(n, z) for n, z in zaken() if n != "SMI-2026-0009"]
    o = budgetoverzicht(regeling(toegekend_2026()), 2026, alle, plafond_cent=PLAFOND)
    # vastgelegd 9 x MAAND = 1.324.422 ct; gereserveerd 6 x MAAND = 882.948 ct (SMI-2026-0005, Mar-Aug)
    # 30 cells: vastgelegd ends at 1.324.422 x 30 / 3.000.000 = 13,24 -> 13; vastgelegd + gereserveerd =
    # 2.207.370 x 30 / 3.000.000 = 22,07 -> 22, so 9 reserved cells and 30 - 22 = 8 remaining
    b = budgetbalk(o, 30)
    assert b is not None and (b.vastgelegd, b.gereserveerd, b.resterend, b.tekort) == (13, 9, 8, 0)
    assert b.tekst() == "█" * 13 + "▒" * 9 + "░" * 8
    # the figures beside it: resterend 3.000.000 - 2.207.370 = 792.630 ct
    assert budgetregel(o) == (
        "█ vastgelegd € 13.244,22  ▒ gereserveerd € 8.829,48  ░ resterend € 7.926,30  — plafond 2026 € 30.000,00"
    )


def test_balk_boven_het_plafond_toont_het_tekort() -> None:
    o = budgetoverzicht(regeling(toegekend_2026()), 2026, zaken(), plafond_cent=PLAFOND)
    assert o.vastgelegd_cent + o.gereserveerd_cent == 21 * MAAND  # 3.090.318 ct > 3.000.000
    # the scale is then 3.090.318: vastgelegd 1.324.422 x 30 / 3.090.318 = 12,86 -> 13; the ceiling at
    # 3.000.000 x 30 / 3.090.318 = 29,12 -> 29: 16 reserved cells fit, 1 cell beyond the ceiling
    b = budgetbalk(o, 30)
    assert b is not None and (b.vastgelegd, b.gereserveerd, b.resterend, b.tekort) == (13, 16, 0, 1)
    assert b.tekst().endswith("▒×")
    assert "tekort € 903,18" in budgetregel(o)  # 3.090.318 - 3.000.000 = 90.318 ct


def test_zonder_plafond_geen_balk_maar_de_melding() -> None:
    o = Budgetoverzicht(
        "albrandswaard-2025",
        2027,
        None,
        "",
        0,
        0,
        None,
        [],
        [],
        "artikel 7 lid 4",
        melding="Geen budgetplafond bekend voor 2027; de functioneel beheerder vult het in.",
    )
    assert budgetbalk(o) is None
    assert budgetregel(o).startswith("Geen budgetplafond bekend voor 2027")


def test_leeg_budget_is_helemaal_resterend() -> None:
    o = budgetoverzicht(regeling(toegekend_2026()), 2026, [], plafond_cent=PLAFOND)
    b = budgetbalk(o, 10)
    assert b is not None and b.tekst() == "░" * 10
