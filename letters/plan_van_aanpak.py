"""The plan van aanpak: goals, actions, who does what, evaluation moments, obligations and what happens at the
end of the period."""

from __future__ import annotations

from datetime import date

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from letters.betaling import betaalzin
from smi_tui.beoordeling import Beoordeling
from smi_tui.berekening import Berekening
from smi_tui.besluitregels import betaalkeuze, toekenning
from smi_tui.datums import nl_datum
from smi_tui.regeling import INGANG_ZONDER_REGEL
from smi_tui.zaak import Beslissing, Zaak

ONDERWERP = "Plan van aanpak kinderopvang op sociaal-medische indicatie"


def controleer(zaak: Zaak) -> None:
    """Raise BriefFout when there is no verslag with goals and actions to plan from."""
    if zaak.gesprek is None or zaak.verslag is None:
        raise g.fout(
            "Voor een plan van aanpak zijn het gesprek en het verslag (doelen, afspraken en acties) nodig. "
            "Vul eerst de stappen Gesprek en Verslag in."
        )


def _datum(zaak: Zaak) -> date:
    if zaak.besluit is not None:
        return zaak.besluit.datum
    assert zaak.gesprek is not None and zaak.verslag is not None
    return zaak.verslag.ondertekend_op or zaak.gesprek.datum


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None) -> bytes:
    """The plan van aanpak as PDF bytes; dated on the besluit (or the verslag) unless ``datum`` is given."""
    controleer(zaak)
    vs = zaak.verslag
    assert vs is not None
    r = beoordeling.regeling
    kop = bp.Briefkop(
        r,
        titel="Plan van aanpak kinderopvang SMI",
        onderwerp=ONDERWERP,
        datum=datum or _datum(zaak),
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=False, brief="plan van aanpak"),
        behandelaar=g.behandelaar(zaak),
    )
    kinderen = g.kinderen(zaak)
    inhoud = [
        h.p("Plan van aanpak", "titel"),
        h.p(
            f"Dit plan hoort bij de kinderopvang op sociaal-medische indicatie voor {kinderen}. Hierin staat wat "
            f"we willen bereiken, wie wat doet en wanneer we samen kijken hoe het gaat. {g.ouders_woord(zaak, True)}: {g.namen(zaak)}. "
            f"Casusregisseur: {vs.casusregisseur or g.behandeld_door(zaak) or 'nog niet aangewezen'}."
        ),
        *_vastgesteld(zaak, beoordeling),
        *h.kop("Wat willen we bereiken?"),
        *h.opsomming(vs.doelen or ["Nog geen doelen vastgelegd."]),
    ]
    if vs.acties:
        inhoud += [
            *h.kop("Wat gaan we doen?"),
            h.tabel([["Wat", "Wie", "Wanneer"]] + [[a.wat, a.wie, a.wanneer or "–"] for a in vs.acties], [90, 45, 30]),
        ]
        inhoud += [*h.kop("Wie doet wat?"), *h.opsomming(_wie_doet_wat(zaak))]
    if vs.afspraken:
        inhoud += [*h.kop("Afspraken"), *h.opsomming(vs.afspraken)]
    if vs.structurele_oplossing:
        inhoud += [*h.kop("Hoe lossen we het op lange termijn op?"), h.p(vs.structurele_oplossing)]
    inhoud += _ingang_en_betaling(zaak, beoordeling)
    inhoud += _evaluatie(beoordeling)
    inhoud += _plichten(beoordeling)
    inhoud += _einde(beoordeling)
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
            "Ik ga akkoord met dit plan van aanpak en houd mij aan de afspraken.",
            ondertekenaars,
            met=[h.p("Akkoord", "kop")],
        )
    )
    return bp.bouw_pdf(kop, inhoud)


def _wie_doet_wat(zaak: Zaak) -> list[str]:
    vs = zaak.verslag
    assert vs is not None
    per: dict[str, list[str]] = {}
    for a in vs.acties:
        wat = a.wat[:1].lower() + a.wat[1:] if a.wat[1:2].islower() else a.wat  # keep 'GGZ', lower 'Voortgang'
        per.setdefault(a.wie, []).append(wat)
    return [f"{wie}: {'; '.join(wat)}." for wie, wat in per.items()]


