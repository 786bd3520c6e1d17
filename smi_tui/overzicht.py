"""The whole case on one page, read-only: for the summary screen (f4) and the internal note (interne notitie).

One source for both, so the screen and the paper say the same. Personal data is kept to what a colleague needs to
follow the case: names, the children's ages and care — no BSN, address, phone or income figures.

Each part is a :class:`Sectie` of (label, text) lines; the screen and the note lay them out each in their own way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from smi_tui.beoordeling import Beoordeling
from smi_tui.besluitregels import toekenning
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro, uren
from smi_tui.regeling_toetsen import ToetsStukken, ToetsVoorliggend
from smi_tui.termijnen import Termijn, alle_termijnen, bezwaartermijn_einde
from smi_tui.toetsing import Uitkomst
from smi_tui.toetsnamen import toetsnaam
from smi_tui.zaak import Beslissing, Zaak


@dataclass(frozen=True)
class Sectie:
    """One part of the summary: a title and its (label, text) lines; a line with label "" continues the one
    above it."""

    titel: str
    regels: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Document:
    """A document of the case as the store lists it: date, name and status (e.g. 'gemaakt', 'vervangen')."""

    datum: date | None
    naam: str
    status: str = ""


def _ja_nee(waarde: bool | None, ja: str = "ja", nee: str = "nee") -> str:
    return "niet ingevuld" if waarde is None else (ja if waarde else nee)


def _leeftijd(geboren: date, op: date) -> str:
    jaren = op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))
    return "jonger dan 1 jaar" if jaren < 1 else f"{jaren} jaar"


def _personen(zaak: Zaak, vandaag: date) -> Sectie:
    m = zaak.melding
    regels = [("Ouder" if len(m.ouders) == 1 else f"Ouder {i}", o.naam) for i, o in enumerate(m.ouders, 1)]
    for i, k in enumerate(m.kinderen, 1):
        regels.append((f"Kind {i}", f"{k.naam}, {_leeftijd(k.geboortedatum, vandaag)}"))
        o = k.opvang
        if o is None:
            regels.append(("", "opvang: nog niet ingevuld"))
        else:
            begin = f", vanaf {nl_datum(o.begindatum)}" if getattr(o, "begindatum", None) else ""
            regels.append(("", f"{o.soort.label} bij {o.aanbieder}{begin}"))
    return Sectie("Ouders en kinderen", regels)


_MELDER = {"ouder": "ouder zelf", "ggd": "GGD", "cjg": "CJG", "wmo_consulent": "Wmo-consulent"}
"""Who reported, where the code is not the word (the others read as they are)."""


def _melding_en_gesprek(zaak: Zaak) -> Sectie:
    m, g, a = zaak.melding, zaak.gesprek, zaak.aanvraag
    door = _MELDER.get(m.gemeld_door.value, m.gemeld_door.value) + (f" ({m.melder_naam})" if m.melder_naam else "")
    regels = [("Melding", f"{nl_datum(m.datum)}, gemeld door {door}")]
    if g is None:
        regels.append(("Gesprek", "nog niet gehouden"))
    else:
        regels.append(("Gesprek", nl_datum(g.datum) + (f", {g.plaats}" if g.plaats else "")))
        if g.grondslagen:
            regels.append(("Grondslag", ", ".join(x.value.replace("_", " ") for x in g.grondslagen)))
        regels.append(("Noodzaak", _ja_nee(g.noodzaak_vastgesteld, "vastgesteld", "niet vastgesteld")))
        if g.advies is not None:
            uitkomst = "positief" if g.advies.positief else "negatief"
            regels.append(("Advies", f"{g.advies.adviseur}, {nl_datum(g.advies.datum)}: {uitkomst}"))
    if a.ontvangen_op is not None:
        regels.append(
            (
                "Aanvraag",
                f"ontvangen {nl_datum(a.ontvangen_op)}"
                + (f", compleet {nl_datum(a.compleet_op)}" if a.compleet_op else ""),
            )
        )
    return Sectie("Melding en gesprek", regels)


def _verslag(zaak: Zaak) -> Sectie:
    v = zaak.verslag
    if v is None:
        return Sectie("Verslag", [("", "nog niet gemaakt")])
    regels = [("Ondertekend", nl_datum(v.ondertekend_op) if v.ondertekend_op else "nog niet terug"),
              ("Instemming", _ja_nee(v.instemming_plan_van_aanpak)),
              ("Medewerking", _ja_nee(v.medewerking_verleend))]  # fmt: skip
    if v.plan_ingangsdatum is not None:
        regels.append(("Plan vanaf", nl_datum(v.plan_ingangsdatum)))
    if v.casusregisseur:
        regels.append(("Regisseur", v.casusregisseur))
    regels += [("Doel" if i == 0 else "", d) for i, d in enumerate(v.doelen)]
    regels += [("Afspraak" if i == 0 else "", d) for i, d in enumerate(v.afspraken)]
    return Sectie("Verslag", regels)


def _voorliggend(zaak: Zaak, beoordeling: Beoordeling) -> Sectie:
    t = beoordeling.regeling.toets(ToetsVoorliggend)
    if not isinstance(t, ToetsVoorliggend):
        return Sectie("Voorliggende voorzieningen", [("", "de regeling toetst geen voorliggende voorzieningen")])
    antwoorden = zaak.voorliggend.antwoorden if zaak.voorliggend is not None else {}
    regels = []
    for v in t.voorzieningen:
        a = antwoorden.get(v.code)
        tekst = v.omschrijving
        if a is None or a.beschikbaar is None:
            stand = "niet beantwoord"
        else:
            stand = "beschikbaar" if a.beschikbaar else "niet beschikbaar"
            if a.bedrag_per_maand_cent:
                tekst += f", {euro(a.bedrag_per_maand_cent)} per maand"
            if a.toelichting:
                tekst += f" — {a.toelichting}"
        regels.append((stand, tekst))
    return Sectie("Voorliggende voorzieningen", regels)


UITKOMST = {Uitkomst.VOLDAAN: "voldaan", Uitkomst.NIET_VOLDAAN: "niet voldaan", Uitkomst.ONTBREEKT: "ontbreekt"}


def _toetsen(beoordeling: Beoordeling) -> Sectie:
    regels = [("Voorstel", beoordeling.uitkomst.value)]
    regels += [("Ontbreekt", o) for o in beoordeling.ontbrekend]
    for r in beoordeling.toetsen:
        regels.append((UITKOMST[r.uitkomst], f"{toetsnaam(r.code)} ({r.artikel})"))  # the outcome where the eye looks
        if r.toelichting:
            regels.append(("", r.toelichting))
    return Sectie("Toetsen", regels)


def _berekening(beoordeling: Beoordeling) -> Sectie:
    b = beoordeling.berekening
    if b is None:
        return Sectie(
            "Berekening per kind",
            [("", "nog geen berekening: " + ("; ".join(beoordeling.ontbrekend) or "gegevens ontbreken"))],
        )
    regels = []
    for k in b.kinderen:
        if not k.maanden:
            regels.append((k.naam, f"geen tegemoetkoming: {k.uitgesloten or 'niet voldaan aan een voorwaarde'}"))
            continue
        regels.append(
            (
                k.naam,
                f"{nl_datum(k.begin)} t/m {nl_datum(k.eind)}: {uren(k.uren_vergoed_per_maand)} uur "
                f"per volle maand à {euro(k.vergoede_uurprijs_cent)}; totaal {euro(k.totaal_cent)}",
            )
        )
    per_maand, eigen = b.typische_maand()
    regels.append(("Per maand", f"tegemoetkoming {euro(per_maand)}, eigen bijdrage {euro(eigen)}"))
    regels.append(
        ("Totaal", euro(b.totaal_cent) + (" (voorlopig: tabel nog niet gepubliceerd)" if b.voorlopig else ""))
    )
    return Sectie("Berekening per kind", regels)


def _besluit(zaak: Zaak) -> Sectie:
    b = zaak.besluit
    if b is None:
        return Sectie("Besluit", [("", "nog niet genomen")])
    regels = [("Besluit", f"{b.beslissing.value} op {nl_datum(b.datum)}")]
    if b.hardheidsclausule.toegepast:
        regels.append(("Hardheid", f"toegepast: {b.hardheidsclausule.reden}"))
    if b.motivering:
        regels.append(("Motivering", b.motivering))
    status = (
        f"verzonden op {nl_datum(b.verzonden_op)}"
        if b.verzonden_op
        else f"afgedrukt op {nl_datum(b.afgedrukt_op)}"
        if b.afgedrukt_op
        else "nog niet gemaakt of afgedrukt"
    )
    regels.append(("Beschikking", status))
    return Sectie("Besluit", regels)


def _termijnen(termijnen: Sequence[Termijn], vandaag: date) -> Sectie:
    regels = []
    for t in sorted((t for t in termijnen if t.datum is not None), key=lambda t: t.datum or vandaag):
        assert t.datum is not None
        dagen = (t.datum - vandaag).days
        stand = "gedaan" if t.gedaan else ("verstreken" if dagen < 0 else f"over {dagen} dagen" if dagen else "vandaag")
        regels.append((nl_datum(t.datum), f"{t.omschrijving} ({t.artikel}) — {stand}"))
    return Sectie("Termijnen", regels or [("", "nog geen termijnen")])


def _alle_termijnen(zaak: Zaak, beoordeling: Beoordeling) -> list[Termijn]:
    """The same deadlines as the dossier (f2) shows; the assessment's own list when they cannot be computed."""
    try:
        return alle_termijnen(zaak, beoordeling.regeling)
    except SmiFout:
        return [t for t in beoordeling.termijnen if t.code != "verdaging_uiterst"]


