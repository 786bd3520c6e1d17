"""The lock: after the idle time a modal covers everything until the passphrase is typed again."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from storage import OpslagFout
from storage.opslag import lees_sleutelbestand


class VergrendeldScherm(ModalScreen[bool]):
    """Covers the app; dismisses with True when the passphrase unlocks the store's key file again."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "app.quit", "Afsluiten", priority=True)]

    def __init__(self, map_: Path) -> None:
        super().__init__(id="vergrendeld")
        self.map = Path(map_)

    def compose(self) -> ComposeResult:
        with Vertical(id="vergrendeld-vak"):
            yield Static("Vergrendeld", id="vergrendeld-titel")
            yield Static("De app is vergrendeld (met ctrl+l, of na een tijd zonder invoer). Uw werk is bewaard. "
                         "Typ de wachtzin om verder te gaan.", classes="uitleg")  # fmt: skip
            yield Label("Wachtzin")
            yield Input(password=True, id="ontgrendel-wachtwoord")
            yield Static("", id="ontgrendel-fout", classes="rij-melding fout")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self._controleer(event.value)

    @work(thread=True, exclusive=True)
    def _controleer(self, wachtwoord: str) -> None:
        try:
            lees_sleutelbestand(self.map).ontgrendel(wachtwoord)
        except OpslagFout as exc:
            self.app.call_from_thread(self._mislukt, exc.melding)
            return
        self.app.call_from_thread(self.dismiss, True)

    def _mislukt(self, melding: str) -> None:
        self.query_one("#ontgrendel-fout", Static).update(melding)
        inp = self.query_one(Input)
        inp.value = ""
        inp.focus()
