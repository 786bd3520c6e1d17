"""Checks on the application and the care: schemes that come first, LRK, plan, cooperation, place, dates, repeat
applications, budget, documents, BSN."""

from __future__ import annotations

from smi_tui.berekening import Berekening, aanvraagdatum
from smi_tui.datums import nl_datum, plus_maanden
from smi_tui.deelvoorziening import bedrag
from smi_tui.geld import euro
from smi_tui.personen import Kind, Ouder
from smi_tui.regeling import (
    Regeling,
    ToetsBsn,
    ToetsBudgetplafond,
    ToetsBuitenhuisproject,
    ToetsHerhaaldeAanvraag,
    ToetsLrk,
    ToetsNietVoorAanvraag,
    ToetsOndertekendVerslag,
    ToetsOpvangInGemeente,
    ToetsStukken,
    ToetsVoorliggend,
)
from smi_tui.resultaat import N, O, Resultaat, V, ja_nee_toets, janee, kinderen_met_opvang
from smi_tui.toetsen_doelgroep import KOT_VOORZIENING, kot_recht
from smi_tui.zaak import Zaak


def voorliggend(t: ToetsVoorliggend, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    antwoorden = z.voorliggend.antwoorden if z.voorliggend else {}
    uit = []
    for v in t.voorzieningen:
        a = antwoorden.get(v.code)
        code = f"voorliggend_{v.code}"
        artikel = v.grond()
        noot = f" ({a.toelichting})" if a and a.toelichting else ""
        recht, reden = kot_recht(z) if v.code == KOT_VOORZIENING else (None, "")
        if recht:  # the kinderopvangtoeslag itself: the same fact as the check on it, whatever was answered here
            uit.append(
                Resultaat(code, artikel, N, f"Er is een passende voorliggende voorziening: {v.omschrijving}. {reden}")
            )
        elif a is None or a.beschikbaar is None:
            uit.append(Resultaat(code, artikel, O, f"Beantwoord of deze voorziening beschikbaar is: {v.omschrijving}."))
        elif a.beschikbaar and v.deels and (deel := bedrag(v, z)) > 0:
            uit.append(
                Resultaat(
                    code,
                    artikel,
                    V,
                    f"{v.omschrijving[:1].upper()}{v.omschrijving[1:]} dekt "
                    f"{euro(deel)} per maand van de kosten{noot}; de regeling wijst voor dat deel af: de "
                    "tegemoetkoming wordt elke maand met dat bedrag verlaagd.",
                    beperkt=True,
                )
            )
        elif a.beschikbaar:
            deels = " Dekt zij maar een deel van de kosten, vul dan het bedrag per maand in." if v.deels else ""
            uit.append(
                Resultaat(
                    code, artikel, N, f"Er is een passende voorliggende voorziening: {v.omschrijving}{noot}.{deels}"
                )
            )
        else:
            uit.append(Resultaat(code, artikel, V, f"Niet beschikbaar of niet passend: {v.omschrijving}{noot}."))
    return uit


def lrk(t: ToetsLrk, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    uit = []
    for i, k in kinderen_met_opvang(z):
        o = k.opvang
        assert o is not None
        if t.gastouder_via_bureau and o.soort == "gastouderopvang" and not o.via_gastouderbureau:
            uit.append(
                Resultaat(
                    "lrk",
                    t.artikel,
                    N,
                    f"De gastouder van {k.naam} werkt niet via een geregistreerd gastouderbureau.",
                    i,
                )
            )
        elif o.lrk_gecontroleerd_op is None:
            uit.append(
                Resultaat(
                    "lrk",
                    t.artikel,
                    O,
                    f"Controleer LRK-nummer {o.lrk_nummer} van {o.aanbieder} in het Landelijk Register Kinderopvang.",
                    i,
                )
            )
        else:
            uit.append(
                Resultaat(
                    "lrk",
                    t.artikel,
                    V,
                    f"{o.aanbieder} staat in het LRK onder nummer {o.lrk_nummer} (gecontroleerd op {nl_datum(o.lrk_gecontroleerd_op)}).",
                    i,
                )
            )
    return uit


plan = ja_nee_toets(
    "instemming_plan_van_aanpak",
    "verslag.instemming_plan_van_aanpak",
    True,
    "De ouder stemt in met een plan van aanpak.",
    "De ouder stemt niet in met een plan van aanpak.",
    "Leg vast of de ouder instemt met het plan van aanpak.",
)


medewerking = ja_nee_toets(
    "medewerking",
    "verslag.medewerking_verleend",
    True,
    "De ouder verstrekt de inlichtingen en verleent medewerking.",
    "De ouder verstrekt niet de nodige inlichtingen of verleent geen medewerking.",
    "Leg vast of de ouder de nodige inlichtingen en medewerking geeft.",
)


def in_gemeente(t: ToetsOpvangInGemeente, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    plaatsen = {p.casefold() for p in t.plaatsen}
    uit = []
    for i, k in kinderen_met_opvang(z):
        o = k.opvang
        assert o is not None
        if not o.vestigingsplaats:
            uit.append(
                Resultaat("opvang_in_gemeente", t.artikel, O, f"Vul de vestigingsplaats van {o.aanbieder} in.", i)
            )
        elif o.vestigingsplaats.casefold() in plaatsen:
            uit.append(
                Resultaat("opvang_in_gemeente", t.artikel, V, f"{o.aanbieder} is gevestigd in {o.vestigingsplaats}.", i)
            )
        elif o.noodzaak_buiten_gemeente:
            uit.append(
                Resultaat(
                    "opvang_in_gemeente",
                    t.artikel,
                    V,
                    f"Opvang buiten de gemeente ({o.vestigingsplaats}) is noodzakelijk: {o.noodzaak_buiten_gemeente}",
                    i,
                )
            )
        else:
            uit.append(
                Resultaat(
                    "opvang_in_gemeente",
                    t.artikel,
                    N,
                    f"{o.aanbieder} is gevestigd in {o.vestigingsplaats}, buiten {r.gemeente}, zonder vastgestelde noodzaak.",
                    i,
                )
            )
    return uit


def niet_voor_aanvraag(t: ToetsNietVoorAanvraag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    d = aanvraagdatum(z, r)
    if d is None:
        return [Resultaat("niet_voor_aanvraag", t.artikel, O, "De datum van de aanvraag is nog niet bekend.")]
    eerder = [k for _, k in kinderen_met_opvang(z) if k.opvang and k.opvang.begindatum < d]
    if eerder:
        namen = ", ".join(k.naam for k in eerder)
        return [
            Resultaat(
                "niet_voor_aanvraag",
                t.artikel,
                V,
                f"Opvang vóór de aanvraag ({nl_datum(d)}) wordt niet vergoed; voor {namen} geldt de tegemoetkoming vanaf {nl_datum(d)}.",
                beperkt=True,
            )
        ]
    return [Resultaat("niet_voor_aanvraag", t.artikel, V, f"De opvang begint niet vóór de aanvraag ({nl_datum(d)}).")]


def verslag_getekend(t: ToetsOndertekendVerslag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    d = z.verslag.ondertekend_op if z.verslag else None
    if d is None:
        return [Resultaat("ondertekend_verslag", t.artikel, O, "Het verslag is nog niet door de ouder(s) ondertekend.")]
    return [Resultaat("ondertekend_verslag", t.artikel, V, f"Het verslag is op {nl_datum(d)} ondertekend.")]


def herhaald(t: ToetsHerhaaldeAanvraag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    vorig = z.voorliggend.vorig_smi_besluit_op if z.voorliggend else None
    nu = aanvraagdatum(z, r) or z.melding.datum
    if vorig is None:
        return [Resultaat("herhaalde_aanvraag", t.artikel, V, "Er is geen eerder SMI-besluit bekend.")]
    grens = plus_maanden(vorig, t.maanden)
    if nu > grens:
        return [
            Resultaat(
                "herhaalde_aanvraag",
                t.artikel,
                V,
                f"Het vorige besluit ({nl_datum(vorig)}) is meer dan {t.maanden} maanden oud.",
            )
        ]
    nieuw = z.voorliggend.nieuwe_feiten if z.voorliggend else None
    return [
        janee(
            "herhaalde_aanvraag",
            t.artikel,
            nieuw,
            True,
            f"Herhaalde aanvraag binnen {t.maanden} maanden na het besluit van {nl_datum(vorig)}, met nieuwe feiten of omstandigheden.",
            f"Herhaalde aanvraag binnen {t.maanden} maanden na het besluit van {nl_datum(vorig)} zonder nieuwe feiten of omstandigheden.",
            f"Leg vast of er sinds het besluit van {nl_datum(vorig)} nieuwe feiten of omstandigheden zijn.",
        )
    ]


def buitenhuis(t: ToetsBuitenhuisproject, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    laatst = z.voorliggend.buitenhuisproject_laatst_op if z.voorliggend else None
    nu = aanvraagdatum(z, r) or z.melding.datum
    if laatst is None:
        return [
            Resultaat("buitenhuisproject", t.artikel, V, "Er is geen tegemoetkoming uit het buitenhuisproject bekend.")
        ]
    if nu > plus_maanden(laatst, t.maanden):
        return [
            Resultaat(
                "buitenhuisproject",
                t.artikel,
                V,
                f"De laatste tegemoetkoming uit het buitenhuisproject ({nl_datum(laatst)}) is meer dan {t.maanden} maanden oud.",
            )
        ]
    return [
        Resultaat(
            "buitenhuisproject",
            t.artikel,
            N,
            f"Binnen {t.maanden} maanden vóór de aanvraag is een tegemoetkoming uit het buitenhuisproject gegeven ({nl_datum(laatst)}).",
        )
    ]


def budget(t: ToetsBudgetplafond, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    plafond = t.plafond_cent.get(str(z.budget.jaar)) if z.budget else None
    if plafond is not None and z.budget is not None and z.budget.resterend_cent > plafond:
        return [
            Resultaat(
                "budgetplafond",
                t.artikel,
                O,
                f"Het resterende budget ({euro(z.budget.resterend_cent)}) is hoger dan het plafond van {z.budget.jaar} ({euro(plafond)}); controleer het.",
            )
        ]
    if z.budget is None:
        return [
            Resultaat("budgetplafond", t.artikel, O, "Vul het resterende SMI-budget (subsidieplafond) van het jaar in.")
        ]
    if b is None:
        return [
            Resultaat("budgetplafond", t.artikel, O, "Het budget kan pas worden getoetst als de berekening rond is.")
        ]
    nodig = sum(m["tegemoetkoming_cent"] for m in b.maandtotalen() if m["jaar"] == z.budget.jaar)
    if nodig <= z.budget.resterend_cent:
        return [
            Resultaat(
                "budgetplafond",
                t.artikel,
                V,
                f"Nodig in {z.budget.jaar}: {euro(nodig)}; resterend budget {euro(z.budget.resterend_cent)}.",
            )
        ]
    return [
        Resultaat(
            "budgetplafond",
            t.artikel,
            N,
            f"Nodig in {z.budget.jaar}: {euro(nodig)}; dat is meer dan het resterende budget van {euro(z.budget.resterend_cent)}. Volgorde: "
            + " ".join(t.prioriteit),
        )
    ]


def stukken(t: ToetsStukken, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    ontvangen = {s.code: s.ontvangen_op for s in z.aanvraag.stukken}
    uit = []
    for s in t.stukken:
        if s.nodig_voor != "besluit":
            continue
        d = ontvangen.get(s.code)
        if d is None:
            uit.append(Resultaat(f"stuk_{s.code}", s.artikel, O, f"Nog niet ontvangen: {s.omschrijving}."))
        else:
            uit.append(Resultaat(f"stuk_{s.code}", s.artikel, V, f"Ontvangen op {nl_datum(d)}: {s.omschrijving}."))
    return uit


def bsn(t: ToetsBsn, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    personen: list[Ouder | Kind] = []
    if "aanvrager" in t.van:
        personen.append(z.aanvrager)
    if "partner" in t.van and z.partner:
        personen.append(z.partner)
    if "kinderen" in t.van:
        personen += [k for _, k in kinderen_met_opvang(z)]
    zonder = [p.naam for p in personen if not p.bsn]
    if zonder:
        return [Resultaat("bsn", t.artikel, O, f"Vul het BSN in van: {', '.join(zonder)}.")]
    return [Resultaat("bsn", t.artikel, V, "Het BSN van alle betrokkenen is bekend.")]
