"""The calculation: per child and per calendar month, the KOT method with the regulation's caps.

Per child per month: ``vergoede uren x vergoede uurprijs x percentage``, where

- vergoede uren: the asked hours capped by the regulation (per day with a maximum of days, per week, per month)
  and by the national 230 hours per month; weekly hours become monthly hours as
  ``uren per week x weken per jaar / 12``;
- vergoede uurprijs: the lower of the provider's price and the national maximum for that type of care;
- percentage: from the KOT table for the family's yearly income, "eerste kind" for the child with the most hours
  in that month (equal hours: the highest costs), "volgend kind" for the others — or 100 % / a flat
  percentage where the regulation says so.

A month that the period covers only partly counts pro rata by calendar days; day and week caps are converted to a
month pro rata as well, but a monthly cap (the regulation's, the national 230 hours) limits the hours that fall in
that calendar month and is applied after the pro-rata step (a half month of 250 asked hours is 125, not 115).
Everything is exact until one rounding to whole cents per child per month (half up).
The parent's share (eigen bijdrage) is the cost of the asked hours at the real price minus the compensation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from smi_tui import landelijk
from smi_tui.datums import dagen_in_maand, maanden_in, nl_datum, periode_einde
from smi_tui.deelvoorziening import delen, verlaag
from smi_tui.geld import naar_centen
from smi_tui.ingang import aanvraagdatum as aanvraagdatum  # re-exported: one definition, in ingang
from smi_tui.ingang import ingangsgrens
from smi_tui.kindgrenzen import Kindgrens, bindende_grens
from smi_tui.opvang import Opvang
from smi_tui.personen import Huishouden
from smi_tui.regeling import (
    Methode,
    Regeling,
    UrenMaximum,
)
from smi_tui.zaak import Zaak


class Ontbreekt(Exception):
    """The calculation needs data the case does not have yet; ``wat`` lists it in Dutch."""

    def __init__(self, wat: list[str]) -> None:
        super().__init__("; ".join(wat))
        self.wat = wat


@dataclass(frozen=True)
class Beperking:
    """A cap that lowered the asked hours: which rule and by how much (per full month)."""

    artikel: str
    omschrijving: str


@dataclass
class Maandregel:
    jaar: int
    maand: int
    dagen: int  # calendar days of the month covered
    uren_gevraagd: Fraction
    uren_vergoed: Fraction
    vergoede_uurprijs_cent: int
    percentage: Fraction
    eerste_kind: bool
    kosten_cent: int
    tegemoetkoming_cent: int
    tabel: str
    tabeljaar: int | None  # year of the KOT table (or of the hourly-rate table when no KOT table is used)
    voorlopig: bool
    toelichting: list[str] = field(default_factory=list)
    verlaagd_cent: int = 0  # what a voorliggende voorziening covers of this child's compensation (partial refusal)

    @property
    def eigen_bijdrage_cent(self) -> int:
        return self.kosten_cent - self.tegemoetkoming_cent - self.verlaagd_cent


@dataclass
class KindBerekening:
    index: int  # position in melding.kinderen (0-based)
    naam: str
    opvang: Opvang
    begin: date
    eind: date
    uren_gevraagd_per_maand: Fraction
    uren_vergoed_per_maand: Fraction  # in a full calendar month, after every cap
    uurprijs_cent: int
    vergoede_uurprijs_cent: int
    uurprijs_tabel: str
    beperkingen: list[Beperking]
    maanden: list[Maandregel] = field(default_factory=list)
    uitgesloten: str = ""  # reason when the child gets nothing (e.g. above the age limit)
    uren_voor_maandmaxima: Fraction | None = None  # per full month after the day and week caps (None: = vergoed)
    maandmaxima: list[Fraction] = field(default_factory=list)  # caps on the hours in one calendar month
    gestopt: Kindgrens | None = None  # the age or school limit that ends this child's grant early

    @property
    def totaal_cent(self) -> int:
        return sum(m.tegemoetkoming_cent for m in self.maanden)


@dataclass
class Berekening:
    begin: date
    eind: date
    methode: Methode
    inkomen_cent: int | None
    kinderen: list[KindBerekening]
    inkomen_toelichting: str = ""
    eind_periode: date | None = None  # the regulation's period end, when an age or school limit ended it earlier

    def maandtotalen(self) -> list[dict[str, Any]]:
        """Per calendar month: compensation, parent's share, the table used and whether provisional."""
        per: dict[tuple[int, int], dict[str, Any]] = {}
        for k in self.kinderen:
            for m in k.maanden:
                rij = per.setdefault(
                    (m.jaar, m.maand),
                    {
                        "tegemoetkoming_cent": 0,
                        "eigen_bijdrage_cent": 0,
                        "tabellen": set(),
                        "tabeljaar": set(),
                        "voorlopig": False,
                    },
                )
                rij["tegemoetkoming_cent"] += m.tegemoetkoming_cent
                rij["eigen_bijdrage_cent"] += m.eigen_bijdrage_cent
                rij["tabellen"].add(m.tabel)
                rij["tabeljaar"].add(m.tabeljaar)
                rij["voorlopig"] = rij["voorlopig"] or m.voorlopig
        return [
            {"jaar": j, "maand": mnd, **{k: (sorted(v) if isinstance(v, set) else v) for k, v in rij.items()}}
            for (j, mnd), rij in sorted(per.items())
        ]

    @property
    def totaal_cent(self) -> int:
        return sum(k.totaal_cent for k in self.kinderen)

    @property
    def voorlopig(self) -> bool:
        return any(m.voorlopig for k in self.kinderen for m in k.maanden)

    def typische_maand(self) -> tuple[int, int]:
        """(tegemoetkoming, eigen bijdrage) of the first calendar month the whole period covers fully."""
        totalen = self.maandtotalen()
        for rij in totalen:
            vol = all(
                m.dagen == dagen_in_maand(m.jaar, m.maand)
                for k in self.kinderen
                for m in k.maanden
                if (m.jaar, m.maand) == (rij["jaar"], rij["maand"])
            )
            if vol:
                return rij["tegemoetkoming_cent"], rij["eigen_bijdrage_cent"]
        if totalen:
            return totalen[0]["tegemoetkoming_cent"], totalen[0]["eigen_bijdrage_cent"]
        return 0, 0


