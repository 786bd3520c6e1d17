"""The beschikking: the college's decision (toekenning, gedeeltelijke toekenning or afwijzing).

What the Awb asks of it is all here: it names the belanghebbenden and the decision, is motivated from the
tests (3:46), states the rules it rests on (3:47) and says who may object, within which term and where
(3:45, 6:7, 6:8). A grant adds the childcare, hours, prices, compensation, parent's share, period, payment,
obligations and a calculation appendix per child per month. The wording around them is the template
``letters/sjablonen/beschikking.txt``, whose dictum, motivering, rechtsgrond and bezwaarclausule are checked present
(:data:`letters.sjabloon.VERPLICHT_BESLUIT`); the motivering, the legal basis and the amounts are laid out here.
"""

from __future__ import annotations

from datetime import date

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from letters import sjabloon as sj
from letters.betaling import betaalzin
from letters.bezwaar import MET_ONDERTEKENING, bezwaarclausule
from letters.hardheidsclausule import hardheidsclausule
from letters.rechtsgrond import rechtsgrond
from letters.sjabloon_opmaak import handtekening
from smi_tui.beoordeling import Beoordeling
from smi_tui.berekening import Berekening, KindBerekening, Maandregel
from smi_tui.besluitregels import Toekenning, besluitcontrole, toekenning
from smi_tui.datums import dagen_in_maand, nl_datum, nl_maand
from smi_tui.geld import euro, uren
from smi_tui.regeling import Regeling
from smi_tui.toetsing import Uitkomst
from smi_tui.zaak import Beslissing, Zaak

ONDERWERP = "Besluit over kinderopvang op sociaal-medische indicatie"


def voorbehoud(b: Berekening) -> list:
    """The reservation for months calculated with a table that is not yet published: which months, why, and how
    they will be settled (a new decision, paid or set off, open to objection). Said once, under the amounts; the
    appendix marks those months with an asterisk."""
    maanden = sorted({(m.jaar, m.maand) for k in b.kinderen for m in k.maanden if m.voorlopig})
    if not maanden:
        return []
    eerste, laatste = nl_maand(*maanden[0]), nl_maand(*maanden[-1])
    welke = eerste if eerste == laatste else f"{eerste} tot en met {laatste}"
    return [
        h.pm(
            f"<b>Onder voorbehoud: {h.e(welke)}.</b> Voor deze maanden is de landelijke tabel of norm nog niet "
            "bekendgemaakt. Wij hebben ze berekend met de laatst bekende tabel (in de bijlage met een * gemarkeerd) en "
            "kennen de tegemoetkoming voor die maanden toe onder dit voorbehoud. Zodra de nieuwe tabel bekend is, "
            "berekenen wij die maanden opnieuw en stellen wij het bedrag met een nieuw besluit definitief vast. Komt u "
            "dan meer toe, dan betalen wij het verschil bij. Komt u minder toe, dan verrekenen wij het verschil met de "
            "volgende betalingen of vragen wij het terug. Tegen dat nieuwe besluit kunt u opnieuw bezwaar maken."
        )
    ]


