"""Every mandatory element of each letter, with the case's own values, for every example case (all regulations)."""

from __future__ import annotations

import pytest

from letters.gegevens import uitleg
from smi_tui.datums import nl_datum
from smi_tui.geld import euro, uren
from smi_tui.termijnen import bezwaartermijn_einde
from tests.letters.conftest import beoordeling, past, tekst, voorbeelden, zaak

SOORTEN = ["ontvangstbevestiging", "verslag", "beschikking", "plan-van-aanpak"]
GEVALLEN = [(p.name, s) for p in voorbeelden() for s in SOORTEN if past(p.name, s)]


def bevat(t: str, *stukken: str) -> None:
    for s in stukken:
        s = " ".join(s.split())
        assert s in t, f"ontbreekt in de brief: {s!r}"


def test_alle_vijf_regelingen_gedekt() -> None:
    gemeenten = {zaak(p.name).regeling for p in voorbeelden()}
    assert {"eemnes", "albrandswaard", "heemstede", "oude-ijsselstreek", "voerendaal"} <= gemeenten


@pytest.mark.parametrize(("naam", "soort"), GEVALLEN)
def test_briefhoofd_en_gezin(naam: str, soort: str) -> None:
    z, r = zaak(naam), beoordeling(naam).regeling
    t = tekst(naam, soort)
    bevat(t, r.huisstijl.afzender, *r.huisstijl.postadres, *(o.naam for o in z.melding.ouders), "pagina 1 van")
    if r.huisstijl.telefoon:
        bevat(t, r.huisstijl.telefoon)
    if z.aanvrager.adres:
        bevat(t, *z.aanvrager.adres.regels())


@pytest.mark.parametrize("naam", [n for n, s in GEVALLEN if s == "ontvangstbevestiging"])
def test_ontvangstbevestiging(naam: str) -> None:
    z, b = zaak(naam), beoordeling(naam)
    t = tekst(naam, "ontvangstbevestiging")
    bevat(t, f"Op {nl_datum(z.melding.datum)} hebben wij uw melding ontvangen", "Wat gebeurt er nu?")
    bt = next(x for x in b.termijnen if x.code == "beslistermijn")
    r = b.regeling
    if r.soort == "beleidsregels" and r.beslistermijn.vanaf == "complete_aanvraag":
        # beleidsregels do not move the statutory term: from receipt (4:13), suspended only under 4:15
        bevat(t, f"binnen {r.beslistermijn.weken} weken na ontvangst van uw aanvraag", "4:13 Awb", "4:15 Awb")
        assert "loopt nog niet" not in t
    elif bt.datum:
        bevat(t, f"uiterlijk op {nl_datum(bt.datum)}", f"{b.regeling.beslistermijn.weken} weken")
    else:
        bevat(t, "Die termijn loopt nog niet: hij begint")


@pytest.mark.parametrize("naam", [n for n, s in GEVALLEN if s == "verslag"])
def test_verslag(naam: str) -> None:
    z = zaak(naam)
    gs, vs, r = z.gesprek, z.verslag, beoordeling(naam).regeling
    t = tekst(naam, "verslag")
    bevat(t, nl_datum(gs.datum), *gs.hulpvragen, *vs.doelen, *vs.afspraken, *(a.wat for a in vs.acties))
    for veld in (
        gs.problematiek,
        gs.netwerk,
        gs.eigen_kracht,
        gs.betrokken_hulp,
        vs.structurele_oplossing,
        vs.casusregisseur,
    ):
        if veld:
            bevat(t, veld)
    for k in z.melding.kinderen:
        bevat(t, k.naam, nl_datum(k.geboortedatum))
        if k.opvang:
            bevat(t, k.opvang.aanbieder, k.opvang.lrk_nummer, euro(k.opvang.uurprijs_cent))
    bevat(t, "juist en volledig", "Handtekening:", "Plaats:", "Datum:", z.consulent)
    if r.aanvraag_is_ondertekend_verslag:
        bevat(t, "uw aanvraag", f"{r.aanvraag_is_ondertekend_verslag} van de {r.citeertitel}")


