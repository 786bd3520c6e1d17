"""The wijzigingsbeschikking: herziening, intrekking or beëindiging of a grant.

The figures are the core's (:func:`smi_tui.wijziging.bereken_wijziging`): the regulation's ground with its
article and words, the change date, old vs new compensation per child per month from that date, and — when more
was paid than is due and the consulent recovers it — the amount to recover. The letter adds no payment terms of
its own: the regulations name none, so it only says that the amount is recovered and whom to ask about paying it
back. Motivated (3:46), with its rules (3:47) and the bezwaarclausule (3:45, 6:7, 6:8). The wording is the template
``letters/sjablonen/wijzigingsbeschikking.txt``, whose dictum, motivering, rechtsgrond and bezwaarclausule are checked
present (:data:`letters.sjabloon.VERPLICHT_BESLUIT`); this module gives its facts.
"""

from __future__ import annotations

from datetime import date

from letters import beschikking as bs
from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from letters import sjabloon as sj
from letters.bezwaar import MET_ONDERTEKENING
from letters.sjabloon_opmaak import handtekening
from smi_tui import config
from smi_tui.beoordeling import Beoordeling
from smi_tui.berekening import Ontbreekt
from smi_tui.datums import nl_datum, nl_maand
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro
from smi_tui.nazorg import Wijziging, WijzigingSoort
from smi_tui.termijnen import bezwaartermijn_einde
from smi_tui.wijziging import Wijzigingsuitkomst, bereken_wijziging
from smi_tui.zaak import Zaak

ONDERWERP = {
    WijzigingSoort.HERZIENING: "Wij herzien uw tegemoetkoming kinderopvang",
    WijzigingSoort.INTREKKING: "Wij trekken uw tegemoetkoming kinderopvang in",
    WijzigingSoort.BEEINDIGING: "Wij beëindigen uw tegemoetkoming kinderopvang",
}
_INVULLEN = "Leg eerst de wijziging vast (soort, grond uit de regeling, ingangsdatum) en het besluit daarop."


def kies(zaak: Zaak, nummer: int | None) -> tuple[int, Wijziging]:
    return g.kies(zaak.wijzigingen, nummer, "herziening, intrekking of beëindiging", _INVULLEN)


def controleer(zaak: Zaak, nummer: int | None = None) -> None:
    """Raise BriefFout when the chosen change does not exist or has no decision date yet."""
    n, w = kies(zaak, nummer)
    if w.besluit_datum is None:
        raise g.fout(
            f"Op wijziging {n} ({w.soort.value}) is nog niet besloten. Vul de besluitdatum in; pas dan kan "
            "de beschikking worden gemaakt."
        )
    if zaak.besluit is None:
        raise g.fout("Deze zaak heeft geen besluit; er is niets te herzien, in te trekken of te beëindigen.")
    g.behandelaar_verplicht(zaak, "beschikking")
    g.adresregels(zaak, verplicht=True, brief="wijzigingsbeschikking")


def _bereken(zaak: Zaak, beoordeling: Beoordeling, w: Wijziging) -> Wijzigingsuitkomst:
    try:
        u = bereken_wijziging(zaak, beoordeling.regeling, w)
    except SmiFout as exc:  # no grant, a ground the regulation does not list, a date after the grant
        raise g.fout(exc.melding) from None
    except Ontbreekt as exc:
        raise g.fout("Voor de nieuwe berekening ontbreken gegevens: " + "; ".join(exc.wat)) from None
    if w.terugvorderen and u.betaald_cent is None and u.nieuw_cent < u.oud_cent:
        raise g.fout(
            "Er wordt minder toegekend dan eerder, maar niet ingevuld is wat voor de periode vanaf "
            f"{nl_datum(u.ingangsdatum)} al is betaald. Vul het betaalde bedrag in; dan berekent de app het "
            "bedrag van de terugvordering. (Of zet terugvorderen uit.)"
        )
    return u


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None, nummer: int | None = None) -> bytes:
    """The wijzigingsbeschikking as PDF bytes; dated on its besluit date unless ``datum`` is given."""
    controleer(zaak, nummer)
    _, w = kies(zaak, nummer)
    assert w.besluit_datum is not None and zaak.besluit is not None
    r = beoordeling.regeling
    u = _bereken(zaak, beoordeling, w)
    kop = bp.Briefkop(
        r,
        titel=f"Beschikking {w.soort.value} kinderopvang SMI – {g.kenmerk(zaak)}",
        onderwerp=ONDERWERP[w.soort],
        datum=datum or w.besluit_datum,
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=True, brief="wijzigingsbeschikking"),
        behandelaar=g.behandelaar(zaak),
    )
    blokken: dict[str, sj.Blok] = {
        "nieuwe_opvang": [bs.bedragentabel(u.nieuw[0]), h.Spacer(1, 6)] if _nieuwe_opvang(u) else [],
        "per_maand": _per_maand(u),
        "bezwaarclausule": bs.bezwaarclausule(zaak, r, w.verzonden_op or w.besluit_datum),
        "ondertekening": handtekening(g.ondertekenaar(zaak, r), r.ondertekening.functie, houd=MET_ONDERTEKENING),
    }
    inhoud = sj.vul_in(
        "wijzigingsbeschikking",
        r.gemeente_code,
        waarden(zaak, beoordeling, w, u),
        blokken,
        verplicht=sj.VERPLICHT_BESLUIT,
    )
    return bp.bouw_pdf(kop, inhoud)


