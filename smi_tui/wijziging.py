"""Herziening, intrekking and beëindiging of a grant: the ground, the amounts from the change date, the recovery.

- The ground must be one of the regulation's ``[[herzieningsgronden]]`` (with its article). A regulation file
  without grounds (Heemstede: only the raadsvoorstel is available and it names none; Oude IJsselstreek: the
  regulation names none) is a named error: the functional administrator adds the grounds from the regulation's
  own text; the app does not invent them.
- From ``ingangsdatum`` on, the grant is recalculated per child per month (a month the change splits counts pro
  rata by calendar days, as the calculation does): a herziening with the new care, a beëindiging or intrekking
  with nothing. ``ingangsdatum`` is the first day that changes; an intrekking from the start of the grant takes
  away everything.
- Recovery (``terugvorderen``): ``max(0, betaald_cent - new entitlement for the period from ingangsdatum)``,
  where ``betaald_cent`` is what was already paid for that period (entered by the consulent from the payments).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from smi_tui.berekening import Berekening
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro
from smi_tui.nazorg import Wijziging, WijzigingSoort
from smi_tui.regeling import Herzieningsgrond, Regeling
from smi_tui.toekenning import bedragen, berekeningen, opvang_per_kind, toekenning
from smi_tui.zaak import Zaak


class HerzieningsgrondFout(SmiFout):
    """The ground of a change is not one the regulation file lists (or the file lists none)."""


class WijzigingFout(SmiFout):
    """A change that cannot be applied to this grant (e.g. it starts after the grant ended)."""


@dataclass(frozen=True)
class Wijzigingsregel:
    """Old and new compensation of one child in one calendar month, from the change date (cents)."""

    kind: int
    naam: str
    jaar: int
    maand: int
    oud_cent: int
    nieuw_cent: int

    @property
    def verschil_cent(self) -> int:
        return self.nieuw_cent - self.oud_cent


@dataclass
class Wijzigingsuitkomst:
    """What a change does to the grant.

    ``soort``, ``grond`` (the regulation's ground with its text and article), ``ingangsdatum`` (the first day that
    changes, moved to the start of the grant when it lay before it); ``oud_eind``/``nieuw_eind``: the last day of
    the grant before and after (``nieuw_eind`` before the start when withdrawn from the start); ``regels``: per
    child per month old vs new; ``oud_cent``/``nieuw_cent``/``verschil_cent``: totals from ``ingangsdatum``;
    ``betaald_cent``: what was paid for that period (None when not entered); ``terugvordering_cent``: the amount to
    recover (0 without recovery); ``nabetaling_cent``: still to pay for the period when less was paid than is due;
    ``oud``/``nieuw``: the underlying calculations (per segment of the grant); ``meldingen``: Dutch remarks.
    """

    soort: WijzigingSoort
    grond: Herzieningsgrond
    ingangsdatum: date
    oud_eind: date
    nieuw_eind: date
    regels: list[Wijzigingsregel]
    oud_cent: int
    nieuw_cent: int
    betaald_cent: int | None
    terugvordering_cent: int
    nabetaling_cent: int
    oud: list[Berekening] = field(default_factory=list)
    nieuw: list[Berekening] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    terugvordering_artikel: str = ""

    @property
    def verschil_cent(self) -> int:
        return self.nieuw_cent - self.oud_cent


def herzieningsgrond(regeling: Regeling, code: str) -> Herzieningsgrond:
    """The regulation's ground with ``code``; :class:`HerzieningsgrondFout` (Dutch, listing the allowed codes)
    otherwise."""
    gronden = regeling.herzieningsgronden
    if not gronden:
        raise HerzieningsgrondFout(
            f"Het regelingbestand {regeling.id} noemt geen herzieningsgronden, dus de app kan een herziening, "
            "intrekking of beëindiging niet op een grond uit de regeling baseren. De functioneel beheerder voegt de "
            "gronden uit de tekst van de regeling toe onder [[herzieningsgronden]] (zie regelingen/README.md)."
        )
    for g in gronden:
        if g.code == code:
            return g
    lijst = "; ".join(f"{g.code} ({g.artikel})" for g in gronden)
    raise HerzieningsgrondFout(f"'{code}' is geen herzieningsgrond van de {regeling.citeertitel}. Kies uit: {lijst}.")


def bereken_wijziging(zaak: Zaak, regeling: Regeling, wijziging: Wijziging) -> Wijzigingsuitkomst:
    """The effect of ``wijziging`` on the grant as it stands without it (other decided changes and granted
    extensions count; ``wijziging`` itself does not when it is one of ``zaak.wijzigingen`` — that very object). Raises :class:`HerzieningsgrondFout`, :class:`WijzigingFout`,
    :class:`smi_tui.toekenning.GeenToekenning` or :class:`smi_tui.berekening.Ontbreekt`."""
    grond = herzieningsgrond(regeling, wijziging.grond)
    meldingen: list[str] = []
    eigen = next((x for x in zaak.wijzigingen if x is wijziging), None)  # a new, equal change is another one
    oud_t = toekenning(zaak, regeling, zonder=eigen)
    if oud_t.eind < oud_t.begin:
        raise WijzigingFout("De tegemoetkoming is al vanaf het begin ingetrokken; er valt niets meer te wijzigen.")
    van = wijziging.ingangsdatum
    if van > oud_t.eind:
        raise WijzigingFout(
            f"De ingangsdatum ({nl_datum(van)}) ligt na het einde van de tegemoetkoming "
            f"({nl_datum(oud_t.eind)}); er is dan niets te wijzigen."
        )
    if van < oud_t.begin:
        meldingen.append(
            f"De ingangsdatum ligt vóór het begin van de tegemoetkoming; gerekend is vanaf het begin "
            f"({nl_datum(oud_t.begin)})."
        )
        van = oud_t.begin
    if wijziging.soort == WijzigingSoort.HERZIENING:
        if not wijziging.opvang:
            meldingen.append("Er is geen nieuwe opvang opgegeven; de bedragen veranderen niet.")
        opvang_per_kind(wijziging.opvang, zaak)  # a wrong child number is an error, not silently ignored
    nieuw_t = toekenning(zaak, regeling, zonder=eigen, met=[wijziging.model_copy(update={"ingangsdatum": van})])
    oud_b = berekeningen(zaak, regeling, oud_t, van, oud_t.eind)
    nieuw_b = berekeningen(zaak, regeling, nieuw_t, van, oud_t.eind)
    oud, nieuw = bedragen(oud_b), bedragen(nieuw_b)
    namen = {i: k.naam for i, k in enumerate(zaak.melding.kinderen)}
    regels = [
        Wijzigingsregel(i, namen[i], j, m, oud.get((i, j, m), 0), nieuw.get((i, j, m), 0))
        for (i, j, m) in sorted(oud.keys() | nieuw.keys(), key=lambda s: (s[1], s[2], s[0]))
    ]
    oud_cent, nieuw_cent = sum(oud.values()), sum(nieuw.values())
    betaald = wijziging.betaald_cent
    terug = nabetaling = 0
    if betaald is not None:
        nabetaling = max(0, nieuw_cent - betaald)
        if wijziging.terugvorderen and betaald > nieuw_cent and regeling.terugvordering is None:
            meldingen.append(
                f"Er is {euro(betaald - nieuw_cent)} meer betaald dan waar recht op is, maar de regeling "
                "bevat geen bepaling over terugvordering; de app vordert niets terug. De functioneel "
                "beheerder kan [terugvordering] aan het regelingbestand toevoegen als de regeling die "
                "grondslag wel geeft."
            )
        elif wijziging.terugvorderen:
            terug = max(0, betaald - nieuw_cent)
        elif betaald > nieuw_cent:
            meldingen.append("Er is meer betaald dan waar recht op is, maar er wordt niet teruggevorderd.")
    elif wijziging.terugvorderen and nieuw_cent < oud_cent:
        meldingen.append(
            "Vul in wat voor de periode vanaf de ingangsdatum al is betaald; dan berekent de app het "
            "bedrag van de terugvordering."
        )
    return Wijzigingsuitkomst(
        soort=wijziging.soort,
        grond=grond,
        ingangsdatum=van,
        oud_eind=oud_t.eind,
        nieuw_eind=nieuw_t.eind,
        regels=regels,
        oud_cent=oud_cent,
        nieuw_cent=nieuw_cent,
        betaald_cent=betaald,
        terugvordering_cent=terug,
        nabetaling_cent=nabetaling,
        oud=oud_b,
        nieuw=nieuw_b,
        meldingen=meldingen,
        terugvordering_artikel=regeling.terugvordering.artikel if regeling.terugvordering else "",
    )
