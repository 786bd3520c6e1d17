"""The home screen: every case with its step and next deadline; overdue and near cases marked; sort, filter, search."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from screens.stap import NAMEN
from smi_tui.zaak import Stap

BIJNA_DAGEN = 7
SORTERINGEN = ["termijn", "zaaknummer", "naam", "gemeente"]


def signaal(termijn: date | None, vandaag: date) -> tuple[str, str, int | None]:
    """(word, style, days left): 'TE LAAT' past the deadline, 'BIJNA' within 7 days."""
    if termijn is None:
        return "", "", None
    dagen = (termijn - vandaag).days
    if dagen < 0:
        return "TE LAAT", "bold white on red", dagen
    if dagen <= BIJNA_DAGEN:
        return "BIJNA", "bold black on yellow", dagen
    return "", "", dagen


class WerkvoorraadScherm(Screen[None]):
    """The case list (werkvoorraad). Enter opens a case at its step; ctrl+n starts a new melding."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "app.nieuwe_zaak", "Nieuwe zaak", priority=True),
        Binding("ctrl+f", "zoeken", "Zoeken", priority=True),
        Binding("ctrl+t", "sorteren", "Sorteren", priority=True),
        Binding("ctrl+u", "urgent", "Alleen urgent", priority=True),
        Binding("ctrl+l", "app.vergrendel", "Vergrendelen", priority=True),
        Binding("ctrl+q", "app.quit", "Afsluiten", priority=True),
    ]

    def __init__(self, vandaag: Callable[[], date], gemeenten: dict[str, str] | None = None) -> None:
        super().__init__(id="werkvoorraad")
        self.gemeenten = gemeenten or {}
        self.vandaag = vandaag
        self.rijen: list[Any] = []
        self.bsns: dict[str, str] = {}
        self.sortering = "termijn"
        self.alleen_urgent = False

    def compose(self) -> ComposeResult:
        yield Static("Werkvoorraad", id="werkvoorraad-titel")
        with Horizontal(id="zoekbalk"):
            yield Input(placeholder="zoek op naam, zaaknummer of BSN", id="zoek")
            yield Static("", id="werkvoorraad-status")
        yield DataTable(id="zaken", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        t = self.query_one("#zaken", DataTable)
        t.add_column("Zaaknummer", key="zaaknummer")
        t.add_column("Signaal", key="signaal", width=7)
        t.add_column("Dagen", key="dagen", width=5)
        t.add_column("Termijn", key="termijn")
        t.add_column("Naam", key="naam", width=20)
        t.add_column("Stap", key="stap")
        t.add_column("Gemeente", key="gemeente")
        t.add_column("Wat", key="wat")
        t.focus()
        if getattr(self.app, "rijen", None):  # the list may have been read before this screen was mounted
            self.toon(self.app.rijen, self.app.bsns)  # type: ignore[attr-defined]

    def toon(self, rijen: list[Any], bsns: dict[str, str] | None = None) -> None:
        """Show ``rijen`` (IndexRij); ``bsns``: zaaknummer -> BSNs, for searching by BSN."""
        self.rijen = rijen
        if bsns is not None:
            self.bsns = bsns
        self._vul()

    def _zichtbaar(self) -> list[Any]:
        zoek = self.query_one("#zoek", Input).value.strip().lower()
        vandaag = self.vandaag()
        uit = []
        for r in self.rijen:
            if zoek:
                tekst = " ".join([r.zaaknummer, *r.ouders, *r.kinderen, self.bsns.get(r.zaaknummer, "")]).lower()
                if zoek.replace(" ", "") not in tekst.replace(" ", "") and zoek not in tekst:
                    continue
            if self.alleen_urgent and not signaal(r.volgende_termijn, vandaag)[0]:
                continue
            uit.append(r)
        sleutels: dict[str, Callable[[Any], Any]] = {
            "termijn": lambda r: (r.volgende_termijn is None, r.volgende_termijn or date.max, r.zaaknummer),
            "zaaknummer": lambda r: r.zaaknummer,
            "naam": lambda r: (r.ouders[0].split()[-1].lower() if r.ouders else "", r.zaaknummer),
            "gemeente": lambda r: (r.gemeente or "", r.zaaknummer),
        }
        return sorted(uit, key=sleutels[self.sortering])

    def _vul(self) -> None:
        t = self.query_one("#zaken", DataTable)
        vorige = t.cursor_row
        t.clear()
        vandaag = self.vandaag()
        zichtbaar = self._zichtbaar()
        for r in zichtbaar:
            woord, stijl, dagen = signaal(r.volgende_termijn, vandaag)
            stap = NAMEN.get(Stap(r.status), r.status or "") if r.status in Stap._value2member_map_ else "?"
            t.add_row(
                r.zaaknummer,
                Text(woord, style=stijl),
                Text("" if dagen is None else str(dagen), justify="right"),
                r.volgende_termijn.strftime("%d-%m-%Y") if r.volgende_termijn else "—",
                r.ouders[0] if r.ouders else "",
                stap,
                self.gemeenten.get(r.gemeente or "", r.gemeente or ""),
                r.termijn_wat or "",
                key=r.zaaknummer,
            )
        if zichtbaar:
            t.move_cursor(row=min(max(vorige, 0), len(zichtbaar) - 1))
        filters = [f"gesorteerd op {self.sortering}"] + (["alleen urgent"] if self.alleen_urgent else [])
        laat = sum(1 for r in self.rijen if signaal(r.volgende_termijn, vandaag)[0] == "TE LAAT")
        self.query_one("#werkvoorraad-status", Static).update(
            f"{len(zichtbaar)} van {len(self.rijen)} zaken · {laat} te laat · {', '.join(filters)}"
        )

    @on(Input.Changed, "#zoek")
    def _zoek(self) -> None:
        self._vul()

    @on(Input.Submitted, "#zoek")
    def _naar_tabel(self) -> None:
        self.query_one("#zaken", DataTable).focus()

    @on(DataTable.RowSelected, "#zaken")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.app.open_zaak(event.row_key.value)  # type: ignore[attr-defined]

    def action_zoeken(self) -> None:
        """Focus the search field (ctrl+f)."""
        self.query_one("#zoek", Input).focus()

    def action_sorteren(self) -> None:
        """Cycle the sort order: deadline, zaaknummer, name, gemeente (ctrl+t)."""
        self.sortering = SORTERINGEN[(SORTERINGEN.index(self.sortering) + 1) % len(SORTERINGEN)]
        self._vul()

    def action_urgent(self) -> None:
        """Show only overdue and near-deadline cases, or all again (ctrl+u)."""
        self.alleen_urgent = not self.alleen_urgent
        self._vul()
