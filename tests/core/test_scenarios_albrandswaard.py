"""Albrandswaard 2025 (bronnen/albrandswaard-2025-beleidsregels.txt)."""

from datetime import date

import pytest

from smi_tui.besluitregels import besluitcontrole
from smi_tui.register import GeenRegelingVanKracht, Register
from smi_tui.toekenning import bedragen, berekeningen, toekenning
from smi_tui.zaak import Zaak
from tests.core.scenario import artikelen_niet_voldaan, beoordeel, laad, uitkomsten, zet

Z = "albrandswaard-toekenning"


def test_dagopvang_maximaal_drie_dagen_van_elf_uur() -> None:
    b = beoordeel(Z)
    assert b.uitkomst == "gedeeltelijk"  # asked 4 days
    k = b.berekening.kinderen[0]
    assert float(k.uren_gevraagd_per_maand) == 182  # 4 x 10,5 x 52 / 12
    assert float(k.uren_vergoed_per_maand) == 136.5  # 3 x 10,5 x 52 / 12
    assert [x.artikel for x in k.beperkingen] == ["artikel 6 lid 2"]
    assert k.maanden[0].tegemoetkoming_cent == 147158  # 136,5 x 11,23 x 0,96 = 1.471,576
    assert (b.berekening.begin.isoformat(), b.berekening.eind.isoformat()) == ("2026-02-01", "2026-07-31")


def test_precies_drie_dagen_van_elf_uur_is_volledig() -> None:
    b = beoordeel(Z, {"melding.kinderen.0.opvang.dagen_per_week": 3, "melding.kinderen.0.opvang.uren_per_dag": 11})
    assert b.uitkomst == "toekennen"
    assert b.berekening.kinderen[0].beperkingen == []


def test_bso_maximaal_vijf_uur_per_dag() -> None:
    b = beoordeel(
        Z,
        {
            "melding.kinderen.0.opvang.soort": "buitenschoolse_opvang",
            "melding.kinderen.0.opvang.dagen_per_week": 3,
            "melding.kinderen.0.opvang.uren_per_dag": 6,
            "melding.kinderen.0.opvang.uurprijs_cent": 950,
        },
    )
    k = b.berekening.kinderen[0]
    assert float(k.uren_vergoed_per_maand) == 65  # 3 x 5 x 52 / 12
    assert b.uitkomst == "gedeeltelijk"


@pytest.mark.parametrize(
    ("pad", "waarde", "artikel"),
    [
        ("melding.kinderen.0.ingeschreven_in_gemeente", False, "artikel 1 lid 4 en artikel 2 lid 1 onder a"),
        ("gesprek.recht_op_kinderopvangtoeslag", True, "artikel 2 lid 1 onder b en artikel 7 lid 1"),
        ("gesprek.netwerk_kan_opvang_bieden", True, "artikel 7 lid 2"),
        (
            "voorliggend.antwoorden.jeugdwet.beschikbaar",
            True,
            "artikel 7 lid 3 en artikel 2 lid 1 onder c (begrip: artikel 1 lid 11)",
        ),
        ("budget.resterend_cent", 500000, "artikel 7 lid 4"),
        ("melding.kinderen.0.voortgezet_onderwijs", True, "artikel 1 lid 4 en artikel 2 lid 1 onder a"),
    ],
)
def test_afwijzingsgronden(pad, waarde, artikel) -> None:
    b = beoordeel(Z, {pad: waarde})
    assert b.uitkomst == "afwijzen"
    assert artikel in artikelen_niet_voldaan(b)


def test_budget_precies_genoeg() -> None:
    b = beoordeel(Z, {"budget.resterend_cent": 882948})  # 6 x 1.471,58
    assert uitkomsten(b, "budgetplafond") == ["voldaan"]
    b = beoordeel(Z, {"budget.resterend_cent": 882947})
    assert uitkomsten(b, "budgetplafond") == ["niet voldaan"]


def test_medische_problematiek_vraagt_medisch_deskundige() -> None:
    b = beoordeel(Z, {"gesprek.advies.medisch": False})
    assert b.uitkomst == "onvolledig"
    b = beoordeel(Z, {"gesprek.advies": None, "gesprek.medische_problematiek": False})
    assert uitkomsten(b, "advies") == ["voldaan"]