def _gekapte_uren(
    opvang: Opvang, maxima: list[UrenMaximum]
) -> tuple[Fraction, Fraction, list[Fraction], list[Beperking], list[str]]:
    """(asked hours per month, hours per month after the day and week caps, the monthly caps that apply, caps that
    lower a full month, missing data).

    Day and week caps are converted to a month pro rata (``x weken per jaar / 12``); a monthly cap — the
    regulation's and the national 230 hours — limits the hours that fall in that calendar month, so it is applied
    after a part month has been taken pro rata (:func:`_vul_maanden`), never scaled down itself."""
    weken = Fraction(opvang.weken_per_jaar, 12)
    gevraagd_week = opvang.gevraagde_uren_per_week()
    week = gevraagd_week
    beperkingen: list[Beperking] = []
    ontbreekt: list[str] = []
    geldig = [m for m in maxima if opvang.soort in m.soorten]
    for m in (m for m in geldig if m.per == "dag"):
        if opvang.dagen_per_week is None:
            ontbreekt.append(f"dagen per week van de {opvang.soort.label} (nodig voor het maximum van {m.artikel})")
            continue
        dagen = Fraction(opvang.dagen_per_week)
        per_dag = Fraction(opvang.uren_per_dag) if opvang.uren_per_dag is not None else week / dagen
        nieuw = min(dagen, Fraction(m.dagen_per_week or 7)) * min(per_dag, Fraction(m.uren))
        if nieuw < week:
            week = nieuw
            beperkingen.append(
                Beperking(m.artikel, f"maximaal {m.dagen_per_week} dagen per week van {m.uren} uur per dag")
            )
    for m in (m for m in geldig if m.per == "week"):
        if week > m.uren:
            week = Fraction(m.uren)
            beperkingen.append(Beperking(m.artikel, f"maximaal {m.uren} uur per week"))
    voor_maandmaxima = week * weken
    maand = voor_maandmaxima
    maandmaxima: list[Fraction] = []
    for m in (m for m in geldig if m.per == "maand"):
        maandmaxima.append(Fraction(m.uren))
        if maand > m.uren:
            maand = Fraction(m.uren)
            beperkingen.append(Beperking(m.artikel, f"maximaal {m.uren} uur per kalendermaand"))
    maandmaxima.append(Fraction(landelijk.MAX_UREN_PER_MAAND))
    if maand > landelijk.MAX_UREN_PER_MAAND:
        beperkingen.append(
            Beperking(
                landelijk.MAX_UREN_ARTIKEL, f"maximaal {landelijk.MAX_UREN_PER_MAAND} uur per kalendermaand per kind"
            )
        )
    return gevraagd_week * weken, voor_maandmaxima, maandmaxima, beperkingen, ontbreekt


