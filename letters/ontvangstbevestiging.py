"""The ontvangstbevestiging: we received the melding, this is what happens next, and when we decide."""

from __future__ import annotations

from datetime import date

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from letters.datering import briefdatum
from letters.privacy import privacyblok
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.regeling import Regeling, ToetsStukken
from smi_tui.termijnen import beslistermijn, beslistermijn_vanaf
from smi_tui.zaak import Melder, Zaak

ONDERWERP = "Wij hebben uw melding ontvangen"

_VANAF = {
    "melding": "vanaf de dag waarop wij uw melding ontvingen",
    "aanvraag": "zodra wij uw aanvraag hebben ontvangen",
    "complete_aanvraag": "zodra wij uw aanvraag met alle stukken hebben ontvangen",
}


def controleer(zaak: Zaak) -> None:
    """Every case has a melding; the address is checked when the letter is laid out."""
    g.adresregels(zaak, verplicht=True, brief="ontvangstbevestiging")


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None) -> bytes:
    """The ontvangstbevestiging as PDF bytes; dated on the day of the melding unless ``datum`` is given, and
    never before the aanvraag whose term it reports (see :mod:`letters.datering`)."""
    r = beoordeling.regeling
    m = zaak.melding
    t = g.termijn(beoordeling, "beslistermijn")
    feiten: list[tuple[str, date | None]] = []
    if t is not None and t.datum is not None:  # the term paragraph reports the day the term started
        a, v = zaak.aanvraag, zaak.verslag
        feiten += [("de ontvangst van uw aanvraag", a.ontvangen_op),
                   ("de dag dat uw aanvraag compleet was", a.compleet_op),
                   ("het ondertekende verslag", v.ondertekend_op if v else None)]  # fmt: skip
    datum = briefdatum(datum, m.datum, feiten)
    kop = bp.Briefkop(
        r,
        titel="Ontvangstbevestiging melding kinderopvang SMI",
        onderwerp=ONDERWERP,
        datum=datum,
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=True, brief="ontvangstbevestiging"),
        behandelaar=g.behandelaar(zaak),
    )
    kinderen = g.kinderen(zaak)
    door = "" if m.gemeld_door == Melder.OUDER or not m.melder_naam else f" {m.melder_naam} heeft dit namens u gemeld."
    inhoud = [
        h.p(g.aanhef(zaak)),
        h.p(
            f"Op {nl_datum(m.datum)} hebben wij uw melding ontvangen. U vraagt om hulp bij kinderopvang op "
            f"sociaal-medische indicatie (SMI) voor {kinderen}.{door} In deze brief leest u wat er nu gebeurt."
        ),
        *h.kop("Wat gebeurt er nu?"),
        *h.opsomming(_stappen(zaak, beoordeling)),
        *h.kop("Wanneer beslissen wij?"),
        *_beslistermijn(zaak, beoordeling),
        *h.kop("Wat vragen wij van u?"),
        *_stukken(zaak, beoordeling),
        h.p(
            "Verandert er iets in uw situatie, bijvoorbeeld uw gezondheid, uw werk, uw inkomen of uw adres? "
            "Geef dat dan meteen aan ons door."
        ),
        *privacyblok(r),
    ]
    slot = h.p(
        "Heeft u vragen? Neem dan contact op met uw consulent"
        + (f" {wie.naam}" if (wie := g.behandelaar(zaak)) else "")
        + (f", {contact}." if (contact := g.bereikbaar(wie, r)) else ".")
    )
    inhoud.append(
        h.ondertekening(
            ["Met vriendelijke groet,", f"namens {r.ondertekening.namens},"],
            g.behandelaar(zaak),
            r.ondertekening.functie,
            met=[slot],
        )
    )
    return bp.bouw_pdf(kop, inhoud)


def _stappen(zaak: Zaak, beoordeling: Beoordeling) -> list[str]:
    r = beoordeling.regeling
    stappen = []
    if zaak.gesprek is not None:
        stappen.append(
            f"Het gesprek met uw consulent is op {nl_datum(zaak.gesprek.datum)}"
            + (f" ({zaak.gesprek.plaats})." if zaak.gesprek.plaats else ".")
        )
    else:
        stappen.append(
            "Uw consulent maakt een afspraak met u voor een gesprek, meestal bij u thuis. In dat gesprek "
            "bespreken we uw situatie, wie u kan helpen en welke kinderopvang nodig is."
        )
    stappen.append("Soms vragen wij advies aan een (medisch) deskundige. Wij vragen u dan om toestemming.")
    if r.aanvraag_is_ondertekend_verslag:
        stappen.append(
            f"Van het gesprek maken wij een verslag. U leest het en zet uw handtekening. Het ondertekende "
            f"verslag is uw aanvraag ({r.aanvraag_is_ondertekend_verslag} van de {r.citeertitel})."
        )
    else:
        stappen.append("Van het gesprek maken wij een verslag. Daarna kunt u de aanvraag doen.")
    stappen.append("Daarna nemen wij een besluit. Dat krijgt u per brief (beschikking).")
    return stappen


