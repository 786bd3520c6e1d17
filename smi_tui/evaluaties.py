"""Evaluation moments of a grant, on the dates the regulation sets, with the reports held.

Only Albrandswaard sets them: "Er wordt een casusregisseur aangesteld die tijdens de periode dat de tegemoetkoming
verleend wordt iedere 3 maanden evalueert op de voortgang van de vastgestelde doelen" (artikel 5 lid 5). The other
four regulations set no evaluation moments; for them the list is empty and :func:`geen_evaluatie` says so.
Moment ``n`` falls ``n x elke_maanden`` months after the start of the grant, as long as the grant runs (after
extensions and an early end, see :mod:`smi_tui.toekenning`); it is held when an ``Evaluatieverslag`` with
``nummer = n`` exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from smi_tui.berekening import Ontbreekt
from smi_tui.datums import plus_maanden
from smi_tui.fouten import SmiFout
from smi_tui.nazorg import Evaluatieverslag, geldend
from smi_tui.regeling import Regeling
from smi_tui.toekenning import is_toegekend, toekenning
from smi_tui.zaak import Zaak

BINNENKORT_DAGEN = 14
"""How many days ahead a moment counts as 'binnenkort' — a choice of the app for the werkvoorraad, no legal term."""


class EvaluatieStatus(StrEnum):
    GEPLAND = "gepland"
    BINNENKORT = "binnenkort"
    TE_LAAT = "te laat"
    GEHOUDEN = "gehouden"


@dataclass(frozen=True)
class Evaluatiemoment:
    """One evaluation: ``nummer`` (1, 2, ...; matches deadline ``evaluatie_<nummer>``), ``datum`` it is due,
    ``door`` whom (from the regulation), ``artikel``, and the ``verslag`` once held (else None)."""

    nummer: int
    datum: date
    door: str
    artikel: str
    verslag: Evaluatieverslag | None = None

    def status(self, vandaag: date, binnenkort_dagen: int = BINNENKORT_DAGEN) -> EvaluatieStatus:
        """gehouden (a report exists), te laat (due date passed), binnenkort (due within ``binnenkort_dagen``
        days), else gepland."""
        if self.verslag is not None:
            return EvaluatieStatus.GEHOUDEN
        if self.datum < vandaag:
            return EvaluatieStatus.TE_LAAT
        if self.datum <= vandaag + timedelta(days=binnenkort_dagen):
            return EvaluatieStatus.BINNENKORT
        return EvaluatieStatus.GEPLAND


def geen_evaluatie(regeling: Regeling) -> str | None:
    """A Dutch sentence when the regulation sets no evaluation moments, else None."""
    if regeling.evaluatie is None:
        return f"De {regeling.citeertitel} schrijft geen vaste evaluatiemomenten voor."
    return None


def evaluatiemomenten(zaak: Zaak, regeling: Regeling) -> list[Evaluatiemoment]:
    """The evaluation moments of the grant, in order; empty when the regulation sets none or nothing is granted
    (or the period cannot be calculated yet). A report whose number matches no moment (e.g. held after an early
    end) is listed as well, on the day it was held."""
    ev = regeling.evaluatie
    if ev is None or not is_toegekend(zaak):
        return []
    try:
        t = toekenning(zaak, regeling)
    except (Ontbreekt, SmiFout):
        return []
    verslagen = {e.nummer: e for e in geldend(zaak.evaluaties)}  # a withdrawn report: not held
    uit: list[Evaluatiemoment] = []
    n = 1
    while (d := plus_maanden(t.begin, ev.elke_maanden * n)) <= t.eind:
        uit.append(Evaluatiemoment(n, d, ev.door, ev.artikel, verslagen.pop(n, None)))
        n += 1
    for nr, e in sorted(verslagen.items()):
        uit.append(Evaluatiemoment(nr, e.gehouden_op, ev.door, ev.artikel, e))
    return uit
