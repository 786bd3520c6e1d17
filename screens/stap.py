"""The base of every wizard step: a scrolling form, live validation, drafts, and the step bindings.

A step screen never saves anything. It builds the whole case with its part filled in (``toepassen``), validates it
with the core's pydantic models, and posts :class:`~screens.berichten.StapKlaar` to the App; leaving a step posts
:class:`~screens.berichten.StapVerlaten` with the raw form as a draft.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable, Iterable
from datetime import date
from typing import Any, ClassVar

from pydantic import BaseModel
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from screens.berichten import StapKlaar, StapVerlaten
from screens.formulier import ruw_van_data, ruwe_waarde, zet_ruw
from screens.stapconcept import StapConcept, velden_van
from screens.stapcontrole import StapControle
from screens.textual_intern import ZuinigHervatten
from screens.velden import verzamel
from screens.voettekst import Voettekst
from smi_tui.besluitregels import definitief, waarom_vast
from smi_tui.regeling import Regeling
from smi_tui.zaak import Stap, Zaak

WACHTTIJD = 0.12
"""Seconds after the last key before the form is validated again."""
DEEL = 6
"""Form parts mounted per turn of the event loop after the first screenful (keys are handled in between)."""
_HOOGTE = {"rij": 3, "sectie-kop": 3, "vinkje": 3, "tekstvak-rij": 7, "groep": 24, "tabel": 12, "vraag": 2}
VOLGORDE = [Stap.MELDING, Stap.GESPREK, Stap.VERSLAG, Stap.VOORLIGGEND, Stap.BESLUIT]
NAMEN = {Stap.MELDING: "Melding", Stap.GESPREK: "Gesprek", Stap.VERSLAG: "Verslag",
         Stap.VOORLIGGEND: "Voorliggend", Stap.BESLUIT: "Besluit", Stap.AFGEROND: "Afgerond"}  # fmt: skip


def zet_tekst(static: Static, tekst: str) -> None:
    """Show ``tekst`` in ``static``, only when it differs (an update lays the whole screen out again)."""
    if str(static.content) != tekst:
        static.update(tekst)


def stappenbalk(huidig: Stap) -> str:
    """'Melding › [b]Gesprek[/] › …' with the current step highlighted."""
    return " › ".join(f"[b reverse] {NAMEN[s]} [/]" if s == huidig else NAMEN[s] for s in VOLGORDE)


class StapScherm(StapControle, StapConcept, ZuinigHervatten):
    """One wizard step. Subclasses set ``STAP`` and ``MODEL`` and implement ``velden``, ``startdata``,
    ``toepassen``.

    Only the first screenful of the form is mounted with the screen, so a step shows (and takes keys) at once; the
    rest is mounted in small parts right after the first refresh. Values, drafts and validation always cover the
    whole form: a row that is not mounted yet keeps its value in ``_ruw`` until it is."""

    STAP: ClassVar[Stap]
    MODEL: ClassVar[type[BaseModel]]
    AUTO_FOCUS = ".invoer"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "afronden", "Afronden", priority=True),
        Binding("ctrl+b", "vorige", "Vorige", priority=True),
        Binding("escape", "werkvoorraad", "Werkvoorraad"),
    ]

    def __init__(
        self,
        zaak: Zaak | None,
        regeling: Regeling | None,
        concept: dict[str, Any] | None = None,
        *,
        zaaknummer: str | None = None,
        vandaag: date | None = None,
    ) -> None:
        super().__init__(classes="stap")
        self.zaak, self.regeling, self.concept = zaak, regeling, concept
        self.zaaknummer = zaaknummer
        self.vandaag = vandaag or date.today()
        self.alles_tonen = False
        self._getoond: dict[str, str] = {}
        self._statics: dict[str, Static] = {}
        self._vondsten: dict[str, list[Widget]] = {}
        self._klaar = False
        self._timer: Any = None
        self._delen: list[Widget] = []
        self._wachtend: list[Widget] = []
        self._verzameld: list[Widget] = []
        self._ruw: dict[str, Any] = {}
        self.opgebouwd = False
        """True once the whole form is mounted."""
        self._klaar_event = asyncio.Event()
        self._stijl_bij_pauze: tuple[Any, ...] | None = None
        self._start_uitgesteld = False
        self._bouwt = False
        self._kop_static: Static | None = None
        self._start_data: dict[str, Any] | None = None
        self._begin_concept(concept)
        self.sleutel = self.structuur(zaak, regeling)
        """What this form was built from (see :meth:`structuur`)."""

    # --- to implement -------------------------------------------------------------------------------
    def velden(self) -> ComposeResult:
        """The form rows of this step."""
        raise NotImplementedError

    def startdata(self) -> dict[str, Any]:
        """The step model's data from the saved case (``model_dump(mode="json")`` shape); {} when new."""
        return {}

    def toepassen(self, model: Any) -> Zaak:
        """The whole case with this step's validated part filled in (raises ValidationError)."""
        raise NotImplementedError

    @classmethod
    def structuur(cls, zaak: Zaak | None, regeling: Regeling | None) -> Hashable | None:
        """What the form's rows (and the start values of rows not filled in yet) are built from, out of the case
        and its regulation. When an earlier step changed the case but not this, the App keeps a built screen of
        this step (its entered data as it is) and calls :meth:`werk_bij`; otherwise it builds the step again.
        ``None``: built again whenever the case changed."""
        return None

    @property
    def samengesteld(self) -> bool:
        """Whether the form was composed (built ahead, a screen may wait a moment before it is)."""
        return self._kop_static is not None

    def werk_bij(self) -> None:
        """Show what this step takes from earlier steps again, after ``self.zaak`` changed (the form's structure
        did not: see :meth:`structuur`). The base shows the header; subclasses add names and the like."""
        self.werk_kop_bij()

    def past_bij(self, zaak: Zaak, regeling: Regeling | None, concept: dict[str, Any] | None) -> bool:
        """Whether this screen, built ahead and not shown yet (nothing typed in it), is what the step would be built
        from ``zaak`` now: the same structure, the same draft, and (without a draft) the same start values. Then the
        App may show it after :meth:`werk_bij` instead of building the step again."""
        if self.sleutel is None or self.structuur(zaak, regeling) != self.sleutel or concept != self.concept:
            return False
        if self.concept or self._start_data is None:  # not composed yet: compose reads the current case
            return True
        oud, self.zaak = self.zaak, zaak
        try:
            return self.startdata() == self._start_data
        finally:
            self.zaak = oud

    def waarschuwingen(self, data: dict[str, Any]) -> dict[str, str]:
        """Warnings per path (not blocking), e.g. hours above the regulation's cap."""
        return {}

    def extra_fouten(self, zaak: Zaak) -> list[str] | dict[str, list[str]]:
        """Problems that block completion beyond the models (e.g. the besluit's checks): a list, or by field path
        (shown beside that field)."""
        return []

    # --- layout ---------------------------------------------------------------------------------------
    def _bouw(self) -> None:
        with verzamel() as verzameld:
            self._delen = list(self.velden())
        self._verzameld = verzameld
        invoer = [w for w in verzameld if w.has_class("invoer")]
        concept = None if self.alleen_lezen() else self.concept  # a final decision shows what it rests on
        self._start_data = None if concept else self.startdata()
        self._ruw = dict(concept) if concept else ruw_van_data(invoer, self._start_data or {})
        self._laatst_concept = velden_van(self._ruw)
        self._pas_slot_toe()

    def _eerste_scherm(self) -> int:
        """How many form parts fill the first screen (a little more than the terminal is high)."""
        hoogte = max(self.app.size.height, 24) + 6
        som = 0
        for i, deel in enumerate(self._delen):
            som += next((h for k, h in _HOOGTE.items() if deel.has_class(k)), 2)
            if som >= hoogte:
                return i + 1
        return len(self._delen)

    def compose(self) -> ComposeResult:
        self._bouw()
        n = self._eerste_scherm()
        self._wachtend = self._delen[n:]
        self._kop_static = Static(self._kop(), id="stap-kop")
        yield self._kop_static
        self._balk_static = Static(self._balk(), id="stappenbalk")
        yield self._balk_static
        samenvatting = Static("", id="stap-samenvatting")
        samenvatting.display = False
        yield samenvatting
        with VerticalScroll(id="formulier", can_focus=False):  # no invisible Tab stop after the last field
            yield from self._delen[:n]
        yield Static("", id="stap-fouten")
        yield Voettekst()

    def _kop(self) -> str:
        delen = [self.zaaknummer or "nieuwe zaak"]
        if self.zaak is not None:
            delen.append(self.zaak.aanvrager.naam)
        if self.regeling is not None:
            delen.append(self.regeling.gemeente)
        if self.alleen_lezen():  # first: a long name must not push it off a narrow terminal
            delen.insert(0, "[b reverse] alleen lezen [/]")
        return "  ·  ".join(delen)

    # --- a final decision -----------------------------------------------------------------------------
    def alleen_lezen(self) -> str | None:
        """Why this step cannot be changed (its case's decision is final, see ``smi_tui.besluitregels``), or None."""
        if self.STAP not in VOLGORDE or self.zaak is None or not definitief(self.zaak):
            return None
        return waarom_vast(self.zaak)

    def _pas_slot_toe(self) -> None:
        """Disable every input (mounted or not) while the decision is final."""
        vast = self.alleen_lezen() is not None
        for w in self._verzameld if not self.opgebouwd else self._invoer():
            if w.has_class("invoer") and w.disabled != vast:
                w.disabled = vast

    def werk_kop_bij(self) -> None:
        """Show the current zaaknummer and name (after the case was created or the melding changed); also while the
        screen is still being built off-stage (before it was composed, compose shows the current header)."""
        if self._kop_static is not None:
            zet_tekst(self._kop_static, self._kop())
        self._pas_slot_toe()  # the case may have become final (its beschikking printed or sent)

    def on_mount(self) -> None:
        self._vul_gemount()
        self.call_after_refresh(self._start)

    def _vul_gemount(self) -> None:
        """Put the kept values into the inputs that are mounted now."""
        for w in self._invoer():
            if w.is_mounted and w.id in self._ruw:
                zet_ruw(w, self._ruw.pop(w.id))
                self._gezet[w.id] = ruwe_waarde(w)  # its Changed event is no change of the consulent's
        self._statics = {}

    def _start(self) -> None:
        if self.app.screen is not self:
            # built ahead, off-stage: focus the first field now, so its footer is composed with the keys it shows
            # (the App lays the screen out off-stage, and showing it costs no layout); the rest of the form is
            # mounted when it is shown (a form mounted whole would make a screen shown early cost more to lay out)
            self._start_uitgesteld = True
            self._focus_eerste()
            return
        self._klaar = True
        self._focus_eerste()
        if self.opgebouwd:  # completed off-stage
            self._meld_opgebouwd()
        else:
            self._bouw_rest()

    def _focus_eerste(self) -> None:
        if self._focus_concept():  # (over Textual's AUTO_FOCUS, which took the first field)
            return
        if self.focused is None:
            velden = [w for w in self._invoer() if w.is_mounted and w.focusable]
            if velden:
                self.set_focus(velden[0], scroll_visible=False)
        if isinstance(self.focused, Input) and self.focused.value:
            # focused (by AUTO_FOCUS) before its value was put in: select it, so typing replaces a prefilled date
            # as it does after Tab, instead of appending to it
            self.focused.select_all()

    def _bouw_rest(self) -> None:
        if self._bouwt or self.opgebouwd:
            return
        self._bouwt = True
        self.run_worker(self._bouw_verder(), group="opbouw")

    async def _bouw_verder(self) -> None:
        formulier = self.query_one("#formulier")
        while self._wachtend:
            deel, self._wachtend = self._wachtend[:DEEL], self._wachtend[DEEL:]
            await formulier.mount_all(deel)
            self._vul_gemount()
        self._opgebouwd()

    def _opgebouwd(self) -> None:
        self._focus_na_opbouw()
        self.opgebouwd = True
        self._klaar_event.set()
        self._getoond.clear()  # messages of rows that were not mounted at the first check
        self.controleer()
        if self.app.screen is self:
            self._meld_opgebouwd()

    def _meld_opgebouwd(self) -> None:
        """Tell the App that this step shows complete (it builds the neighbouring steps ahead then)."""
        klaar = getattr(self.app, "stap_opgebouwd", None)
        if klaar is not None:
            klaar(self)

    async def wacht_op_opbouw(self) -> None:
        """Return once the whole form is mounted."""
        await self._klaar_event.wait()

    def _invoer(self) -> list[Widget]:
        """Every input of the form in order, mounted or not."""
        return self._gevonden(".invoer")

    def _groepen(self) -> list[Widget]:
        return self._gevonden(".groep-melding")

    def _gevonden(self, klasse: str) -> list[Widget]:
        if not self.opgebouwd:
            return [w for w in self._verzameld if w.has_class(klasse[1:])]
        lijst = self._vondsten.get(klasse)
        if lijst is None:  # a query walks the whole form (hundreds of widgets): once, until rows are added
            lijst = self._vondsten[klasse] = list(self.query(klasse))
        return lijst

    def vorm_gewijzigd(self) -> None:
        """Rows were mounted or removed after the form was complete (e.g. a child added): find them again."""
        self._vondsten.clear()
        self._statics = {}

    def _paren(self) -> Iterable[tuple[Widget, Any]]:
        for w in self._invoer():
            # a row mounted a moment ago gets its kept value right after mount_all returns; a key handled in between
            # (ctrl+g under load) must read the kept value, not the still empty field
            if w.is_mounted and (w.id or "") not in self._ruw:
                yield w, ruwe_waarde(w)
            else:
                yield w, self._ruw.get(w.id or "")

    # --- kept screens ------------------------------------------------------------------------------------
    def _stijlsleutel(self) -> tuple[Any, ...]:
        """What the styles of a kept screen depend on besides its own widgets."""
        app = self.app
        return app.theme, app.ansi_color, frozenset(app.classes), app.stylesheet

    def on_screen_suspend(self) -> None:
        self._stijl_bij_pauze = self._stijlsleutel()

    def stijl_ongewijzigd(self) -> bool:
        # a new step screen was styled when it was mounted a moment ago (never suspended); a kept one only needs
        # restyling when the theme or the App's classes changed while it was away
        return self._stijl_bij_pauze is None or self._stijl_bij_pauze == self._stijlsleutel()

    def na_hervatten(self) -> None:
        if self._start_uitgesteld:
            self._start_uitgesteld = False
            self.call_after_refresh(self._start)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _gewijzigd(self, bericht: Input.Changed | Select.Changed | Checkbox.Changed | TextArea.Changed) -> None:
        # validate shortly after typing stops: one check per pause, not per key
        if self._klaar:
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.set_timer(WACHTTIJD, self._controleer_na_wijziging)
            self._noteer_wijziging(bericht.control)

    def _balk(self) -> str:
        balk = stappenbalk(self.STAP)
        return f"{balk}   [i]{self.bewaard_tekst}[/]" if self.bewaard_tekst else balk

    def _controleer_na_wijziging(self) -> None:
        """Validate after the consulent changed the form, and tell the App what completing it now would give (it
        builds the next step ahead when that would change its structure: another regulation, another child)."""
        zaak = self.controleer()
        gecontroleerd = getattr(self.app, "stap_gecontroleerd", None)
        if gecontroleerd is not None and self.is_active:
            gecontroleerd(self, zaak)

    # --- actions --------------------------------------------------------------------------------------
    def geef_door(self, **kw: Any) -> bool:
        """Validate everything; post the result to the App. False (with messages) when invalid."""
        if (vast := self.alleen_lezen()) is not None:
            self.notify(vast, title="Niet bewaard", severity="warning", timeout=20)
            return False
        self.alles_tonen = True
        zaak = self.controleer()
        if zaak is None:
            self.toon_samenvatting()  # at the top, and the cursor to the first field to correct
            eerste = self.eerste_fout()
            if eerste is not None and eerste.is_mounted:
                eerste.focus()
                eerste.scroll_visible(animate=False)
            return False
        self.post_message(StapKlaar(self.STAP, zaak, **kw))
        self._concept_afgehandeld()
        return True

    def action_afronden(self) -> None:
        """Complete the step (ctrl+s)."""
        self.geef_door()

    def action_vorige(self) -> None:
        """Back to the previous step; the form is kept as a draft."""
        if self.STAP == Stap.MELDING:
            self.notify("Dit is de eerste stap.")
            return
        self.post_message(StapVerlaten(self.STAP, self.concept_als_gewijzigd(), "vorige"))

    def action_werkvoorraad(self) -> None:
        """Back to the case list; the form is kept as a draft."""
        self.post_message(StapVerlaten(self.STAP, self.concept_als_gewijzigd(), "werkvoorraad"))
