"""Voerendaal 2022 (bronnen/voerendaal-2022-verordening.txt)."""

import pytest

from tests.core.scenario import artikelen_niet_voldaan, beoordeel, uitkomsten

Z = "voerendaal-toekenning"


def test_geen_vergoeding_voor_de_aanvraag_en_maximaal_twaalf_maanden() -> None:
    b = beoordeel(Z)
    assert b.uitkomst == "gedeeltelijk"
    be = b.berekening
    # opvang from 11-05-2026, signed verslag (= aanvraag, art. 3 lid 6) on 19-05-2026 (art. 3 lid 10)
    assert (be.begin.isoformat(), be.eind.isoformat()) == ("2026-05-19", "2027-05-18")  # art. 7 lid 1
    k = be.kinderen[0]
    # gastouderopvang 20 u/week x 48 / 12 = 80 u; prijs 8,50 > max 8,49; 96 % bij 19.800
    assert k.vergoede_uurprijs_cent == 849
    juni = next(m for m in k.maanden if (m.jaar, m.maand) == (2026, 6))
    assert juni.tegemoetkoming_cent == 65203  # 80 x 8,49 x 0,96 = 652,032
    assert juni.eigen_bijdrage_cent == 2797  # 80 x 8,50 = 680,00
    codes = {r.code for r in b.toetsen if r.beperkt}
    assert codes == {"niet_voor_aanvraag", "periode"}


def test_geen_verlenging_maar_nieuwe_melding() -> None:
    t = {x.code: x for x in beoordeel(Z).termijnen}
    assert "verlenging_max_eind" not in t
    assert t["nieuwe_melding"].artikel == "artikel 7 lid 2"
    assert t["beslistermijn"].datum.isoformat() == "2026-06-29"  # art. 3 lid 9: 8 weken na de melding


@pytest.mark.parametrize(
    ("pad", "waarde", "artikel"),
    [
        ("gesprek.eigen_kracht_toereikend", True, "artikel 5 lid 2"),
        ("gesprek.netwerk_kan_opvang_bieden", True, "artikel 5 lid 2"),
        ("verslag.instemming_plan_van_aanpak", False, "artikel 5 lid 3"),
        ("verslag.medewerking_verleend", False, "artikel 5 lid 5 en artikel 9 lid 2"),
        ("gesprek.recht_op_kinderopvangtoeslag", True, "artikel 5 lid 6"),
        ("voorliggend.antwoorden.peuteropvang.beschikbaar", True, "artikel 5 lid 6"),
        ("voorliggend.antwoorden.vve.beschikbaar", True, "artikel 5 lid 4 (begrip: artikel 1 onder h en i)"),
        ("melding.kinderen.0.opvang.via_gastouderbureau", False, "artikel 5 lid 7 en lid 8"),
        ("melding.kinderen.0.opvang.vestigingsplaats", "Heerlen", "artikel 3 lid 8"),
        (
            "melding.ouders.0.ingeschreven_in_gemeente",
            False,
            "artikel 5 lid 1 en artikel 2 (kinderen: artikel 1 onder d)",
        ),
    ],
)
def test_weigeringsgronden(pad, waarde, artikel) -> None:
    b = beoordeel(Z, {pad: waarde})
    assert b.uitkomst == "afwijzen"
    assert artikel in artikelen_niet_voldaan(b)


def test_opvang_buiten_gemeente_met_noodzaak() -> None:
    b = beoordeel(
        Z,
        {
            "melding.kinderen.0.opvang.vestigingsplaats": "Heerlen",
            "melding.kinderen.0.opvang.noodzaak_buiten_gemeente": "Alleen in Heerlen is een plek met zorg.",
        },
    )
    assert uitkomsten(b, "opvang_in_gemeente") == ["voldaan"]


def test_ongetekend_verslag_is_geen_aanvraag() -> None:
    b = beoordeel(Z, {"verslag.ondertekend_op": None})
    assert b.uitkomst == "onvolledig"
    assert uitkomsten(b, "ondertekend_verslag") == ["ontbreekt"]
    assert any("datum van de aanvraag" in o for o in b.ontbrekend)


def test_verslag_vermeldt_dat_het_de_aanvraag_is() -> None:
    assert beoordeel(Z).regeling.aanvraag_is_ondertekend_verslag == "artikel 3 lid 6"


def test_school_volgens_de_wet_kinderopvang() -> None:
    # art. 1 onder d: kinderopvang "als bedoeld in de Wko", i.e. up to the first day of the month in which secondary
    # school starts; no age limit. A 12-year-old in secondary school is outside it:
    b = beoordeel(
        Z, {"melding.kinderen.0.geboortedatum": "2014-01-10", "melding.kinderen.0.voortgezet_onderwijs": True}
    )
    assert b.uitkomst == "afwijzen"
    assert artikelen_niet_voldaan(b) == {"artikel 1 onder d (kinderopvang als bedoeld in de Wko)"}
    # a 13-year-old in groep 8 is inside it, with the same grant as the example (19-05-2026 .. 18-05-2027)
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2013-01-10", "melding.kinderen.0.basisschool_groep": 8})
    assert b.uitkomst == "gedeeltelijk"
    assert uitkomsten(b, "school") == ["voldaan"]
    assert b.berekening.eind.isoformat() == "2027-05-18"


@pytest.mark.parametrize(
    ("code", "artikel"),
    [
        # art. 5 lid 4 makes a voorliggende voorziening a refusal ground; art. 1 onder h (and i) define it
        ("zorgverzekering", "artikel 5 lid 4 (begrip: artikel 1 onder h)"),
        ("wet_kinderopvang", "artikel 5 lid 4 en lid 6 (begrip: artikel 1 onder h)"),
        ("wmo", "artikel 5 lid 4 (begrip: artikel 1 onder h)"),
        ("vve", "artikel 5 lid 4 (begrip: artikel 1 onder h en i)"),
        ("informele_opvang", "artikel 5 lid 4 (begrip: artikel 1 onder h)"),
        ("peuteropvang", "artikel 5 lid 6"),  # reguliere peuteropvang is its own refusal ground
    ],
)
def test_elke_voorliggende_voorziening_met_het_weigeringsartikel(code, artikel) -> None:
    b = beoordeel(Z, {f"voorliggend.antwoorden.{code}.beschikbaar": True})
    assert b.uitkomst == "afwijzen"
    # the Wet kinderopvang's own scheme is the kinderopvangtoeslag: its check (art. 5 lid 6) is not met either
    kot = {"artikel 5 lid 6"} if code == "wet_kinderopvang" else set()
    assert artikelen_niet_voldaan(b) == {artikel} | kot
