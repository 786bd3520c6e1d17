"""National tables: each month with its own year's table (tabellen/, copied from shared/data with their sources)."""

from datetime import date
from fractions import Fraction

import pytest

from smi_tui import landelijk


@pytest.mark.parametrize(
    ("jaar", "eerste", "volgende"),
    [
        (2023, "67.1", "91.1"),  # kot_2023.json band 77.973 - 81.320
        (2024, "69.4", "91.6"),  # kot_2024.json band 78.372 - 81.886
    ],
)
def test_kot_tabel_van_het_eigen_jaar(jaar, eerste, volgende) -> None:
    a = landelijk.kot_percentage(jaar, 80_000_00, True)
    b = landelijk.kot_percentage(jaar, 80_000_00, False)
    assert (a.waarde, b.waarde) == (Fraction(eerste), Fraction(volgende))
    assert not a.voorlopig and a.jaar == jaar and a.tabel == f"KOT-tabel {jaar}"


def test_jaar_zonder_volledige_tabel_blijft_voorlopig_bij_naam() -> None:
    # 2025: no complete KOT table (shared/data/README.md) -> the latest complete table, marked provisional by name
    w = landelijk.kot_percentage(2025, 80_000_00, True)
    assert w.voorlopig and "KOT-tabel 2025 ontbreekt" in w.toelichting


@pytest.mark.parametrize(
    ("peil", "samen", "cent", "voorlopig"),
    [
        (date(2025, 7, 1), True, 195580, False),  # bijstandsnorm per 1 July 2025, gehuwden 1.955,80
        (date(2025, 12, 31), False, 136906, False),  # alleenstaande (ouder) per 1 July 2025: 1.369,06
        (date(2026, 1, 1), True, 200213, False),  # per 1 January 2026: 2.002,13 (one source family)
        (date(2026, 7, 1), True, 200213, True),  # per 1 July 2026 NOT FOUND: the January figure, provisional
    ],
)
def test_bijstandsnormen(peil, samen, cent, voorlopig) -> None:
    n = landelijk.norm("bijstandsnorm", peil, samen)
    assert (n.waarde, n.voorlopig) == (cent, voorlopig)
    if peil == date(2026, 1, 1):
        assert "één bronfamilie" in n.toelichting


def test_minimumloon_juli_2026() -> None:
    # referentiemaandloon per 1 July 2026: 2.337,00 (tabellen/minimumnormen.json)
    assert landelijk.norm("referentiemaandloon", date(2026, 7, 1), False).waarde == 233700
