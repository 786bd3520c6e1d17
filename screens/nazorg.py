"""The dossier after (and around) the decision: every deadline, what was recorded, and forms to record more.

Opened for a finished case (step ``afgerond``) and, with f2, from any step of an open case. It shows the
case's deadlines as the core computes them (beslistermijn moved by opschorting and verdaging, evaluations, end of
the grant, extension window) and lets the consulent record, each in a small form (:mod:`screens.vastleggen`):
a request to supplement (opschorting, Awb 4:5/4:15), a verdaging (Awb 4:14), an evaluation, an extension and a
revision/withdrawal/ending. The regulation's rules apply while typing (the core decides; the form shows why).
A recorded event goes to the App as :class:`~screens.berichten.StapKlaar` with the letter it needs, so the App
saves it through the store and makes, stores and prints the letter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, ClassVar

from pydantic import Field
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static

from screens.berichten import StapKlaar
from screens.vastleggen import VastleggenScherm
from screens.velden import janee, keuze, kop, tekstvak, veld, vinkje
from screens.voettekst import Voettekst
from smi_tui.basis import Model
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro
from smi_tui.nazorg import (
    EvaluatieUitkomst,
    Evaluatieverslag,
    Opschorting,
    Verdaging,
    Verlengingsaanvraag,
    Vervolgbeslissing,
    Wijziging,
    WijzigingSoort,
)
from smi_tui.regeling import Regeling
from smi_tui.zaak import Stap, Zaak


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


def _met(zaak: Zaak, **update: Any) -> Zaak:
    """The case with ``update`` applied, validated as a whole (the case-level date checks run)."""
    return Zaak.model_validate(zaak.model_dump() | update)


def _kern(functie: Callable[..., Any], *args: Any) -> Any:
    """Call a core rule; its Dutch refusal (SmiFout) or missing data (Ontbreekt) becomes a ValueError, which the
    form shows as the reason it cannot be recorded."""
    from smi_tui.berekening import Ontbreekt

    try:
        return functie(*args)
    except SmiFout as exc:
        raise ValueError(exc.melding) from None
    except Ontbreekt as exc:
        raise ValueError(str(exc)) from None


class NazorgScherm(Screen[None]):
    """Deadlines and records of one case; keys o/d/e/v/w record an event, s opens the case's step, escape leaves.

    Kept by the App like a step screen (``STAP``, ``zaak``, ``werk_kop_bij``); it has no draft of its own."""

    STAP = Stap.AFGEROND

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "opschorting", "Aanvullen"),
        Binding("d", "verdaging", "Verdagen"),
        Binding("e", "evaluatie", "Evaluatie"),
        Binding("v", "verlenging", "Verlengen"),
        Binding("w", "wijziging", "Herzien"),
        Binding("s", "stap", "Besluit"),
        Binding("escape", "terug", "Terug"),
    ]

    def __init__(self, zaak: Zaak | None, regeling: Regeling | None, concept: Any = None, *, zaaknummer: str | None,
                 vandaag: date) -> None:  # fmt: skip
        super().__init__(classes="nazorg")
        if zaak is None or regeling is None:
            raise SmiFout("Het dossier is er pas als de melding is vastgelegd (ctrl+s in de stap Melding).")
        self.zaak, self.regeling, self.zaaknummer, self.vandaag = zaak, regeling, zaaknummer, vandaag

    def concept_nu(self) -> None:
        """No draft: each record is saved as it is made."""
        return None

    def werk_kop_bij(self) -> None:
        """After a save: the zaaknummer in the header and the tables from the saved case."""
        self.query_one("#stap-kop", Static).update(self._kop())
        self.toon()

    # --- layout --------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(self._kop(), id="stap-kop")
        with VerticalScroll(id="formulier"):
            yield kop("Termijnen")
            yield DataTable(id="termijnen", cursor_type="row", zebra_stripes=True, classes="tabel")
            yield kop("Vastgelegd na de melding")
            yield DataTable(id="vastgelegd", cursor_type="row", zebra_stripes=True, classes="tabel")
            yield Static("", id="nazorg-uitleg", classes="samenvatting")
        yield Voettekst()

    def _kop(self) -> str:
        return "  ·  ".join([self.zaaknummer or "nieuwe zaak", self.zaak.aanvrager.naam, self.regeling.gemeente,
                             "dossier en termijnen"])  # fmt: skip

    def on_mount(self) -> None:
        t = self.query_one("#termijnen", DataTable)
        t.add_columns("Datum", "Dagen", "Wat", "Artikel")
        v = self.query_one("#vastgelegd", DataTable)
        v.add_columns("Datum", "Soort", "Inhoud")
        self.toon()
        t.focus()

    def toon(self) -> None:
        """Fill both tables from ``self.zaak``."""
        t = self.query_one("#termijnen", DataTable)
        t.clear()
        for datum, wat, artikel, gedaan in self._termijnen():
            dagen = (datum - self.vandaag).days
            stijl = "dim" if gedaan else ("bold red" if dagen < 0 else ("bold yellow" if dagen <= 7 else ""))
            t.add_row(nl_datum(datum), Text("gedaan" if gedaan else str(dagen), style=stijl),
                      Text(wat, style=stijl), artikel)  # fmt: skip
        v = self.query_one("#vastgelegd", DataTable)
        v.clear()
        for datum, soort, inhoud in self._records():
            v.add_row(nl_datum(datum) if datum else "", soort, inhoud)
        self.query_one("#nazorg-uitleg", Static).update(self._uitleg())

    def _termijnen(self) -> list[tuple[date, str, str, bool]]:
        from smi_tui import termijnen

        try:
            alle = termijnen.alle_termijnen(self.zaak, self.regeling)
        except SmiFout as exc:
            self.notify(exc.melding, severity="error", timeout=10)
            return []
        return sorted(((t.datum, t.omschrijving, t.artikel, bool(getattr(t, "gedaan", False)))
                       for t in alle if t.datum is not None), key=lambda r: r[0])  # fmt: skip

    def _records(self) -> Iterable[tuple[date | None, str, str]]:
        z = self.zaak
        for o in z.opschortingen:
            staat = (
                f"aangevuld {nl_datum(o.aangevuld_op)}" if o.aangevuld_op else f"termijn tot {nl_datum(o.termijn_tot)}"
            )
            yield o.verzocht_op, "aanvulling gevraagd", f"{', '.join(o.stukken) or 'stukken'}; {staat}"
        if z.verdaging is not None:
            yield z.verdaging.op, "verdaging", f"{z.verdaging.weken} weken: {z.verdaging.reden}"
        for e in z.evaluaties:
            yield e.gehouden_op, f"evaluatie {e.nummer}", f"{e.uitkomst.value} ({e.door})"
        for vl in z.verlengingen:
            besluit = vl.beslissing.value if vl.beslissing else "nog geen besluit"
            yield vl.aangevraagd_op, "verlenging", f"{vl.maanden} maanden; {besluit}"
        for w in z.wijzigingen:
            yield (
                w.ingangsdatum,
                w.soort.value,
                f"grond {w.grond}" + (f"; al betaald {euro(w.betaald_cent)}" if w.betaald_cent is not None else ""),
            )

    def _uitleg(self) -> str:
        v = self.regeling.verlenging
        if not v.toegestaan:
            return f"Verlenging: de regeling kent geen verlenging ({v.artikel}); een nieuwe melding is nodig."
        return (f"Verlenging: {v.aantal}× met ten hoogste {v.max_maanden} maanden ({v.artikel})"
                + (f"; voorwaarde: {v.voorwaarde}" if v.voorwaarde else "") + ".")  # fmt: skip

    # --- recording ------------------------------------------------------------------------------------
    def _vastleggen(self, titel: str, rijen: Any, model: Any, toepassen: Any, brief: str | None, *,
                    startdata: dict[str, Any] | None = None, toelichting: Any = None) -> None:  # fmt: skip
        def klaar(zaak: Zaak | None) -> None:
            if zaak is None:
                return
            self.zaak = zaak
            self.toon()
            self.post_message(StapKlaar(zaak.stap, zaak, volgende=False, brieven=(brief,) if brief else ()))

        self.app.push_screen(VastleggenScherm(titel, rijen, model, toepassen, startdata=startdata,
                                              toelichting=toelichting), klaar)  # fmt: skip

    def action_opschorting(self) -> None:
        """Ask the parent to supplement the application; the beslistermijn is suspended (Awb 4:5, 4:15)."""
        stukken = ", ".join(self._stukcodes()) or "zie de regeling"

        def rijen() -> Iterable[Widget]:
            p = "opschorting"
            yield kop("Artikel 4:5 en 4:15 Awb: de beslistermijn wordt opgeschort")
            yield veld(f"{p}.verzocht_op", "Verzonden op", "datum")
            yield veld(f"{p}.termijn_tot", "Aanvullen vóór", "datum")
            yield tekstvak(f"{p}.stukken", "Wat ontbreekt", regels=True, hulp=f"codes van de regeling: {stukken}")
            yield tekstvak(f"{p}.toelichting", "Toelichting")
            yield veld(f"{p}.aangevuld_op", "Aangevuld op", "datum", hulp="later invullen als de stukken binnen zijn")

        def toepassen(m: _OpschortingInvoer) -> Zaak:
            return _met(self.zaak, opschortingen=[*(o.model_dump() for o in self.zaak.opschortingen),
                                                  m.opschorting.model_dump()])  # fmt: skip

        self._vastleggen("Aanvulling vragen", rijen, _OpschortingInvoer, toepassen, "verzoek-aanvulling",
                         startdata={"opschorting": {"verzocht_op": self.vandaag.isoformat()}})  # fmt: skip

    def _stukcodes(self) -> list[str]:
        from smi_tui.regeling import ToetsStukken

        t = self.regeling.toets(ToetsStukken)
        return [s.code for s in t.stukken] if isinstance(t, ToetsStukken) else []

    def action_verdaging(self) -> None:
        """Extend the beslistermijn (Awb 4:14): a letter before the term ends."""
        bt = self.regeling.beslistermijn

        def rijen() -> Iterable[Widget]:
            yield kop(f"Verdaging van de beslistermijn (artikel 4:14 Awb; {bt.artikel})")
            yield veld("verdaging.op", "Brief verzonden op", "datum")
            hulp = f"ten hoogste {bt.verdaging_weken} weken" if bt.verdaging_weken else "een redelijke termijn"
            yield veld("verdaging.weken", "Weken", "geheel", hulp=hulp)
            yield veld("verdaging.reden", "Reden")

        def toepassen(m: _VerdagingInvoer) -> Zaak:
            zaak = _met(self.zaak, verdaging=m.verdaging.model_dump())
            self._termijnen_van(zaak)
            return zaak

        start = {"verdaging": {"op": self.vandaag.isoformat(), "weken": bt.verdaging_weken}}
        self._vastleggen("Beslistermijn verdagen", rijen, _VerdagingInvoer, toepassen, "verdaging", startdata=start)

    def _termijnen_van(self, zaak: Zaak) -> None:
        """The core's check of the verdaging of ``zaak`` (sent too late, too long) as a ValueError."""
        from smi_tui.termijnen import controleer_verdaging

        _kern(controleer_verdaging, zaak, self.regeling)

    def action_evaluatie(self) -> None:
        """Record an evaluation held (outcome and notes)."""
        ev = self.regeling.evaluatie
        gehouden = {e.nummer for e in self.zaak.evaluaties}
        volgende = next(n for n in range(1, 61) if n not in gehouden)

        def rijen() -> Iterable[Widget]:
            p = "evaluatie"
            yield kop(f"Evaluatie ({ev.artikel})" if ev else "Evaluatie (de regeling schrijft geen evaluaties voor)")
            yield veld(f"{p}.nummer", "Nummer", "geheel")
            yield veld(f"{p}.gehouden_op", "Gehouden op", "datum")
            yield veld(f"{p}.door", "Door")
            yield keuze(f"{p}.uitkomst", "Uitkomst", [(u.value.replace("_", " "), u.value) for u in EvaluatieUitkomst])
            yield tekstvak(f"{p}.notities", "Notities")

        def toepassen(m: _EvaluatieInvoer) -> Zaak:
            if m.evaluatie.nummer in gehouden:
                raise ValueError(f"evaluatie {m.evaluatie.nummer} is al vastgelegd")
            return _met(self.zaak, evaluaties=[*(e.model_dump() for e in self.zaak.evaluaties),
                                               m.evaluatie.model_dump()])  # fmt: skip

        start = {"evaluatie": {"nummer": volgende, "gehouden_op": self.vandaag.isoformat(),
                               "door": ev.door if ev else ""}}  # fmt: skip
        self._vastleggen("Evaluatie vastleggen", rijen, _EvaluatieInvoer, toepassen, None, startdata=start)

    def action_verlenging(self) -> None:
        """Record an extension asked for and decide on it; the verlengingsbeschikking is made and printed."""
        v = self.regeling.verlenging

        def rijen() -> Iterable[Widget]:
            p = "verlenging"
            yield kop(f"Verlenging ({v.artikel})")
            yield veld(f"{p}.aangevraagd_op", "Aangevraagd op", "datum")
            yield veld(f"{p}.maanden", "Maanden", "geheel", hulp=f"ten hoogste {v.max_maanden}" if v.toegestaan else "")
            yield janee(f"{p}.voorwaarde_vervuld", "Voorwaarde vervuld", hulp=v.voorwaarde)
            yield tekstvak(f"{p}.onderbouwing", "Onderbouwing")
            yield kop("Besluit op de verlenging")
            yield veld(f"{p}.besluit_datum", "Besluitdatum", "datum")
            yield keuze(f"{p}.beslissing", "Beslissing", [(b.value, b.value) for b in Vervolgbeslissing])
            yield tekstvak(f"{p}.motivering", "Motivering")
            yield veld(f"{p}.verzonden_op", "Verzonden op", "datum")

        def uitkomst(aanvraag: Verlengingsaanvraag) -> Any:
            from smi_tui.verlenging import beoordeel_verlenging

            return _kern(beoordeel_verlenging, self.zaak, self.regeling, aanvraag)

        def toepassen(m: _VerlengingInvoer) -> Zaak:
            a = m.verlenging
            u = uitkomst(a)
            if a.beslissing == Vervolgbeslissing.TOEKENNEN and not u.toegestaan:
                raise ValueError("de regeling staat deze verlenging niet toe: " + _redenen(u))
            if a.beslissing is not None and a.besluit_datum is None:
                raise ValueError("vul de besluitdatum in")
            return _met(self.zaak, verlengingen=[*(x.model_dump() for x in self.zaak.verlengingen), a.model_dump()])

        def toelichting(data: dict[str, Any]) -> str:
            try:
                u = uitkomst(_VerlengingInvoer.model_validate(data).verlenging)
            except (ValueError, SmiFout):
                return ""
            if not u.toegestaan:
                return "[b red]Niet toegestaan:[/] " + _redenen(u)
            tot = getattr(u, "eind", None)
            return "[b green]Toegestaan[/]" + (f" tot en met {nl_datum(tot)}" if tot else "")

        start = {"verlenging": {"aangevraagd_op": self.vandaag.isoformat(), "besluit_datum": self.vandaag.isoformat(),
                                "maanden": v.max_maanden or None}}  # fmt: skip
        self._vastleggen("Verlenging", rijen, _VerlengingInvoer, toepassen, "verlengingsbeschikking",
                         startdata=start, toelichting=toelichting)  # fmt: skip

    def action_wijziging(self) -> None:
        """Revise, withdraw or end the grant from a date, on one of the regulation's grounds."""
        gronden = [(f"{g.code}: {g.tekst[:50]}", g.code) for g in self.regeling.herzieningsgronden]
        kinderen = [(i, k) for i, k in enumerate(self.zaak.melding.kinderen) if k.opvang is not None]

        def rijen() -> Iterable[Widget]:
            p = "wijziging"
            yield kop("Wat verandert, en waarom")
            yield keuze(f"{p}.soort", "Soort", [(s.value, s.value) for s in WijzigingSoort])
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
            opvang = dict(w.opvang)
            for i, k in kinderen:
                nieuw = m.uren.get(f"k{i}")
                if nieuw is not None and k.opvang is not None:
                    o = k.opvang.model_dump() | {"uren_per_week": nieuw, "uren_per_dag": None}  # days per week stay
                    opvang[str(i)] = o  # type: ignore[assignment]
            return Wijziging.model_validate(w.model_dump() | {"opvang": opvang})

        def uitkomst(w: Wijziging) -> Any:
            from smi_tui.wijziging import bereken_wijziging

            return _kern(bereken_wijziging, self.zaak, self.regeling, w)

        def toepassen(m: _WijzigingInvoer) -> Zaak:
            w = als_wijziging(m)
            uitkomst(w)
            return _met(self.zaak, wijzigingen=[*(x.model_dump() for x in self.zaak.wijzigingen), w.model_dump()])

        def toelichting(data: dict[str, Any]) -> str:
            try:
                u = uitkomst(als_wijziging(_WijzigingInvoer.model_validate(data)))
            except (ValueError, SmiFout):
                return ""
            terug = getattr(u, "terugvordering_cent", None)
            return f"Terug te vorderen: [b]{euro(terug)}[/]" if terug else "Geen terugvordering."

        start = {"wijziging": {"besluit_datum": self.vandaag.isoformat(), "terugvorderen": True}}
        self._vastleggen("Herziening, intrekking of beëindiging", rijen, _WijzigingInvoer, toepassen,
                         "wijzigingsbeschikking", startdata=start, toelichting=toelichting)  # fmt: skip

    # --- leaving --------------------------------------------------------------------------------------
    def action_stap(self) -> None:
        """Open the case's step (for a finished case: the besluit, with the tests and the beschikking)."""
        stap = Stap.BESLUIT if self.zaak.stap == Stap.AFGEROND else self.zaak.stap
        self.app._toon_stap(stap, self.zaak.concepten.get(stap.value))  # type: ignore[attr-defined]

    def action_terug(self) -> None:
        """Back (escape): to the step this screen was opened from, or to the werkvoorraad."""
        self.app.action_werkvoorraad()  # type: ignore[attr-defined]


def _redenen(uitkomst: Any) -> str:
    """The unmet rules of a Verlengingsuitkomst, with their articles."""
    regels = [f"{r.toelichting} ({r.artikel})" for r in uitkomst.afwijzingsgronden]
    regels += [f"ontbreekt: {o}" for o in uitkomst.ontbrekend]
    return "; ".join(regels) or "zie de regeling"