def _inkomen(zaak: Zaak, regeling: Regeling) -> tuple[int | None, str, list[str]]:
    b = regeling.berekening
    ink = zaak.gesprek.inkomen if zaak.gesprek else None
    if b.methode == Methode.VOLLEDIG:
        return None, "geen inkomenstoets: de kosten tot de maxima worden volledig vergoed", []
    veld = {
        "toetsingsinkomen_jaar": "toetsingsinkomen_jaar_cent",
        "gemiddeld_maandinkomen_vorig_jaar": "gemiddeld_maandinkomen_vorig_jaar_cent",
        "netto_maandinkomen": "netto_maandinkomen_cent",
    }[b.inkomen]
    waarde = getattr(ink, veld) if ink else None
    naam = b.inkomen.replace("_", " ")
    if waarde is None:
        return None, "", [f"inkomen: {naam} ({b.artikel})"]
    if b.norm == "bijstandsnorm" and (ink is None or ink.huishouden is None):
        return None, "", [f"leefvorm (alleenstaand of samenwonend) voor de bijstandsnorm ({b.artikel})"]
    if b.methode == Methode.KOT_TABEL and b.inkomen != "toetsingsinkomen_jaar":
        return waarde * 12, f"{naam} x 12 als jaarinkomen voor de KOT-tabel ({b.artikel})", []
    return waarde, "", []


def _percentage(
    regeling: Regeling, zaak: Zaak, inkomen: int | None, jaar: int, maand: int, eerste: bool
) -> landelijk.Waarde:
    b = regeling.berekening
    if b.methode == Methode.VOLLEDIG:
        return landelijk.Waarde(Fraction(100), "volledige vergoeding", False)
    if b.methode == Methode.KOT_TABEL:
        assert inkomen is not None
        return landelijk.kot_percentage(jaar, inkomen, eerste)
    assert inkomen is not None and b.norm and b.norm_percentage is not None and b.eigen_bijdrage_percentage is not None
    samen = bool(zaak.gesprek and zaak.gesprek.inkomen.huishouden == Huishouden.SAMENWONEND)
    n = landelijk.norm(b.norm, date(jaar, maand, 1), samen)
    grens = naar_centen(Fraction(n.waarde * b.norm_percentage, 100))  # rounded to cents, as published
    pct = Fraction(100 - b.eigen_bijdrage_percentage) if inkomen > grens else Fraction(100)
    return landelijk.Waarde(pct, n.tabel, n.voorlopig, n.toelichting)


