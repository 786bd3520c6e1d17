"""A sixth municipality needs a data file, not code: the fictional Voorbeeldstad uses the national variants."""

import json
from datetime import date

from smi_tui.beoordeling import beoordeel
from smi_tui.register import Register
from smi_tui.zaak import Zaak
from tests.core.scenario import VOORBEELDEN

EXTRA = VOORBEELDEN / "regelingen-extra"


def _zaak(**inkomen) -> Zaak:
    data = json.loads((VOORBEELDEN / "voorbeeldstad-toekenning.json").read_text(encoding="utf-8"))
    data["gesprek"]["inkomen"].update(inkomen)
    return Zaak.model_validate(data)


def test_extra_map_levert_een_zesde_gemeente() -> None:
    reg = Register.laad([EXTRA])
    assert "voorbeeldstad" in reg.gemeenten()
    r = reg.voor("voorbeeldstad", date(2026, 6, 1))
    assert r.berekening.methode == "vast_percentage_boven_norm"


def test_vast_percentage_boven_de_norm() -> None:
    zaak = _zaak()
    r = Register.laad([EXTRA]).voor("voorbeeldstad", zaak.melding.datum)
    b = beoordeel(zaak, r, date(2026, 11, 22))
    assert b.uitkomst == "toekennen"
    pct = {float(m.percentage) for k in b.berekening.kinderen for m in k.maanden}
    assert len(pct) == 1
    # 2.400,00 is above 110 % of the samenwonenden norm per 1 January 2026 (2.002,13 -> 2.202,34): the parent pays
    # 25 %, the gemeente 75 %
    assert pct == {100.0 - r.berekening.eigen_bijdrage_percentage} == {75.0}
    maanden = [m for k in b.berekening.kinderen for m in k.maanden]
    # the norm per 1 July 2026 is not found: from July 2026 the months are provisional, before they are not
    assert all(m.voorlopig == ((m.jaar, m.maand) >= (2026, 7)) for m in maanden)


def test_onder_de_norm_volledige_vergoeding() -> None:
    zaak = _zaak(netto_maandinkomen_cent=100000)
    r = Register.laad([EXTRA]).voor("voorbeeldstad", zaak.melding.datum)
    b = beoordeel(zaak, r, date(2026, 11, 22))
    assert {float(m.percentage) for k in b.berekening.kinderen for m in k.maanden} == {100.0}


def test_herindicatie_elk_jaar() -> None:
    zaak = _zaak()
    r = Register.laad([EXTRA]).voor("voorbeeldstad", zaak.melding.datum)
    codes = [t.code for t in beoordeel(zaak, r, date(2026, 11, 22)).termijnen]
    assert "herindicatie_1" in codes