def controleer(zaak: Zaak) -> None:
    """Raise BriefFout when the case has no decision to put in a beschikking."""
    if zaak.besluit is None:
        raise g.fout(
            "Deze zaak heeft nog geen besluit. Neem eerst een besluit (stap Besluit); pas dan kan de "
            "beschikking worden gemaakt."
        )


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None) -> bytes:
    """The beschikking as PDF bytes; the letter is dated on the besluit date unless ``datum`` is given."""
    controleer(zaak)
    wie = g.behandelaar_verplicht(zaak, "beschikking")
    besluit = zaak.besluit
    assert besluit is not None
    problemen = besluitcontrole(zaak, beoordeling)
    if problemen:
        raise g.fout("Het besluit kan zo niet in een beschikking: " + " ".join(problemen))
    t = toekenning(zaak, beoordeling)
    toegekend = besluit.beslissing != Beslissing.AFWIJZEN
    b = t.berekening
    if toegekend and b is None:
        raise g.fout(
            "Voor een toekenning is een berekening nodig, maar er ontbreken gegevens: " + "; ".join(t.ontbrekend)
        )
    r = beoordeling.regeling
    kop = bp.Briefkop(
        r,
        titel=f"Beschikking kinderopvang SMI – {g.kenmerk(zaak)}",
        onderwerp=ONDERWERP,
        datum=datum or besluit.datum,
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=True, brief="beschikking"),
        behandelaar=wie,
    )
    blokken: dict[str, sj.Blok] = {
        "kinderen": [_kindertabel(zaak)],
        "wat_u_krijgt": _toekenning(zaak, beoordeling, b) if toegekend and b is not None else [],
        "motivering": _motivering(zaak, beoordeling, t),
        "betaling_en_plichten": _betaling_en_plichten(beoordeling, b, zaak) if toegekend else [],
        "rechtsgrond": rechtsgrond(zaak, beoordeling, t),
        "bezwaarclausule": _bezwaar(zaak, beoordeling),
        "ondertekening": handtekening(g.ondertekenaar(zaak, r), r.ondertekening.functie, houd=MET_ONDERTEKENING),
        "bijlage": _bijlage(b) if toegekend and b is not None else [],
    }
    inhoud = sj.vul_in(
        "beschikking", r.gemeente_code, waarden(zaak, beoordeling, t), blokken, verplicht=sj.VERPLICHT_BESLUIT
    )
    return bp.bouw_pdf(kop, inhoud)


def waarden(zaak: Zaak, beoordeling: Beoordeling, t: Toekenning) -> dict[str, object]:
    """The variables of the template ``beschikking.txt`` (listed in LEESMIJ.md). ``beslissing`` is 'toekennen',
    'gedeeltelijk' or 'afwijzen'; a partial grant lists what is granted and what is refused, each with its period
    or reason and article (Awb 3:46)."""
    from smi_tui.berekening import aanvraagdatum

    r = beoordeling.regeling
    b = t.berekening
    besluit = zaak.besluit
    assert besluit is not None
    p = r.plan_van_aanpak
    plan = p is not None and p.deel_van_besluit and t.beslissing != Beslissing.AFWIJZEN
    afwijzen = t.beslissing == Beslissing.AFWIJZEN or b is None
    return {
        "namen": g.namen(zaak),
        "kinderen": g.kinderen(zaak),
        "een_ouder": len(zaak.melding.ouders) == 1,
        "een_kind": len(zaak.melding.kinderen) == 1,
        "aanvraag_datum": nl_datum(aanvraagdatum(zaak, r) or zaak.melding.datum),
        "beslissing": Beslissing.AFWIJZEN.value if afwijzen else t.beslissing.value,
        "begin": nl_datum(b.begin) if b is not None else "",
        "eind": nl_datum(b.eind) if b is not None else "",
        "toegekend": [_toegekend_kind(k) for k in b.kinderen if k.maanden] if b is not None and not afwijzen else [],
        "afgewezen": _afgewezen(t, b) if b is not None and not afwijzen else [],
        # the college establishes the plan van aanpak in the decision (Eemnes artikel 3.3 lid 3)
        "plan_artikel": g.bij_regeling(p.artikel, r) if plan and p is not None else "",
        "besluit_datum": nl_datum(besluit.datum),
        "namens": r.ondertekening.namens,
    }


def _afgewezen(t: Toekenning, b: Berekening) -> list[str]:
    """What a partial grant refuses: hours above a cap per child (how many, which cap), then each other part."""
    uit: list[str] = []
    for k in b.kinderen:
        kappen = [r for r in t.geweigerd if r.code == "urenmaximum" and r.kind == k.index]
        if kappen and k.maanden:
            regels = "; ".join(f"{x.artikel}: {x.omschrijving}" for x in k.beperkingen)
            uit.append(
                f"{k.naam}: {uren(k.uren_gevraagd_per_maand - k.uren_vergoed_per_maand)} van de gevraagde "
                f"{uren(k.uren_gevraagd_per_maand)} uur {k.opvang.soort.label} per maand, boven het maximum "
                f"({regels})"
            )
    for r in t.geweigerd:
        if r.code != "urenmaximum":
            uit.append(g.uitleg(r).rstrip(".") + (f" ({r.artikel})" if r.artikel else ""))
    return uit