def _evaluatie(beoordeling: Beoordeling) -> list:
    r = beoordeling.regeling
    uit = [*h.kop("Wanneer kijken we hoe het gaat?")]
    evaluaties = g.evaluaties(beoordeling)
    einde = g.termijn(beoordeling, "einde_tegemoetkoming")
    if evaluaties:
        rijen = [["Moment", "Datum", "Door", "Regel"]]
        rijen += [
            [
                f"Evaluatie {i}",
                nl_datum(t.datum) if t.datum else "–",
                r.evaluatie.door if r.evaluatie else "",
                t.artikel,
            ]
            for i, t in enumerate(evaluaties, 1)
        ]
        uit.append(h.tabel(rijen, [30, 40, 55, 40]))
    elif einde is not None and einde.datum is not None:
        uit.append(
            h.p(
                "De regeling noemt geen vaste evaluatiemomenten. Uw consulent bespreekt met u hoe het gaat, "
                f"in elk geval vóór het einde van de tegemoetkoming op {nl_datum(einde.datum)}."
            )
        )
    else:
        uit.append(
            h.p(
                "De data voor evaluatie en het einde van de periode staan in de beschikking. Die volgen uit "
                "het besluit."
            )
        )
    herindicatie = g.termijn(beoordeling, "herindicatie")
    if herindicatie is not None and herindicatie.datum is not None:
        uit.append(
            h.p(f"Herindicatie: uiterlijk {nl_datum(herindicatie.datum)} ({g.bij_regeling(herindicatie.artikel, r)}).")
        )
    return uit


def _plichten(beoordeling: Beoordeling) -> list:
    r = beoordeling.regeling
    regels = [f"{v.tekst} ({v.artikel})" for v in r.verplichtingen]
    teksten = " ".join(v.tekst.lower() for v in r.verplichtingen)
    if not any(w in teksten for w in ("zo kort", "zo klein", "zo beperkt", "zo min")):
        # common to every regulation (see DOMAIN.md): SMI childcare is temporary and as limited as possible
        regels.append("U zorgt dat het aantal uren en de duur van de kinderopvang zo klein mogelijk blijven.")
    return [*h.kop("Wat wij van u verwachten"), *h.opsomming(regels)]


def _einde(beoordeling: Beoordeling) -> list:
    r = beoordeling.regeling
    v = r.verlenging
    einde = g.termijn(beoordeling, "einde_tegemoetkoming")
    eind = f"op {nl_datum(einde.datum)}" if einde and einde.datum else "op de datum in de beschikking"
    uit = [*h.kop("Wat gebeurt er aan het einde?"), h.p(f"De tegemoetkoming stopt {eind}.")]
    if v.toegestaan:
        aanvragen = g.termijn(beoordeling, "verlenging_aanvragen")
        max_eind = g.termijn(beoordeling, "verlenging_max_eind")
        keer = "één keer" if v.aantal == 1 else f"{v.aantal} keer"
        tekst = f"Verlengen kan {keer}, met ten hoogste {v.max_maanden} maanden"
        tekst += f" ({g.bij_regeling(v.artikel, r)})."
        # the condition is stored as the regulation words it, a clause of its own: it follows a colon, so that no
        # template word ('als er ... zijn') has to fit around it
        tekst += f" Voorwaarde: {v.voorwaarde.strip().rstrip('.')}." if v.voorwaarde.strip() else ""
        if aanvragen is not None and aanvragen.datum is not None:
            tekst += (
                f" Vraag verlenging uiterlijk op {nl_datum(aanvragen.datum)} aan, dan kunnen wij op tijd beslissen."
            )
        if max_eind is not None and max_eind.datum is not None:
            tekst += f" Na verlenging stopt de tegemoetkoming uiterlijk op {nl_datum(max_eind.datum)}."
        uit.append(h.p(tekst))
    else:
        uit.append(
            h.p(
                f"De regeling kent geen verlenging ({g.bij_regeling(v.artikel, r)}). Heeft u daarna nog "
                "kinderopvang nodig? Doe dan op tijd een nieuwe melding; wij beoordelen uw situatie dan opnieuw."
            )
        )
    return uit


