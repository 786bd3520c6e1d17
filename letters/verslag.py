"""The verslag of the gesprek and investigation, with room for the parent(s) and the consulent to sign.

Where the regulation makes the signed verslag the application (Voerendaal), the document says so.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
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
    inhoud: list[Flowable] = [h.p("Verslag van het gesprek", "titel")]
    if r.aanvraag_is_ondertekend_verslag:
        inhoud.append(
            h.pm(
                f"<b>Dit verslag is, als u het ondertekent, uw aanvraag</b> "
                f"({h.e(r.aanvraag_is_ondertekend_verslag)} van de {h.e(r.citeertitel)}). De beslistermijn "
                "begint op de dag dat u het ondertekende verslag inlevert."
            )
        )
    inhoud += [
        h.gegevens(
            [
                ("Datum gesprek", nl_datum(gs.datum)),
                ("Plaats", gs.plaats or "niet vastgelegd"),
                ("Aanwezig", ", ".join(gs.aanwezig) or "niet vastgelegd"),
                ("Consulent", g.behandeld_door(zaak) or "niet vastgelegd"),
                ("Melding ontvangen", nl_datum(zaak.melding.datum)),
            ]
        ),
        *_gezin(zaak),
    ]
    for titel, tekst in (("Aanleiding", zaak.melding.omschrijving), ("De problematiek", gs.problematiek)):
        if tekst:
            inhoud += [*h.kop(titel), h.p(tekst)]
    if gs.hulpvragen:
        inhoud += [*h.kop("Hulpvragen"), *h.opsomming(gs.hulpvragen)]
    inhoud += [
        *h.kop("Netwerk"),
        h.p(gs.netwerk or "Niet besproken."),
        h.p(
            g.ja_nee(
                gs.netwerk_kan_opvang_bieden,
                "Het netwerk kan (een deel van) de opvang bieden.",
                "Het netwerk kan de opvang niet bieden.",
            )
        ),
    ]
    enkel = len(zaak.melding.ouders) == 1
    inhoud += [
        *h.kop("Eigen kracht"),
        h.p(gs.eigen_kracht or "Niet besproken."),
        h.p(
            g.ja_nee(
                gs.eigen_kracht_toereikend,
                "De ouder kan de opvang zelf regelen." if enkel else "De ouders kunnen de opvang zelf regelen.",
                "De ouder kan de opvang niet zelf regelen."
                if enkel
                else "De ouders kunnen de opvang niet zelf regelen.",
            )
        ),
    ]
    inhoud += [*h.kop("Hulp die al betrokken is"), h.p(gs.betrokken_hulp or "Geen.")]
    if gs.advies is not None:
        a = gs.advies
        inhoud += [
            *h.kop("Advies"),
            h.p(f"{a.adviseur}, {nl_datum(a.datum)}: {'positief' if a.positief else 'negatief'}. {a.inhoud}".strip()),
        ]
    inhoud += _opvang(zaak)
    inhoud += [*h.kop("Doelen"), *h.opsomming(vs.doelen or ["Geen doelen vastgelegd."])]
    inhoud += [*h.kop("Afspraken"), *h.opsomming(vs.afspraken or ["Geen afspraken vastgelegd."])]
    if vs.acties:
        inhoud += [
            *h.kop("Acties"),
            h.tabel([["Wat", "Wie", "Wanneer"]] + [[a.wat, a.wie, a.wanneer or "–"] for a in vs.acties], [90, 45, 30]),
        ]
    if vs.aanvullende_eisen:
        inhoud += [*h.kop("Aanvullende eisen"), *h.opsomming(vs.aanvullende_eisen)]
    inhoud += [*h.kop("Structurele oplossing"), h.p(vs.structurele_oplossing or "Nog niet bekend.")]
    inhoud += [*h.kop("Casusregisseur"), h.p(vs.casusregisseur or "Nog niet aangewezen.")]
    ondertekenaars = [(o.naam, "ouder") for o in zaak.melding.ouders]
    wie = g.behandelaar(zaak)
    ondertekenaars.append(
        (
            wie.naam if wie else "de consulent",
            f"{wie.functie_en_team() if wie and wie.functie else 'consulent'} namens het college",
        )
    )
    inhoud.append(
        h.tekenblok(
            "Ik verklaar dat de gegevens in dit verslag juist en volledig zijn. Ik weet dat ik veranderingen meteen "
            "moet doorgeven.",
            ondertekenaars,
            met=[h.p("Ondertekening", "kop")],
        )
    )
    return bp.bouw_pdf(kop, inhoud)


def _gezin(zaak: Zaak) -> list:
    gs = zaak.gesprek
    assert gs is not None
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
    kinderen = [["Kind", "Geboortedatum", "BSN", "Adres"]]
    kinderen += [
        [k.naam, nl_datum(k.geboortedatum), k.bsn or "–", g.kind_adres(zaak, i)]
        for i, k in enumerate(zaak.melding.kinderen)
    ]
    adres = zaak.aanvrager.adres
    uit = [*h.kop("Het gezin"), h.tabel(rijen, [40, 28, 24, 73])]
    if adres is not None:
        uit.append(h.p(f"Adres: {', '.join(adres.regels())}."))
    uit += [h.tabel(kinderen, [40, 28, 24, 73])]
    i = gs.inkomen
    if i.toetsingsinkomen_jaar_cent is not None:
        uit.append(h.p(f"Toetsingsinkomen per jaar: {euro(i.toetsingsinkomen_jaar_cent)}."))
    if i.gemiddeld_maandinkomen_vorig_jaar_cent is not None:
        uit.append(
            h.p(f"Gemiddeld gezinsinkomen per maand vorig jaar: {euro(i.gemiddeld_maandinkomen_vorig_jaar_cent)}.")
        )
    if i.netto_maandinkomen_cent is not None:
        uit.append(h.p(f"Netto gezinsinkomen per maand: {euro(i.netto_maandinkomen_cent)}."))
    return uit


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
    if len(rijen) == 1:
        return [*h.kop("Gevraagde kinderopvang"), h.p("Er is nog geen kinderopvang gevraagd.")]
    return [*h.kop("Gevraagde kinderopvang"), h.tabel(rijen, [26, 52, 35, 18, 34])]
