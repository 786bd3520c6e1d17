"""The forms of the dossier screen: which fields each record has, where it starts, what the core concludes while
typing, and which letter it makes. Each form gives a :class:`Formulier`; the dossier screen
(:mod:`screens.nazorg`) opens it in a :class:`~screens.vastleggen.VastleggenScherm` and has the core add the
record to the case (:func:`smi_tui.vastleggen.voeg_toe`), so the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, Field
from textual.widget import Widget
from textual.widgets import Static

from screens.velden import janee, keuze, kop, tekstvak, veld, vinkje
from smi_tui.basis import Model
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro
from smi_tui.nazorg import (
    EvaluatieUitkomst,
    Evaluatieverslag,
    Ingetrokken,
    Opschorting,
    Verdaging,
    Verlengingsaanvraag,
    Vervolgbeslissing,
    Wijziging,
    WijzigingSoort,
    geldend,
)
from smi_tui.regeling import Regeling
from smi_tui.vastleggen import RecordFout, Vastlegging
from smi_tui.zaak import Zaak


@dataclass(frozen=True)
class Formulier:
    """One record form: ``record`` turns the validated input (``model``) into the record; ``brief`` is the letter
    it makes (None: none); ``toelichting`` shows what the core concludes while typing."""

    titel: str
    rijen: Callable[[], Iterable[Widget]]
    model: type[BaseModel]
    record: Callable[[Any], Any]
    brief: str | None
    startdata: dict[str, Any] = field(default_factory=dict)
    toelichting: Callable[[dict[str, Any]], str] | None = None


class _OpschortingInvoer(Model):
    opschorting: Opschorting


class _VerdagingInvoer(Model):
    verdaging: Verdaging


class _EvaluatieInvoer(Model):
    evaluatie: Evaluatieverslag


class _VerlengingInvoer(Model):
    verlenging: Verlengingsaanvraag


class _WijzigingInvoer(Model):
    wijziging: Wijziging
    uren: dict[str, Any] = Field(default_factory=dict, description="herziening: nieuwe uren per week per kind")


class IntrekkingInvoer(Model):
    ingetrokken: Ingetrokken


def _kern(functie: Callable[..., Any], *args: Any) -> Any:
    """Call a core rule for the live explanation; its Dutch refusal or missing data becomes a ValueError."""
    from smi_tui.berekening import Ontbreekt

    try:
        return functie(*args)
    except SmiFout as exc:
        raise ValueError(exc.melding) from None
    except Ontbreekt as exc:
        raise ValueError(str(exc)) from None


_WOORDEN = {"beeindigen": "beëindigen", "beeindiging": "beëindiging"}


def woord(waarde: Any) -> str:
    """A code as a Dutch word on screen: 'verlenging_nodig' -> 'verlenging nodig', 'beeindigen' -> 'beëindigen'."""
    tekst = str(getattr(waarde, "value", waarde))
    return _WOORDEN.get(tekst, tekst.replace("_", " "))


def opschorting(zaak: Zaak, regeling: Regeling, vandaag: date) -> Formulier:
    """Ask the parent to supplement the application; the beslistermijn is suspended (Awb 4:5, 4:15)."""
    from smi_tui.regeling import ToetsStukken

    t = regeling.toets(ToetsStukken)
    stukken = ", ".join(s.code for s in t.stukken) if isinstance(t, ToetsStukken) else ""

    def rijen() -> Iterable[Widget]:
        p = "opschorting"
        yield kop("Artikel 4:5 en 4:15 Awb: de beslistermijn wordt opgeschort")
        yield veld(f"{p}.verzocht_op", "Verzonden op", "datum")
        yield veld(f"{p}.termijn_tot", "Aanvullen vóór", "datum")
        yield tekstvak(
            f"{p}.stukken", "Wat ontbreekt", regels=True, hulp=f"codes van de regeling: {stukken or 'zie de regeling'}"
        )
        yield tekstvak(f"{p}.toelichting", "Toelichting")
        yield veld(f"{p}.aangevuld_op", "Aangevuld op", "datum", hulp="later invullen als de stukken binnen zijn")

    from screens.documentinvoer import VERSLAG, ontbrekende_stukken  # what the core finds missing, prefilled

    ontbreekt = [code for code, _ in ontbrekende_stukken(zaak, regeling) if code != VERSLAG]
    return Formulier(
        "Aanvulling vragen",
        rijen,
        _OpschortingInvoer,
        lambda m: m.opschorting,
        "verzoek-aanvulling",
        {"opschorting": {"verzocht_op": vandaag.isoformat(), "stukken": ontbreekt}},
    )


def verdaging(zaak: Zaak, regeling: Regeling, vandaag: date) -> Formulier:
    """Extend the beslistermijn (Awb 4:14): a letter before the term ends."""
    bt = regeling.beslistermijn

    def rijen() -> Iterable[Widget]:
        yield kop(f"Verdaging van de beslistermijn (artikel 4:14 Awb; {bt.artikel})")
        yield veld("verdaging.op", "Brief verzonden op", "datum")
        hulp = f"ten hoogste {bt.verdaging_weken} weken" if bt.verdaging_weken else "een redelijke termijn"
        yield veld("verdaging.weken", "Weken", "geheel", hulp=hulp)
        yield veld("verdaging.reden", "Reden")

    start = {"verdaging": {"op": vandaag.isoformat(), "weken": bt.verdaging_weken}}
    return Formulier("Beslistermijn verdagen", rijen, _VerdagingInvoer, lambda m: m.verdaging, "verdaging", start)


def evaluatie(zaak: Zaak, regeling: Regeling, vandaag: date) -> Formulier:
    """Record an evaluation held (outcome and notes)."""
    ev = regeling.evaluatie
    gehouden = {e.nummer for e in geldend(zaak.evaluaties)}
    volgende = next(n for n in range(1, 61) if n not in gehouden)

    def rijen() -> Iterable[Widget]:
        p = "evaluatie"
        yield kop(f"Evaluatie ({ev.artikel})" if ev else "Evaluatie (de regeling schrijft geen evaluaties voor)")
        yield veld(f"{p}.nummer", "Nummer", "geheel")
        yield veld(f"{p}.gehouden_op", "Gehouden op", "datum")
        yield veld(f"{p}.door", "Door")
        yield keuze(f"{p}.uitkomst", "Uitkomst", [(woord(u), u.value) for u in EvaluatieUitkomst])
        yield tekstvak(f"{p}.notities", "Notities")

    def record(m: _EvaluatieInvoer) -> Evaluatieverslag:
        if m.evaluatie.gehouden_op > vandaag:  # an evaluation is recorded after it was held
            raise RecordFout(
                f"De evaluatie kan niet op {nl_datum(m.evaluatie.gehouden_op)} gehouden zijn: die dag "
                f"moet nog komen. Vul de dag in waarop zij is gehouden (vandaag, {nl_datum(vandaag)}, "
                "of eerder).",
                "evaluatie.gehouden_op",
            )
        return m.evaluatie

    start = {"evaluatie": {"nummer": volgende, "gehouden_op": vandaag.isoformat(), "door": ev.door if ev else ""}}
    return Formulier("Evaluatie vastleggen", rijen, _EvaluatieInvoer, record, None, start)


def verlenging(zaak: Zaak, regeling: Regeling, vandaag: date) -> Formulier:
    """Record an extension asked for and the decision on it; the verlengingsbeschikking is made and printed."""
    v = regeling.verlenging

    def rijen() -> Iterable[Widget]:
        p = "verlenging"
        yield kop(f"Verlenging ({v.artikel})")
        yield veld(f"{p}.aangevraagd_op", "Aangevraagd op", "datum")
        yield veld(f"{p}.maanden", "Maanden", "geheel", hulp=f"ten hoogste {v.max_maanden}" if v.toegestaan else "")
        yield janee(f"{p}.voorwaarde_vervuld", "Voorwaarde vervuld", hulp=v.voorwaarde)
        yield tekstvak(f"{p}.onderbouwing", "Onderbouwing")
        yield kop("Besluit op de verlenging")
        yield veld(f"{p}.besluit_datum", "Besluitdatum", "datum")
        yield keuze(f"{p}.beslissing", "Beslissing", [(woord(b), b.value) for b in Vervolgbeslissing])
        yield tekstvak(f"{p}.motivering", "Motivering")
        yield veld(f"{p}.verzonden_op", "Verzonden op", "datum")

    def toelichting(data: dict[str, Any]) -> str:
        from smi_tui.resultaat import O
        from smi_tui.verlenging import beoordeel_verlenging

        try:
            u = _kern(beoordeel_verlenging, zaak, regeling, _VerlengingInvoer.model_validate(data).verlenging)
        except (ValueError, SmiFout):
            return ""
        if u.afwijzingsgronden:
            return "[b red]Niet toegestaan:[/] " + _redenen(u)
        if not u.toegestaan:
            return "[b yellow]Nog niet compleet:[/] " + "; ".join(r.toelichting for r in u.toetsen if r.uitkomst == O)
        return f"[b green]Toegestaan[/] tot en met {nl_datum(u.eind)}"

    start = {"verlenging": {"aangevraagd_op": vandaag.isoformat(), "besluit_datum": vandaag.isoformat(),
                            "maanden": v.max_maanden or None}}  # fmt: skip
    return Formulier(
        "Verlenging", rijen, _VerlengingInvoer, lambda m: m.verlenging, "verlengingsbeschikking", start, toelichting
    )


def wijziging(zaak: Zaak, regeling: Regeling, vandaag: date) -> Formulier:
    """Revise, withdraw or end the grant from a date, on one of the regulation's grounds."""
    gronden = [(g.tekst, g.code) for g in regeling.herzieningsgronden]
    kinderen = [(i, k) for i, k in enumerate(zaak.melding.kinderen) if k.opvang is not None]

    def rijen() -> Iterable[Widget]:
        p = "wijziging"
        yield kop("Wat verandert, en waarom")
        yield keuze(f"{p}.soort", "Soort", [(woord(s), s.value) for s in WijzigingSoort])
        if gronden:
            yield keuze(f"{p}.grond", "Grond", gronden)
        else:
            yield veld(f"{p}.grond", "Grond", hulp="de regeling noemt geen herzieningsgronden")
        yield veld(f"{p}.ingangsdatum", "Ingangsdatum", "datum")
        yield veld(f"{p}.gemeld_op", "Gemeld op", "datum")
        yield tekstvak(f"{p}.toelichting", "Toelichting")
        for i, k in kinderen:
            yield veld(f"uren.k{i}", f"Uren/week {k.naam[:12]}", "uren", hulp="alleen bij herziening van uren")
        yield veld(f"{p}.betaald_cent", "Al betaald vanaf ingang", "euro", hulp="voor de terugvordering")
        yield vinkje(f"{p}.terugvorderen", "Te veel betaald bedrag terugvorderen")
        yield kop("Besluit")
        yield veld(f"{p}.besluit_datum", "Besluitdatum", "datum")
        yield tekstvak(f"{p}.motivering", "Motivering")
        yield veld(f"{p}.verzonden_op", "Verzonden op", "datum")

    def als_wijziging(m: _WijzigingInvoer) -> Wijziging:
        w = m.wijziging
        opvang: dict[str, Any] = dict(w.opvang)  # Opvang models and dicts in their JSON shape: validated below
        for i, k in kinderen:
            nieuw = m.uren.get(f"k{i}")
            if nieuw is not None and k.opvang is not None:
                o = k.opvang.model_dump() | {"uren_per_week": nieuw, "uren_per_dag": None}  # days per week stay
                opvang[str(i)] = o
        return Wijziging.model_validate(w.model_dump() | {"opvang": opvang})

    def toelichting(data: dict[str, Any]) -> str:
        from smi_tui.wijziging import bereken_wijziging

        try:
            u = _kern(bereken_wijziging, zaak, regeling, als_wijziging(_WijzigingInvoer.model_validate(data)))
        except (ValueError, SmiFout):
            return ""
        terug = u.terugvordering_cent
        return f"Terug te vorderen: [b]{euro(terug)}[/]" if terug else "Geen terugvordering."

    start = {"wijziging": {"besluit_datum": vandaag.isoformat(), "terugvorderen": True}}
    return Formulier(
        "Herziening, intrekking of beëindiging",
        rijen,
        _WijzigingInvoer,
        als_wijziging,
        "wijzigingsbeschikking",
        start,
        toelichting,
    )


