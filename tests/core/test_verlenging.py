"""Verlenging against each regulation's text."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from smi_tui.nazorg import Verlengingsaanvraag
from smi_tui.toekenning import GeenToekenning
from smi_tui.verlenging import beoordeel_verlenging, voorgestelde_beslissing
from tests.core.test_termijnen_nazorg import VERLENGD, regeling, zaak


def aanvraag(**velden: Any) -> Verlengingsaanvraag:
    basis = {"aangevraagd_op": date(2026, 6, 1), "maanden": 6, "voorwaarde_vervuld": True,
             "onderbouwing": "moeder is nog in behandeling"}  # fmt: skip
    return Verlengingsaanvraag.model_validate({**basis, **velden})


def test_voerendaal_kent_geen_verlenging_art_7_lid_2() -> None:
    z = zaak("voerendaal-toekenning")
    u = beoordeel_verlenging(z, regeling(z), aanvraag(aangevraagd_op=date(2027, 3, 1), maanden=3))
    assert not u.toegestaan and u.nieuwe_melding_nodig
    assert [g.artikel for g in u.afwijzingsgronden] == ["artikel 7 lid 2"]
    assert "nieuwe melding" in u.afwijzingsgronden[0].toelichting
    assert u.berekening is None and voorgestelde_beslissing(u) == "afwijzen"


def test_albrandswaard_eenmaal_zes_maanden_art_5_lid_6() -> None:
    z = zaak("albrandswaard-toekenning")  # grant 1 February - 31 July 2026, 3 x 10,5 h x € 11,23 x 96 %
    u = beoordeel_verlenging(z, regeling(z), aanvraag())
    assert u.toegestaan and voorgestelde_beslissing(u) == "toekennen"
    assert (u.begin, u.eind) == (date(2026, 8, 1), date(2027, 1, 31))
    k = u.berekening.kinderen[0]
    assert [(m.jaar, m.maand) for m in k.maanden][:2] == [(2026, 8), (2026, 9)] and len(k.maanden) == 6
    assert k.maanden[0].tegemoetkoming_cent == 147158  # same care: 136,5 x 11,23 x 0,96
    assert all(r.artikel == "artikel 5 lid 6" for r in u.toetsen)


@pytest.mark.parametrize(
    ("velden", "code"),
    [
        ({"maanden": 7}, "verlenging_maanden"),  # "met maximaal 6 maanden"
        ({"voorwaarde_vervuld": False}, "verlenging_voorwaarde"),  # structural improvement reached
        ({"aangevraagd_op": date(2026, 8, 1)}, "verlenging_tijdig"),  # after the end (31 July)
    ],
)
def test_albrandswaard_afwijzingsgronden(velden, code) -> None:
    z = zaak("albrandswaard-toekenning")
    u = beoordeel_verlenging(z, regeling(z), aanvraag(**velden))
    assert not u.toegestaan and [g.code for g in u.afwijzingsgronden] == [code]
    assert u.berekening is None


def test_albrandswaard_tweede_verlenging_niet_toegestaan() -> None:
    z = zaak("albrandswaard-toekenning", VERLENGD)  # "éénmalig"
    u = beoordeel_verlenging(z, regeling(z), aanvraag(aangevraagd_op=date(2026, 12, 1)))
    assert [g.code for g in u.afwijzingsgronden] == ["verlenging_aantal"]
    assert u.huidig_eind == date(2027, 1, 31)


def test_dezelfde_aanvraag_in_de_zaak_telt_niet_mee() -> None:
    z = zaak("albrandswaard-toekenning", VERLENGD)
    u = beoordeel_verlenging(z, regeling(z), z.verlengingen[0])
    assert u.toegestaan and u.begin == date(2026, 8, 1)


def test_voorwaarde_niet_vastgelegd_is_ontbreekt() -> None:
    z = zaak("albrandswaard-toekenning")
    u = beoordeel_verlenging(z, regeling(z), aanvraag(voorwaarde_vervuld=None))
    assert not u.toegestaan and not u.afwijzingsgronden and voorgestelde_beslissing(u) is None
    assert any("structurele verbetering" in r.toelichting for r in u.toetsen if r.uitkomst == "ontbreekt")


def test_oude_ijsselstreek_maximaal_een_jaar_art_6() -> None:
    z = zaak("oude-ijsselstreek-toekenning")  # 1 April - 30 September 2026
    u = beoordeel_verlenging(z, regeling(z), aanvraag(aangevraagd_op=date(2026, 9, 1)))
    assert u.toegestaan and u.eind == date(2027, 3, 31)  # exactly one year
    assert "verlenging_totaal" in [r.code for r in u.toetsen]
    u = beoordeel_verlenging(z, regeling(z), aanvraag(aangevraagd_op=date(2026, 9, 1), maanden=7))
    assert {g.code for g in u.afwijzingsgronden} == {"verlenging_maanden", "verlenging_totaal"}


def test_eemnes_met_nieuwe_opvang_art_3_5_lid_3() -> None:
    z = zaak("eemnes-toekenning")  # 9 March 2026 - 8 March 2027, 3 days x 11 h
    nieuw = z.melding.kinderen[0].opvang.model_copy(update={"dagen_per_week": 2, "begindatum": date(2027, 3, 9)})
    u = beoordeel_verlenging(z, regeling(z), aanvraag(aangevraagd_op=date(2027, 1, 5), opvang={"0": nieuw}))
    assert u.toegestaan and (u.begin, u.eind) == (date(2027, 3, 9), date(2027, 9, 8))
    k = u.berekening.kinderen[0]
    assert float(k.uren_vergoed_per_maand) == pytest.approx(2 * 11 * 52 / 12)
    assert u.berekening.voorlopig  # no 2027 tables yet: provisional, never invented


def test_zonder_toekenning_een_foutmelding() -> None:
    z = zaak("oude-ijsselstreek-afwijzing")
    with pytest.raises(GeenToekenning, match="geen besluit tot toekenning"):
        beoordeel_verlenging(z, regeling(z), aanvraag())


def test_gelijke_nieuwe_aanvraag_telt_de_opgeslagen_mee() -> None:
    # the same request typed again is a second request: the stored, granted one counts ("éénmalig", art. 5 lid 6);
    # it once was left out as "equal", so the form said "Toegestaan" for a second extension
    z = zaak("albrandswaard-toekenning", VERLENGD)
    kopie = Verlengingsaanvraag.model_validate(z.verlengingen[0].model_dump())
    assert kopie == z.verlengingen[0] and kopie is not z.verlengingen[0]
    assert [g.code for g in beoordeel_verlenging(z, regeling(z), kopie).afwijzingsgronden] == ["verlenging_aantal"]
    assert beoordeel_verlenging(z, regeling(z), z.verlengingen[0]).toegestaan  # the stored one, for its letter
