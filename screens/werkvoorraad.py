"""The home screen: every case with its step and next deadline; overdue and near cases marked; sort, search, filter
per step and gemeente; the deadlines of the next 12 weeks; what a row cannot show (drafts, a verslag not yet back
signed, the hersteltermijn of an aanvulling, the next evaluation) on a line beneath the list; after a restart the
case worked on last under the cursor; a case without a sent letter deleted (Delete, confirmed).

Start-up matters here (issue 5: the werkvoorraad with 1,000 cases must show about as fast as a bare Textual app),
so this module imports nothing heavy: no pydantic models, no regulations. The next deadline of each row is picked
from the index row's dated deadlines (``termijnen``) relative to the App's ``vandaag``, so the dates and the days
left are right on every day without re-saving the case; older index rows fall back to ``volgende_termijn``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Input, Select, Static

from screens.filterbalk import Filterbalk
from screens.sparklijn import Termijnlijn
from screens.synchronisatie import markering
from screens.voettekst import Voettekst
from screens.werkvoorraadrijen import BIJNA_DAGEN as BIJNA_DAGEN
from screens.werkvoorraadrijen import (
    KOLOMMEN,
    SORTERINGEN,
    STAPNAMEN,
    aandachtspunten,
    conceptnaam,
    nieuwste_concept,
    zoek_past,
)
from screens.werkvoorraadrijen import _kop as _kop
from screens.werkvoorraadrijen import gemeentenamen as gemeentenamen
from screens.werkvoorraadrijen import passend as passend
from screens.werkvoorraadrijen import signaal as signaal
from screens.werkvoorraadrijen import verborgen_door as verborgen_door
from screens.werkvoorraadrijen import volgende as volgende
from screens.zakenlijst import Kolom, Rij, ZakenLijst


def _zin(tekst: str) -> str:
    """``tekst`` as a sentence: first letter a capital, a full stop at the end."""
    return tekst[:1].upper() + tekst[1:] + "." if tekst else ""


class WerkvoorraadScherm(Screen[None]):
    """The case list (werkvoorraad). Enter opens a case at its step; ctrl+n starts a new melding."""

    AUTO_FOCUS = "#zaken"  # the list, not the search field: the footer's keys are then right in the first paint
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "openen", "Openen"),  # here (not only on the list) so the footer shows it from the start
        Binding("f2", "dossier", "Dossier"),
        Binding("ctrl+n", "app.nieuwe_zaak", "Nieuwe zaak", priority=True),
        Binding("ctrl+f", "zoeken", "Zoeken", priority=True),
        Binding(
            "f6", "filteren", "Filteren"
        ),  # f4 and f5 are the App's summary and sync; F6 is a case's documents only in a case
        Binding("ctrl+t", "sorteren", "Sorteren", priority=True),
        Binding("ctrl+r", "urgent", "Alleen urgent", priority=True),  # not ctrl+u: that deletes to line start
        Binding("delete", "verwijderen", "Verwijderen"),  # in the search field Delete stays the field's own
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
        self.verder: str | None = None
        """The case worked on last (newest draft), pointed to once after the start until a case is opened."""
        self._verder_gezocht = False
        self._verouderd = False
        self._vandaag: date | None = None
        self._zichtbaar_nu: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield Static("Werkvoorraad", id="werkvoorraad-titel")
        with Horizontal(id="zoekbalk"):
            yield Input(placeholder="zoek op naam, zaaknummer of BSN", id="zoek")
            yield Filterbalk({k: v for k, v in STAPNAMEN.items()}, self.gemeenten)
        yield Static("", id="werkvoorraad-status")
        yield Termijnlijn(id="termijnlijn")
        leeg = Static("", id="werkvoorraad-leeg")
        leeg.display = False
        yield leeg
        yield ZakenLijst(id="zaken")
        yield Static("", id="werkvoorraad-detail")
        yield Voettekst()

    def on_mount(self) -> None:
        self.query_one("#zaken", ZakenLijst).focus()
        if getattr(self.app, "lijst_gelezen", False):  # read before this screen was mounted (maybe empty)
            self.toon(self.app.rijen, self.app.bsns)  # type: ignore[attr-defined]  # self.app is App[Any]: rijen and bsns are SmiApp's, which this screen cannot import (app imports it)
        self.set_timer(1.0, self._toon_detail)  # the new melding's draft is read just after the list

    def on_resize(self) -> None:
        if self.rijen and self.app.size.width != getattr(self, "_breedte", None):
            self._vul()  # the columns fit the new width

    def on_screen_resume(self) -> None:
        if self._verouderd or (self.rijen and self._vandaag != self.vandaag()):
            self._vul()
        else:
            self._toon_detail()

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

    def _filters(
        self, signalen: dict[str, tuple[str, str, int | None]]
    ) -> dict[str, tuple[str, Callable[[Any], bool]]]:
        """The active filters (search, urgent, step, gemeente): key -> (Dutch name, test on an index row)."""
        zoek = self.query_one("#zoek", Input).value.strip().lower()
        uit: dict[str, tuple[str, Callable[[Any], bool]]] = {}
        if zoek:
            uit["zoek"] = (f"zoeken op '{zoek}'", lambda r: zoek_past(r, zoek, self.bsns.get(r.zaaknummer, "")))
        if self.alleen_urgent:
            uit["urgent"] = ("alleen urgent", lambda r: bool(signalen[r.zaaknummer][0]))
        return {**uit, **self.query_one(Filterbalk).filters()}

    def _zichtbaar(
        self, termijnen: dict[str, tuple[date | None, str | None]], signalen: dict[str, tuple[str, str, int | None]]
    ) -> list[Any]:
        testen = [t for _, t in self._filters(signalen).values()]
        uit = [r for r in self.rijen if all(t(r) for t in testen)]
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
        self._zichtbaar_nu = {r.zaaknummer: (r, termijnen[r.zaaknummer][1]) for r in zichtbaar}
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
        breedtes = {
            sleutel: vast or max([len(kop), *(len(rij.cellen[i]) for rij in rijen)])
            for i, (sleutel, kop, vast) in enumerate(KOLOMMEN)
        }
        if getattr(self.app, "sync_standen", None) is None:  # no zaaksysteem set up: no sync column
            breedtes.pop("sync")
        weg = passend(breedtes, self.app.size.width - 2) | ({"sync"} - set(breedtes))  # (the list's scrollbar)
        self._breedte = self.app.size.width
        kolommen = [
            Kolom(kop, breedtes[sleutel], rechts=sleutel == "dagen", signaal=sleutel == "signaal")
            for sleutel, kop, _ in KOLOMMEN
            if sleutel not in weg
        ]
        if weg:
            index = [i for i, (sleutel, _, _) in enumerate(KOLOMMEN) if sleutel not in weg]
            rijen = [Rij(r.sleutel, tuple(r.cellen[i] for i in index), r.signaal) for r in rijen]
        lijst = self.query_one("#zaken", ZakenLijst)
        lijst.zet(kolommen, rijen)
        if not self._verder_gezocht and self.rijen:  # once, after the start: the case worked on last
            self._verder_gezocht = True
            nieuwste = nieuwste_concept(zichtbaar)
            if nieuwste is not None:
                self.verder = nieuwste[0].zaaknummer
                lijst.ga_naar(self.verder)
        filters = [f"gesorteerd op {self.sortering}"] + (["alleen urgent"] if self.alleen_urgent else [])
        filters += self.query_one(Filterbalk).namen()
        laat = sum(1 for _, sig, _ in signalen.values() if sig == "laat")
        self.query_one("#werkvoorraad-status", Static).update(
            f"{len(zichtbaar)} van {len(self.rijen)} zaken · {laat} te laat · {', '.join(filters)}"
        )
        self.query_one(Termijnlijn).zet(zichtbaar, vandaag)
        leeg = self.query_one("#werkvoorraad-leeg", Static)
        leeg.display = not zichtbaar
        if not zichtbaar:
            leeg.update(self._leeg_tekst(signalen))
        self._toon_detail()

    def _leeg_tekst(self, signalen: dict[str, tuple[str, str, int | None]]) -> str:
        """Why the list is empty: which filter hides how many cases, and what to do."""
        if not self.rijen:
            return "Er zijn nog geen zaken. Begin een nieuwe melding met Ctrl+N."
        zoek = self.query_one("#zoek", Input).value.strip()
        filters = self._filters(signalen)
        verborgen = "; ".join(verborgen_door(self.rijen, filters))
        if set(filters) == {"zoek"}:
            return f"Geen zaak die past bij '{escape(zoek)}'. Zoek op naam, zaaknummer of BSN, of wis het zoekveld."
        if set(filters) == {"urgent"}:
            return "Geen zaak is te laat of bijna te laat. Ctrl+R toont weer alle zaken."
        if set(filters) == {"zoek", "urgent"}:
            return (
                f"Geen urgente zaak die past bij '{escape(zoek)}' ({escape(verborgen)}). Wis het zoekveld, of "
                "toon weer alle zaken met Ctrl+R."
            )
        hulp = {"zoek": "wis het zoekveld (Ctrl+F)", "urgent": "Ctrl+R toont weer alle zaken",
                "stap": "kies 'Alle stappen' (F6)", "gemeente": "kies 'Alle gemeenten' (F6, Tab)"}  # fmt: skip
        return f"Geen zaak met deze filters: {escape(verborgen)}. " + _zin(
            "; ".join(hulp[k] for k in filters if k in hulp)
        )

    def _toon_detail(self) -> None:
        """The line beneath the list: what the row under the cursor cannot show in its columns; the case to go on
        with after a restart; a new melding's draft."""
        if not self.is_mounted:
            return
        detail = self.query_one("#werkvoorraad-detail", Static)
        zaaknummer = self.query_one("#zaken", ZakenLijst).gekozen
        rij, wat = self._zichtbaar_nu.get(zaaknummer or "", (None, None))
        nieuw = getattr(self.app, "nieuw_concept", None)
        los = " · Concept van een nieuwe melding bewaard: Ctrl+N gaat verder." if nieuw else ""
        if rij is None:
            detail.update(los.lstrip(" ·"))
            return
        punten = aandachtspunten(rij, self._vandaag or self.vandaag())
        if zaaknummer == self.verder and rij.concepten:
            c = rij.concepten[0]
            stap = conceptnaam(str(c.get("stap")))
            detail.update(
                f"[b]Verder met zaak {zaaknummer}[/] ({escape(rij.ouders[0] if rij.ouders else '')}, "
                f"{escape(stap)}): Enter.{los}"
            )
            return
        tekst = " · ".join([*([wat] if wat else []), *punten]) or "nog geen termijn"
        detail.update(f"{zaaknummer}: {escape(tekst)}{los}")

    @on(ZakenLijst.Verplaatst)
    def _cursor_verplaatst(self) -> None:
        self._toon_detail()

    @on(Input.Changed, "#zoek")
    def _zoek(self, event: Input.Changed) -> None:
        zoek = event.value.replace(" ", "")
        if zoek.isdigit() and len(zoek) >= 3 and any(not getattr(r, "bsns", ()) for r in self.rijen):
            self.app.bsn_index()  # type: ignore[attr-defined]  # rows from an older index carry no BSNs
        self._vul()

    @on(Select.Changed)
    def _filter_gekozen(self) -> None:
        if self.rijen:
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
        self.verder = None  # pointed to once
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

        self.verder = None
        self.app.open_zaak(zaaknummer, Stap.AFGEROND)  # type: ignore[attr-defined]  # self.app is App[Any]: open_zaak is SmiApp's, which this screen cannot import (app imports it)

    def action_zoeken(self) -> None:
        """Focus the search field (ctrl+f)."""
        self.query_one("#zoek", Input).focus()

    def action_filteren(self) -> None:
        """Go to the step filter (f6); Tab goes on to the gemeente filter."""
        self.query_one("#filter-stap", Select).focus()

    def action_sorteren(self) -> None:
        """Cycle the sort order: deadline, zaaknummer, name, gemeente (ctrl+t)."""
        self.sortering = SORTERINGEN[(SORTERINGEN.index(self.sortering) + 1) % len(SORTERINGEN)]
        self._vul()

    def action_urgent(self) -> None:
        """Show only overdue and near-deadline cases, or all again (ctrl+r)."""
        self.alleen_urgent = not self.alleen_urgent
        self._vul()

    def action_verwijderen(self) -> None:
        """Delete the case under the cursor when no letter was sent for it (delete; asked first)."""
        zaaknummer = self.query_one("#zaken", ZakenLijst).gekozen
        if zaaknummer is None:
            self.notify("Er is geen zaak gekozen.", severity="warning")
            return
        from screens.verwijderen import vraag_verwijderen

        rij, _ = self._zichtbaar_nu[zaaknummer]
        vraag_verwijderen(self.app, zaaknummer, rij.ouders[0] if rij.ouders else "")
