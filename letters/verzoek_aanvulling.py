"""The verzoek om aanvulling: the application lacks documents or data (artikel 4:5 Awb).

It lists exactly what is missing (with the regulation's article for each required document it names), the date by
which it must come in, what happens when it does not (the application may be left undealt with, 4:5), and that the
beslistermijn is suspended from the day after this letter until the application is supplemented or the term has
passed unused (artikel 4:15 lid 1 onder a Awb), with the latest decision date that follows (computed by the core).
"""

from __future__ import annotations

from datetime import date, timedelta

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.nazorg import Opschorting
from smi_tui.regeling import Regeling, ToetsStukken
from smi_tui.termijnen import beslistermijn_vanaf
from smi_tui.zaak import Zaak

ONDERWERP = "Verzoek om aanvulling van uw aanvraag"
_INVULLEN = ("Leg eerst het verzoek om aanvulling vast (datum van het verzoek, de termijn om aan te vullen en wat "
             "ontbreekt).")  # fmt: skip


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
        raise g.fout(f"In verzoek om aanvulling {n} staat niet wat er ontbreekt, en volgens de {r.citeertitel} "
                     "ontbreekt er geen vereist stuk. Vul in welke stukken of gegevens u vraagt.")  # fmt: skip
    kop = bp.Briefkop(r, titel=f"Verzoek om aanvulling – {g.kenmerk(zaak)}", onderwerp=ONDERWERP,
                      datum=datum or o.verzocht_op, kenmerk=g.kenmerk(zaak),
                      aan=g.adresregels(zaak, verplicht=True, brief="brief met het verzoek om aanvulling"),
                      behandelaar=g.behandelaar(zaak))  # fmt: skip
    ontvangen = g.aanvraag_ontvangen(zaak, r)
    kinderen = g.kinderen(zaak)
    inhoud = [
        h.p(g.aanhef(zaak)),
        h.p(f"Op {nl_datum(ontvangen)} hebben wij uw aanvraag ontvangen voor een tegemoetkoming in de kosten van "
            f"kinderopvang op sociaal-medische indicatie (SMI) voor {kinderen}. Om op uw aanvraag te kunnen "
            "beslissen, hebben wij nog gegevens van u nodig. Wij vragen u daarom uw aanvraag aan te vullen "
            "(artikel 4:5 Algemene wet bestuursrecht)."),
        *h.kop("Wat wij nog van u nodig hebben"),
    ]  # fmt: skip
    met_artikel = any(a for _, a in wat)
    inhoud += h.opsomming([f"{h.e(w)}" + (f" <font color='#555555'>({h.e(a)})</font>" if a else "") for w, a in wat],
                          markup=True)  # fmt: skip
    if met_artikel:
        inhoud.append(h.p(f"De genoemde artikelen zijn artikelen van de {r.citeertitel}.", "klein"))
    if o.toelichting.strip():
        inhoud += [h.Spacer(1, 4), h.p(o.toelichting.strip())]
    inhoud += _hoe_aanleveren(zaak, r, o)
    inhoud += [*h.kop("Wat gebeurt er als u niet op tijd aanvult?"),
               h.p("Ontvangen wij de gegevens niet of niet op tijd, dan kunnen wij besluiten uw aanvraag niet te "
                   "behandelen (artikel 4:5 Algemene wet bestuursrecht). Lukt het u niet om alles op tijd te sturen? "
                   "Neem dan vóór "
                   f"{nl_datum(o.termijn_tot)} contact op met uw consulent.")]  # fmt: skip
    inhoud += [*h.kop("Wat betekent dit voor de beslistermijn?"), *_beslistermijn(zaak, beoordeling, o)]
    slot = h.p(g.vragen(zaak, r))
    inhoud.append(h.ondertekening(["Met vriendelijke groet,", f"namens {r.ondertekening.namens},"],
                                  g.behandelaar(zaak), r.ondertekening.functie, met=[slot]))  # fmt: skip
    return bp.bouw_pdf(kop, inhoud)


def _hoe_aanleveren(zaak: Zaak, r: Regeling, o: Opschorting) -> list:
    hs = r.huisstijl
    route = f"per post naar {hs.afzender}, {', '.join(hs.postadres)}"
    if hs.email:
        route += f", per e-mail naar {hs.email}"
    return [
        h.Spacer(1, 4),
        h.pm(f"Wij moeten de gegevens uiterlijk op <b>{h.e(nl_datum(o.termijn_tot))}</b> van u hebben. U kunt ze "
             f"sturen {h.e(route)}, of afgeven aan uw consulent. Vermeld daarbij ons kenmerk "
             f"{h.e(g.kenmerk(zaak))}."),
    ]  # fmt: skip


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


def _beslistermijn(zaak: Zaak, beoordeling: Beoordeling, o: Opschorting) -> list:
    """What the suspension does to the beslistermijn; the dates come from the core (smi_tui.termijnen)."""
    r = beoordeling.regeling
    bt = r.beslistermijn
    met, zonder = _stand(zaak, r, o, met=True), _stand(zaak, r, o, met=False)
    artikel = g.bij_regeling(bt.artikel, r)
    if met.start is None or met.uiterste is None:
        return [h.p(f"Wij moeten binnen {bt.weken} weken op uw aanvraag beslissen ({artikel}). Die termijn loopt nog "
                    f"niet: hij begint {_VANAF.get(beslistermijn_vanaf(r), 'zodra uw aanvraag compleet is')}. Wij laten u dan weten "
                    "op welke datum wij uiterlijk beslissen.")]  # fmt: skip
    if met.opgeschort_dagen <= zonder.opgeschort_dagen:
        # sent after the term had ended: the Awb suspends nothing (the core explains why in its remarks)
        return [h.p(f"Wij moeten binnen {bt.weken} weken op uw aanvraag beslissen ({artikel}). Die termijn is op "
                    f"{nl_datum(zonder.uiterste or met.uiterste)} verstreken; dit verzoek schort hem niet meer op "
                    "(artikel 4:15 Algemene wet bestuursrecht). Wij beslissen zo snel mogelijk nadat wij uw "
                    "aanvulling hebben ontvangen.")]  # fmt: skip
    start = o.verzocht_op + timedelta(days=1)
    return [
        h.p(f"Wij moeten binnen {bt.weken} weken op uw aanvraag beslissen ({artikel}). Zonder dit verzoek was dat "
            f"uiterlijk op {nl_datum(zonder.uiterste or met.uiterste)}. De termijn staat stil vanaf "
            f"{nl_datum(start)}, de dag na de datum van deze brief, tot de dag waarop wij uw aanvulling hebben "
            f"ontvangen. Vult u niet aan, dan staat de termijn stil tot en met {nl_datum(o.termijn_tot)} (artikel "
            "4:15 lid 1 onder a Algemene wet bestuursrecht)."),
        h.pm(f"Daardoor beslissen wij uiterlijk op <b>{h.e(nl_datum(met.uiterste))}</b>. Vult u eerder aan, dan "
             "schuift die datum minder op; wij laten u dan weten wanneer wij uiterlijk beslissen."),
    ]  # fmt: skip


_VANAF = {
    "melding": "op de dag na uw melding",
    "aanvraag": "zodra wij uw aanvraag hebben ontvangen",
    "complete_aanvraag": "pas als uw aanvraag compleet is, dus als wij de gevraagde gegevens hebben",
}
