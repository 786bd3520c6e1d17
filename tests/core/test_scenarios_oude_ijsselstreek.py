"""Oude IJsselstreek 2020 (bronnen/oude-ijsselstreek-2020-regeling.txt)."""

import pytest

from tests.core.scenario import artikelen_niet_voldaan, beoordeel, uitkomsten

Z = "oude-ijsselstreek-toekenning"


def test_24_uur_per_week_en_twee_kinderen() -> None:
    b = beoordeel(Z)
    assert b.uitkomst == "gedeeltelijk"
    mees, fenna = b.berekening.kinderen
    assert float(mees.uren_vergoed_per_maand) == 50  # 15 u x 40 / 12, under the cap
    assert float(fenna.uren_gevraagd_per_maand) == 127.5  # 30 u x 51 / 12
    assert float(fenna.uren_vergoed_per_maand) == 102  # 24 u x 51 / 12 (art. 6)
    assert [x.artikel for x in fenna.beperkingen] == ["artikel 6"]
    # Fenna has most hours: eerste kind; both 96 % at 22.800
    assert fenna.maanden[0].eerste_kind and not mees.maanden[0].eerste_kind
    assert fenna.maanden[0].tegemoetkoming_cent == 109964  # 102 x 11,23 x 0,96 = 1.099,6416
    assert mees.maanden[0].tegemoetkoming_cent == 43440  # 50 x 9,05 x 0,96
    assert b.berekening.eind.isoformat() == "2026-09-30"  # art. 6: first indication 6 months


def test_afwijzing_beide_ouders_werken_en_inkomen() -> None:
    b = beoordeel("oude-ijsselstreek-afwijzing")
    assert b.uitkomst == "afwijzen"
    # both work: excluded (art. 3), and for the same reason a KOT target group (art. 3, first indent)
    assert {r.code for r in b.afwijzingsgronden} == {
        "niet_alle_ouders_werken",
        "geen_kinderopvangtoeslag",
        "inkomensgrens",
    }
    assert b.berekening is None


@pytest.mark.parametrize(
    ("inkomen", "uitkomst"),
    # aanvraag 19 March 2026: bijstandsnorm per 1 January 2026, samenwonend 2.002,13 (incl. vakantietoeslag,
    # tabellen/minimumnormen.json); 110 % = 2.202,343 -> 2.202,34 (art. 3 and 5; the toelichting's bijstandsnorm)
    [(220234, "voldaan"), (220235, "niet voldaan")],
)
def test_inkomensgrens_precies_op_110_procent(inkomen, uitkomst) -> None:
    b = beoordeel(Z, {"gesprek.inkomen.netto_maandinkomen_cent": inkomen})
    r = next(r for r in b.toetsen if r.code == "inkomensgrens")
    assert r.uitkomst == uitkomst
    assert "Voorlopig" not in r.toelichting  # the 1 January 2026 norm is in tabellen/ ...
    assert "één bronfamilie" in r.toelichting  # ... but rests on one source family: the trace says so


@pytest.mark.parametrize(("inkomen", "uitkomst"), [(154165, "voldaan"), (154166, "niet voldaan")])
def test_alleenstaande_norm(inkomen, uitkomst) -> None:
    # alleenstaande (ouder) per 1 January 2026: 1.401,50; 110 % = 1.541,65
    b = beoordeel(Z, {"gesprek.inkomen.huishouden": "alleenstaand", "gesprek.inkomen.netto_maandinkomen_cent": inkomen})
    assert uitkomsten(b, "inkomensgrens") == [uitkomst]


def test_norm_van_juli_2025() -> None:
    # aanvraag 19 September 2025: the norm per 1 July 2025, samenwonend 1.955,80; 110 % = 2.151,38
    wijziging = {"aanvraag.ontvangen_op": "2025-09-19", "melding.datum": "2025-09-15"}
    laag = beoordeel(Z, {**wijziging, "gesprek.inkomen.netto_maandinkomen_cent": 215138})
    hoog = beoordeel(Z, {**wijziging, "gesprek.inkomen.netto_maandinkomen_cent": 215139})
    assert (uitkomsten(laag, "inkomensgrens"), uitkomsten(hoog, "inkomensgrens")) == (["voldaan"], ["niet voldaan"])


