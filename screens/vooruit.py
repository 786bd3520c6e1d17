"""Building the open case's step screens ahead, off-stage, while the consulent reads or types.

Speed (issue 5): the step screens of the open case are kept (installed) while the case is open, so going back and
forth switches screens instead of building them again; the neighbouring steps of the shown one are built ahead once
its form is complete, and when a changed form would change the structure of the next step (another regulation,
another child) that step is built ahead from it. Textual's private parts this needs are in
:mod:`screens.textual_intern`.
"""

from __future__ import annotations

import asyncio
import functools
import gc
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from screens import textual_intern
from screens.apptypen import AppBasis
from screens.sessie import scherm_klasse
from smi_tui.fouten import SmiFout

if TYPE_CHECKING:
    from smi_tui.zaak import Stap, Zaak

OPRUIMEN_NA = 0.2
"""Seconds before a forgotten screen that was built ahead is removed (its hundreds of widgets stop one by one;
meanwhile the next step is shown and painted)."""
VOORUIT_NA = 0.25
"""Seconds after a check of a changed form before the next step is built ahead for it (see ``stap_gecontroleerd``):
a consulent who keeps typing or choosing does not set off a build per key."""


def _werk_bij(scherm: Screen[Any]) -> None:
    """Let a kept or built-ahead step show the case's new data from earlier steps. One that is not composed yet
    (its build started a moment ago) needs nothing: composing reads the case it now holds."""
    if getattr(scherm, "samengesteld", True):
        scherm.werk_bij()  # type: ignore[attr-defined]  # a step screen's method; _schermen holds them typed as Screen


class Vooruit(AppBasis):
    """Part of :class:`screens.app.SmiApp`: the kept step screens (``_schermen``) and those built ahead for a changed
    form (``_vooraf``)."""

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

        if not scherm.is_active or self.zaak is None or self.vergrendeld:  # (not self.screen: may be closing)
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
        while it waits, painting it into its widgets' line caches (:mod:`screens.textual_intern`). When it is shown
        Textual only composes its cached lines (a widget that changed meanwhile marked its lines dirty and renders
        them again, as always)."""
        textual_intern.registreer(self, scherm)
        while not scherm.is_mounted:
            await asyncio.sleep(0.01)
            if not self._bewaard_scherm(scherm):
                return

        def weg() -> bool:
            return not scherm.is_running or not self._bewaard_scherm(scherm) or scherm in self.screen_stack

        while not weg():
            # while it waits off-stage, lay it out whenever it asks (its footer, for one, is composed late)
            if textual_intern.wil_layout(scherm, self.size):
                await asyncio.sleep(0.02)  # let the widgets that asked finish mounting
                if weg():
                    return
                textual_intern.leg_uit_buiten_beeld(scherm, self.size)
            await asyncio.sleep(0.05)

    def _bewaard_scherm(self, scherm: Screen[Any]) -> bool:
        return scherm in self._schermen.values() or scherm in self._vooraf.values()

    def _doel(self, stap: Stap, zaak: Zaak) -> Stap:
        """The step shown after completing ``stap`` with the result ``zaak``."""
        from screens.stap import VOLGORDE
        from smi_tui.zaak import Stap

        volgende = zaak.stap if zaak.stap in VOLGORDE else Stap.BESLUIT
        doel = VOLGORDE[min(VOLGORDE.index(stap) + 1, len(VOLGORDE) - 1)]
        return volgende if VOLGORDE.index(volgende) < VOLGORDE.index(doel) else doel

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
        klasse = scherm_klasse(doel)
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
        if vooraf is not None and vooraf.past_bij(zaak, regeling, concept):  # type: ignore[attr-defined]  # a step screen's method; _vooraf holds them typed as Screen
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
            if vooraf.past_bij(zaak, regeling, zaak.concepten.get(stap.value)):  # type: ignore[attr-defined]  # a step screen's method; _vooraf holds them typed as Screen
                del self._vooraf[stap]
                self._schermen[stap] = vooraf
                vooraf.zaak, vooraf.zaaknummer = zaak, self.zaaknummer  # type: ignore[attr-defined]  # a step screen's attributes; _vooraf holds them typed as Screen
                _werk_bij(vooraf)
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
                _werk_bij(scherm)
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
        return getattr(scherm_klasse(stap), "structuur", lambda *_: None)(self.zaak, regeling)

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
