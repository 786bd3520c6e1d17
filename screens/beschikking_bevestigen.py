"""Before the definitive beschikking (ctrl+g on the besluit): what will be decided, and a marked proof to look at.

The dialog shows the decision as the beschikking will say it — the dictum per child with its period and amount,
what stays refused, the amounts, the recipient and the last day for bezwaar when it is sent today — from the
core (:func:`smi_tui.overzicht.besluitvoorbeeld`). ``p`` opens a proof in the PDF viewer: the same letter, marked
in red on every page as not to be sent, from a private temp copy removed when the dialog closes. Only ``j`` or
Enter on "Definitief maken en afdrukken" answers True; ``n``, Escape and "Annuleren" answer False and nothing is
made, saved or printed.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import ClassVar

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from screens.voettekst import Voettekst
from smi_tui.beoordeling import Beoordeling
from smi_tui.fouten import SmiFout
from smi_tui.overzicht import besluitvoorbeeld
from smi_tui.zaak import Zaak

TITEL = "Definitieve beschikking maken en afdrukken?"
MAKEN = "Definitief maken en afdrukken"


def regeltabel(regels: list[tuple[str, str]], breedte: int = 12) -> Table:
    """(label, text) lines as a two-column grid whose text wraps beside its label (screen width permitting)."""
    t = Table.grid(padding=(0, 1))
    t.add_column(style="bold", width=breedte, overflow="fold")
    t.add_column(ratio=1, overflow="fold")
    for label, tekst in regels:
        t.add_row(label, tekst)
    return t


def ontvanger(zaak: Zaak) -> list[str]:
    """The address window of the beschikking (the letter's own lines), or why it cannot be sent."""
    from letters import gegevens

    try:
        return gegevens.adresregels(zaak, verplicht=True, brief="beschikking")
    except SmiFout as exc:
        return [exc.melding]


class BeschikkingBevestigen(ModalScreen[bool]):
    """Shows what the beschikking on ``zaak`` decides; dismisses True only for "Definitief maken en afdrukken"."""

    # its own styles here: a dialog of this module alone (app.tcss holds the shared ones)
    DEFAULT_CSS = """
    BeschikkingBevestigen { align: center middle; }
    #bevestig-beschikking-vak { width: 100; max-width: 100%; height: auto; max-height: 100%; border: round $warning;
                                background: $panel; padding: 0 1; }
    #bevestig-beschikking-inhoud { height: auto; max-height: 1fr; }
    #bevestig-beschikking-uitleg { margin-top: 1; color: $text-muted; }
    #bevestig-beschikking-knoppen { height: auto; align-horizontal: center; }
    #bevestig-beschikking-knoppen Button { margin: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "maken", "Definitief maken"),
        Binding("p", "proef", "Proefdruk bekijken"),
        Binding("n,escape", "annuleren", "Annuleren"),
        Binding("f1", "app.hulp", "Hulp"),  # a dialog passes no App keys on: its help asked for here
    ]

    def __init__(self, zaak: Zaak, beoordeling: Beoordeling, vandaag: date) -> None:
        super().__init__(id="beschikking-bevestigen")
        self.zaak, self.beoordeling, self.vandaag = zaak, beoordeling, vandaag
        self._tijdelijk = contextlib.ExitStack()  # the proof's temp copy, removed when the dialog closes
        try:
            self.regels = besluitvoorbeeld(zaak, beoordeling, vandaag)
        except SmiFout as exc:
            self.regels = [("Let op", exc.melding)]

    def compose(self) -> ComposeResult:
        with Vertical(id="bevestig-beschikking-vak"):
            yield Static(f"[b]{TITEL}[/]", id="bevestig-beschikking-titel")
            with VerticalScroll(id="bevestig-beschikking-inhoud"):
                yield Static(
                    regeltabel([*self.regels, ("Aan", ", ".join(ontvanger(self.zaak)))]),
                    id="bevestig-beschikking-regels",
                )
                yield Static(
                    "Na het afdrukken staat het besluit vast; wijzigen kan dan alleen met een herziening. "
                    "p toont eerst een proefdruk (gemarkeerd: niet verzenden).",
                    id="bevestig-beschikking-uitleg",
                )
            with Horizontal(id="bevestig-beschikking-knoppen"):
                yield Button(MAKEN, id="maken", variant="warning")
                yield Button("Annuleren", id="annuleren")
        yield Voettekst()

    def on_mount(self) -> None:
        self.query_one("#maken", Button).focus()

    @on(Button.Pressed, "#maken")
    def action_maken(self) -> None:
        """Make the beschikking definitive and print it (j, or Enter on the button)."""
        self.dismiss(True)

    @on(Button.Pressed, "#annuleren")
    def action_annuleren(self) -> None:
        """Make nothing, change nothing (n, Escape)."""
        self.dismiss(False)

    def action_proef(self) -> None:
        """Open a proof of the beschikking in the PDF viewer (p); nothing is stored or printed."""
        self.notify("De proefdruk wordt gemaakt…")
        self._maak_proef()

    @work(thread=True, exclusive=True, group="proef")
    def _maak_proef(self) -> None:
        import letters
        from smi_tui.profiel import met_behandelaar

        consulent = str(getattr(self.app, "consulent", "") or "")
        try:
            pdf = letters.maak("beschikking", met_behandelaar(self.zaak, consulent), self.beoordeling, proef=True)
        except SmiFout as exc:
            self.app.call_from_thread(
                self.notify, f"De proefdruk kan niet worden gemaakt: {exc.melding}", severity="error", timeout=15
            )
            return
        self.app.call_from_thread(self._toon_proef, pdf)

    def _toon_proef(self, pdf: bytes) -> None:
        from screens import brieven
        from storage.documenten import tijdelijk_bestand

        if not self.is_attached:
            return
        pad = self._tijdelijk.enter_context(tijdelijk_bestand(pdf, naam="proefdruk-beschikking.pdf"))
        try:
            melding = brieven.toon_pdf(pad)
        except SmiFout as exc:
            self.notify(exc.melding, severity="error", timeout=15)
            return
        self.notify(f"Proefdruk {melding}; hij wordt verwijderd zodra u dit venster sluit.")

    def on_unmount(self) -> None:
        self._tijdelijk.close()
