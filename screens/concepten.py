"""Drafts: what is typed in a step is kept, encrypted, as that step's draft — also when the program is ended.

A step screen snapshots its form shortly after the last key (``StapScherm`` debounces, see ``BEWAAR_NA``) and posts
:class:`~screens.berichten.ConceptGewijzigd`; leaving a step, locking, F2 and quitting snapshot it too. The draft is
kept in ``Zaak.concepten`` (a brand-new melding's in the store's ``los concept``) and written on the save thread,
never on the keystroke path. A draft carries when it was made (``_bewaard``) and the field that had the cursor
(``_focus``), so that opening the case again shows the step that was worked on last, with the cursor there.
A closed terminal, a logout or shutdown (:mod:`screens.noodstop`) save the shown step's draft synchronously and
close the store before the process ends.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from screens.apptypen import AppBasis
from smi_tui.fouten import SmiFout

if TYPE_CHECKING:
    from screens.berichten import ConceptGewijzigd
    from smi_tui.zaak import Stap, Zaak

BEWAARD = "_bewaard"
"""Key in a draft: when it was made (ISO time, to the second)."""
FOCUS = "_focus"
"""Key in a draft: the id of the field that had the cursor."""
NOODSTOP_TIJD = 5.0
"""Seconds the save thread and the store get to finish when the process is being ended (terminal closed, logout)."""


def hervat_stap(zaak: Zaak) -> Stap:
    """The step to open ``zaak`` at: the step of its newest draft (the one worked on last, also when the consulent
    had gone back to an earlier step; the dossier when a record form was left open there), else the step it
    reached."""
    from screens.stap import VOLGORDE
    from smi_tui.zaak import Stap

    bereikt = VOLGORDE.index(zaak.stap) if zaak.stap in VOLGORDE else len(VOLGORDE)
    kandidaten = [
        (str(zaak.concepten[s.value].get(BEWAARD) or ""), s)
        for s in [*VOLGORDE[: bereikt + 1], Stap.AFGEROND]
        if s.value in zaak.concepten and zaak.concepten[s.value].get(BEWAARD)
    ]
    return max(kandidaten, key=lambda k: k[0])[1] if kandidaten else zaak.stap


class Concepten(AppBasis):
    """Part of :class:`screens.app.SmiApp`: saving the open case's drafts, and saving them when the process ends."""

    def _bewaar_concept_van_scherm(self) -> None:
        """Keep the shown form as its step's draft when the consulent leaves it (another step, the werkvoorraad,
        lock, quit) — unless it is as it opened or as last kept: a case merely opened and left is not changed."""
        scherm = self._stapscherm()
        if scherm is None:
            return
        gewijzigd = getattr(scherm, "concept_als_gewijzigd", None)  # a step's form; the dossier's has its own rule
        concept = gewijzigd() if gewijzigd is not None else scherm.concept_nu()
        if concept is not None:
            self._bewaar_concept(scherm.STAP, concept)

    def on_concept_gewijzigd(self, bericht: ConceptGewijzigd) -> None:
        """Autosave: the shown step's form changed and the consulent paused typing."""
        scherm = self._stapscherm()
        if self.opslag is None or scherm is None or bericht.stap != scherm.STAP:
            return  # left (and saved) or closed meanwhile
        self._bewaar_concept(bericht.stap, bericht.concept)

    def _bewaar_concept(self, stap: Stap, concept: dict[str, Any] | None) -> None:
        """Keep ``concept`` as the draft of ``stap`` (None: throw that draft away), on the save thread."""
        from smi_tui.zaak import Stap

        if concept is None:
            if self.zaak is not None and stap.value in self.zaak.concepten:
                self._zet_concepten({k: v for k, v in self.zaak.concepten.items() if k != stap.value})
            if self.zaak is not None:
                self._rij.in_rij(self._taak_concept, self._token, stap.value, None)
            return
        concept = {**concept, BEWAARD: datetime.now().isoformat(timespec="seconds")}
        if self.zaak is None:
            if stap == Stap.MELDING and self.zaaknummer is None:
                self.nieuw_concept = concept  # no case yet: the store keeps it as the new melding's draft
                self._rij.in_rij(self._taak_los_concept, self._token, concept)
            return
        from screens.stap import VOLGORDE
        from smi_tui.besluitregels import definitief

        if stap in VOLGORDE and definitief(self.zaak):
            return  # a read-only step (the decision is final): nothing can be typed there, so no draft to keep
        concepten = dict(self.zaak.concepten)
        concepten[stap.value] = concept
        self._zet_concepten(concepten)
        self._rij.in_rij(self._taak_concept, self._token, stap.value, concept)

    def _zet_concepten(self, concepten: dict[str, Any]) -> None:
        """The open case with these drafts, in the App and in every kept screen of it: a record or step saved from
        any of them carries the newest drafts (one saved from a screen holding older ones would undo them)."""
        if self.zaak is None:
            return
        self.zaak = self.zaak.model_copy(update={"concepten": concepten})
        for scherm in self._schermen.values():
            scherm.zaak = self.zaak  # type: ignore[attr-defined]  # every kept screen of the case has its zaak

    def _taak_los_concept(self, token: int, concept: dict[str, Any]) -> None:
        from smi_tui.zaak import Stap

        try:
            with self.slot:
                if token in self._nummers:
                    return  # the case was created meanwhile: its draft goes into the case
                self.opslag.bewaar_los_concept(concept)
        except SmiFout as exc:
            self._rij.na(self.notify, f"Concept niet bewaard: {exc.melding}", severity="error", timeout=30)
            return
        self._rij.na(self._concept_bewaard, token, Stap.MELDING, concept[BEWAARD])

    def _taak_concept(self, token: int, stap: str, concept: dict[str, Any] | None) -> None:
        """Put ``concept`` in the stored case as the draft of ``stap`` (None: remove that draft), changing nothing
        else of it: the case in
        memory may be a moment behind the store (completing the besluit makes its letters and marks the case as
        finished on this thread), and a draft must never undo that."""
        from smi_tui.zaak import Stap

        zaaknummer = self._nummers.get(token)
        if zaaknummer is None:
            return  # the case could not be created; its data is still on screen and in memory
        try:
            with self.slot:
                zaak = self.opslag.laad(zaaknummer)
                concepten = {k: v for k, v in (zaak.get("concepten") or {}).items() if k != stap}
                zaak["concepten"] = concepten if concept is None else {**concepten, stap: concept}
                self.opslag.bewaar(zaaknummer, zaak, consulent=self.consulent, stap=stap)
        except SmiFout as exc:
            self._rij.na(self.notify, f"Concept niet bewaard: {exc.melding}", severity="error", timeout=30)
            return
        if concept is not None:
            self._rij.na(self._concept_bewaard, token, Stap(stap), concept[BEWAARD])

    def _concept_bewaard(self, token: int, stap: Stap, tijd: str) -> None:
        """On the App's loop: the draft of ``stap`` made at ``tijd`` is in the store; its screen shows when."""
        scherm = self._schermen.get(stap) if token == self._token else None
        toon = getattr(scherm, "toon_bewaard", None)
        if toon is not None:
            toon(tijd)

    # --- the process is being ended -----------------------------------------------------------------------
    def noodstop(self) -> None:
        """The terminal was closed, or the session or the computer is ending (SIGHUP, SIGTERM, the Windows console's
        close event): save the shown step's draft and close the store now, synchronously — the process ends right
        after this returns. At most :data:`NOODSTOP_TIJD` seconds for the save thread and again for the store's
        lock (held, in the worst case, by the very code this interrupts: then the lock file stays, and the next
        start takes it over as the lock of a dead process)."""
        if self.opslag is None or self._noodstop:
            return
        self._noodstop = True
        # interrupted mid-change, the form may not be readable: the last autosave (at most a second old) stays
        with contextlib.suppress(Exception):
            self._op_ui_thread(self._bewaar_concept_van_scherm)
        self.sluit(tijd=NOODSTOP_TIJD)

    def _op_ui_thread(self, functie: Callable[[], None]) -> None:
        """Run ``functie`` on the App's thread and wait for it (at most :data:`NOODSTOP_TIJD` s). A signal handler
        already runs there; Windows calls its console handler on a thread of its own, and the form's widgets are
        read on the App's thread only."""
        if threading.current_thread() is threading.main_thread() or not self.is_running:
            functie()
            return
        klaar = threading.Event()

        def doe() -> None:
            try:
                functie()
            finally:
                klaar.set()

        self.call_later(doe)
        klaar.wait(NOODSTOP_TIJD)
