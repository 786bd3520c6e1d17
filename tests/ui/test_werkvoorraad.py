"""The werkvoorraad picks each case's deadline on the App's day from the index row's dated deadlines."""

from __future__ import annotations

from datetime import date

from screens.werkvoorraad import signaal, volgende
from storage import IndexRij


def rij(termijnen: tuple[dict[str, object], ...] = (), oud: date | None = None) -> IndexRij:
    return IndexRij("SMI-2026-0001", ("A. Jansen",), ("Bo",), "heemstede", "besluit", oud, "oud", termijnen)


T = (
    {"datum": "2026-05-10", "code": "beslistermijn", "wat": "beslissen", "gedaan": True},
    {"datum": "2026-06-01", "code": "evaluatie_1", "wat": "evaluatie 1", "gedaan": False},
    {"datum": "2026-09-01", "code": "evaluatie_2", "wat": "evaluatie 2", "gedaan": False},
)


def test_eerstvolgende_open_termijn_en_dagen_per_dag() -> None:
    assert volgende(rij(T), date(2026, 5, 4)) == (date(2026, 6, 1), "evaluatie 1")
    assert signaal(date(2026, 6, 1), date(2026, 5, 28))[0:3:2] == ("BIJNA", 4)


def test_verlopen_evaluatie_blijft_staan_als_te_laat() -> None:
    d, wat = volgende(rij(T), date(2026, 6, 20))  # evaluation 1 passed and not done: overdue, not the next one
    assert (d, wat) == (date(2026, 6, 1), "evaluatie 1")
    assert signaal(d, date(2026, 6, 20))[0] == "TE LAAT"


def test_gedane_termijn_telt_niet_en_oude_rij_valt_terug() -> None:
    assert volgende(rij(T[:1]), date(2026, 5, 20)) == (None, None)
    assert volgende(rij(oud=date(2026, 7, 1)), date(2026, 5, 20)) == (date(2026, 7, 1), "oud")


def test_gemeentenaam_uit_de_kop_van_het_regelingbestand() -> None:
    """Only the part before the first table is parsed; a file whose names are not there is parsed whole."""
    from screens.werkvoorraad import _kop, gemeentenamen

    assert _kop('gemeente_code = "x"\ngemeente = "X"\n[tabel]\na = 1\n') == {"gemeente_code": "x", "gemeente": "X"}
    heel = 'gemeente_code = """a\n[b]"""\ngemeente = "G"\n[t]\nx = 1\n'  # a "[" line inside a string
    assert _kop(heel)["gemeente"] == "G"
    assert _kop("[t]\ngemeente = 1\n") == {}
    assert gemeentenamen()["oude-ijsselstreek"] == "Oude IJsselstreek"


def test_kolommen_passen_op_80_en_120_kolommen() -> None:
    """80 columns (78 for the list): the names and steps first give way, then gemeente and wat are left out and
    the room comes back to name and step; 13+7+5+10+20+11 widths + 6x2 spaces = 78. At 120 everything shows, wat
    one narrower: 13+7+5+10+20+11+17+19 + 8x2 = 118."""
    from screens.werkvoorraad import passend

    natuurlijk = {"zaaknummer": 13, "signaal": 7, "dagen": 5, "termijn": 10, "naam": 20, "stap": 11, "gemeente": 17,
                  "wat": 20}  # fmt: skip
    smal = dict(natuurlijk)
    assert passend(smal, 78) == {"gemeente", "wat"}
    assert sum(b + 2 for k, b in smal.items() if k not in {"gemeente", "wat"}) == 78 and smal["naam"] == 20
    breed = dict(natuurlijk)
    assert passend(breed, 118) == set() and breed["wat"] == 19
