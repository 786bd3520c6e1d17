"""Eemnes 2025 (bronnen/eemnes-2025-verordening.txt), scenario by scenario."""

import pytest

from tests.core.scenario import artikelen_niet_voldaan, beoordeel, uitkomsten

Z = "eemnes-toekenning"


def test_toekenning_tot_op_de_cent() -> None:
    b = beoordeel(Z)
    assert b.uitkomst == "toekennen"
    be = b.berekening
    assert (be.begin.isoformat(), be.eind.isoformat()) == ("2026-03-09", "2027-03-08")  # art. 3.5 lid 1: 12 maanden
    k = be.kinderen[0]
    # 3 dagen x 11 uur = 33 u/week x 52 / 12 = 143 u/maand; prijs 11,75 > max 11,23 (2026); KOT 96 % bij 37.200
    assert float(k.uren_vergoed_per_maand) == 143
    assert k.vergoede_uurprijs_cent == 1123
    april = next(m for m in k.maanden if (m.jaar, m.maand) == (2026, 4))
    assert april.tegemoetkoming_cent == 154165  # 143 x 11,23 x 0,96 = 1.541,6544
    assert april.kosten_cent - april.tegemoetkoming_cent == 13860  # 143 x 11,75 = 1.680,25
    maart = next(m for m in k.maanden if (m.jaar, m.maand) == (2026, 3))
    assert maart.dagen == 23 and maart.tegemoetkoming_cent == 114381  # 23/31 van april
    assert be.totaal_cent == 1849981
    assert [m.voorlopig for m in k.maanden][-3:] == [True, True, True]  # 2027: no KOT table yet


def test_gezinsinkomen_is_maandgemiddelde_maal_twaalf() -> None:
    b = beoordeel(Z, {"gesprek.inkomen.gemiddeld_maandinkomen_vorig_jaar_cent": 6_700_00})  # 80.400 per jaar
    april = next(m for m in b.berekening.kinderen[0].maanden if (m.jaar, m.maand) == (2026, 4))
    assert float(april.percentage) == 85.9


@pytest.mark.parametrize(
    ("pad", "waarde", "artikel"),
    [
        ("melding.ouders.0.ingeschreven_in_gemeente", False, "artikel 2 lid 2"),
        ("gesprek.recht_op_kinderopvangtoeslag", True, "artikel 2 lid 2 en artikel 3.6 lid 1 onder a sub 1"),
        ("gesprek.noodzaak_vastgesteld", False, "artikel 2 lid 2 onder a tot en met c"),
        ("gesprek.grondslagen", ["crisis"], "artikel 2 lid 2 onder a tot en met c"),
        ("gesprek.advies.positief", False, "artikel 3.2 lid 1"),
        ("melding.kinderen.0.geboortedatum", "2012-06-01", "artikel 2 lid 2"),
    ],
)
def test_afwijzingsgronden(pad, waarde, artikel) -> None:
    b = beoordeel(Z, {pad: waarde})
    assert b.uitkomst == "afwijzen"
    assert artikel in artikelen_niet_voldaan(b)
    assert b.berekening is None


@pytest.mark.parametrize(
    ("code", "sub"),
    [
        ("wet_kinderopvang", 1),
        ("wmo", 2),
        ("wlz", 3),
        ("werkgever", 4),
        ("mkd_vve", 5),
        ("uwv", 6),
        ("participatiewet", 7),
        ("informele_opvang", 8),
        ("buitenhuisproject", 9),
        ("kostwinnerpeuters", 10),
    ],
)
def test_elke_voorliggende_voorziening_leidt_tot_afwijzing(code, sub) -> None:
    b = beoordeel(Z, {f"voorliggend.antwoorden.{code}.beschikbaar": True})
    assert b.uitkomst == "afwijzen"
    # the Wet kinderopvang's own scheme is the kinderopvangtoeslag: its check (art. 2 lid 2) is not met either
    kot = {"artikel 2 lid 2 en artikel 3.6 lid 1 onder a sub 1"} if code == "wet_kinderopvang" else set()
    assert artikelen_niet_voldaan(b) == {f"artikel 3.6 lid 1 onder a sub {sub}"} | kot


def test_onbeantwoorde_voorziening_maakt_onvolledig() -> None:
    b = beoordeel(Z, {"voorliggend.antwoorden.wlz": ...})
    assert b.uitkomst == "onvolledig"
    assert any("Wet langdurige zorg" in o for o in b.ontbrekend)