def _documenten(zaak: Zaak, beoordeling: Beoordeling, documenten: Sequence[Document]) -> Sectie:
    t = beoordeling.regeling.toets(ToetsStukken)
    namen = [s.code for s in t.stukken] if isinstance(t, ToetsStukken) else []
    # the stuk by its short name (the code's words, as in the toetsen); the regulation's sentence is for letters
    regels = [("Ontvangen", f"{s.code.replace('_', ' ')}, {nl_datum(s.ontvangen_op)}") for s in zaak.aanvraag.stukken]
    binnen = {s.code for s in zaak.aanvraag.stukken}
    regels += [("Ontbreekt", code.replace("_", " ")) for code in namen if code not in binnen]
    regels += [
        (
            "Brief",
            f"{d.naam}, {nl_datum(d.datum) if d.datum else 'zonder datum'}" + (f" ({d.status})" if d.status else ""),
        )
        for d in documenten
    ]
    return Sectie("Documenten", regels or [("", "geen documenten")])


def samenvatting(
    zaak: Zaak, beoordeling: Beoordeling, vandaag: date, documenten: Sequence[Document] = ()
) -> list[Sectie]:
    """The case's summary in reading order: persons, melding and gesprek, verslag, voorliggende voorzieningen,
    toetsen, calculation per child, besluit, deadlines (counted from ``vandaag``) and documents (the stukken in
    the case and ``documenten``, the letters the store holds)."""
    return [
        _personen(zaak, vandaag),
        _melding_en_gesprek(zaak),
        _verslag(zaak),
        _voorliggend(zaak, beoordeling),
        _toetsen(beoordeling),
        _berekening(beoordeling),
        _besluit(zaak),
        _termijnen(_alle_termijnen(zaak, beoordeling), vandaag),
        _documenten(zaak, beoordeling, documenten),
    ]


