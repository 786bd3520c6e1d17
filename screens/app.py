"""The App: unlock, werkvoorraad, the wizard's steps; the only place that talks to the store.

Screens hand over typed results (:mod:`screens.berichten`); the App saves them through :class:`storage.Opslag` in
thread workers (one lock around the store), makes and prints letters in workers, keeps drafts in
``Zaak.concepten`` and locks itself after an idle time.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType

from screens import brieven
from screens.berichten import StapKlaar, StapVerlaten
from screens.ontgrendel import OntgrendelScherm
from screens.palet import ZaakCommando
from screens.stap import VOLGORDE, StapScherm
from screens.vergrendeld import VergrendeldScherm
from screens.werkvoorraad import WerkvoorraadScherm
from smi_tui import config
from smi_tui.fouten import SmiFout
from smi_tui.register import Register
from smi_tui.zaak import Stap, Zaak

STANDAARD_VERGRENDEL_MINUTEN = 10.0


def vergrendel_seconden() -> float:
    """Idle time before locking: ``SMI_TUI_VERGRENDEL_MINUTEN`` (tests), else config ``vergrendel_na_minuten``."""
    env = os.environ.get("SMI_TUI_VERGRENDEL_MINUTEN")
    waarde: Any = env if env else config.lees_config().get("vergrendel_na_minuten", STANDAARD_VERGRENDEL_MINUTEN)
    try:
        return max(float(waarde) * 60, 0.05)
    except (TypeError, ValueError):
        raise SmiFout("vergrendel_na_minuten moet een getal zijn (minuten).") from None


def _consulent() -> str:
    """The consulent's name for new cases and the audit trail: config ``consulent``, else the login name."""
    naam = config.lees_config().get("consulent")
    if naam:
        return str(naam)
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "consulent"


def _scherm_klasse(stap: Stap) -> type[StapScherm]:
    from screens.besluit import BesluitScherm
    from screens.gesprek import GesprekScherm
    from screens.melding import MeldingScherm
    from screens.verslag import VerslagScherm
    from screens.voorliggend import VoorliggendScherm

    return {Stap.MELDING: MeldingScherm, Stap.GESPREK: GesprekScherm, Stap.VERSLAG: VerslagScherm,
            Stap.VOORLIGGEND: VoorliggendScherm, Stap.BESLUIT: BesluitScherm,
            Stap.AFGEROND: BesluitScherm}[stap]  # fmt: skip


