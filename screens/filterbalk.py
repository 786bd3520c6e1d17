"""The werkvoorraad's filters: one choice of step and one of gemeente, beside the search field.

Keyboard first: F6 goes to the step filter, Enter (or ↓) opens its list, ↑/↓ and Enter choose, Tab goes on to the
gemeente filter and then to the list. "Alle stappen" and "Alle gemeenten" switch a filter off. Each choice combines
with the search and with 'alleen urgent'.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Select

ALLE_STAPPEN = "Alle stappen"
ALLE_GEMEENTEN = "Alle gemeenten"


class Filterbalk(Horizontal):
    """The two filters (step, gemeente); a change posts Select.Changed, which the werkvoorraad handles."""

    DEFAULT_CSS = """
    Filterbalk { width: auto; height: 3; }
    Filterbalk > #filter-stap { width: 20; }
    Filterbalk > #filter-gemeente { width: 23; }
    """

    def __init__(self, stappen: dict[str, str], gemeenten: dict[str, str]) -> None:
        super().__init__(id="filterbalk")
        self._stappen = stappen
        self._gemeenten = dict(sorted(gemeenten.items(), key=lambda kv: kv[1].lower()))

    def compose(self) -> ComposeResult:
        yield Select([(naam, code) for code, naam in self._stappen.items()], prompt=ALLE_STAPPEN, id="filter-stap")
        yield Select(
            [(naam, code) for code, naam in self._gemeenten.items()], prompt=ALLE_GEMEENTEN, id="filter-gemeente"
        )

    def _waarde(self, id_: str) -> str | None:
        waarde = self.query_one(f"#{id_}", Select).value
        return waarde if isinstance(waarde, str) else None

    @property
    def stap(self) -> str | None:
        """The step code chosen, or None for all steps."""
        return self._waarde("filter-stap")

    @property
    def gemeente(self) -> str | None:
        """The gemeente code chosen, or None for all gemeenten."""
        return self._waarde("filter-gemeente")

    def filters(self) -> dict[str, tuple[str, Callable[[Any], bool]]]:
        """The active filters: key -> (Dutch name, test on an index row)."""
        uit: dict[str, tuple[str, Callable[[Any], bool]]] = {}
        stap, gemeente = self.stap, self.gemeente
        if stap is not None:
            uit["stap"] = (f"stap {self._stappen.get(stap, stap)}", lambda r: r.status == stap)
        if gemeente is not None:
            uit["gemeente"] = (f"gemeente {self._gemeenten.get(gemeente, gemeente)}", lambda r: r.gemeente == gemeente)
        return uit

    def namen(self) -> list[str]:
        """The active filters in words, for the status line."""
        return [naam for naam, _ in self.filters().values()]

    def wis(self) -> None:
        """Switch both filters off."""
        for select in self.query(Select):
            select.clear()