def test_onvolledig_voorbeeld_noemt_precies_wat_ontbreekt() -> None:
    b = beoordeel("albrandswaard-onvolledig")
    assert b.uitkomst == "onvolledig"
    assert len(b.ontbrekend) == 4
    assert any("medisch deskundige" in o for o in b.ontbrekend)
    assert any("inkomensverklaring" in o for o in b.ontbrekend)
    assert any("budget" in o for o in b.ontbrekend)
    assert any("Jeugdwet" in o for o in b.ontbrekend)
    t = {x.code: x for x in b.termijnen}
    # Art. 3 lid 4 counts 8 weeks from the complete application, but beleidsregels cannot move the statutory term:
    # Awb 4:13 runs from receipt (12 January 2026), suspended only under 4:15. 12-01-2026 + 56 days = 09-03-2026
    # (a Monday: the Algemene termijnenwet moves nothing).
    assert t["beslistermijn"].datum == date(2026, 3, 9)


def test_termijnen_evaluatie_en_verlenging() -> None:
    t = {x.code: x.datum.isoformat() for x in beoordeel(Z).termijnen}
    # 8 weeks from receipt of the aanvraag, 12-01-2026 (Awb 4:13; beleidsregels cannot start it at the complete
    # aanvraag of 23-01-2026 as art. 3 lid 4 says): 12-01 + 56 days = 09-03-2026, a Monday
    assert t["beslistermijn"] == "2026-03-09"
    assert t["evaluatie_1"] == "2026-05-01"  # art. 5 lid 5: elke 3 maanden
    assert "evaluatie_2" not in t  # 1 August is after the end (31 July)
    assert t["verlenging_max_eind"] == "2027-01-31"  # art. 5 lid 6: 1x max 6 maanden


def test_dagmaximum_in_een_deelmaand_naar_rato() -> None:
    # Noor starts 15 February 2026: February counts 14 of 28 days. Art. 6 lid 2 caps dagopvang at 3 days of 11 h;
    # asked 4 days x 10,5 h -> 3 x 10,5 = 31,5 h/week x 52 / 12 = 136,5 h per full month; x 14/28 = 68,25 h.
    # 68,25 x 11,23 (price = 2026 maximum) x 96 % (KOT 2026, 54.000) = 68,25 x 10,7808 = 735,7896 -> € 735,79
    b = beoordeel(Z, {"melding.kinderen.0.opvang.begindatum": "2026-02-15"})
    feb = b.berekening.kinderen[0].maanden[0]
    assert (feb.jaar, feb.maand, feb.dagen) == (2026, 2, 14)
    assert feb.uren_vergoed * 4 == 273  # 68,25
    assert feb.tegemoetkoming_cent == 73579


def test_tot_en_met_groep_8() -> None:
    # art. 1 lid 4 and art. 2 lid 1 onder a: children "tot en met groep 8 van het basisonderwijs": a 13-year-old in
    # groep 8 is covered; the grant stops the day before secondary school starts (1 September 2026 -> 31 August).
    b = beoordeel(
        Z,
        {
            "melding.kinderen.0.geboortedatum": "2013-01-10",
            "melding.kinderen.0.basisschool_groep": 8,
            "melding.kinderen.0.voortgezet_onderwijs_vanaf": "2026-09-01",
        },
    )
    assert uitkomsten(b, "school") == ["voldaan"]
    assert b.berekening.kinderen[0].eind.isoformat() == "2026-07-31"  # art. 5 lid 4: 6 months from 1 Feb end first
    b = beoordeel(
        Z,
        {
            "melding.kinderen.0.geboortedatum": "2013-01-10",
            "melding.kinderen.0.basisschool_groep": 8,
            "melding.kinderen.0.voortgezet_onderwijs_vanaf": "2026-05-01",
        },
    )
    r = next(r for r in b.toetsen if r.code == "school")
    assert r.beperkt and "30 april 2026" in r.toelichting
    assert b.berekening.eind.isoformat() == "2026-04-30"


def test_geen_vergoeding_voor_de_aanvraag() -> None:
    # care from 1 January 2026, aanvraag 12 January (art. 3; the beschikking states the startdatum, art. 5):
    # January counts 20 of 31 days: 136,5 h x 20/31 = 88,06 h x 11,23 x 96 % = 2730/31 x 10,7808 = 949,4059
    b = beoordeel(Z, {"melding.kinderen.0.opvang.begindatum": "2026-01-01"})
    be = b.berekening
    assert (be.begin.isoformat(), be.eind.isoformat()) == ("2026-01-12", "2026-07-11")  # art. 5 lid 4: 6 months
    jan = be.kinderen[0].maanden[0]
    assert (jan.maand, jan.dagen, jan.tegemoetkoming_cent) == (1, 20, 94941)
    assert any(r.code == "ingang" and r.artikel.startswith("artikel 3 en artikel 5") for r in b.toetsen)


