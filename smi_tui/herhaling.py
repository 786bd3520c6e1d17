"""Repeat applications: earlier decisions for the same parent, found by BSN among the stored cases.

Eemnes artikel 3.6 lid 2: "Het college wijst de aanvraag af als het om een herhaalde aanvraag gaat binnen 30
maanden na het vorige besluit en er geen nieuwe feiten of andere omstandigheden zijn." The check itself is the
``herhaalde_aanvraag`` check type (:func:`smi_tui.toetsen_aanvraag.herhaald`); this module supplies its input
(``voorliggend.vorig_smi_besluit_op``) from the store when the consulent did not enter it. "Het vorige besluit" is
taken as the latest decision (grant or refusal) of the same gemeente on an earlier case of either parent, dated on
or before the new application.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from smi_tui.zaak import Beslissing, Zaak


@dataclass(frozen=True)
class EerderBesluit:
    """An earlier case with a decision: ``zaaknummer``, decision ``datum``, ``beslissing``, ``gemeente`` (the
    case's regulation code) and the BSN(s) it shares with the new case."""

    zaaknummer: str
    datum: date
    beslissing: Beslissing
    gemeente: str
    gedeelde_bsn: tuple[str, ...]


def _bsns(zaak: Zaak) -> set[str]:
    return {o.bsn for o in zaak.melding.ouders if o.bsn}


def eerdere_besluiten(zaak: Zaak, zaken: Iterable[tuple[str, Zaak]]) -> list[EerderBesluit]:
    """Other cases (not ``zaak`` itself) with a decision that share a parent's BSN with ``zaak``, oldest first.
    A case without any parent BSN finds nothing (names alone are no proof of identity)."""
    eigen = _bsns(zaak)
    if not eigen:
        return []
    uit: list[EerderBesluit] = []
    for nummer, z in zaken:
        if z is zaak or (zaak.zaaknummer is not None and nummer == zaak.zaaknummer) or z.besluit is None:
            continue
        gedeeld = eigen & _bsns(z)
        if gedeeld:
            uit.append(EerderBesluit(nummer, z.besluit.datum, z.besluit.beslissing, z.regeling, tuple(sorted(gedeeld))))
    return sorted(uit, key=lambda e: (e.datum, e.zaaknummer))


def vorig_besluit(zaak: Zaak, zaken: Iterable[tuple[str, Zaak]], peildatum: date) -> EerderBesluit | None:
    """The latest earlier decision of the same gemeente dated on or before ``peildatum`` (the new application)."""
    kandidaten = [e for e in eerdere_besluiten(zaak, zaken) if e.gemeente == zaak.regeling and e.datum <= peildatum]
    return kandidaten[-1] if kandidaten else None
