"""What every part of the store needs about a case: its zaaknummer (one pattern, anchored and bounded), its
sort key, and a JSON-safe copy of it."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.fouten import OpslagFout

EXT = ".smi"
_ZAAKNUMMER = re.compile(r"\ASMI-(\d{4})-(\d{4,9})\Z")  # \Z: "$" would let a trailing newline in


def ontleed_zaaknummer(zaaknummer: str) -> tuple[int, int]:
    """``"SMI-2026-0001"`` → ``(2026, 1)``; anything else raises a Dutch :class:`OpslagFout`."""
    m = _ZAAKNUMMER.match(str(zaaknummer))
    if not m:
        getoond = repr(str(zaaknummer)[:40])[1:-1] + ("…" if len(str(zaaknummer)) > 40 else "")
        raise OpslagFout(f"'{getoond}' is geen geldig zaaknummer (verwacht bijvoorbeeld SMI-2026-0001).")
    return int(m.group(1)), int(m.group(2))


def maak_zaaknummer(jaar: int, nummer: int) -> str:
    """The zaaknummer for the ``nummer``-th case of ``jaar``."""
    return f"SMI-{jaar}-{nummer:04d}"


def volgorde(zaaknummer: str) -> tuple[str, int, str]:
    """Sort key of a (valid) zaaknummer ``SMI-JJJJ-NNNN…``: year, then number (cheaper than parsing it)."""
    return zaaknummer[4:8], len(zaaknummer), zaaknummer


def is_zaaknummer(tekst: str) -> bool:
    """Whether ``tekst`` is a well-formed zaaknummer."""
    return _ZAAKNUMMER.match(tekst) is not None


def hoogste_nummer(dossiers: Path, jaar: int) -> int:
    """The highest number of ``jaar`` among the dossier files in ``dossiers`` (a counter in a lost meta.smi is not
    trusted alone)."""
    voor = f"SMI-{jaar}-"
    nummers = [p.name[len(voor) : -len(EXT)] for p in dossiers.iterdir() if p.name.startswith(voor)]
    return max((int(n) for n in nummers if n.isdigit() and len(n) <= 9), default=0)


def als_dict(zaak: Any) -> dict[str, Any]:
    """A deep, JSON-safe copy of a case given as dict or as pydantic model (``model_dump(mode="json")``)."""
    if hasattr(zaak, "model_dump"):
        zaak = zaak.model_dump(mode="json")
    if not isinstance(zaak, dict):
        raise OpslagFout("Een zaak moet een JSON-object zijn.")
    try:
        return json.loads(json.dumps(zaak, ensure_ascii=False))
    except (TypeError, ValueError, RecursionError) as exc:
        raise OpslagFout(f"De zaak bevat waarden die niet als JSON op te slaan zijn ({type(exc).__name__}).") from None


def valideer(data: Any, bron: str) -> dict[str, Any]:
    """Validate a case with the core's ``Zaak`` model; returns its JSON form (Dutch errors per field)."""
    from smi_tui.cli import valideer_zaak

    return valideer_zaak(data, bron).model_dump(mode="json")


def nu() -> str:
    """Now, UTC, to the second (ISO 8601)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
