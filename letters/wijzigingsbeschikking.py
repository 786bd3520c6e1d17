"""The wijzigingsbeschikking: herziening, intrekking or beëindiging of a grant.

The figures are the core's (:func:`smi_tui.wijziging.bereken_wijziging`): the regulation's ground with its
article and words, the change date, old vs new compensation per child per month from that date, and — when more
was paid than is due and the consulent recovers it — the amount to recover. The letter adds no payment terms of
its own: the regulations name none, so it only says that the amount is recovered and whom to ask about paying it
back. Motivated (3:46), with its rules (3:47) and the bezwaarclausule (3:45, 6:7, 6:8).
"""

from __future__ import annotations

from datetime import date

from letters import beschikking as bs
from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from letters.bezwaar import MET_ONDERTEKENING
from smi_tui import config
from smi_tui.beoordeling import Beoordeling
from smi_tui.berekening import Ontbreekt
from smi_tui.datums import nl_datum, nl_maand
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro
from smi_tui.nazorg import Wijziging, WijzigingSoort
from smi_tui.regeling import Regeling
from smi_tui.termijnen import bezwaartermijn_einde
from smi_tui.wijziging import Wijzigingsuitkomst, bereken_wijziging
from smi_tui.zaak import Zaak

ONDERWERP = {
    WijzigingSoort.HERZIENING: "Wij herzien uw tegemoetkoming kinderopvang",
    WijzigingSoort.INTREKKING: "Wij trekken uw tegemoetkoming kinderopvang in",
    WijzigingSoort.BEEINDIGING: "Wij beëindigen uw tegemoetkoming kinderopvang",
}
_WERKWOORD = {
    WijzigingSoort.HERZIENING: "herzien",
    WijzigingSoort.INTREKKING: "ingetrokken",
    WijzigingSoort.BEEINDIGING: "beëindigd",
}
_INVULLEN = "Leg eerst de wijziging vast (soort, grond uit de regeling, ingangsdatum) en het besluit daarop."


def kies(zaak: Zaak, nummer: int | None) -> tuple[int, Wijziging]:
    return g.kies(zaak.wijzigingen, nummer, "herziening, intrekking of beëindiging", _INVULLEN)


def controleer(zaak: Zaak, nummer: int | None = None) -> None:
    """Raise BriefFout when the chosen change does not exist or has no decision date yet."""
    n, w = kies(zaak, nummer)
    if w.besluit_datum is None:
        raise g.fout(f"Op wijziging {n} ({w.soort.value}) is nog niet besloten. Vul de besluitdatum in; pas dan kan "
                     "de beschikking worden gemaakt.")  # fmt: skip
    if zaak.besluit is None:
        raise g.fout("Deze zaak heeft geen besluit; er is niets te herzien, in te trekken of te beëindigen.")
    g.behandelaar_verplicht(zaak, "beschikking")
    g.adresregels(zaak, verplicht=True, brief="wijzigingsbeschikking")


