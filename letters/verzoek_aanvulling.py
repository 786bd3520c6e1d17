"""The verzoek om aanvulling: the application lacks documents or data (artikel 4:5 Awb).

It lists exactly what is missing (with the regulation's article for each required document it names), the date by
which it must come in, what happens when it does not (the application may be left undealt with, 4:5), and that the
beslistermijn is suspended from the day after this letter until the application is supplemented or the term has
passed unused (artikel 4:15 lid 1 onder a Awb), with the latest decision date that follows (computed by the core).
The wording is the template ``letters/sjablonen/verzoek-aanvulling.txt``; this module gives its facts.
"""

from __future__ import annotations

from datetime import date, timedelta

from letters import briefpapier as bp
from letters import gegevens as g
from letters import sjabloon as sj
from letters.sjabloon_opmaak import handtekening
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.nazorg import Opschorting
from smi_tui.regeling import Regeling, ToetsStukken
from smi_tui.termijnen import beslistermijn_vanaf
from smi_tui.zaak import Zaak

ONDERWERP = "Verzoek om aanvulling van uw aanvraag"
_INVULLEN = (
    "Leg eerst het verzoek om aanvulling vast (datum van het verzoek, de termijn om aan te vullen en wat ontbreekt)."
)


def kies(zaak: Zaak, nummer: int | None) -> tuple[int, Opschorting]:
    return g.kies(zaak.opschortingen, nummer, "verzoek om aanvulling", _INVULLEN)


def controleer(zaak: Zaak, nummer: int | None = None) -> None:
    """Raise BriefFout when the chosen opschorting does not exist or the letter cannot be sent."""
    kies(zaak, nummer)
    g.adresregels(zaak, verplicht=True, brief="brief met het verzoek om aanvulling")
    g.behandelaar_verplicht(zaak, "brief")


def ontbrekend(zaak: Zaak, regeling: Regeling, o: Opschorting) -> list[tuple[str, str]]:
    """(omschrijving, artikel) of each missing item: a code of the regulation's required documents gets its
    description and article; free text stays as written (no article). Without a list: the regulation's required
    documents that have not been received."""
    t = regeling.toets(ToetsStukken)
    stukken = {s.code: s for s in t.stukken} if isinstance(t, ToetsStukken) else {}
    if o.stukken:
        uit = []
        for s in o.stukken:
            st = stukken.get(s.strip())
            uit.append((st.omschrijving, st.artikel) if st else (s.strip(), ""))
        return [(w, a) for w, a in uit if w]
    ontvangen = {s.code for s in zaak.aanvraag.stukken}
    return [
        (s.omschrijving, s.artikel) for s in stukken.values() if s.nodig_voor == "besluit" and s.code not in ontvangen
    ]


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None, nummer: int | None = None) -> bytes:
    """The letter as PDF bytes; dated on the day the request was sent unless ``datum`` is given."""
    controleer(zaak, nummer)
    n, o = kies(zaak, nummer)
    r = beoordeling.regeling
    wat = ontbrekend(zaak, r, o)
    if not wat:
        raise g.fout(
            f"In verzoek om aanvulling {n} staat niet wat er ontbreekt, en volgens de {r.citeertitel} "
            "ontbreekt er geen vereist stuk. Vul in welke stukken of gegevens u vraagt."
        )
    kop = bp.Briefkop(
        r,
        titel=f"Verzoek om aanvulling – {g.kenmerk(zaak)}",
        onderwerp=ONDERWERP,
        datum=datum or o.verzocht_op,
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=True, brief="brief met het verzoek om aanvulling"),
        behandelaar=g.behandelaar(zaak),
    )
    inhoud = sj.vul_in(
        "verzoek-aanvulling",
        r.gemeente_code,
        waarden(zaak, beoordeling, o, wat),
        {"ondertekening": handtekening(g.ondertekenaar(zaak, r), r.ondertekening.functie)},
    )
    return bp.bouw_pdf(kop, inhoud)


def waarden(zaak: Zaak, beoordeling: Beoordeling, o: Opschorting, wat: list[tuple[str, str]]) -> dict[str, object]:
    """The variables of the template ``verzoek-aanvulling.txt`` (listed in LEESMIJ.md)."""
    r = beoordeling.regeling
    hs = r.huisstijl
    wie = g.behandelaar(zaak)
    return {
        "namen": g.namen(zaak),
        "kinderen": g.kinderen(zaak),
        "aanvraag_datum": nl_datum(g.aanvraag_ontvangen(zaak, r)),
        "ontbreekt": [{"omschrijving": w, "artikel": a} for w, a in wat],
        "met_artikel": any(a for _, a in wat),
        "citeertitel": r.citeertitel,
        "toelichting": o.toelichting.strip(),
        "termijn_tot": nl_datum(o.termijn_tot),
        "postadres": ", ".join([hs.afzender, *hs.postadres]),
        "email": hs.email,
        "kenmerk": g.kenmerk(zaak),
        "consulent": wie.naam if wie else "",
        "contact": g.bereikbaar(wie, r),
        "namens": r.ondertekening.namens,
        **_beslistermijn(zaak, beoordeling, o),
    }


def _stand(zaak: Zaak, regeling: Regeling, o: Opschorting, *, met: bool):
    """The core's beslistermijn as it stood when this request was sent: the earlier requests as recorded (a
    supplement that came later counted as not yet received), this one (``met``) not yet supplemented, and a
    verdaging only when it was sent before."""
    from smi_tui.termijnen import beslistermijn

    eerder = [
        x if x.aangevuld_op is None or x.aangevuld_op <= o.verzocht_op else x.model_copy(update={"aangevuld_op": None})
        for x in zaak.opschortingen
        if x is not o and x.verzocht_op <= o.verzocht_op
    ]
    verdaging = zaak.verdaging if zaak.verdaging is not None and zaak.verdaging.op <= o.verzocht_op else None
    nu = o.model_copy(update={"aangevuld_op": None})
    toen = zaak.model_copy(update={"opschortingen": [*eerder, nu] if met else eerder, "verdaging": verdaging})
    return beslistermijn(toen, regeling)


def _beslistermijn(zaak: Zaak, beoordeling: Beoordeling, o: Opschorting) -> dict[str, object]:
    """What the suspension does to the beslistermijn; the dates come from the core (smi_tui.termijnen).
    ``beslistermijn`` is 'loopt_niet', 'verstreken' (sent after the term had ended: the Awb suspends nothing, the
    core explains why in its remarks) or 'opgeschort'."""
    r = beoordeling.regeling
    bt = r.beslistermijn
    met, zonder = _stand(zaak, r, o, met=True), _stand(zaak, r, o, met=False)
    uit: dict[str, object] = {
        "beslistermijn_weken": bt.weken,
        "beslistermijn_artikel": g.bij_regeling(bt.artikel, r),
        "termijn_vanaf": beslistermijn_vanaf(r),
        "einde_zonder_verzoek": "",
        "einde_met_verzoek": "",
        "stil_vanaf": nl_datum(o.verzocht_op + timedelta(days=1)),
    }
    if met.start is None or met.uiterste is None:
        return {**uit, "beslistermijn": "loopt_niet"}
    uit["einde_zonder_verzoek"] = nl_datum(zonder.uiterste or met.uiterste)
    uit["einde_met_verzoek"] = nl_datum(met.uiterste)
    if met.opgeschort_dagen <= zonder.opgeschort_dagen:
        return {**uit, "beslistermijn": "verstreken"}
    return {**uit, "beslistermijn": "opgeschort"}
