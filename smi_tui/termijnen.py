"""Deadlines: beslistermijn and its verdaging, bezwaartermijn, evaluations, grant end, extension window.

The Algemene termijnenwet is applied in one function, :func:`atw`, to the statutory terms (beslistermijn,
verdaagde beslistermijn, bezwaartermijn). Evaluation dates and the end of a grant are not terms in that sense
and are not moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from smi_tui.datums import nl_datum, periode_einde, plus_maanden
from smi_tui.regeling import Regeling
from smi_tui.zaak import Zaak

BEZWAARTERMIJN_WEKEN = 6  # artikel 6:7 Awb; begint de dag na verzending (artikel 6:8 Awb)


def pasen(jaar: int) -> date:
    """Easter Sunday (Gregorian calendar; anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    maand = (h + ll - 7 * m + 114) // 31
    dag = (h + ll - 7 * m + 114) % 31 + 1
    return date(jaar, maand, dag)


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> dict[date, str]:
    """The generally recognised holidays of artikel 3 Algemene termijnenwet in ``jaar``."""
    p = pasen(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday Koningsdag is celebrated on Saturday 26 April
        koningsdag = date(jaar, 4, 26)
    return {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        p: "Eerste Paasdag",
        p + timedelta(days=1): "Tweede Paasdag",
        koningsdag: "Koningsdag",
        date(jaar, 5, 5): "Bevrijdingsdag",
        p + timedelta(days=39): "Hemelvaartsdag",
        p + timedelta(days=49): "Eerste Pinksterdag",
        p + timedelta(days=50): "Tweede Pinksterdag",
        date(jaar, 12, 25): "Eerste Kerstdag",
        date(jaar, 12, 26): "Tweede Kerstdag",
    }


def atw(einde: date) -> date:
    """Algemene termijnenwet, artikel 1: a term ending on a Saturday, Sunday or recognised holiday runs on to the
    next day that is none of these."""
    d = einde
    while d.weekday() >= 5 or d in feestdagen(d.year):
        d += timedelta(days=1)
    return d


def bezwaartermijn_einde(verzonden: date) -> date:
    """Last day to object: six weeks starting the day after sending (Awb 6:7, 6:8), moved by the Atw."""
    return atw(verzonden + timedelta(weeks=BEZWAARTERMIJN_WEKEN))


@dataclass(frozen=True)
class Termijn:
    code: str
    omschrijving: str
    datum: date | None
    artikel: str
    toelichting: str = ""

    def naar_json(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "omschrijving": self.omschrijving,
            "datum": self.datum.isoformat() if self.datum else None,
            "artikel": self.artikel,
            "toelichting": self.toelichting,
        }


def _startdatum_beslistermijn(zaak: Zaak, regeling: Regeling) -> tuple[date | None, str]:
    vanaf = regeling.beslistermijn.vanaf
    if vanaf == "melding":
        return zaak.melding.datum, "vanaf de melding"
    if regeling.aanvraag_is_ondertekend_verslag:
        d = zaak.verslag.ondertekend_op if zaak.verslag else None
        return d, "vanaf de aanvraag (het ondertekende verslag)"
    if vanaf == "aanvraag":
        return zaak.aanvraag.ontvangen_op, "vanaf ontvangst van de aanvraag"
    return zaak.aanvraag.compleet_op, "vanaf ontvangst van de complete aanvraag"


def bereken_termijnen(
    zaak: Zaak, regeling: Regeling, begin: date | None = None, eind: date | None = None
) -> list[Termijn]:
    """All deadlines of the case; ``begin``/``eind`` is the granted period (from the calculation), if any."""
    uit: list[Termijn] = []
    bt = regeling.beslistermijn
    start, hoe = _startdatum_beslistermijn(zaak, regeling)
    if start is None:
        uit.append(Termijn("beslistermijn", f"beslistermijn ({bt.weken} weken {hoe})", None, bt.artikel,
                           "begint pas te lopen als die datum bekend is"))  # fmt: skip
    else:
        einde = atw(start + timedelta(weeks=bt.weken))
        uit.append(Termijn("beslistermijn", f"beslistermijn ({bt.weken} weken {hoe}, {nl_datum(start)})",
                           einde, bt.artikel, _atw_uitleg(start + timedelta(weeks=bt.weken), einde)))  # fmt: skip
        if bt.verdaging_weken:
            verd = atw(einde + timedelta(weeks=bt.verdaging_weken))
            uit.append(Termijn("verdaging", f"uiterste datum na verdaging met {bt.verdaging_weken} weken", verd,
                               bt.artikel, "verdaging moet vóór het einde van de beslistermijn schriftelijk "
                               "worden meegedeeld (artikel 4:14 Awb)"))  # fmt: skip
    if zaak.besluit is not None:
        verzonden = zaak.besluit.verzonden_op or zaak.besluit.datum
        ruw = verzonden + timedelta(weeks=BEZWAARTERMIJN_WEKEN)
        uit.append(Termijn("bezwaartermijn", "einde bezwaartermijn (6 weken na de dag van verzending)",
                           bezwaartermijn_einde(verzonden), "artikel 6:7 en 6:8 Awb",
                           _atw_uitleg(ruw, bezwaartermijn_einde(verzonden))))  # fmt: skip
    if begin is not None and eind is not None:
        uit += _periodetermijnen(regeling, begin, eind)
    return uit


def _periodetermijnen(regeling: Regeling, begin: date, eind: date) -> list[Termijn]:
    uit: list[Termijn] = []
    ev = regeling.evaluatie
    if ev is not None:
        n = 1
        while (d := plus_maanden(begin, ev.elke_maanden * n)) <= eind:
            uit.append(Termijn(f"evaluatie_{n}", f"evaluatie {n} door {ev.door}", d, ev.artikel))
            n += 1
    p = regeling.periode
    uit.append(Termijn("einde_tegemoetkoming", "einde van de tegemoetkoming", eind, p.artikel))
    if p.herindicatie_maanden:
        n = 1
        while (d := plus_maanden(begin, p.herindicatie_maanden * n)) <= eind + timedelta(days=1):
            uit.append(Termijn(f"herindicatie_{n}", f"herindicatie {n}", d, p.artikel))
            n += 1
    v = regeling.verlenging
    if v.toegestaan:
        vanaf = eind - timedelta(weeks=regeling.beslistermijn.weken)
        max_eind = periode_einde(eind + timedelta(days=1), v.max_maanden * v.aantal)
        if v.max_totaal_maanden:
            max_eind = min(max_eind, periode_einde(begin, v.max_totaal_maanden))
        uit.append(Termijn("verlenging_aanvragen", "verlenging aanvragen (uiterlijk)", vanaf, v.artikel,
                           f"zodat binnen de beslistermijn van {regeling.beslistermijn.weken} weken vóór "
                           f"{nl_datum(eind)} besloten kan worden; voorwaarde: {v.voorwaarde}"))  # fmt: skip
        uit.append(Termijn("verlenging_max_eind", f"uiterste einddatum na verlenging ({v.aantal}x, max "
                           f"{v.max_maanden} maanden)", max_eind, v.artikel))  # fmt: skip
    else:
        uit.append(Termijn("nieuwe_melding", "geen verlenging: een nieuwe melding is nodig vóór", eind, v.artikel,
                           "de regeling kent geen verlenging"))  # fmt: skip
    return uit


def _atw_uitleg(ruw: date, einde: date) -> str:
    if ruw == einde:
        return ""
    return f"valt op {nl_datum(ruw)} (weekend of feestdag) en loopt door tot {nl_datum(einde)} (Algemene termijnenwet)"


def volgende_termijn(zaak: Zaak, regeling: Regeling, vandaag: date | None = None) -> tuple[date, str] | None:
    """The next deadline that matters for the werkvoorraad (first one on or after ``vandaag``, else the last
    passed one, so overdue cases show)."""
    from smi_tui.berekening import Ontbreekt, bereken

    begin = eind = None
    if zaak.besluit is not None and zaak.besluit.beslissing != "afwijzen":
        try:
            b = bereken(zaak, regeling)
            begin, eind = b.begin, b.eind
        except Ontbreekt:
            pass
    termijnen = [t for t in bereken_termijnen(zaak, regeling, begin, eind) if t.datum is not None]
    if zaak.besluit is None:
        termijnen = [t for t in termijnen if t.code in ("beslistermijn", "verdaging")][:1]
    else:
        termijnen = [t for t in termijnen if t.code not in ("beslistermijn", "verdaging")]
    if not termijnen:
        return None
    vandaag = vandaag or date.today()
    komend = sorted((t for t in termijnen if t.datum and t.datum >= vandaag), key=lambda t: t.datum or vandaag)
    t = komend[0] if komend else max(termijnen, key=lambda t: t.datum or vandaag)
    assert t.datum is not None
    return t.datum, t.omschrijving