def besluitvoorbeeld(zaak: Zaak, beoordeling: Beoordeling, verzenden_op: date) -> list[tuple[str, str]]:
    """What a beschikking on ``zaak.besluit`` will decide, for the question before it is made: the decision and its
    date, the dictum per child with its period and amount (or why refused), what stays refused, the amounts, and
    the last day for bezwaar when it is sent on ``verzenden_op`` (Awb 6:7, 6:8)."""
    b = zaak.besluit
    if b is None:
        return [("Besluit", "nog niet ingevuld")]
    t = toekenning(zaak, beoordeling)
    regels = [("Besluit", f"{b.beslissing.value}, besluitdatum {nl_datum(b.datum)}")]
    ber = t.berekening
    if t.beslissing == Beslissing.AFWIJZEN:
        regels.append(("Dictum", "de aanvraag wordt afgewezen; geen tegemoetkoming"))
        regels += [("Grond", f"{toetsnaam(r.code)} ({r.artikel})") for r in t.geweigerd]
    elif ber is None:  # the beschikking refuses this too: a grant needs its calculation
        regels.append(("Let op", "zonder berekening kan deze toekenning niet in een beschikking"))
        regels += [("Ontbreekt", o) for o in t.ontbrekend]
    else:
        for k in ber.kinderen:
            if k.maanden:
                regels.append(
                    (
                        "Toegekend",
                        f"{k.naam}: van {nl_datum(k.begin)} t/m {nl_datum(k.eind)}, "
                        f"{uren(k.uren_vergoed_per_maand)} uur {k.opvang.soort.label} per volle "
                        f"maand, totaal {euro(k.totaal_cent)}",
                    )
                )
            else:
                regels.append(("Afgewezen", f"{k.naam}: {k.uitgesloten or 'niet voldaan aan een voorwaarde'}"))
        regels += [("Afgewezen", f"{toetsnaam(r.code)} ({r.artikel})") for r in t.geweigerd]
        per_maand, eigen = ber.typische_maand()
        regels.append(
            (
                "Bedragen",
                f"{euro(per_maand)} per volle maand (eigen bijdrage {euro(eigen)}); totaal "
                f"{euro(ber.totaal_cent)}" + (" — voorlopig" if ber.voorlopig else ""),
            )
        )
    if t.opzij:
        regels.append(("Hardheid", "opzij gezet: " + ", ".join(toetsnaam(r.code) for r in t.opzij)))
    regels.append(
        (
            "Bezwaar",
            f"tot en met {nl_datum(bezwaartermijn_einde(verzenden_op))} bij verzending op "
            f"{nl_datum(verzenden_op)} (artikel 6:7 en 6:8 Awb)",
        )
    )
    return regels
