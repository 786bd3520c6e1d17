"""The verlengingsbeschikking: the decision on a request to extend the grant (toekenning or afwijzing).

The assessment is the core's (:func:`smi_tui.verlenging.beoordeel_verlenging`): each rule of the regulation's
``[verlenging]`` with its article and outcome, the extension period and the calculation per child per month. A
grant shows the new period, hours, price and amounts (with the appendix of the beschikking), payment and
obligations; a refusal says why, and where the regulation knows no extension (Voerendaal artikel 7 lid 2) that a
new melding is needed. Both are motivated (3:46), name their rules (3:47) and carry the bezwaarclausule (3:45).
"""

from __future__ import annotations

from datetime import date

from letters import beschikking as bs
from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from letters.bezwaar import MET_ONDERTEKENING
from smi_tui.beoordeling import Beoordeling
from smi_tui.berekening import Berekening
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro, uren
from smi_tui.nazorg import Verlengingsaanvraag, Vervolgbeslissing
from smi_tui.regeling import Regeling
from smi_tui.toetsing import Uitkomst
from smi_tui.verlenging import Verlengingsuitkomst, beoordeel_verlenging
from smi_tui.zaak import Zaak

ONDERWERP = "Besluit over uw aanvraag om verlenging van de tegemoetkoming kinderopvang"
_INVULLEN = "Leg eerst de aanvraag om verlenging vast (datum, aantal maanden, onderbouwing) en het besluit daarop."


def kies(zaak: Zaak, nummer: int | None) -> tuple[int, Verlengingsaanvraag]:
    return g.kies(zaak.verlengingen, nummer, "aanvraag om verlenging", _INVULLEN)


def controleer(zaak: Zaak, nummer: int | None = None) -> None:
    """Raise BriefFout when the chosen extension request does not exist or has no decision yet."""
    n, v = kies(zaak, nummer)
    if v.beslissing is None or v.besluit_datum is None:
        raise g.fout(f"Op aanvraag om verlenging {n} is nog niet besloten. Vul de beslissing (toekennen of afwijzen) "
                     "en de besluitdatum in; pas dan kan de beschikking worden gemaakt.")  # fmt: skip
    g.behandelaar_verplicht(zaak, "beschikking")
    g.adresregels(zaak, verplicht=True, brief="verlengingsbeschikking")


