"""The examples after the decision (voorbeelden/albrandswaard-verlenging.json, -herziening.json), as the letters
use them: an extension granted under art. 5 lid 6 and a revision under art. 10 lid 3 with recovery."""

from __future__ import annotations

from datetime import date

from smi_tui.cli import lees_zaak
from smi_tui.evaluaties import EvaluatieStatus, evaluatiemomenten
from smi_tui.termijnen import sluitdatum
from smi_tui.verlenging import beoordeel_verlenging
from smi_tui.wijziging import bereken_wijziging
from tests.core.scenario import VOORBEELDEN
from tests.core.test_termijnen_nazorg import regeling


def test_voorbeeld_verlenging() -> None:
    z = lees_zaak(VOORBEELDEN / "albrandswaard-verlenging.json")
    r = regeling(z)
    u = beoordeel_verlenging(z, r, z.verlengingen[0])
    assert u.toegestaan and (u.begin, u.eind) == (date(2026, 8, 1), date(2027, 1, 31))
    assert u.berekening.kinderen[0].maanden[0].tegemoetkoming_cent == 147158
    m = evaluatiemomenten(z, r)
    assert [x.status(date(2026, 8, 20)) for x in m] == [
        EvaluatieStatus.GEHOUDEN,
        EvaluatieStatus.TE_LAAT,
        EvaluatieStatus.GEPLAND,
    ]
    assert sluitdatum(z, r) == date(2027, 1, 31)


def test_voorbeeld_herziening_met_terugvordering() -> None:
    z = lees_zaak(VOORBEELDEN / "albrandswaard-herziening.json")
    u = bereken_wijziging(z, regeling(z), z.wijzigingen[0])
    assert u.grond.artikel == "artikel 10 lid 3"
    assert (u.oud_cent, u.nieuw_cent, u.terugvordering_cent) == (370268, 246845, 123423)
    assert u.regels[0].nieuw_cent == 50635  # 16..31 May pro rata, see test_wijziging