def bereken(
    zaak: Zaak,
    regeling: Regeling,
    *,
    periode: tuple[date, date] | None = None,
    opvang: Mapping[int, Opvang] | None = None,
    al_vergoed: Mapping[tuple[int, int, int], Fraction] | None = None,
) -> Berekening:
    """The compensation per child per month over the granted period. Raises Ontbreekt when data is missing.

    Without ``periode`` this is the first grant: it starts with the earliest care (not before the application where
    the regulation says so) and runs the regulation's first period. With ``periode`` (begin, eind) it is any other
    period of the grant — an extension, the rest of a grant after a revision — and each child counts from the later
    of ``begin`` and its care's start. ``opvang`` replaces the care of the children it names (index in
    ``melding.kinderen``); the others keep the care of the melding. A child whose care does not touch the period
    gets no months and ``uitgesloten`` says why. ``al_vergoed`` — (child, jaar, maand) -> hours — are hours of the
    same calendar month already granted in an earlier part (a month split by a change): a monthly cap limits the
    month as a whole.
    """
    ontbreekt: list[str] = []
    zorg = {i: k.opvang for i, k in enumerate(zaak.melding.kinderen) if k.opvang is not None}
    zorg.update(opvang or {})
    kinderen = [(i, zaak.melding.kinderen[i]) for i in sorted(zorg)]
    if not kinderen:
        ontbreekt.append("de gevraagde kinderopvang (soort, aanbieder, uren, prijs, data) van minstens één kind")
    inkomen, ink_uitleg, mist = _inkomen(zaak, regeling)
    ontbreekt += mist
    if ontbreekt:
        raise Ontbreekt(ontbreekt)

    if periode is None:
        grens_ingang = ingangsgrens(zaak, regeling)
        if grens_ingang.datum is None:
            raise Ontbreekt([grens_ingang.ontbreekt])
        start_na = grens_ingang.datum
        begins = [max(zorg[i].begindatum, start_na) for i, _ in kinderen]
        begin = min(begins)
        eind = periode_einde(begin, regeling.periode.eerste_periode_maanden)
    else:
        begin, eind = periode
        begins = [max(zorg[i].begindatum, begin) for i, _ in kinderen]

    uitkomst: list[KindBerekening] = []
    for (i, kind), kbegin in zip(kinderen, begins, strict=True):
        o = zorg[i]
        gevraagd, voor_max, maandmaxima, beperkingen, mist = _gekapte_uren(o, regeling.uren_maxima)
        vergoed = min([voor_max, *maandmaxima])
        ontbreekt += [f"{kind.naam}: {m}" for m in mist]
        keind = min(eind, o.einddatum) if o.einddatum else eind
        g = bindende_grens(kind, regeling)
        uitgesloten, gestopt = "", None
        if g is not None and g.laatste_dag is not None and g.laatste_dag < keind:
            if g.laatste_dag < kbegin:
                uitgesloten = f"{g.reden}; bij de start ({nl_datum(kbegin)}) valt {kind.naam} buiten {g.toets.artikel}"
            else:
                keind, gestopt = g.laatste_dag, g
        if not uitgesloten and keind < kbegin:
            uitgesloten = f"de opvang van {kind.naam} valt niet in de periode {nl_datum(begin)} t/m {nl_datum(eind)}"
        prijs = landelijk.max_uurprijs(kbegin.year, o.soort)
        uitkomst.append(
            KindBerekening(
                index=i,
                naam=kind.naam,
                opvang=o,
                begin=kbegin,
                eind=keind,
                uren_gevraagd_per_maand=gevraagd,
                uren_vergoed_per_maand=vergoed,
                uurprijs_cent=o.uurprijs_cent,
                vergoede_uurprijs_cent=min(o.uurprijs_cent, prijs.waarde),
                uurprijs_tabel=prijs.tabel,
                beperkingen=beperkingen,
                uitgesloten=uitgesloten,
                uren_voor_maandmaxima=voor_max,
                maandmaxima=maandmaxima,
                gestopt=gestopt,
            )
        )
    if ontbreekt:
        raise Ontbreekt(ontbreekt)
    _vul_maanden(uitkomst, zaak, regeling, inkomen, al_vergoed or {})
    verlaag(uitkomst, delen(zaak, regeling))
    eind_periode = eind
    binnen = [k for k in uitkomst if not k.uitgesloten]
    if periode is None and any(k.gestopt for k in binnen) and all(k.eind < eind for k in binnen):
        eind = max(k.eind for k in binnen)  # an age or school limit ends the grant before the regulation's period
    return Berekening(begin, eind, regeling.berekening.methode, inkomen, uitkomst, ink_uitleg, eind_periode)


