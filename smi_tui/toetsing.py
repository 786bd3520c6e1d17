"""Toetsing: every condition, exclusion and refusal ground of a regulation, evaluated for a case.

Each check type of ``regeling.py`` has one function (in ``toetsen_doelgroep`` or ``toetsen_aanvraag``) that turns
the case into results: code, article, outcome (voldaan / niet voldaan / ontbreekt) and a Dutch explanation. A
result may concern one child (``kind``): a child that fails is left out, the others can still get a grant.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smi_tui import regeling as rg
from smi_tui import toetsen_aanvraag as a
from smi_tui import toetsen_doelgroep as d
from smi_tui.berekening import Berekening
from smi_tui.regeling import Regeling
from smi_tui.resultaat import Resultaat, Uitkomst
from smi_tui.zaak import Zaak

__all__ = ["Resultaat", "Uitkomst", "toets"]

TOETSEN: dict[type, Callable[[Any, Zaak, Regeling, Berekening | None], list[Resultaat]]] = {
    rg.ToetsWoonplaats: d.woonplaats,
    rg.ToetsGeenKinderopvangtoeslag: d.kot,
    rg.ToetsLeeftijd: d.leeftijd,
    rg.ToetsSchool: d.leeftijd,
    rg.ToetsGrondslag: d.grondslag,
    rg.ToetsAdvies: d.advies,
    rg.ToetsNetwerk: d.netwerk,
    rg.ToetsEigenKracht: d.eigen_kracht,
    rg.ToetsVoorliggend: a.voorliggend,
    rg.ToetsLrk: a.lrk,
    rg.ToetsPlanVanAanpak: a.plan,
    rg.ToetsMedewerking: a.medewerking,
    rg.ToetsOpvangInGemeente: a.in_gemeente,
    rg.ToetsNietVoorAanvraag: a.niet_voor_aanvraag,
    rg.ToetsOndertekendVerslag: a.verslag_getekend,
    rg.ToetsWerkendeOuders: d.werkende_ouders,
    rg.ToetsInkomensgrens: d.inkomensgrens,
    rg.ToetsHerhaaldeAanvraag: a.herhaald,
    rg.ToetsBuitenhuisproject: a.buitenhuis,
    rg.ToetsBudgetplafond: a.budget,
    rg.ToetsStukken: a.stukken,
    rg.ToetsBsn: a.bsn,
}


def toets(zaak: Zaak, regeling: Regeling, berekening: Berekening | None) -> list[Resultaat]:
    """Evaluate every check the regulation switches on, in the order of the regulation file."""
    uit: list[Resultaat] = []
    for t in regeling.toetsen:
        uit += TOETSEN[type(t)](t, zaak, regeling, berekening)
    return uit