class SmiApp(App[int]):
    """The SMI wizard. ``vandaag`` is the clock for deadlines (tests freeze it); ``printer`` prints a PDF path."""

    CSS_PATH = "app.tcss"
    TITLE = "SMI-kinderopvang"
    COMMANDS = App.COMMANDS | {ZaakCommando}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Afsluiten", priority=True),
        Binding("ctrl+l", "vergrendel", "Vergrendelen", show=False),
    ]

    def __init__(self, map_: Path | None = None, *, vandaag: Callable[[], date] | None = None,
                 printer: Callable[[Path], str] | None = None, vergrendel_na: float | None = None,
                 consulent: str | None = None, scrypt_n: int | None = None, afsluiten_na_start: bool = False) -> None:  # fmt: skip
        super().__init__()
        self.map = Path(map_) if map_ is not None else config.data_dir()
        self.vandaag = vandaag or date.today
        self.printer = printer or brieven.print_pdf
        self.vergrendel_na = vergrendel_na if vergrendel_na is not None else vergrendel_seconden()
        self.consulent = consulent if consulent is not None else _consulent()
        self.scrypt_n = scrypt_n
        self.afsluiten_na_start = afsluiten_na_start
        self.register = Register.laad()
        self.opslag: Any = None
        self.slot = threading.Lock()
        self.rijen: list[Any] = []
        self.bsns: dict[str, str] = {}
        self.zaak: Zaak | None = None
        self.zaaknummer: str | None = None
        self.nieuw_concept: dict[str, Any] | None = None
        self.werkvoorraad: WerkvoorraadScherm | None = None
        self.vergrendeld = False
        self._laatste = time.monotonic()
        self.afdrukken: list[str] = []

    # --- start, unlock, lock ----------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.push_screen(OntgrendelScherm(self.map, scrypt_n=self.scrypt_n), self._ontgrendeld)
        self.set_interval(min(1.0, self.vergrendel_na / 4), self._let_op_stilte)

    def _ontgrendeld(self, opslag: Any) -> None:
        self.opslag = opslag
        self.werkvoorraad = WerkvoorraadScherm(self.vandaag, self.register.gemeenten())
        self.push_screen(self.werkvoorraad)
        self.laad_lijst(bsn=True)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            self._laatste = time.monotonic()
        await super().on_event(event)

    def _let_op_stilte(self) -> None:
        if self.opslag is not None and not self.vergrendeld and time.monotonic() - self._laatste >= self.vergrendel_na:
            self.action_vergrendel()

    def action_vergrendel(self) -> None:
        """Lock now (ctrl+l): the current step's draft is saved first."""
        if self.opslag is None or self.vergrendeld:
            return
        self.vergrendeld = True
        self._bewaar_concept_van_scherm()
        self.push_screen(VergrendeldScherm(self.map), self._na_slot)

    def _na_slot(self, _ok: bool | None) -> None:
        self.vergrendeld = False
        self._laatste = time.monotonic()

    # --- the case list ----------------------------------------------------------------------------------
    @work(thread=True, group="lijst")
    def laad_lijst(self, bsn: bool = False) -> None:
        """Read the index (and, once, every dossier's BSNs for searching) and show it."""
        with self.slot:
            rijen = self.opslag.lijst()
        self.call_from_thread(self._toon_lijst, rijen, None)
        if self.afsluiten_na_start:
            self.call_from_thread(lambda: self.call_after_refresh(self.exit, 0))
            return
        if bsn:
            bsns: dict[str, str] = {}
            for r in rijen:
                with self.slot:
                    try:
                        z = self.opslag.laad(r.zaaknummer)
                    except SmiFout:
                        continue
                m = z.get("melding") or {}
                bsns[r.zaaknummer] = " ".join(p.get("bsn") or "" for p in [*m.get("ouders", []), *m.get("kinderen", [])])
            self.call_from_thread(self._toon_lijst, rijen, bsns)

    def _toon_lijst(self, rijen: list[Any], bsns: dict[str, str] | None) -> None:
        self.rijen = rijen
        if bsns is not None:
            self.bsns.update(bsns)
        if self.werkvoorraad is not None and self.werkvoorraad.is_mounted:
            self.werkvoorraad.toon(rijen, self.bsns)

    # --- opening cases and moving between steps -----------------------------------------------------------
    def action_nieuwe_zaak(self) -> None:
        """Start a new melding (ctrl+n)."""
        if self.opslag is None:
            return
        self.zaak, self.zaaknummer = None, None
        self._toon_stap(Stap.MELDING, self.nieuw_concept)

    def action_werkvoorraad(self) -> None:
        """Back to the werkvoorraad (a step's draft is kept)."""
        self._bewaar_concept_van_scherm()
        self._naar_werkvoorraad()

    def open_zaak(self, zaaknummer: str) -> None:
        """Open a case at its step (from the werkvoorraad or the palette)."""
        self._open_worker(zaaknummer)

    @work(thread=True, group="open")
    def _open_worker(self, zaaknummer: str) -> None:
        try:
            with self.slot:
                zaak = Zaak.model_validate(self.opslag.laad(zaaknummer))
        except (SmiFout, ValueError) as exc:
            self.call_from_thread(self.notify, getattr(exc, "melding", str(exc)), severity="error")
            return
        self.call_from_thread(self._geopend, zaaknummer, zaak)

    def _geopend(self, zaaknummer: str, zaak: Zaak) -> None:
        self.zaak, self.zaaknummer = zaak, zaaknummer
        self._toon_stap(zaak.stap, zaak.concepten.get(zaak.stap.value))

    def _toon_stap(self, stap: Stap, concept: dict[str, Any] | None = None) -> None:
        regeling = None
        try:
            if self.zaak is not None:
                regeling = self.register.voor(self.zaak.regeling, self.zaak.melding.datum)
            klasse = _scherm_klasse(stap)
            kw: dict[str, Any] = {"zaaknummer": self.zaaknummer, "vandaag": self.vandaag()}
            if stap == Stap.MELDING or klasse.__name__ == "BesluitScherm":
                kw["register"] = self.register
            scherm = klasse(self.zaak, regeling, concept, **kw)
        except SmiFout as exc:
            self.notify(exc.melding, severity="error", timeout=10)
            return
        if isinstance(self.screen, StapScherm):
            self.switch_screen(scherm)
        else:
            self.push_screen(scherm)

    def _naar_werkvoorraad(self) -> None:
        while isinstance(self.screen, StapScherm):
            self.pop_screen()
        self.zaak, self.zaaknummer = None, None

    # --- drafts -----------------------------------------------------------------------------------------
    def _bewaar_concept_van_scherm(self) -> None:
        scherm = next((s for s in reversed(self.screen_stack) if isinstance(s, StapScherm)), None)
        if scherm is not None:
            self._bewaar_concept(scherm.STAP, scherm.concept_nu())

    def _bewaar_concept(self, stap: Stap, concept: dict[str, Any]) -> None:
        if self.zaak is None or self.zaaknummer is None:
            if stap == Stap.MELDING:
                self.nieuw_concept = concept  # no case yet: kept in memory until the melding is complete
            return
        concepten = dict(self.zaak.concepten)
        concepten[stap.value] = concept
        self.zaak = self.zaak.model_copy(update={"concepten": concepten})
        self._bewaar_worker(self.zaaknummer, self.zaak, stap.value)

    @work(thread=True, group="bewaar")
    def _bewaar_worker(self, zaaknummer: str, zaak: Zaak, stap: str) -> None:
        try:
            with self.slot:
                self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=stap)
        except SmiFout as exc:
            self.call_from_thread(self.notify, exc.melding, severity="error", timeout=10)

    def on_stap_verlaten(self, bericht: StapVerlaten) -> None:
        self._bewaar_concept(bericht.stap, bericht.concept)
        if bericht.naar == "vorige":
            i = VOLGORDE.index(bericht.stap if bericht.stap in VOLGORDE else Stap.BESLUIT)
            vorige = VOLGORDE[max(i - 1, 0)]
            self._toon_stap(vorige, self.zaak.concepten.get(vorige.value) if self.zaak else None)
        else:
            self._naar_werkvoorraad()
            self.laad_lijst()

    # --- completing a step --------------------------------------------------------------------------------
    def on_stap_klaar(self, bericht: StapKlaar) -> None:
        if bericht.stap == Stap.MELDING:
            self.nieuw_concept = None
        if not bericht.zaak.consulent and self.consulent:
            bericht.zaak = bericht.zaak.model_copy(update={"consulent": self.consulent})
        self._klaar_worker(bericht, self.zaaknummer)

    @work(thread=True, group="bewaar")
    def _klaar_worker(self, bericht: StapKlaar, zaaknummer: str | None) -> None:
        zaak = bericht.zaak
        meldingen: list[str] = []
        try:
            with self.slot:
                if zaaknummer is None:
                    zaaknummer = self.opslag.nieuwe_zaak(zaak, consulent=self.consulent, stap=bericht.stap.value)
                    zaak = zaak.model_copy(update={"zaaknummer": zaaknummer})
                else:
                    self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=bericht.stap.value)
            meldingen.append(f"{zaaknummer}: stap {bericht.stap.value} bewaard.")
            if bericht.brieven:
                zaak = self._brieven(zaaknummer, zaak, bericht, meldingen)
            rijen = self.opslag.lijst()
        except SmiFout as exc:
            self.call_from_thread(self.notify, exc.melding, severity="error", timeout=10)
            return
        self.call_from_thread(self._bewaard, bericht, zaaknummer, zaak, rijen, meldingen)

    def _brieven(self, zaaknummer: str, zaak: Zaak, bericht: StapKlaar, meldingen: list[str]) -> Zaak:
        from smi_tui.beoordeling import beoordeel_zaak

        beoordeling = beoordeel_zaak(zaak, self.register, peildatum=self.vandaag())
        for soort in bericht.brieven:
            pdf = brieven.maak(soort, zaak, beoordeling)
            with self.slot:
                doc_id = self.opslag.voeg_document_toe(zaaknummer, f"{soort}-{zaaknummer}.pdf", soort, pdf,
                                                       consulent=self.consulent)  # fmt: skip
            naam = brieven.NAMEN.get(soort, soort)
            try:
                with self.slot, self.opslag.document_voor_afdruk(zaaknummer, doc_id, naam=f"{soort}.pdf") as pad:
                    meldingen.append(f"{naam} bewaard en {self.printer(pad)}.")
                self.afdrukken.append(soort)
            except SmiFout as exc:
                meldingen.append(f"{naam} bewaard; {exc.melding}")
        if bericht.afronden and zaak.stap != Stap.AFGEROND:
            zaak = zaak.model_copy(update={"stap": Stap.AFGEROND})
            with self.slot:
                self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=Stap.AFGEROND.value)
        return zaak

    def _bewaard(self, bericht: StapKlaar, zaaknummer: str, zaak: Zaak, rijen: list[Any], meldingen: list[str]) -> None:
        self._toon_lijst(rijen, None)
        self.zaak, self.zaaknummer = zaak, zaaknummer
        for m in meldingen:
            self.notify(m)
        if bericht.volgende:
            volgende = zaak.stap if zaak.stap in VOLGORDE else Stap.BESLUIT
            i = VOLGORDE.index(bericht.stap)
            doel = VOLGORDE[min(i + 1, len(VOLGORDE) - 1)]
            if VOLGORDE.index(volgende) < VOLGORDE.index(doel):
                doel = volgende
            self._toon_stap(doel, zaak.concepten.get(doel.value))
        elif isinstance(self.screen, StapScherm):
            self.screen.zaak, self.screen.zaaknummer = zaak, zaaknummer
            self.screen.query_one("#stap-kop").update(self.screen._kop())  # type: ignore[attr-defined]

    # --- closing ----------------------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save the current draft, close the store, quit (ctrl+q)."""
        self.sluit(concept=True)
        self.exit(0)

    def sluit(self, *, concept: bool = False) -> None:
        """Keep the current step's draft (synchronously) and release the store."""
        if self.opslag is None:
            return
        scherm = next((s for s in reversed(self.screen_stack) if isinstance(s, StapScherm)), None)
        with self.slot:
            if concept and scherm is not None and self.zaak is not None and self.zaaknummer is not None:
                concepten = dict(self.zaak.concepten) | {scherm.STAP.value: scherm.concept_nu()}
                self.zaak = self.zaak.model_copy(update={"concepten": concepten})
                self.opslag.bewaar(self.zaaknummer, self.zaak, consulent=self.consulent, stap=scherm.STAP.value)
            self.opslag.sluit()
            self.opslag = None


def start_app(args: Any = None) -> int:
    """Run the TUI (``smi-tui`` without a subcommand); returns the exit code."""
    scrypt = os.environ.get("SMI_TUI_SCRYPT_N")  # tests only, see storage/README.md
    app = SmiApp(scrypt_n=int(scrypt) if scrypt else None,
                 afsluiten_na_start=os.environ.get("SMI_TUI_BENCH_AFSLUITEN") == "1")  # fmt: skip
    try:
        code = app.run(headless=app.afsluiten_na_start)  # the benchmark measures start-up without a terminal
    finally:
        app.sluit()
    return int(code or 0)
