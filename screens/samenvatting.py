"""The summary (f4): the whole open case on one scrollable page, read-only, as it is stored — printable as an
internal note (ctrl+o, :mod:`letters.interne_notitie`).

Reachable from every step and from the dossier. What it shows comes from the core
(:func:`smi_tui.overzicht.samenvatting`), the same parts the note prints, so screen and paper agree. Escape or f4
goes back to where it was opened; nothing on it can be changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from screens.beschikking_bevestigen import regeltabel
from screens.voettekst import Voettekst
from smi_tui.beoordeling import Beoordeling
from smi_tui.fouten import SmiFout
from smi_tui.overzicht import Document, samenvatting
from smi_tui.zaak import Zaak


class SamenvattingScherm(ModalScreen[None]):
    """The read-only summary of ``zaak`` over the screen it was opened from (Escape/f4 back, ctrl+o prints)."""

    DEFAULT_CSS = """
    SamenvattingScherm { background: $background; }
    #samenvatting-vak { height: 1fr; padding: 0 1; }
    .samenvatting-sectie { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "afdrukken", "Afdrukken (interne notitie)"),
        Binding("escape,f4", "terug", "Terug"),
        Binding("f1", "app.hulp", "Hulp"),  # a dialog passes no App keys on: its help asked for here
    ]

    def __init__(
        self,
        zaak: Zaak,
        beoordeling: Beoordeling,
        vandaag: date,
        *,
        zaaknummer: str | None,
        documenten: Sequence[Document] = (),
    ) -> None:
        super().__init__(id="samenvatting")
        self.zaak, self.beoordeling, self.vandaag = zaak, beoordeling, vandaag
        self.zaaknummer, self.documenten = zaaknummer, list(documenten)
        self.secties = samenvatting(zaak, beoordeling, vandaag, self.documenten)

    def compose(self) -> ComposeResult:
        kop = "  ·  ".join(
            [self.zaaknummer or "nog geen zaaknummer", self.zaak.aanvrager.naam, "samenvatting, alleen lezen"]
        )
        yield Static(kop, id="stap-kop")
        with VerticalScroll(id="samenvatting-vak"):
            for s in self.secties:
                yield Static(
                    Group(Text(s.titel, style="bold underline"), regeltabel(s.regels, 16)),
                    classes="samenvatting-sectie",
                )
        yield Voettekst()

    def on_mount(self) -> None:
        self.query_one("#samenvatting-vak").focus()  # arrows and Page Up/Down scroll at once

    def action_terug(self) -> None:
        """Back to the step or dossier it was opened from."""
        self.dismiss(None)

    def action_afdrukken(self) -> None:
        """Print the summary as an internal note, marked 'niet verzenden' on every page (ctrl+o)."""
        self.notify("De interne notitie wordt gemaakt en afgedrukt…")
        self._druk_af()

    @work(thread=True, exclusive=True, group="interne-notitie")
    def _druk_af(self) -> None:
        from letters.interne_notitie import maak
        from storage.documenten import tijdelijk_bestand

        try:
            pdf = maak(self.zaak, self.beoordeling, datum=self.vandaag, documenten=self.documenten)
            with tijdelijk_bestand(pdf, naam="interne-notitie.pdf") as pad:
                melding = self.app.printer(pad)  # type: ignore[attr-defined]  # self.app is App[Any]: printer is SmiApp's, which this screen cannot import (app imports it)
        except SmiFout as exc:
            self.app.call_from_thread(
                self.notify, f"De interne notitie is niet afgedrukt: {exc.melding}", severity="error", timeout=15
            )
            return
        self.app.call_from_thread(self.notify, f"De interne notitie is {melding}.")


def _documenten(app: Any, zaaknummer: str | None) -> list[Document]:
    """The letters the store holds for the case (date added, name, 'vervangen' for one made again)."""
    from screens.brieven import NAMEN

    if zaaknummer is None or app.opslag is None:
        return []
    with app.slot:
        rijen = app.opslag.documenten(zaaknummer)
    uit = []
    for d in rijen:
        try:
            datum: date | None = date.fromisoformat(str(d.get("toegevoegd", ""))[:10])
        except ValueError:
            datum = None
        soort = str(d.get("soort", ""))
        uit.append(
            Document(
                datum,
                NAMEN.get(soort, soort.replace("-", " ").capitalize()),
                "vervangen" if d.get("vervangen_door") else "",
            )
        )
    return uit


def open_samenvatting(app: Any) -> None:
    """Show the open case's summary (f4): the case as stored, assessed on today's date with the other cases the
    besluit uses (repeat application, budget)."""
    from smi_tui.beoordeling import beoordeel_zaak

    zaak = app.zaak
    if zaak is None or app.opslag is None:
        return
    try:
        beoordeling = beoordeel_zaak(zaak, app.register, peildatum=app.vandaag(), andere_zaken=app._andere_zaken())
        documenten = _documenten(app, app.zaaknummer)
    except SmiFout as exc:
        app.notify(f"De samenvatting kan niet worden getoond: {exc.melding}", severity="error", timeout=15)
        return
    app.push_screen(
        SamenvattingScherm(zaak, beoordeling, app.vandaag(), zaaknummer=app.zaaknummer, documenten=documenten)
    )
