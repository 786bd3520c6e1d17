"""The ontvangstbevestiging: we received the melding, this is what happens next, and when we decide.

The wording is the template ``letters/sjablonen/ontvangstbevestiging.txt`` (see :mod:`letters.sjabloon`); this module
gives its facts: the dates, the term as the core computes it, the documents the regulation asks for."""

from __future__ import annotations

from datetime import date

from letters import briefpapier as bp
from letters import gegevens as g
from letters import sjabloon as sj
from letters.datering import briefdatum
from letters.privacy import bewaartermijn_jaren, fg_contact
from letters.sjabloon_opmaak import handtekening
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.regeling import ToetsStukken
from smi_tui.termijnen import beslistermijn, beslistermijn_vanaf
from smi_tui.zaak import Melder, Zaak

ONDERWERP = "Wij hebben uw melding ontvangen"


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
        feiten += [
            ("de ontvangst van uw aanvraag", a.ontvangen_op),
            ("de dag dat uw aanvraag compleet was", a.compleet_op),
            ("het ondertekende verslag", v.ondertekend_op if v else None),
        ]
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
    inhoud = sj.vul_in(
        "ontvangstbevestiging",
        r.gemeente_code,
        waarden(zaak, beoordeling),
        {"ondertekening": handtekening(g.ondertekenaar(zaak, r), r.ondertekening.functie)},
    )
    return bp.bouw_pdf(kop, inhoud)


def waarden(zaak: Zaak, beoordeling: Beoordeling) -> dict[str, object]:
    """The variables of the template ``ontvangstbevestiging.txt`` (and of ``privacy.txt``, which it includes); the
    names are listed in LEESMIJ.md."""
    r = beoordeling.regeling
    m = zaak.melding
    bt = r.beslistermijn
    wie = g.behandelaar(zaak)
    w: dict[str, object] = {
        "namen": g.namen(zaak),
        "kinderen": g.kinderen(zaak),
        "melding_datum": nl_datum(m.datum),
        "gemeld_door": "" if m.gemeld_door == Melder.OUDER or not m.melder_naam else m.melder_naam,
        "gesprek_datum": nl_datum(zaak.gesprek.datum) if zaak.gesprek is not None else "",
        "gesprek_plaats": zaak.gesprek.plaats if zaak.gesprek is not None else "",
        "aanvraag_is_verslag": r.aanvraag_is_ondertekend_verslag or "",
        "citeertitel": r.citeertitel,
        "gemeente": r.gemeente,
        "beslistermijn_weken": bt.weken,
        "verdaging_weken": bt.verdaging_weken or 0,
        "kenmerk": g.kenmerk(zaak),
        "postadres": ", ".join([r.huisstijl.afzender, *r.huisstijl.postadres]),
        "stukken": [],
        "bewaartermijn_jaren": bewaartermijn_jaren() or 0,
        "fg_contact": fg_contact(r),
        "consulent": wie.naam if wie else "",
        "contact": g.bereikbaar(wie, r),
        "namens": r.ondertekening.namens,
    }
    w.update(_termijn(zaak, beoordeling))
    t = r.toets(ToetsStukken)
    if isinstance(t, ToetsStukken):
        w["stukken"] = [{"omschrijving": s.omschrijving, "artikel": s.artikel} for s in t.stukken]
    return w


def _termijn(zaak: Zaak, beoordeling: Beoordeling) -> dict[str, object]:
    """The beslistermijn as the template words it. Beleidsregels cannot move the statutory term: it runs from
    receipt of the aanvraag (Awb 4:13) and stops only while we wait for documents we asked for (4:15), whatever the
    rules say about a 'complete' aanvraag (``termijn_wettelijk``)."""
    r = beoordeling.regeling
    bt = r.beslistermijn
    if beslistermijn_vanaf(r) != bt.vanaf:  # beleidsregels: the statutory term, from receipt (smi_tui.termijnen)
        stand = beslistermijn(zaak, r)
        bekend = stand.uiterste is not None and stand.start is not None
        return {
            "termijn_wettelijk": True,
            "termijn_start": nl_datum(stand.start) if bekend and stand.start else "",
            "termijn_einde": nl_datum(stand.uiterste) if bekend and stand.uiterste else "",
            "termijn_grond": f"artikel 4:13 Awb; {g.bij_regeling(bt.artikel, r)}",
            "termijn_omschrijving": "",
            "termijn_vanaf": beslistermijn_vanaf(r),
        }
    t = g.termijn(beoordeling, "beslistermijn")
    loopt = t is not None and t.datum is not None
    return {
        "termijn_wettelijk": False,
        "termijn_start": "",
        "termijn_einde": nl_datum(t.datum) if t is not None and t.datum is not None else "",
        "termijn_grond": g.bij_regeling(bt.artikel, r),
        "termijn_omschrijving": t.omschrijving if t is not None and loopt else "",
        "termijn_vanaf": "ondertekend_verslag" if r.aanvraag_is_ondertekend_verslag else beslistermijn_vanaf(r),
    }
