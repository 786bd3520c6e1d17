"""The index row of a case: what the case list shows, read defensively from the case dict."""

from __future__ import annotations

from typing import Any


def _namen(personen: Any) -> list[str]:
    if not isinstance(personen, list):
        return []
    return [str(p["naam"]) for p in personen if isinstance(p, dict) and p.get("naam")]


def _volgende_termijn(zaak: dict[str, Any]) -> dict[str, str] | None:
    """The next deadline via ``smi_tui.termijnen.volgende_termijn`` when the core provides it, else None."""
    try:
        from smi_tui.termijnen import volgende_termijn  # type: ignore[import-not-found]
        from smi_tui.zaak import Zaak  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        model = Zaak.model_validate(zaak)
        from smi_tui.register import Register

        regeling = Register.laad().voor(model.regeling, model.melding.datum)
        uitkomst = volgende_termijn(model, regeling)
    except Exception:  # an index row must never break a save; controleer/herstel-index recompute it
        return None
    if not uitkomst:
        return None
    datum, wat = uitkomst
    return {"datum": datum.isoformat(), "wat": str(wat)}


def samenvatting(zaak: dict[str, Any]) -> dict[str, Any]:
    """One index row: zaaknummer, names of parents and children, gemeente, status (step), next deadline."""
    if not isinstance(zaak, dict):
        zaak = {}
    melding = zaak.get("melding") if isinstance(zaak.get("melding"), dict) else {}
    return {
        "zaaknummer": str(zaak.get("zaaknummer") or ""),
        "ouders": _namen(melding.get("ouders")),
        "kinderen": _namen(melding.get("kinderen")),
        "gemeente": zaak.get("regeling") if isinstance(zaak.get("regeling"), str) else None,
        "status": zaak.get("stap") if isinstance(zaak.get("stap"), str) else None,
        "volgende_termijn": _volgende_termijn(zaak),
    }
