"""A step's side of autosave: notice changes cheaply, keep the form as a draft after a pause, show when it was
kept, and put the cursor back where it was (see :mod:`screens.concepten` for the App's side).

Per key only the time of the change is noted; one timer per pause (``BEWAAR_NA``) reads the form and posts
:class:`~screens.berichten.ConceptGewijzigd` when it differs from what was last handed over — so typing costs no
reading of the form and no saving, and a form filled in by the program (rows mounted later) is no change.
"""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from screens.apptypen import StapBasis
from screens.berichten import ConceptGewijzigd
from screens.concepten import BEWAARD, FOCUS
from screens.formulier import ruwe_waarde

BEWAAR_NA = 0.5
"""Seconds after the last change before the form is kept as the step's draft (the save itself takes milliseconds on
the save thread, so a draft is in the store well within a second of the last key)."""


def velden_van(concept: dict[str, Any]) -> dict[str, Any]:
    """A draft's fields, without what is kept about it (when, where the cursor was)."""
    return {k: v for k, v in concept.items() if not k.startswith("_")}


def _ingevuld(concept: dict[str, Any]) -> dict[str, Any]:
    """A draft's fields that hold something: an empty field and one not yet mounted (no value) are the same."""
    return {k: v for k, v in velden_van(concept).items() if v not in ("", None, False)}


def bewaard_tekst(tijd: str | None, vandaag: date | None = None) -> str:
    """'bewaard 14:03:12' for an ISO time of today, 'bewaard 28-11 14:03' for an earlier day; '' without."""
    if not tijd:
        return ""
    try:
        moment = datetime.fromisoformat(tijd)
    except ValueError:
        return ""
    if moment.date() == (vandaag or date.today()):
        return f"bewaard {moment:%H:%M:%S}"
    return f"bewaard {moment:%d-%m %H:%M}"  # short: the step bar must fit 80 columns


class StapConcept(StapBasis):
    """Part of :class:`screens.stap.StapScherm` (which provides the form: ``_invoer``, ``_paren``, ``concept``)."""

    def _begin_concept(self, concept: dict[str, Any] | None) -> None:
        self._balk_static: Static | None = None
        self._bewaar_timer: Any = None
        self._gewijzigd_op = 0.0
        self._laatst_concept: dict[str, Any] = {}  # the form as last handed over for a draft (or as it started)
        self._focus_wacht: str | None = None  # the draft's focused field, until it is mounted
        self._gezet: dict[str, Any] = {}  # field id -> the value the program put in (see _noteer_wijziging)
        self.bewaard_tekst = bewaard_tekst((concept or {}).get(BEWAARD))
        """'bewaard 14:03:12' once the form is in the store as a draft (shown beside the steps); '' before."""

    def _noteer_wijziging(self, veld: Widget | None) -> None:
        """``veld`` changed (called per key: only notes the time, and starts a timer when none runs). A value the
        program put in (a draft or the case's data, as rows are mounted) is no change of the consulent's."""
        if not getattr(self.app, "autosave", False):
            return
        if veld is not None and veld.id in self._gezet and self._gezet.pop(veld.id) == ruwe_waarde(veld):
            return
        self._gewijzigd_op = time.monotonic()
        if self._bewaar_timer is None:
            self._bewaar_timer = self.set_timer(BEWAAR_NA, self._bewaar_na_pauze)

    def _bewaar_na_pauze(self) -> None:
        rest = self._gewijzigd_op + BEWAAR_NA - time.monotonic()
        if rest > 0.01:  # changed again meanwhile: wait for the pause after that change
            self._bewaar_timer = self.set_timer(rest, self._bewaar_na_pauze)
            return
        self._bewaar_timer = None
        if not self.is_active:
            return  # left, locked or a dialog on top: the App kept the draft then
        vorig = self._laatst_concept
        concept = self.concept_nu()
        if velden_van(concept) != vorig:
            self.post_message(ConceptGewijzigd(self.STAP, concept))

    def _concept_afgehandeld(self) -> None:
        """The step was completed: the form as it is now is no draft to keep (it is the step's result). Only the
        pending autosave is stopped (the form is not read on this keystroke); a later change starts another."""
        if self._bewaar_timer is not None:
            self._bewaar_timer.stop()
            self._bewaar_timer = None

    def concept_als_gewijzigd(self) -> dict[str, Any] | None:
        """:meth:`concept_nu` when the form differs from how it opened or was last kept as a draft; None when it
        does not (a case merely opened and left stays unchanged: no draft, no audit entry, nothing to sync)."""
        vorig = self._laatst_concept
        concept = self.concept_nu()
        return None if _ingevuld(concept) == _ingevuld(vorig) else concept

    def concept_nu(self) -> dict[str, Any]:
        """The raw form (every row, mounted or not), for a draft, with the field that has the cursor."""
        concept = {w.id: ruw for w, ruw in self._paren() if w.id}
        self._laatst_concept = dict(concept)
        veld = self.focused
        if veld is not None and veld.id and veld.has_class("invoer"):
            concept[FOCUS] = veld.id
        return concept

    def toon_bewaard(self, tijd: str) -> None:
        """The draft made at ``tijd`` (ISO) is in the store (told by the App after the save thread wrote it): show
        when it was made."""
        tekst = bewaard_tekst(tijd)
        if tekst != self.bewaard_tekst:
            self.bewaard_tekst = tekst
            if self._balk_static is not None:
                self._balk_static.update(self._balk())

    def _focus_concept(self) -> bool:
        """Put the cursor in the field that had it when the draft was kept (True when done). A field further down
        the form than the first screenful is focused once it is mounted (:meth:`_focus_na_opbouw`)."""
        wid = (self.concept or {}).get(FOCUS)
        if not wid:
            return False
        veld = next((w for w in self._invoer() if w.id == wid), None)
        if veld is None or not veld.focusable:
            return False
        if not veld.is_mounted:
            self._focus_wacht = wid
            return False
        self._focus_wacht = None
        self.set_focus(veld, scroll_visible=self.is_active)
        _cursor_aan_eind(veld)
        return True

    def _focus_na_opbouw(self) -> None:
        """The whole form is mounted: the draft's field gets the cursor now, unless the consulent moved on."""
        if self._focus_wacht is None:
            return
        eerste = next((w for w in self._invoer() if w.is_mounted and w.focusable), None)
        if self.focused is None or self.focused is eerste:
            veld = next((w for w in self._invoer() if w.id == self._focus_wacht), None)
            if veld is not None and veld.focusable:
                self.call_after_refresh(self.set_focus, veld)
                self.call_after_refresh(_cursor_aan_eind, veld)
        self._focus_wacht = None


def _cursor_aan_eind(veld: Widget) -> None:
    """The cursor after the text of a field given back its focus from a draft, nothing selected: an Input selects
    all its text when focused, so the consulent's next key replaced what they had typed before the restart. Queued
    on the field itself, so it runs after the field's focus event."""
    if isinstance(veld, Input):
        veld.call_later(lambda: setattr(veld, "selection", Selection.cursor(len(veld.value))))
