"""Deadlines and the Algemene termijnenwet."""

from datetime import date

import pytest

from smi_tui.atw import atw, atw_einde, besluit_bekend, feestdagen, laatste_bekende_jaar, pasen
from smi_tui.termijnen import bezwaartermijn_einde


@pytest.mark.parametrize(
    ("jaar", "paasdag"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28))],
)
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
        # Goede Vrijdag is a holiday for the Atw (artikel 3 lid 2): Fri 3 Apr 2026 (Easter 5 Apr) -> Sat 4, Sun 5,
        # Mon 6 (Tweede Paasdag, lid 1) -> Tuesday 7 April; the day before (Thursday 2 April) stays
        (date(2026, 4, 3), date(2026, 4, 7)),
        (date(2026, 4, 2), date(2026, 4, 2)),
        # Goede Vrijdag 2027: Easter 28 Mar -> Fri 26 Mar -> Sat 27, Sun 28, Mon 29 (Tweede Paasdag) -> Tue 30 March
        (date(2027, 3, 26), date(2027, 3, 30)),
        (date(2027, 3, 25), date(2027, 3, 25)),
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


@pytest.mark.parametrize(
    ("einde", "verwacht"),
    [
        # artikel 3 lid 3 Atw, Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en
        # 26 mei 2028 (tabellen/atw_feestdagen.json); each is a Friday, so Sat + Sun follow -> the Monday after
        (date(2026, 1, 2), date(2026, 1, 5)),  # decree day -> Monday 5 January
        (date(2026, 1, 1), date(2026, 1, 5)),  # the day before: Nieuwjaarsdag (Thu) -> 2 Jan decree -> Mon 5 Jan
        (date(2025, 12, 31), date(2025, 12, 31)),  # Wednesday: stays
        (date(2026, 5, 15), date(2026, 5, 18)),  # decree day -> Monday 18 May
        (date(2026, 5, 14), date(2026, 5, 18)),  # the day before: Hemelvaartsdag (Easter 5 Apr + 39 days)
        (date(2026, 5, 13), date(2026, 5, 13)),  # Wednesday: stays
        (date(2027, 5, 7), date(2027, 5, 10)),  # decree day -> Monday 10 May
        (date(2027, 5, 6), date(2027, 5, 10)),  # the day before: Hemelvaartsdag 2027 (28 Mar + 39 days)
        (date(2027, 5, 4), date(2027, 5, 4)),  # Tuesday: stays (5 May is a holiday itself)
        (date(2028, 4, 28), date(2028, 5, 1)),  # decree day -> Monday 1 May
        (date(2028, 4, 27), date(2028, 5, 1)),  # the day before: Koningsdag (Thursday)
        (date(2028, 5, 26), date(2028, 5, 29)),  # decree day -> Monday 29 May
        (date(2028, 5, 25), date(2028, 5, 29)),  # the day before: Hemelvaartsdag 2028 (16 Apr + 39 days)
    ],
)
def test_gelijkgestelde_dagen(einde, verwacht) -> None:
    a = atw_einde(einde)
    assert a.einde == verwacht
    assert not a.voorlopig


def test_goede_vrijdag_en_gelijkgestelde_dag_zijn_benoemd() -> None:
    assert feestdagen(2026)[date(2026, 4, 3)].startswith("Goede Vrijdag")
    assert "artikel 3 lid 3" in feestdagen(2026)[date(2026, 1, 2)]
    assert "Goede Vrijdag" in atw_einde(date(2026, 4, 3)).uitleg()


def test_jaar_zonder_bekend_besluit_is_voorlopig() -> None:
    # the table knows besluiten up to 2028; 2029 has none: computed without decree days and marked provisional.
    # Fri 11 May 2029, the day after Hemelvaartsdag (Easter 1 Apr 2029 + 39 = Thu 10 May): no known decree, stays
    assert laatste_bekende_jaar() == 2028
    assert not besluit_bekend(2029)
    a = atw_einde(date(2029, 5, 11))
    assert a.einde == date(2029, 5, 11)
    assert a.voorlopig
    assert "2029" in a.uitleg() and "artikel 3 lid 3" in a.uitleg()
    # Sat 30 Dec 2028 -> Sun 31 -> Mon 1 Jan 2029 (Nieuwjaarsdag) -> Tue 2 Jan 2029: ends in an unknown year
    b = atw_einde(date(2028, 12, 30))
    assert b.einde == date(2029, 1, 2)
    assert b.voorlopig
    assert not atw_einde(date(2028, 12, 29)).voorlopig  # Friday 29 December 2028 stays, 2028 is known


def test_artikel_2_twee_werkdagen_in_een_termijn_van_drie_dagen() -> None:
    # a three-day term Sat 9 .. Mon 11 January 2027 holds one working day; artikel 2 Atw extends it until it holds
    # two: Tuesday 12 January. Artikel 1 alone would leave it on Monday.
    assert atw_einde(date(2027, 1, 11), date(2027, 1, 9)).einde == date(2027, 1, 12)
    assert atw(date(2027, 1, 11)) == date(2027, 1, 11)
    # Fri 8 .. Sun 10 January 2027: one working day; Mon 11 is the second -> Monday 11 January
    assert atw_einde(date(2027, 1, 10), date(2027, 1, 8)).einde == date(2027, 1, 11)
    # a two-day term is not extended by artikel 2 (Sat 9 .. Sun 10 -> artikel 1: Monday 11)
    assert atw_einde(date(2027, 1, 10), date(2027, 1, 9)).einde == date(2027, 1, 11)


def test_bezwaartermijn_op_goede_vrijdag_en_gelijkgestelde_dag() -> None:
    # sent Fri 20 Feb 2026: 6 weeks (Awb 6:7, 6:8) = 42 days -> Fri 3 April 2026, Goede Vrijdag (art. 3 lid 2 Atw)
    # -> Sat, Sun (Easter), Mon 6 April (Tweede Paasdag) -> Tuesday 7 April
    assert bezwaartermijn_einde(date(2026, 2, 20)) == date(2026, 4, 7)
    assert bezwaartermijn_einde(date(2026, 2, 19)) == date(2026, 4, 2)  # day before: Thursday 2 April stays
    # sent Fri 3 April 2026: + 42 days = Fri 15 May 2026, decree day (art. 3 lid 3) -> Monday 18 May
    assert bezwaartermijn_einde(date(2026, 4, 3)) == date(2026, 5, 18)
    # sent Thu 2 April: + 42 = Thu 14 May, Hemelvaartsdag -> Fri 15 May decree day -> Monday 18 May
    assert bezwaartermijn_einde(date(2026, 4, 2)) == date(2026, 5, 18)
    # sent Wed 1 April: + 42 = Wed 13 May: stays
    assert bezwaartermijn_einde(date(2026, 4, 1)) == date(2026, 5, 13)
