"""The verslag of the gesprek and investigation, with room for the parent(s) and the consulent to sign.

Where the regulation makes the signed verslag the application (Voerendaal), the document says so. The wording is the
template ``letters/sjablonen/verslag.txt``; this module gives its facts and lays out the tables.
"""

from __future__ import annotations

from datetime import date

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from letters import sjabloon as sj
from letters.datering import briefdatum
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.geld import euro, uren
from smi_tui.zaak import Zaak

ONDERWERP = "Verslag van het gesprek over kinderopvang op sociaal-medische indicatie"

_WERK = {
    "werkt": "werkt",
    "traject": "volgt een traject (re-integratie, studie of inburgering)",
    "werkt_niet": "werkt niet",
    "arbeidsongeschikt": "arbeidsongeschikt",
}


def controleer(zaak: Zaak) -> None:
    """Raise BriefFout when there is no gesprek or no verslag to report."""
    if zaak.gesprek is None:
        raise g.fout(
            "Deze zaak heeft nog geen gesprek. Leg eerst het gesprek vast (stap Gesprek); pas dan kan het "
            "verslag worden gemaakt."
        )
    if zaak.verslag is None:
        raise g.fout(
            "De doelen en afspraken ontbreken nog. Vul eerst de stap Verslag in; pas dan kan het verslag "
            "worden gemaakt."
        )


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None) -> bytes:
    """The verslag as PDF bytes; dated on the day of the gesprek unless ``datum`` is given, and never before the
    advice it reports (see :mod:`letters.datering`)."""
    controleer(zaak)
    gs, vs = zaak.gesprek, zaak.verslag
    assert gs is not None and vs is not None
    r = beoordeling.regeling
    advies = gs.advies
    datum = briefdatum(datum, gs.datum, [(f"het advies van {advies.adviseur}", advies.datum)] if advies else [])
    kop = bp.Briefkop(
        r,
        titel="Verslag gesprek kinderopvang SMI",
        onderwerp=ONDERWERP,
        datum=datum,
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=False, brief="verslag"),
        behandelaar=g.behandelaar(zaak),
    )
    blokken: dict[str, sj.Blok] = {
        "ouders": [_ouders(zaak)],
        "kinderen": [_kinderen(zaak)],
        "opvang": _opvang(zaak),
        "acties": [
            h.tabel([["Wat", "Wie", "Wanneer"]] + [[a.wat, a.wie, a.wanneer or "–"] for a in vs.acties], [90, 45, 30])
        ]
        if vs.acties
        else [],
        "ondertekening": _tekenblok(zaak),
    }
    return bp.bouw_pdf(kop, sj.vul_in("verslag", r.gemeente_code, waarden(zaak, beoordeling), blokken))


def waarden(zaak: Zaak, beoordeling: Beoordeling) -> dict[str, object]:
    """The variables of the template ``verslag.txt`` (listed in LEESMIJ.md)."""
    gs, vs = zaak.gesprek, zaak.verslag
    assert gs is not None and vs is not None
    r = beoordeling.regeling
    i = gs.inkomen
    adres = zaak.aanvrager.adres
    a = gs.advies
    return {
        "aanvraag_is_verslag": r.aanvraag_is_ondertekend_verslag or "",
        "citeertitel": r.citeertitel,
        "gesprek_datum": nl_datum(gs.datum),
        "plaats": gs.plaats,
        "aanwezig": ", ".join(gs.aanwezig),
        "consulent": g.behandeld_door(zaak),
        "melding_datum": nl_datum(zaak.melding.datum),
        "adres": ", ".join(adres.regels()) if adres is not None else "",
        "toetsingsinkomen": _euro_of_leeg(i.toetsingsinkomen_jaar_cent),
        "inkomen_vorig_jaar": _euro_of_leeg(i.gemiddeld_maandinkomen_vorig_jaar_cent),
        "netto_inkomen": _euro_of_leeg(i.netto_maandinkomen_cent),
        "aanleiding": zaak.melding.omschrijving,
        "problematiek": gs.problematiek,
        "hulpvragen": list(gs.hulpvragen),
        "netwerk": gs.netwerk,
        "netwerk_kan_opvang_bieden": gs.netwerk_kan_opvang_bieden,
        "eigen_kracht": gs.eigen_kracht,
        "eigen_kracht_toereikend": gs.eigen_kracht_toereikend,
        "een_ouder": len(zaak.melding.ouders) == 1,
        "betrokken_hulp": gs.betrokken_hulp,
        "advies": {
            "adviseur": a.adviseur,
            "datum": nl_datum(a.datum),
            "positief": a.positief,
            "inhoud": a.inhoud.strip(),
        }
        if a is not None
        else None,
        "opvang_gevraagd": any(k.opvang is not None for k in zaak.melding.kinderen),
        "doelen": list(vs.doelen),
        "afspraken": list(vs.afspraken),
        "acties": bool(vs.acties),
        "aanvullende_eisen": list(vs.aanvullende_eisen),
        "structurele_oplossing": vs.structurele_oplossing,
        "casusregisseur": vs.casusregisseur,
    }


