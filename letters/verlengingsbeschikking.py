"""The verlengingsbeschikking: the decision on a request to extend the grant (toekenning or afwijzing).

The assessment is the core's (:func:`smi_tui.verlenging.beoordeel_verlenging`): each rule of the regulation's
``[verlenging]`` with its article and outcome, the extension period and the calculation per child per month. A
grant shows the new period, hours, price and amounts (with the appendix of the beschikking), payment and
obligations; a refusal says why, and where the regulation knows no extension (Voerendaal artikel 7 lid 2) that a
new melding is needed. Both are motivated (3:46), name their rules (3:47) and carry the bezwaarclausule (3:45).
The wording is the template ``letters/sjablonen/verlengingsbeschikking.txt``, whose dictum, motivering, rechtsgrond and
bezwaarclausule are checked present (:data:`letters.sjabloon.VERPLICHT_BESLUIT`); this module gives its facts.
"""

from __future__ import annotations

from datetime import date

from letters import beschikking as bs
from letters import briefpapier as bp
from letters import gegevens as g
from letters import sjabloon as sj
from letters.bezwaar import MET_ONDERTEKENING
from letters.sjabloon_opmaak import handtekening
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
        raise g.fout(
            f"Op aanvraag om verlenging {n} is nog niet besloten. Vul de beslissing (toekennen of afwijzen) "
            "en de besluitdatum in; pas dan kan de beschikking worden gemaakt."
        )
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
        raise g.fout(
            "Voor de toekenning van de verlenging is een berekening nodig, maar er ontbreken gegevens: "
            + "; ".join(u.ontbrekend)
        )
    if not toekennen and not u.afwijzingsgronden and not v.motivering.strip():
        raise g.fout(
            "De verlenging voldoet aan de regels van de regeling. Een afwijzing moet dan een eigen "
            "motivering hebben; vul die in."
        )
    kop = bp.Briefkop(
        r,
        titel=f"Beschikking verlenging kinderopvang SMI – {g.kenmerk(zaak)}",
        onderwerp=ONDERWERP,
        datum=datum or v.besluit_datum,
        kenmerk=g.kenmerk(zaak),
        aan=g.adresregels(zaak, verplicht=True, brief="verlengingsbeschikking"),
        behandelaar=g.behandelaar(zaak),
    )
    bezwaar = bs.bezwaarclausule(zaak, r, v.verzonden_op or v.besluit_datum)
    blokken: dict[str, sj.Blok] = {
        "bedragen": [bs.bedragentabel(u.berekening)] if u.berekening is not None else [],
        "voorbehoud": bs.voorbehoud(u.berekening) if u.berekening is not None else [],
        "betaling_en_plichten": bs._betaling_en_plichten(beoordeling, u.berekening) if toekennen else [],
        "bezwaarclausule": bezwaar,
        "ondertekening": handtekening(g.ondertekenaar(zaak, r), r.ondertekening.functie, houd=MET_ONDERTEKENING),
        "bijlage": bs._bijlage(u.berekening) if toekennen and u.berekening is not None else [],
    }
    inhoud = sj.vul_in(
        "verlengingsbeschikking",
        r.gemeente_code,
        waarden(zaak, beoordeling, v, u),
        blokken,
        verplicht=sj.VERPLICHT_BESLUIT,
    )
    return bp.bouw_pdf(kop, inhoud)


def waarden(zaak: Zaak, beoordeling: Beoordeling, v: Verlengingsaanvraag, u: Verlengingsuitkomst) -> dict[str, object]:
    """The variables of the template ``verlengingsbeschikking.txt`` (listed in LEESMIJ.md)."""
    r = beoordeling.regeling
    vl = r.verlenging
    toekennen = v.beslissing == Vervolgbeslissing.TOEKENNEN
    w: dict[str, object] = {
        "namen": g.namen(zaak),
        "kinderen": g.kinderen(zaak),
        "aangevraagd_op": nl_datum(v.aangevraagd_op),
        "maanden": "1 maand" if v.maanden == 1 else f"{v.maanden} maanden",
        "huidig_eind": nl_datum(u.huidig_eind),
        "toekennen": toekennen,
        "begin": nl_datum(u.begin),
        "eind": nl_datum(u.eind),
        "duur": g.periode_tekst(u.begin, u.eind),
        "per_maand": "",
        "eigen_bijdrage": "",
        "totaal": "",
        "verlenging_artikel": vl.artikel,
        "verlenging_artikel_regeling": g.bij_regeling(vl.artikel, r),
        "berekening_artikel": r.berekening.artikel,
        "uurprijs_artikel": r.berekening.uurprijs_artikel,
        "minder_uren": minder_uren(r, u.berekening) if toekennen and u.berekening is not None else [],
        "motivering": v.motivering.strip(),
        "regel_tekst": vl.tekst.strip(),
        "niet_voldaan": [{"artikel": t.artikel, "uitleg": _zin(g.uitleg(t, r))} for t in u.afwijzingsgronden],
        "voldaan": [
            {"artikel": t.artikel, "uitleg": _zin(g.uitleg(t, r))} for t in u.toetsen if t.uitkomst == Uitkomst.VOLDAAN
        ],
        "nieuwe_melding_nodig": u.nieuwe_melding_nodig,
        "gemeente": r.gemeente,
        "telefoon": r.huisstijl.telefoon.replace(" ", "\u00a0"),
        "beslistermijn_weken": r.beslistermijn.weken,
        "citeertitel": r.citeertitel,
        "titel": r.titel,
        "vastgesteld_door": r.vastgesteld_door,
        "artikelen": _grondslag(beoordeling, toekennen),
        "namens": r.ondertekening.namens,
    }
    if toekennen and u.berekening is not None:
        per_maand, eigen = u.berekening.typische_maand()
        w.update(per_maand=euro(per_maand), eigen_bijdrage=euro(eigen), totaal=euro(u.berekening.totaal_cent))
    return w


def minder_uren(r: Regeling, b: Berekening) -> list[dict[str, str]]:
    """Why a child gets fewer hours than asked (Awb 3:46): per such child the hours asked and granted, and the caps
    with their article (``maximum``, empty when none applies). Empty when every child gets what was asked."""
    uit = []
    for k in b.kinderen:
        if not k.maanden or k.uren_vergoed_per_maand >= k.uren_gevraagd_per_maand:
            continue
        regels = "; ".join(f"{x.omschrijving} ({g.bij_regeling(x.artikel, r)})" for x in k.beperkingen)
        uit.append(
            {
                "naam": k.naam,
                "gevraagd": uren(k.uren_gevraagd_per_maand),
                "soort": k.opvang.soort.label,
                "vergoed": uren(k.uren_vergoed_per_maand),
                "maximum": regels,
            }
        )
    return uit


def _zin(t: str) -> str:
    """A result's explanation as one sentence (an explanation quoted in brackets may end in its own full stop)."""
    return t.replace(".).", ").")


def _grondslag(beoordeling: Beoordeling, toekennen: bool) -> list[str]:
    """The articles the decision rests on: the extension's, and for a grant the calculation's."""
    r = beoordeling.regeling
    artikelen = [r.verlenging.artikel]
    if toekennen:
        artikelen += [r.berekening.artikel, r.berekening.uurprijs_artikel]
    return list(dict.fromkeys(artikelen))
