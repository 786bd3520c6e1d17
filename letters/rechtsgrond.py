"""The legal basis a decision names (Awb 3:47), readable: the regulation and what it rests on, the articles that
grant, the articles that limit or refuse, and the Awb — instead of a run of every article the checks touched."""

from __future__ import annotations

from letters import huisstijl as h
from smi_tui.beoordeling import Beoordeling
from smi_tui.besluitregels import Toekenning
from smi_tui.regeling import Regeling
from smi_tui.toetsing import Uitkomst
from smi_tui.zaak import Beslissing, Zaak


def grondslag_regeling(r: Regeling) -> str:
    """'de Verordening X (titel, vastgesteld door de raad)'; for beleidsregels or a college regulation also the
    power they rest on, or honestly that the regulation names none (a beleidsregel itself is no power: Awb 4:81)."""
    zin = f"de {r.citeertitel} ({r.titel}, vastgesteld door {r.vastgesteld_door})"
    if r.soort == "verordening":
        return zin
    if r.bevoegdheid:
        return f"{zin}. Die {_soort(r)} zijn vastgesteld op grond van {r.bevoegdheid}"
    return (
        f"{zin}. Die {_soort(r)} noemen zelf niet op welke wettelijke bevoegdheid zij rusten; het college stelt "
        "zulke regels vast als beleidsregels (artikel 4:81 Algemene wet bestuursrecht)"
    )


def _soort(r: Regeling) -> str:
    return "beleidsregels" if r.soort == "beleidsregels" else "regels"


def _uniek(artikelen: list[str]) -> list[str]:
    return list(dict.fromkeys(a for a in artikelen if a))


def rechtsgrond(zaak: Zaak, beoordeling: Beoordeling, t: Toekenning) -> list:
    """The section 'Op welke regels dit besluit rust' of the beschikking."""
    r = beoordeling.regeling
    regels: list[str] = []
    noodzaak = [x.artikel for x in beoordeling.toetsen if x.code == "sociaal_medische_noodzaak"]
    if t.beslissing != Beslissing.AFWIJZEN and t.berekening is not None:
        toekennen = _uniek([*noodzaak, r.periode.artikel, r.berekening.artikel, r.berekening.uurprijs_artikel])
        regels.append(f"de tegemoetkoming, haar duur en haar hoogte: {'; '.join(toekennen)}")
    beperkt = _uniek([b.artikel for k in (t.berekening.kinderen if t.berekening else []) for b in k.beperkingen])
    beperkt += [x.artikel for x in t.geweigerd if x.uitkomst == Uitkomst.VOLDAAN and x.artikel not in beperkt]
    if beperkt and t.beslissing == Beslissing.GEDEELTELIJK:
        regels.append(f"wat wij niet vergoeden: {'; '.join(_uniek(beperkt))}")
    niet = _uniek([x.artikel for x in t.geweigerd if x.uitkomst == Uitkomst.NIET_VOLDAAN])
    if niet:
        regels.append(
            f"waarom wij {'afwijzen' if t.beslissing == Beslissing.AFWIJZEN else 'deels afwijzen'}: {'; '.join(niet)}"
        )
    if zaak.besluit is not None and zaak.besluit.hardheidsclausule.toegepast:
        opzij = _uniek([x.artikel for x in t.opzij])
        van = f", waarmee wij afwijken van {'; '.join(opzij)}" if opzij else ""
        hk = r.hardheidsclausule.artikel
        naam = "" if "hardheidsclausule" in hk else " (hardheidsclausule)"
        regels.append(f"de afwijking van de regels: {hk}{naam}{van}")
    regels.append("de procedure: de Algemene wet bestuursrecht")
    return [
        *h.kop("Op welke regels dit besluit rust"),
        h.p(f"Dit besluit is genomen op grond van {grondslag_regeling(r)}. De artikelen voor:"),
        *h.opsomming(regels),
    ]
