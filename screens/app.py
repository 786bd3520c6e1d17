"""The App: unlock, werkvoorraad, the wizard's steps; the only place that talks to the store.

Screens hand over typed results (:mod:`screens.berichten`); the App saves them through :class:`storage.Opslag` on
one save thread that runs the jobs in order (so a draft never overtakes the step it belongs to, and a new case is
created before anything else of it is saved), makes and prints letters there too, keeps drafts in
``Zaak.concepten`` (a brand-new melding's draft in the store's ``los concept``) and locks itself after an idle time.

Speed (issue 5): this module imports no pydantic models and no regulations; they are loaded on a thread after the
werkvoorraad shows. The step screens of the open case are kept (installed) while the case is open, so going back
and forth switches screens instead of building them again; completing a step switches to the next one as soon as
it validates, and the save finishes on the save thread (a failed save is reported and the data stays on screen).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import itertools
import os
import queue
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from screens import brieven
from screens.ontgrendel import OntgrendelScherm
from screens.palet import ZaakCommando
from screens.vergrendeld import VergrendeldScherm
from screens.werkvoorraad import WerkvoorraadScherm
from smi_tui import config
from smi_tui.fouten import SmiFout

if TYPE_CHECKING:
    from screens.berichten import StapKlaar, StapVerlaten
    from screens.stap import StapScherm
    from smi_tui.register import Register
    from smi_tui.zaak import Stap, Zaak

STANDAARD_VERGRENDEL_MINUTEN = 10.0
OPRUIMEN_NA = 0.2
"""Seconds before a forgotten screen that was built ahead is removed (its hundreds of widgets stop one by one;
meanwhile the next step is shown and painted)."""
VOORUIT_NA = 0.25
"""Seconds after a check of a changed form before the next step is built ahead for it (see ``stap_gecontroleerd``):
a consulent who keeps typing or choosing does not set off a build per key."""
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


def _scherm_klasse(stap: Stap) -> type[Screen[Any]]:
    """The one place that picks the screen of a step."""
    from screens.besluit import BesluitScherm
    from screens.gesprek import GesprekScherm
    from screens.melding import MeldingScherm
    from screens.nazorg import NazorgScherm
    from screens.verslag import VerslagScherm
    from screens.voorliggend import VoorliggendScherm
    from smi_tui.zaak import Stap

    return {Stap.MELDING: MeldingScherm, Stap.GESPREK: GesprekScherm, Stap.VERSLAG: VerslagScherm,
            Stap.VOORLIGGEND: VoorliggendScherm, Stap.BESLUIT: BesluitScherm,
            Stap.AFGEROND: NazorgScherm}[stap]  # fmt: skip


def _inhoud(zaak: Zaak) -> dict[str, Any]:
    """What later steps are built from: the case without its step and drafts."""
    return zaak.model_dump(exclude={"stap", "concepten"})


class NaBewaren(Message):
    """From the save thread: run ``functie(*args)`` on the App's loop."""

    def __init__(self, functie: Callable[..., None], *args: Any) -> None:
        super().__init__()
        self.functie, self.args = functie, args


