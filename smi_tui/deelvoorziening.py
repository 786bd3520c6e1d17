"""Partial refusal: a voorliggende voorziening that covers part of the costs (an employer's contribution, another
fund) lowers the compensation by its amount per month, where the regulation refuses "helemaal of voor een deel"
(Eemnes art. 3.6 lid 1)."""

from __future__ import annotations

from dataclasses import dataclass

from smi_tui.regeling import Regeling, ToetsVoorliggend, Voorziening
from smi_tui.zaak import Zaak


@dataclass(frozen=True)
class Deel:
    """A voorziening that covers ``per_maand_cent`` of the costs each (full) month."""

    voorziening: Voorziening
    per_maand_cent: int


def bedrag(v: Voorziening, zaak: Zaak) -> int:
    """The amount per month the case gives for ``v`` (0 when none): the answer's, else the field ``v.bedrag``."""
    a = zaak.voorliggend.antwoorden.get(v.code) if zaak.voorliggend else None
    if a is not None and a.bedrag_per_maand_cent is not None:
        return a.bedrag_per_maand_cent
    if v.bedrag == "werkgeversbijdrage" and zaak.gesprek is not None:
        return zaak.gesprek.inkomen.werkgeversbijdrage_per_maand_cent
    return 0


def delen(zaak: Zaak, regeling: Regeling) -> list[Deel]:
    """Every voorziening the regulation lets refuse in part and that covers an amount per month in this case
    (not when it is answered 'niet beschikbaar')."""
    t = regeling.toets(ToetsVoorliggend)
    if not isinstance(t, ToetsVoorliggend):
        return []
    uit = []
    for v in t.voorzieningen:
        a = zaak.voorliggend.antwoorden.get(v.code) if zaak.voorliggend else None
        if v.deels and (a is None or a.beschikbaar is not False) and (n := bedrag(v, zaak)) > 0:
            uit.append(Deel(v, n))
    return uit
