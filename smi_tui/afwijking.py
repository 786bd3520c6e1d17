"""What the hardheidsclausule sets aside in one case, and what that changes for the parent.

A decision that deviates from the regulation must say from which rule, what that rule says, and what the
deviation means for this case (Awb 3:46, and 4:84 for beleidsregels): :func:`afwijkingen` gives each rule set aside
with its words from the regulation file and its effect, :func:`gevolg` the effect on the whole grant.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smi_tui.beoordeling import Beoordeling
from smi_tui.berekening import KindBerekening, Ontbreekt, bereken
from smi_tui.besluitregels import Toekenning
from smi_tui.datums import nl_datum
from smi_tui.geld import euro, uren
from smi_tui.regeling import Regel, Regeling
from smi_tui.resultaat import Resultaat, Uitkomst
from smi_tui.toetsing import TOETSEN
from smi_tui.zaak import Zaak


@dataclass(frozen=True)
class Afwijking:
    """One rule the hardheidsclausule sets aside: the check's result without the clause, what the rule says (the
    regulation file's words; "" when the file has none) and what setting it aside does in this case."""

    resultaat: Resultaat
    regel: str
    gevolg: str


def regeltekst(res: Resultaat, zaak: Zaak, beoordeling: Beoordeling) -> str:
    """The words of the rule behind ``res`` as the regulation file gives them, or "" when there are none."""
    r = beoordeling.regeling
    if res.code == "urenmaximum":
        return _een(m for m in r.uren_maxima if m.artikel == res.artikel)
    if res.code == "periode":
        return r.periode.tekst
    for t in r.toetsen:
        if t.artikel != res.artikel:
            continue
        gevonden = TOETSEN[type(t)](t, zaak, r, beoordeling.berekening)
        if any((x.code, x.kind, x.uitkomst) == (res.code, res.kind, res.uitkomst) for x in gevonden):
            return t.tekst
    return _een(x for x in (r.ingang, r.periode) if x.artikel == res.artikel)


def _een(regels: Iterable[object]) -> str:
    teksten = list(dict.fromkeys(x.tekst for x in regels if isinstance(x, Regel) and x.tekst))
    return " ".join(teksten)


def afwijkingen(zaak: Zaak, beoordeling: Beoordeling, t: Toekenning) -> list[Afwijking]:
    """Every rule ``t`` sets aside, with its words and its effect for this case (Dutch)."""
    zonder = {k.index: k for k in (_met_kappen(zaak, beoordeling.regeling) or [])}
    met = {k.index: k for k in (t.berekening.kinderen if t.berekening else [])}
    uit = []
    for res in t.opzij:
        uit.append(Afwijking(res, regeltekst(res, zaak, beoordeling), _gevolg_van(res, zonder, met)))
    return uit


def _met_kappen(zaak: Zaak, r: Regeling) -> list[KindBerekening] | None:
    """The hours with the regulation's caps (also when the proposal refuses and so has no calculation)."""
    try:
        return bereken(zaak, r).kinderen
    except Ontbreekt:
        return None


def _gevolg_van(res: Resultaat, zonder: dict[int, KindBerekening], met: dict[int, KindBerekening]) -> str:
    k = met.get(res.kind) if res.kind is not None else None
    if res.code == "urenmaximum" and k is not None and res.kind in zonder:
        oud = zonder[res.kind].uren_vergoed_per_maand
        return (
            f"Met de afwijking vergoeden wij voor {k.naam} {uren(k.uren_vergoed_per_maand)} uur per maand, in "
            f"plaats van {uren(oud)} uur."
        )
    if res.uitkomst != Uitkomst.NIET_VOLDAAN:
        return ""
    if k is not None:
        return (
            f"Met de afwijking krijgt {k.naam} hierom toch een tegemoetkoming, voor "
            f"{uren(k.uren_vergoed_per_maand)} uur per maand."
        )
    return "Met de afwijking wijzen wij uw aanvraag hierom niet af."


def gevolg(beoordeling: Beoordeling, t: Toekenning) -> str:
    """The effect of the deviation on the whole grant: what the regulation alone gives, and what the decision gives."""
    b = t.berekening
    if b is None:
        return ""
    nu = f"krijgt u van {nl_datum(b.begin)} tot en met {nl_datum(b.eind)} in totaal {euro(b.totaal_cent)}"
    voorstel = beoordeling.berekening
    if voorstel is None or not any(k.maanden for k in voorstel.kinderen):
        return f"Zonder de hardheidsclausule zouden wij uw aanvraag afwijzen. Met de hardheidsclausule {nu}."
    return (
        f"Zonder de hardheidsclausule zou u in totaal {euro(voorstel.totaal_cent)} krijgen. Met de "
        f"hardheidsclausule {nu}, dat is {euro(b.totaal_cent - voorstel.totaal_cent)} meer."
    )