def _toegekend_kind(k: KindBerekening) -> str:
    o = k.opvang
    return (
        f"{k.naam}: een tegemoetkoming voor {uren(k.uren_vergoed_per_maand)} uur {o.soort.label} per maand "
        f"tegen ten hoogste {euro(k.vergoede_uurprijs_cent)} per uur, van {nl_datum(k.begin)} tot en met "
        f"{nl_datum(k.eind)}"
    )


def _kindertabel(zaak: Zaak) -> h.Table:
    rijen = [["Naam", "Adres", "Geboortedatum"]]
    rijen += [[k.naam, g.kind_adres(zaak, i), nl_datum(k.geboortedatum)] for i, k in enumerate(zaak.melding.kinderen)]
    return h.tabel(rijen, [45, 85, 35])


def _volle_maand(k: KindBerekening) -> Maandregel | None:
    for m in k.maanden:
        if m.dagen == dagen_in_maand(m.jaar, m.maand):
            return m
    return k.maanden[0] if k.maanden else None


def bedragentabel(b: Berekening) -> h.Table:
    """Per child: the care, the hours and hourly price granted and the compensation of a full month."""
    rijen = [["Kind", "Kinderopvang", "Uren per maand", "Uurprijs", "Per maand"]]
    for k in b.kinderen:
        o = k.opvang
        opvang = f"{o.soort.label} bij {o.aanbieder} (LRK {o.lrk_nummer})"
        if k.uitgesloten or not k.maanden:
            rijen.append([k.naam, opvang, "–", "–", f"geen tegemoetkoming: {k.uitgesloten}"])
            continue
        m = _volle_maand(k)
        gevraagd = (
            ""
            if k.uren_vergoed_per_maand == k.uren_gevraagd_per_maand
            else f"\n(gevraagd {uren(k.uren_gevraagd_per_maand)})"
        )
        prijs = euro(k.vergoede_uurprijs_cent) + (
            "" if k.vergoede_uurprijs_cent == k.uurprijs_cent else f"\n(offerte {euro(k.uurprijs_cent)})"
        )
        rijen.append(
            [
                k.naam,
                opvang,
                f"{uren(k.uren_vergoed_per_maand)}{gevraagd}",
                prijs,
                f"{euro(m.tegemoetkoming_cent) if m else '–'}",
            ]
        )
    return h.tabel(rijen, [27, 58, 30, 30, 22], rechts=(2, 3, 4))


def _toekenning(zaak: Zaak, beoordeling: Beoordeling, b: Berekening) -> list:
    r = beoordeling.regeling
    uit = [*h.kop("Wat u krijgt"), bedragentabel(b)]
    per_maand, eigen = b.typische_maand()
    uit += [
        h.Spacer(1, 4),
        h.gegevens(
            [
                ("Ingangsdatum", nl_datum(b.begin)),
                ("Periode", f"{g.periode_tekst(b.begin, b.eind)} ({r.periode.artikel})"),
                ("Einddatum", nl_datum(b.eind)),  # of this decision; a later extension or change has its own letter
                ("Tegemoetkoming per maand", f"{euro(per_maand)} (een volle maand; zie de bijlage voor elke maand)"),
                ("Uw eigen bijdrage per maand", f"{euro(eigen)} (dit betaalt u zelf aan de kinderopvang)"),
                ("Totaal over de hele periode", euro(b.totaal_cent)),
            ]
        ),
    ]
    uit.append(
        h.p(
            "De tegemoetkoming is berekend per kind per maand: vergoede uren × vergoede uurprijs × "
            f"percentage ({r.berekening.artikel}; uurprijs: {r.berekening.uurprijs_artikel}). De eerste en "
            "de laatste maand tellen naar rato van de dagen. Bedragen zijn per kind per maand afgerond op "
            "hele centen."
        )
    )
    return uit + voorbehoud(b)


