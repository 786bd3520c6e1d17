"""The verdaging: we cannot decide within the beslistermijn, so we extend it (artikel 4:14 Awb).

The letter says that the term is extended, why, by how long and the new latest decision date (computed by the
core), and it is sent before the term ends — a letter after that date is refused with a clear error. The wording
is the template ``letters/sjablonen/verdaging.txt``; this module gives its facts.
"""

from __future__ import annotations

from datetime import date

from letters import briefpapier as bp
from letters import gegevens as g
from letters import sjabloon as sj
from letters.sjabloon_opmaak import handtekening
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
        raise g.fout(
            "Deze zaak heeft geen verdaging van de beslistermijn. Leg eerst de verdaging vast (datum van de "
            "brief, aantal weken en de reden)."
        )
    g.adresregels(zaak, verplicht=True, brief="brief over de verdaging")
    g.behandelaar_verplicht(zaak, "brief")


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None) -> bytes:
    """The letter as PDF bytes; dated on the day of the verdaging unless ``datum`` is given."""
    controleer(zaak)
    v = zaak.verdaging
    assert v is not None
    r = beoordeling.regeling
    stand = _stand(zaak, beoordeling)
    kop = bp.Briefkop(
        r,
        titel=f"Verdaging beslistermijn – {g.kenmerk(zaak)}",
        onderwerp=ONDERWERP,
        datum=datum or v.op,
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=True, brief="brief over de verdaging"),
        behandelaar=g.behandelaar(zaak),
    )
    inhoud = sj.vul_in(
        "verdaging",
        r.gemeente_code,
        waarden(zaak, beoordeling, stand),
        {"ondertekening": handtekening(g.ondertekenaar(zaak, r), r.ondertekening.functie)},
    )
    return bp.bouw_pdf(kop, inhoud)


def waarden(zaak: Zaak, beoordeling: Beoordeling, stand: Beslistermijnstand) -> dict[str, object]:
    """The variables of the template ``verdaging.txt`` (listed in LEESMIJ.md)."""
    v = zaak.verdaging
    assert v is not None and stand.start is not None and stand.einde is not None and stand.verdaagd_tot is not None
    r = beoordeling.regeling
    bt = r.beslistermijn
    wie = g.behandelaar(zaak)
    return {
        "namen": g.namen(zaak),
        "kinderen": g.kinderen(zaak),
        "termijn_begon": _begin(r),
        "termijn_start": nl_datum(stand.start),
        "beslistermijn_weken": bt.weken,
        "beslistermijn_artikel": g.bij_regeling(bt.artikel, r),
        "oude_einddatum": nl_datum(stand.einde),
        "nieuwe_einddatum": nl_datum(stand.verdaagd_tot),
        "opgeschort_dagen": stand.opgeschort_dagen,
        "verdaging": "1 week" if v.weken == 1 else f"{v.weken} weken",
        "verdaging_weken_regeling": bt.verdaging_weken or 0,
        "verdaging_artikel": bt.artikel,
        "citeertitel": r.citeertitel,
        "reden": v.reden.strip(),
        "consulent": wie.naam if wie else "",
        "contact": g.bereikbaar(wie, r),
        "namens": r.ondertekening.namens,
    }


def _begin(r: Regeling) -> str:
    """What started the term, as the regulation counts it: 'melding', 'ondertekend_verslag', 'complete_aanvraag'
    or 'aanvraag'."""
    if r.beslistermijn.vanaf == "melding":
        return "melding"
    if r.aanvraag_is_ondertekend_verslag:
        return "ondertekend_verslag"
    if beslistermijn_vanaf(r) == "complete_aanvraag":
        return "complete_aanvraag"
    return "aanvraag"


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
        raise g.fout(
            "De beslistermijn loopt nog niet (de datum waarop hij begint ontbreekt); dan valt er niets te "
            "verdagen. Vul eerst de datum van de aanvraag in."
        )
    return stand
