"""A case's deadlines as a timeline on the dossier (issue 15, deliverable 8): days to scale between the first and
the last date, today marked, numbers that lead to the table's Nr column (with the dates written in full)."""

from __future__ import annotations

from datetime import date

from screens.tijdlijn import GEDAAN, OPEN, VANDAAG, Punt, kolom, lijnen, nummer

# Albrandswaard's example grant as the dossier lists it (voorbeelden/albrandswaard-toekenning.json)
PUNTEN = [
    Punt(date(2026, 3, 9), "beslistermijn", gedaan=True),
    Punt(date(2026, 3, 10), "einde bezwaartermijn"),
    Punt(date(2026, 5, 1), "evaluatie 1"),
    Punt(date(2026, 6, 5), "verlenging aanvragen (uiterlijk)"),
    Punt(date(2026, 7, 31), "einde van de tegemoetkoming"),
    Punt(date(2027, 1, 31), "uiterste einddatum na verlenging"),
]
# 9 March 2026 -> 31 January 2027 = 22 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 = 328 days


def test_kolom_op_schaal() -> None:
    b, e = date(2026, 3, 9), date(2027, 1, 31)
    assert kolom(b, b, e, 61) == 0 and kolom(e, b, e, 61) == 60
    assert kolom(date(2026, 5, 1), b, e, 61) == 10  # 53 days x 60 / 328 = 9,70
    assert kolom(date(2026, 6, 5), b, e, 61) == 16  # 88 x 60 / 328 = 16,10
    assert kolom(date(2026, 7, 31), b, e, 61) == 26  # 144 x 60 / 328 = 26,34
    assert kolom(date(2026, 7, 1), b, e, 61) == 21  # 114 x 60 / 328 = 20,85
    assert kolom(b, b, b, 61) == 0  # one date only: at the start


def test_lijn_met_vandaag_en_nummers() -> None:
    nummers, lijn, onder = lijnen(PUNTEN, date(2026, 7, 1), 61)
    assert len(nummers) == len(lijn) == len(onder) == 61
    # 9 and 10 March share column 0: '+' above, an open mark wins over a done one
    assert {k: nummers[k] for k in range(61) if nummers[k] != " "} == {0: "+", 10: "3", 16: "4", 26: "5", 60: "6"}
    assert {k: lijn[k] for k in range(61) if lijn[k] != "─"} == {
        0: OPEN,
        10: OPEN,
        16: OPEN,
        21: VANDAAG,
        26: OPEN,
        60: OPEN,
    }
    assert onder.rstrip() == " " * 21 + "▲ vandaag, 1 juli 2026"


def test_vandaag_na_alles_en_label_links() -> None:
    punten = PUNTEN[:1]
    nummers, lijn, onder = lijnen(punten, date(2026, 11, 29), 40)
    assert lijn[0] == GEDAAN and lijn[39] == VANDAAG and nummers[0] == "1"
    assert onder.endswith("vandaag, 29 november 2026 ▲")  # moved left of the arrow: it fits there


def test_nummers() -> None:
    assert [nummer(i) for i in (0, 8, 9, 34, 35)] == ["1", "9", "a", "z", "*"]


async def test_dossier_toont_tijdlijn_en_nr_in_de_tabel() -> None:
    from textual.widgets import DataTable

    from screens.tijdlijn import Tijdlijn
    from tests.ui.test_nazorg import Gastheer

    app = Gastheer("albrandswaard-toekenning", date(2026, 5, 4))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lijn = app.screen.query_one("#tijdlijn", Tijdlijn)
        tabel = app.screen.query_one("#termijnen", DataTable)
        rijen = [[str(c) for c in tabel.get_row_at(i)] for i in range(tabel.row_count)]
        assert [r[0] for r in rijen] == [nummer(i) for i in range(len(rijen))]
        assert [(p.datum, p.wat) for p in lijn.punten][2] == (date(2026, 5, 1), rijen[2][3])
        assert rijen[2][1] == "1 mei 2026"  # the date written in full beside its number
        getekend = lijn.render().plain.splitlines()
        assert len(getekend) == 3 and VANDAAG in getekend[1] and "vandaag, 4 mei 2026" in getekend[2]
        assert lijn.region.height == 3 and lijn.region.width > 0