def _beoordeel(zaak: Zaak, beoordeling: Beoordeling, v: Verlengingsaanvraag) -> Verlengingsuitkomst:
    try:
        return beoordeel_verlenging(zaak, beoordeling.regeling, v)
    except SmiFout as exc:  # no grant to extend, or a care entry that names no child
        raise g.fout(exc.melding) from None


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date | None = None, nummer: int | None = None) -> bytes:
    """The verlengingsbeschikking as PDF bytes; dated on its besluit date unless ``datum`` is given."""
    controleer(zaak, nummer)
    _, v = kies(zaak, nummer)
    assert v.besluit_datum is not None
    r = beoordeling.regeling
    u = _beoordeel(zaak, beoordeling, v)
    toekennen = v.beslissing == Vervolgbeslissing.TOEKENNEN
    if toekennen and not u.toegestaan:
        niet = [f"{t.artikel}: {g.uitleg(t)}" for t in u.toetsen if t.uitkomst != Uitkomst.VOLDAAN]
        raise g.fout("De verlenging kan zo niet worden toegekend: " + " ".join(niet))
    if toekennen and u.berekening is None:
        raise g.fout("Voor de toekenning van de verlenging is een berekening nodig, maar er ontbreken gegevens: "
                     + "; ".join(u.ontbrekend))  # fmt: skip
    if not toekennen and not u.afwijzingsgronden and not v.motivering.strip():
        raise g.fout("De verlenging voldoet aan de regels van de regeling. Een afwijzing moet dan een eigen "
                     "motivering hebben; vul die in.")  # fmt: skip
    kop = bp.Briefkop(r, titel=f"Beschikking verlenging kinderopvang SMI – {g.kenmerk(zaak)}", onderwerp=ONDERWERP,
                      datum=datum or v.besluit_datum, kenmerk=g.kenmerk(zaak),
                      aan=g.adresregels(zaak, verplicht=True, brief="verlengingsbeschikking"),
                      behandelaar=g.behandelaar(zaak))  # fmt: skip
    kinderen = g.kinderen(zaak)
    maanden = "1 maand" if v.maanden == 1 else f"{v.maanden} maanden"
    inhoud = [
        h.p(g.aanhef(zaak)),
        h.p(f"Op {nl_datum(v.aangevraagd_op)} heeft u gevraagd de tegemoetkoming in de kosten van kinderopvang op "
            f"sociaal-medische indicatie (SMI) voor {kinderen} te verlengen met {maanden}. De tegemoetkoming loopt "
            f"nu tot en met {nl_datum(u.huidig_eind)}. In deze brief leest u wat wij hebben besloten en waarom."),
        *h.kop("Ons besluit"),
    ]  # fmt: skip
    if toekennen:
        zin = (f"Wij verlengen de tegemoetkoming met {maanden}: van {nl_datum(u.begin)} tot en met "
               f"{nl_datum(u.eind)}.")  # fmt: skip
    else:
        zin = (f"Wij wijzen uw aanvraag om verlenging af. De tegemoetkoming loopt tot en met "
               f"{nl_datum(u.huidig_eind)}, zoals eerder besloten.")  # fmt: skip
    inhoud.append(h.pm(f"<b>{h.e(zin)}</b>"))
    if toekennen and u.berekening is not None:
        inhoud += _wat_u_krijgt(beoordeling, u)
    inhoud += _motivering(zaak, beoordeling, v, u, toekennen)
    if toekennen:
        inhoud += bs._betaling_en_plichten(beoordeling, u.berekening)
    inhoud += [*h.kop("Op welke regels dit besluit rust"), h.p(_grondslag(beoordeling, u, toekennen))]
    bezwaar = bs.bezwaarclausule(zaak, r, v.verzonden_op or v.besluit_datum)
    inhoud += bezwaar[:-MET_ONDERTEKENING]
    inhoud.append(h.ondertekening(["Met vriendelijke groet,", f"namens {r.ondertekening.namens},"],
                                  g.behandelaar(zaak), r.ondertekening.functie, met=bezwaar[-MET_ONDERTEKENING:]))  # fmt: skip
    if toekennen and u.berekening is not None:
        inhoud += bs._bijlage(u.berekening)
    return bp.bouw_pdf(kop, inhoud)


def _wat_u_krijgt(beoordeling: Beoordeling, u: Verlengingsuitkomst) -> list:
    r = beoordeling.regeling
    b = u.berekening
    assert b is not None
    per_maand, eigen = b.typische_maand()
    uit = [*h.kop("Wat u krijgt in de verlenging"), bs.bedragentabel(b), h.Spacer(1, 4)]
    uit.append(h.gegevens([
        ("Ingangsdatum verlenging", nl_datum(u.begin)),
        ("Einddatum verlenging", nl_datum(u.eind)),
        ("Duur", f"{g.periode_tekst(u.begin, u.eind)} ({r.verlenging.artikel})"),
        ("Tegemoetkoming per maand", f"{euro(per_maand)} (een volle maand; zie de bijlage voor elke maand)"),
        ("Uw eigen bijdrage per maand", f"{euro(eigen)} (dit betaalt u zelf aan de kinderopvang)"),
        ("Totaal over de verlenging", euro(b.totaal_cent)),
    ]))  # fmt: skip
    uit.append(h.Spacer(1, 4))
    uit.append(h.p("De tegemoetkoming is berekend zoals in het eerste besluit: per kind per maand vergoede uren × "
                   f"vergoede uurprijs × percentage ({r.berekening.artikel}; uurprijs: {r.berekening.uurprijs_artikel})"
                   ", met de tabellen die gelden in elke maand. Een maand die maar voor een deel in de periode valt, "
                   "telt naar rato van de dagen. Bedragen zijn per kind per maand afgerond op hele centen."))  # fmt: skip
    uit += bs.voorbehoud(b)
    return uit + minder_uren(r, b)


