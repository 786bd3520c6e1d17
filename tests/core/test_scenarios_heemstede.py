"""Heemstede 2022 (bronnen/heemstede-2022-raadsvoorstel.txt)."""

import pytest

from tests.core.scenario import artikelen_niet_voldaan, beoordeel

Z = "heemstede-toekenning"


def test_33_uur_per_week_en_bso() -> None:
    b = beoordeel(Z)
    assert b.uitkomst == "gedeeltelijk"
    yasmin, adam = b.berekening.kinderen
    assert float(yasmin.uren_vergoed_per_maand) == 137.5  # 33 x 50 / 12 (36 asked; Ad. 4)
    assert yasmin.beperkingen[0].artikel == "raadsvoorstel 916069, Ad. 4"
    assert adam.vergoede_uurprijs_cent == 998  # BSO max 2026; asked 10,10
    assert b.berekening.totaal_cent == 12 * 176476
    assert b.berekening.eind.isoformat() == "2027-04-30"


def test_eerste_en_volgende_kind_bij_hoger_inkomen() -> None:
    b = beoordeel(Z, {"gesprek.inkomen.toetsingsinkomen_jaar_cent": 8_000_000})  # band 77.095 - 80.891
    yasmin, adam = b.berekening.kinderen
    assert float(yasmin.maanden[0].percentage) == 85.9 and yasmin.maanden[0].eerste_kind
    assert float(adam.maanden[0].percentage) == 93.9


def test_band_grens_van_de_kot_tabel() -> None:
    laag = beoordeel(Z, {"gesprek.inkomen.toetsingsinkomen_jaar_cent": 5_641_299})  # 56.412,99 -> 56.412
    hoog = beoordeel(Z, {"gesprek.inkomen.toetsingsinkomen_jaar_cent": 5_641_300})  # 56.413
    assert float(laag.berekening.kinderen[0].maanden[0].percentage) == 96.0
    assert float(hoog.berekening.kinderen[0].maanden[0].percentage) == 95.5


@pytest.mark.parametrize(
    ("pad", "waarde", "artikel"),
    [
        ("gesprek.advies.positief", False, "raadsvoorstel 916069, Ad. 2 en Ad. 3"),
        ("gesprek.recht_op_kinderopvangtoeslag", True, "raadsvoorstel 916069, Samenvatting en Ad. 1"),
        ("voorliggend.antwoorden.jeugdwet_wmo.beschikbaar", True, "raadsvoorstel 916069, Ad. 1"),
    ],
)
def test_afwijzingsgronden(pad, waarde, artikel) -> None:
    b = beoordeel(Z, {pad: waarde})
    assert b.uitkomst == "afwijzen"
    assert artikel in artikelen_niet_voldaan(b)


def test_geen_inkomensgrens() -> None:
    b = beoordeel(Z, {"gesprek.inkomen.toetsingsinkomen_jaar_cent": 30_000_000})
    assert b.uitkomst == "gedeeltelijk"  # still granted: Heemstede dropped the income limit (Ad. 1)
    assert float(b.berekening.kinderen[0].maanden[0].percentage) == 36.5


def test_verlenging_eenmaal_twaalf_maanden_en_awb_beslistermijn() -> None:
    t = {x.code: x for x in beoordeel(Z).termijnen}
    assert t["verlenging_max_eind"].datum.isoformat() == "2028-04-30"
    assert t["beslistermijn"].artikel.startswith("artikel 4:13")
    assert t["beslistermijn"].datum.isoformat() == "2026-06-09"


def test_weekmaximum_in_een_deelmaand_naar_rato() -> None:
    # Yasmin starts 16 May 2026: May counts 16 of 31 days. A weekly cap keeps its pro-rata conversion (Ad. 4):
    # 33 h/week x 50 / 12 = 137,5 h per full month; 137,5 x 16/31 = 2200/31 = 70,97 h.
    # 70,97 h x 10,95 (price below the 2026 maximum 11,23) x 96 % (KOT 2026, 24.500) = 2200/31 x 10,512
    # = 746,0129 -> € 746,01
    b = beoordeel(Z, {"melding.kinderen.0.opvang.begindatum": "2026-05-16"})
    mei = b.berekening.kinderen[0].maanden[0]
    assert (mei.jaar, mei.maand, mei.dagen) == (2026, 5, 16)
    assert mei.uren_vergoed * 31 == 2200
    assert mei.tegemoetkoming_cent == 74601


def test_geen_vergoeding_voor_de_aanvraag() -> None:
    # care asked from 1 April 2026, aanvraag received 14 April: the grant starts on 14 April (raadsvoorstel Ad. 2:
    # contract/offerte only after positive advice; no compensation before the aanvraag) and runs 12 months.
    # Yasmin in April: 17 of 30 days: 137,5 h x 17/30 = 77,92 h x 10,95 x 96 % = 2337,5/30 x 10,512 = 819,06
    b = beoordeel(
        Z, {"melding.kinderen.0.opvang.begindatum": "2026-04-01", "melding.kinderen.1.opvang.begindatum": "2026-04-01"}
    )
    be = b.berekening
    assert (be.begin.isoformat(), be.eind.isoformat()) == ("2026-04-14", "2027-04-13")
    april = be.kinderen[0].maanden[0]
    assert (april.maand, april.dagen, april.tegemoetkoming_cent) == (4, 17, 81906)
    ingang = [r for r in b.toetsen if r.code == "ingang"]
    assert [r.kind for r in ingang] == [0, 1] and all(r.artikel == "raadsvoorstel 916069, Ad. 2" for r in ingang)


@pytest.mark.parametrize(
    ("code", "artikel"),
    [("toereikende_voorziening", "raadsvoorstel 916069, Ad. 2"), ("jeugdwet_wmo", "raadsvoorstel 916069, Ad. 1")],
)
def test_elke_voorliggende_voorziening_met_zijn_grond(code, artikel) -> None:
    # only the raadsvoorstel is available: its paragraphs are the grounds (see aannames)
    b = beoordeel(Z, {f"voorliggend.antwoorden.{code}.beschikbaar": True})
    assert b.uitkomst == "afwijzen"
    assert artikelen_niet_voldaan(b) == {artikel}