def test_geen_advies_nodig_als_consulent_direct_vaststelt() -> None:
    b = beoordeel(Z, {"gesprek.advies": None, "gesprek.consulent_stelt_direct_vast": True})
    assert b.uitkomst == "toekennen"
    b = beoordeel(Z, {"gesprek.advies": None})
    assert b.uitkomst == "onvolledig"


@pytest.mark.parametrize(
    ("vorig", "nieuwe_feiten", "uitkomst"),
    [
        ("2023-08-24", False, "afwijzen"),  # aanvraag 24-02-2026 is exactly 30 months later: still within
        ("2023-08-23", False, "toekennen"),  # one day more than 30 months
        ("2025-01-10", True, "toekennen"),  # within, but new facts
        ("2025-01-10", None, "onvolledig"),
    ],
)
def test_herhaalde_aanvraag_binnen_30_maanden(vorig, nieuwe_feiten, uitkomst) -> None:
    b = beoordeel(Z, {"voorliggend.vorig_smi_besluit_op": vorig, "voorliggend.nieuwe_feiten": nieuwe_feiten})
    assert b.uitkomst == uitkomst
    if uitkomst == "afwijzen":
        assert artikelen_niet_voldaan(b) == {"artikel 3.6 lid 2"}


def test_buitenhuisproject_binnen_30_maanden() -> None:
    b = beoordeel(Z, {"voorliggend.buitenhuisproject_laatst_op": "2024-12-01"})
    assert b.uitkomst == "afwijzen" and artikelen_niet_voldaan(b) == {"artikel 3.6 lid 3"}


def test_230_uur_per_maand() -> None:
    b = beoordeel(Z, {"melding.kinderen.0.opvang.dagen_per_week": 5})  # 55 u/week x 52/12 = 238,33
    assert b.uitkomst == "gedeeltelijk"
    k = b.berekening.kinderen[0]
    assert float(k.uren_vergoed_per_maand) == 230
    assert [x.artikel for x in k.beperkingen] == ["artikel 3.4 lid 2"]


def test_precies_op_230_uur_is_geen_beperking() -> None:
    b = beoordeel(
        Z,
        {
            "melding.kinderen.0.opvang.dagen_per_week": ...,
            "melding.kinderen.0.opvang.uren_per_dag": ...,
            "melding.kinderen.0.opvang.uren_per_week": 57.5,
            "melding.kinderen.0.opvang.weken_per_jaar": 48,
        },
    )
    assert b.uitkomst == "toekennen"
    assert float(b.berekening.kinderen[0].uren_vergoed_per_maand) == 230


def test_termijnen_en_verlenging() -> None:
    t = {x.code: x.datum.isoformat() for x in beoordeel(Z).termijnen}
    assert t["beslistermijn"] == "2026-04-21"  # art. 3.3 lid 4: 8 weken na ontvangst aanvraag 24-02-2026
    assert t["verdaging_uiterst"] == "2026-06-16"  # + max 8 weken, if verdaagd (none recorded)
    assert t["bezwaartermijn"] == "2026-04-14"
    assert t["einde_tegemoetkoming"] == "2027-03-08"
    assert t["verlenging_max_eind"] == "2027-09-08"  # art. 3.5 lid 3: 1x max 6 maanden


def test_ontbrekend_inkomen() -> None:
    b = beoordeel(Z, {"gesprek.inkomen.gemiddeld_maandinkomen_vorig_jaar_cent": None})
    assert b.uitkomst == "onvolledig"
    assert any("gemiddeld maandinkomen vorig jaar" in o for o in b.ontbrekend)


def test_leeftijdsgrens_of_laatste_groep() -> None:
    # 13 at the start, but still in group 8: Eemnes allows "of de laatste groep basisschool"
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2012-06-01", "melding.kinderen.0.basisschool_groep": 8})
    assert uitkomsten(b, "leeftijd") == ["voldaan"]


