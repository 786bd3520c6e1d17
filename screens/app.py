"""The App: unlock, werkvoorraad, locking and quitting; the only place that talks to the store.

Screens hand over typed results (:mod:`screens.berichten`); the App saves them through :class:`storage.Opslag` on
one save thread (:mod:`screens.bewaarrij`). The open case's session is in parts of its own that the App is made of:
its steps and their saving (:mod:`screens.sessie`), its drafts and autosave (:mod:`screens.concepten`) and the
building of step screens ahead (:mod:`screens.vooruit`); :mod:`screens.noodstop` saves when the process is ended.

Speed (issue 5): this module imports no pydantic models and no regulations; they are loaded on a thread after the
werkvoorraad shows.
"""

from __future__ import annotations

import gc
import itertools
import os
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from screens import brieven, foutafhandeling, noodstop, synchronisatie, textual_intern
from screens.bewaarrij import Bewaarrij, NaBewaren
from screens.concepten import Concepten
from screens.ontgrendel import OntgrendelScherm
from screens.palet import ZaakCommando
from screens.sessie import Sessie
from screens.vergrendeld import VergrendeldScherm
from screens.vooruit import Vooruit
from screens.werkvoorraad import WerkvoorraadScherm
from smi_tui import config
from smi_tui.fouten import SmiFout
from storage.documenten import ruim_kopieen_op

if TYPE_CHECKING:
    from smi_tui.register import Register
    from smi_tui.zaak import Stap, Zaak

STANDAARD_VERGRENDEL_MINUTEN = 10.0
PALET_TEKST = "Zoek een zaak (naam, zaaknummer) of een opdracht…"
STAPMODULES = ("screens.melding", "screens.gesprek", "screens.verslag", "screens.voorliggend", "screens.besluit")


def vergrendel_seconden() -> float:
    """Idle time before locking: ``SMI_TUI_VERGRENDEL_MINUTEN`` (tests), else config ``vergrendel_na_minuten``."""
    env = os.environ.get("SMI_TUI_VERGRENDEL_MINUTEN")
    waarde: Any = env if env else config.lees_config().get("vergrendel_na_minuten", STANDAARD_VERGRENDEL_MINUTEN)
    try:
        return max(float(waarde) * 60, 0.05)
    except (TypeError, ValueError):
        raise SmiFout("vergrendel_na_minuten moet een getal zijn (minuten).") from None


def _consulent() -> str:
    """The consulent's name for new cases and the audit trail: the profile (Instellingen, f3), else config
    ``consulent``; empty when neither — the app then asks for it after unlocking. Never the login name."""
    return config.profiel_naam() or str(config.lees_config().get("consulent") or "").strip()


