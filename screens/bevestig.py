"""A yes/no question in Dutch before something that cannot be undone (j: ja, n or Escape: nee)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from screens.voettekst import Voettekst


class BevestigScherm(ModalScreen[bool]):
    """Asks ``vraag``; dismisses with True (j) or False (n, Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "antwoord(True)", "Ja"),
        Binding("n,escape", "antwoord(False)", "Nee"),
    ]

    def __init__(self, vraag: str) -> None:
        super().__init__(id="bevestig")
        self._vraag = vraag

    def compose(self) -> ComposeResult:
        with Vertical(id="bevestig-vak"):
            yield Static(self._vraag, id="bevestig-vraag")
            yield Static("[b]j[/] ja   ·   [b]n[/] of [b]Esc[/] nee", id="bevestig-keuze")
        yield Voettekst()

    def action_antwoord(self, ja: bool) -> None:
        """Answer the question."""
        self.dismiss(ja)