def test_inwerkingtreding_de_dag_na_bekendmaking() -> None:
    # art. 12: "de eerste dag na bekendmaking"; the proposal to the raad is dated 20 May 2025, the bekendmaking is
    # not in the source: the earliest date the text allows is 21 May 2025, flagged for the administrator.
    reg = Register.laad([])
    r = reg.voor("albrandswaard", date(2025, 5, 21))
    assert r.geldig_vanaf == date(2025, 5, 21)
    assert "artikel 12" in r.geldig_vanaf_onzeker and "bekendmaking" in r.geldig_vanaf_onzeker
    with pytest.raises(GeenRegelingVanKracht, match="Geen regeling van kracht: op 20 mei 2025"):
        reg.voor("albrandswaard", date(2025, 5, 20))
    assert beoordeel(Z).naar_json()["regeling"]["geldig_vanaf_onzeker"] == r.geldig_vanaf_onzeker


@pytest.mark.parametrize(
    "code", ["zorgverzekering", "wmo", "jeugdwet", "participatiewet", "informele_opvang", "andere_tegemoetkoming"]
)
def test_elke_voorliggende_voorziening_met_het_weigeringsartikel(code) -> None:
    # art. 7 lid 3 (afwijzingsgrond) and art. 2 lid 1 onder c (doelgroep); art. 1 lid 11 defines the term
    b = beoordeel(Z, {f"voorliggend.antwoorden.{code}.beschikbaar": True})
    assert b.uitkomst == "afwijzen"
    assert artikelen_niet_voldaan(b) == {"artikel 7 lid 3 en artikel 2 lid 1 onder c (begrip: artikel 1 lid 11)"}


def test_hardheidsclausule_alleen_ten_gunste() -> None:
    # art. 11 lid 2 (and Awb 4:84): deviate only where applying the rules has disproportionate adverse
    # consequences for the parents — so only in their favour
    data = laad(Z)
    data["besluit"] = {"datum": "2026-02-01", "beslissing": "afwijzen", "motivering": "Afgewezen.",
                       "hardheidsclausule": {"toegepast": True, "reden": "Een reden van minstens twintig tekens."}}  # fmt: skip
    zaak = Zaak.model_validate(data)
    b = beoordeel(Z)
    assert b.regeling.hardheidsclausule.alleen_ten_gunste
    # less favourable than the proposal (afwijzen on gedeeltelijk) with the clause: refused (smi_tui.besluitregels)
    assert any("alleen bedoeld om gunstiger voor de ouder" in f for f in besluitcontrole(zaak, b))
    assert any("4:84" in a for a in b.regeling.aannames)


def test_maandmaximum_over_een_door_herziening_gesplitste_maand() -> None:
    # gastouderopvang (no cap in art. 6 lid 2, only the national 230 h per calendar month, art. 8a Bkt): 60 h/week
    # x 52 / 12 = 260 h per full month. A herziening from 16 May 2026 (same care) splits May in two parts:
    #   1..15 May: 260 x 15/31 = 3900/31 = 125,81 h (below 230)
    #   16..31 May: 260 x 16/31 = 134,19 h, but May may hold only 230 h: 230 - 3900/31 = 3230/31 = 104,19 h
    # at 8,00 (below the 2026 maximum 8,49) x 96 % (54.000): part 1 3900/31 x 7,68 = 966,19; part 2 3230/31 x 7,68
    # = 800,21 -> May € 1.766,40 (= 230 h x 7,68), not 260 h.

    data = laad("albrandswaard-herziening")
    gastouder = {"soort": "gastouderopvang", "aanbieder": "Gastouderbureau Rhoon", "lrk_nummer": "456789123",
                 "vestigingsplaats": "Rhoon", "lrk_gecontroleerd_op": "2026-01-20", "via_gastouderbureau": True,
                 "uurprijs_cent": 800, "uren_per_week": 60, "weken_per_jaar": 52}  # fmt: skip
    zet(data, "melding.kinderen.0.opvang", {**gastouder, "begindatum": "2026-02-01"})
    zet(data, "wijzigingen.0.opvang", {"0": {**gastouder, "begindatum": "2026-05-16"}})
    zaak = Zaak.model_validate(data)
    r = Register.laad([]).voor("albrandswaard", zaak.melding.datum)
    t = toekenning(zaak, r)
    delen = berekeningen(zaak, r, t, date(2026, 5, 1), date(2026, 5, 31))
    mei = [m for ber in delen for k in ber.kinderen for m in k.maanden]
    assert [m.tegemoetkoming_cent for m in mei] == [96619, 80021]
    assert sum(m.uren_vergoed for m in mei) == 230
    assert bedragen(delen)[(0, 2026, 5)] == 96619 + 80021
