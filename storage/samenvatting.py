"""The index row of a case: what the case list shows, read defensively from the case dict.

A row holds: zaaknummer, names of parents and children, their BSNs (the index is encrypted; the BSNs let the store
find a person's cases without decrypting every dossier), gemeente, status (step), the next deadline, every dated
deadline (``termijnen``), the retention dates (``sluitdatum``, ``vernietigingsdatum``), the steps with a draft
(``concepten``) and whether the verslag has yet to come back signed (``verslag_open``).

Deadlines and the closing date come from the core (``smi_tui.termijnen``) when it provides them. Computing a row
never fails a save: whatever cannot be computed is left empty, and ``smi-tui controleer --herstel-index``
recomputes every row.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_NIET_CIJFER = re.compile(r"[\s.\-]")


def _namen(personen: Any) -> list[str]:
    if not isinstance(personen, list):
        return []
    return [str(p["naam"]) for p in personen if isinstance(p, dict) and p.get("naam")]


def normaliseer_bsn(waarde: Any) -> str | None:
    """A BSN as 9 digits (spaces, dots and dashes removed, 8 digits padded), or None when it is no number."""
    if not isinstance(waarde, str | int) or isinstance(waarde, bool):
        return None
    schoon = _NIET_CIJFER.sub("", str(waarde))
    if not schoon.isdigit() or len(schoon) not in (8, 9):
        return None
    return schoon.zfill(9)


def bsns_van(zaak: dict[str, Any]) -> list[str]:
    """The BSNs of the parents and children of a case (normalised, in order, without duplicates)."""
    melding: dict[str, Any] = zaak["melding"] if isinstance(zaak.get("melding"), dict) else {}
    uit: list[str] = []
    for sleutel in ("ouders", "kinderen"):
        personen = melding.get(sleutel)
        for p in personen if isinstance(personen, list) else []:
            b = normaliseer_bsn(p.get("bsn")) if isinstance(p, dict) else None
            if b and b not in uit:
                uit.append(b)
    return uit


def _kern(zaak: dict[str, Any]) -> tuple[Any, Any] | None:
    """The validated case model and its regulation version, or None when either is not available."""
    try:
        from smi_tui.register import Register
        from smi_tui.zaak import Zaak

        model = Zaak.model_validate(zaak)
        return model, Register.laad().voor(model.regeling, model.melding.datum)
    except Exception:  # an index row must never break a save; controleer/herstel-index recompute it
        return None


def _volgende_termijn(kern: tuple[Any, Any] | None) -> dict[str, str] | None:
    """The next deadline via ``smi_tui.termijnen.volgende_termijn``, else None."""
    if kern is None:
        return None
    try:
        from smi_tui.termijnen import volgende_termijn

        uitkomst = volgende_termijn(*kern)
    except Exception:
        return None
    if not uitkomst:
        return None
    datum, wat = uitkomst
    return {"datum": datum.isoformat(), "wat": str(wat)}


def _termijnen(kern: tuple[Any, Any] | None) -> list[dict[str, Any]]:
    """Every dated deadline via ``smi_tui.termijnen.alle_termijnen`` (when the core has it), sorted by date."""
    if kern is None:
        return []
    try:
        from smi_tui import termijnen

        alle = getattr(termijnen, "alle_termijnen", None)
        if alle is None:
            return []
        uit = []
        for t in alle(*kern):
            datum = getattr(t, "datum", None)
            if not isinstance(datum, date):
                continue
            uit.append(
                {
                    "datum": datum.isoformat(),
                    "code": str(getattr(t, "code", "")),
                    "wat": str(getattr(t, "omschrijving", None) or getattr(t, "wat", "")),
                    "gedaan": bool(getattr(t, "gedaan", False)),
                }
            )
    except Exception:
        return []
    return sorted(uit, key=lambda t: (t["datum"], t["code"]))


def sluitdatum_van(zaak: dict[str, Any], kern: tuple[Any, Any] | None = None) -> date | None:
    """The date the dossier was closed: ``smi_tui.termijnen.sluitdatum`` when the core has it, else the case's
    ``gesloten_op``. None while the case is open."""
    try:
        from smi_tui import termijnen

        core = getattr(termijnen, "sluitdatum", None)
    except Exception:
        core = None
    if core is not None:
        kern = kern if kern is not None else _kern(zaak)
        if kern is None:
            return None
        try:
            d = core(*kern)
        except Exception:
            return None
        return d if isinstance(d, date) else None
    waarde = zaak.get("gesloten_op")
    try:
        return date.fromisoformat(waarde) if isinstance(waarde, str) else None
    except ValueError:
        return None


def _vernietigingsdatum(sluit: date | None) -> date | None:
    if sluit is None:
        return None
    try:
        from storage.bewaartermijn import vernietigingsdatum

        return vernietigingsdatum(sluit)
    except Exception:  # no or a wrong retention period in config.toml: opschonen says so
        return None


def concepten_van(zaak: dict[str, Any]) -> list[dict[str, str]]:
    """The steps with a draft (half-typed, not yet completed), each ``{"stap", "bewaard"}``, newest first."""
    concepten = zaak.get("concepten")
    if not isinstance(concepten, dict):
        concepten = {}
    uit = [
        {"stap": str(stap), "bewaard": str(c.get("_bewaard") or "")}
        for stap, c in concepten.items()
        if isinstance(c, dict)
    ]
    return sorted(uit, key=lambda c: c["bewaard"], reverse=True)


def verslag_open(zaak: dict[str, Any]) -> bool:
    """Whether the verslag was made but has not come back signed by the parent(s) while the case is undecided."""
    verslag = zaak.get("verslag")
    return isinstance(verslag, dict) and not verslag.get("ondertekend_op") and not zaak.get("besluit")


def samenvatting(zaak: dict[str, Any]) -> dict[str, Any]:
    """One index row (see the module docstring)."""
    if not isinstance(zaak, dict):
        zaak = {}
    melding: dict[str, Any] = zaak["melding"] if isinstance(zaak.get("melding"), dict) else {}
    kern = _kern(zaak)
    sluit = sluitdatum_van(zaak, kern)
    vernietig = _vernietigingsdatum(sluit)
    return {
        "zaaknummer": str(zaak.get("zaaknummer") or ""),
        "ouders": _namen(melding.get("ouders")),
        "kinderen": _namen(melding.get("kinderen")),
        "bsns": bsns_van(zaak),
        "gemeente": zaak.get("regeling") if isinstance(zaak.get("regeling"), str) else None,
        "status": zaak.get("stap") if isinstance(zaak.get("stap"), str) else None,
        "volgende_termijn": _volgende_termijn(kern),
        "termijnen": _termijnen(kern),
        "sluitdatum": sluit.isoformat() if sluit else None,
        "vernietigingsdatum": vernietig.isoformat() if vernietig else None,
        "concepten": concepten_van(zaak),
        "verslag_open": verslag_open(zaak),
    }
