"""What each wizard step hands over: the core's case parts, grouped per step, validated by pydantic.

These models add no rules; they only group the core's models (Melding, Gesprek, …) the way the forms do and put
the result into the whole case (``toepassen``), so the case-level checks of :class:`~smi_tui.zaak.Zaak` run too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field, model_validator

from smi_tui.basis import Model, Tekst
from smi_tui.opvang import Opvang
from smi_tui.zaak import Aanvraag, Besluit, BudgetStand, Gesprek, Melding, Stap, Stuk, Verslag, Voorliggend, Zaak

VOLGENDE = {Stap.MELDING: Stap.GESPREK, Stap.GESPREK: Stap.VERSLAG, Stap.VERSLAG: Stap.VOORLIGGEND,
            Stap.VOORLIGGEND: Stap.BESLUIT, Stap.BESLUIT: Stap.BESLUIT, Stap.AFGEROND: Stap.AFGEROND}  # fmt: skip
_RANG = {
    s: i
    for i, s in enumerate([Stap.MELDING, Stap.GESPREK, Stap.VERSLAG, Stap.VOORLIGGEND, Stap.BESLUIT, Stap.AFGEROND])
}


def verder(huidig: Stap, voltooid: Stap) -> Stap:
    """The case's step after completing ``voltooid``: never back to an earlier step when a step is revisited."""
    nieuw = VOLGENDE[voltooid]
    return nieuw if _RANG[nieuw] > _RANG[huidig] else huidig


def _zaak(zaak: Zaak | None, stap: Stap, **delen: Any) -> Zaak:
    basis: dict[str, Any] = zaak.model_dump() if zaak is not None else {}
    basis.update(delen)
    basis["stap"] = verder(zaak.stap if zaak is not None else Stap.MELDING, stap)
    concepten = dict(basis.get("concepten") or {})
    concepten.pop(stap.value, None)  # the step is complete: its draft is done with
    basis["concepten"] = concepten
    return Zaak.model_validate(basis)


class MeldingInvoer(Model):
    """Step 1: the regulation (by gemeente) and the melding."""

    regeling: Tekst
    melding: Melding

    def toepassen(self, zaak: Zaak | None) -> Zaak:
        melding = self.melding.model_dump()
        if zaak is not None:  # childcare is entered in the gesprek: keep it with the same child
            for i, kind in enumerate(melding["kinderen"]):
                if i < len(zaak.melding.kinderen) and (opvang := zaak.melding.kinderen[i].opvang) is not None:
                    kind["opvang"] = opvang.model_dump()
        return _zaak(zaak, Stap.MELDING, regeling=self.regeling, melding=melding)


class GesprekInvoer(Model):
    """Step 2: the gesprek and the childcare asked per child (key ``k<index>``)."""

    gesprek: Gesprek
    opvang: dict[str, Opvang] = Field(default_factory=dict)

    def toepassen(self, zaak: Zaak) -> Zaak:
        melding = zaak.melding.model_dump()
        for i, kind in enumerate(melding["kinderen"]):
            o = self.opvang.get(f"k{i}")
            kind["opvang"] = o.model_dump() if o is not None else None
        return _zaak(zaak, Stap.GESPREK, gesprek=self.gesprek.model_dump(), melding=melding)


class StukInvoer(Model):
    """A required document: ticked as received, with the date."""

    ontvangen: bool = False
    ontvangen_op: date | None = None

    @model_validator(mode="after")
    def _datum(self) -> StukInvoer:
        if self.ontvangen and self.ontvangen_op is None:
            raise ValueError("vul de datum in waarop het stuk is ontvangen")
        if self.ontvangen_op is not None and not self.ontvangen:
            raise ValueError("vink aan dat het stuk is ontvangen, of wis de datum")
        return self


class VerslagInvoer(Model):
    """Step 3: the verslag, the application dates and the documents received."""

    verslag: Verslag = Field(default_factory=Verslag)
    aanvraag: Aanvraag = Field(default_factory=Aanvraag)
    stukken: dict[str, StukInvoer] = Field(default_factory=dict)

    def toepassen(self, zaak: Zaak, codes: list[str]) -> Zaak:
        stukken = [s for s in zaak.aanvraag.stukken if s.code not in codes]
        oud = {s.code: s for s in zaak.aanvraag.stukken}
        for code in codes:
            s = self.stukken.get(code)
            if s is not None and s.ontvangen and s.ontvangen_op is not None:
                omschrijving = oud[code].omschrijving if code in oud else ""
                stukken.append(Stuk(code=code, ontvangen_op=s.ontvangen_op, omschrijving=omschrijving))
        aanvraag = self.aanvraag.model_dump() | {"stukken": [s.model_dump() for s in stukken]}
        return _zaak(zaak, Stap.VERSLAG, verslag=self.verslag.model_dump(), aanvraag=aanvraag)

    @staticmethod
    def uit_zaak(zaak: Zaak) -> dict[str, Any]:
        """Form data from a saved case."""
        data: dict[str, Any] = {"aanvraag": zaak.aanvraag.model_dump(mode="json", exclude={"stukken"})}
        if zaak.verslag is not None:
            data["verslag"] = zaak.verslag.model_dump(mode="json")
        data["stukken"] = {
            s.code: {"ontvangen": True, "ontvangen_op": s.ontvangen_op.isoformat()} for s in zaak.aanvraag.stukken
        }
        return data


class VoorliggendInvoer(Model):
    """Step 4: the checklist of schemes that come first, earlier-help facts and the remaining budget."""

    voorliggend: Voorliggend = Field(default_factory=Voorliggend)
    budget: BudgetStand | None = None

    def toepassen(self, zaak: Zaak) -> Zaak:
        budget = self.budget.model_dump() if self.budget is not None else None
        return _zaak(zaak, Stap.VOORLIGGEND, voorliggend=self.voorliggend.model_dump(), budget=budget)


class BesluitInvoer(Model):
    """Step 5: the consulent's decision."""

    besluit: Besluit

    def toepassen(self, zaak: Zaak) -> Zaak:
        return _zaak(zaak, Stap.BESLUIT, besluit=self.besluit.model_dump())