def _beslistermijn(zaak: Zaak, beoordeling: Beoordeling) -> list:
    r = beoordeling.regeling
    bt = r.beslistermijn
    if beslistermijn_vanaf(r) != bt.vanaf:  # beleidsregels: the statutory term, from receipt (smi_tui.termijnen)
        return _wettelijke_termijn(zaak, r)
    t = g.termijn(beoordeling, "beslistermijn")
    uit = []
    if t is not None and t.datum is not None:
        uit.append(
            h.pm(
                f"Wij beslissen binnen {bt.weken} weken ({h.e(t.omschrijving)}). Dat is uiterlijk op "
                f"<b>{h.e(nl_datum(t.datum))}</b> ({h.e(g.bij_regeling(bt.artikel, r))})."
            )
        )
    else:
        vanaf = (
            "zodra u het verslag van het gesprek heeft ondertekend"
            if r.aanvraag_is_ondertekend_verslag
            else _VANAF[beslistermijn_vanaf(r)]
        )
        uit.append(
            h.p(
                f"Wij beslissen binnen {bt.weken} weken. Die termijn loopt nog niet: hij begint {vanaf} "
                f"({g.bij_regeling(bt.artikel, r)}). Wij laten u dan weten op welke datum de termijn eindigt."
            )
        )
    if bt.verdaging_weken:
        uit.append(
            h.p(
                f"Lukt het niet om op tijd te beslissen? Dan mogen wij de termijn één keer met ten hoogste "
                f"{bt.verdaging_weken} weken verlengen. Dat laten wij u dan vóór het einde van de termijn "
                "schriftelijk weten (artikel 4:14 Algemene wet bestuursrecht)."
            )
        )
    return uit


def _wettelijke_termijn(zaak: Zaak, r: Regeling) -> list:
    """Beleidsregels cannot move the statutory term: it runs from receipt of the aanvraag (Awb 4:13) and stops only
    while we wait for documents we asked for (4:15), whatever the rules say about a 'complete' aanvraag."""
    bt = r.beslistermijn
    stand = beslistermijn(zaak, r)
    grond = f"artikel 4:13 Awb; {g.bij_regeling(bt.artikel, r)}"
    if stand.uiterste is not None and stand.start is not None:
        eerst = h.pm(f"Wij beslissen binnen {bt.weken} weken na ontvangst van uw aanvraag ({h.e(nl_datum(stand.start))}"
                     f"). Dat is uiterlijk op <b>{h.e(nl_datum(stand.uiterste))}</b> ({h.e(grond)}).")  # fmt: skip
    else:
        eerst = h.p(f"Wij beslissen binnen {bt.weken} weken na ontvangst van uw aanvraag ({grond}). Die termijn "
                    "begint op de dag dat uw aanvraag bij ons binnenkomt.")  # fmt: skip
    return [eerst, h.p("Ontbreken er stukken en vragen wij u die aan te vullen? Dan telt de tijd vanaf de dag na ons "
                       "verzoek tot de dag waarop wij de stukken ontvangen niet mee, en schuift de datum op (artikel "
                       "4:15 Awb). Wij laten u dan weten wat de nieuwe datum is.")]  # fmt: skip


def _stukken(zaak: Zaak, beoordeling: Beoordeling) -> list:
    r = beoordeling.regeling
    t = r.toets(ToetsStukken)
    if not isinstance(t, ToetsStukken):
        return [h.p("Uw consulent vertelt u in het gesprek welke papieren wij van u nodig hebben.")]
    adres = ", ".join([r.huisstijl.afzender, *r.huisstijl.postadres])
    return [
        h.p("Voor het besluit hebben wij deze stukken van u nodig:"),
        *h.opsomming([f"{s.omschrijving} ({s.artikel})" for s in t.stukken]),
        h.p("U kunt de stukken aan uw consulent geven tijdens het gesprek. U kunt ze ook per post sturen naar "
            f"{adres}. Zet er het kenmerk {g.kenmerk(zaak)} op. Stuur geen originelen: een kopie is genoeg."),
    ]  # fmt: skip