@pytest.mark.parametrize(
    ("pad", "waarde", "artikel"),
    [
        ("gesprek.grondslagen", ["ontwikkeling_kind"], "artikel 5"),  # art. 5: beperking ouder is always required
        ("voorliggend.antwoorden.jeugdzorg.beschikbaar", True, "artikel 3"),
        ("voorliggend.antwoorden.informele_opvang.beschikbaar", True, "artikel 3"),
        ("gesprek.recht_op_kinderopvangtoeslag", True, "artikel 3"),
    ],
)
def test_uitsluitingen(pad, waarde, artikel) -> None:
    b = beoordeel(Z, {pad: waarde})
    assert b.uitkomst == "afwijzen"
    assert artikel in artikelen_niet_voldaan(b)


def test_leeftijdsgrens_12_jaar() -> None:
    # Mees born 2014-09-01 is 11 at the start: his grant stops the day before he turns 13 (art. 2 onder d)
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2013-05-15"})
    mees = b.berekening.kinderen[0]
    assert uitkomsten(b, "leeftijd") == ["voldaan", "voldaan"]
    assert mees.eind.isoformat() == "2026-05-14"
    assert mees.maanden[-1].dagen == 14
    # 13 at the start: Mees is left out, Fenna still gets her grant
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2013-03-31"})
    assert b.uitkomst == "gedeeltelijk"
    assert uitkomsten(b, "leeftijd") == ["niet voldaan", "voldaan"]
    assert b.berekening.kinderen[0].maanden == []
    assert b.berekening.kinderen[1].maanden[0].eerste_kind


def test_bsn_verplicht() -> None:
    b = beoordeel(Z, {"melding.kinderen.1.bsn": None})
    assert b.uitkomst == "onvolledig"
    assert any("Fenna Hendriks" in o for o in b.ontbrekend)


def test_verlenging_maximaal_een_jaar_in_totaal() -> None:
    t = {x.code: x.datum.isoformat() for x in beoordeel(Z).termijnen if x.datum}
    assert t["einde_tegemoetkoming"] == "2026-09-30"
    assert t["verlenging_max_eind"] == "2027-03-31"
    # Awb 4:13: 8 weeks after 19-03-2026 is Thu 14 May 2026, Hemelvaartsdag; Fri 15 May is set equal to a holiday
    # (artikel 3 lid 3 Atw, besluit 2026-2028), then Sat/Sun: the term runs to Monday 18 May
    assert t["beslistermijn"] == "2026-05-18"


def test_kind_wordt_13_tijdens_de_periode_eigen_einddatum() -> None:
    # Mees born 15 May 2013: art. 2 onder d "niet ouder dan 12 jaar" -> covered up to 14 May 2026. Fenna goes on, so
    # the case's grant still ends 30 September 2026 (art. 6) and Mees gets his own end date.
    # May for Mees: 14 of 31 days: 50 h x 14/31 = 700/31 h x 9,05 x 96 % = 700/31 x 8,688 = 196,1806 -> € 196,18
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2013-05-15"})
    mees = b.berekening.kinderen[0]
    assert mees.maanden[-1].tegemoetkoming_cent == 19618
    r = next(r for r in b.toetsen if r.code == "leeftijd" and r.kind == 0)
    assert r.beperkt and "14 mei 2026" in r.toelichting and r.artikel == "artikel 2 onder d"
    t = {x.code: x for x in b.termijnen}
    assert t["einde_tegemoetkoming_kind_0"].datum.isoformat() == "2026-05-14"
    assert t["einde_tegemoetkoming"].datum.isoformat() == "2026-09-30"
    assert "verlenging_aanvragen" in t  # Fenna can still get an extension