def _vastgesteld(zaak: Zaak, beoordeling: Beoordeling) -> list:
    """Where the college establishes the plan in the decision (Eemnes artikel 3.3 lid 3): that it did, with the
    decision's date and reference; before the decision, that it will."""
    r = beoordeling.regeling
    p = r.plan_van_aanpak
    if p is None or not p.deel_van_besluit:
        return []
    artikel = g.bij_regeling(p.artikel, r)
    if zaak.besluit is None:
        return [
            h.p(
                f"Het college stelt dit plan van aanpak vast in het besluit op uw aanvraag ({artikel}). Het geldt "
                "vanaf dat besluit."
            )
        ]
    return [
        h.p(
            f"Het college heeft dit plan van aanpak vastgesteld als onderdeel van het besluit van "
            f"{nl_datum(zaak.besluit.datum)} met kenmerk {g.kenmerk(zaak)} ({artikel}). Het is als bijlage bij "
            "de beschikking gevoegd."
        )
    ]


def _toegekend(zaak: Zaak, beoordeling: Beoordeling) -> Berekening | None:
    """The calculation of the grant: the decision's (as the beschikking has it), or before a decision the proposal's."""
    if zaak.besluit is None:
        return beoordeling.berekening
    if zaak.besluit.beslissing == Beslissing.AFWIJZEN:
        return None
    return toekenning(zaak, beoordeling).berekening


def _ingang_en_betaling(zaak: Zaak, beoordeling: Beoordeling) -> list:
    """The start date of the grant (Eemnes artikel 3.5 lid 2: the date in the plan, or the later real start of the
    care) and how the college pays (Eemnes artikel 3.7 lid 1: 'Dit staat ook in het plan van aanpak')."""
    r = beoordeling.regeling
    b = _toegekend(zaak, beoordeling)
    uit = [*h.kop("Vanaf wanneer en hoe wij betalen")]
    if b is None:
        return [*uit, h.p("De ingangsdatum van de tegemoetkoming en hoe wij betalen, staan in de beschikking.")]
    ing = r.ingang
    artikel = "" if ing == INGANG_ZONDER_REGEL else f" ({g.bij_regeling(ing.artikel, r)})"
    plan = zaak.verslag.plan_ingangsdatum if zaak.verslag else None
    if ing.vanaf == "plan_van_aanpak" and plan is not None:
        zin = (
            f"De tegemoetkoming gaat in op {nl_datum(max(plan, b.begin))}, de ingangsdatum van dit plan van "
            f"aanpak{artikel}. Begint de kinderopvang later, dan gaat de tegemoetkoming pas in op de dag waarop de "
            "kinderopvang echt begint."
        )
    else:
        zin = f"De tegemoetkoming gaat in op {nl_datum(b.begin)}{artikel}."
    zin += f" Zij loopt tot en met {nl_datum(b.eind)}."
    later = [k for k in b.kinderen if k.maanden and k.begin > b.begin]
    if later:
        zin += " " + " ".join(f"Voor {k.naam} gaat zij in op {nl_datum(k.begin)}, als de opvang begint." for k in later)
    uit.append(h.p(zin))
    if zaak.besluit is None and betaalkeuze(zaak, r) is None:
        uit.append(
            h.p(
                f"Aan wie wij betalen (aan u of aan de opvangorganisatie), beslist het college in de "
                f"beschikking ({g.bij_regeling(r.betaling.artikel, r)})."
            )
        )
    elif r.betaling.aan == "ouder_of_aanbieder":
        uit.append(h.p(betaalzin(zaak, r, b)))
    else:
        uit.append(h.p(f"{r.betaling.omschrijving} ({g.bij_regeling(r.betaling.artikel, r)})"))
    voorwaarden = [v for v in beoordeling.uitbetalingsvoorwaarden if not v.get("ontvangen_op")]
    if voorwaarden:
        uit.append(
            h.p(
                "Wij betalen pas uit als wij dit van u hebben ontvangen: "
                + "; ".join(f"{v['omschrijving']} ({v['artikel']})" for v in voorwaarden)
                + "."
            )
        )
    return uit