@pytest.mark.parametrize(
    ("ontvangen", "verwacht", "voorlopig"),
    [
        # artikel 3.3 lid 4: 8 weeks (56 days) after receipt of the aanvraag, moved by the Algemene termijnenwet.
        # 6 Feb 2026 + 56 = Fri 3 April 2026, Goede Vrijdag (art. 3 lid 2 Atw) -> Sat, Sun, Mon 6 April (Tweede
        # Paasdag) -> Tuesday 7 April
        ("2026-02-06", "2026-04-07", False),
        ("2026-02-05", "2026-04-02", False),  # the day before: Thursday 2 April stays
        # 20 Mar 2026 + 56 = Fri 15 May 2026, set equal to a holiday (art. 3 lid 3 Atw, besluit 2026-2028) -> Mon 18 May
        ("2026-03-20", "2026-05-18", False),
        ("2026-03-19", "2026-05-18", False),  # Thu 14 May, Hemelvaartsdag -> Fri 15 May (decree day) -> Monday 18 May
        ("2026-03-18", "2026-05-13", False),  # Wednesday 13 May stays
        # 15 Mar 2029 + 56 = Thu 10 May 2029, Hemelvaartsdag (Easter 1 Apr 2029 + 39) -> Fri 11 May; no besluit is
        # known for 2029, so 11 May is computed without decree days and marked provisional
        ("2029-03-15", "2029-05-11", True),
    ],
)
def test_beslistermijn_algemene_termijnenwet(ontvangen, verwacht, voorlopig) -> None:
    b = beoordeel(Z, {"aanvraag.ontvangen_op": ontvangen, "aanvraag.compleet_op": ontvangen, "besluit": ...})
    t = next(x for x in b.termijnen if x.code == "beslistermijn")
    assert t.datum.isoformat() == verwacht
    assert t.voorlopig is voorlopig
    if voorlopig:
        assert "2029" in t.toelichting and "artikel 3 lid 3" in t.toelichting


def test_maandmaximum_beperkt_de_uren_van_die_kalendermaand() -> None:
    # 5 days x 11 h = 55 h/week x 52 / 12 = 238 1/3 h per full month; art. 3.4 lid 2 (and art. 8a Besluit
    # kinderopvangtoeslag): at most 230 h in a calendar month.
    # Start 16 March 2026: March holds 16 of 31 days: 238 1/3 x 16/31 = 11440/93 = 123,01 h — below 230, so the
    # cap does not bite (it is not scaled down to 230 x 16/31 = 118,71 h).
    # 11440/93 x 11,23 x 96 % (KOT 2026 at 3.100 x 12 = 37.200) = 11440/93 x 10,7808 = 1.326,1543 -> € 1.326,15
    # April (full month): 230 x 10,7808 = 2.479,584 -> € 2.479,58
    b = beoordeel(
        Z, {"melding.kinderen.0.opvang.dagen_per_week": 5, "melding.kinderen.0.opvang.begindatum": "2026-03-16"}
    )
    k = b.berekening.kinderen[0]
    maart, april = k.maanden[0], k.maanden[1]
    assert (maart.maand, maart.dagen) == (3, 16)
    assert maart.uren_vergoed * 93 == 11440
    assert maart.tegemoetkoming_cent == 132615
    assert april.uren_vergoed == 230
    assert april.tegemoetkoming_cent == 247958
    assert b.uitkomst == "gedeeltelijk"  # the cap lowers every full month: a beperkt result with its article
    assert any(r.code == "urenmaximum" and r.artikel == "artikel 3.4 lid 2" for r in b.toetsen)


def test_maandmaximum_in_een_bijna_volle_deelmaand() -> None:
    # start 2 March 2026: 30 of 31 days: 238 1/3 x 30/31 = 7150/31 = 230,65 h > 230 -> the cap of art. 3.4 lid 2
    # bites in that calendar month: 230 h x 10,7808 = € 2.479,58 (same as a full month)
    b = beoordeel(
        Z,
        {
            "melding.kinderen.0.opvang.dagen_per_week": 5,
            "melding.kinderen.0.opvang.begindatum": "2026-03-02",
            "verslag.plan_ingangsdatum": "2026-03-02",  # art. 3.5 lid 2: the grant starts on the plan's date
        },
    )
    maart = b.berekening.kinderen[0].maanden[0]
    assert (maart.maand, maart.dagen, maart.uren_vergoed) == (3, 30, 230)
    assert maart.tegemoetkoming_cent == 247958


def _termijnen(b):
    return {t.code: t for t in b.termijnen}


def test_kind_wordt_13_tijdens_de_periode() -> None:
    # Lotte born 10 June 2013, not in primary school: art. 2 lid 2 "kinderen tot 13 jaar" -> covered up to and
    # including 9 June 2026, the day before her 13th birthday. Care from 9 March 2026 (12 months would run to
    # 8 March 2027, art. 3.5 lid 1): the grant ends on 9 June 2026, the outcome becomes gedeeltelijk.
    # June: 9 of 30 days: 143 h x 9/30 = 42,9 h x 11,23 x 96 % = 42,9 x 10,7808 = 462,4963 -> € 462,50
    b = beoordeel(Z, {"melding.kinderen.0.geboortedatum": "2013-06-10"})
    assert b.uitkomst == "gedeeltelijk"
    r = next(r for r in b.toetsen if r.code == "leeftijd")
    assert r.uitkomst == "voldaan" and r.beperkt and r.artikel == "artikel 2 lid 2"
    assert "10 juni 2026 13 jaar" in r.toelichting and "tot en met 9 juni 2026" in r.toelichting
    assert "stopt de betaling" in r.toelichting
    k = b.berekening.kinderen[0]
    assert k.eind.isoformat() == "2026-06-09" and b.berekening.eind.isoformat() == "2026-06-09"
    juni = k.maanden[-1]
    assert (juni.maand, juni.dagen, juni.tegemoetkoming_cent) == (6, 9, 46250)
    t = _termijnen(b)
    assert t["einde_tegemoetkoming"].datum.isoformat() == "2026-06-09"
    assert "artikel 2 lid 2" in t["einde_tegemoetkoming"].toelichting
    assert t["einde_tegemoetkoming"].artikel == "artikel 2 lid 2"
    # no extension for a child past the limit: the extension deadlines follow the birthday
    assert "verlenging_aanvragen" not in t and "verlenging_max_eind" not in t