def _bereken(zaak: Zaak, beoordeling: Beoordeling, w: Wijziging) -> Wijzigingsuitkomst:
    try:
        u = bereken_wijziging(zaak, beoordeling.regeling, w)
    except SmiFout as exc:  # no grant, a ground the regulation does not list, a date after the grant
        raise g.fout(exc.melding) from None
    except Ontbreekt as exc:
        raise g.fout("Voor de nieuwe berekening ontbreken gegevens: " + "; ".join(exc.wat)) from None
    if w.terugvorderen and u.betaald_cent is None and u.nieuw_cent < u.oud_cent:
        raise g.fout("Er wordt minder toegekend dan eerder, maar niet ingevuld is wat voor de periode vanaf "
                     f"{nl_datum(u.ingangsdatum)} al is betaald. Vul het betaalde bedrag in; dan berekent de app het "
                     "bedrag van de terugvordering. (Of zet terugvorderen uit.)")  # fmt: skip
    return u


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None, nummer: int | None = None) -> bytes:
    """The wijzigingsbeschikking as PDF bytes; dated on its besluit date unless ``datum`` is given."""
    controleer(zaak, nummer)
    _, w = kies(zaak, nummer)
    assert w.besluit_datum is not None and zaak.besluit is not None
    r = beoordeling.regeling
    u = _bereken(zaak, beoordeling, w)
    kop = bp.Briefkop(r, titel=f"Beschikking {w.soort.value} kinderopvang SMI – {g.kenmerk(zaak)}",
                      onderwerp=ONDERWERP[w.soort], datum=datum or w.besluit_datum, kenmerk=g.kenmerk(zaak),
                      aan=g.adresregels(zaak, verplicht=True, brief="wijzigingsbeschikking"),
                      behandelaar=g.behandelaar(zaak))  # fmt: skip
    kinderen = g.kinderen(zaak)
    besluit = zaak.besluit
    inhoud = [
        h.p(g.aanhef(zaak)),
        h.p(f"Op {nl_datum(besluit.datum)} hebben wij u een tegemoetkoming toegekend in de kosten van kinderopvang op "
            f"sociaal-medische indicatie (SMI) voor {kinderen}. "
            + (f"Op {nl_datum(w.gemeld_op)} kregen wij informatie die gevolgen heeft voor die tegemoetkoming. "
               if w.gemeld_op else "")
            + f"In deze brief leest u dat wij de tegemoetkoming hebben {_WERKWOORD[w.soort]}, waarom, en wat dat "
            "voor u betekent."),
        *h.kop("Ons besluit"),
        h.pm(f"<b>{h.e(_besluitzin(w, u, besluit.datum))}</b>"),
        *_waarom(beoordeling, w, u),
        *_bedragen(u),
        *_terugvordering(zaak, r, u, w.verzonden_op or w.besluit_datum),
        *h.kop("Op welke regels dit besluit rust"),
        h.p(f"Dit besluit is genomen op grond van de {r.citeertitel} ({r.titel}, vastgesteld door "
            f"{r.vastgesteld_door}), in het bijzonder {u.grond.artikel}"
            + (f" en {r.berekening.artikel} (berekening)" if u.nieuw_cent else "")
            + ", en de Algemene wet bestuursrecht."),
    ]  # fmt: skip
    bezwaar = bs.bezwaarclausule(zaak, r, w.verzonden_op or w.besluit_datum)
    inhoud += bezwaar[:-MET_ONDERTEKENING]
    inhoud.append(h.ondertekening(["Met vriendelijke groet,", f"namens {r.ondertekening.namens},"],
                                  g.behandelaar(zaak), r.ondertekening.functie, met=bezwaar[-MET_ONDERTEKENING:]))  # fmt: skip
    return bp.bouw_pdf(kop, inhoud)


def _besluitzin(w: Wijziging, u: Wijzigingsuitkomst, besluitdatum: date) -> str:
    van = nl_datum(u.ingangsdatum)
    if w.soort == WijzigingSoort.HERZIENING:
        return (f"Wij herzien ons besluit van {nl_datum(besluitdatum)} met ingang van {van}. Vanaf die datum berekenen "
                "wij de tegemoetkoming opnieuw; hieronder ziet u wat er verandert.")  # fmt: skip
    if w.soort == WijzigingSoort.INTREKKING:
        return (f"Wij trekken ons besluit van {nl_datum(besluitdatum)} in met ingang van {van}. Vanaf die datum "
                "heeft u geen recht op een tegemoetkoming.")  # fmt: skip
    return f"Wij beëindigen de tegemoetkoming met ingang van {van}. Vanaf die datum krijgt u geen tegemoetkoming meer."


def _waarom(beoordeling: Beoordeling, w: Wijziging, u: Wijzigingsuitkomst) -> list:
    r = beoordeling.regeling
    gr = u.grond
    uit = [*h.kop("Waarom wij zo besluiten"),
           # the ground is stored as the regulation words it (a main clause): it follows a colon, not 'als'
           h.pm(f"Volgens {h.e(g.bij_regeling(gr.artikel, r))} kunnen wij de tegemoetkoming herzien, intrekken of "
                f"beëindigen in deze situatie: <i>{h.e(gr.tekst.strip().rstrip('.'))}</i>. Dat is hier het "
                "geval.")]  # fmt: skip
    for tekst in (w.toelichting, w.motivering):
        if tekst.strip():
            uit.append(h.p(tekst.strip()))
    if u.ingangsdatum != w.ingangsdatum:
        uit.append(h.p(f"De wijziging gaat in op {nl_datum(u.ingangsdatum)}, de eerste dag van de tegemoetkoming."))
    return uit


