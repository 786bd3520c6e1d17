"""The verdaging: we cannot decide within the beslistermijn, so we extend it (artikel 4:14 Awb).

The letter says that the term is extended, why, by how long and the new latest decision date (computed by the
core), and it is sent before the term ends — a letter after that date is refused with a clear error.
"""

from __future__ import annotations

from datetime import date

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.regeling import Regeling
from smi_tui.termijnen import (
    Beslistermijnstand,
    VerdagingFout,
    beslistermijn,
    beslistermijn_vanaf,
    controleer_verdaging,
)
from smi_tui.zaak import Zaak

ONDERWERP = "Wij hebben meer tijd nodig voor ons besluit"


def controleer(zaak: Zaak) -> None:
    """Raise BriefFout when the case has no verdaging to announce."""
    if zaak.verdaging is None:
        raise g.fout("Deze zaak heeft geen verdaging van de beslistermijn. Leg eerst de verdaging vast (datum van de "
                     "brief, aantal weken en de reden).")  # fmt: skip
    g.adresregels(zaak, verplicht=True, brief="brief over de verdaging")
    g.behandelaar_verplicht(zaak, "brief")


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None) -> bytes:
    """The letter as PDF bytes; dated on the day of the verdaging unless ``datum`` is given."""
    controleer(zaak)
    v = zaak.verdaging
    assert v is not None
    r = beoordeling.regeling
    bt = r.beslistermijn
    stand = _stand(zaak, beoordeling)
    oud, nieuw = stand.einde, stand.verdaagd_tot
    assert stand.start and oud and nieuw  # _stand refused the letter when one is unknown
    kop = bp.Briefkop(r, titel=f"Verdaging beslistermijn – {g.kenmerk(zaak)}", onderwerp=ONDERWERP,
                      datum=datum or v.op, kenmerk=g.kenmerk(zaak),
                      aan=g.adresregels(zaak, verplicht=True, brief="brief over de verdaging"),
                      behandelaar=g.behandelaar(zaak))  # fmt: skip
    kinderen = g.kinderen(zaak)
    weken = "1 week" if v.weken == 1 else f"{v.weken} weken"
    inhoud = [
        h.p(g.aanhef(zaak)),
        h.p(f"{_begin(zaak, r, stand.start)} U vraagt om een tegemoetkoming in de kosten van kinderopvang op "
            f"sociaal-medische indicatie (SMI) voor {kinderen}. Wij moeten binnen {bt.weken} weken beslissen "
            f"({g.bij_regeling(bt.artikel, r)}), dus uiterlijk op {nl_datum(oud)}"
            + (f" (inclusief {stand.opgeschort_dagen} dagen opschorting voor de aanvulling van uw aanvraag, "
               "artikel 4:15 Awb)" if stand.opgeschort_dagen else "")
            + ". Dat lukt ons niet."),
        *h.kop("Wij verlengen de beslistermijn"),
        h.pm(f"Wij verlengen (verdagen) de termijn met {h.e(weken)}. U krijgt ons besluit uiterlijk op "
             f"<b>{h.e(nl_datum(nieuw))}</b>. Wij sturen u deze brief vóór het einde van de beslistermijn, zoals "
             "artikel 4:14 van de Algemene wet bestuursrecht vraagt."
             + (f" De {h.e(r.citeertitel)} staat een verlenging met ten hoogste {bt.verdaging_weken} weken toe "
                f"({h.e(bt.artikel)})." if bt.verdaging_weken else "")),
        *h.kop("Waarom wij meer tijd nodig hebben"),
        h.p(v.reden.strip()),
        *h.kop("Wat betekent dit voor u?"),
        h.p(f"U hoeft niets te doen. Deze brief is zelf geen besluit over uw aanvraag; u kunt er daarom geen "
            f"bezwaar tegen maken. Heeft u op {nl_datum(nieuw)} nog geen besluit van ons? Dan kunt u ons "
            "schriftelijk in gebreke stellen (artikel 4:17 Algemene wet bestuursrecht)."),
    ]  # fmt: skip
    slot = h.p(g.vragen(zaak, r))
    inhoud.append(h.ondertekening(["Met vriendelijke groet,", f"namens {r.ondertekening.namens},"],
                                  g.behandelaar(zaak), r.ondertekening.functie, met=[slot]))  # fmt: skip
    return bp.bouw_pdf(kop, inhoud)


def _begin(zaak: Zaak, r: Regeling, start: date) -> str:
    """The sentence on what started the term, as the regulation counts it."""
    if r.beslistermijn.vanaf == "melding":
        return f"Op {nl_datum(start)} hebben wij uw melding ontvangen."
    if r.aanvraag_is_ondertekend_verslag:
        return f"Op {nl_datum(start)} heeft u het verslag ondertekend; dat is uw aanvraag."
    if beslistermijn_vanaf(r) == "complete_aanvraag":
        return f"Op {nl_datum(start)} was uw aanvraag compleet."
    return f"Op {nl_datum(start)} hebben wij uw aanvraag ontvangen."


def _stand(zaak: Zaak, beoordeling: Beoordeling) -> Beslistermijnstand:
    """The beslistermijn computed by the core (end before the verdaging, latest decision date after it) as it stood
    on the day of the verdaging (requests to supplement sent by then; a supplement that came later
    counted as not yet received). A verdaging the Awb does not allow is refused with the core's reason."""
    v = zaak.verdaging
    assert v is not None
    eerder = [
        o if o.aangevuld_op is None or o.aangevuld_op <= v.op else o.model_copy(update={"aangevuld_op": None})
        for o in zaak.opschortingen
        if o.verzocht_op <= v.op
    ]
    toen = zaak.model_copy(update={"opschortingen": eerder})
    try:
        controleer_verdaging(toen, beoordeling.regeling)
    except VerdagingFout as exc:
        raise g.fout(f"Deze verdaging kan zo niet worden verstuurd: {exc.melding}") from None
    stand = beslistermijn(toen, beoordeling.regeling)
    if stand.start is None or stand.einde is None or stand.verdaagd_tot is None:
        raise g.fout("De beslistermijn loopt nog niet (de datum waarop hij begint ontbreekt); dan valt er niets te "
                     "verdagen. Vul eerst de datum van de aanvraag in.")  # fmt: skip
    return stand