def test_kind_van_13_in_groep_8_valt_eronder_tot_de_maand_van_het_voortgezet_onderwijs() -> None:
    # Lotte is 13 at the start (born 10 January 2013) but still in groep 8: art. 2 lid 2 "tot 13 jaar (of de
    # laatste groep basisschool)" -> covered. Secondary school starts 24 August 2026: art. 1 onder f, kinderopvang
    # "tot de eerste dag van de maand waarin het voortgezet onderwijs ... begint" -> the last day is 31 July 2026.
    # July is a full month: 143 h x 11,23 x 96 % = 1.541,6544 -> € 1.541,65
    b = beoordeel(
        Z,
        {
            "melding.kinderen.0.geboortedatum": "2013-01-10",
            "melding.kinderen.0.basisschool_groep": 8,
            "melding.kinderen.0.voortgezet_onderwijs_vanaf": "2026-08-24",
        },
    )
    assert b.uitkomst == "gedeeltelijk"
    assert [r.uitkomst.value for r in b.toetsen if r.code in ("leeftijd", "school")] == ["voldaan", "voldaan"]
    school = next(r for r in b.toetsen if r.code == "school")
    assert school.beperkt and school.artikel == "artikel 1 onder f" and "31 juli 2026" in school.toelichting
    k = b.berekening.kinderen[0]
    assert k.eind.isoformat() == "2026-07-31"
    assert (k.maanden[-1].maand, k.maanden[-1].tegemoetkoming_cent) == (7, 154165)


def test_kind_van_12_in_het_voortgezet_onderwijs_valt_erbuiten() -> None:
    # 12 years old (born 10 January 2014), but in secondary school: not kinderopvang in the sense of art. 1 onder f
    b = beoordeel(
        Z, {"melding.kinderen.0.geboortedatum": "2014-01-10", "melding.kinderen.0.voortgezet_onderwijs": True}
    )
    assert b.uitkomst == "afwijzen"
    assert artikelen_niet_voldaan(b) == {"artikel 1 onder f"}
    assert [r.uitkomst.value for r in b.toetsen if r.code == "leeftijd"] == ["voldaan"]  # age alone would pass


def test_ingang_op_de_datum_van_het_plan_van_aanpak() -> None:
    # art. 3.5 lid 2: the grant starts on the date in the plan van aanpak (1 April 2026), although the care starts
    # on 9 March; it runs 12 months (art. 3.5 lid 1): 1 April 2026 .. 31 March 2027. Nothing is paid for March.
    b = beoordeel(Z, {"verslag.plan_ingangsdatum": "2026-04-01"})
    be = b.berekening
    assert (be.begin.isoformat(), be.eind.isoformat()) == ("2026-04-01", "2027-03-31")
    assert (be.kinderen[0].maanden[0].jaar, be.kinderen[0].maanden[0].maand) == (2026, 4)
    r = next(r for r in b.toetsen if r.code == "ingang")
    assert r.artikel == "artikel 3.5 lid 2" and r.beperkt and "9 maart 2026" in r.toelichting
    assert b.uitkomst == "gedeeltelijk"


def test_ingang_zonder_plan_van_aanpak_is_onvolledig() -> None:
    b = beoordeel(Z, {"verslag.plan_ingangsdatum": None})
    assert b.uitkomst == "onvolledig"
    assert any("plan van aanpak" in o and "artikel 3.5 lid 2" in o for o in b.ontbrekend)


