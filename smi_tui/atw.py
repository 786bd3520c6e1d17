"""The Algemene termijnenwet (Atw): which days are holidays, and where a statutory term ends.

- art. 1 lid 1: a term ending on a Saturday, Sunday or generally recognised holiday runs on to the next day that is
  none of these; art. 1 lid 2: not for terms counted backwards from a moment (the app computes those without
  :func:`atw_einde`, e.g. the latest day to ask for an extension);
- art. 2: a term of at least three days is extended, where needed, until it contains two days that are not a
  Saturday, Sunday or holiday;
- art. 3 lid 1: Nieuwjaarsdag, Tweede Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, the day the King's
  birthday is celebrated and 5 May; lid 2: Goede Vrijdag; lid 3: days set equal by a besluit in the Staatscourant.

The texts and the decree days with their sources are data: ``tabellen/atw_feestdagen.json``. A year that no known
besluit covers is computed without decree days and every end in it is marked provisional — never assumed free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from smi_tui.datums import nl_datum

TABEL = Path(__file__).parent / "tabellen" / "atw_feestdagen.json"
ARTIKEL = "Algemene termijnenwet"


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


@cache
def _besluiten() -> tuple[tuple[int, int, str, tuple[date, ...]], ...]:
    """(first year, last year, title, days) of every known besluit gelijkstelling (art. 3 lid 3)."""
    with TABEL.open(encoding="utf-8") as fh:
        data = json.load(fh)["gelijkgestelde_dagen"]
    uit = []
    for sleutel, b in data.items():
        delen = sleutel.split("-")
        if not isinstance(b, dict) or "dates" not in b or len(delen) != 2 or not all(x.isdigit() for x in delen):
            continue  # "2029_and_later": NOT FOUND, "2020-2022": not collected — no known besluit
        titel = b.get("besluit_title") or b.get("besluit", "")
        titel = titel.split(",")[0] if titel.startswith("Besluit van") else titel
        uit.append((int(delen[0]), int(delen[1]), titel, tuple(date.fromisoformat(d) for d in b["dates"])))
    return tuple(sorted(uit))


def besluit_bekend(jaar: int) -> bool:
    """Whether a besluit gelijkstelling (art. 3 lid 3 Atw) covering ``jaar`` is in the table."""
    return any(van <= jaar <= tot for van, tot, _, _ in _besluiten())


def laatste_bekende_jaar() -> int:
    """The last year covered by a known besluit gelijkstelling."""
    return max(tot for _, tot, _, _ in _besluiten())


@cache
def feestdagen(jaar: int) -> dict[date, str]:
    """The days of artikel 3 Atw in ``jaar`` (lid 1, lid 2 and the known lid 3 decree days), with their name."""
    p = pasen(jaar)
    # "de dag waarop de verjaardag van de Koning wordt gevierd": 27 April, 26 April when the 27th is a Sunday. The
    # Atw text does not say which day that is (tabellen/atw_feestdagen.json, koningsdag_note); it does not matter
    # for a term: the 26th is then a Saturday and the 27th a Sunday, both already excluded by art. 1.
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = date(jaar, 4, 26)
    uit = {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        p - timedelta(days=2): "Goede Vrijdag (artikel 3 lid 2 Atw)",
        p + timedelta(days=1): "Tweede Paasdag",
        koningsdag: "Koningsdag",
        date(jaar, 5, 5): "5 mei",
        p + timedelta(days=39): "Hemelvaartsdag",
        p + timedelta(days=50): "Tweede Pinksterdag",
        date(jaar, 12, 25): "Eerste Kerstdag",
        date(jaar, 12, 26): "Tweede Kerstdag",
    }
    for _, _, titel, dagen in _besluiten():
        for d in dagen:
            if d.year == jaar:
                uit.setdefault(d, f"gelijkgestelde dag (artikel 3 lid 3 Atw; {titel})")
    return uit


def _vrij(d: date) -> str:
    """Why ``d`` is no working day for the Atw ('' when it is one)."""
    if d.weekday() == 5:
        return "zaterdag"
    if d.weekday() == 6:
        return "zondag"
    return feestdagen(d.year).get(d, "")


@dataclass(frozen=True)
class AtwEinde:
    """The end of a statutory term: ``ruw`` as counted, ``einde`` after art. 1 and 2 Atw; ``reden``: why it moved
    ('' when it did not); ``voorlopig``: a year from ``ruw`` to ``einde`` has no known besluit gelijkstelling, so a
    decree day may still move the end."""

    ruw: date
    einde: date
    reden: str = ""
    voorlopig: bool = False

    def uitleg(self) -> str:
        """Dutch explanation for the consulent ('' when the end did not move and is not provisional)."""
        delen = []
        if self.einde != self.ruw:
            delen.append(
                f"valt op {nl_datum(self.ruw)} ({self.reden}) en loopt door tot {nl_datum(self.einde)} ({ARTIKEL})"
            )
        if self.voorlopig:
            jaren = sorted({j for j in range(self.ruw.year, self.einde.year + 1) if not besluit_bekend(j)})
            delen.append(
                f"voorlopig: voor {', '.join(map(str, jaren))} is geen besluit gelijkstelling van dagen met "
                "een feestdag bekend (artikel 3 lid 3 Atw); berekend zonder zulke dagen — controleer de "
                "Staatscourant"
            )
        return "; ".join(delen)


def atw_einde(einde: date, begin: date | None = None) -> AtwEinde:
    """Where a statutory term ending on ``einde`` really ends. With ``begin`` (the first day of the term) art. 2 is
    applied too: a term of three days or more gets at least two days that are no Saturday, Sunday or holiday."""
    d = einde
    redenen: list[str] = []
    if begin is not None and (einde - begin).days + 1 >= 3:
        werkdagen = sum(1 for n in range((einde - begin).days + 1) if not _vrij(begin + timedelta(days=n)))
        while werkdagen < 2:
            d += timedelta(days=1)
            if not _vrij(d):
                werkdagen += 1
        if d != einde:
            redenen.append("minder dan twee werkdagen in de termijn, artikel 2")
    while reden := _vrij(d):
        redenen.append(reden)
        d += timedelta(days=1)
    voorlopig = any(not besluit_bekend(j) for j in range(einde.year, d.year + 1))
    return AtwEinde(einde, d, ", ".join(redenen), voorlopig)


def atw(einde: date) -> date:
    """Algemene termijnenwet, artikel 1 lid 1: the day a term ending on ``einde`` really ends."""
    return atw_einde(einde).einde
