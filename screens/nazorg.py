"""The dossier after (and around) the decision: every deadline, what was recorded, and forms to record more.

Opened for a finished case (step ``afgerond``) and, with f2, from any step of an open case. It shows the
case's deadlines as the core computes them (beslistermijn moved by opschorting and verdaging, evaluations, end of
the grant, extension window) and lets the consulent record, each in a small form (:mod:`screens.dossierformulieren`
in a :class:`~screens.vastleggen.VastleggenScherm`): a request to supplement (opschorting, Awb 4:5/4:15), a
verdaging (Awb 4:14), an evaluation, an extension and a revision/withdrawal/ending; and withdraw a record entered
by mistake (it stays, marked "ingetrokken", without deadlines).

All or nothing: the core adds the record to the whole case and checks it (:func:`smi_tui.vastleggen.voeg_toe`)
before anything is sent; a refusal stays in the form with the field to fix. A valid record goes to the App as
:class:`~screens.berichten.StapKlaar` with the letter it needs while the form waits: the App makes the letter,
then saves, and answers with :meth:`NazorgScherm.werk_kop_bij` (saved: the form closes) or
:meth:`NazorgScherm.niet_bewaard` (nothing stored: the form stays, with the reason and everything typed).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from screens import dossierformulieren as df
from screens import tijdlijn
from screens.berichten import ConceptGewijzigd, StapKlaar
from screens.concepten import BEWAARD
from screens.formulier import invoervelden, ruw_van_data
from screens.stapconcept import BEWAAR_NA, bewaard_tekst
from screens.tijdlijn import Punt, Tijdlijn
from screens.vastleggen import VastleggenScherm
from screens.velden import kop
from screens.voettekst import Voettekst
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.regeling import Regeling
from smi_tui.vastleggen import LIJSTEN, trek_in, voeg_toe
from smi_tui.zaak import Stap, Zaak

FORMULIER = "_formulier"
"""Key in the dossier's draft: which record form was open (a key of ``dossierformulieren.FORMULIEREN``)."""
_SOORT = {"opschorting": "aanvulling gevraagd", "verdaging": "verdaging", "evaluatie": "evaluatie",
          "verlenging": "verlenging", "wijziging": "wijziging"}  # fmt: skip