FORMULIEREN: dict[str, Callable[[Zaak, Regeling, date], Formulier]] = {
    "opschorting": opschorting, "verdaging": verdaging, "evaluatie": evaluatie, "verlenging": verlenging,
    "wijziging": wijziging,
}  # fmt: skip


def intrekking(omschrijving: str, door: str, vandaag: date) -> Formulier:
    """Withdraw a record entered by mistake: when, by whom and why; it stays in the case, marked."""

    def rijen() -> Iterable[Widget]:
        yield kop(f"Intrekken: {omschrijving}")
        yield Static(
            "De vastlegging blijft in het dossier en het logboek, gemarkeerd als ingetrokken; haar "
            "termijnen vervallen. Brieven die al zijn gemaakt, blijven bij de documenten."
        )
        yield veld("ingetrokken.datum", "Ingetrokken op", "datum")
        yield veld("ingetrokken.door", "Door")
        yield tekstvak("ingetrokken.reden", "Reden", hulp="waarom de vastlegging niet klopte")

    start = {"ingetrokken": {"datum": vandaag.isoformat(), "door": door}}
    return Formulier("Vastlegging intrekken", rijen, IntrekkingInvoer, lambda m: m.ingetrokken, None, start)


def omschrijving(soort: str, record: Vastlegging) -> tuple[date | None, str]:
    """The date and the short description of a record in the dossier's list."""
    if isinstance(record, Opschorting):
        staat = (
            f"aangevuld {nl_datum(record.aangevuld_op)}"
            if record.aangevuld_op
            else f"termijn tot {nl_datum(record.termijn_tot)}"
        )
        return record.verzocht_op, f"{', '.join(record.stukken) or 'stukken'}; {staat}"
    if isinstance(record, Verdaging):
        return record.op, f"{record.weken} weken: {record.reden}"
    if isinstance(record, Evaluatieverslag):
        return record.gehouden_op, f"{woord(record.uitkomst)} ({record.door})"
    if isinstance(record, Verlengingsaanvraag):
        besluit = woord(record.beslissing) if record.beslissing else "nog geen besluit"
        return record.aangevraagd_op, f"{record.maanden} maanden; {besluit}"
    betaald = f"; al betaald {euro(record.betaald_cent)}" if record.betaald_cent is not None else ""
    return record.ingangsdatum, f"{woord(record.soort)}, grond {woord(record.grond)}{betaald}"


def _redenen(uitkomst: Any) -> str:
    """The unmet rules of a Verlengingsuitkomst, with their articles."""
    regels = [f"{r.toelichting} ({r.artikel})" for r in uitkomst.afwijzingsgronden]
    regels += [f"ontbreekt: {o}" for o in uitkomst.ontbrekend]
    return "; ".join(regels) or "zie de regeling"
