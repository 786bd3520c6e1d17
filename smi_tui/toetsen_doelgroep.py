"""Checks on who may get SMI: residence, KOT, age, the social-medical ground, advice, network, own capacity, work
and income."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from smi_tui import landelijk
from smi_tui.berekening import Berekening, aanvraagdatum
from smi_tui.datums import leeftijd_op, nl_datum
from smi_tui.geld import euro, naar_centen
from smi_tui.kindgrenzen import grens
from smi_tui.personen import Huishouden, Kind, Werksituatie
from smi_tui.regeling import (
    Regeling,
    ToetsAdvies,
    ToetsGeenKinderopvangtoeslag,
    ToetsGrondslag,
    ToetsInkomensgrens,
    ToetsLeeftijd,
    ToetsSchool,
    ToetsWerkendeOuders,
    ToetsWoonplaats,
)
from smi_tui.resultaat import N, O, Resultaat, V, ja_nee_toets, janee, kinderen_met_opvang, voor_kind
from smi_tui.zaak import Zaak


def woonplaats(t: ToetsWoonplaats, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    uit = []
    if t.wie in ("ouder", "ouder_en_kind"):
        uit.append(
            janee(
                "woonplaats_ouder",
                t.artikel,
                z.aanvrager.ingeschreven_in_gemeente,
                True,
                f"{z.aanvrager.naam} staat in de BRP ingeschreven in {r.gemeente}.",
                f"{z.aanvrager.naam} staat niet in de BRP ingeschreven in {r.gemeente}.",
                f"Controleer in de BRP of {z.aanvrager.naam} in {r.gemeente} woont.",
            )
        )
    if t.wie in ("kind", "ouder_en_kind"):
        for i, k in kinderen_met_opvang(z):
            res = janee(
                "woonplaats_kind",
                t.artikel,
                k.ingeschreven_in_gemeente,
                True,
                f"{k.naam} staat in de BRP ingeschreven in {r.gemeente}.",
                f"{k.naam} staat niet in de BRP ingeschreven in {r.gemeente}.",
                f"Controleer in de BRP of {k.naam} in {r.gemeente} woont.",
            )
            uit.append(voor_kind(res, i))
    return uit


_KOT_DOELGROEP = (Werksituatie.WERKT, Werksituatie.WERKZOEKEND_TRAJECT)
"""The work situations that make a parent part of a target group of the Wet kinderopvang (work, or a route to
work, a study or inburgering): with every parent in one, the family has a right to kinderopvangtoeslag."""


KOT_VOORZIENING = "wet_kinderopvang"
"""The code of a voorliggende voorziening that is the Wet kinderopvang's own (the kinderopvangtoeslag): it follows
:func:`kot_recht`, so a letter never calls it unavailable while it refuses because the parents have that right."""


def kot_recht(z: Zaak) -> tuple[bool | None, str]:
    """Whether the parents have a right to kinderopvangtoeslag, and why (Dutch). The facts go first: every parent at
    work or in a traject (a target group of the Wet kinderopvang); then what the consulent recorded, in the
    gesprek or as the voorliggende voorziening under the Wet kinderopvang. None: not known yet."""
    situaties = [o.werksituatie for o in z.melding.ouders]
    if situaties and all(s in _KOT_DOELGROEP for s in situaties):
        return True, _kot_doelgroep(situaties)
    g = z.gesprek
    recht = g.recht_op_kinderopvangtoeslag if g else None
    antwoord = z.voorliggend.antwoorden.get(KOT_VOORZIENING) if z.voorliggend else None
    if recht or (antwoord is not None and antwoord.beschikbaar):
        return True, "De ouders hebben recht op kinderopvangtoeslag; die gaat voor."
    if recht is False:
        return False, "De ouders hebben geen recht op kinderopvangtoeslag."
    return None, "Stel vast of de ouders recht hebben op kinderopvangtoeslag (werk, traject, opleiding)."


def kot(t: ToetsGeenKinderopvangtoeslag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    """No right to kinderopvangtoeslag (see :func:`kot_recht`): parents who all work or follow a traject have it,
    whatever answer was recorded, so "no right" never contradicts the facts the other checks and the letter use."""
    recht, reden = kot_recht(z)
    return [Resultaat("geen_kinderopvangtoeslag", t.artikel, O if recht is None else N if recht else V, reden)]


def _kot_doelgroep(situaties: list[Werksituatie | None]) -> str:
    een = len(situaties) == 1
    if all(s == Werksituatie.WERKT for s in situaties):
        wat = "De ouder werkt" if een else "Beide ouders werken" if len(situaties) == 2 else "Alle ouders werken"
    else:
        wat = (
            "De ouder volgt een traject naar werk, een opleiding of inburgering"
            if een
            else "De ouders werken of volgen een traject naar werk, een opleiding of inburgering"
        )
    wie = "behoort de ouder" if een else "behoren zij"
    heeft = "heeft de ouder" if een else "hebben zij"
    return (
        f"{wat}; daarmee {wie} tot een doelgroep van de Wet kinderopvang en {heeft} recht op "
        "kinderopvangtoeslag. Die gaat voor."
    )


def leeftijd(t: ToetsLeeftijd | ToetsSchool, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    """An age or school check, per child and per day: not met at the start of the child's care is a refusal for
    that child; a limit reached during the period ends that child's grant the day before (a ``beperkt`` result
    that says why payments stop)."""
    uit = []
    for i, k in kinderen_met_opvang(z):
        assert k.opvang is not None
        g = grens(t, k)
        kb = next((x for x in b.kinderen if x.index == i), None) if b is not None else None
        start = kb.begin if kb is not None else k.opvang.begindatum
        if not g.gedekt_op(start):
            tekst = f"{g.reden}; op {nl_datum(start)}, de start van de opvang, valt {k.naam} daarom buiten de regeling."
            uit.append(Resultaat(t.type, t.artikel, N, tekst, i))
        elif kb is not None and kb.gestopt is not None and kb.gestopt.toets is t and g.laatste_dag is not None:
            tekst = (
                f"{g.reden}: de tegemoetkoming voor {k.naam} loopt tot en met {nl_datum(g.laatste_dag)}; "
                f"daarna stopt de betaling ({t.artikel})."
            )
            uit.append(Resultaat(t.type, t.artikel, V, tekst, i, True))
        else:
            uit.append(Resultaat(t.type, t.artikel, V, _gedekt(t, k, start), i))
    return uit


def _gedekt(t: ToetsLeeftijd | ToetsSchool, k: Kind, start: date) -> str:
    if isinstance(t, ToetsSchool) or t.soort == "tot_en_met_groep_8":
        vo = k.voortgezet_onderwijs_vanaf
        later = f" (pas vanaf {nl_datum(vo)})" if vo is not None else ""
        return f"{k.naam} zit bij de start van de opvang ({nl_datum(start)}) niet in het voortgezet onderwijs{later}."
    jaren = leeftijd_op(k.geboortedatum, start)
    if t.soort == "jonger_dan":
        return f"{k.naam} is bij de start van de opvang ({nl_datum(start)}) {jaren} jaar; de grens is jonger dan {t.jaren}."
    basis = k.basisschool_groep is not None
    return (
        f"{k.naam} is bij de start van de opvang {jaren} jaar"
        f"{' en zit op de basisschool' if basis else ''}; de grens is jonger dan {t.jaren} "
        "of nog op de basisschool."
    )


def grondslag(t: ToetsGrondslag, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    g = z.gesprek
    if g is None or g.noodzaak_vastgesteld is None:
        return [
            Resultaat(
                "sociaal_medische_noodzaak",
                t.artikel,
                O,
                "Stel vast of kinderopvang om sociaal-medische redenen noodzakelijk is.",
            )
        ]
    if not g.noodzaak_vastgesteld:
        return [
            Resultaat(
                "sociaal_medische_noodzaak",
                t.artikel,
                N,
                "Er is niet vastgesteld dat kinderopvang om sociaal-medische redenen noodzakelijk is.",
            )
        ]
    gevonden = set(g.grondslagen)
    if not gevonden:
        return [Resultaat("sociaal_medische_noodzaak", t.artikel, O, "Leg vast op welke grond de noodzaak berust.")]
    mist = [s.value.replace("_", " ") for s in t.ook_vereist if s not in gevonden]
    passend = [s.value.replace("_", " ") for s in t.een_van if s in gevonden]
    if mist or not passend:
        reden = (
            f"vereist maar niet vastgesteld: {', '.join(mist)}" if mist else "geen van de grondslagen van de regeling"
        )
        return [
            Resultaat(
                "sociaal_medische_noodzaak",
                t.artikel,
                N,
                f"De noodzaak berust niet op een grond van de regeling ({reden}).",
            )
        ]
    return [
        Resultaat(
            "sociaal_medische_noodzaak",
            t.artikel,
            V,
            f"Vastgesteld is dat kinderopvang noodzakelijk is ({', '.join(passend)}).",
        )
    ]


def advies(t: ToetsAdvies, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    g = z.gesprek
    wie = " of ".join(t.adviseurs)
    nodig = True
    if g is not None and g.noodzaak_vastgesteld and set(g.grondslagen) & set(t.niet_nodig_bij):
        grond = t.niet_nodig_artikel or t.artikel
        return [
            Resultaat(
                "advies",
                grond,
                V,
                "De noodzaak blijkt uit stukken van een huisarts of andere instelling; "
                f"aanvullend advies van een {wie} is niet nodig ({grond}).",
            )
        ]
    if g is not None and t.verplicht == "tenzij_consulent_direct" and g.consulent_stelt_direct_vast:
        return [
            Resultaat("advies", t.artikel, V, "De consulent kon de indicatie direct vaststellen; advies is niet nodig.")
        ]
    if t.verplicht == "bij_medische_problematiek":
        if g is None or g.medische_problematiek is None:
            return [Resultaat("advies", t.artikel, O, "Leg vast of de problematiek van medische aard is.")]
        nodig = g.medische_problematiek
        if not nodig:
            return [
                Resultaat(
                    "advies",
                    t.artikel,
                    V,
                    "De problematiek is niet van medische aard; medisch advies is niet verplicht.",
                )
            ]
    a = g.advies if g else None
    if nodig and a is None:
        return [Resultaat("advies", t.artikel, O, f"Vraag advies aan: {wie}.")]
    assert a is not None
    if t.verplicht == "bij_medische_problematiek" and not a.medisch:
        return [Resultaat("advies", t.artikel, O, f"Bij medische problematiek is advies van een {wie} verplicht.")]
    if t.positief_vereist and not a.positief:
        return [
            Resultaat(
                "advies",
                t.artikel,
                N,
                f"{a.adviseur} adviseert op {nl_datum(a.datum)} geen kinderopvang op sociaal-medische gronden.",
            )
        ]
    return [Resultaat("advies", t.artikel, V, f"{a.adviseur} adviseert op {nl_datum(a.datum)} positief.")]


netwerk = ja_nee_toets(
    "netwerk",
    "gesprek.netwerk_kan_opvang_bieden",
    False,
    "De ouders kunnen de opvang met hulp uit het eigen netwerk organiseren.",
    "Het netwerk van de ouders kan de opvang niet bieden.",
    "Stel vast of iemand uit het netwerk de opvang kan bieden.",
)


eigen_kracht = ja_nee_toets(
    "eigen_kracht",
    "gesprek.eigen_kracht_toereikend",
    False,
    "De ouder kan de hulpvraag op eigen kracht of met gebruikelijke hulp wegnemen.",
    "De ouder kan de hulpvraag niet op eigen kracht wegnemen.",
    "Stel vast of de ouder de hulpvraag op eigen kracht kan wegnemen.",
)


def werkende_ouders(t: ToetsWerkendeOuders, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    situaties = [o.werksituatie for o in z.melding.ouders]
    if any(s is None for s in situaties):
        return [Resultaat("niet_alle_ouders_werken", t.artikel, O, "Leg de werksituatie van elke ouder vast.")]
    if all(s == Werksituatie.WERKT for s in situaties):
        wie = "beide ouders werken" if len(situaties) == 2 else "de alleenstaande ouder werkt"
        return [
            Resultaat(
                "niet_alle_ouders_werken", t.artikel, N, f"Uitgesloten: {wie}; zij vallen onder de Wet kinderopvang."
            )
        ]
    return [Resultaat("niet_alle_ouders_werken", t.artikel, V, "Niet alle ouders werken.")]


def inkomensgrens(t: ToetsInkomensgrens, z: Zaak, r: Regeling, b: Berekening | None) -> list[Resultaat]:
    ink = z.gesprek.inkomen if z.gesprek else None
    veld = "netto_maandinkomen_cent" if t.inkomen == "netto_maandinkomen" else "gemiddeld_maandinkomen_vorig_jaar_cent"
    waarde = getattr(ink, veld) if ink else None
    if waarde is None or ink is None or ink.huishouden is None:
        return [
            Resultaat(
                "inkomensgrens",
                t.artikel,
                O,
                f"Vul het {t.inkomen.replace('_', ' ')} en de leefvorm (alleenstaand of samenwonend) in.",
            )
        ]
    peil = aanvraagdatum(z, r) or z.melding.datum
    n = landelijk.norm(t.norm, peil, ink.huishouden == Huishouden.SAMENWONEND)
    # The limit is rounded to whole cents, as municipalities publish it (110 % of 1.922,07 = 2.114,28).
    grens_c = naar_centen(Fraction(n.waarde * t.percentage, 100))
    voorlopig = (
        f" Voorlopig: {n.toelichting}." if n.voorlopig else (f" Let op: {n.toelichting}." if n.toelichting else "")
    )
    tekst = f"Inkomen {euro(waarde)} per maand; grens {t.percentage}% van de {n.tabel} = {euro(grens_c)}.{voorlopig}"
    return [Resultaat("inkomensgrens", t.artikel, V if waarde <= grens_c else N, tekst)]