def _rangorde_sleutel(k: KindBerekening, uren: Fraction) -> tuple[Any, ...]:
    # Most hours first; equal hours: highest costs (Besluit kinderopvangtoeslag art. 3, tabellen/README.md);
    # then a fixed order so the result does not depend on the order the children were entered in.
    kind_sleutel = (k.naam, k.opvang.begindatum, k.opvang.aanbieder)
    return (-uren, -uren * k.uurprijs_cent, kind_sleutel)


def _vul_maanden(
    kinderen: list[KindBerekening],
    zaak: Zaak,
    regeling: Regeling,
    inkomen: int | None,
    al_vergoed: Mapping[tuple[int, int, int], Fraction],
) -> None:
    alle = sorted({m for k in kinderen if not k.uitgesloten for m in maanden_in(k.begin, k.eind)})
    for jaar, maand in alle:
        eerste_dag = date(jaar, maand, 1)
        laatste_dag = date(jaar, maand, dagen_in_maand(jaar, maand))
        actief: list[tuple[KindBerekening, int, Fraction, Fraction]] = []
        for k in kinderen:
            if k.uitgesloten or k.eind < eerste_dag or k.begin > laatste_dag:
                continue
            dagen = (min(k.eind, laatste_dag) - max(k.begin, eerste_dag)).days + 1
            deel = Fraction(dagen, dagen_in_maand(jaar, maand))
            # pro rata first, the monthly caps after: a cap limits the hours that fall in this calendar month
            voor = k.uren_vergoed_per_maand if k.uren_voor_maandmaxima is None else k.uren_voor_maandmaxima
            eerder = al_vergoed.get((k.index, jaar, maand), Fraction(0))
            vergoed = max(Fraction(0), min([voor * deel, *(c - eerder for c in k.maandmaxima)]))
            actief.append((k, dagen, k.uren_gevraagd_per_maand * deel, vergoed))
        actief.sort(key=lambda a: _rangorde_sleutel(a[0], a[3]))
        for positie, (k, dagen, u_gevr, u_verg) in enumerate(actief):
            eerste = positie == 0
            pct = _percentage(regeling, zaak, inkomen, jaar, maand, eerste)
            prijs = landelijk.max_uurprijs(jaar, k.opvang.soort)
            vergoede_prijs = min(k.uurprijs_cent, prijs.waarde)
            toelichting = [t for t in (pct.toelichting, prijs.toelichting) if t]
            k.maanden.append(
                Maandregel(
                    jaar=jaar,
                    maand=maand,
                    dagen=dagen,
                    uren_gevraagd=u_gevr,
                    uren_vergoed=u_verg,
                    vergoede_uurprijs_cent=vergoede_prijs,
                    percentage=pct.waarde,
                    eerste_kind=eerste,
                    kosten_cent=naar_centen(u_gevr * k.uurprijs_cent),
                    tegemoetkoming_cent=naar_centen(u_verg * vergoede_prijs * pct.waarde / 100),
                    tabel=f"{pct.tabel}; {prijs.tabel}",
                    tabeljaar=pct.jaar or prijs.jaar,
                    voorlopig=pct.voorlopig or prijs.voorlopig,
                    toelichting=toelichting,
                )
            )
