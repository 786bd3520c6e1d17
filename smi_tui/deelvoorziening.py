"""Partial refusal: a voorliggende voorziening that covers part of the costs (an employer's contribution, another
fund) lowers the compensation by its amount per month, where the regulation refuses "helemaal of voor een deel"
(Eemnes art. 3.6 lid 1)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from smi_tui.datums import dagen_in_maand
from smi_tui.geld import euro, naar_centen
from smi_tui.regeling import Regeling, ToetsVoorliggend, Voorziening
from smi_tui.zaak import Zaak

if TYPE_CHECKING:
    from smi_tui.berekening import KindBerekening, Maandregel


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


def verlaag(kinderen: list[KindBerekening], deel: list[Deel]) -> None:
    """Partial refusal: each month's compensation is lowered by what a voorliggende voorziening covers per month —
    pro rata to the days of the month the grant covers (like the hours), rounded to cents once per month — taken
    from the first child first, never below zero."""
    if not deel:
        return
    per_maand: dict[tuple[int, int], list[Maandregel]] = {}
    for k in kinderen:
        for m in k.maanden:
            per_maand.setdefault((m.jaar, m.maand), []).append(m)
    for (jaar, maand), regels in per_maand.items():
        regels.sort(key=lambda m: not m.eerste_kind)
        deel_maand = Fraction(max(m.dagen for m in regels), dagen_in_maand(jaar, maand))
        for d in deel:
            rest = naar_centen(d.per_maand_cent * deel_maand)
            uitleg = (
                f"verlaagd met {euro(rest)}: {d.voorziening.omschrijving} dekt {euro(d.per_maand_cent)} per "
                f"maand ({d.voorziening.grond()})"
            )
            for m in regels:
                eraf = min(rest, m.tegemoetkoming_cent)
                if eraf:
                    m.tegemoetkoming_cent -= eraf
                    m.verlaagd_cent += eraf
                    m.toelichting.append(uitleg)
                rest -= eraf
