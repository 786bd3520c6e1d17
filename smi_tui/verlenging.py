"""Verlenging: may the grant be extended as asked, and what does the extension period bring.

The rules come from ``[verlenging]`` in the regulation file: ``toegestaan`` (Voerendaal artikel 7 lid 2: no
extension, a new melding is needed), ``aantal`` (how often), ``max_maanden`` (per extension),
``max_totaal_maanden`` (Oude IJsselstreek artikel 6: "De periode waarop iemand aanspraak kan maken is maximaal 1
jaar") and ``voorwaarde`` (the condition in words, e.g. Albrandswaard artikel 5 lid 6 "als een structurele
verbetering nog niet is behaald"; the consulent records in ``voorwaarde_vervuld`` whether it is met). An extension
asked after the grant ended is no extension: a new application is needed.

An allowed extension runs from the day after the current end of the grant for the months asked, and is
calculated per child per month like the first period, with the care in force at the end of the grant unless the
request names new care.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from smi_tui.berekening import Berekening, Ontbreekt, bereken
from smi_tui.datums import nl_datum, periode_einde
from smi_tui.nazorg import Verlengingsaanvraag, Vervolgbeslissing
from smi_tui.regeling import Regeling
from smi_tui.resultaat import N, O, Resultaat, Uitkomst, V
from smi_tui.toekenning import opvang_per_kind, toekenning
from smi_tui.zaak import Zaak


@dataclass
class Verlengingsuitkomst:
    """The assessment of one extension request.

    ``toegestaan``: every check met (True) — otherwise see ``toetsen``; ``toetsen``: each rule with its article and
    outcome (voldaan / niet voldaan / ontbreekt), for the screen and the beschikking's motivation;
    ``nieuwe_melding_nodig``: the regulation knows no extension (Voerendaal) or the grant has ended, so the parent
    must report anew; ``huidig_eind``: last day of the grant now; ``begin``/``eind``: the extension period (also
    shown when refused, so the letter can name what was asked); ``berekening``: the compensation per child per
    month for the extension period (None when a rule is not met or data is missing); ``artikel``: the
    regulation's article on extension.
    """

    toegestaan: bool
    toetsen: list[Resultaat]
    nieuwe_melding_nodig: bool
    huidig_eind: date
    begin: date
    eind: date
    berekening: Berekening | None
    artikel: str
    ontbrekend: list[str] = field(default_factory=list)

    @property
    def afwijzingsgronden(self) -> list[Resultaat]:
        return [r for r in self.toetsen if r.uitkomst == N]

    @property
    def totaal_cent(self) -> int:
        return self.berekening.totaal_cent if self.berekening else 0


def beoordeel_verlenging(zaak: Zaak, regeling: Regeling, aanvraag: Verlengingsaanvraag) -> Verlengingsuitkomst:
    """Assess ``aanvraag`` against the regulation and the grant as it stands (other granted extensions and
    decided changes count; ``aanvraag`` itself does not when it is one of ``zaak.verlengingen`` — that very object:
    a new request equal to a stored one is another request, and the stored one counts).
    Raises :class:`smi_tui.toekenning.GeenToekenning` when the case has no grant."""
    v = regeling.verlenging
    t = toekenning(zaak, regeling, zonder=next((x for x in zaak.verlengingen if x is aanvraag), None))
    begin = t.eind + timedelta(days=1)
    eind = periode_einde(begin, aanvraag.maanden)
    res: list[Resultaat] = []
    nieuwe_melding = False

    def r(code: str, uitkomst: Uitkomst, tekst: str) -> None:
        res.append(Resultaat(f"verlenging_{code}", v.artikel, uitkomst, tekst))

    if not v.toegestaan:
        nieuwe_melding = True
        r(
            "toegestaan",
            N,
            f"De {regeling.citeertitel} kent geen verlenging van de tegemoetkoming; de ouder kan zo "
            f"nodig een nieuwe melding doen, die opnieuw wordt beoordeeld.",
        )
    else:
        if t.beeindigd_door is not None or aanvraag.aangevraagd_op > t.eind:
            nieuwe_melding = True
            r(
                "tijdig",
                N,
                f"De verlenging is aangevraagd op {nl_datum(aanvraag.aangevraagd_op)}, maar de "
                f"tegemoetkoming liep tot en met {nl_datum(t.eind)}. Een afgelopen tegemoetkoming kan niet "
                "worden verlengd; een nieuwe melding is nodig.",
            )
        else:
            r(
                "tijdig",
                V,
                f"Aangevraagd op {nl_datum(aanvraag.aangevraagd_op)}, vóór het einde van de "
                f"tegemoetkoming ({nl_datum(t.eind)}).",
            )
        eerder = len(t.verlengd)
        if eerder >= v.aantal:
            r(
                "aantal",
                N,
                f"De tegemoetkoming is al {eerder} keer verlengd; de regeling staat ten hoogste "
                f"{v.aantal} keer verlengen toe.",
            )
        else:
            r("aantal", V, f"Verlenging {eerder + 1} van ten hoogste {v.aantal}.")
        if aanvraag.maanden > v.max_maanden:
            r(
                "maanden",
                N,
                f"Gevraagd: {aanvraag.maanden} maanden; de regeling staat een verlenging van ten "
                f"hoogste {v.max_maanden} maanden toe.",
            )
        else:
            r("maanden", V, f"Gevraagd: {aanvraag.maanden} maanden (ten hoogste {v.max_maanden}).")
        if v.max_totaal_maanden:
            grens = periode_einde(t.begin, v.max_totaal_maanden)
            if eind > grens:
                r(
                    "totaal",
                    N,
                    f"Met deze verlenging loopt de tegemoetkoming tot en met {nl_datum(eind)}; de regeling "
                    f"staat ten hoogste {v.max_totaal_maanden} maanden in totaal toe (tot en met "
                    f"{nl_datum(grens)}).",
                )
            else:
                r("totaal", V, f"Samen ten hoogste {v.max_totaal_maanden} maanden (tot en met {nl_datum(grens)}).")
        vw = v.voorwaarde or "de voorwaarde van de regeling"
        if aanvraag.voorwaarde_vervuld is None:
            r("voorwaarde", O, f"Leg vast of aan de voorwaarde voor verlenging is voldaan: {vw}.")
        elif aanvraag.voorwaarde_vervuld:
            uitleg = f" ({aanvraag.onderbouwing})" if aanvraag.onderbouwing else ""
            r("voorwaarde", V, f"Aan de voorwaarde is voldaan: {vw}{uitleg}.")
        else:
            r("voorwaarde", N, f"Niet voldaan aan de voorwaarde voor verlenging: {vw}.")

    berekening: Berekening | None = None
    ontbrekend: list[str] = []
    if not any(x.uitkomst == N for x in res):
        zorg = dict(t.segmenten[-1].opvang) if t.segmenten else {}
        zorg.update({i: o for i, o in opvang_per_kind(aanvraag.opvang, zaak).items() if i not in t.uitgesloten})
        try:
            berekening = bereken(zaak, regeling, periode=(begin, eind), opvang=zorg)
        except Ontbreekt as exc:
            ontbrekend = exc.wat
            res += [Resultaat("verlenging_berekening", regeling.berekening.artikel, O, w) for w in exc.wat]
        else:
            for k in berekening.kinderen:
                if k.index not in zorg:
                    k.maanden.clear()
                    k.uitgesloten = k.uitgesloten or "niet in de toekenning"
    toegestaan = bool(res) and all(x.uitkomst == V for x in res)
    return Verlengingsuitkomst(toegestaan, res, nieuwe_melding, t.eind, begin, eind, berekening, v.artikel, ontbrekend)


def voorgestelde_beslissing(uitkomst: Verlengingsuitkomst) -> Vervolgbeslissing | None:
    """toekennen when allowed, afwijzen when a rule is not met, None while something is missing."""
    if uitkomst.toegestaan:
        return Vervolgbeslissing.TOEKENNEN
    if uitkomst.afwijzingsgronden:
        return Vervolgbeslissing.AFWIJZEN
    return None