def _nieuwe_opvang(u: Wijzigingsuitkomst) -> bool:
    return bool(u.nieuw) and u.soort == WijzigingSoort.HERZIENING


def waarden(zaak: Zaak, beoordeling: Beoordeling, w: Wijziging, u: Wijzigingsuitkomst) -> dict[str, object]:
    """The variables of the template ``wijzigingsbeschikking.txt`` (listed in LEESMIJ.md)."""
    assert zaak.besluit is not None and w.besluit_datum is not None
    r = beoordeling.regeling
    verzonden = w.verzonden_op or w.besluit_datum
    betaald = u.betaald_cent
    return {
        "namen": g.namen(zaak),
        "kinderen": g.kinderen(zaak),
        "soort": w.soort.value,
        "besluit_datum": nl_datum(zaak.besluit.datum),
        "gemeld_op": nl_datum(w.gemeld_op) if w.gemeld_op else "",
        "ingangsdatum": nl_datum(u.ingangsdatum),
        "ingangsdatum_verschoven": u.ingangsdatum != w.ingangsdatum,
        # the ground is stored as the regulation words it (a main clause): it follows a colon, not 'als'
        "grond_tekst": u.grond.tekst.strip().rstrip("."),
        "grond_artikel": u.grond.artikel,
        "grond_artikel_regeling": g.bij_regeling(u.grond.artikel, r),
        "toelichting": w.toelichting.strip(),
        "motivering": w.motivering.strip(),
        "nieuwe_opvang": _nieuwe_opvang(u),
        "per_maand": bool(u.regels),
        "betaald": euro(betaald) if betaald is not None else "",
        "recht_op": euro(u.nieuw_cent),
        "terugvordering": euro(u.terugvordering_cent) if betaald is not None and u.terugvordering_cent else "",
        "terugvordering_grond": g.bij_regeling(u.terugvordering_artikel, r) if u.terugvordering_artikel else "",
        "terugbetalen_door": zaak.aanvrager.naam,
        # Awb 4:87: within six weeks after the decision took effect, i.e. was made known; counted as the bezwaar
        # term, Algemene termijnenwet included
        "terugbetalen_uiterlijk": nl_datum(bezwaartermijn_einde(verzonden)),
        "hoe_terugbetalen": config.brieftekst("terugbetalen", r.gemeente_code).rstrip("."),
        "nabetaling": euro(u.nabetaling_cent) if u.nabetaling_cent else "",
        "te_veel": euro(betaald - u.nieuw_cent) if betaald is not None and betaald > u.nieuw_cent else "",
        "gemeente": r.gemeente,
        "kenmerk": g.kenmerk(zaak),
        "citeertitel": r.citeertitel,
        "titel": r.titel,
        "vastgesteld_door": r.vastgesteld_door,
        "berekening_artikel": r.berekening.artikel if u.nieuw_cent else "",
        "namens": r.ondertekening.namens,
    }


def _per_maand(u: Wijzigingsuitkomst) -> list:
    """The table of the compensation per child per month, as it was and as it becomes (empty without months)."""
    if not u.regels:
        return []
    rijen = [["Maand", "Kind", "Was", "Wordt", "Verschil"]]
    for x in u.regels:
        rijen.append(
            [nl_maand(x.jaar, x.maand), x.naam, euro(x.oud_cent), euro(x.nieuw_cent), g.verschil(x.verschil_cent)]
        )
    rijen.append(["Totaal", "", euro(u.oud_cent), euro(u.nieuw_cent), g.verschil(u.verschil_cent)])
    tabel = h.tabel(rijen, [28, 38, 28, 28, 43], rechts=(2, 3, 4), vet_laatste=True)
    if len(rijen) > 4:  # the total never alone on a new page: it keeps the last two months with it
        tabel.setStyle([("NOSPLIT", (0, -3), (-1, -1))])
    return [tabel]
