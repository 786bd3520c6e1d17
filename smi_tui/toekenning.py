"""The grant as it stands after the decision: its period, extensions, revisions and early end, as segments.

A decision grants care from ``begin`` for the regulation's first period (see :func:`smi_tui.berekening.bereken`).
Afterwards the grant changes by decisions on the case:

- a granted extension (``Verlengingsaanvraag`` with ``beslissing = toekennen``) adds its months from the day after
  the current end; the care it names replaces the care of those children from its start;
- a decided revision (``Wijziging`` with ``besluit_datum``, soort herziening) replaces the care of the children it
  names from its ``ingangsdatum``;
- a withdrawn record (entered by mistake, see :class:`smi_tui.nazorg.Ingetrokken`) counts for nothing;
- a decided beëindiging or intrekking ends the grant: the last day is the day *before* its ``ingangsdatum`` (the
  ingangsdatum is the first day without a tegemoetkoming). An intrekking from the start leaves no period at all.

The grant is split into :class:`Segment` s at every date where the care changes, so any period can be calculated
with the care in force, per child per month (:func:`bedragen`). A month split by a change is calculated per part,
each part rounded to cents once (the letter shows the parts apart).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from smi_tui.berekening import Berekening, bereken
from smi_tui.datums import periode_einde
from smi_tui.fouten import SmiFout
from smi_tui.nazorg import Verlengingsaanvraag, Vervolgbeslissing, Wijziging, WijzigingSoort, geldend
from smi_tui.opvang import Opvang
from smi_tui.regeling import Regeling
from smi_tui.zaak import Beslissing, Zaak


class GeenToekenning(SmiFout):
    """The case has no granted decision, so there is nothing to extend, revise or end."""


@dataclass(frozen=True)
class Segment:
    """A part of the grant with one set of care: ``opvang`` maps child index -> care."""

    begin: date
    eind: date
    opvang: dict[int, Opvang]


@dataclass
class Toekenning:
    """The grant after the decisions on it.

    ``begin``: first day of the grant; ``eind_oorspronkelijk``: last day of the first period; ``eind``: last day
    after extensions and an early end (before ``begin`` when withdrawn from the start); ``verlengd``: the granted
    extensions, in order; ``beeindigd_door``: the wijziging that ended the grant early, if any; ``uitgesloten``:
    indexes of children that the decision left out (a per-child refusal ground or outside the age limit);
    ``segmenten``: the periods with the care in force.
    """

    begin: date
    eind_oorspronkelijk: date
    eind: date
    verlengd: list[Verlengingsaanvraag]
    beeindigd_door: Wijziging | None
    uitgesloten: set[int]
    segmenten: list[Segment] = field(default_factory=list)


def opvang_per_kind(opvang: dict[str, Opvang], zaak: Zaak) -> dict[int, Opvang]:
    """The care of a Verlengingsaanvraag or Wijziging (keys: child index as text) by child index; a Dutch error for
    a key that is no child of the case."""
    uit: dict[int, Opvang] = {}
    for k, o in opvang.items():
        try:
            i = int(k)
        except ValueError:
            raise SmiFout(f"'{k}' is geen kindnummer; gebruik het volgnummer van het kind (0, 1, ...).") from None
        if not 0 <= i < len(zaak.melding.kinderen):
            raise SmiFout(f"Er is geen kind met volgnummer {i} in deze zaak.")
        uit[i] = o
    return uit


def _zelfde(a: object, b: object | None) -> bool:
    return b is not None and (a is b or a == b)


def is_toegekend(zaak: Zaak) -> bool:
    return zaak.besluit is not None and zaak.besluit.beslissing in (Beslissing.TOEKENNEN, Beslissing.GEDEELTELIJK)


def toekenning(
    zaak: Zaak,
    regeling: Regeling,
    *,
    zonder: object | None = None,
    met: Sequence[Wijziging | Verlengingsaanvraag] = (),
) -> Toekenning:
    """The grant of ``zaak`` after its granted extensions and decided changes.

    ``zonder`` leaves one record out (the one being assessed; the same object or an equal one); ``met`` counts records as decided/granted although
    they are not yet (to compute what a proposed change would do). Raises :class:`GeenToekenning` when the case has
    no grant, and :class:`smi_tui.berekening.Ontbreekt` when the calculation lacks data.
    """
    if not is_toegekend(zaak):
        raise GeenToekenning(
            "Deze zaak heeft (nog) geen besluit tot toekenning; er is geen tegemoetkoming om te "
            "verlengen, te herzien of te beëindigen."
        )
    basis = bereken(zaak, regeling)
    uitgesloten = _uitgesloten(zaak, regeling, basis)
    verlengd = [
        v for v in geldend(zaak.verlengingen) if not _zelfde(v, zonder) and v.beslissing == Vervolgbeslissing.TOEKENNEN
    ]
    verlengd += [v for v in met if isinstance(v, Verlengingsaanvraag)]
    verlengd.sort(key=lambda v: v.aangevraagd_op)
    wijzigingen = [w for w in geldend(zaak.wijzigingen) if not _zelfde(w, zonder) and w.besluit_datum is not None]
    wijzigingen += [w for w in met if isinstance(w, Wijziging)]

    wissels: list[tuple[date, dict[int, Opvang]]] = []
    eind = basis.eind
    for v in verlengd:
        start = eind + timedelta(days=1)
        eind = periode_einde(start, v.maanden)
        if v.opvang:
            wissels.append((start, opvang_per_kind(v.opvang, zaak)))
    for w in wijzigingen:
        if w.soort == WijzigingSoort.HERZIENING and w.opvang:
            wissels.append((w.ingangsdatum, opvang_per_kind(w.opvang, zaak)))
    einden = [w for w in wijzigingen if w.soort != WijzigingSoort.HERZIENING]
    beeindigd = min(einden, key=lambda w: w.ingangsdatum) if einden else None
    if beeindigd is not None and beeindigd.ingangsdatum <= eind:
        eind = max(beeindigd.ingangsdatum, basis.begin) - timedelta(days=1)
    else:
        beeindigd = None

    zorg = {i: k.opvang for i, k in enumerate(zaak.melding.kinderen) if k.opvang is not None and i not in uitgesloten}
    segmenten: list[Segment] = []
    van = basis.begin
    for datum, nieuw in sorted(wissels, key=lambda x: x[0]):
        if datum > eind:
            break
        if datum > van:
            segmenten.append(Segment(van, datum - timedelta(days=1), dict(zorg)))
            van = datum
        zorg.update({i: o for i, o in nieuw.items() if i not in uitgesloten})
    if van <= eind:
        segmenten.append(Segment(van, eind, dict(zorg)))
    return Toekenning(basis.begin, basis.eind, eind, verlengd, beeindigd, uitgesloten, segmenten)


def _uitgesloten(zaak: Zaak, regeling: Regeling, basis: Berekening) -> set[int]:
    """Children the decision left out: outside the age limit, or a per-child refusal ground (unless the
    hardheidsclausule was applied, in which case the consulent's decision stands for all children)."""
    from smi_tui.toetsing import Uitkomst, toets

    uit = {k.index for k in basis.kinderen if k.uitgesloten}
    assert zaak.besluit is not None
    if not zaak.besluit.hardheidsclausule.toegepast:
        uit |= {
            r.kind for r in toets(zaak, regeling, basis) if r.uitkomst == Uitkomst.NIET_VOLDAAN and r.kind is not None
        }
    return uit


def berekeningen(zaak: Zaak, regeling: Regeling, t: Toekenning, van: date, tot: date) -> list[Berekening]:
    """The calculation of every segment of ``t`` within ``van``..``tot`` (inclusive), in date order. A month split
    by a change keeps one monthly cap: the later part gets what the earlier part left of it."""
    uit: list[Berekening] = []
    vergoed: dict[tuple[int, int, int], Fraction] = {}
    for s in t.segmenten:
        b, e = max(s.begin, van), min(s.eind, tot)
        if b > e or not s.opvang:
            continue
        ber = bereken(zaak, regeling, periode=(b, e), opvang=s.opvang, al_vergoed=vergoed)
        for k in ber.kinderen:
            if k.index not in s.opvang:
                k.maanden.clear()
                k.uitgesloten = k.uitgesloten or "niet in de toekenning"
            for m in k.maanden:
                sleutel = (k.index, m.jaar, m.maand)
                vergoed[sleutel] = vergoed.get(sleutel, Fraction(0)) + m.uren_vergoed
        uit.append(ber)
    return uit


Bedragen = dict[tuple[int, int, int], int]
"""(kind, jaar, maand) -> tegemoetkoming in cents."""


def bedragen(berekeningen_: Sequence[Berekening]) -> Bedragen:
    """Sum per child per calendar month over calculations (a month split by a change adds its parts)."""
    uit: Bedragen = {}
    for ber in berekeningen_:
        for k in ber.kinderen:
            for m in k.maanden:
                sleutel = (k.index, m.jaar, m.maand)
                uit[sleutel] = uit.get(sleutel, 0) + m.tegemoetkoming_cent
    return uit
