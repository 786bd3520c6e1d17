"""The papers of a case (F6 from any step or the dossier): the letters made and the documents received.

Each letter shows when it was made and how far it got (gemaakt, afgedrukt, verzonden, vervangen); each document
received shows which stuk it is, when it came in and its file name. Enter shows the chosen document in the
system's viewer from a private, decrypted temp copy (:mod:`screens.documentbekijker`), which is removed afterwards;
``a`` prints it again (through :mod:`letters.printen`, with its Dutch messages); ``b`` attaches a scan or PDF
(:mod:`screens.documentinvoer`), stored encrypted, the stuk marked received in the case.

The screen takes the place of the step it was opened from (so no step form below it can save an outdated draft) and
gives it back on Escape — built again from the case when an attachment changed the case.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from screens import documentbekijker
from screens.brieven import NAMEN
from screens.documentinvoer import Bijlage, BijvoegenScherm, ontbrekende_stukken, stuknaam, verwerk
from screens.voettekst import Voettekst
from smi_tui.fouten import SmiFout
from smi_tui.zaak import Zaak

if TYPE_CHECKING:
    from smi_tui.regeling import Regeling
    from smi_tui.zaak import Stap


def briefnaam(soort: str) -> str:
    """'verzoek-aanvulling' -> 'Verzoek aanvulling'; the app's own names where it has them."""
    return NAMEN.get(soort) or soort.replace("-", " ").replace("_", " ").capitalize()