def _opsomming(resultaten: list, r: Regeling) -> list:
    return h.opsomming(
        [f"<b>{h.e(t.artikel)}</b>: {h.e(g.uitleg(t, r))}" if t.artikel else h.e(g.uitleg(t, r)) for t in resultaten],
        markup=True,
    )


def _motivering(zaak: Zaak, beoordeling: Beoordeling, t: Toekenning) -> list:
    besluit = zaak.besluit
    assert besluit is not None
    r = beoordeling.regeling
    uit = [*h.kop("Waarom wij zo besluiten")]
    if besluit.motivering.strip():
        uit.append(h.p(besluit.motivering.strip()))
    uit.append(h.p(f"Wij hebben uw aanvraag getoetst aan de {r.citeertitel}. " + _vindplaatsen(beoordeling)))
    niet = [x for x in t.geweigerd if x.uitkomst == Uitkomst.NIET_VOLDAAN]
    if niet:
        deze = "deze voorwaarde" if len(niet) == 1 else "deze voorwaarden"
        kop = (
            f"U voldoet niet aan {deze}:"
            if t.beslissing == Beslissing.AFWIJZEN
            else f"Voor een deel van de aanvraag is niet voldaan aan {deze}:"
        )
        uit.append(h.pm(f"<b>{h.e(kop)}</b>"))
        uit += _opsomming(niet, r)
    minder = [x for x in t.geweigerd if x.uitkomst == Uitkomst.VOLDAAN]
    if minder and t.beslissing == Beslissing.GEDEELTELIJK:  # a full grant or a refusal gives no "less"
        uit.append(h.pm("<b>Waarom u minder krijgt dan u vroeg:</b>"))
        uit += _opsomming(minder, r)
    voldaan = [x for x in beoordeling.toetsen if x.uitkomst == Uitkomst.VOLDAAN and not x.beperkt]
    if voldaan:
        uit.append(h.pm("<b>Aan deze voorwaarden is voldaan:</b>"))
        uit += _opsomming(voldaan, r)
    if besluit.hardheidsclausule.toegepast:
        uit += hardheidsclausule(zaak, beoordeling, t)
    return uit


def _vindplaatsen(beoordeling: Beoordeling) -> str:
    """What the references below point to, honestly: articles of the regulation, or (Heemstede, where only the
    council proposal is available) the sections of the proposal with which the council set the rules."""
    voorstellen = sorted({a.split(",")[0] for t in beoordeling.toetsen if (a := t.artikel).startswith("raadsvoorstel")})
    if not voorstellen:
        return "De artikelen hieronder zijn artikelen van die regeling."
    return (
        f"Waar hieronder ‘{voorstellen[0]}’ staat, staat de regel in het voorstel waarmee de raad de "
        "regeling heeft vastgesteld; de andere verwijzingen zijn artikelen van de regeling."
    )


def _betaling_en_plichten(beoordeling: Beoordeling, b: Berekening | None, zaak: Zaak | None = None) -> list:
    r = beoordeling.regeling
    zaak = zaak or beoordeling.zaak  # the case decides who is paid (the verlenging passes none: its assessment's)
    uit = [*h.kop("Hoe wij betalen")]
    if b is not None and r.betaling.aan == "ouder_of_aanbieder":  # the regulation leaves the choice: state it
        uit.append(h.p(betaalzin(zaak, r, b)))
    else:
        uit.append(h.p(f"{r.betaling.omschrijving} ({g.bij_regeling(r.betaling.artikel, r)})"))
    voorwaarden = [v for v in beoordeling.uitbetalingsvoorwaarden if not v.get("ontvangen_op")]
    if voorwaarden:
        uit.append(h.p("Wij betalen pas uit als wij dit van u hebben ontvangen:"))
        uit += h.opsomming([f"{v['omschrijving']} ({v['artikel']})" for v in voorwaarden])
    uit += [*h.kop("Wat wij van u verwachten")]
    uit += h.opsomming([f"{v.tekst} ({v.artikel})" for v in r.verplichtingen])
    uit.append(
        h.p(
            "Komt u deze verplichtingen niet na, of verandert uw situatie, dan kunnen wij dit besluit "
            "herzien of intrekken en te veel betaalde tegemoetkoming terugvorderen."
        )
    )
    return uit


