"""Step 4 — Voorliggende voorzieningen: the regulation's own checklist, earlier-help facts, remaining budget."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from screens.stap import StapScherm
from screens.stapmodellen import VoorliggendInvoer
from screens.velden import groepsmelding, janee, kop, veld
from smi_tui.geld import euro
from smi_tui.regeling import (
    Regeling,
    ToetsBudgetplafond,
    ToetsBuitenhuisproject,
    ToetsHerhaaldeAanvraag,
    ToetsVoorliggend,
)
from smi_tui.zaak import Stap, Zaak


class VoorliggendScherm(StapScherm):
    """The fourth step: each scheme that comes first answered (available and adequate: yes/no) with a note."""

    STAP = Stap.VOORLIGGEND
    MODEL = VoorliggendInvoer

    @classmethod
    def structuur(cls, zaak: Zaak | None, regeling: Regeling | None) -> Hashable | None:
        """The regulation (its checklist, earlier-help and budget rows) and, while no budget was entered, the
        melding's year (the budget year's start value)."""
        if zaak is None or regeling is None:
            return None
        return regeling.id, zaak.melding.datum.year if zaak.budget is None else None

    def velden(self) -> ComposeResult:
        r = self.regeling
        assert r is not None
        t = r.toets(ToetsVoorliggend)
        yield kop(f"Voorliggende voorzieningen ({t.artikel})" if t else "Voorliggende voorzieningen")
        if isinstance(t, ToetsVoorliggend):
            for v in t.voorzieningen:
                p = f"voorliggend.antwoorden.{v.code}"
                yield Static(f"{v.omschrijving} [dim]({v.artikel})[/]", classes="vraag")
                yield janee(f"{p}.beschikbaar", "Beschikbaar", hulp="beschikbaar én passend?")
                yield veld(f"{p}.toelichting", "Toelichting")
                if v.deels:  # the regulation refuses "helemaal of voor een deel": the part it covers per month
                    yield veld(f"{p}.bedrag_per_maand_cent", "Dekt per maand", "euro", hulp="leeg: de hele kosten")
                yield groepsmelding(p)
        herhaald = r.toets(ToetsHerhaaldeAanvraag)
        if isinstance(herhaald, ToetsHerhaaldeAanvraag):
            yield kop(f"Eerdere aanvraag ({herhaald.artikel}: {herhaald.maanden} maanden)")
            yield veld("voorliggend.vorig_smi_besluit_op", "Vorig SMI-besluit", "datum", hulp="leeg: geen")
            yield janee("voorliggend.nieuwe_feiten", "Nieuwe feiten")
        buiten = r.toets(ToetsBuitenhuisproject)
        if isinstance(buiten, ToetsBuitenhuisproject):
            yield kop(f"Buitenhuisproject ({buiten.artikel}: {buiten.maanden} maanden)")
            yield veld("voorliggend.buitenhuisproject_laatst_op", "Laatst betaald op", "datum", hulp="leeg: nooit")
        yield groepsmelding("voorliggend")
        budget = r.toets(ToetsBudgetplafond)
        if isinstance(budget, ToetsBudgetplafond):
            plafonds = ", ".join(f"{j}: {euro(c)}" for j, c in sorted(budget.plafond_cent.items()))
            yield kop(f"Budgetplafond ({budget.artikel}; {plafonds})")
            yield veld("budget.jaar", "Jaar", "geheel")
            yield veld("budget.resterend_cent", "Resterend budget", "euro")
            yield groepsmelding("budget")

    def startdata(self) -> dict[str, Any]:
        assert self.zaak is not None
        data: dict[str, Any] = {}
        if self.zaak.voorliggend is not None:
            data["voorliggend"] = self.zaak.voorliggend.model_dump(mode="json")
        if self.zaak.budget is not None:
            data["budget"] = self.zaak.budget.model_dump(mode="json")
        elif self.regeling is not None and self.regeling.toets(ToetsBudgetplafond) is not None:
            data["budget"] = {"jaar": self.zaak.melding.datum.year}
        return data

    def toepassen(self, model: VoorliggendInvoer) -> Zaak:
        assert self.zaak is not None
        return model.toepassen(self.zaak)