def _dag(iso: str | None) -> str:
    """An ISO date or UTC time as the local day, DD-MM-JJJJ."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso) if len(iso) == 10 else datetime.fromisoformat(iso).astimezone().date()
    except ValueError:
        return ""
    return d.strftime("%d-%m-%Y")


def _kort(tekst: str, n: int) -> str:
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def status(doc: dict[str, Any], zaak: Zaak) -> str:
    """How far a letter got: vervangen, verzonden (the beschikking), afgedrukt, or only gemaakt."""
    if doc.get("vervangen_door"):
        return f"vervangen {_dag(doc.get('vervangen_op'))}".strip()
    b = zaak.besluit
    if doc.get("soort") == "beschikking" and b is not None and b.verzonden_op is not None:
        return f"verzonden {b.verzonden_op.strftime('%d-%m-%Y')}"
    if doc.get("afgedrukt_op"):
        keer = int(doc.get("afgedrukt") or 1)
        return f"afgedrukt {_dag(doc['afgedrukt_op'])}" + (f" ({keer}×)" if keer > 1 else "")
    return "gemaakt"


Rij = tuple[dict[str, Any], tuple[str, str, str]]


def rijen(documenten: list[dict[str, Any]], zaak: Zaak, regeling: Regeling | None) -> list[Rij]:
    """(document, (Document, Datum, Status)) per row: the letters made, newest first, then the documents received."""
    brieven = [d for d in documenten if not d.get("ontvangen_op")]
    ontvangen = [d for d in documenten if d.get("ontvangen_op")]
    uit = [
        (d, (f"Brief: {briefnaam(str(d.get('soort')))}", _dag(d.get("toegevoegd")), status(d, zaak)))
        for d in reversed(brieven)
    ]
    uit += [
        (
            d,
            (
                f"Ontvangen: {_kort(stuknaam(str(d.get('soort')), regeling), 30)}",
                _dag(d.get("ontvangen_op")),
                _kort(str(d.get("naam") or ""), 34),
            ),
        )
        for d in ontvangen
    ]
    return uit


class DocumentenScherm(Screen[None]):
    """The letters and received documents of the open case; Enter views, a prints, b attaches, Escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "bekijken", "Bekijken", priority=True),  # over the table's own (unshown) Enter
        Binding("b", "bijvoegen", "Bijvoegen"),
        Binding("a", "afdrukken", "Afdrukken"),
        Binding("escape", "terug", "Terug"),
    ]
    DEFAULT_CSS = """
    DocumentenScherm #documenten { height: 1fr; }
    DocumentenScherm #documenten-detail, DocumentenScherm #documenten-ontbreekt { height: auto; padding: 0 1; }
    DocumentenScherm #documenten-ontbreekt { color: $warning; }
    """

    def __init__(self, zaak: Zaak, regeling: Regeling | None, zaaknummer: str, vandaag: date, herkomst: Stap) -> None:
        super().__init__(id="documenten-scherm")
        self.zaak, self.regeling, self.zaaknummer, self.vandaag = zaak, regeling, zaaknummer, vandaag
        self.herkomst = herkomst
        self.gewijzigd = False  # an attachment changed the case: the step is built again on the way back
        self.docs: list[dict[str, Any]] = []
        self._rijen: list[Rij] = []

    def compose(self) -> ComposeResult:
        naam = self.zaak.aanvrager.naam
        gemeente = self.regeling.gemeente if self.regeling is not None else self.zaak.regeling
        yield Static("  ·  ".join([self.zaaknummer, naam, gemeente, "documenten"]), id="stap-kop")
        yield DataTable(id="documenten", cursor_type="row", zebra_stripes=True)
        yield Static("", id="documenten-detail")
        yield Static("", id="documenten-ontbreekt")
        yield Voettekst()

    def on_mount(self) -> None:
        t = self.query_one("#documenten", DataTable)
        t.add_columns("Document", "Datum", "Status of bestand")
        t.focus()
        self.lees()

    def on_screen_resume(self) -> None:
        if getattr(self.app, "zaaknummer", None) != self.zaaknummer:  # the case was closed (another one opened)
            self.app.call_later(self._weg)

    def _weg(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    # --- the list --------------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="documenten")
    def lees(self) -> None:
        """Read the case's documents from the store (on a thread: the save thread may hold the store)."""
        app: Any = self.app
        try:
            with app.slot:
                docs = app.opslag.documenten(self.zaaknummer) if app.opslag is not None else []
        except SmiFout as exc:
            app.call_from_thread(self.notify, exc.melding, severity="error", timeout=20)
            return
        app.call_from_thread(self.toon, docs)

    def toon(self, docs: list[dict[str, Any]]) -> None:
        """Fill the table (the cursor stays on the same document) and the line with what is still missing."""
        t = self.query_one("#documenten", DataTable)
        gekozen = self._gekozen()
        self.docs = docs
        self._rijen = rijen(docs, self.zaak, self.regeling)
        t.clear()
        for doc, cellen in self._rijen:
            t.add_row(*cellen, key=doc["id"])
        if not self._rijen:
            self.query_one("#documenten-detail", Static).update(
                "Nog geen documenten. Brieven komen hier zodra ze gemaakt zijn; een scan of PDF voegt u bij met b."
            )
        ids = [d["id"] for d, _ in self._rijen]
        if gekozen is not None and gekozen["id"] in ids:
            t.move_cursor(row=ids.index(gekozen["id"]))
        self._toon_detail()
        ontbreekt = ontbrekende_stukken(self.zaak, self.regeling) if self.regeling is not None else []
        namen = [stuknaam(code, self.regeling) for code, _ in ontbreekt]  # in full on the verzoek om aanvulling
        tekst = ("Nog niet ontvangen: " + "; ".join(namen)) if namen else ""
        self.query_one("#documenten-ontbreekt", Static).update(Text(tekst))

    def _gekozen(self) -> dict[str, Any] | None:
        if not self._rijen:
            return None
        t = self.query_one("#documenten", DataTable)
        return self._rijen[min(max(t.cursor_row, 0), len(self._rijen) - 1)][0]

    def on_data_table_row_highlighted(self, _bericht: DataTable.RowHighlighted) -> None:
        self._toon_detail()

    def on_data_table_row_selected(self, bericht: DataTable.RowSelected) -> None:
        bericht.stop()
        self.action_bekijken()

    def _toon_detail(self) -> None:
        doc = self._gekozen()
        if doc is None:
            return
        kb = max(1, round(int(doc.get("grootte") or 0) / 1024))
        tekst = f"{doc.get('naam')} · {kb} kB · toegevoegd {_dag(doc.get('toegevoegd'))}"
        self.query_one("#documenten-detail", Static).update(Text(tekst))

    # --- view, print, attach ---------------------------------------------------------------------------
    def action_bekijken(self) -> None:
        """Show the chosen document in the system's viewer (Enter)."""
        doc = self._gekozen()
        if doc is None:
            self.notify("Er is nog geen document om te bekijken.")
            return
        documentbekijker.bekijk(self.app, self.zaaknummer, doc)

    def action_afdrukken(self) -> None:
        """Print the chosen document again (a)."""
        doc = self._gekozen()
        if doc is None:
            self.notify("Er is nog geen document om af te drukken.")
            return
        if doc.get("vervangen_door"):
            self.notify(
                "Deze versie is vervangen door een nieuwere; druk de nieuwste versie af (bovenaan de lijst).",
                severity="warning",
                timeout=10,
            )
            return
        self.notify("Bezig met afdrukken …")
        self.app._rij.in_rij(self._taak_afdrukken, doc)  # type: ignore[attr-defined]  # _rij is SmiApp's save queue; self.app is App[Any]

    def _taak_afdrukken(self, doc: dict[str, Any]) -> None:
        app: Any = self.app
        naam = briefnaam(str(doc.get("soort"))) if not doc.get("ontvangen_op") else str(doc.get("naam"))
        bestand = str(doc.get("naam") or "document.pdf")
        try:
            with app.slot, app.opslag.document_voor_afdruk(self.zaaknummer, doc["id"], naam=bestand) as pad:
                gelukt = app.printer(pad)
            with app.slot:
                app.opslag.markeer_afgedrukt(self.zaaknummer, doc["id"], consulent=app.consulent)
        except SmiFout as exc:
            app._rij.na(
                self.notify,
                f"{naam} is niet afgedrukt: {exc.melding}",
                title="Afdrukken mislukt",
                severity="error",
                timeout=30,
            )
            return
        app._rij.na(self.notify, f"{naam} is opnieuw {gelukt}.")
        app._rij.na(self.lees)

    def action_bijvoegen(self) -> None:
        """Attach a scan or PDF and mark its stuk received (b)."""
        self.app.push_screen(BijvoegenScherm(self.zaak, self.regeling, self.vandaag), self._na_bijvoegen)

    def _na_bijvoegen(self, bijlage: Bijlage | None) -> None:
        if bijlage is None:
            return
        self.notify(f"Bezig met bijvoegen van {bijlage.naam} …")
        self.app._rij.in_rij(self._taak_bijvoegen, bijlage)  # type: ignore[attr-defined]  # _rij is SmiApp's save queue; self.app is App[Any]

    def _taak_bijvoegen(self, b: Bijlage) -> None:
        """On the save thread: check what the stuk changes, store the file (encrypted), then the case (audited)."""
        from smi_tui.besluitregels import wijziging_geweigerd

        app: Any = self.app
        zn = self.zaaknummer
        opgeslagen: Zaak | None = None
        try:
            with app.slot:
                zaak = Zaak.model_validate(app.opslag.laad(zn))
                if self.regeling is None:
                    raise SmiFout("De regeling van deze zaak is niet te laden; het stuk is niet bijgevoegd.")
                nieuw, meldingen = verwerk(zaak, self.regeling, b.code, b.ontvangen_op)
                geweigerd = wijziging_geweigerd(zaak, nieuw) if nieuw != zaak else None
                app.opslag.voeg_document_toe(
                    zn, b.naam, b.code, b.data, consulent=app.consulent, ontvangen_op=b.ontvangen_op.isoformat()
                )
        except (SmiFout, ValueError) as exc:
            melding = exc.melding if isinstance(exc, SmiFout) else str(exc)
            app._rij.na(
                self.notify,
                f"Niet bijgevoegd, er is niets bewaard: {melding}",
                title="Niet bijgevoegd",
                severity="error",
                timeout=30,
            )
            return
        if geweigerd is not None:
            meldingen = [f"{b.naam} is bewaard bij de zaak, maar niet als ontvangen stuk vastgelegd: {geweigerd}"]
        elif nieuw != zaak:
            try:
                with app.slot:
                    app.opslag.bewaar(zn, nieuw, consulent=app.consulent, stap=zaak.stap.value)
                opgeslagen = nieuw
            except SmiFout as exc:
                app._rij.na(
                    self.notify,
                    f"{b.naam} is bewaard, maar de zaak is niet bijgewerkt: {exc.melding} "
                    "Vink het stuk aan in de stap Verslag.",
                    severity="error",
                    timeout=30,
                )
                app._rij.na(self.lees)
                return
        app._rij.na(self._bijgevoegd, opgeslagen, [f"{b.naam} is bijgevoegd ({b.bestandssoort}).", *meldingen])

    def _bijgevoegd(self, zaak: Zaak | None, meldingen: list[str]) -> None:
        app: Any = self.app
        if zaak is not None and app.zaaknummer == self.zaaknummer:
            app.zaak, self.zaak, self.gewijzigd = zaak, zaak, True
        self.notify(" ".join(meldingen), title="Bijgevoegd", timeout=20)
        self.lees()

    def action_terug(self) -> None:
        """Back to the step the screen was opened from (Escape)."""
        terug(self.app, self)


def open_documenten(app: Any) -> None:
    """Show the open case's documents in place of its step (F6); the step's draft is kept first."""
    scherm = app._stapscherm()
    if app.zaak is None or scherm is None or scherm is not app.screen:
        return
    if app.zaaknummer is None:
        app.notify(
            "Deze zaak heeft nog geen documenten: rond eerst de melding af (Ctrl+S), dan krijgt de zaak een zaaknummer."
        )
        return
    try:
        regeling = app.register.voor(app.zaak.regeling, app.zaak.melding.datum)
    except SmiFout as exc:
        app.notify(exc.melding, severity="error", timeout=20)
        regeling = None
    app._bewaar_concept_van_scherm()
    app.switch_screen(DocumentenScherm(app.zaak, regeling, app.zaaknummer, app.vandaag(), scherm.STAP))


def terug(app: Any, scherm: DocumentenScherm) -> None:
    """Leave the document screen for the step it came from; built again from the case (and its draft, which an
    attachment marked too) when an attachment changed the case."""
    if app.screen is not scherm:
        return
    if app.zaaknummer != scherm.zaaknummer or app.zaak is None:
        app.pop_screen()
        return
    if scherm.gewijzigd:
        app._vergeet_schermen()
    app.pop_screen()
    app._toon_stap(scherm.herkomst, app.zaak.concepten.get(scherm.herkomst.value))