def test_geen_vergoeding_van_voor_de_aanvraag_en_de_inwerkingtreding() -> None:
    # care since 1 October 2025 — before the aanvraag (24 February 2026) and before the verordening took effect
    # (24 December 2025) — and a plan that says 1 October 2025: the grant starts on the aanvraag, 24 February 2026.
    # February: 5 of 28 days: 143 h x 5/28 = 25,54 h x 11,23 x 96 % = 715/28 x 10,7808 = 275,2954 -> € 275,30
    b = beoordeel(Z, {"verslag.plan_ingangsdatum": "2025-10-01", "melding.kinderen.0.opvang.begindatum": "2025-10-01"})
    be = b.berekening
    assert (be.begin.isoformat(), be.eind.isoformat()) == ("2026-02-24", "2027-02-23")
    feb = be.kinderen[0].maanden[0]
    assert (feb.jaar, feb.maand, feb.dagen, feb.tegemoetkoming_cent) == (2026, 2, 5, 27530)
    teksten = " ".join(r.toelichting for r in b.toetsen if r.code == "ingang")
    assert "vóór de aanvraag" in teksten


def test_ingang_nooit_voor_de_inwerkingtreding() -> None:
    from datetime import date

    from smi_tui.ingang import ingangsgrens
    from smi_tui.regeling import Ingang
    from smi_tui.register import Register
    from smi_tui.zaak import Zaak
    from tests.core.scenario import laad

    # a (hypothetical) start "vanaf de melding" with a melding before the verordening took effect (24 Dec 2025)
    r = Register.laad([]).op_id("eemnes-2025")
    r = r.model_copy(update={"ingang": Ingang(vanaf="melding", artikel="artikel x")})
    z = Zaak.model_validate(laad(Z))
    z = z.model_copy(update={"melding": z.melding.model_copy(update={"datum": date(2025, 12, 1)})})
    g = ingangsgrens(z, r)
    assert g.datum == date(2025, 12, 24)
    assert "inwerkingtreding" in g.meldingen[0]


def test_werkgeversbijdrage_wijst_voor_een_deel_af() -> None:
    # art. 3.6 lid 1 onder a sub 4: "wijst de aanvraag helemaal of voor een deel af" when an employer contributes.
    # The employer pays € 200 a month: each month's compensation is € 200 lower.
    # April (full): 143 h x 11,23 x 96 % = 1.541,65 - 200,00 = € 1.341,65
    # March (9..31 = 23 of 31 days): 1.143,81 - 200 x 23/31 (= 148,387 -> 148,39) = € 995,42
    b = beoordeel(
        Z,
        {
            "voorliggend.antwoorden.werkgever.beschikbaar": True,
            "gesprek.inkomen.werkgeversbijdrage_per_maand_cent": 20000,
        },
    )
    assert b.uitkomst == "gedeeltelijk"
    r = next(r for r in b.toetsen if r.code == "voorliggend_werkgever")
    assert r.uitkomst == "voldaan" and r.beperkt and r.artikel == "artikel 3.6 lid 1 onder a sub 4"
    assert "€ 200,00 per maand" in r.toelichting
    k = b.berekening.kinderen[0]
    maart, april = k.maanden[0], k.maanden[1]
    assert april.tegemoetkoming_cent == 134165 and april.verlaagd_cent == 20000
    assert maart.tegemoetkoming_cent == 99542 and maart.verlaagd_cent == 14839
    # the parent's share does not grow: the employer pays that part (143 x 11,75 - 1.541,65 = 138,60)
    assert april.eigen_bijdrage_cent == 13860


def test_voorziening_voor_een_deel_met_een_bedrag_bij_het_antwoord() -> None:
    # the same, with the amount given with the answer instead of in the income (€ 150,50 a month)
    b = beoordeel(
        Z,
        {
            "voorliggend.antwoorden.werkgever.beschikbaar": True,
            "voorliggend.antwoorden.werkgever.bedrag_per_maand_cent": 15050,
        },
    )
    april = b.berekening.kinderen[0].maanden[1]
    assert april.tegemoetkoming_cent == 154165 - 15050


def test_terugrekenen_wordt_niet_verlengd() -> None:
    # plan and care from Sunday 15 March 2026: 12 months to Sunday 14 March 2027 (art. 3.5 lid 1). The latest day
    # to ask for an extension is counted backwards (14 March 2027 - 8 weeks = Sunday 17 January 2027) and is not
    # moved to a working day: art. 1 lid 2 Atw. The end of the grant is no statutory term either.
    b = beoordeel(Z, {"verslag.plan_ingangsdatum": "2026-03-15", "melding.kinderen.0.opvang.begindatum": "2026-03-15"})
    t = {x.code: x.datum.isoformat() for x in b.termijnen if x.datum}
    assert t["einde_tegemoetkoming"] == "2027-03-14"
    assert t["verlenging_aanvragen"] == "2027-01-17"
