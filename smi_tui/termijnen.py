"""Deadlines: beslistermijn and its verdaging, bezwaartermijn, evaluations, grant end, extension window.

The Algemene termijnenwet (:mod:`smi_tui.atw`) is applied to the statutory terms (beslistermijn, verdaagde
beslistermijn, bezwaartermijn); a term ending in a year without a known besluit gelijkstelling is ``voorlopig``.
Evaluation dates and the end of a grant are not terms in that sense and are not moved; the latest day to ask for
an extension is counted backwards and not moved either (artikel 1 lid 2 Atw).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from smi_tui.atw import atw_einde

# the beslistermijn lives in its own module; these names stay importable from here
from smi_tui.beslistermijn import OPSCHORTING_ARTIKEL as OPSCHORTING_ARTIKEL
from smi_tui.beslistermijn import VERDAGING_ARTIKEL as VERDAGING_ARTIKEL
from smi_tui.beslistermijn import Beslistermijnstand as Beslistermijnstand
from smi_tui.beslistermijn import VerdagingFout as VerdagingFout
from smi_tui.beslistermijn import beslistermijn as beslistermijn
from smi_tui.beslistermijn import beslistermijn_vanaf as beslistermijn_vanaf
from smi_tui.beslistermijn import controleer_verdaging as controleer_verdaging
from smi_tui.beslistermijn import startdatum_beslistermijn
from smi_tui.datums import nl_datum, periode_einde, plus_maanden
from smi_tui.fouten import SmiFout
from smi_tui.kindgrenzen import einden_per_kind
from smi_tui.nazorg import geldend, geldende_verdaging
from smi_tui.regeling import Regeling
from smi_tui.zaak import Zaak

if TYPE_CHECKING:
    from smi_tui.toekenning import Toekenning

BEZWAARTERMIJN_WEKEN = 6  # artikel 6:7 Awb; begint de dag na verzending (artikel 6:8 Awb)


def bezwaartermijn_einde(verzonden: date) -> date:
    """Last day to object: six weeks starting the day after sending (Awb 6:7, 6:8), moved by the Atw."""
    return atw_einde(verzonden + timedelta(weeks=BEZWAARTERMIJN_WEKEN), verzonden + timedelta(days=1)).einde


@dataclass(frozen=True)
class Termijn:
    """One deadline: ``code`` (stable, e.g. ``beslistermijn``, ``evaluatie_2``), what it is, its date (None while
    it cannot be known yet), the article it rests on, an explanation, and ``gedaan``: the action it asks for has
    been done (the decision taken, the evaluation held, the extension asked), so the werkvoorraad skips it;
    ``voorlopig``: a statutory term ending in a year without a known besluit gelijkstelling (artikel 3 lid 3
    Algemene termijnenwet), so a decree day may still move it (the ``toelichting`` says so)."""

    code: str
    omschrijving: str
    datum: date | None
    artikel: str
    toelichting: str = ""
    gedaan: bool = False
    voorlopig: bool = False

    def naar_json(self) -> dict[str, str | bool | None]:
        return {
            "code": self.code,
            "omschrijving": self.omschrijving,
            "datum": self.datum.isoformat() if self.datum else None,
            "artikel": self.artikel,
            "toelichting": self.toelichting,
            "gedaan": self.gedaan,
            "voorlopig": self.voorlopig,
        }


def bereken_termijnen(
    zaak: Zaak, regeling: Regeling, begin: date | None = None, eind: date | None = None
) -> list[Termijn]:
    """All deadlines of the case. For a granted case the period follows from the decision, its extensions and
    changes (:mod:`smi_tui.toekenning`); otherwise ``begin``/``eind`` is the proposed period (from the
    calculation), if any."""
    uit = _beslistermijnen(zaak, regeling)
    uit += _bezwaartermijnen(zaak)
    t = _toekenning_of_none(zaak, regeling)
    if t is not None:
        uit += _periodetermijnen(zaak, regeling, t)
    elif begin is not None and eind is not None:
        uit += _periodetermijnen(zaak, regeling, _Voorstel(begin, eind, eind))
    uit += _verlengingstermijnen(zaak, regeling)
    return uit


def _beslistermijnen(zaak: Zaak, regeling: Regeling) -> list[Termijn]:
    bt = regeling.beslistermijn
    start, hoe = startdatum_beslistermijn(zaak, regeling)
    besloten = zaak.besluit is not None
    if start is None:
        return [
            Termijn(
                "beslistermijn",
                f"beslistermijn ({bt.weken} weken {hoe})",
                None,
                bt.artikel,
                "begint pas te lopen als die datum bekend is",
                besloten,
            )
        ]
    stand = beslistermijn(zaak, regeling)
    assert stand.einde is not None
    ruw = atw_einde(start + timedelta(weeks=bt.weken, days=stand.opgeschort_dagen))
    uitleg = [ruw.uitleg()]
    artikel = bt.artikel
    if stand.opgeschort_dagen:
        uitleg.insert(0, f"opgeschort met {stand.opgeschort_dagen} dagen voor aanvulling van de aanvraag")
        artikel = f"{bt.artikel}; {OPSCHORTING_ARTIKEL}"
    uitleg += [m for m in stand.meldingen if "aanvulling" in m]
    uit = [Termijn("beslistermijn", f"beslistermijn ({bt.weken} weken {hoe}, {nl_datum(start)})", stand.einde,
                   artikel, "; ".join(u for u in uitleg if u), besloten, ruw.voorlopig)]  # fmt: skip
    v = geldende_verdaging(zaak.verdaging)
    if v is not None:
        over = [m for m in stand.meldingen if "aanvulling" not in m]
        if stand.verdaging_geldig:
            weken = min(v.weken, bt.verdaging_weken) if bt.verdaging_weken else v.weken
            a = atw_einde(stand.einde + timedelta(weeks=weken))
            over = [*over, a.uitleg()] if a.uitleg() else over
            uit.append(
                Termijn(
                    "verdaging",
                    f"verdaagde beslistermijn (verdaagd op {nl_datum(v.op)}: {v.reden})",
                    stand.verdaagd_tot,
                    f"{bt.artikel}; {VERDAGING_ARTIKEL}",
                    " ".join(over),
                    besloten,
                    a.voorlopig,
                )
            )
        else:
            uit.append(
                Termijn(
                    "verdaging",
                    "verdaging te laat: de beslistermijn is niet verlengd",
                    None,
                    VERDAGING_ARTIKEL,
                    " ".join(over),
                    besloten,
                )
            )
    elif bt.verdaging_weken:
        a = atw_einde(stand.einde + timedelta(weeks=bt.verdaging_weken))
        hoe_verdagen = "; ".join(
            x
            for x in (
                f"verdaging moet vóór het einde van de beslistermijn schriftelijk worden "
                f"meegedeeld ({VERDAGING_ARTIKEL})",
                a.uitleg(),
            )
            if x
        )
        uit.append(
            Termijn(
                "verdaging_uiterst",
                f"uiterste datum als de beslistermijn met {bt.verdaging_weken} weken wordt verdaagd",
                a.einde,
                bt.artikel,
                hoe_verdagen,
                besloten,
                a.voorlopig,
            )
        )
    return uit


def _bezwaartermijn(code: str, wat: str, verzonden: date) -> Termijn:
    a = atw_einde(verzonden + timedelta(weeks=BEZWAARTERMIJN_WEKEN), verzonden + timedelta(days=1))
    return Termijn(
        code,
        f"einde bezwaartermijn {wat}(6 weken na de dag van verzending)",
        a.einde,
        "artikel 6:7 en 6:8 Awb",
        a.uitleg(),
        voorlopig=a.voorlopig,
    )


def _bezwaartermijnen(zaak: Zaak) -> list[Termijn]:
    uit: list[Termijn] = []
    if zaak.besluit is not None:
        uit.append(_bezwaartermijn("bezwaartermijn", "", zaak.besluit.verzonden_op or zaak.besluit.datum))
    for n, v in enumerate(zaak.verlengingen, 1):
        d = v.verzonden_op or v.besluit_datum
        if d is not None and v.beslissing is not None and v.ingetrokken is None:
            uit.append(_bezwaartermijn(f"bezwaartermijn_verlenging_{n}", f"besluit op verlenging {n} ", d))
    for n, w in enumerate(zaak.wijzigingen, 1):
        d = w.verzonden_op or w.besluit_datum
        if d is not None and w.ingetrokken is None:
            uit.append(_bezwaartermijn(f"bezwaartermijn_wijziging_{n}", f"besluit {w.soort.value} {n} ", d))
    return uit


def _verlengingstermijnen(zaak: Zaak, regeling: Regeling) -> list[Termijn]:
    """The decision term on each extension request (the regulation's term, else 4:13 Awb as encoded)."""
    bt = regeling.beslistermijn
    uit = []
    for n, v in enumerate(zaak.verlengingen, 1):
        if v.ingetrokken is not None:  # withdrawn: no term (smi_tui.vastleggen)
            continue
        a = atw_einde(v.aangevraagd_op + timedelta(weeks=bt.weken))
        uit.append(
            Termijn(
                f"beslistermijn_verlenging_{n}",
                f"beslissen op verlenging {n} (aangevraagd {nl_datum(v.aangevraagd_op)})",
                a.einde,
                bt.artikel,
                a.uitleg(),
                v.beslissing is not None,
                a.voorlopig,
            )
        )
    return uit


@dataclass(frozen=True)
class _Voorstel:
    """A proposed period (before the decision): no extensions, no changes."""

    begin: date
    eind_oorspronkelijk: date
    eind: date
    verlengd: tuple[()] = ()
    beeindigd_door: None = None


def _toekenning_of_none(zaak: Zaak, regeling: Regeling) -> Toekenning | None:
    from smi_tui.berekening import Ontbreekt
    from smi_tui.toekenning import is_toegekend, toekenning

    if not is_toegekend(zaak):
        return None
    try:
        return toekenning(zaak, regeling)
    except (Ontbreekt, SmiFout):
        return None


def _periodetermijnen(zaak: Zaak, regeling: Regeling, t: Toekenning | _Voorstel) -> list[Termijn]:
    uit: list[Termijn] = []
    begin, eind = t.begin, t.eind
    if eind < begin:  # withdrawn from the start: no period, no period deadlines
        return uit
    ev = regeling.evaluatie
    if ev is not None:
        gehouden = {e.nummer for e in geldend(zaak.evaluaties)}
        n = 1
        while (d := plus_maanden(begin, ev.elke_maanden * n)) <= eind:
            uit.append(Termijn(f"evaluatie_{n}", f"evaluatie {n} door {ev.door}", d, ev.artikel, "", n in gehouden))
            n += 1
    p = regeling.periode
    kinderen, door_grens, grensartikel = einden_per_kind(zaak, regeling, begin, eind)
    uitleg = door_grens
    if t.verlengd:
        uitleg = f"verlengd ({len(t.verlengd)}x); oorspronkelijk tot en met {nl_datum(t.eind_oorspronkelijk)}"
    if t.beeindigd_door is not None:
        w = t.beeindigd_door
        uitleg = f"{w.soort.value} met ingang van {nl_datum(w.ingangsdatum)} (grond: {w.grond})"
    artikel = f"{p.artikel}; {regeling.verlenging.artikel}" if t.verlengd else grensartikel or p.artikel
    uit.append(Termijn("einde_tegemoetkoming", "einde van de tegemoetkoming", eind, artikel, uitleg))
    uit += [
        Termijn(
            f"einde_tegemoetkoming_kind_{i}",
            f"einde van de tegemoetkoming voor {naam}",
            g.laatste_dag,
            g.toets.artikel,
            f"{g.reden}; daarna stopt de betaling",
        )
        for i, naam, g in kinderen
    ]
    if p.herindicatie_maanden:
        n = 1
        while (d := plus_maanden(begin, p.herindicatie_maanden * n)) <= eind + timedelta(days=1):
            uit.append(Termijn(f"herindicatie_{n}", f"herindicatie {n}", d, p.artikel))
            n += 1
    if t.beeindigd_door is not None or door_grens:
        return uit
    v = regeling.verlenging
    if v.toegestaan:
        max_eind = periode_einde(t.eind_oorspronkelijk + timedelta(days=1), v.max_maanden * v.aantal)
        if v.max_totaal_maanden:
            max_eind = min(max_eind, periode_einde(begin, v.max_totaal_maanden))
        if len(t.verlengd) < v.aantal and eind < max_eind:
            gevraagd = any(x not in t.verlengd for x in geldend(zaak.verlengingen))  # asked, not (yet) granted
            vanaf = eind - timedelta(weeks=regeling.beslistermijn.weken)
            uit.append(
                Termijn(
                    "verlenging_aanvragen",
                    "verlenging aanvragen (uiterlijk)",
                    vanaf,
                    v.artikel,
                    f"zodat binnen de beslistermijn van {regeling.beslistermijn.weken} weken vóór "
                    f"{nl_datum(eind)} besloten kan worden; voorwaarde: {v.voorwaarde}",
                    gevraagd,
                )
            )
        uit.append(
            Termijn(
                "verlenging_max_eind",
                f"uiterste einddatum na verlenging ({v.aantal}x, max {v.max_maanden} maanden)",
                max_eind,
                v.artikel,
            )
        )
    else:
        uit.append(
            Termijn(
                "nieuwe_melding",
                "geen verlenging: een nieuwe melding is nodig vóór",
                eind,
                v.artikel,
                "de regeling kent geen verlenging",
            )
        )
    return uit


def alle_termijnen(zaak: Zaak, regeling: Regeling) -> list[Termijn]:
    """Every dated deadline of the case given its decision, extensions and changes, each with ``gedaan``.

    Meant for the store's index row, so the werkvoorraad can pick the next deadline each day without the
    regulation logic. Only the actual terms: a possible (not yet made) verdaging is left out. With them the
    hersteltermijn of each verzoek om aanvulling (Awb 4:5): done once supplemented or decided."""
    aanvulling = [
        Termijn(
            f"aanvulling_{n}",
            f"aanvulling (gevraagd {nl_datum(o.verzocht_op)})",
            o.termijn_tot,
            "artikel 4:5 Awb",
            "",
            o.aangevuld_op is not None or zaak.besluit is not None,
        )
        for n, o in enumerate(geldend(zaak.opschortingen), 1)
    ]
    return [
        t for t in bereken_termijnen(zaak, regeling) if t.datum is not None and t.code != "verdaging_uiterst"
    ] + aanvulling


def volgende(termijnen: list[Termijn], vandaag: date) -> Termijn | None:
    """The next open deadline (first on or after ``vandaag``), else the last passed open one (overdue)."""
    open_ = [t for t in termijnen if t.datum is not None and not t.gedaan]
    if not open_:
        return None
    komend = [t for t in open_ if t.datum and t.datum >= vandaag]
    if komend:
        return min(komend, key=lambda t: t.datum or vandaag)
    return max(open_, key=lambda t: t.datum or vandaag)


def volgende_termijn(zaak: Zaak, regeling: Regeling, vandaag: date | None = None) -> tuple[date, str] | None:
    """The next deadline that matters for the werkvoorraad (first open one on or after ``vandaag``, else the last
    passed open one, so overdue cases show)."""
    t = volgende(alle_termijnen(zaak, regeling), vandaag or date.today())
    if t is None or t.datum is None:
        return None
    return t.datum, t.omschrijving


def sluitdatum(zaak: Zaak, regeling: Regeling) -> date | None:
    """The date from which the dossier counts as closed, for the retention period (the store adds that period).

    - ``zaak.gesloten_op`` when the consulent closed the dossier explicitly;
    - a refusal: the last day of the bezwaartermijn;
    - a grant: the last day of the grant after extensions and an early end;
    and never before the last day of the bezwaartermijn of any decision on the case (decision, extension,
    change), since an objection may still come. None while undecided, while an extension request awaits a
    decision (the end may still move), or when the period cannot be calculated. The date may lie in the future:
    the dossier is then still running.
    """
    if zaak.gesloten_op is not None:
        return zaak.gesloten_op
    if zaak.besluit is None or any(v.beslissing is None for v in geldend(zaak.verlengingen)):
        return None
    bezwaar = [t.datum for t in _bezwaartermijnen(zaak) if t.datum is not None]
    t = _toekenning_of_none(zaak, regeling)
    from smi_tui.toekenning import is_toegekend

    if is_toegekend(zaak):
        if t is None:
            return None
        return max([t.eind, *bezwaar])
    return max(bezwaar)
