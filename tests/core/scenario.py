"""Helpers for the scenario tables: start from an example case and change dotted paths."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from smi_tui.beoordeling import Beoordeling, beoordeel_zaak
from smi_tui.zaak import Zaak

VOORBEELDEN = Path(__file__).resolve().parents[2] / "voorbeelden"
PEIL = date(2026, 11, 22)


def laad(naam: str) -> dict[str, Any]:
    return json.loads((VOORBEELDEN / f"{naam}.json").read_text(encoding="utf-8"))


def zet(data: dict[str, Any], pad: str, waarde: Any) -> None:
    """Set ``a.b.0.c`` in nested dicts/lists; the value ``...`` deletes the key."""
    delen = pad.split(".")
    doel: Any = data
    for d in delen[:-1]:
        doel = doel[int(d)] if isinstance(doel, list) else doel[d]
    laatste = delen[-1]
    if waarde is ...:
        del doel[laatste]
    elif isinstance(doel, list):
        doel[int(laatste)] = waarde
    else:
        doel[laatste] = waarde


def beoordeel(naam: str, wijzigingen: dict[str, Any] | None = None) -> Beoordeling:
    data = copy.deepcopy(laad(naam))
    for pad, waarde in (wijzigingen or {}).items():
        zet(data, pad, waarde)
    return beoordeel_zaak(Zaak.model_validate(data), peildatum=PEIL)


def uitkomsten(b: Beoordeling, code: str) -> list[str]:
    return [r.uitkomst.value for r in b.toetsen if r.code == code]


def artikelen_niet_voldaan(b: Beoordeling) -> set[str]:
    return {r.artikel for r in b.afwijzingsgronden}