def _bedragen(u: Wijzigingsuitkomst) -> list:
    van = nl_datum(u.ingangsdatum)
    uit = [*h.kop(f"Wat er verandert vanaf {van}")]
    if u.nieuw and u.soort == WijzigingSoort.HERZIENING:
        uit += [h.p(f"Vanaf {van} geldt deze kinderopvang (een volle maand):"), bs.bedragentabel(u.nieuw[0]),
                h.Spacer(1, 6)]  # fmt: skip
    if not u.regels:
        return [*uit, h.p("Voor de periode vanaf deze datum was geen tegemoetkoming toegekend; de bedragen veranderen "
                          "niet.")]  # fmt: skip
    rijen = [["Maand", "Kind", "Was", "Wordt", "Verschil"]]
    for x in u.regels:
        rijen.append(
            [nl_maand(x.jaar, x.maand), x.naam, euro(x.oud_cent), euro(x.nieuw_cent), g.verschil(x.verschil_cent)]
        )
    rijen.append(["Totaal", "", euro(u.oud_cent), euro(u.nieuw_cent), g.verschil(u.verschil_cent)])
    tabel = h.tabel(rijen, [28, 38, 28, 28, 43], rechts=(2, 3, 4), vet_laatste=True)
    if len(rijen) > 4:  # the total never alone on a new page: it keeps the last two months with it
        tabel.setStyle([("NOSPLIT", (0, -3), (-1, -1))])
    uit += [h.p(f"De tegemoetkoming per kind per maand, zoals die was en zoals die vanaf {van} wordt. Een maand die "
                "maar voor een deel na de ingangsdatum valt, telt naar rato van de dagen."), tabel]  # fmt: skip
    return uit


def _terugvordering(zaak: Zaak, r: Regeling, u: Wijzigingsuitkomst, verzonden: date) -> list:
    citeertitel = r.citeertitel
    if u.betaald_cent is None:
        return []
    van = nl_datum(u.ingangsdatum)
    uit = [*h.kop("Wat dit betekent voor wat al is betaald"),
           h.gegevens([
               (f"Al betaald over de periode vanaf {van}", euro(u.betaald_cent)),
               ("Waar recht op is over die periode", euro(u.nieuw_cent)),
           ])]  # fmt: skip
    if u.terugvordering_cent:
        uit += [h.Spacer(1, 4), *terugbetaling(zaak, r, u.terugvordering_cent, u.terugvordering_artikel, verzonden)]
    elif u.nabetaling_cent:
        uit += [h.Spacer(1, 4), h.pm(f"Over deze periode moet nog <b>{h.e(euro(u.nabetaling_cent))}</b> worden "
                                     "betaald. Dat gaat zoals in ons eerste besluit staat.")]  # fmt: skip
    elif u.betaald_cent > u.nieuw_cent and not u.terugvordering_artikel:
        uit += [h.Spacer(1, 4), h.p(f"Er is {euro(u.betaald_cent - u.nieuw_cent)} meer betaald dan waar recht op is. "
                                    f"De {citeertitel} geeft geen grondslag om dit terug te vorderen; wij vorderen "
                                    "het niet terug.")]  # fmt: skip
    elif u.betaald_cent > u.nieuw_cent:
        uit += [h.Spacer(1, 4), h.p(f"Er is {euro(u.betaald_cent - u.nieuw_cent)} meer betaald dan waar recht op is. "
                                    "Dit bedrag vorderen wij niet terug.")]  # fmt: skip
    else:
        uit += [h.Spacer(1, 4), h.p("Er is niet te veel betaald; u hoeft niets terug te betalen.")]
    return uit


def terugbetaling(zaak: Zaak, r: Regeling, bedrag_cent: int, artikel: str, verzonden: date) -> list:
    """The recovery as a decision: who pays, how much, on which basis (Awb 4:57 and the regulation's article), by
    when (4:87: within six weeks after the decision took effect, i.e. was made known; counted as the bezwaar term,
    Algemene termijnenwet included) and how (the municipality's text ``terugbetalen`` in config.toml)."""
    uiterlijk = bezwaartermijn_einde(verzonden)
    wie = zaak.aanvrager.naam
    hoe = config.brieftekst("terugbetalen", r.gemeente_code) or (
        f"Maak het bedrag over aan de gemeente {r.gemeente} en vermeld het kenmerk {g.kenmerk(zaak)}. Het "
        "rekeningnummer krijgt u van uw consulent"
    )
    return [
        h.pm(f"Er is <b>{h.e(euro(bedrag_cent))}</b> te veel betaald. Wij vorderen dit bedrag terug van "
             f"{h.e(wie)}, aan wie de tegemoetkoming is toegekend (artikel 4:57 Awb en "
             f"{h.e(g.bij_regeling(artikel, r))})."),
        h.pm(f"Betaal het bedrag binnen zes weken nadat dit besluit aan u is bekendgemaakt, dus uiterlijk op "
             f"<b>{h.e(nl_datum(uiterlijk))}</b> (artikel 4:87 Awb). {h.e(hoe.rstrip('.'))}."),
        h.p("Kunt u het niet in één keer betalen? Neem dan vóór die datum contact op met uw consulent. Ook als u "
            "bezwaar maakt, moet u op tijd betalen: bezwaar schort dit besluit niet op (artikel 6:16 Awb)."),
    ]  # fmt: skip
