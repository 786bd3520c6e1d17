"""The werkvoorraad's rows, without Textual: which deadline a row shows on a day and its signal, which columns fit
the terminal, the gemeente names, and the filters per step and gemeente (with what each one hides).

Start-up matters (issue 5), so this imports nothing heavy: no pydantic models, no regulations.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

BIJNA_DAGEN = 7
SORTERINGEN = ["termijn", "zaaknummer", "naam", "gemeente"]
STAPNAMEN = {"melding": "Melding", "gesprek": "Gesprek", "verslag": "Verslag", "voorliggend": "Voorliggend",
             "besluit": "Besluit", "afgerond": "Afgerond"}  # fmt: skip
KOLOMMEN = [("zaaknummer", "Zaaknummer", None), ("signaal", "Signaal", 7), ("dagen", "Dagen", 5),
            ("termijn", "Termijn", 10), ("naam", "Naam", 20), ("stap", "Stap", None), ("sync", "Sync", 8),
            ("gemeente", "Gemeente", None),
            ("wat", "Wat", None)]  # fmt: skip
"""(key, header, fixed width or None: as wide as the widest cell)."""


SMALLER = (("wat", 12), ("gemeente", 9), ("naam", 14), ("stap", 7))
"""Columns that give way on a narrow terminal, in order, down to these widths (their cells are cut with '…')."""
WEGLATEN = ("gemeente", "wat")
"""Columns left out, in order, when the list still does not fit (an 80-column terminal)."""


def passend(breedtes: dict[str, int], beschikbaar: int) -> set[str]:
    """Make the columns ``breedtes`` (key -> width, changed in place) fit ``beschikbaar`` characters (each column
    has a space either side); returns the keys of the columns to leave out."""

    def totaal() -> int:
        return sum(b + 2 for k, b in breedtes.items() if k not in weg)

    weg: set[str] = set()
    natuurlijk = dict(breedtes)
    for sleutel, minimum in SMALLER:
        teveel = totaal() - beschikbaar
        if teveel > 0:
            breedtes[sleutel] = max(minimum, breedtes[sleutel] - teveel)
    for sleutel in WEGLATEN:
        if totaal() > beschikbaar:
            weg.add(sleutel)
    for sleutel, _minimum in reversed(SMALLER):  # room left after leaving a column out: back to the others
        if sleutel not in weg:
            breedtes[sleutel] = min(natuurlijk[sleutel], breedtes[sleutel] + max(beschikbaar - totaal(), 0))
    return weg


def signaal(termijn: date | None, vandaag: date) -> tuple[str, str, int | None]:
    """(word, signal, days left): 'TE LAAT' ("laat") past the deadline, 'BIJNA' ("bijna") within 7 days."""
    if termijn is None:
        return "", "", None
    dagen = (termijn - vandaag).days
    if dagen < 0:
        return "TE LAAT", "laat", dagen
    if dagen <= BIJNA_DAGEN:
        return "BIJNA", "bijna", dagen
    return "", "", dagen


def volgende(rij: Any, vandaag: date) -> tuple[date | None, str | None]:
    """The deadline to show for an index row on ``vandaag``: the latest passed one that is not done (overdue),
    else the first one to come; rows without ``termijnen`` (written by an older version) keep their stored one."""
    termijnen = getattr(rij, "termijnen", ()) or ()
    if not termijnen:
        return rij.volgende_termijn, rij.termijn_wat
    open_: list[tuple[date, str]] = []
    for t in termijnen:
        if t.get("gedaan"):
            continue
        try:
            open_.append((date.fromisoformat(str(t["datum"])), str(t.get("wat") or t.get("code") or "")))
        except (KeyError, ValueError):
            continue
    verlopen = [t for t in open_ if t[0] < vandaag]
    if verlopen:
        return max(verlopen, key=lambda t: t[0])
    komend = [t for t in open_ if t[0] >= vandaag]
    return min(komend, key=lambda t: t[0]) if komend else (None, None)


def _kop(tekst: str) -> dict[str, Any]:
    """The top-level keys of a regulation file: only the part before its first table is parsed (a tenth of the
    time), the whole file when that part is not valid TOML on its own or lacks the names."""
    for deel in (re.split(r"(?m)^\s*\[", tekst, maxsplit=1)[0], tekst):
        try:
            data = tomllib.loads(deel)
        except tomllib.TOMLDecodeError:
            continue
        if "gemeente_code" in data and "gemeente" in data:
            return data
    return {}


def gemeentenamen() -> dict[str, str]:
    """gemeente_code -> name, read straight from the regulation files (no validation: the register does that
    when a case is opened); cheap enough for the first paint."""
    import smi_tui
    from smi_tui import config

    mappen = [Path(smi_tui.__file__).parent / "regelingen"]
    with contextlib.suppress(Exception):  # a broken config is reported when the register loads
        mappen += list(config.extra_regelingmappen())
    namen: dict[str, str] = {}
    for map_ in mappen:
        if not map_.is_dir():
            continue
        for pad in sorted(map_.glob("*.toml")):
            try:
                tekst = pad.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            data = _kop(tekst)
            if isinstance(data.get("gemeente_code"), str) and isinstance(data.get("gemeente"), str):
                namen[data["gemeente_code"]] = data["gemeente"]
    return namen


def zoek_past(rij: Any, zoek: str, bsns: str = "") -> bool:
    """Whether ``rij`` matches the search text ``zoek`` (lower case): zaaknummer, names or BSN, spaces ignored."""
    if not zoek:
        return True
    bsns = " ".join(getattr(rij, "bsns", ()) or ()) or bsns
    tekst = " ".join([rij.zaaknummer, *rij.ouders, *rij.kinderen, bsns]).lower()
    return zoek.replace(" ", "") in tekst.replace(" ", "") or zoek in tekst


def verborgen_door(rijen: list[Any], filters: dict[str, tuple[str, Callable[[Any], bool]]]) -> list[str]:
    """For an empty result: per active filter (key -> (Dutch name, test)) how many cases it alone hides, i.e. pass
    every other filter but not this one ("stap Besluit verbergt 3 zaken"), in the order given."""
    uit = []
    for sleutel, (naam, test) in filters.items():
        anderen = [t for k, (_, t) in filters.items() if k != sleutel]
        aantal = sum(1 for r in rijen if all(t(r) for t in anderen) and not test(r))
        uit.append(f"{naam} verbergt {aantal} {'zaak' if aantal == 1 else 'zaken'}")
    return uit


def _tijd(iso: str) -> str:
    """'2026-11-28T14:03:12' -> '28-11 14:03'."""
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m %H:%M")
    except ValueError:
        return ""


def conceptnaam(stap: str) -> str:
    """The name of the place a draft belongs to: the step, or the dossier (a record form left open)."""
    return "Dossier" if stap == "afgerond" else STAPNAMEN.get(stap, stap)


def aandachtspunten(rij: Any, vandaag: date) -> list[str]:
    """What a case's row cannot show in its columns, in Dutch: its drafts, a verslag not yet back signed, an open
    hersteltermijn of a verzoek om aanvulling and the next evaluation."""
    uit = []
    for c in getattr(rij, "concepten", ()) or ():
        wanneer = _tijd(str(c.get("bewaard") or ""))
        uit.append(f"concept {conceptnaam(str(c.get('stap')))}" + (f" (bewaard {wanneer})" if wanneer else ""))
    if getattr(rij, "verslag_open", False):
        uit.append("verslag nog niet ondertekend terug")
    for soort, naam in (("aanvulling_", "aanvullen uiterlijk"), ("evaluatie_", "evaluatie")):
        open_ = sorted(
            str(t["datum"])
            for t in getattr(rij, "termijnen", ()) or ()
            if str(t.get("code", "")).startswith(soort) and not t.get("gedaan") and t.get("datum")
        )
        if open_:
            d = date.fromisoformat(open_[0])
            uit.append(f"{naam} {d.strftime('%d-%m-%Y')}" + (" (verstreken)" if d < vandaag else ""))
    return uit


def nieuwste_concept(rijen: list[Any]) -> tuple[Any, dict[str, str]] | None:
    """The row whose draft was saved last, with that draft ({"stap", "bewaard"}): the case worked on last."""
    beste = None
    for r in rijen:
        for c in getattr(r, "concepten", ()) or ():
            if c.get("bewaard") and (beste is None or c["bewaard"] > beste[1]["bewaard"]):
                beste = (r, c)
    return beste
