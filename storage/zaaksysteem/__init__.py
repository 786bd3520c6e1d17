"""Sync with the municipality's zaaksysteem (Open Zaak, the ZGW APIs): ``smi-tui sync``.

Modules: ``plan`` (a case as ZGW objects, from the file export's mapping in ``storage.zgw``; no network),
``verbinding`` (JWT and HTTP, Dutch errors), ``catalogus`` (the zaaktype's types), ``register`` (remote URLs and
the client secret, encrypted in the store), ``sync`` (the idempotent, resumable run). Nothing here opens a
connection unless a sync is asked for.
"""

from __future__ import annotations

import os
import re

from smi_tui import config
from storage.zaaksysteem.verbinding import ZaaksysteemFout
from storage.zgw_basis import instellingen as zgw_instellingen

ENV_GEHEIM = "SMI_TUI_ZAAKSYSTEEM_GEHEIM"
# ZGW Catalogi API, RolType.omschrijvingGeneriek (an enumeration): what the partner of the applicant may be. Not
# "initiator": a zaak has one initiator (the applicant), Open Zaak refuses a second.
ROLTYPEN_PARTNER = ("belanghebbende", "mede_initiator", "adviseur", "beslisser", "klantcontacter",
                    "zaakcoordinator", "behandelaar")  # fmt: skip
_VOORVOEGSEL = re.compile(r"\A[A-Z0-9]{1,10}\Z")
_VERBODEN = ("zaaksysteem_geheim", "zaaksysteem_secret", "client_secret", "zaaksysteem_client_secret")


def instellingen() -> dict[str, str]:
    """The export's settings (RSIN, zaaktype, besluittype, informatieobjecttype) plus ``zaaksysteem_url`` and
    ``zaaksysteem_client_id``, checked; a secret in config.toml is refused (it belongs encrypted in the store)."""
    cfg = config.lees_config()
    pad = config.config_bestand()
    for k in _VERBODEN:
        if k in cfg:
            raise ZaaksysteemFout(
                f"In {pad} staat '{k}': een geheim hoort niet onversleuteld in het configuratiebestand. Verwijder de "
                "regel en voer het geheim eenmalig in met 'smi-tui sync --instellen' (het wordt versleuteld in de "
                "opslag bewaard)."
            )
    uit = zgw_instellingen()
    ontbreekt = [k for k in ("zaaksysteem_url", "zaaksysteem_client_id") if not str(cfg.get(k) or "").strip()]
    if ontbreekt:
        raise ZaaksysteemFout(
            f"Voor de sync met het zaaksysteem ontbreekt in {pad}: {', '.join(ontbreekt)}. Zet 'zaaksysteem_url' op "
            "het adres van het zaaksysteem (bijv. https://zaken.gemeente.nl) en 'zaaksysteem_client_id' op de "
            "client-id die de beheerder van het zaaksysteem voor smi-tui heeft aangemaakt."
        )
    uit["zaaksysteem_url"] = str(cfg["zaaksysteem_url"]).strip().rstrip("/")
    uit["zaaksysteem_client_id"] = str(cfg["zaaksysteem_client_id"]).strip()
    voorvoegsel = str(cfg.get("zaaksysteem_voorvoegsel") or "").strip().upper()
    if voorvoegsel and not _VOORVOEGSEL.match(voorvoegsel):
        raise ZaaksysteemFout(
            f"'zaaksysteem_voorvoegsel' in {pad} moet 1 tot 10 letters of cijfers zijn (bijv. \"ALB01\"), niet "
            f"{cfg['zaaksysteem_voorvoegsel']!r}. Geef elke laptop een eigen voorvoegsel."
        )
    uit["zaaksysteem_voorvoegsel"] = voorvoegsel
    partner = str(cfg.get("zaaksysteem_roltype_partner") or "belanghebbende").strip().lower()
    if partner not in ROLTYPEN_PARTNER:
        raise ZaaksysteemFout(
            f"'zaaksysteem_roltype_partner' in {pad} is {partner!r}; kies de omschrijvingGeneriek van een roltype "
            f"van het zaaktype: {', '.join(ROLTYPEN_PARTNER)} (niet 'initiator': die rol heeft de aanvrager al)."
        )
    uit["zaaksysteem_roltype_partner"] = partner
    return uit


def geheim_uit_omgeving() -> str | None:
    """The client secret from ``SMI_TUI_ZAAKSYSTEEM_GEHEIM`` (automation), or ``None``."""
    waarde = os.environ.get(ENV_GEHEIM)
    return waarde.strip() if waarde and waarde.strip() else None


__all__ = ["ENV_GEHEIM", "ROLTYPEN_PARTNER", "ZaaksysteemFout", "geheim_uit_omgeving", "instellingen"]
