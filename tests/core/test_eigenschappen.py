"""Property tests on the calculation (hypothesis)."""

import copy
from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from smi_tui.berekening import bereken
from smi_tui.register import Register
from smi_tui.zaak import Zaak
from tests.core.scenario import laad

REGISTER = Register.laad([])
BASIS = {n: laad(f"{n}-toekenning") for n in ("eemnes", "albrandswaard", "heemstede", "oude-ijsselstreek")}

opvang = st.fixed_dictionaries(
    {
        "soort": st.sampled_from(["dagopvang", "buitenschoolse_opvang", "gastouderopvang"]),
        "uurprijs_cent": st.integers(500, 1600),
        "dagen_per_week": st.integers(1, 5),
        "uren_per_dag": st.integers(2, 12),
        "weken_per_jaar": st.integers(30, 52),
        "start": st.integers(0, 60),
    }
)
kinderen = st.lists(opvang, min_size=1, max_size=3)


def maak_zaak(gemeente: str, kids: list[dict], inkomen_cent: int) -> Zaak:
    data = copy.deepcopy(BASIS[gemeente])
    kind0 = data["melding"]["kinderen"][0]
    data["melding"]["kinderen"] = []
    begin = date.fromisoformat(kind0["opvang"]["begindatum"])
    for n, k in enumerate(kids):
        kind = copy.deepcopy(kind0)
        kind["naam"] = f"Kind {n}"
        kind["bsn"] = None
        kind["opvang"] = {
            **{x: kind0["opvang"][x] for x in ("aanbieder", "lrk_nummer", "vestigingsplaats", "lrk_gecontroleerd_op")},
            "soort": k["soort"], "uurprijs_cent": k["uurprijs_cent"], "dagen_per_week": k["dagen_per_week"],
            "uren_per_dag": k["uren_per_dag"], "weken_per_jaar": k["weken_per_jaar"],
            "begindatum": (begin + timedelta(days=k["start"])).isoformat(),
        }  # fmt: skip
        data["melding"]["kinderen"].append(kind)
    data["gesprek"]["inkomen"] = {
        "toetsingsinkomen_jaar_cent": inkomen_cent,
        "gemiddeld_maandinkomen_vorig_jaar_cent": inkomen_cent // 12,
        "netto_maandinkomen_cent": 150000,
        "huishouden": "samenwonend",
    }
    return Zaak.model_validate(data)


def _bereken(zaak: Zaak):
    return bereken(zaak, REGISTER.voor(zaak.regeling, zaak.melding.datum))


gemeente = st.sampled_from(sorted(BASIS))


@settings(max_examples=60, deadline=None)
@given(gemeente, kinderen, st.integers(0, 30_000_000))
def test_nooit_negatief_en_nooit_boven_de_gekapte_kosten(g, kids, inkomen) -> None:
    b = _bereken(maak_zaak(g, kids, inkomen))
    for k in b.kinderen:
        for m in k.maanden:
            assert m.tegemoetkoming_cent >= 0
            assert m.vergoede_uurprijs_cent <= k.uurprijs_cent
            gekapt = m.uren_vergoed * m.vergoede_uurprijs_cent  # capped hours x capped price
            assert m.tegemoetkoming_cent <= round(gekapt) + 1
            assert m.tegemoetkoming_cent <= m.kosten_cent
            assert m.uren_vergoed <= min(m.uren_gevraagd, Fraction(230))


@settings(max_examples=40, deadline=None)
@given(gemeente, kinderen, st.integers(0, 25_000_000), st.integers(1, 5_000_000))
def test_nooit_meer_bij_hoger_inkomen(g, kids, inkomen, extra) -> None:
    laag = _bereken(maak_zaak(g, kids, inkomen)).totaal_cent
    hoog = _bereken(maak_zaak(g, kids, inkomen + extra)).totaal_cent
    assert hoog <= laag


@settings(max_examples=40, deadline=None)
@given(gemeente, kinderen, st.integers(0, 30_000_000), st.randoms())
def test_volgorde_van_de_kinderen_maakt_niet_uit(g, kids, inkomen, rnd) -> None:
    gewoon = _bereken(maak_zaak(g, kids, inkomen))
    geschud = list(kids)
    rnd.shuffle(geschud)
    anders = _bereken(maak_zaak(g, geschud, inkomen))
    assert gewoon.totaal_cent == anders.totaal_cent
    assert [(m["jaar"], m["maand"], m["tegemoetkoming_cent"]) for m in gewoon.maandtotalen()] == [
        (m["jaar"], m["maand"], m["tegemoetkoming_cent"]) for m in anders.maandtotalen()
    ]
