"""The zaak's identificatie in the zaaksysteem, and the conflict when another laptop's zaak has it.

Zaaknummers are counted per store: two laptops both hand out SMI-2026-0001. The identificatie of a zaak must be
unique per bronorganisatie (ZGW Zaken API; Open Zaak refuses a second with ``identificatie-niet-uniek``). So a zaak
is sent as ``<zaaksysteem_voorvoegsel>-<zaaknummer>`` when the functioneel beheerder gave the laptop a prefix (see
storage/README.md), and before a zaak is created the sync looks its identificatie up: a zaak there without this
case's own random kenmerk is someone else's — a conflict, nothing sent, nothing overwritten.
"""

from __future__ import annotations

from typing import Any

from storage.zaaksysteem.verbinding import ZaaksysteemFout


class Botsing(ZaaksysteemFout):
    """The zaaksysteem has a zaak with this identificatie that is not this store's (another laptop numbered its own
    case the same): a conflict; nothing is sent for the case and nothing is overwritten."""


def botsing(ident: str) -> Botsing:
    """The Dutch conflict for a zaak ``ident`` that belongs to someone else."""
    return Botsing(
        f"In het zaaksysteem bestaat al een zaak met identificatie {ident} die niet van deze laptop is (een andere "
        "laptop gaf hetzelfde zaaknummer uit). Er is niets verstuurd en niets overschreven. Laat de functioneel "
        "beheerder deze laptop een eigen 'zaaksysteem_voorvoegsel' geven in config.toml, dat geen andere laptop "
        "heeft; de volgende sync maakt de zaak dan aan onder dat voorvoegsel."
    )


def identificatie(rec: dict[str, Any], zn: str, cfg: dict[str, str]) -> str:
    """The zaak's identificatie in the zaaksysteem: the one it was created with (kept in its record), else — for a
    zaak still to be created — ``<zaaksysteem_voorvoegsel>-<zaaknummer>``, or the zaaknummer without a prefix. A
    record from before the prefix existed that knows its zaak was created with the zaaknummer."""
    if rec.get("identificatie"):
        return str(rec["identificatie"])
    bekend = (rec.get("objecten") or {}).get("zaak") or {}
    if bekend.get("url") or bekend.get("bezig"):
        return zn
    voorvoegsel = cfg.get("zaaksysteem_voorvoegsel") or ""
    return f"{voorvoegsel}-{zn}" if voorvoegsel else zn