def test_geen_vergoeding_voor_de_aanvraag() -> None:
    # care from 1 March 2026, aanvraag 19 March (art. 8 lid 1; the contract follows the honoured aanvraag, art. 9):
    # the grant starts on 19 March and runs 6 months (art. 6) to 18 September 2026
    b = beoordeel(
        Z, {"melding.kinderen.0.opvang.begindatum": "2026-03-01", "melding.kinderen.1.opvang.begindatum": "2026-03-01"}
    )
    assert (b.berekening.begin.isoformat(), b.berekening.eind.isoformat()) == ("2026-03-19", "2026-09-18")
    assert {r.artikel for r in b.toetsen if r.code == "ingang"} == {"artikel 8 lid 1 en artikel 9"}


@pytest.mark.parametrize(
    ("code", "artikel"),
    [
        ("awbz_wlz", "artikel 3"),
        ("pgb_dagbesteding", "artikel 3"),
        ("jeugdzorg", "artikel 3"),
        ("informele_opvang", "artikel 3"),
        # art. 3 ("zoals": the list is open) is the ground; the toelichting names these two
        ("wmo", "artikel 3 (begrip: toelichting 'Voorliggende voorziening', onder 3)"),
        ("peuteropvang", "artikel 3 (begrip: toelichting 'Voorliggende voorziening', onder 4)"),
    ],
)
def test_elke_voorliggende_voorziening_met_het_weigeringsartikel(code, artikel) -> None:
    b = beoordeel(Z, {f"voorliggend.antwoorden.{code}.beschikbaar": True})
    assert b.uitkomst == "afwijzen"
    assert artikelen_niet_voldaan(b) == {artikel}


def test_geen_advies_nodig_bij_stukken_van_de_huisarts() -> None:
    # art. 2 onder c: when the need shows from stukken of a huisarts or other institution, no extra advice of a
    # zorgverlener is needed (aannames: the parent's beperking of art. 5 stays required)
    b = beoordeel(Z, {"gesprek.grondslagen": ["beperking_ouder", "stukken_huisarts"], "gesprek.advies": None})
    r = next(r for r in b.toetsen if r.code == "advies")
    assert (r.uitkomst.value, r.artikel) == ("voldaan", "artikel 2 onder c")
    assert b.uitkomst == "gedeeltelijk"  # as the example (the 24-hour cap), not onvolledig
    # without those stukken the advice is still needed
    b = beoordeel(Z, {"gesprek.advies": None})
    assert b.uitkomst == "onvolledig"


def test_ontwikkeling_kind_alleen_geeft_geen_indicatie() -> None:
    # reading in aannames: art. 2 onder b brings the family within the regulation, art. 5 still requires the
    # parent's beperking ("en") besides one of the grounds
    b = beoordeel(Z, {"gesprek.grondslagen": ["ontwikkeling_kind"]})
    assert b.uitkomst == "afwijzen" and artikelen_niet_voldaan(b) == {"artikel 5"}
    assert any("artikel 2 onder b" in a for a in b.regeling.aannames)


def test_uitkomst_en_einde_per_kind() -> None:
    # Mees (born 15 May 2013) reaches the limit of art. 2 onder d on 14 May 2026; Fenna is capped at 24 h (art. 6):
    # each child has its own outcome and end date; the case's outcome sums them up
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2013-05-15"})
    mees, fenna = b.per_kind()
    assert (mees["uitkomst"], mees["eind"], mees["artikelen"]) == ("gedeeltelijk", "2026-05-14", ["artikel 2 onder d"])
    assert (fenna["uitkomst"], fenna["eind"], fenna["artikelen"]) == ("gedeeltelijk", "2026-09-30", ["artikel 6"])
    assert b.uitkomst == "gedeeltelijk"
    # Mees 13 at the start: refused for him with its article, Fenna still granted
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2013-03-31"})
    mees, fenna = b.naar_json()["per_kind"]
    assert (mees["uitkomst"], mees["eind"], mees["artikelen"]) == ("afwijzen", None, ["artikel 2 onder d"])
    assert fenna["uitkomst"] == "gedeeltelijk" and b.uitkomst == "gedeeltelijk"
