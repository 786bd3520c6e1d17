"""The home screen: every case with its step and next deadline; overdue and near cases marked; sort, filter, search.

Start-up matters here (issue 5: the werkvoorraad with 1,000 cases must show about as fast as a bare Textual app),
so this module imports nothing heavy: no pydantic models, no regulations. The next deadline of each row is picked
from the index row's dated deadlines (``termijnen``) relative to the App's ``vandaag``, so the dates and the days
left are right on every day without re-saving the case; older index rows fall back to ``volgende_termijn``.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Input, Static

from screens.synchronisatie import markering
from screens.voettekst import Voettekst
from screens.zakenlijst import Kolom, Rij, ZakenLijst

BIJNA_DAGEN = 7
SORTERINGEN = ["termijn", "zaaknummer", "naam", "gemeente"]
STAPNAMEN = {"melding": "Melding", "gesprek": "Gesprek", "verslag": "Verslag", "voorliggend": "Voorliggend",
             "besluit": "Besluit", "afgerond": "Afgerond"}  # fmt: skip
KOLOMMEN = [("zaaknummer", "Zaaknummer", None), ("signaal", "Signaal", 7), ("dagen", "Dagen", 5),
            ("termijn", "Termijn", 10), ("naam", "Naam", 20), ("stap", "Stap", None), ("sync", "Sync", 8), ("gemeente", "Gemeente", None),
            ("wat", "Wat", None)]  # fmt: skip
"""(key, header, fixed width or None: as wide as the widest cell)."""


SMALLER = (("wat", 12), ("gemeente", 9), ("naam", 14), ("stap", 7))
"""Columns that give way on a narrow terminal, in order, down to these widths (their cells are cut with '…')."""
WEGLATEN = ("gemeente", "wat")
"""Columns left out, in order, when the list still does not fit (an 80-column terminal)."""


def passend(breedtes: dict[str, int], beschikbaar: int) -> set[str]:
    """Make the columns ``breedtes`` (key -> width, changed in place) fit ``beschikbaar`` characters (each column
    has a space either side); returns the keys of the columns to leave out."""

    def totaal() -> int:
        return sum(b + 2 for k, b in breedtes.items() if k not in weg)

    weg: set[str] = set()
    natuurlijk = dict(breedtes)
    for sleutel, minimum in SMALLER:
        teveel = totaal() - beschikbaar
        if teveel > 0:
            breedtes[sleutel] = max(minimum, breedtes[sleutel] - teveel)
    for sleutel in WEGLATEN:
        if totaal() > beschikbaar:
            weg.add(sleutel)
    for sleutel, _minimum in reversed(SMALLER):  # room left after leaving a column out: back to the others
        if sleutel not in weg:
            breedtes[sleutel] = min(natuurlijk[sleutel], breedtes[sleutel] + max(beschikbaar - totaal(), 0))
    return weg


def signaal(termijn: date | None, vandaag: date) -> tuple[str, str, int | None]:
    """(word, signal, days left): 'TE LAAT' ("laat") past the deadline, 'BIJNA' ("bijna") within 7 days."""
    if termijn is None:
        return "", "", None
    dagen = (termijn - vandaag).days
    if dagen < 0:
        return "TE LAAT", "laat", dagen
    if dagen <= BIJNA_DAGEN:
        return "BIJNA", "bijna", dagen
    return "", "", dagen


def volgende(rij: Any, vandaag: date) -> tuple[date | None, str | None]:
    """The deadline to show for an index row on ``vandaag``: the latest passed one that is not done (overdue),
    else the first one to come; rows without ``termijnen`` (written by an older version) keep their stored one."""
    termijnen = getattr(rij, "termijnen", ()) or ()
    if not termijnen:
        return rij.volgende_termijn, rij.termijn_wat
    open_: list[tuple[date, str]] = []
    for t in termijnen:
        if t.get("gedaan"):
            continue
        try:
            open_.append((date.fromisoformat(str(t["datum"])), str(t.get("wat") or t.get("code") or "")))
        except (KeyError, ValueError):
            continue
    verlopen = [t for t in open_ if t[0] < vandaag]
    if verlopen:
        return max(verlopen, key=lambda t: t[0])
    komend = [t for t in open_ if t[0] >= vandaag]
    return min(komend, key=lambda t: t[0]) if komend else (None, None)


def _kop(tekst: str) -> dict[str, Any]:
    """The top-level keys of a regulation file: only the part before its first table is parsed (a tenth of the
    time), the whole file when that part is not valid TOML on its own or lacks the names."""
    for deel in (re.split(r"(?m)^\s*\[", tekst, maxsplit=1)[0], tekst):
        try:
            data = tomllib.loads(deel)
        except tomllib.TOMLDecodeError:
            continue
        if "gemeente_code" in data and "gemeente" in data:
            return data
    return {}


def gemeentenamen() -> dict[str, str]:
    """gemeente_code -> name, read straight from the regulation files (no validation: the register does that
    when a case is opened); cheap enough for the first paint."""
    import smi_tui
    from smi_tui import config

    mappen = [Path(smi_tui.__file__).parent / "regelingen"]
    with contextlib.suppress(Exception):  # a broken config is reported when the register loads
        mappen += list(config.extra_regelingmappen())
    namen: dict[str, str] = {}
    for map_ in mappen:
        if not map_.is_dir():
            continue
        for pad in sorted(map_.glob("*.toml")):
            try:
                tekst = pad.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            data = _kop(tekst)
            if isinstance(data.get("gemeente_code"), str) and isinstance(data.get("gemeente"), str):
                namen[data["gemeente_code"]] = data["gemeente"]
    return namen


class WerkvoorraadScherm(Screen[None]):
    """The case list (werkvoorraad). Enter opens a case at its step; ctrl+n starts a new melding."""

    AUTO_FOCUS = "#zaken"  # the list, not the search field: the footer's keys are then right in the first paint
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "openen", "Openen"),  # here (not only on the list) so the footer shows it from the start
        Binding("f2", "dossier", "Dossier"),
        Binding("ctrl+n", "app.nieuwe_zaak", "Nieuwe zaak", priority=True),
        Binding("ctrl+f", "zoeken", "Zoeken", priority=True),
        Binding("ctrl+t", "sorteren", "Sorteren", priority=True),
        Binding("ctrl+r", "urgent", "Alleen urgent", priority=True),  # not ctrl+u: that deletes to line start
        Binding("ctrl+l", "app.vergrendel", "Vergrendelen", priority=True),
        Binding("ctrl+q", "app.quit", "Afsluiten", priority=True),
    ]

    def __init__(self, vandaag: Callable[[], date], gemeenten: dict[str, str] | None = None) -> None:
        super().__init__(id="werkvoorraad")
        self.gemeenten = gemeenten if gemeenten is not None else gemeentenamen()
        self.vandaag = vandaag
        self.rijen: list[Any] = []
        self.bsns: dict[str, str] = {}
        self.sortering = "termijn"
        self.alleen_urgent = False
        self._verouderd = False
        self._vandaag: date | None = None

    def compose(self) -> ComposeResult:
        yield Static("Werkvoorraad", id="werkvoorraad-titel")
        with Horizontal(id="zoekbalk"):
            yield Input(placeholder="zoek op naam, zaaknummer of BSN", id="zoek")
            yield Static("", id="werkvoorraad-status")
        leeg = Static("", id="werkvoorraad-leeg")
        leeg.display = False
        yield leeg
        yield ZakenLijst(id="zaken")
        yield Voettekst()

    def on_mount(self) -> None:
        self.query_one("#zaken", ZakenLijst).focus()
        if getattr(self.app, "lijst_gelezen", False):  # read before this screen was mounted (maybe empty)
            self.toon(self.app.rijen, self.app.bsns)  # type: ignore[attr-defined]  # self.app is App[Any]: rijen and bsns are SmiApp's, which this screen cannot import (app imports it)

    def on_resize(self) -> None:
        if self.rijen and self.app.size.width != getattr(self, "_breedte", None):
            self._vul()  # the columns fit the new width

    def on_screen_resume(self) -> None:
        if self._verouderd or (self.rijen and self._vandaag != self.vandaag()):
            self._vul()

    def toon(self, rijen: list[Any], bsns: dict[str, str] | None = None) -> None:
        """Show ``rijen`` (IndexRij); ``bsns``: zaaknummer -> BSNs, for searching cases whose index row has none.

        While a step screen covers the list, the table is only refilled when it shows again."""
        self.rijen = rijen
        if bsns is not None:
            self.bsns = bsns
        if self.app.screen is self or not self.rijen:
            self._vul()
        else:
            self._verouderd = True

    def _zichtbaar(self, termijnen: dict[str, tuple[date | None, str | None]],
                   signalen: dict[str, tuple[str, str, int | None]]) -> list[Any]:  # fmt: skip
        zoek = self.query_one("#zoek", Input).value.strip().lower()
        uit = []
        for r in self.rijen:
            if zoek:
                bsns = " ".join(getattr(r, "bsns", ()) or ()) or self.bsns.get(r.zaaknummer, "")
                tekst = " ".join([r.zaaknummer, *r.ouders, *r.kinderen, bsns]).lower()
                if zoek.replace(" ", "") not in tekst.replace(" ", "") and zoek not in tekst:
                    continue
            if self.alleen_urgent and not signalen[r.zaaknummer][0]:
                continue
            uit.append(r)
        sleutels: dict[str, Callable[[Any], Any]] = {
            "termijn": lambda r: (termijnen[r.zaaknummer][0] or date.max, r.zaaknummer),
            "zaaknummer": lambda r: r.zaaknummer,
            "naam": lambda r: (r.ouders[0].split()[-1].lower() if r.ouders else "", r.zaaknummer),
            "gemeente": lambda r: (r.gemeente or "", r.zaaknummer),
        }
        return sorted(uit, key=sleutels[self.sortering])

    def _vul(self) -> None:
        self._verouderd = False
        vandaag = self._vandaag = self.vandaag()  # one day for every row, even just after midnight
        termijnen = {r.zaaknummer: volgende(r, vandaag) for r in self.rijen}
        signalen = {zn: signaal(t, vandaag) for zn, (t, _) in termijnen.items()}
        zichtbaar = self._zichtbaar(termijnen, signalen)
        rijen = []
        for r in zichtbaar:
            termijn, wat = termijnen[r.zaaknummer]
            woord, sig, dagen = signalen[r.zaaknummer]
            cellen = (r.zaaknummer, woord, "" if dagen is None else str(dagen),
                      termijn.strftime("%d-%m-%Y") if termijn else "—", r.ouders[0] if r.ouders else "",
                      STAPNAMEN.get(r.status or "", "?"), markering(self.app, r.zaaknummer),
                      self.gemeenten.get(r.gemeente or "", r.gemeente or ""),
                      wat or "")  # fmt: skip
            rijen.append(Rij(r.zaaknummer, cellen, sig))
        breedtes = {sleutel: vast or max([len(kop), *(len(rij.cellen[i]) for rij in rijen)])
                    for i, (sleutel, kop, vast) in enumerate(KOLOMMEN)}  # fmt: skip
        if getattr(self.app, "sync_standen", None) is None:  # no zaaksysteem set up: no sync column
            breedtes.pop("sync")
        weg = passend(breedtes, self.app.size.width - 2) | ({"sync"} - set(breedtes))  # (the list's scrollbar)
        self._breedte = self.app.size.width
        kolommen = [Kolom(kop, breedtes[sleutel], rechts=sleutel == "dagen", signaal=sleutel == "signaal")
                    for sleutel, kop, _ in KOLOMMEN if sleutel not in weg]  # fmt: skip
        if weg:
            index = [i for i, (sleutel, _, _) in enumerate(KOLOMMEN) if sleutel not in weg]
            rijen = [Rij(r.sleutel, tuple(r.cellen[i] for i in index), r.signaal) for r in rijen]
        self.query_one("#zaken", ZakenLijst).zet(kolommen, rijen)
        filters = [f"gesorteerd op {self.sortering}"] + (["alleen urgent"] if self.alleen_urgent else [])
        laat = sum(1 for _, sig, _ in signalen.values() if sig == "laat")
        self.query_one("#werkvoorraad-status", Static).update(
            f"{len(zichtbaar)} van {len(self.rijen)} zaken · {laat} te laat · {', '.join(filters)}"
        )
        leeg = self.query_one("#werkvoorraad-leeg", Static)
        leeg.display = not zichtbaar
        if not zichtbaar:
            leeg.update(self._leeg_tekst())

    def _leeg_tekst(self) -> str:
        """Why the list is empty, and what to do."""
        if not self.rijen:
            return "Er zijn nog geen zaken. Begin een nieuwe melding met Ctrl+N."
        zoek = self.query_one("#zoek", Input).value.strip()
        if zoek and self.alleen_urgent:
            return (f"Geen urgente zaak die past bij '{escape(zoek)}'. Wis het zoekveld, of toon weer alle zaken "
                    "met Ctrl+R.")  # fmt: skip
        if zoek:
            return f"Geen zaak die past bij '{escape(zoek)}'. Zoek op naam, zaaknummer of BSN, of wis het zoekveld."
        return "Geen zaak is te laat of bijna te laat. Ctrl+R toont weer alle zaken."

    @on(Input.Changed, "#zoek")
    def _zoek(self, event: Input.Changed) -> None:
        zoek = event.value.replace(" ", "")
        if zoek.isdigit() and len(zoek) >= 3 and any(not getattr(r, "bsns", ()) for r in self.rijen):
            self.app.bsn_index()  # type: ignore[attr-defined]  # rows from an older index carry no BSNs
        self._vul()

    @on(Input.Submitted, "#zoek")
    def _naar_tabel(self) -> None:
        """Enter in the search field opens the highlighted case (the list gets the cursor for when one comes
        back); with nothing found it says so."""
        lijst = self.query_one("#zaken", ZakenLijst)
        lijst.focus()
        if lijst.row_count:
            lijst.action_kies()

    @on(ZakenLijst.Gekozen, "#zaken")
    def _open(self, event: ZakenLijst.Gekozen) -> None:
        self.app.open_zaak(event.sleutel)  # type: ignore[attr-defined]  # self.app is App[Any]: open_zaak is SmiApp's, which this screen cannot import (app imports it)

    def action_openen(self) -> None:
        """Open the case under the cursor (enter; in the search field enter goes to the list first)."""
        self.query_one("#zaken", ZakenLijst).action_kies()

    def action_dossier(self) -> None:
        """Open the dossier (deadlines and records) of the case under the cursor (f2)."""
        zaaknummer = self.query_one("#zaken", ZakenLijst).gekozen
        if zaaknummer is None:
            self.notify("Er is geen zaak gekozen.", severity="warning")
            return
        from smi_tui.zaak import Stap

        self.app.open_zaak(zaaknummer, Stap.AFGEROND)  # type: ignore[attr-defined]  # self.app is App[Any]: open_zaak is SmiApp's, which this screen cannot import (app imports it)

    def action_zoeken(self) -> None:
        """Focus the search field (ctrl+f)."""
        self.query_one("#zoek", Input).focus()

    def action_sorteren(self) -> None:
        """Cycle the sort order: deadline, zaaknummer, name, gemeente (ctrl+t)."""
        self.sortering = SORTERINGEN[(SORTERINGEN.index(self.sortering) + 1) % len(SORTERINGEN)]
        self._vul()

    def action_urgent(self) -> None:
        """Show only overdue and near-deadline cases, or all again (ctrl+r)."""
        self.alleen_urgent = not self.alleen_urgent
        self._vul()