def _bezwaar(zaak: Zaak, beoordeling: Beoordeling) -> list:
    besluit = zaak.besluit
    assert besluit is not None
    return bezwaarclausule(zaak, beoordeling.regeling, besluit.verzonden_op or besluit.datum)


def _bijlage(b: Berekening) -> list:
    uit: list = [h.PageBreak(), h.p("Bijlage: berekening per kind per maand", "titel"),
                 h.p("Bedragen per kalendermaand. Een maand die maar voor een deel in de periode valt, telt naar "
                     "rato van de dagen.")]  # fmt: skip
    for k in b.kinderen:
        o = k.opvang
        uit += h.kop(f"{k.naam} – {o.soort.label} bij {o.aanbieder} (LRK {o.lrk_nummer})")
        if not k.maanden:
            uit.append(h.p(f"Geen tegemoetkoming: {k.uitgesloten or 'niet voldaan aan een voorwaarde'}."))
            continue
        minder = any(m.uren_gevraagd != m.uren_vergoed for m in k.maanden)
        # the costs are for the hours asked, the compensation for the hours granted: both shown, so they agree
        uit.append(
            h.p(
                f"Vergoede uurprijs {euro(k.vergoede_uurprijs_cent)} ({k.uurprijs_tabel}); prijs volgens "
                f"offerte {euro(k.uurprijs_cent)}. Kosten: de gevraagde uren × de prijs volgens de offerte. "
                "Tegemoetkoming: de vergoede uren × de vergoede uurprijs × het percentage."
                + (" Bij de uren staat tussen haakjes hoeveel uur u vroeg." if minder else ""),
                "klein",
            )
        )
        rijen = [["Maand", "Dagen", "Uren vergoed", "Perc.", "Kosten", "Tegemoetkoming", "Eigen bijdrage",
                  "Opmerking"]]  # fmt: skip
        noten: list[str] = []  # every month's missing figures, said once under the table
        for m in k.maanden:
            opm = "eerste kind" if m.eerste_kind else "volgend kind"
            if m.voorlopig:
                opm += " *"
                noten += [n for n in m.toelichting if n not in noten]
            gevraagd = f"\n({uren(m.uren_gevraagd)})" if m.uren_gevraagd != m.uren_vergoed else ""
            rijen.append(
                [
                    nl_maand(m.jaar, m.maand),
                    str(m.dagen),
                    uren(m.uren_vergoed) + gevraagd,
                    f"{uren(m.percentage)}%",
                    euro(m.kosten_cent),
                    euro(m.tegemoetkoming_cent),
                    euro(m.eigen_bijdrage_cent),
                    opm,
                ]
            )
        kosten = sum(m.kosten_cent for m in k.maanden)
        eigen = sum(m.eigen_bijdrage_cent for m in k.maanden)
        rijen.append(["Totaal", "", "", "", euro(kosten), euro(k.totaal_cent), euro(eigen), ""])
        uit.append(
            h.tabel(rijen, [26, 12, 13, 13, 20, 30, 20, 31], rechts=(1, 2, 3, 4, 5, 6), klein=True, vet_laatste=True)
        )
        if noten:
            uit.append(h.p(f"* Onder voorbehoud (zie de brief): {_voorlopig(noten)}.", "klein"))
    return uit


def _voorlopig(toelichting: list[str]) -> str:
    """'KOT-tabel 2027 en maximale uurprijs 2027 ontbreken; berekend met de tabel van 2026' (smi_tui.landelijk
    words each missing figure as '<figure> ontbreekt; voorlopig berekend met <what was used>')."""
    ontbreekt, met = [], []
    for t in toelichting:
        deel, _, rest = t.partition(" ontbreekt; voorlopig ")
        if not rest:
            return "; ".join(toelichting)
        ontbreekt.append(deel)
        if rest not in met:
            met.append(rest)
    werkwoord = "ontbreekt" if len(ontbreekt) == 1 else "ontbreken"
    gebruikt = g.opsomming([m.removeprefix("berekend ") for m in met])
    return f"{g.opsomming(ontbreekt)} {werkwoord}; berekend {gebruikt}"