class SmiApp(App[int]):
    """The SMI wizard. ``vandaag`` is the clock for deadlines (tests freeze it); ``printer`` prints a PDF path."""

    CSS_PATH = "app.tcss"
    TITLE = "SMI-kinderopvang"
    COMMANDS = App.COMMANDS | {ZaakCommando}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Afsluiten", priority=True),
        Binding("ctrl+l", "vergrendel", "Vergrendelen", show=False),
        Binding("f2", "dossier", "Dossier/termijnen"),
        Binding("f3", "instellingen", "Instellingen"),  # not ctrl+e: in a field that is "end of line"
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
        self._taken: queue.Queue[Any] = queue.Queue()
        self._bewaarder: threading.Thread | None = None

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
        # switch_screen pops the replaced screen's result callback; Textual (8.2.8) gives a default screen none
        self._ontgrendel._push_result_callback(self, None)
        return self._ontgrendel

    def on_mount(self) -> None:
        self.set_interval(min(1.0, self.vergrendel_na / 4), self._let_op_stilte)

    def on_ontgrendel_scherm_ontgrendeld(self, bericht: OntgrendelScherm.Ontgrendeld) -> None:
        self.opslag = bericht.opslag
        self._bewaarder = threading.Thread(target=self._bewaar_lus, name="smi-bewaren", daemon=True)
        self._bewaarder.start()
        rijen = getattr(self._ontgrendel, "rijen", None)  # read by the unlock thread while this one was idle
        if rijen is not None:
            self._toon_lijst(rijen)
        self.werkvoorraad = WerkvoorraadScherm(self.vandaag)
        self.switch_screen(self.werkvoorraad)
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
        self._bewaar_concept_van_scherm()
        self.push_screen(VergrendeldScherm(self.map), self._na_slot)

    def action_instellingen(self) -> None:
        """Your name, function, team, phone and e-mail for the letters and the audit trail (f3)."""
        from screens.instellingen import open_instellingen

        if self.opslag is not None and not self.vergrendeld:
            open_instellingen(self)

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
            self._na(self.notify, exc.melding, severity="error", timeout=10)
            concept = None
        if concept is not None:
            self._na(setattr, self, "nieuw_concept", concept)
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
            self._na(self.notify, exc.melding, severity="error", timeout=20)

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
    def _bewaar_lus(self) -> None:
        while True:
            taak = self._taken.get()
            try:
                if taak is None:
                    return
                taak[0](*taak[1:])
            except Exception as exc:  # a job must never kill the thread; report it loudly
                self._na(self.notify, f"Bewaren mislukt: {exc}", severity="error", timeout=30)
            finally:
                self._taken.task_done()

    def _in_rij(self, functie: Callable[..., None], *args: Any) -> None:
        self._taken.put((functie, *args))

    def _na(self, functie: Callable[..., None], *args: Any, **kw: Any) -> None:
        """Run ``functie`` on the App's loop (from the save thread); dropped when the App has stopped."""
        with contextlib.suppress(RuntimeError):
            self.post_message(NaBewaren(functools.partial(functie, *args, **kw)))

    def on_na_bewaren(self, bericht: NaBewaren) -> None:
        bericht.functie(*bericht.args)

    def _wacht_op_bewaren(self) -> None:
        if self._bewaarder is not None and self._bewaarder.is_alive():
            self._taken.join()

    # --- opening cases and moving between steps -----------------------------------------------------------
    def _nieuwe_sessie(self, zaaknummer: str | None) -> None:
        self._vergeet_schermen()
        with self._andere_slot:
            self._andere = None
        self._token = next(self._tokens)
        if zaaknummer is not None:
            self._nummers[self._token] = zaaknummer

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dossier":  # only with an open case (and not on the dossier itself)
            return self.zaak is not None and getattr(self.screen, "STAP", None) not in (None, self._afgerond())
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

    def action_werkvoorraad(self) -> None:
        """Back to the werkvoorraad (a step's draft is kept)."""
        self._bewaar_concept_van_scherm()
        self._naar_werkvoorraad()

    def open_zaak(self, zaaknummer: str) -> None:
        """Open a case at its step (from the werkvoorraad or the palette)."""
        self._open_worker(zaaknummer)

    @work(thread=True, group="open")
    def _open_worker(self, zaaknummer: str) -> None:
        from smi_tui.zaak import Zaak

        try:
            with self.slot:
                data = self.opslag.laad(zaaknummer)
            zaak = Zaak.model_validate(data)
        except (SmiFout, ValueError) as exc:
            self.call_from_thread(self.notify, getattr(exc, "melding", str(exc)), severity="error")
            return
        context = None
        with contextlib.suppress(SmiFout):  # read again (and reported) when the besluit is built
            context = self._lees_andere(zaak, zaaknummer)  # here, on this thread: a case may open at its besluit
        self.call_from_thread(self._geopend, zaaknummer, zaak, context)

    def _geopend(self, zaaknummer: str, zaak: Zaak, context: Any = None) -> None:
        self._bewaar_concept_van_scherm()
        self._naar_werkvoorraad()
        self._nieuwe_sessie(zaaknummer)
        self.zaak, self.zaaknummer = zaak, zaaknummer
        with self._andere_slot:
            self._andere = context
        self._toon_stap(zaak.stap, zaak.concepten.get(zaak.stap.value))

    def _andere_zaken(self) -> list[tuple[str, Zaak]]:
        """The other stored cases the assessment of the open case needs (see :meth:`_lees_andere`), read once per
        open case and kept while what the read depends on stays the same: no other case changes while this one is
        open. They are read on a thread ahead (when the case opens, and by :meth:`lees_andere_zaken` after a step),
        so building the besluit does not wait for the store on the UI thread."""
        zaak, zaaknummer = self.zaak, self.zaaknummer  # one snapshot: the UI thread may replace them meanwhile
        if zaak is None or self.opslag is None:
            return []
        with self._andere_slot:
            if self._andere is not None and self._andere[0] == self._andere_sleutel(zaak, zaaknummer):
                return self._andere[1]
        context = self._lees_andere(zaak, zaaknummer)
        with self._andere_slot:
            self._andere = context
        return context[1]

    @staticmethod
    def _andere_sleutel(zaak: Zaak, zaaknummer: str | None) -> tuple[Any, ...]:
        """What reading the other cases depends on: the case itself, its regulation and date, the BSNs."""
        m = zaak.melding
        return zaaknummer, zaak.regeling, m.datum, frozenset(p.bsn for p in [*m.ouders, *m.kinderen] if p.bsn)

    def _lees_andere(self, zaak: Zaak, zaaknummer: str | None) -> tuple[tuple[Any, ...], list[tuple[str, Zaak]]]:
        """Read from the store the earlier decisions for the same parents (repeat applications) and, under a
        budget ceiling, the cases of the same regulation (which can be many dossiers to decrypt); with the key
        they were read for. The caller holds no lock; a case that does not validate is left out."""
        from smi_tui.regeling import ToetsBudgetplafond
        from smi_tui.zaak import Zaak

        regeling = self.register.voor(zaak.regeling, zaak.melding.datum)
        with self.slot:
            paren = self.opslag.context_voor(zaak.model_dump(mode="json"), zaaknummer,
                                             zelfde_regeling=regeling.toets(ToetsBudgetplafond) is not None)  # fmt: skip
        uit: list[tuple[str, Zaak]] = []
        for zn, data in paren:
            try:
                uit.append((zn, Zaak.model_validate(data)))
            except ValueError:
                continue
        return self._andere_sleutel(zaak, zaaknummer), uit

    @work(thread=True, group="context", exclusive=True)
    def lees_andere_zaken(self) -> None:
        """Read (or refresh) the open case's other cases on a thread, ahead of the besluit."""
        with contextlib.suppress(SmiFout):  # read again (and reported) when the besluit is built
            self._andere_zaken()

    def _stapscherm(self) -> StapScherm | None:
        """The open case's screen that is showing (below a lock or a dialog too), if any."""
        open_ = set(map(id, self._schermen.values()))
        return next((s for s in reversed(self.screen_stack) if id(s) in open_), None)  # type: ignore[return-value]

    def _maak_scherm(self, stap: Stap, concept: dict[str, Any] | None) -> Screen[Any] | None:
        """The (kept) screen of ``stap`` for the open case; built and installed when there is none yet."""
        scherm = self._schermen.get(stap)
        if scherm is not None:
            return scherm
        try:
            regeling = None
            if self.zaak is not None:
                regeling = self.register.voor(self.zaak.regeling, self.zaak.melding.datum)
            scherm = self._nieuw_scherm(stap, self.zaak, regeling, concept)
        except SmiFout as exc:
            self.notify(exc.melding, severity="error", timeout=10)
            return None
        self._schermen[stap] = scherm
        return scherm

    def _nieuw_scherm(
        self, stap: Stap, zaak: Zaak | None, regeling: Any, concept: dict[str, Any] | None
    ) -> Screen[Any]:
        """A new, installed screen of ``stap`` for ``zaak`` (raises SmiFout)."""
        klasse = _scherm_klasse(stap)
        kw: dict[str, Any] = {"zaaknummer": self.zaaknummer, "vandaag": self.vandaag()}
        if klasse.__name__ in ("MeldingScherm", "BesluitScherm"):
            kw["register"] = self.register
        if klasse.__name__ == "BesluitScherm":
            kw["andere_zaken"] = self._andere_zaken()
        scherm = klasse(zaak, regeling, concept, **kw)  # type: ignore[call-arg]
        self.install_screen(scherm, f"stap-{next(self._namen)}")
        return scherm

    def _toon_stap(self, stap: Stap, concept: dict[str, Any] | None = None) -> None:
        self._vergeet_vooraf()  # built for the step that is left now (a completed step took what fitted first)
        nieuw = stap not in self._schermen
        scherm = self._maak_scherm(stap, concept)
        if scherm is None:
            return
        if not nieuw:
            scherm.zaak, scherm.zaaknummer = self.zaak, self.zaaknummer  # type: ignore[attr-defined]
            if scherm.is_mounted:
                scherm.werk_kop_bij()  # type: ignore[attr-defined]
        if self._stapscherm() is self.screen:
            self.switch_screen(scherm)
        else:
            self.push_screen(scherm)

    def stap_opgebouwd(self, scherm: Screen[Any]) -> None:
        """A step's form is complete: build the steps before and after it ahead, off-stage, while the consulent
        reads or types (the first screenful of each; the rest follows when it is shown)."""
        gc.freeze()  # the open case's screens live on: keep the collector from walking them on every step change
        self.set_timer(0.05, functools.partial(self._bouw_buren, scherm))

    def _ruim_op(self) -> None:
        """Back on the werkvoorraad: let the collector free the closed case's screens, then freeze again."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    async def _bouw_buren(self, scherm: Screen[Any]) -> None:
        from screens.stap import VOLGORDE
        from smi_tui.zaak import Stap

        if scherm is not self.screen or self.zaak is None or self.vergrendeld:
            return
        stap = getattr(scherm, "STAP", None)
        if stap not in VOLGORDE:
            return
        i = VOLGORDE.index(stap)
        bereikt = VOLGORDE.index(self.zaak.stap if self.zaak.stap in VOLGORDE else Stap.BESLUIT)
        for j in (i - 1, i + 1):
            if 0 <= j <= bereikt and VOLGORDE[j] not in self._schermen:
                buur = self._maak_scherm(VOLGORDE[j], self.zaak.concepten.get(VOLGORDE[j].value))
                if buur is not None and not buur.is_running:
                    self.run_worker(self._bouw_vooruit(buur), group="vooruit")
                return  # one per turn: the other neighbour follows when this one is shown and complete

    async def _bouw_vooruit(self, scherm: Screen[Any]) -> None:
        """Compose, mount and lay out a screen that is not shown (Textual does this when a screen is pushed;
        here it happens while the consulent works on the current step), and lay it out again whenever it asks
        while it waits; after each layout its widgets render their lines into their caches. Uses Textual's private
        ``_register``, ``Screen._refresh_layout``, ``Screen._layout_required`` and ``Screen._compositor``
        (checked against Textual 8.2.8): a screen that is not current is neither laid out nor painted, and when it
        is shown its size is already right and no layout is pending, so Textual only composes its cached lines
        then (a widget that changed meanwhile marked its lines dirty and renders them again, as always)."""
        self._register(self, scherm)
        while not scherm.is_mounted:
            await asyncio.sleep(0.01)
            if not self._bewaard_scherm(scherm):
                return

        def weg() -> bool:
            return not scherm.is_running or not self._bewaard_scherm(scherm) or scherm in self.screen_stack

        while not weg():
            # while it waits off-stage, lay it out whenever it asks (its footer, for one, is composed late)
            if scherm._layout_required or scherm.outer_size != self.size:
                await asyncio.sleep(0.02)  # let the widgets that asked finish mounting
                if weg():
                    return
                scherm._refresh_layout(self.size)
                scherm._layout_required = False  # done just now (Textual clears it the same way after a layout)
                # and paint it into its widgets' line caches (not to the terminal): the first paint when it is
                # shown then composes cached lines (measured 4-8 ms instead of 15-29 ms for the gesprek)
                scherm._compositor.render_update(full=True, screen_stack=[])
            await asyncio.sleep(0.05)

    def _bewaard_scherm(self, scherm: Screen[Any]) -> bool:
        return scherm in self._schermen.values() or scherm in self._vooraf.values()

    # --- building the next step ahead for a changed form ----------------------------------------------------
    def _doel(self, stap: Stap, zaak: Zaak) -> Stap:
        """The step shown after completing ``stap`` with the result ``zaak``."""
        from screens.stap import VOLGORDE
        from smi_tui.zaak import Stap

        volgende = zaak.stap if zaak.stap in VOLGORDE else Stap.BESLUIT
        doel = VOLGORDE[min(VOLGORDE.index(stap) + 1, len(VOLGORDE) - 1)]
        return volgende if VOLGORDE.index(volgende) < VOLGORDE.index(doel) else doel

    def _met_consulent(self, zaak: Zaak) -> Zaak:
        from smi_tui.profiel import met_behandelaar  # the case keeps who handled it (issue 11)

        return met_behandelaar(zaak, self.consulent)

    def stap_gecontroleerd(self, scherm: Screen[Any], zaak: Zaak | None) -> None:
        """The shown step's form was changed and checked: ``zaak`` is what completing it now would save (None: not
        valid yet). When that would change the structure of the next step (another regulation, another child), that
        step is built ahead, off-stage, from this case (shortly after, unless the form changes again), so that
        completing the step shows it at once (``on_stap_klaar`` takes it only if it still fits exactly)."""
        if self._vooraf_timer is not None:
            self._vooraf_timer.stop()
            self._vooraf_timer = None
        if zaak is not None:
            self._vooraf_timer = self.set_timer(VOORUIT_NA, functools.partial(self._bouw_voor_wijziging, scherm, zaak))

    def _bouw_voor_wijziging(self, scherm: Screen[Any], zaak: Zaak) -> None:
        from screens.stap import VOLGORDE

        self._vooraf_timer = None
        stap = getattr(scherm, "STAP", None)
        # (is_active, not self.screen: the timer may fire while the App closes and its screen stack is empty)
        if not scherm.is_active or self.vergrendeld or stap not in VOLGORDE or not self._bewaard_scherm(scherm):
            return
        zaak = self._met_consulent(zaak)
        doel = self._doel(stap, zaak)
        if doel == stap:
            return
        try:
            regeling = self.register.voor(zaak.regeling, zaak.melding.datum)
        except SmiFout:
            return  # built when the step is completed, and shows why it cannot be
        klasse = _scherm_klasse(doel)
        sleutel = getattr(klasse, "structuur", lambda *_: None)(zaak, regeling)
        if sleutel is None:
            return  # a step without a structure (the besluit) depends on the whole case: built when it is shown
        bewaard = self._schermen.get(doel)
        if bewaard is not None and getattr(bewaard, "sleutel", None) == sleutel:
            self._vergeet_vooraf()  # the kept screen stays (changed back)
            return
        if bewaard is None and self.zaak is not None:
            return  # the App builds the neighbouring step ahead itself (``_bouw_buren``)
        concept = zaak.concepten.get(doel.value)
        vooraf = self._vooraf.get(doel)
        if vooraf is not None and vooraf.past_bij(zaak, regeling, concept):  # type: ignore[attr-defined]
            return
        self._vergeet_vooraf()
        try:
            nieuw = self._nieuw_scherm(doel, zaak, regeling, concept)
        except SmiFout:
            return
        self._vooraf[doel] = nieuw
        self.run_worker(self._bouw_vooruit(nieuw), group="vooruit")

    def _neem_vooraf(self, zaak: Zaak) -> None:
        """Completing the step gave ``zaak``: a screen built ahead for it that fits exactly takes the place of the
        kept one (forgotten by ``_herzie_schermen``); the others are dropped."""
        for stap, vooraf in list(self._vooraf.items()):
            if stap in self._schermen:
                continue
            try:
                regeling = self.register.voor(zaak.regeling, zaak.melding.datum)
            except SmiFout:
                continue
            if vooraf.past_bij(zaak, regeling, zaak.concepten.get(stap.value)):  # type: ignore[attr-defined]
                del self._vooraf[stap]
                self._schermen[stap] = vooraf
                vooraf.zaak, vooraf.zaaknummer = zaak, self.zaaknummer  # type: ignore[attr-defined]
                vooraf.werk_bij()  # type: ignore[attr-defined]
        self._vergeet_vooraf()

    def _vergeet_vooraf(self) -> None:
        if self._vooraf_timer is not None:
            self._vooraf_timer.stop()
            self._vooraf_timer = None
        for scherm in self._vooraf.values():
            self._weg_met(scherm)
        self._vooraf.clear()

    def _weg_met(self, scherm: Screen[Any]) -> None:
        self.uninstall_screen(scherm)
        if scherm.is_running:  # built ahead off-stage: stop it, after the next step has been shown
            self.set_timer(OPRUIMEN_NA, scherm.remove)

    def _herzie_schermen(self, na: Stap) -> None:
        """Step ``na`` changed the case: a kept later screen whose structure this did not change stays (with what
        the consulent entered there) and shows the new data from earlier steps; any other later screen is
        forgotten, to be built again from the new case."""
        from screens.stap import VOLGORDE

        weg: list[Stap] = []
        for stap, scherm in self._schermen.items():
            if VOLGORDE.index(stap if stap in VOLGORDE else VOLGORDE[-1]) <= VOLGORDE.index(na):
                continue
            sleutel = getattr(scherm, "sleutel", None)
            if sleutel is not None and sleutel == self._structuur(stap):
                scherm.werk_bij()  # type: ignore[attr-defined]
            else:
                weg.append(stap)
        self._vergeet_schermen(alleen=weg)

    def _structuur(self, stap: Stap) -> Any:
        """What a screen of ``stap`` for the open case would be built from now (see ``StapScherm.structuur``)."""
        if self.zaak is None:
            return None
        try:
            regeling = self.register.voor(self.zaak.regeling, self.zaak.melding.datum)
        except SmiFout:
            return None  # built again, and the screen shows why it cannot be
        return getattr(_scherm_klasse(stap), "structuur", lambda *_: None)(self.zaak, regeling)

    def _vergeet_schermen(self, alleen: list[Stap] | None = None) -> None:
        """Forget the open case's kept screens (those of the steps ``alleen``, or all)."""
        for stap, scherm in list(self._schermen.items()):
            if alleen is not None and stap not in alleen:
                continue
            if scherm in self.screen_stack:
                continue
            del self._schermen[stap]
            self._weg_met(scherm)
        if alleen is None:
            self._vergeet_vooraf()

    def _naar_werkvoorraad(self) -> None:
        gesloten = bool(self._schermen)
        while self._stapscherm() is self.screen and self.screen is not self.werkvoorraad:
            self.pop_screen()
        self._vergeet_schermen()
        self.zaak, self.zaaknummer = None, None
        if gesloten:
            self.set_timer(0.3, self._ruim_op)

    # --- drafts -----------------------------------------------------------------------------------------
    def _bewaar_concept_van_scherm(self) -> None:
        scherm = self._stapscherm()
        concept = scherm.concept_nu() if scherm is not None else None
        if scherm is not None and concept is not None:  # the dossier screen has no draft
            self._bewaar_concept(scherm.STAP, concept)

    def _bewaar_concept(self, stap: Stap, concept: dict[str, Any]) -> None:
        from smi_tui.zaak import Stap

        if self.zaak is None:
            if stap == Stap.MELDING and self.zaaknummer is None:
                self.nieuw_concept = concept  # no case yet: the store keeps it as the new melding's draft
                self._in_rij(self._taak_los_concept, self._token, concept)
            return
        concepten = dict(self.zaak.concepten)
        concepten[stap.value] = concept
        self.zaak = self.zaak.model_copy(update={"concepten": concepten})
        self._in_rij(self._taak_concept, self._token, self.zaak, stap.value)

    def _taak_los_concept(self, token: int, concept: dict[str, Any]) -> None:
        try:
            with self.slot:
                if token not in self._nummers:
                    self.opslag.bewaar_los_concept(concept)
        except SmiFout as exc:
            self._na(self.notify, f"Concept niet bewaard: {exc.melding}", severity="error", timeout=30)

    def _taak_concept(self, token: int, zaak: Zaak, stap: str) -> None:
        zaaknummer = self._nummers.get(token)
        if zaaknummer is None:
            return  # the case could not be created; its data is still on screen and in memory
        from smi_tui.besluitregels import weiger_wijziging

        try:
            with self.slot:
                weiger_wijziging(self.opslag.laad(zaaknummer), zaak)  # a final decision holds (BesluitVast)
                self.opslag.bewaar(zaaknummer, self._met_nummer(zaak, zaaknummer), consulent=self.consulent, stap=stap)
        except SmiFout as exc:
            self._na(self.notify, f"Concept niet bewaard: {exc.melding}", severity="error", timeout=30)

    @staticmethod
    def _met_nummer(zaak: Zaak, zaaknummer: str) -> Zaak:
        return zaak if zaak.zaaknummer == zaaknummer else zaak.model_copy(update={"zaaknummer": zaaknummer})

    def on_stap_verlaten(self, bericht: StapVerlaten) -> None:
        from screens.stap import VOLGORDE
        from smi_tui.zaak import Stap

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
        """Save on the save thread; with ``volgende`` show the next step at once."""
        from smi_tui.besluitregels import wijziging_geweigerd
        from smi_tui.zaak import Stap

        zaak = self._met_consulent(bericht.zaak)
        if (geweigerd := wijziging_geweigerd(self.zaak, zaak)) is not None:  # the screens refuse it first
            self.notify(geweigerd, title="Niet bewaard", severity="error", timeout=30)
            return
        if bericht.stap == Stap.MELDING and self.zaaknummer is None:
            self.nieuw_concept = None
        oud, self.zaak = self.zaak, zaak
        for scherm in self._schermen.values():
            scherm.zaak = zaak  # type: ignore[attr-defined]
        self.lees_andere_zaken()  # again only when the parents' BSNs or the regulation changed
        self._in_rij(self._taak_klaar, self._token, zaak, bericht.stap, bericht.brieven, bericht.afronden, oud)
        if not bericht.volgende:
            return
        if oud is None or _inhoud(oud) != _inhoud(zaak):
            self._herzie_schermen(na=bericht.stap)  # later steps are built from what changed
        self._neem_vooraf(zaak)  # ... or were built ahead for it already
        doel = self._doel(bericht.stap, zaak)
        self._toon_stap(doel, zaak.concepten.get(doel.value))

    def _taak_klaar(self, token: int, zaak: Zaak, stap: Stap, soorten: tuple[str, ...], afronden: bool,
                    oud: Zaak | None = None) -> None:  # fmt: skip
        """Save a completed step or record. For a stored case its letters are made first, so a letter that cannot
        be made leaves the store as it was ("niet bewaard" is true); a letter that cannot be stored after the save
        puts the stored case back. A change to a final decision is refused (smi_tui.besluitregels). ``oud``: the
        open case before this one, restored on screen when nothing was stored (see :meth:`_niet_bewaard`)."""
        from smi_tui.besluitregels import weiger_wijziging

        meldingen: list[str] = []
        gestuurd, pdfs, vorig = zaak, None, None
        try:
            with self.slot:
                zaaknummer = self._nummers.get(token)
            if zaaknummer is not None and soorten:  # made first, outside the lock (ReportLab takes a while)
                zaak = self._met_nummer(zaak, zaaknummer)
                pdfs = self._maak_brieven(zaak, soorten)
            with self.slot:
                if zaaknummer is None:
                    zaaknummer = self.opslag.nieuwe_zaak(zaak, consulent=self.consulent, stap=stap.value)
                    self._nummers[token] = zaaknummer
                    self.opslag.bewaar_los_concept(None)
                    zaak = self._met_nummer(zaak, zaaknummer)
                else:
                    zaak = self._met_nummer(zaak, zaaknummer)
                    vorig = self.opslag.laad(zaaknummer)
                    weiger_wijziging(vorig, zaak)  # a final decision holds (BesluitVast)
                    if not pdfs:
                        vorig = None
                    self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=stap.value)
            meldingen.append(f"{zaaknummer}: stap {stap.value} bewaard.")
            if soorten:
                try:
                    zaak = self._brieven(zaaknummer, zaak, pdfs or self._maak_brieven(zaak, soorten), afronden,
                                         meldingen)  # fmt: skip
                except Exception:
                    if vorig is not None:  # not kept without its letter: the store as before this save
                        with self.slot:
                            self.opslag.bewaar(zaaknummer, vorig, consulent=self.consulent, stap=stap.value)
                    raise
            with self.slot:
                rijen = self.opslag.lijst()
        except Exception as exc:  # the form waiting for this save must hear of any failure
            melding = exc.melding if isinstance(exc, SmiFout) else f"onverwachte fout ({type(exc).__name__})."
            self._na(self._niet_bewaard, token, stap, melding, gestuurd, oud)
            return
        self._na(self._bewaard, token, zaaknummer, zaak, rijen, meldingen)

    def _maak_brieven(self, zaak: Zaak, soorten: tuple[str, ...]) -> list[tuple[str, bytes]]:
        """The PDFs of ``soorten`` for ``zaak`` (raises SmiFout when one cannot be made)."""
        from smi_tui.beoordeling import beoordeel_zaak

        beoordeling = beoordeel_zaak(zaak, self.register, peildatum=self.vandaag(), andere_zaken=self._andere_zaken())
        import letters  # a refusal has no plan van aanpak: only the letters that belong to the case

        return [(soort, brieven.maak(soort, zaak, beoordeling)) for soort in letters.bij_zaak(soorten, zaak)]

    def _brieven(self, zaaknummer: str, zaak: Zaak, pdfs: list[tuple[str, bytes]], afronden: bool,
                 meldingen: list[str]) -> Zaak:  # fmt: skip
        from smi_tui.besluitregels import markeer
        from smi_tui.zaak import Stap

        nieuw = zaak
        for soort, pdf in pdfs:
            with self.slot:
                doc_id = self.opslag.voeg_document_toe(zaaknummer, f"{soort}-{zaaknummer}.pdf", soort, pdf,
                                                       consulent=self.consulent, vervangt=soort in brieven.NAMEN)  # fmt: skip
            naam = brieven.NAMEN.get(soort, soort)
            try:
                with self.slot, self.opslag.document_voor_afdruk(zaaknummer, doc_id, naam=f"{soort}.pdf") as pad:
                    meldingen.append(f"{naam} bewaard en {self.printer(pad)}.")
                self.afdrukken.append(soort)
                if soort == "beschikking":  # printed: from now on the decision holds (smi_tui.besluitregels)
                    nieuw = markeer(nieuw, afgedrukt_op=self.vandaag())
            except SmiFout as exc:
                meldingen.append(f"{naam} bewaard; {exc.melding}")
        if afronden:
            nieuw = nieuw.model_copy(update={"stap": Stap.AFGEROND})
        if nieuw != zaak:
            zaak = nieuw
            with self.slot:
                self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=Stap.AFGEROND.value)
        return zaak

    def _bewaard(self, token: int, zaaknummer: str, zaak: Zaak, rijen: list[Any], meldingen: list[str]) -> None:
        self._toon_lijst(rijen)
        for m in meldingen:
            self.notify(m)
        if token != self._token:
            return
        self.zaaknummer = zaaknummer
        if self.zaak is not None:
            from smi_tui.besluitregels import markeer

            b = zaak.besluit
            self.zaak = markeer(self.zaak.model_copy(update={"zaaknummer": zaaknummer, "stap": zaak.stap}),
                                afgedrukt_op=b and b.afgedrukt_op, verzonden_op=b and b.verzonden_op)  # fmt: skip
        for scherm in self._schermen.values():
            scherm.zaak, scherm.zaaknummer = self.zaak, zaaknummer  # type: ignore[attr-defined]
            if scherm.is_mounted:
                scherm.werk_kop_bij()  # type: ignore[attr-defined]

    def _niet_bewaard(self, token: int, stap: Stap, melding: str, zaak: Zaak | None = None,
                      oud: Zaak | None = None) -> None:  # fmt: skip
        dossier = self._schermen.get(self._afgerond())
        terug = getattr(dossier, "niet_bewaard", None)
        if token == self._token and zaak is not None and self.zaak is zaak and terug is not None and terug(melding):
            # a record of the dossier screen: nothing was stored, so the open case is as before (its form says why)
            self.zaak = oud
            for scherm in self._schermen.values():
                scherm.zaak = oud  # type: ignore[attr-defined]
            return
        self.notify(f"Stap {stap.value} is NIET bewaard: {melding} Uw invoer staat nog in de schermen; "
                    "ga terug (ctrl+b) en rond de stap opnieuw af (ctrl+s).", title="Bewaren mislukt",
                    severity="error", timeout=60)  # fmt: skip

    # --- closing ----------------------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save the current draft, close the store, quit (ctrl+q)."""
        self.sluit(concept=True)
        self.exit(0)

    def sluit(self, *, concept: bool = False) -> None:
        """Keep the current step's draft, wait for the save thread and release the store."""
        if self.opslag is None:
            return
        if concept:
            self._bewaar_concept_van_scherm()
        self._wacht_op_bewaren()
        if self._bewaarder is not None:
            self._taken.put(None)
            self._bewaarder.join(timeout=30)
            self._bewaarder = None
        with self.slot:
            self.opslag.sluit()
            self.opslag = None


def start_app(args: Any = None) -> int:
    """Run the TUI (``smi-tui`` without a subcommand); returns the exit code."""
    # The modules imported so far (Textual, Rich, cryptography, this package) live as long as the process: move
    # their objects out of the collector's reach, so its full collections while the screens and the 1,000-row case
    # list are built do not walk them again and again (measured: about a sixth of the start-up).
    gc.freeze()
    scrypt = os.environ.get("SMI_TUI_SCRYPT_N")  # tests only, see storage/README.md
    app = SmiApp(scrypt_n=int(scrypt) if scrypt else None,
                 afsluiten_na_start=os.environ.get("SMI_TUI_BENCH_AFSLUITEN") == "1")  # fmt: skip
    try:
        code = app.run(headless=app.afsluiten_na_start)  # the benchmark measures start-up without a terminal
    finally:
        app.sluit()
    return int(code or 0)