def minder_uren(r: Regeling, b: Berekening) -> list:
    """Why a child gets fewer hours than asked (Awb 3:46): the hours asked and granted, and the cap with its
    article. Nothing when every child gets what was asked."""
    zinnen = []
    for k in b.kinderen:
        if not k.maanden or k.uren_vergoed_per_maand >= k.uren_gevraagd_per_maand:
            continue
        zin = (f"{k.naam}: u vroeg {uren(k.uren_gevraagd_per_maand)} uur {k.opvang.soort.label} per maand. Wij "
               f"vergoeden {uren(k.uren_vergoed_per_maand)} uur per maand")  # fmt: skip
        if k.beperkingen:
            regels = "; ".join(f"{x.omschrijving} ({g.bij_regeling(x.artikel, r)})" for x in k.beperkingen)
            zin += f", want de regeling vergoedt niet meer dan dit maximum: {regels}"
        zinnen.append(zin + ".")
    if not zinnen:
        return []
    return [h.pm("<b>Waarom u minder uren krijgt dan u vroeg:</b>"), *h.opsomming(zinnen)]


def _motivering(zaak: Zaak, beoordeling: Beoordeling, v: Verlengingsaanvraag, u: Verlengingsuitkomst,
                toekennen: bool) -> list:  # fmt: skip
    r = beoordeling.regeling
    vl = r.verlenging
    uit = [*h.kop("Waarom wij zo besluiten")]
    if v.motivering.strip():
        uit.append(h.p(v.motivering.strip()))
    if vl.tekst:
        uit.append(h.pm(f"In {h.e(g.bij_regeling(vl.artikel, r))} staat: <i>“{h.e(vl.tekst.strip())}”</i>"))
    gronden = u.afwijzingsgronden
    if gronden:
        uit.append(h.pm("<b>Hieraan is niet voldaan:</b>"))
        uit += h.opsomming([f"<b>{h.e(t.artikel)}</b>: {h.e(_zin(g.uitleg(t, r)))}" for t in gronden], markup=True)
    voldaan = [t for t in u.toetsen if t.uitkomst == Uitkomst.VOLDAAN]
    if voldaan:
        uit.append(h.pm("<b>Hieraan is voldaan:</b>"))
        uit += h.opsomming([f"<b>{h.e(t.artikel)}</b>: {h.e(_zin(g.uitleg(t, r)))}" for t in voldaan], markup=True)
    if u.nieuwe_melding_nodig:
        hs = r.huisstijl
        contact = f", telefoon {hs.telefoon.replace(' ', chr(0xA0))}" if hs.telefoon else ""
        uit += [*h.kop("Heeft u daarna nog kinderopvang nodig?"),
                h.p(f"Dan kunt u een nieuwe melding doen bij de gemeente {r.gemeente}{contact}. Wij beoordelen die melding "
                    f"opnieuw, net als de eerste keer ({g.bij_regeling(vl.artikel, r)}). Doe dat op tijd: de "
                    f"beoordeling kan tot {r.beslistermijn.weken} weken duren.")]  # fmt: skip
    return uit


def _zin(t: str) -> str:
    """A result's explanation as one sentence (an explanation quoted in brackets may end in its own full stop)."""
    return t.replace(".).", ").")


def _grondslag(beoordeling: Beoordeling, u: Verlengingsuitkomst, toekennen: bool) -> str:
    r = beoordeling.regeling
    artikelen = [r.verlenging.artikel]
    if toekennen:
        artikelen += [r.berekening.artikel, r.berekening.uurprijs_artikel]
    artikelen = list(dict.fromkeys(artikelen))
    return (f"Dit besluit is genomen op grond van de {r.citeertitel} ({r.titel}, vastgesteld door "
            f"{r.vastgesteld_door}), in het bijzonder {'; '.join(artikelen)}, en de Algemene wet bestuursrecht.")  # fmt: skip
