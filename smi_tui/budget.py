"""The budget ceiling (subsidieplafond): committed, reserved and remaining amounts in a calendar year, in the
regulation's order of priority.

Only Albrandswaard has one (artikel 7 lid 4): "Jaarlijks wordt door de gemeenteraad in de begroting een bedrag
opgenomen voor de tegemoetkoming SMI. Dit bedrag geldt als subsidieplafond", shared "a. [met] prioriteit aan de
kinderopvang voor een kind dat een kalenderjaar overschrijdende periode, die nog niet verstreken is, toegekend
heeft gekregen. b. Vervolgens is de datum van binnenkomst van de aanvragen bepalend". The order comes from the
regulation file (``volgorde`` of the ``budgetplafond`` check), the yearly figure from config.toml or the file
(:func:`smi_tui.config.budgetplafond`); a year without a figure is reported as such, never guessed.

- **vastgelegd**: what granted cases receive in the year, after extensions, revisions and early ends;
- **gereserveerd**: what pending applications (no decision yet) and pending extension requests would receive in
  the year, taken from the budget in the order of priority;
- **resterend**: ceiling minus both (negative when the pending applications do not all fit).

Granted cases come first: a decision is a right, whatever its rank. A pending application counts with its full
calculation, whatever its other checks will say; a pending extension only when no rule refuses it. Within each group the regulation's criteria
apply one after the other. Cases of other gemeenten are ignored; all cases are calculated with ``regeling``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from smi_tui import config
from smi_tui.berekening import Berekening, Ontbreekt, aanvraagdatum, bereken
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro
from smi_tui.regeling import Regeling, ToetsBudgetplafond
from smi_tui.toekenning import GeenToekenning, berekeningen, is_toegekend, toekenning
from smi_tui.zaak import BudgetStand, Zaak

VASTGELEGD = "vastgelegd"
GERESERVEERD = "gereserveerd"


class GeenBudgetplafond(SmiFout):
    """No ceiling is known for the year: the administrator must enter it (config.toml)."""


@dataclass
class Budgetrij:
    """One case in the overview: ``zaaknummer`` (with " (verlenging)" for a pending extension), ``status``
    (vastgelegd / gereserveerd), ``bedrag_cent`` in the year (None when it cannot be calculated yet),
    ``ontvangen_op`` (date of the application or extension request), ``jaaroverschrijdend`` (a granted period that
    crosses a calendar year and runs into this year), ``positie`` (1-based rank among the pending applications),
    ``resterend_voor_cent`` (for a pending one: what is left for it after everything with priority over it; None
    without a ceiling), ``past`` (its amount fits in that), ``toelichting``."""

    zaaknummer: str
    status: str
    bedrag_cent: int | None
    ontvangen_op: date | None
    jaaroverschrijdend: bool
    positie: int | None = None
    resterend_voor_cent: int | None = None
    past: bool | None = None
    toelichting: str = ""


@dataclass
class Budgetoverzicht:
    """The budget of one regulation in one calendar year.

    ``plafond_cent`` (None: unknown — see ``melding``), ``plafond_bron``, ``vastgelegd_cent``,
    ``gereserveerd_cent``, ``resterend_cent`` (None without a ceiling), ``rijen`` (granted first, then pending in
    order of priority), ``volgorde`` (the criteria applied, from the regulation file), ``artikel``, ``melding``
    (Dutch, e.g. "geen budgetplafond bekend voor 2026; de beheerder vult het in").
    """

    regeling_id: str
    jaar: int
    plafond_cent: int | None
    plafond_bron: str
    vastgelegd_cent: int
    gereserveerd_cent: int
    resterend_cent: int | None
    rijen: list[Budgetrij]
    volgorde: list[str]
    artikel: str
    melding: str = ""
    prioriteit: list[str] = field(default_factory=list)


def _toets(regeling: Regeling) -> ToetsBudgetplafond:
    t = regeling.toets(ToetsBudgetplafond)
    if not isinstance(t, ToetsBudgetplafond):
        raise SmiFout(f"De {regeling.citeertitel} kent geen budgetplafond.")
    return t


def _in_jaar(bers: Iterable[Berekening], jaar: int) -> int:
    return sum(m["tegemoetkoming_cent"] for b in bers for m in b.maandtotalen() if m["jaar"] == jaar)


def _ontvangen(zaak: Zaak, regeling: Regeling) -> date:
    return aanvraagdatum(zaak, regeling) or zaak.melding.datum


def _rijen(zaak: Zaak, nummer: str, regeling: Regeling, jaar: int) -> list[Budgetrij]:
    """The rows one case contributes: its grant (vastgelegd) and a pending extension, or its pending application."""
    uit: list[Budgetrij] = []
    if zaak.gesloten_op is not None and zaak.besluit is None:
        return uit  # withdrawn or closed without a decision
    if zaak.besluit is None:
        try:
            bedrag: int | None = _in_jaar([bereken(zaak, regeling)], jaar)
            uitleg = ""
        except Ontbreekt as exc:
            bedrag, uitleg = None, f"nog niet te berekenen: {'; '.join(exc.wat)}"
        if bedrag != 0:
            uit.append(Budgetrij(nummer, GERESERVEERD, bedrag, _ontvangen(zaak, regeling), False, toelichting=uitleg))
        return uit
    if not is_toegekend(zaak):
        return uit
    try:
        t = toekenning(zaak, regeling)
    except (Ontbreekt, GeenToekenning):
        return uit
    kruist = t.begin.year != t.eind.year and t.eind.year >= jaar  # art. 7 lid 4 a: crosses a year, not ended
    bedrag = _in_jaar(berekeningen(zaak, regeling, t, date(jaar, 1, 1), date(jaar, 12, 31)), jaar)
    if bedrag:
        uit.append(Budgetrij(nummer, VASTGELEGD, bedrag, _ontvangen(zaak, regeling), kruist))
    from smi_tui.verlenging import beoordeel_verlenging

    for v in zaak.verlengingen:
        if v.beslissing is not None or v.ingetrokken is not None:
            continue
        try:
            u = beoordeel_verlenging(zaak, regeling, v)
        except SmiFout:
            continue
        if u.afwijzingsgronden:
            continue
        b = _in_jaar([u.berekening], jaar) if u.berekening else None
        if b != 0:
            uitleg = "" if b is not None else "nog niet te berekenen"
            uit.append(
                Budgetrij(f"{nummer} (verlenging)", GERESERVEERD, b, v.aangevraagd_op, kruist, toelichting=uitleg)
            )
    return uit


def _sleutel(volgorde: Sequence[str]) -> Callable[[Budgetrij], tuple[object, ...]]:
    def sleutel(r: Budgetrij) -> tuple[object, ...]:
        delen: list[object] = [0 if r.status == VASTGELEGD else 1]
        for c in volgorde:
            if c == "lopende_jaaroverschrijdende_toekenning":
                delen.append(0 if r.jaaroverschrijdend else 1)
            elif c == "datum_ontvangst":
                delen.append(r.ontvangen_op or date.max)
        delen.append(r.zaaknummer)  # a fixed order for equal ranks
        return tuple(delen)

    return sleutel


def budgetoverzicht(
    regeling: Regeling, jaar: int, zaken: Sequence[tuple[str, Zaak]], plafond_cent: int | None = None
) -> Budgetoverzicht:
    """The budget of ``jaar``: ``zaken`` are (zaaknummer, Zaak) from the store; ``plafond_cent`` overrides the
    configured ceiling (else :func:`smi_tui.config.budgetplafond`)."""
    t = _toets(regeling)
    bron = "opgegeven"
    if plafond_cent is None:
        plafond_cent, bron = config.budgetplafond_met_bron(regeling.id, jaar)
    rijen: list[Budgetrij] = []
    for nummer, z in zaken:
        if z.regeling == regeling.gemeente_code:
            rijen += _rijen(z, nummer, regeling, jaar)
    rijen.sort(key=_sleutel(t.volgorde))
    vast = sum(r.bedrag_cent or 0 for r in rijen if r.status == VASTGELEGD)
    over = None if plafond_cent is None else plafond_cent - vast
    positie = 0
    for r in rijen:
        if r.status != GERESERVEERD:
            continue
        positie += 1
        r.positie = positie
        if over is not None:
            r.resterend_voor_cent = over
            r.past = r.bedrag_cent is not None and r.bedrag_cent <= over
            over -= r.bedrag_cent or 0
    gereserveerd = sum(r.bedrag_cent or 0 for r in rijen if r.status == GERESERVEERD)
    melding = ""
    if plafond_cent is None:
        melding = f"Geen budgetplafond bekend voor {jaar}; de functioneel beheerder vult het in (config.toml)."
    elif over is not None and over < 0:
        melding = f"De aanvragen in behandeling passen niet allemaal in het budget van {jaar} ({euro(plafond_cent)})."
    return Budgetoverzicht(
        regeling.id,
        jaar,
        plafond_cent,
        bron if plafond_cent is not None else "",
        vast,
        gereserveerd,
        None if plafond_cent is None else plafond_cent - vast - gereserveerd,
        rijen,
        list(t.volgorde),
        t.artikel,
        melding,
        list(t.prioriteit),
    )


def budgetjaar(zaak: Zaak, regeling: Regeling) -> int:
    """The year whose budget an application is tested against: the year the grant starts (else the year of the
    application). Only that year is tested, as the check in the assessment does."""
    try:
        return bereken(zaak, regeling).begin.year
    except Ontbreekt:
        return _ontvangen(zaak, regeling).year


def budget_voor(
    zaak: Zaak, regeling: Regeling, zaken: Sequence[tuple[str, Zaak]], plafond_cent: int | None = None
) -> BudgetStand:
    """The budget left for *this* application after the granted cases and the pending applications with priority
    over it (the case itself counts as pending, also when it is in ``zaken`` or already decided).
    Raises :class:`GeenBudgetplafond` when no ceiling is known for the year."""
    jaar = budgetjaar(zaak, regeling)
    eigen = "<deze zaak>"
    anderen = [(n, z) for n, z in zaken if z is not zaak and (zaak.zaaknummer is None or n != zaak.zaaknummer)]
    als_aanvraag = zaak.model_copy(update={"besluit": None, "gesloten_op": None, "verlengingen": [], "wijzigingen": []})
    o = budgetoverzicht(regeling, jaar, [*anderen, (eigen, als_aanvraag)], plafond_cent)
    if o.plafond_cent is None:
        raise GeenBudgetplafond(o.melding)
    rij = next((r for r in o.rijen if r.zaaknummer == eigen), None)
    voor = o.plafond_cent - o.vastgelegd_cent if rij is None else rij.resterend_voor_cent
    assert voor is not None
    hoger = [
        r.zaaknummer
        for r in o.rijen
        if r.status == GERESERVEERD and rij is not None and r.positie and rij.positie and r.positie < rij.positie
    ]
    uitleg = (
        f"plafond {jaar} {euro(o.plafond_cent)} ({o.plafond_bron}), vastgelegd {euro(o.vastgelegd_cent)}"
        + (f", voorrang voor {', '.join(hoger)}" if hoger else "")
        + "; berekend uit de opgeslagen zaken"
    )
    return BudgetStand(jaar=jaar, resterend_cent=max(0, voor), toelichting=uitleg)


VOL, GERESERVEERD_TEKEN, LEEG, TEKORT = "█", "▒", "░", "×"
"""The bar's characters: committed, reserved, remaining, and reserved beyond the ceiling. Different shapes, so the
bar reads without colour too; the figures always stand beside it (:func:`budgetregel`)."""


@dataclass(frozen=True)
class Balk:
    """The budget as ``breedte`` cells: ``vastgelegd``, ``gereserveerd`` (within the ceiling), ``resterend`` and
    ``tekort`` (what is reserved beyond the ceiling); the four add up to the width."""

    vastgelegd: int
    gereserveerd: int
    resterend: int
    tekort: int

    def tekst(self) -> str:
        """The bar as plain characters (for the CLI, and the screen before it colours it)."""
        return (
            VOL * self.vastgelegd
            + GERESERVEERD_TEKEN * self.gereserveerd
            + LEEG * self.resterend
            + (TEKORT * self.tekort)
        )


def budgetbalk(o: Budgetoverzicht, breedte: int = 40) -> Balk | None:
    """The bar of ``o`` in ``breedte`` cells, or None without a ceiling (nothing to draw against).

    The scale is the ceiling, or what is committed and reserved together when that is more, so an overshoot shows
    as cells beyond the ceiling. Edges are rounded from the start of the bar, so the cells always add up."""
    if o.plafond_cent is None or breedte < 1:
        return None
    vast = max(o.vastgelegd_cent, 0)
    samen = vast + max(o.gereserveerd_cent, 0)
    schaal = max(o.plafond_cent, samen, 1)

    def cel(cent: int) -> int:
        return min(breedte, int(Fraction(cent * breedte, schaal) + Fraction(1, 2)))  # half up, not banker's

    a, b, c = cel(vast), cel(samen), cel(o.plafond_cent)
    if samen <= o.plafond_cent:
        return Balk(a, b - a, breedte - b, 0)
    gereserveerd = max(c - a, 0)
    return Balk(a, gereserveerd, 0, breedte - a - gereserveerd)


def budgetregel(o: Budgetoverzicht) -> str:
    """The figures the bar stands for, in one line: 'vastgelegd € …, gereserveerd € …, resterend € … van € …'."""
    if o.plafond_cent is None:
        return o.melding
    rest = o.resterend_cent if o.resterend_cent is not None else 0
    over = f"tekort {euro(-rest)}" if rest < 0 else f"resterend {euro(rest)}"
    return (
        f"{VOL} vastgelegd {euro(o.vastgelegd_cent)}  {GERESERVEERD_TEKEN} gereserveerd {euro(o.gereserveerd_cent)}"
        f"  {LEEG if rest >= 0 else TEKORT} {over}  — plafond {o.jaar} {euro(o.plafond_cent)}"
    )
