"""Numbers as a Dutch person writes them: a table of real inputs, refusals that show how to write it, and the
property that the app reads its own formatting back to the same amount."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smi_tui.geld import euro, uren
from smi_tui.getallen import (
    BEDRAG,
    GETAL,
    PERCENTAGE,
    UREN,
    GetalFout,
    lees,
    lees_bedrag,
    lees_geheel,
    lees_percentage,
    lees_uren,
    nl_getal,
    toon,
)

# (typed, eurocents): what a Dutch reader reads
BEDRAGEN = [
    ("28.500", 28_500_00),  # a dot in the thousands position groups thousands (the income misread as € 28,50)
    ("28.500,50", 28_500_50),
    ("€ 3.400", 3_400_00),  # misread as € 3,40 before
    ("€3.400,-", 3_400_00),  # ',-': whole euros
    ("€ 3.400,--", 3_400_00),
    ("3.400,\u2014", 3_400_00),  # an em dash after the comma, as a word processor makes it
    ("EUR 3.400", 3_400_00),
    ("eur 3.400,00", 3_400_00),
    ("3.400 euro", 3_400_00),
    ("3.400 €", 3_400_00),
    ("10,95", 10_95),
    ("10,9", 10_90),
    ("1.234,5", 1_234_50),
    ("1.234", 1_234_00),  # unambiguous: a Dutch reader reads one thousand two hundred and thirty-four
    ("1.234.567,89", 1_234_567_89),
    ("28500", 28_500_00),
    ("28 500", 28_500_00),  # a space between groups of three (as some forms print it)
    ("28\u00a0500", 28_500_00),  # a non-breaking space, copied from a document
    ("28\u202f500,50", 28_500_50),  # a narrow non-breaking space
    ("  28.500  ", 28_500_00),
    (",50", 50),
    ("0,01", 1),
    ("0", 0),
    ("007", 7_00),
    ("100.000.000", 100_000_000_00),
]


@pytest.mark.parametrize(("tekst", "centen"), BEDRAGEN)
def test_bedrag_zoals_een_nederlander_het_leest(tekst: str, centen: int) -> None:
    assert lees_bedrag(tekst) == centen


# (typed, words the refusal must contain): two readings, or not a number at all — never a guess
GEWEIGERD = [
    ("28.50", ["niet eenduidig", "28,50 (achtentwintig euro vijftig)", "28.500 (achtentwintigduizend vijfhonderd"]),
    ("1.23", ["niet eenduidig", "1,23 (één euro drieëntwintig)", "1.230 (duizend tweehonderddertig euro)"]),
    ("1,234.56", ["niet eenduidig", "1.234,56 (duizend tweehonderdvierendertig euro zesenvijftig)"]),
    ("1,234,567", ["niet eenduidig", "1.234.567"]),
    ("1.2345", ["niet eenduidig", "groepen van drie cijfers", "12.345"]),
    ("28,500", ["niet eenduidig", "28,50 (achtentwintig euro vijftig)", "28.500 (achtentwintigduizend"]),
    ("10,955", ["drie cijfers na de komma", "hoogstens twee", "10.955"]),
    ("1.234,567", ["drie cijfers na de komma", "hoogstens twee"]),
    ("28.50.0", ["groepen van drie cijfers", "28.500", "28,50"]),
    ("2.85.00", ["groepen van drie cijfers"]),
    ("28.", ["groepen van drie cijfers"]),
    ("0.5", ["niet eenduidig", "0,50 (vijftig cent)"]),
    ("28 50", ["niet eenduidig", "28,50", "28.500"]),  # a space that cannot group thousands reads like a dot
    ("28,", ["na de komma horen cijfers", "28,50"]),
    ("-5", ["negatief bedrag kan hier niet"]),
    ("€ -3.400", ["negatief bedrag kan hier niet"]),
    ("-€ 3.400", ["negatief bedrag kan hier niet"]),
    ("", ["vul een bedrag in"]),
    ("   ", ["vul een bedrag in"]),
    ("abc", ["is geen bedrag", "28.500,50"]),
    ("28k", ["is geen bedrag"]),
    ("1e5", ["is geen bedrag"]),  # no scientific notation
    ("NaN", ["is geen bedrag"]),
    ("12,5%", ["is geen bedrag"]),  # a percentage in a money field
    ("€", ["is geen bedrag"]),
]


@pytest.mark.parametrize(("tekst", "delen"), GEWEIGERD)
def test_weigering_zegt_hoe_het_moet(tekst: str, delen: list[str]) -> None:
    with pytest.raises(GetalFout) as fout:
        lees_bedrag(tekst)
    for deel in delen:
        assert deel in str(fout.value)


def test_weigering_van_28_50_in_zijn_geheel() -> None:
    with pytest.raises(GetalFout) as fout:
        lees_bedrag("28.50")
    assert str(fout.value) == (
        "'28.50' is niet eenduidig: schrijf 28,50 (achtentwintig euro vijftig) of 28.500 "
        "(achtentwintigduizend vijfhonderd euro)"
    )


def test_negatief_bedrag_waar_dat_mag() -> None:
    assert lees_bedrag("€ -1.234,56", negatief=True) == -1_234_56
    assert lees_bedrag("-€ 3.400", negatief=True) == -3_400_00
    assert lees_bedrag("\u22125", negatief=True) == -5_00  # the Unicode minus sign


UREN_TABEL = [("2,5 uur", Decimal("2.5")), ("2,5u", Decimal("2.5")), ("32", Decimal(32)), ("32,25 uren", Decimal("32.25")),
              ("0,5", Decimal("0.5"))]  # fmt: skip


@pytest.mark.parametrize(("tekst", "waarde"), UREN_TABEL)
def test_uren(tekst: str, waarde: Decimal) -> None:
    assert lees_uren(tekst) == waarde


@pytest.mark.parametrize(
    ("tekst", "deel"),
    [
        ("2.5", "2,5 (twee komma vijf uur)"),
        ("2,125", "hoogstens twee"),
        ("€ 5", "is geen aantal uren"),
        ("-2", "negatief"),
    ],
)
def test_uren_geweigerd(tekst: str, deel: str) -> None:
    with pytest.raises(GetalFout, match=deel.replace("(", r"\(").replace(")", r"\)")):
        lees_uren(tekst)


@pytest.mark.parametrize(
    ("tekst", "waarde"),
    [("12,5%", Decimal("12.5")), ("12,5 %", Decimal("12.5")), ("80 procent", Decimal(80)), ("100", Decimal(100))],
)
def test_percentage(tekst: str, waarde: Decimal) -> None:
    assert lees_percentage(tekst) == waarde


def test_percentage_geweigerd() -> None:
    with pytest.raises(GetalFout, match="niet eenduidig: schrijf 12,5 \\(twaalf komma vijf procent\\)"):
        lees_percentage("12.5%")


@pytest.mark.parametrize(("tekst", "waarde"), [("52", 52), ("1.000", 1000), ("1 000", 1000)])
def test_geheel(tekst: str, waarde: int) -> None:
    assert lees_geheel(tekst) == waarde


@pytest.mark.parametrize("tekst", ["52,5", "52,0", "5.2"])
def test_geheel_geweigerd(tekst: str) -> None:
    with pytest.raises(GetalFout):
        lees_geheel(tekst)


def test_getal_zonder_grens_aan_decimalen() -> None:
    assert lees("1,2345", GETAL) == Decimal("1.2345")  # Dutch: one comma two three four five
    with pytest.raises(GetalFout, match="niet eenduidig: schrijf 1,2345"):
        lees("1.2345", GETAL)


def test_tonen() -> None:
    assert toon(28_500_00, BEDRAG) == "€ 28.500,00"
    assert toon(Decimal("32.5"), UREN) == "32,5 uur"
    assert toon(Decimal("12.5"), PERCENTAGE) == "12,5%"
    assert nl_getal(Decimal("-1234567.5")) == "-1.234.567,5"


# ------------------------------------------------------------------------------------------ properties


@given(st.integers(min_value=0, max_value=100_000_000_00))
def test_euro_leest_terug_als_hetzelfde_bedrag(centen: int) -> None:
    assert lees_bedrag(euro(centen)) == centen
    assert lees_bedrag(toon(centen, BEDRAG)) == centen


@given(st.integers(min_value=-100_000_000_00, max_value=100_000_000_00))
def test_euro_met_minteken_leest_terug(centen: int) -> None:
    assert lees_bedrag(euro(centen), negatief=True) == centen


@given(st.decimals(min_value=0, max_value=168, places=2))
def test_uren_leest_terug(waarde: Decimal) -> None:
    assert lees_uren(uren(waarde)) == waarde
    assert lees_uren(toon(waarde, UREN)) == waarde


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_percentage_leest_terug(waarde: Decimal) -> None:
    assert lees_percentage(toon(waarde, PERCENTAGE)) == waarde


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4))
def test_nl_getal_leest_terug(waarde: Decimal) -> None:
    assert lees(nl_getal(waarde), replace(GETAL, negatief=True)) == waarde


@given(st.integers(min_value=1, max_value=999), st.text("0123456789", min_size=1, max_size=2))
def test_een_punt_voor_een_of_twee_cijfers_wordt_nooit_geraden(heel: int, na: str) -> None:
    tekst = f"{heel}.{na}"
    with pytest.raises(GetalFout, match="niet eenduidig"):
        lees_bedrag(tekst)


@given(st.text(alphabet=st.sampled_from("0123456789.,- €%uEURr\u00a0+"), max_size=14) | st.text(max_size=10))
def test_elke_invoer_geeft_een_getal_of_een_nederlandse_melding(tekst: str) -> None:
    for soort in (BEDRAG, UREN, PERCENTAGE, GETAL):
        try:
            lees(tekst, soort)
        except GetalFout as fout:
            assert str(fout)  # a message, never a traceback of another kind
