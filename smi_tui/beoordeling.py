"""Beoordeling: the toetsing, the berekening and the termijnen of one case, and the proposed outcome.

This is the single trace that feeds the besluit screen, the beschikking's motivation and ``smi-tui beoordeel``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Any

from smi_tui.berekening import Berekening, Ontbreekt, aanvraagdatum, bereken
from smi_tui.datums import nl_datum
from smi_tui.geld import uren
from smi_tui.herhaling import EerderBesluit
from smi_tui.ingang import resultaten as ingang_resultaten
from smi_tui.regeling import Regeling, ToetsBudgetplafond, ToetsHerhaaldeAanvraag, ToetsStukken
from smi_tui.register import Register
from smi_tui.termijnen import Termijn, bereken_termijnen
from smi_tui.toetsing import Resultaat, Uitkomst, toets
from smi_tui.zaak import BudgetStand, Voorliggend, Zaak


class Voorstel(StrEnum):
    TOEKENNEN = "toekennen"
    GEDEELTELIJK = "gedeeltelijk"
    AFWIJZEN = "afwijzen"
    ONVOLLEDIG = "onvolledig"


@dataclass
class Beoordeling:
    regeling: Regeling
    peildatum: date
    uitkomst: Voorstel
    toetsen: list[Resultaat]
    ontbrekend: list[str]
    berekening: Berekening | None
    termijnen: list[Termijn]
    uitbetalingsvoorwaarden: list[dict[str, Any]] = field(default_factory=list)
    budget: BudgetStand | None = None  # the remaining budget used (entered, or computed from the stored cases)
    vorig_besluit: EerderBesluit | None = None  # the earlier decision found in the store (repeat application)
    zaak: Zaak | None = None  # the case as assessed (for the outcome per child)

    @property
    def afwijzingsgronden(self) -> list[Resultaat]:
        return [r for r in self.toetsen if r.uitkomst == Uitkomst.NIET_VOLDAAN]

    def uitgesloten_kinderen(self) -> set[int]:
        return {r.kind for r in self.afwijzingsgronden if r.kind is not None}

    def per_kind(self) -> list[dict[str, Any]]:
        """The outcome per child with care, with its period and the articles behind it; the case's outcome sums
        these up (every child refused: afwijzen; some refused or limited: gedeeltelijk)."""
        zaak = self.zaak
        if zaak is None:
            return []
        ber = {k.index: k for k in self.berekening.kinderen} if self.berekening else {}
        zaakbreed = [r for r in self.toetsen if r.kind is None]
        uit = []
        for i, kind in enumerate(zaak.melding.kinderen):
            if kind.opvang is None:
                continue
            eigen = [r for r in self.toetsen if r.kind == i]
            k = ber.get(i)
            nee = [r for r in eigen if r.uitkomst == Uitkomst.NIET_VOLDAAN]
            beperkt = [r for r in eigen + zaakbreed if r.beperkt and r.uitkomst == Uitkomst.VOLDAAN]
            uitkomst: Voorstel
            if self.uitkomst in (Voorstel.AFWIJZEN, Voorstel.ONVOLLEDIG):
                uitkomst = self.uitkomst
            elif nee or (k is not None and k.uitgesloten):
                uitkomst = Voorstel.AFWIJZEN
            elif beperkt:
                uitkomst = Voorstel.GEDEELTELIJK
            else:
                uitkomst = Voorstel.TOEKENNEN
            zaak_nee = [r for r in zaakbreed if r.uitkomst == Uitkomst.NIET_VOLDAAN]
            gronden = nee + zaak_nee if uitkomst == Voorstel.AFWIJZEN else beperkt
            uit.append(
                {
                    "kind": i,
                    "naam": kind.naam,
                    "uitkomst": uitkomst.value,
                    "begin": k.begin.isoformat() if k is not None and uitkomst != Voorstel.AFWIJZEN else None,
                    "eind": k.eind.isoformat() if k is not None and uitkomst != Voorstel.AFWIJZEN else None,
                    "artikelen": list(dict.fromkeys(r.artikel for r in gronden)),
                }
            )
        return uit

    def naar_json(self) -> dict[str, Any]:
        return {
            "regeling": {
                "id": self.regeling.id,
                "gemeente": self.regeling.gemeente,
                "titel": self.regeling.titel,
                "citeertitel": self.regeling.citeertitel,
                "geldig_vanaf": self.regeling.geldig_vanaf.isoformat(),
                "geldig_tot": self.regeling.geldig_tot.isoformat() if self.regeling.geldig_tot else None,
                "geldig_vanaf_onzeker": self.regeling.geldig_vanaf_onzeker,
            },
            "peildatum": self.peildatum.isoformat(),
            "uitkomst": self.uitkomst.value,
            "per_kind": self.per_kind(),
            "toetsen": [r.naar_json() for r in self.toetsen],
            "ontbrekend": self.ontbrekend,
            "berekening": _berekening_json(self.berekening) if self.berekening else None,
            "termijnen": [
                {**t.naar_json(), "dagen_na_peildatum": (t.datum - self.peildatum).days if t.datum else None}
                for t in self.termijnen
            ],
            "uitbetalingsvoorwaarden": self.uitbetalingsvoorwaarden,
            "budget": self.budget.model_dump(mode="json") if self.budget else None,
            "vorig_besluit": (
                {
                    "zaaknummer": self.vorig_besluit.zaaknummer,
                    "datum": self.vorig_besluit.datum.isoformat(),
                    "beslissing": self.vorig_besluit.beslissing.value,
                }
                if self.vorig_besluit
                else None
            ),
            "aannames_regeling": list(self.regeling.aannames),
        }


def _uren(f: Fraction) -> float:
    return round(float(f), 2)


def _berekening_json(b: Berekening) -> dict[str, Any]:
    per_maand, eigen_per_maand = b.typische_maand()
    return {
        "methode": b.methode.value,
        "inkomen_cent": b.inkomen_cent,
        "inkomen_toelichting": b.inkomen_toelichting,
        "periode": {"begin": b.begin.isoformat(), "eind": b.eind.isoformat()},
        "kinderen": [
            {
                "kind": k.index,
                "naam": k.naam,
                "soort": k.opvang.soort.value,
                "aanbieder": k.opvang.aanbieder,
                "lrk_nummer": k.opvang.lrk_nummer,
                "begin": k.begin.isoformat(),
                "eind": k.eind.isoformat(),
                "uitgesloten": k.uitgesloten,
                "uren_gevraagd_per_maand": _uren(k.uren_gevraagd_per_maand),
                "uren_vergoed_per_maand": _uren(k.uren_vergoed_per_maand),
                "uurprijs_cent": k.uurprijs_cent,
                "vergoede_uurprijs_cent": k.vergoede_uurprijs_cent,
                "uurprijs_tabel": k.uurprijs_tabel,
                "beperkingen": [{"artikel": x.artikel, "omschrijving": x.omschrijving} for x in k.beperkingen],
                "maanden": [
                    {
                        "jaar": m.jaar,
                        "maand": m.maand,
                        "dagen": m.dagen,
                        "uren_gevraagd": _uren(m.uren_gevraagd),
                        "uren_vergoed": _uren(m.uren_vergoed),
                        "vergoede_uurprijs_cent": m.vergoede_uurprijs_cent,
                        "percentage": float(m.percentage),
                        "eerste_kind": m.eerste_kind,
                        "kosten_cent": m.kosten_cent,
                        "tegemoetkoming_cent": m.tegemoetkoming_cent,
                        "verlaagd_cent": m.verlaagd_cent,
                        "eigen_bijdrage_cent": m.eigen_bijdrage_cent,
                        "tabel": m.tabel,
                        "tabeljaar": m.tabeljaar,
                        "voorlopig": m.voorlopig,
                        "toelichting": m.toelichting,
                    }
                    for m in k.maanden
                ],
                "totaal_cent": k.totaal_cent,
            }
            for k in b.kinderen
        ],
        "tegemoetkoming_per_maand_cent": per_maand,
        "eigen_bijdrage_per_maand_cent": eigen_per_maand,
        "maanden": [
            {
                "jaar": m["jaar"],
                "maand": m["maand"],
                "tegemoetkoming_cent": m["tegemoetkoming_cent"],
                "eigen_bijdrage_cent": m["eigen_bijdrage_cent"],
                "tabeljaar": max(m["tabeljaar"]),
                "tabellen": m["tabellen"],
                "voorlopig": m["voorlopig"],
            }
            for m in b.maandtotalen()
        ],
        "totaal_cent": b.totaal_cent,
        "voorlopig": b.voorlopig,
    }


def beperkingen(b: Berekening, regeling: Regeling) -> list[Resultaat]:
    """Caps and period limits that make the grant smaller than asked, as results with their article."""
    uit = []
    for k in b.kinderen:
        for x in k.beperkingen:
            uit.append(
                Resultaat(
                    "urenmaximum",
                    x.artikel,
                    Uitkomst.VOLDAAN,
                    f"{k.naam}: gevraagd {uren(k.uren_gevraagd_per_maand)} uur per maand, vergoed "
                    f"{uren(k.uren_vergoed_per_maand)} uur ({x.omschrijving}).",
                    k.index,
                    True,
                )
            )
        gevraagd_eind = k.opvang.einddatum
        eind = b.eind_periode or b.eind  # an age or school limit has its own result (toetsen_doelgroep.leeftijd)
        if gevraagd_eind is not None and gevraagd_eind > eind:
            p = regeling.periode
            uit.append(
                Resultaat(
                    "periode",
                    p.artikel,
                    Uitkomst.VOLDAAN,
                    f"{k.naam}: opvang gevraagd tot {nl_datum(gevraagd_eind)}; de tegemoetkoming geldt "
                    f"ten hoogste {p.eerste_periode_maanden} maanden, tot en met {nl_datum(eind)}.",
                    k.index,
                    True,
                )
            )
    return uit


def beoordeel(zaak: Zaak, regeling: Regeling, peildatum: date | None = None) -> Beoordeling:
    """Assess ``zaak`` against ``regeling``: results, calculation, terms and the proposed outcome."""
    peildatum = peildatum or date.today()
    ontbrekend: list[str] = []
    berekening: Berekening | None = None
    try:
        berekening = bereken(zaak, regeling)
    except Ontbreekt as exc:
        ontbrekend += exc.wat
    resultaten = toets(zaak, regeling, berekening)
    if berekening is not None:
        resultaten += beperkingen(berekening, regeling)
        starts = {k.index: (k.naam, k.opvang.begindatum, k.begin) for k in berekening.kinderen if not k.uitgesloten}
        resultaten += ingang_resultaten(zaak, regeling, starts)
    ontbrekend = [r.toelichting for r in resultaten if r.uitkomst == Uitkomst.ONTBREEKT] + ontbrekend

    zaakniveau = [r for r in resultaten if r.uitkomst == Uitkomst.NIET_VOLDAAN and r.kind is None]
    uitgesloten = {r.kind for r in resultaten if r.uitkomst == Uitkomst.NIET_VOLDAAN and r.kind is not None}
    met_opvang = {i for i, k in enumerate(zaak.melding.kinderen) if k.opvang is not None}
    if berekening is not None:
        uitgesloten |= {k.index for k in berekening.kinderen if k.uitgesloten}
    if zaakniveau or (met_opvang and met_opvang <= uitgesloten):
        uitkomst = Voorstel.AFWIJZEN
    elif ontbrekend:
        uitkomst = Voorstel.ONVOLLEDIG
    elif uitgesloten or any(r.beperkt for r in resultaten):
        uitkomst = Voorstel.GEDEELTELIJK
    else:
        uitkomst = Voorstel.TOEKENNEN

    if uitkomst == Voorstel.AFWIJZEN:
        berekening = None  # nothing is granted: no amounts, so no letter or screen can show any
    if berekening is not None and uitgesloten:
        for k in berekening.kinderen:
            if k.index in uitgesloten:
                k.maanden.clear()
                k.uitgesloten = k.uitgesloten or "niet voldaan aan een voorwaarde (zie de toetsen)"

    begin = eind = None
    if berekening is not None and uitkomst in (Voorstel.TOEKENNEN, Voorstel.GEDEELTELIJK):
        begin, eind = berekening.begin, berekening.eind
    termijnen = bereken_termijnen(zaak, regeling, begin, eind)
    return Beoordeling(
        regeling,
        peildatum,
        uitkomst,
        resultaten,
        ontbrekend,
        berekening,
        termijnen,
        _uitbetaling(zaak, regeling),
        zaak=zaak,
    )


def _uitbetaling(zaak: Zaak, regeling: Regeling) -> list[dict[str, Any]]:
    t = regeling.toets(ToetsStukken)
    if not isinstance(t, ToetsStukken):
        return []
    ontvangen = {s.code: s.ontvangen_op for s in zaak.aanvraag.stukken}
    return [
        {
            "code": s.code,
            "omschrijving": s.omschrijving,
            "artikel": s.artikel,
            "ontvangen_op": ontvangen[s.code].isoformat() if s.code in ontvangen else None,
        }
        for s in t.stukken
        if s.nodig_voor == "uitbetaling"
    ]


def beoordeel_zaak(
    zaak: Zaak,
    register: Register | None = None,
    peildatum: date | None = None,
    *,
    andere_zaken: Sequence[tuple[str, Zaak]] = (),
    budgetplafond_cent: int | None = None,
) -> Beoordeling:
    """Pick the regulation version in force on the date of the melding and assess the case.

    ``andere_zaken`` — (zaaknummer, Zaak) of the other stored cases — supply what only the store knows, where the
    regulation has the check and the consulent did not enter it: the earlier decision for a repeat application
    (``voorliggend.vorig_smi_besluit_op``, :mod:`smi_tui.herhaling`) and the remaining budget under a ceiling
    (``budget``, :mod:`smi_tui.budget`; a budget computed earlier, i.e. with a ``toelichting``, is computed again).
    ``budgetplafond_cent`` overrides the configured ceiling. ``zaak`` itself is not changed: the values used are in
    ``Beoordeling.budget`` and ``Beoordeling.vorig_besluit``, for the screen to show or store.
    """
    register = register or Register.laad()
    regeling = register.voor(zaak.regeling, zaak.melding.datum)
    aanvulling: dict[str, Any] = {}
    vorig = None
    budget_melding = ""
    herhaling = isinstance(regeling.toets(ToetsHerhaaldeAanvraag), ToetsHerhaaldeAanvraag)
    if herhaling and andere_zaken and (zaak.voorliggend is None or zaak.voorliggend.vorig_smi_besluit_op is None):
        from smi_tui.herhaling import vorig_besluit

        vorig = vorig_besluit(zaak, andere_zaken, aanvraagdatum(zaak, regeling) or zaak.melding.datum)
        if vorig is not None:
            vl = zaak.voorliggend or Voorliggend()
            aanvulling["voorliggend"] = vl.model_copy(update={"vorig_smi_besluit_op": vorig.datum})
    berekend = zaak.budget is None or bool(zaak.budget.toelichting)
    heeft_plafond = isinstance(regeling.toets(ToetsBudgetplafond), ToetsBudgetplafond)
    if heeft_plafond and berekend and (andere_zaken or budgetplafond_cent is not None):
        from smi_tui.budget import GeenBudgetplafond, budget_voor

        try:
            aanvulling["budget"] = budget_voor(zaak, regeling, andere_zaken, budgetplafond_cent)
        except GeenBudgetplafond as exc:
            aanvulling["budget"] = None
            budget_melding = exc.melding
    b = beoordeel(zaak.model_copy(update=aanvulling) if aanvulling else zaak, regeling, peildatum)
    b.budget = aanvulling.get("budget", zaak.budget)
    b.vorig_besluit = vorig
    if budget_melding:
        b.toetsen = [
            Resultaat(r.code, r.artikel, r.uitkomst, budget_melding) if r.code == "budgetplafond" else r
            for r in b.toetsen
        ]
        b.ontbrekend = [budget_melding if "budget" in o else o for o in b.ontbrekend]
    return b