class NazorgScherm(Screen[None]):
    """Deadlines and records of one case; keys o/d/e/v/w record an event, i withdraws the chosen record, s opens
    the case's step, escape leaves.

    Kept by the App like a step screen (``STAP``, ``zaak``, ``werk_kop_bij``). Its draft is the open record form
    as typed (``_formulier``: which form), kept like a step's half a second after the last change, and put back
    when the dossier opens again; closing the form (recorded or cancelled) throws it away."""

    STAP = Stap.AFGEROND

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "opschorting", "Aanvullen"),
        Binding("d", "verdaging", "Verdagen"),
        Binding("e", "evaluatie", "Evaluatie"),
        Binding("v", "verlenging", "Verlengen"),
        Binding("w", "wijziging", "Herzien"),
        Binding("i", "intrekken", "Intrekken"),
        Binding("s", "stap", "Besluit"),
        Binding("escape", "terug", "Terug"),
    ]

    def __init__(
        self,
        zaak: Zaak | None,
        regeling: Regeling | None,
        concept: Any = None,
        *,
        zaaknummer: str | None,
        vandaag: date,
    ) -> None:
        super().__init__(classes="nazorg")
        if zaak is None or regeling is None:
            raise SmiFout("Het dossier is er pas als de melding is vastgelegd (ctrl+s in de stap Melding).")
        self.zaak, self.regeling, self.zaaknummer, self.vandaag = zaak, regeling, zaaknummer, vandaag
        self._wachtend: VastleggenScherm | None = None  # the form whose record the App is saving
        self._concept = concept if isinstance(concept, dict) else zaak.concepten.get(Stap.AFGEROND.value)
        self._formulier: tuple[str, VastleggenScherm] | None = None  # the open record form (kind, screen)
        self._laatst: dict[str, Any] | None = None  # the fields of the draft sent last
        self._timer: Any = None

    # --- the open form's draft ------------------------------------------------------------------------
    def concept_nu(self) -> dict[str, Any] | None:
        """The open record form as typed (with ``_formulier``: which one), for a draft; None without a form, while
        its record is being saved, or when nothing was typed in it yet."""
        if self._formulier is None:
            return None
        soort, scherm = self._formulier
        if not scherm.is_mounted or scherm.bezig is not None:
            return None
        ruw = scherm.ruw()
        if _inhoud(ruw) == _inhoud(ruw_van_data(invoervelden(scherm), scherm.startdata)):
            return None  # as the form opened: nothing of the consulent's to keep
        return {FORMULIER: soort, **ruw}

    def _formulier_gewijzigd(self) -> None:
        if not getattr(self.app, "autosave", False):
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(BEWAAR_NA, self._bewaar_formulier)

    def _bewaar_formulier(self) -> None:
        """Half a second after the last change in the form: keep it as the dossier's draft (the App saves it)."""
        self._timer = None
        concept = self.concept_nu()
        if concept is not None and _inhoud(concept) != self._laatst:
            self._laatst = _inhoud(concept)
            self.post_message(ConceptGewijzigd(self.STAP, concept))

    def _formulier_dicht(self, _zaak: Zaak | None) -> None:
        """The form closed (recorded, or cancelled with escape): its draft is done with."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._formulier, self._laatst, self._concept = None, None, None
        self.post_message(ConceptGewijzigd(self.STAP, None))

    def toon_bewaard(self, tijd: str) -> None:
        """The open form's draft is in the store: its title says when."""
        if self._formulier is not None:
            scherm = self._formulier[1]
            for titel in scherm.query("#vastleggen-titel"):  # none while the form is being built or closed
                if isinstance(titel, Static):
                    titel.update(f"{scherm.titel}   [dim]{bewaard_tekst(tijd)}[/]")

    def werk_kop_bij(self) -> None:
        """After a save: the zaaknummer in the header and the tables from the saved case; a form waiting for
        this save closes."""
        if self._wachtend is not None:
            wachtend, self._wachtend = self._wachtend, None
            wachtend.gelukt()
        if self.is_mounted:
            self.query_one("#stap-kop", Static).update(self._kop())
            self.toon()

    def niet_bewaard(self, melding: str) -> bool:
        """The App could not save the record the waiting form sent: nothing was stored. The form stays open with
        the reason and everything typed. False when no form was waiting (the failure was not a record's)."""
        if self._wachtend is None:
            return False
        wachtend, self._wachtend = self._wachtend, None
        wachtend.mislukt(melding)
        return True

    # --- layout --------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(self._kop(), id="stap-kop")
        with VerticalScroll(id="formulier"):
            yield kop("Termijnen")
            yield Tijdlijn([], self.vandaag, id="tijdlijn")
            yield DataTable(id="termijnen", cursor_type="row", zebra_stripes=True, classes="tabel")
            yield kop("Vastgelegd na de melding (i: een vergissing intrekken)")
            yield DataTable(id="vastgelegd", cursor_type="row", zebra_stripes=True, classes="tabel")
            yield Static("", id="vastgelegd-detail", classes="samenvatting")
            yield Static("", id="nazorg-uitleg", classes="samenvatting")
        yield Voettekst()

    def _kop(self) -> str:
        return "  ·  ".join(
            [self.zaaknummer or "nieuwe zaak", self.zaak.aanvrager.naam, self.regeling.gemeente, "dossier en termijnen"]
        )

    def on_mount(self) -> None:
        t = self.query_one("#termijnen", DataTable)
        t.add_columns("Nr", "Datum", "Dagen", "Wat", "Artikel")  # Nr: the mark on the timeline above
        v = self.query_one("#vastgelegd", DataTable)
        v.add_columns("Datum", "Soort", "Inhoud")
        self.toon()
        t.focus()
        concept = self._concept
        if isinstance(concept, dict) and concept.get(FORMULIER) in df.FORMULIEREN:  # a form left open: back
            self._laatst = _inhoud(concept)  # already kept: putting it back is no change to save again
            self.call_after_refresh(self._vastleggen, str(concept[FORMULIER]), concept)
            self.notify(
                f"Het formulier is teruggezet zoals het was ({bewaard_tekst(concept.get(BEWAARD))}); Esc gooit het weg."
            )

    def toon(self) -> None:
        """Fill both tables from ``self.zaak``."""
        t = self.query_one("#termijnen", DataTable)
        t.clear()
        termijnen = self._termijnen()
        self.query_one("#tijdlijn", Tijdlijn).toon(
            [Punt(d, wat, gedaan) for d, wat, _, gedaan in termijnen], self.vandaag
        )
        for i, (datum, wat, artikel, gedaan) in enumerate(termijnen):
            dagen = (datum - self.vandaag).days
            stijl = "dim" if gedaan else ("bold red" if dagen < 0 else ("bold yellow" if dagen <= 7 else ""))
            t.add_row(
                tijdlijn.nummer(i),
                nl_datum(datum),
                Text("gedaan" if gedaan else str(dagen), style=stijl),
                Text(wat, style=stijl),
                artikel,
            )
        v = self.query_one("#vastgelegd", DataTable)
        v.clear()
        for sleutel, soort, nummer, record in self._records():
            vastgelegd_op, inhoud = df.omschrijving(soort, record)
            naam = _SOORT[soort] + (f" {nummer}" if soort in LIJSTEN else "")
            if record.ingetrokken is not None:
                v.add_row(
                    Text(nl_datum(vastgelegd_op) if vastgelegd_op else "", style="dim strike"),
                    Text(naam, style="dim"),
                    Text(f"{inhoud} — {record.ingetrokken.tekst()}", style="dim"),
                    key=sleutel,
                )
            else:
                v.add_row(nl_datum(vastgelegd_op) if vastgelegd_op else "", naam, inhoud, key=sleutel)
        self.query_one("#nazorg-uitleg", Static).update(self._uitleg())

    def on_data_table_row_highlighted(self, bericht: DataTable.RowHighlighted) -> None:
        """The chosen record in full below the list (a narrow terminal cuts the row), withdrawal and reason too."""
        if bericht.data_table.id != "vastgelegd":
            return
        rij = next((r for r in self._records() if r[0] == bericht.row_key.value), None)
        tekst = ""
        if rij is not None:
            _, soort, nummer, record = rij
            tekst = _beschrijf(soort, nummer, record)
            if record.ingetrokken is not None:
                tekst += f"\n[b]{record.ingetrokken.tekst()}[/]"
        self.query_one("#vastgelegd-detail", Static).update(tekst)

    def _termijnen(self) -> list[tuple[date, str, str, bool]]:
        from smi_tui import termijnen

        try:
            alle = termijnen.alle_termijnen(self.zaak, self.regeling)
        except SmiFout as exc:
            self.notify(exc.melding, severity="error", timeout=10)
            return []
        return sorted(
            (
                (t.datum, t.omschrijving, t.artikel, bool(getattr(t, "gedaan", False)))
                for t in alle
                if t.datum is not None
            ),
            key=lambda r: r[0],
        )

    def _records(self) -> Iterator[tuple[str | None, str, int, Any]]:
        """(row key, kind, number, record) of every record, withdrawn ones included; the key names what ``i``
        withdraws (None: a verdaging withdrawn earlier and replaced, kept for the record)."""
        z = self.zaak
        for soort, veld in LIJSTEN.items():
            for n, r in enumerate(getattr(z, veld), 1):
                yield f"{soort}:{n}", soort, n, r
        for r in z.ingetrokken_verdagingen:
            yield None, "verdaging", 0, r
        if z.verdaging is not None:
            yield "verdaging:1", "verdaging", 1, z.verdaging

    def _uitleg(self) -> str:
        v = self.regeling.verlenging
        if not v.toegestaan:
            return f"Verlenging: de regeling kent geen verlenging ({v.artikel}); een nieuwe melding is nodig."
        return (
            f"Verlenging: {v.aantal}× met ten hoogste {v.max_maanden} maanden ({v.artikel})"
            + (f"; voorwaarde: {v.voorwaarde}" if v.voorwaarde else "")
            + "."
        )

    # --- recording ------------------------------------------------------------------------------------
    def _open(self, formulier: df.Formulier, toepassen: Any, soort: str = "", concept: Any = None) -> None:
        """Open ``formulier`` (of kind ``soort``, autosaved; with ``concept``: as typed before); when valid, its new
        case goes to the App and the form waits for the answer."""

        def bewaren(scherm: VastleggenScherm, zaak: Zaak) -> None:
            self._wachtend = scherm
            brieven = (formulier.brief,) if formulier.brief else ()
            self.post_message(StapKlaar(zaak.stap, zaak, volgende=False, brieven=brieven))

        scherm = VastleggenScherm(
            formulier.titel,
            formulier.rijen,
            formulier.model,
            toepassen,
            startdata=formulier.startdata,
            toelichting=formulier.toelichting,
            bewaren=bewaren,
            concept=concept,
            bij_wijziging=self._formulier_gewijzigd if soort else None,
        )
        self._formulier = (soort, scherm) if soort else None
        self.app.push_screen(scherm, self._formulier_dicht if soort else None)

    def _vastleggen(self, soort: str, concept: dict[str, Any] | None = None) -> None:
        f = df.FORMULIEREN[soort](self.zaak, self.regeling, self.vandaag)
        self._open(f, lambda m: voeg_toe(self.zaak, self.regeling, f.record(m)), soort, concept)

    def action_opschorting(self) -> None:
        """Ask the parent to supplement the application; the beslistermijn is suspended (Awb 4:5, 4:15)."""
        self._vastleggen("opschorting")

    def action_verdaging(self) -> None:
        """Extend the beslistermijn (Awb 4:14): a letter before the term ends."""
        self._vastleggen("verdaging")

    def action_evaluatie(self) -> None:
        """Record an evaluation held (outcome and notes)."""
        self._vastleggen("evaluatie")

    def action_verlenging(self) -> None:
        """Record an extension asked for and the decision on it; the verlengingsbeschikking is made and printed."""
        self._vastleggen("verlenging")

    def action_wijziging(self) -> None:
        """Revise, withdraw or end the grant from a date, on one of the regulation's grounds."""
        self._vastleggen("wijziging")

    def action_intrekken(self) -> None:
        """Withdraw the record chosen in the list (i): first move into the list and pick it with the arrows."""
        tabel = self.query_one("#vastgelegd", DataTable)
        if tabel.row_count == 0:
            self.notify("Er is nog niets vastgelegd om in te trekken.")
            return
        if not tabel.has_focus:
            tabel.focus()
            self.notify("Kies met de pijltjes de vastlegging die u wilt intrekken en druk dan op i.")
            return
        sleutel = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value
        if sleutel is None:
            self.notify("Deze verdaging is al ingetrokken en vervangen.", severity="warning")
            return
        soort, nummer = sleutel.split(":")
        rij = next(r for k, _, _, r in self._records() if k == sleutel)
        if rij.ingetrokken is not None:
            self.notify(f"Deze vastlegging is al {rij.ingetrokken.tekst()}.", severity="warning")
            return
        door = str(getattr(self.app, "consulent", "") or "") or self.zaak.consulent  # who is working now
        f = df.intrekking(_beschrijf(soort, int(nummer), rij), door, self.vandaag)
        self._open(f, lambda m: trek_in(self.zaak, soort, int(nummer), m.ingetrokken))

    # --- leaving --------------------------------------------------------------------------------------
    def action_stap(self) -> None:
        """Open the case's step (for a finished case: the besluit, with the tests and the beschikking)."""
        stap = Stap.BESLUIT if self.zaak.stap == Stap.AFGEROND else self.zaak.stap
        self.app._toon_stap(stap, self.zaak.concepten.get(stap.value))  # type: ignore[attr-defined]  # self.app is App[Any]: _toon_stap is SmiApp's (Sessie), which this screen cannot import

    def action_terug(self) -> None:
        """Back (escape): to the step this screen was opened from, or to the werkvoorraad."""
        self.app.action_werkvoorraad()  # type: ignore[attr-defined]  # self.app is App[Any]: the action is SmiApp's, which this screen cannot import


def _inhoud(ruw: dict[str, Any]) -> dict[str, Any]:
    """What was typed: the fields that are not empty, without what is kept about the draft."""
    return {k: v for k, v in ruw.items() if not k.startswith("_") and v not in ("", None, False)}


def _beschrijf(soort: str, nummer: int, record: Any) -> str:
    """'verlenging 1 van 29 november 2026: 6 maanden; toekennen'."""
    datum, inhoud = df.omschrijving(soort, record)
    naam = _SOORT[soort] + (f" {nummer}" if soort in LIJSTEN else "")
    return f"{naam}{f' van {nl_datum(datum)}' if datum else ''}: {inhoud}"
