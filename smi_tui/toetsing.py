"""Toetsing: every condition, exclusion and refusal ground of a regulation, evaluated for a case.

Each check type of ``regeling.py`` has one function here that turns the case into results: code, article,
outcome (voldaan / niet voldaan / ontbreekt) and a Dutch explanation. A result may concern one child (``kind``):
a child that fails is left out, the others can still get a grant ("gedeeltelijk").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

from smi_tui import landelijk
from smi_tui.berekening import Berekening, aanvraagdatum
from smi_tui.datums import leeftijd_op, nl_datum, plus_maanden
from smi_tui.geld import euro, naar_centen
from smi_tui.personen import Huishouden, Werksituatie
from smi_tui.regeling import (
    Regeling,
    ToetsAdvies,
    ToetsBsn,
    ToetsBudgetplafond,
    ToetsBuitenhuisproject,
    ToetsEigenKracht,
    ToetsGeenKinderopvangtoeslag,
    ToetsGrondslag,
    ToetsHerhaaldeAanvraag,
    ToetsInkomensgrens,
    ToetsLeeftijd,
    ToetsLrk,
    ToetsMedewerking,
    ToetsNetwerk,
    ToetsNietVoorAanvraag,
    ToetsOndertekendVerslag,
    ToetsOpvangInGemeente,
    ToetsPlanVanAanpak,
    ToetsStukken,
    ToetsVoorliggend,
    ToetsWerkendeOuders,
    ToetsWoonplaats,
)
from smi_tui.zaak import Zaak


class Uitkomst(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet voldaan"
    ONTBREEKT = "ontbreekt"


@dataclass(frozen=True)
class Resultaat:
    code: str
    artikel: str
    uitkomst: Uitkomst
    toelichting: str
    kind: int | None = None  # index in melding.kinderen when the result concerns one child
    beperkt: bool = False  # met, but the grant is smaller than asked (caps, later start)

    def naar_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "artikel": self.artikel,
            "uitkomst": self.uitkomst.value,
            "toelichting": self.toelichting,
            "kind": self.kind,
            "beperkt": self.beperkt,
        }


V, N, O = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONTBREEKT


def _janee(code: str, artikel: str, waarde: bool | None, goed: bool, ja: str, nee: str, vraag: str) -> Resultaat:
    """A yes/no fact: ``None`` is missing, ``goed`` is the answer that meets the rule."""
    if waarde is None:
        return Resultaat(code, artikel, O, vraag)
    return Resultaat(code, artikel, V if waarde == goed else N, ja if waarde else nee)


def _woonplaats(t: ToetsWoonplaats, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    uit = []
    if t.wie in ("ouder", "ouder_en_kind"):
        uit.append(_janee("woonplaats_ouder", t.artikel, z.aanvrager.ingeschreven_in_gemeente, True,
                          f"{z.aanvrager.naam} staat in de BRP ingeschreven in {r.gemeente}.",
                          f"{z.aanvrager.naam} staat niet in de BRP ingeschreven in {r.gemeente}.",
                          f"Controleer in de BRP of {z.aanvrager.naam} in {r.gemeente} woont."))  # fmt: skip
    if t.wie in ("kind", "ouder_en_kind"):
        for i, k in _kinderen_met_opvang(z):
            res = _janee("woonplaats_kind", t.artikel, k.ingeschreven_in_gemeente, True,
                         f"{k.naam} staat in de BRP ingeschreven in {r.gemeente}.",
                         f"{k.naam} staat niet in de BRP ingeschreven in {r.gemeente}.",
                         f"Controleer in de BRP of {k.naam} in {r.gemeente} woont.")  # fmt: skip
            uit.append(_voor_kind(res, i))
    return uit


def _voor_kind(res: Resultaat, i: int) -> Resultaat:
    return Resultaat(res.code, res.artikel, res.uitkomst, res.toelichting, i, res.beperkt)


def _kinderen_met_opvang(z: Zaak):
    return [(i, k) for i, k in enumerate(z.melding.kinderen) if k.opvang is not None]


def _kot(t: ToetsGeenKinderopvangtoeslag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    w = z.gesprek.recht_op_kinderopvangtoeslag if z.gesprek else None
    return [_janee("geen_kinderopvangtoeslag", t.artikel, w, False,
                   "De ouders hebben recht op kinderopvangtoeslag; die gaat voor.",
                   "De ouders hebben geen recht op kinderopvangtoeslag.",
                   "Stel vast of de ouders recht hebben op kinderopvangtoeslag (werk, traject, opleiding).")]  # fmt: skip


def _leeftijd(t: ToetsLeeftijd, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    uit = []
    for i, k in _kinderen_met_opvang(z):
        assert k.opvang is not None
        peil = k.opvang.begindatum
        jaren = leeftijd_op(k.geboortedatum, peil)
        if t.soort == "tot_en_met_groep_8":
            ok = not k.voortgezet_onderwijs
            tekst = f"{k.naam} zit {'in het voortgezet onderwijs' if not ok else 'nog niet in het voortgezet onderwijs'}."
        elif t.soort == "jonger_dan":
            ok = jaren < (t.jaren or 0)
            tekst = f"{k.naam} is bij de start van de opvang ({nl_datum(peil)}) {jaren} jaar; de grens is jonger dan {t.jaren}."
        else:
            basis = k.basisschool_groep is not None
            ok = jaren < (t.jaren or 0) or basis
            tekst = (f"{k.naam} is bij de start van de opvang {jaren} jaar"
                     f"{' en zit op de basisschool' if basis else ''}; de grens is jonger dan {t.jaren} "
                     "of nog op de basisschool.")  # fmt: skip
        uit.append(Resultaat("leeftijd", t.artikel, V if ok else N, tekst, i))
    return uit


def _grondslag(t: ToetsGrondslag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    g = z.gesprek
    if g is None or g.noodzaak_vastgesteld is None:
        return [Resultaat("sociaal_medische_noodzaak", t.artikel, O,
                          "Stel vast of kinderopvang om sociaal-medische redenen noodzakelijk is.")]  # fmt: skip
    if not g.noodzaak_vastgesteld:
        return [Resultaat("sociaal_medische_noodzaak", t.artikel, N,
                          "Er is niet vastgesteld dat kinderopvang om sociaal-medische redenen noodzakelijk is.")]
    gevonden = set(g.grondslagen)
    if not gevonden:
        return [Resultaat("sociaal_medische_noodzaak", t.artikel, O, "Leg vast op welke grond de noodzaak berust.")]
    mist = [s.value.replace("_", " ") for s in t.ook_vereist if s not in gevonden]
    passend = [s.value.replace("_", " ") for s in t.een_van if s in gevonden]
    if mist or not passend:
        reden = f"vereist maar niet vastgesteld: {', '.join(mist)}" if mist else "geen van de grondslagen van de regeling"
        return [Resultaat("sociaal_medische_noodzaak", t.artikel, N, f"De noodzaak berust niet op een grond van de regeling ({reden}).")]
    return [Resultaat("sociaal_medische_noodzaak", t.artikel, V,
                      f"Vastgesteld is dat kinderopvang noodzakelijk is ({', '.join(passend)}).")]  # fmt: skip


def _advies(t: ToetsAdvies, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    g = z.gesprek
    wie = " of ".join(t.adviseurs)
    nodig = True
    if g is not None and t.verplicht == "tenzij_consulent_direct" and g.consulent_stelt_direct_vast:
        return [Resultaat("advies", t.artikel, V, "De consulent kon de indicatie direct vaststellen; advies is niet nodig.")]
    if t.verplicht == "bij_medische_problematiek":
        if g is None or g.medische_problematiek is None:
            return [Resultaat("advies", t.artikel, O, "Leg vast of de problematiek van medische aard is.")]
        nodig = g.medische_problematiek
        if not nodig:
            return [Resultaat("advies", t.artikel, V, "De problematiek is niet van medische aard; medisch advies is niet verplicht.")]
    a = g.advies if g else None
    if nodig and a is None:
        return [Resultaat("advies", t.artikel, O, f"Vraag advies aan: {wie}.")]
    assert a is not None
    if t.verplicht == "bij_medische_problematiek" and not a.medisch:
        return [Resultaat("advies", t.artikel, O, f"Bij medische problematiek is advies van een {wie} verplicht.")]
    if t.positief_vereist and not a.positief:
        return [Resultaat("advies", t.artikel, N, f"{a.adviseur} adviseert op {nl_datum(a.datum)} geen kinderopvang op sociaal-medische gronden.")]
    return [Resultaat("advies", t.artikel, V, f"{a.adviseur} adviseert op {nl_datum(a.datum)} positief.")]


def _netwerk(t: ToetsNetwerk, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    w = z.gesprek.netwerk_kan_opvang_bieden if z.gesprek else None
    return [_janee("netwerk", t.artikel, w, False,
                   "De ouders kunnen de opvang met hulp uit het eigen netwerk organiseren.",
                   "Het netwerk van de ouders kan de opvang niet bieden.",
                   "Stel vast of iemand uit het netwerk de opvang kan bieden.")]  # fmt: skip


def _eigen_kracht(t: ToetsEigenKracht, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    w = z.gesprek.eigen_kracht_toereikend if z.gesprek else None
    return [_janee("eigen_kracht", t.artikel, w, False,
                   "De ouder kan de hulpvraag op eigen kracht of met gebruikelijke hulp wegnemen.",
                   "De ouder kan de hulpvraag niet op eigen kracht wegnemen.",
                   "Stel vast of de ouder de hulpvraag op eigen kracht kan wegnemen.")]  # fmt: skip


def _voorliggend(t: ToetsVoorliggend, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    antwoorden = z.voorliggend.antwoorden if z.voorliggend else {}
    uit = []
    for v in t.voorzieningen:
        a = antwoorden.get(v.code)
        code = f"voorliggend_{v.code}"
        noot = f" ({a.toelichting})" if a and a.toelichting else ""
        if a is None or a.beschikbaar is None:
            uit.append(Resultaat(code, v.artikel, O, f"Beantwoord of deze voorziening beschikbaar is: {v.omschrijving}."))
        elif a.beschikbaar:
            uit.append(Resultaat(code, v.artikel, N, f"Er is een passende voorliggende voorziening: {v.omschrijving}{noot}."))
        else:
            uit.append(Resultaat(code, v.artikel, V, f"Niet beschikbaar of niet passend: {v.omschrijving}{noot}."))
    return uit


def _lrk(t: ToetsLrk, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    uit = []
    for i, k in _kinderen_met_opvang(z):
        o = k.opvang
        assert o is not None
        if t.gastouder_via_bureau and o.soort == "gastouderopvang" and not o.via_gastouderbureau:
            uit.append(Resultaat("lrk", t.artikel, N, f"De gastouder van {k.naam} werkt niet via een geregistreerd gastouderbureau.", i))
        elif o.lrk_gecontroleerd_op is None:
            uit.append(Resultaat("lrk", t.artikel, O, f"Controleer LRK-nummer {o.lrk_nummer} van {o.aanbieder} in het Landelijk Register Kinderopvang.", i))
        else:
            uit.append(Resultaat("lrk", t.artikel, V, f"{o.aanbieder} staat in het LRK onder nummer {o.lrk_nummer} (gecontroleerd op {nl_datum(o.lrk_gecontroleerd_op)}).", i))
    return uit


def _plan(t: ToetsPlanVanAanpak, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    w = z.verslag.instemming_plan_van_aanpak if z.verslag else None
    return [_janee("instemming_plan_van_aanpak", t.artikel, w, True,
                   "De ouder stemt in met een plan van aanpak.", "De ouder stemt niet in met een plan van aanpak.",
                   "Leg vast of de ouder instemt met het plan van aanpak.")]  # fmt: skip


def _medewerking(t: ToetsMedewerking, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    w = z.verslag.medewerking_verleend if z.verslag else None
    return [_janee("medewerking", t.artikel, w, True,
                   "De ouder verstrekt de inlichtingen en verleent medewerking.",
                   "De ouder verstrekt niet de nodige inlichtingen of verleent geen medewerking.",
                   "Leg vast of de ouder de nodige inlichtingen en medewerking geeft.")]  # fmt: skip


def _in_gemeente(t: ToetsOpvangInGemeente, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    plaatsen = {p.casefold() for p in t.plaatsen}
    uit = []
    for i, k in _kinderen_met_opvang(z):
        o = k.opvang
        assert o is not None
        if not o.vestigingsplaats:
            uit.append(Resultaat("opvang_in_gemeente", t.artikel, O, f"Vul de vestigingsplaats van {o.aanbieder} in.", i))
        elif o.vestigingsplaats.casefold() in plaatsen:
            uit.append(Resultaat("opvang_in_gemeente", t.artikel, V, f"{o.aanbieder} is gevestigd in {o.vestigingsplaats}.", i))
        elif o.noodzaak_buiten_gemeente:
            uit.append(Resultaat("opvang_in_gemeente", t.artikel, V, f"Opvang buiten de gemeente ({o.vestigingsplaats}) is noodzakelijk: {o.noodzaak_buiten_gemeente}", i))
        else:
            uit.append(Resultaat("opvang_in_gemeente", t.artikel, N, f"{o.aanbieder} is gevestigd in {o.vestigingsplaats}, buiten {r.gemeente}, zonder vastgestelde noodzaak.", i))
    return uit


def _niet_voor_aanvraag(t: ToetsNietVoorAanvraag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    d = aanvraagdatum(z, r)
    if d is None:
        return [Resultaat("niet_voor_aanvraag", t.artikel, O, "De datum van de aanvraag is nog niet bekend.")]
    eerder = [k for _, k in _kinderen_met_opvang(z) if k.opvang and k.opvang.begindatum < d]
    if eerder:
        namen = ", ".join(k.naam for k in eerder)
        return [Resultaat("niet_voor_aanvraag", t.artikel, V, f"Opvang vóór de aanvraag ({nl_datum(d)}) wordt niet vergoed; voor {namen} geldt de tegemoetkoming vanaf {nl_datum(d)}.", beperkt=True)]
    return [Resultaat("niet_voor_aanvraag", t.artikel, V, f"De opvang begint niet vóór de aanvraag ({nl_datum(d)}).")]


def _verslag_getekend(t: ToetsOndertekendVerslag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    d = z.verslag.ondertekend_op if z.verslag else None
    if d is None:
        return [Resultaat("ondertekend_verslag", t.artikel, O, "Het verslag is nog niet door de ouder(s) ondertekend.")]
    return [Resultaat("ondertekend_verslag", t.artikel, V, f"Het verslag is op {nl_datum(d)} ondertekend.")]


def _werkende_ouders(t: ToetsWerkendeOuders, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    situaties = [o.werksituatie for o in z.melding.ouders]
    if any(s is None for s in situaties):
        return [Resultaat("niet_alle_ouders_werken", t.artikel, O, "Leg de werksituatie van elke ouder vast.")]
    if all(s == Werksituatie.WERKT for s in situaties):
        wie = "beide ouders werken" if len(situaties) == 2 else "de alleenstaande ouder werkt"
        return [Resultaat("niet_alle_ouders_werken", t.artikel, N, f"Uitgesloten: {wie}; zij vallen onder de Wet kinderopvang.")]
    return [Resultaat("niet_alle_ouders_werken", t.artikel, V, "Niet alle ouders werken.")]


def _inkomensgrens(t: ToetsInkomensgrens, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    ink = z.gesprek.inkomen if z.gesprek else None
    veld = "netto_maandinkomen_cent" if t.inkomen == "netto_maandinkomen" else "gemiddeld_maandinkomen_vorig_jaar_cent"
    waarde = getattr(ink, veld) if ink else None
    if waarde is None or ink is None or ink.huishouden is None:
        return [Resultaat("inkomensgrens", t.artikel, O, f"Vul het {t.inkomen.replace('_', ' ')} en de leefvorm (alleenstaand of samenwonend) in.")]
    peil = aanvraagdatum(z, r) or z.melding.datum
    n = landelijk.norm(t.norm, peil, ink.huishouden == Huishouden.SAMENWONEND)
    # The limit is rounded to whole cents, as municipalities publish it (110 % of 1.922,07 = 2.114,28).
    grens_c = naar_centen(Fraction(n.waarde * t.percentage, 100))
    voorlopig = f" Voorlopig: {n.toelichting}." if n.voorlopig else ""
    tekst = f"Inkomen {euro(waarde)} per maand; grens {t.percentage}% van de {n.tabel} = {euro(grens_c)}.{voorlopig}"
    return [Resultaat("inkomensgrens", t.artikel, V if waarde <= grens_c else N, tekst)]


def _herhaald(t: ToetsHerhaaldeAanvraag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    vorig = z.voorliggend.vorig_smi_besluit_op if z.voorliggend else None
    nu = aanvraagdatum(z, r) or z.melding.datum
    if vorig is None:
        return [Resultaat("herhaalde_aanvraag", t.artikel, V, "Er is geen eerder SMI-besluit bekend.")]
    grens = plus_maanden(vorig, t.maanden)
    if nu > grens:
        return [Resultaat("herhaalde_aanvraag", t.artikel, V, f"Het vorige besluit ({nl_datum(vorig)}) is meer dan {t.maanden} maanden oud.")]
    nieuw = z.voorliggend.nieuwe_feiten if z.voorliggend else None
    return [_janee("herhaalde_aanvraag", t.artikel, nieuw, True,
                   f"Herhaalde aanvraag binnen {t.maanden} maanden na het besluit van {nl_datum(vorig)}, met nieuwe feiten of omstandigheden.",
                   f"Herhaalde aanvraag binnen {t.maanden} maanden na het besluit van {nl_datum(vorig)} zonder nieuwe feiten of omstandigheden.",
                   f"Leg vast of er sinds het besluit van {nl_datum(vorig)} nieuwe feiten of omstandigheden zijn.")]  # fmt: skip


def _buitenhuis(t: ToetsBuitenhuisproject, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    laatst = z.voorliggend.buitenhuisproject_laatst_op if z.voorliggend else None
    nu = aanvraagdatum(z, r) or z.melding.datum
    if laatst is None:
        return [Resultaat("buitenhuisproject", t.artikel, V, "Er is geen tegemoetkoming uit het buitenhuisproject bekend.")]
    if nu > plus_maanden(laatst, t.maanden):
        return [Resultaat("buitenhuisproject", t.artikel, V, f"De laatste tegemoetkoming uit het buitenhuisproject ({nl_datum(laatst)}) is meer dan {t.maanden} maanden oud.")]
    return [Resultaat("buitenhuisproject", t.artikel, N, f"Binnen {t.maanden} maanden vóór de aanvraag is een tegemoetkoming uit het buitenhuisproject gegeven ({nl_datum(laatst)}).")]


def _budget(t: ToetsBudgetplafond, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    if z.budget is None:
        return [Resultaat("budgetplafond", t.artikel, O, "Vul het resterende SMI-budget (subsidieplafond) van het jaar in.")]
    if b is None:
        return [Resultaat("budgetplafond", t.artikel, O, "Het budget kan pas worden getoetst als de berekening rond is.")]
    nodig = sum(m["tegemoetkoming_cent"] for m in b.maandtotalen() if m["jaar"] == z.budget.jaar)
    if nodig <= z.budget.resterend_cent:
        return [Resultaat("budgetplafond", t.artikel, V, f"Nodig in {z.budget.jaar}: {euro(nodig)}; resterend budget {euro(z.budget.resterend_cent)}.")]
    return [Resultaat("budgetplafond", t.artikel, N, f"Nodig in {z.budget.jaar}: {euro(nodig)}; dat is meer dan het resterende budget van {euro(z.budget.resterend_cent)}. Volgorde: " + " ".join(t.prioriteit))]


def _stukken(t: ToetsStukken, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
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


def _bsn(t: ToetsBsn, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    personen = []
    if "aanvrager" in t.van:
        personen.append(z.aanvrager)
    if "partner" in t.van and z.partner:
        personen.append(z.partner)
    if "kinderen" in t.van:
        personen += [k for _, k in _kinderen_met_opvang(z)]
    zonder = [p.naam for p in personen if not p.bsn]
    if zonder:
        return [Resultaat("bsn", t.artikel, O, f"Vul het BSN in van: {', '.join(zonder)}.")]
    return [Resultaat("bsn", t.artikel, V, "Het BSN van alle betrokkenen is bekend.")]


TOETSEN: dict[type, Callable[[Any, Zaak, Regeling, Berekening | None], list[Resultaat]]] = {
    ToetsWoonplaats: _woonplaats, ToetsGeenKinderopvangtoeslag: _kot, ToetsLeeftijd: _leeftijd,
    ToetsGrondslag: _grondslag, ToetsAdvies: _advies, ToetsNetwerk: _netwerk, ToetsEigenKracht: _eigen_kracht,
    ToetsVoorliggend: _voorliggend, ToetsLrk: _lrk, ToetsPlanVanAanpak: _plan, ToetsMedewerking: _medewerking,
    ToetsOpvangInGemeente: _in_gemeente, ToetsNietVoorAanvraag: _niet_voor_aanvraag,
    ToetsOndertekendVerslag: _verslag_getekend, ToetsWerkendeOuders: _werkende_ouders,
    ToetsInkomensgrens: _inkomensgrens, ToetsHerhaaldeAanvraag: _herhaald, ToetsBuitenhuisproject: _buitenhuis,
    ToetsBudgetplafond: _budget, ToetsStukken: _stukken, ToetsBsn: _bsn,
}  # fmt: skip


def toets(zaak: Zaak, regeling: Regeling, berekening: Berekening | None) -> list[Resultaat]:
    """Evaluate every check the regulation switches on, in the order of the regulation file."""
    uit: list[Resultaat] = []
    for t in regeling.toetsen:
        uit += TOETSEN[type(t)](t, zaak, regeling, berekening)
    return uit

