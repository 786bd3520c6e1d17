"""Age and school limits per child and per day: up to which day a child meets each ``leeftijd`` and ``school``
check of a regulation.

Every such condition holds from birth up to a last day and never again after it (a child does not get younger or
go back to primary school), so each check gives one ``laatste_dag``; the child is covered on a day when it is on or
before every check's last day. ``None``: nothing in the case ends it (no age limit, or a school change whose date
is not known yet); ``date.min``: never met (a child already in secondary school).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from smi_tui.datums import nl_datum, plus_maanden
from smi_tui.personen import Kind
from smi_tui.regeling import Regeling, ToetsLeeftijd, ToetsSchool
from smi_tui.zaak import Zaak


@dataclass(frozen=True)
class Kindgrens:
    """One age or school check for one child: the last day the child meets it, and why it ends (Dutch)."""

    toets: ToetsLeeftijd | ToetsSchool
    laatste_dag: date | None
    reden: str

    def gedekt_op(self, d: date) -> bool:
        return self.laatste_dag is None or d <= self.laatste_dag


def _dag_ervoor(d: date) -> date:
    return date.min if d == date.min else d - timedelta(days=1)


def _voortgezet(kind: Kind) -> tuple[date | None, str]:
    vo = kind.voortgezet_onderwijs_start()
    if vo is None:
        return None, ""
    if vo == date.min:
        return vo, f"{kind.naam} zit in het voortgezet onderwijs"
    return vo, f"{kind.naam} gaat op {nl_datum(vo)} naar het voortgezet onderwijs"


def grens(t: ToetsLeeftijd | ToetsSchool, kind: Kind) -> Kindgrens:
    """The last day on which ``kind`` meets check ``t``."""
    vo, vo_reden = _voortgezet(kind)
    if isinstance(t, ToetsSchool) or t.soort == "tot_en_met_groep_8":
        if vo is None:
            return Kindgrens(t, None, "")
        if isinstance(t, ToetsSchool) and t.soort == "tot_maand_voortgezet_onderwijs" and vo != date.min:
            maand = date(vo.year, vo.month, 1)
            return Kindgrens(
                t,
                _dag_ervoor(maand),
                f"{vo_reden}; kinderopvang is er tot de eerste dag van de maand "
                f"waarin het voortgezet onderwijs begint ({nl_datum(maand)})",
            )
        return Kindgrens(t, _dag_ervoor(vo), vo_reden)
    assert t.jaren is not None
    verjaardag = plus_maanden(kind.geboortedatum, 12 * t.jaren)
    leeftijd = Kindgrens(
        t, verjaardag - timedelta(days=1), f"{kind.naam} wordt op {nl_datum(verjaardag)} {t.jaren} jaar"
    )
    if t.soort == "jonger_dan" or kind.basisschool_groep is None:
        return leeftijd
    # jonger_dan_of_basisschool, the child is in primary school: covered until secondary school starts as well
    if vo is None:
        return Kindgrens(t, None, "")
    school = _dag_ervoor(vo)
    if leeftijd.laatste_dag is not None and leeftijd.laatste_dag >= school:
        return leeftijd
    return Kindgrens(t, school, f"{leeftijd.reden} en {vo_reden.removeprefix(kind.naam + ' ')}")


def grenzen(kind: Kind, regeling: Regeling) -> list[Kindgrens]:
    """Every age and school check of ``regeling`` for ``kind``, in the order of the file."""
    return [grens(t, kind) for t in regeling.toetsen if isinstance(t, ToetsLeeftijd | ToetsSchool)]


def bindende_grens(kind: Kind, regeling: Regeling) -> Kindgrens | None:
    """The check that ends first for ``kind`` (None when none of them ends)."""
    met_einde = [g for g in grenzen(kind, regeling) if g.laatste_dag is not None]
    return min(met_einde, key=lambda g: g.laatste_dag or date.max) if met_einde else None


def einden_per_kind(
    zaak: Zaak, regeling: Regeling, begin: date, eind: date
) -> tuple[list[tuple[int, str, Kindgrens]], str, str]:
    """(child index, name, limit) of each child whose grant an age or school limit ends before ``eind``; and, when
    every child's grant ends that way, why the grant ends (Dutch; an extension is then not possible) and the
    articles it rests on ('' and '' otherwise)."""
    uit: list[tuple[int, str, Kindgrens]] = []
    redenen: list[str] = []
    artikelen: list[str] = []
    alle = True
    for i, k in enumerate(zaak.melding.kinderen):
        if k.opvang is None:
            continue
        g = bindende_grens(k, regeling)
        if g is None or g.laatste_dag is None or g.laatste_dag > eind:
            alle = False
            continue
        if g.laatste_dag < begin:
            continue  # outside the regulation from the start: no grant, so no end
        redenen.append(f"{g.reden} ({g.toets.artikel})")
        if g.toets.artikel not in artikelen:
            artikelen.append(g.toets.artikel)
        if g.laatste_dag < eind:
            uit.append((i, k.naam, g))
    if alle and redenen:
        tekst = f"de tegemoetkoming stopt door de leeftijds- of schoolgrens: {'; '.join(redenen)}; verlengen kan niet"
        return uit, tekst, "; ".join(artikelen)
    return uit, "", ""