class SmiApp(Concepten, Sessie, Vooruit, App[int]):
    """The SMI wizard. ``vandaag`` is the clock for deadlines (tests freeze it); ``printer`` prints a PDF path;
    ``autosave`` off only for the typing-latency benchmark."""

    CSS_PATH = "app.tcss"
    TITLE = "SMI-kinderopvang"
    # only the app's own Dutch commands: Textual's system commands are English, and its Screenshot wrote an
    # unencrypted picture of a case to the Downloads folder
    COMMANDS: ClassVar[set[Any]] = {ZaakCommando}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Afsluiten", priority=True),
        Binding("f1", "hulp", "Hulp"),
        Binding("ctrl+p", "command_palette", "Opdrachten", show=False, priority=True),  # Textual's says 'palette'
        Binding("ctrl+l", "vergrendel", "Vergrendelen", show=False),
        Binding("f2", "dossier", "Dossier/termijnen"),
        Binding("f3", "instellingen", "Instellingen"),  # not ctrl+e: in a field that is "end of line"
        Binding("f4", "samenvatting", "Samenvatting"),
        # f4 is the summary, f5 the sync; priority, because Textual's TextArea binds f6 to 'select line' and the
        # verslag's fields are TextAreas (without it, F6 did nothing there)
        Binding("f6", "documenten", "Documenten", priority=True),
        # Tab moves the cursor before the next key is routed: as the Screen's own (non-priority) binding, Tab went
        # to the focused field's queue first, and keys typed right after it (a fast typist, a busy machine) were
        # already on their way to the field that was left — text landed in the wrong field
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        Binding("f5", "synchroniseren", "Sync", show=False),  # the only way this app goes on the network
    ]

    def __init__(
        self,
        map_: Path | None = None,
        *,
        vandaag: Callable[[], date] | None = None,
        printer: Callable[[Path], str] | None = None,
        vergrendel_na: float | None = None,
        consulent: str | None = None,
        scrypt_n: int | None = None,
        afsluiten_na_start: bool = False,
        autosave: bool = True,
    ) -> None:
        super().__init__()
        foutafhandeling.installeer(self)  # from the start: a Dutch message, never a traceback with locals (issue 13)
        self.map = Path(map_) if map_ is not None else config.data_dir()
        self.vandaag = vandaag or date.today
        self.printer = printer or brieven.print_pdf
        self.vergrendel_na = vergrendel_na if vergrendel_na is not None else vergrendel_seconden()
        self.consulent = consulent if consulent is not None else _consulent()
        self.scrypt_n = scrypt_n
        self.afsluiten_na_start = afsluiten_na_start
        self._regelingen: Register | None = None
        self._regelingen_slot = threading.Lock()
        self.opslag: Any = None
        self.slot = threading.Lock()
        self.rijen: list[Any] = []
        self.lijst_gelezen = False
        self.bsns: dict[str, str] = {}
        self.zaak: Zaak | None = None
        self.zaaknummer: str | None = None
        self.nieuw_concept: dict[str, Any] | None = None
        self.werkvoorraad: WerkvoorraadScherm | None = None
        self.vergrendeld = False
        self._laatste = time.monotonic()
        self.afdrukken: list[str] = []
        self._schermen: dict[Stap, Screen[Any]] = {}  # the open case's step screens, kept while it is open
        self._vooraf: dict[Stap, Screen[Any]] = {}  # built ahead for the shown step's changed form (not kept yet)
        self._vooraf_timer: Any = None
        self._andere: tuple[Any, list[tuple[str, Zaak]]] | None = None  # (key, other cases) of the open case
        self._andere_slot = threading.Lock()
        self._namen = itertools.count()
        self._token = 0  # which opening of a case the save jobs belong to
        self._tokens = itertools.count(1)
        self._nummers: dict[int, str] = {}  # token -> zaaknummer (known once a new case is created)
        self._rij = Bewaarrij(self)
        self.autosave = autosave
        self._noodstop = False

    @property
    def register(self) -> Register:
        """All regulations; loaded on first use (normally on a thread right after the werkvoorraad shows)."""
        if self._regelingen is None:
            with self._regelingen_slot:
                if self._regelingen is None:
                    from smi_tui.register import Register

                    self._regelingen = Register.laad()
        return self._regelingen

    # --- start, unlock, lock ----------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """The unlock screen is the first screen: Textual then builds, styles and paints no empty default screen
        under it. Once unlocked, the werkvoorraad takes its place (``switch_screen``)."""
        self._ontgrendel = OntgrendelScherm(self.map, scrypt_n=self.scrypt_n)
        textual_intern.zonder_terugmelding(self._ontgrendel, self)
        return self._ontgrendel

    def on_mount(self) -> None:
        self.set_interval(min(1.0, self.vergrendel_na / 4), self._let_op_stilte)

    def on_ontgrendel_scherm_ontgrendeld(self, bericht: OntgrendelScherm.Ontgrendeld) -> None:
        self.opslag = bericht.opslag
        self._rij.start()
        synchronisatie.volg(self)  # the werkvoorraad's sync markers (only with a zaaksysteem in config.toml)
        rijen = getattr(self._ontgrendel, "rijen", None)  # read by the unlock thread while this one was idle
        if rijen is not None:
            self._toon_lijst(rijen)
        self.werkvoorraad = WerkvoorraadScherm(self.vandaag)
        self.switch_screen(self.werkvoorraad)
        if melding := config.oude_config_melding():  # an older build put config.toml in the store folder
            self.notify(melding[:1].upper() + melding[1:], severity="warning", timeout=30)
        self.call_after_refresh(gc.enable)  # off since unlocking began (screens.ontgrendel)
        self.laad_lijst(start=True, gelezen=rijen is not None)

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
        ruim_kopieen_op()  # no decrypted copy of a document stays while locked
        self._bewaar_concept_van_scherm()
        self.push_screen(VergrendeldScherm(self.map), self._na_slot)

    def action_instellingen(self) -> None:
        """Your name, function, team, phone and e-mail for the letters and the audit trail (f3)."""
        from screens.instellingen import open_instellingen

        if self.opslag is not None and not self.vergrendeld:
            open_instellingen(self)

    def action_synchroniseren(self) -> None:
        """Send the cases to the municipality's zaaksysteem (f5; screens.synchronisatie)."""
        from screens.synchronisatie import open_synchronisatie

        open_synchronisatie(self)

    def _na_slot(self, _ok: bool | None) -> None:
        self.vergrendeld = False
        self._laatste = time.monotonic()

    # --- the case list ----------------------------------------------------------------------------------
    @work(thread=True, group="lijst")
    def laad_lijst(self, start: bool = False, gelezen: bool = False) -> None:
        """Read the index and show it (unless ``gelezen``); at start also the new melding's draft, then preload the
        step screens."""
        if not gelezen:
            with self.slot:
                if self.opslag is None:  # closed meanwhile (quit right after unlocking)
                    return
                rijen = self.opslag.lijst()
            self.call_from_thread(self._toon_lijst, rijen)
        if not start:
            return
        if self.afsluiten_na_start:
            self.call_from_thread(lambda: self.call_after_refresh(self.exit, 0))
            return
        try:
            with self.slot:
                concept = self.opslag.laad_los_concept() if self.opslag is not None else None
        except SmiFout as exc:
            self._rij.na(self.notify, exc.melding, severity="error", timeout=10)
            concept = None
        if concept is not None:
            self._rij.na(setattr, self, "nieuw_concept", concept)
        self._voorladen()

    def _voorladen(self) -> None:
        """Import the step screens and load the regulations now, so the first case opens without waiting."""
        import importlib

        try:
            for naam in STAPMODULES:
                importlib.import_module(naam)
            self.register  # noqa: B018
            gc.freeze()  # modules, models and regulations live as long as the app
        except SmiFout as exc:
            self._rij.na(self.notify, exc.melding, severity="error", timeout=20)

    @work(thread=True, exclusive=True, group="bsn")
    def bsn_index(self) -> None:
        """BSNs of cases whose index row has none (written by an older version): read from the dossiers once."""
        zonder = [r.zaaknummer for r in self.rijen if not getattr(r, "bsns", ()) and r.zaaknummer not in self.bsns]
        if not zonder:
            return
        bsns: dict[str, str] = {}
        for zn in zonder:
            try:
                with self.slot:
                    z = self.opslag.laad(zn)
            except SmiFout:
                continue
            m = z.get("melding") or {}
            bsns[zn] = " ".join(p.get("bsn") or "" for p in [*m.get("ouders", []), *m.get("kinderen", [])])
        self.call_from_thread(self._toon_bsns, bsns)

    def _toon_bsns(self, bsns: dict[str, str]) -> None:
        self.bsns.update(bsns)
        if self.werkvoorraad is not None and self.werkvoorraad.is_mounted:
            self.werkvoorraad.toon(self.rijen, self.bsns)

    def _toon_lijst(self, rijen: list[Any], _bsns: Any = None) -> None:
        self.rijen = rijen
        self.lijst_gelezen = True
        if self.werkvoorraad is not None and self.werkvoorraad.is_mounted:
            self.werkvoorraad.toon(rijen, self.bsns)

    # --- the save thread --------------------------------------------------------------------------------
    def on_na_bewaren(self, bericht: NaBewaren) -> None:
        bericht.functie(*bericht.args)

    def _wacht_op_bewaren(self) -> None:
        """Wait until the save thread has done every job given so far."""
        self._rij.wacht()

    # --- Dutch in place of Textual's English ------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """None: the palette offers the app's Dutch commands only (:class:`screens.palet.ZaakCommando`)."""
        return ()

    def action_command_palette(self) -> None:
        """The command palette (ctrl+p) with a Dutch placeholder."""
        # Textual types is_open's argument as App[object]; App is invariant in its result type and this is App[int]
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=PALET_TEKST, id="--command-palette"))

    def action_help_quit(self) -> None:
        """Ctrl+C quits nothing (in a field it copies): say how to quit, in Dutch."""
        self.notify("Afsluiten doet u met Ctrl+Q; uw invoer wordt dan eerst bewaard.", title="Wilt u afsluiten?")

    def action_hulp(self) -> None:
        """The help page of the current screen (f1): what it is for, the regulation's article, the keys."""
        from screens.hulp import HulpScherm

        if not isinstance(self.screen, HulpScherm):
            self.push_screen(HulpScherm(self.screen))

    # --- actions ----------------------------------------------------------------------------------------
    def action_nieuwe_zaak(self) -> None:
        """Start a new melding (ctrl+n); a draft kept from before comes back."""
        if self.opslag is None:
            return
        from smi_tui.zaak import Stap

        self._bewaar_concept_van_scherm()
        self._naar_werkvoorraad()
        self._nieuwe_sessie(None)
        self.zaak, self.zaaknummer = None, None
        self._toon_stap(Stap.MELDING, self.nieuw_concept)

    def gooi_nieuw_concept_weg(self) -> None:
        """Throw away the new melding's draft (asked on its screen) and go back to the werkvoorraad."""
        self.nieuw_concept = None
        self._naar_werkvoorraad()
        self._nieuwe_sessie(None)  # a save job of the old screen's session stores nothing any more
        self._rij.in_rij(self._taak_concept_weg)
        self.notify("Het concept van de nieuwe melding is weggegooid.")

    def _taak_concept_weg(self) -> None:
        try:
            with self.slot:
                if self.opslag is not None:
                    self.opslag.bewaar_los_concept(None)
        except SmiFout as exc:
            self._rij.na(self.notify, f"Het concept is niet weggegooid: {exc.melding}", severity="error", timeout=20)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dossier":  # only with an open case (and not on the dossier itself)
            return self.zaak is not None and getattr(self.screen, "STAP", None) not in (None, self._afgerond())
        if action == "samenvatting":  # from a step or the dossier of a stored case
            return self.zaak is not None and self.zaaknummer is not None and hasattr(self.screen, "STAP")
        if action == "documenten":  # from a step or the dossier of an open case
            return self.zaak is not None and getattr(self.screen, "STAP", None) is not None
        return True

    @staticmethod
    def _afgerond() -> Stap:
        from smi_tui.zaak import Stap

        return Stap.AFGEROND

    def action_dossier(self) -> None:
        """The open case's deadlines and records (f2): aanvulling vragen, verdagen, and after the decision
        evaluations, extension, revision. The step's draft is kept."""
        if self.zaak is None:
            return
        self._bewaar_concept_van_scherm()
        self._toon_stap(self._afgerond())

    def action_samenvatting(self) -> None:
        """The open case on one page, read-only and printable as an internal note (f4)."""
        from screens.samenvatting import open_samenvatting

        open_samenvatting(self)

    def action_documenten(self) -> None:
        """The open case's letters and received documents (f6): view, print again, attach a scan."""
        from screens.documenten import open_documenten

        open_documenten(self)

    def action_werkvoorraad(self) -> None:
        """Back to the werkvoorraad (a step's draft is kept)."""
        self._bewaar_concept_van_scherm()
        self._naar_werkvoorraad()

    # --- closing ----------------------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save the current draft, close the store, quit (ctrl+q)."""
        self.sluit(concept=True)
        self.exit(0)

    def sluit(self, *, concept: bool = False, tijd: float = 30) -> None:
        """Keep the current step's draft (with ``concept``), let the save thread finish (at most ``tijd`` seconds)
        and release the store."""
        ruim_kopieen_op()
        if self.opslag is None:
            return
        if concept:
            self._bewaar_concept_van_scherm()
        self._rij.stop(tijd)
        if not self.slot.acquire(timeout=tijd):
            return  # held by the code a signal interrupted (see Concepten.noodstop): the next start takes the lock over
        try:
            if self.opslag is not None:
                self.opslag.sluit()
        finally:
            self.opslag = None
            self.slot.release()


def start_app(args: Any = None) -> int:
    """Run the TUI (``smi-tui`` without a subcommand); returns the exit code."""
    # The modules imported so far (Textual, Rich, cryptography, this package) live as long as the process: move
    # their objects out of the collector's reach, so its full collections while the screens and the 1,000-row case
    # list are built do not walk them again and again (measured: about a sixth of the start-up).
    gc.freeze()
    scrypt = os.environ.get("SMI_TUI_SCRYPT_N")  # tests only, see storage/README.md
    app = SmiApp(
        scrypt_n=int(scrypt) if scrypt else None, afsluiten_na_start=os.environ.get("SMI_TUI_BENCH_AFSLUITEN") == "1"
    )
    noodstop.installeer(app)
    try:
        code = app.run(headless=app.afsluiten_na_start)  # the benchmark measures start-up without a terminal
    finally:
        app.sluit()
    return int(code or 0)
