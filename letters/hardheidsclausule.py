"""The part of a decision that applies the hardheidsclausule: the clause's article and words, the reason, each rule
set aside with its article, what it says and what setting it aside does in this case, and the effect on the whole
grant (Awb 3:46; for beleidsregels 4:84). What is set aside and its effect come from :mod:`smi_tui.afwijking`."""

from __future__ import annotations

from letters import gegevens as g
from letters import huisstijl as h
from smi_tui.afwijking import Afwijking, afwijkingen, gevolg
from smi_tui.beoordeling import Beoordeling
from smi_tui.besluitregels import Toekenning
from smi_tui.regeling import Regeling
from smi_tui.zaak import Beslissing, Zaak


def hardheidsclausule(zaak: Zaak, beoordeling: Beoordeling, t: Toekenning) -> list:
    """The deviation, as the Awb asks it to be motivated: the clause's own article and words, the reason, each rule
    set aside with its article, what it says and what setting it aside does here, and the effect on the grant."""
    besluit = zaak.besluit
    assert besluit is not None
    r = beoordeling.regeling
    hk = r.hardheidsclausule
    if hk.artikel.startswith("raadsvoorstel"):  # Heemstede: the clause is in the verordening the proposal names
        grond = f"de hardheidsclausule van de verordening ({hk.artikel})"
    else:
        grond = f"{g.bij_regeling(hk.artikel, r)} (de hardheidsclausule)"
        if hk.tekst:
            grond += f". Dat artikel bepaalt: {hk.tekst.strip()}"
    uit = [*h.kop("Hardheidsclausule"),
           h.p(f"Wij wijken in uw situatie af van de regels. Dat mag op grond van {grond.rstrip('.')}."),
           h.p(f"De reden is: {besluit.hardheidsclausule.reden.strip()}")]  # fmt: skip
    afw = afwijkingen(zaak, beoordeling, t)
    if afw:
        uit.append(h.pm(f"<b>{'Van deze regel' if len(afw) == 1 else 'Van deze regels'} wijken wij af:</b>"))
        uit += h.opsomming([_afwijking(a, r) for a in afw], markup=True)
    effect = gevolg(beoordeling, t)
    slot = "Daarom kennen wij uw aanvraag toch " + ("" if t.beslissing == Beslissing.TOEKENNEN else "gedeeltelijk ")
    uit.append(h.p(f"{effect} {slot}toe.".strip()))
    return uit


def _afwijking(a: Afwijking, r: Regeling) -> str:
    """'<b>artikel 6 van de …</b>: what the rule says. What was found here. What the deviation does.'"""
    res = a.resultaat
    delen = []
    if a.regel:
        delen.append(f"{h.e(a.regel.strip().rstrip('.'))}.")
    if res.code != "urenmaximum" or not a.gevolg:  # a cap's effect already names both numbers of hours
        delen.append(f"Wat wij bij u vaststelden: {h.e(g.uitleg(res, r).rstrip('.'))}.")
    if a.gevolg:
        delen.append(h.e(a.gevolg))
    kop = f"<b>{h.e(g.bij_regeling(res.artikel, r))}</b>: " if res.artikel else ""
    return kop + " ".join(delen)
