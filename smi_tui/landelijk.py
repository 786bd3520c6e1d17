"""National figures from ``tabellen/``: KOT percentages, maximum hourly rates, minimum norms.

Each lookup returns the figure together with where it came from and whether it is provisional
(``voorlopig``): a month whose year has no table uses the latest table and says so. A missing figure is never
estimated or interpolated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from smi_tui.datums import nl_datum
from smi_tui.fouten import TabelFout
from smi_tui.geld import euro_naar_centen
from smi_tui.opvang import Opvangsoort

TABELLEN = Path(__file__).parent / "tabellen"

MAX_UREN_PER_MAAND = 230
"""Maximum hours per child per calendar month (Besluit kinderopvangtoeslag, art. 8a; tabellen/README.md)."""
MAX_UREN_ARTIKEL = "artikel 8a Besluit kinderopvangtoeslag"
KOT_ARTIKEL = "kinderopvangtoeslagtabel (Besluit kinderopvangtoeslag, bijlage I)"
UURPRIJS_ARTIKEL = "artikel 4 lid 1 Besluit kinderopvangtoeslag"


@dataclass(frozen=True)
class Waarde:
    """A figure from a national table, with the table it came from and whether it is provisional."""

    waarde: Any
    tabel: str
    voorlopig: bool
    toelichting: str = ""
    jaar: int | None = None  # the year of the table used


@cache
def _json(naam: str) -> dict[str, Any]:
    with (TABELLEN / naam).open(encoding="utf-8") as fh:
        tabel: dict[str, Any] = json.load(fh)  # every table file is a JSON object (tests/core check their shape)
    return tabel


@cache
def kot_tabellen() -> dict[int, list[dict[str, Any]]]:
    """year -> brackets, for every ``kot_<jaar>.json`` in tabellen/."""
    uit: dict[int, list[dict[str, Any]]] = {}
    for pad in sorted(TABELLEN.glob("kot_*.json")):
        data = _json(pad.name)
        if not data.get("complete"):
            continue
        uit[int(data["year"])] = data["brackets"]
    return uit


def _kies_jaar(jaren: list[int], jaar: int, wat: str) -> tuple[int, bool, str]:
    if not jaren:
        raise TabelFout(f"Er is geen {wat} in tabellen/; voeg de tabel toe.")
    if jaar in jaren:
        return jaar, False, ""
    laatste = max(jaren)
    return laatste, True, f"{wat} {jaar} ontbreekt; voorlopig berekend met de tabel van {laatste}"


def kot_percentage(jaar: int, inkomen_cent: int, eerste_kind: bool) -> Waarde:
    """KOT percentage (as an exact Fraction) for a yearly toetsingsinkomen.

    The table's bands are inclusive whole euros; the income is taken in whole euros, cents dropped (the
    Belastingdienst's toetsingsinkomen is in whole euros).
    """
    tabellen = kot_tabellen()
    tabeljaar, voorlopig, uitleg = _kies_jaar(sorted(tabellen), jaar, "KOT-tabel")
    euros = inkomen_cent // 100
    for rij in tabellen[tabeljaar]:
        if rij["min"] <= euros and (rij["max"] is None or euros <= rij["max"]):
            pct = rij["first"] if eerste_kind else rij["next"]
            return Waarde(Fraction(str(pct)), f"KOT-tabel {tabeljaar}", voorlopig, uitleg, tabeljaar)
    raise TabelFout(f"Inkomen € {euros} valt in geen enkele band van de KOT-tabel {tabeljaar}.")


def max_uurprijs(jaar: int, soort: Opvangsoort) -> Waarde:
    """Maximum hourly rate in cents for a type of care in a year."""
    data = _json("max_uurprijs.json")["years"]
    tabeljaar, voorlopig, uitleg = _kies_jaar(sorted(int(j) for j in data), jaar, "maximale uurprijs")
    centen = euro_naar_centen(data[str(tabeljaar)][soort.value])
    return Waarde(centen, f"maximale uurprijs {tabeljaar}", voorlopig, uitleg, tabeljaar)


def norm(soort: str, peildatum: date, samenwonend: bool) -> Waarde:
    """A monthly norm in cents on ``peildatum``: 'bijstandsnorm' (netto, incl. vakantietoeslag, per household
    type) or 'referentiemaandloon' (bruto WML reference). Periods marked NOT FOUND are skipped: the latest
    earlier figure is used and marked provisional."""
    data = _json("minimumnormen.json")
    if soort == "bijstandsnorm":
        reeks = data["bijstandsnorm_participatiewet_21_tot_AOW"]
        veld = "gehuwden_samenwonenden" if samenwonend else "alleenstaande_of_alleenstaande_ouder"
    elif soort == "referentiemaandloon":
        reeks = data["wettelijk_minimumloon_21plus"]
        veld = "referentiemaandloon_bruto"
    else:
        raise TabelFout(f"Onbekende norm '{soort}'.")
    perioden = sorted((date.fromisoformat(k), v) for k, v in reeks.items() if k[:4].isdigit())
    eerder = [(d, v) for d, v in perioden if d <= peildatum]
    if not eerder:
        raise TabelFout(f"Er is geen {soort} bekend voor {peildatum.isoformat()} of eerder.")

    def bekend(v: Any) -> bool:  # a period marked NOT FOUND (as a whole or for this field) is no figure
        return isinstance(v, dict) and isinstance(v.get(veld), int | float)

    ingang, waarde = eerder[-1]
    if bekend(waarde):
        return Waarde(euro_naar_centen(waarde[veld]), f"{soort} per {nl_datum(ingang)}", False, _eén_bron(waarde))
    gevonden = [(d, v) for d, v in eerder if bekend(v)]
    if not gevonden:
        raise TabelFout(f"Er is geen {soort} bekend voor {peildatum.isoformat()}.")
    d, v = gevonden[-1]
    return Waarde(
        euro_naar_centen(v[veld]),
        f"{soort} per {nl_datum(d)}",
        True,
        # the same words as a missing table (see _kies_jaar), in Dutch dates: this text can reach a letter
        f"{soort} per {nl_datum(ingang)} ontbreekt; voorlopig berekend met de norm per {nl_datum(d)}",
    )


def _eén_bron(waarde: dict[str, Any]) -> str:
    """A figure that rests on one source family says so in the trace (tabellen/minimumnormen.json, confidence)."""
    if str(waarde.get("confidence", "")).upper().startswith("ONE SOURCE"):
        return "dit bedrag berust op één bronfamilie (zie tabellen/minimumnormen.json); controleer het"
    return ""