def _euro_of_leeg(cent: int | None) -> str:
    return euro(cent) if cent is not None else ""


def _tekenblok(zaak: Zaak) -> sj.Blok:
    """The ``[[ondertekening]]`` part: the lines under it are the declaration; each parent and the consulent sign.
    The heading just above it stays on its page."""
    ondertekenaars = [(o.naam, "ouder") for o in zaak.melding.ouders]
    wie = g.behandelaar(zaak)
    ondertekenaars.append(
        (
            wie.naam if wie else "de consulent",
            f"{wie.functie_en_team() if wie and wie.functie else 'consulent'} namens het college",
        )
    )

    def blok(uit: list, onder: list[str]) -> list:
        return [*uit[:-1], h.tekenblok(" ".join(onder), ondertekenaars, met=uit[-1:], markup=True)]

    return blok


def _ouders(zaak: Zaak) -> object:
    rijen = [["Naam", "Geboortedatum", "BSN", "Werk of dagbesteding"]]
    for o in zaak.melding.ouders:
        werk = _WERK.get(o.werksituatie.value, "") if o.werksituatie else "niet vastgelegd"
        rijen.append(
            [
                o.naam,
                g.datum_of(o.geboortedatum, "–"),
                o.bsn or "–",
                f"{werk}. {o.werk_toelichting}".strip() if o.werk_toelichting else werk,
            ]
        )
    return h.tabel(rijen, [40, 28, 24, 73])


def _kinderen(zaak: Zaak) -> object:
    kinderen = [["Kind", "Geboortedatum", "BSN", "Adres"]]
    kinderen += [
        [k.naam, nl_datum(k.geboortedatum), k.bsn or "–", g.kind_adres(zaak, i)]
        for i, k in enumerate(zaak.melding.kinderen)
    ]
    return h.tabel(kinderen, [40, 28, 24, 73])


def _opvang(zaak: Zaak) -> list:
    rijen = [["Kind", "Kinderopvang", "Uren per week", "Uurprijs", "Periode"]]
    for k in zaak.melding.kinderen:
        o = k.opvang
        if o is None:
            continue
        if o.dagen_per_week is not None and o.uren_per_dag is not None:
            per_week = f"{uren(o.gevraagde_uren_per_week())} ({o.dagen_per_week} dagen × {uren(o.uren_per_dag)} uur)"
        else:
            per_week = uren(o.gevraagde_uren_per_week())
        periode = f"vanaf {nl_datum(o.begindatum)}" + (f" tot en met {nl_datum(o.einddatum)}" if o.einddatum else "")
        rijen.append(
            [
                k.naam,
                f"{o.soort.label} bij {o.aanbieder}, LRK {o.lrk_nummer}"
                + (f", {o.vestigingsplaats}" if o.vestigingsplaats else ""),
                f"{per_week}; {o.weken_per_jaar} weken per jaar",
                euro(o.uurprijs_cent),
                periode,
            ]
        )
    return [h.tabel(rijen, [26, 52, 35, 18, 34])] if len(rijen) > 1 else []