@pytest.mark.parametrize("naam", [n for n, s in GEVALLEN if s == "beschikking"])
def test_beschikking(naam: str) -> None:
    z, b = zaak(naam), beoordeling(naam)
    r = b.regeling
    t = tekst(naam, "beschikking")
    besluit = z.besluit
    bevat(t, nl_datum(besluit.datum), "Besluit over kinderopvang op sociaal-medische indicatie", r.citeertitel)
    for k in z.melding.kinderen:
        bevat(t, k.naam, nl_datum(k.geboortedatum))
        if k.woont_bij_aanvrager and z.aanvrager.adres:
            bevat(t, ", ".join(z.aanvrager.adres.regels()))
    for res in b.toetsen:  # motivation: every test with its article
        bevat(t, res.artikel)
    # bezwaarclausule (Awb 3:45, 6:7, 6:8)
    einde = bezwaartermijn_einde(besluit.verzonden_op or besluit.datum)
    bevat(t, "belanghebbende", "zes weken", nl_datum(einde), "6:7", "6:8", r.bezwaar.indienen_bij, *r.bezwaar.adres)
    bevat(t, f"namens {r.ondertekening.namens}", z.consulent, r.ondertekening.functie)
    if besluit.beslissing == "afwijzen":
        bevat(t, "Wij wijzen uw aanvraag af")
        assert b.afwijzingsgronden
        for grond in b.afwijzingsgronden:
            bevat(t, grond.artikel, uitleg(grond))  # the fact, without the consulent's notes
        return
    be = b.berekening
    per_maand, eigen = be.typische_maand()
    bevat(
        t,
        "Wij kennen uw aanvraag",
        nl_datum(be.begin),
        nl_datum(be.eind),
        euro(per_maand),
        euro(eigen),
        euro(be.totaal_cent),
        r.periode.artikel,
    )
    if r.betaling.aan == "ouder_of_aanbieder":  # Eemnes 3.7 lid 1 leaves the choice: the letter states the one made
        bevat(t, "Wij betalen de tegemoetkoming elke maand rechtstreeks aan de opvangorganisatie")
        assert "aan de ouder of de opvangorganisatie" not in t
    else:
        bevat(t, r.betaling.omschrijving)
    for v in r.verplichtingen:
        bevat(t, v.tekst, v.artikel)
    for k in be.kinderen:
        o = k.opvang
        bevat(t, o.aanbieder, f"LRK {o.lrk_nummer}", o.soort.label)
        for m in k.maanden:  # calculation appendix, to the cent
            bevat(t, euro(m.tegemoetkoming_cent), euro(m.eigen_bijdrage_cent))
        if k.maanden:
            bevat(t, uren(k.uren_vergoed_per_maand), euro(k.vergoede_uurprijs_cent))
    if be.voorlopig:
        bevat(t, "Onder voorbehoud:", "ontbre", "met een nieuw besluit definitief vast")


@pytest.mark.parametrize("naam", [n for n, s in GEVALLEN if s == "plan-van-aanpak"])
def test_plan_van_aanpak(naam: str) -> None:
    z, b = zaak(naam), beoordeling(naam)
    r = b.regeling
    t = tekst(naam, "plan-van-aanpak")
    bevat(t, *z.verslag.doelen, *(a.wat for a in z.verslag.acties), *(a.wie for a in z.verslag.acties))
    for v in r.verplichtingen:
        bevat(t, v.artikel)
    evaluaties = [x for x in b.termijnen if x.code.startswith("evaluatie_")]
    for e in evaluaties:
        bevat(t, nl_datum(e.datum))
    einde = next((x for x in b.termijnen if x.code == "einde_tegemoetkoming"), None)
    if einde:
        bevat(t, nl_datum(einde.datum))
    if r.verlenging.toegestaan:
        bevat(t, f"met ten hoogste {r.verlenging.max_maanden} maanden", r.verlenging.artikel)
        aanvragen = next((x for x in b.termijnen if x.code == "verlenging_aanvragen"), None)
        if aanvragen:
            bevat(t, nl_datum(aanvragen.datum))
    else:
        bevat(t, "geen verlenging", "nieuwe melding", r.verlenging.artikel)
    bevat(t, "Ik ga akkoord met dit plan van aanpak", "Handtekening:")
