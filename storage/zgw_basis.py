"""What the ZGW export and import share: their error, shortening to a ZGW maxLength, URNs, and the configuration
(RSIN and catalogue URLs from config.toml, checked)."""

from __future__ import annotations

import re
from typing import Any

from smi_tui import config
from smi_tui.fouten import SmiFout

# maxLength of the catalogue URLs: Zaak.zaaktype 1000 (Zaken API), Besluit.besluittype 200 (Besluiten API 1.0.0),
# EnkelvoudigInformatieObject.informatieobjecttype 200 (Documenten API 1.3.0)
_URL_MAX = {"zgw_zaaktype": 1000, "zgw_besluittype": 200, "zgw_informatieobjecttype": 200}
_URL = re.compile(r"\A(https?://|urn:)\S+\Z")


class ZgwFout(SmiFout):
    """A ZGW export or import that cannot be done as asked (configuration or input)."""


def kort(tekst: Any, maximum: int, veld: str, opmerkingen: list[str] | None) -> str:
    """``tekst`` within a ZGW ``maxLength``: longer text is cut to ``maximum`` characters ending in "…" and noted."""
    tekst = str(tekst)
    if len(tekst) <= maximum:
        return tekst
    if opmerkingen is not None:
        opmerkingen.append(
            f"`{veld}` is ingekort van {len(tekst)} tot {maximum} tekens (de ZGW-maximumlengte); "
            "de volledige tekst staat in smi-tui-zaak.json."
        )
    return tekst[: maximum - 1].rstrip() + "…"


def urn(soort: str, *delen: str) -> str:
    """A URI for an object of this export (``urn:smi-tui:<soort>:<…>``)."""
    return ":".join(["urn:smi-tui", soort, *delen])


def instellingen() -> dict[str, str]:
    """``rsin``, ``zgw_zaaktype``, ``zgw_besluittype``, ``zgw_informatieobjecttype`` from config.toml (checked)."""
    from stdnum.nl import bsn as elfproef

    cfg = config.lees_config()
    pad = config.config_bestand()
    ontbreekt = [k for k in ("rsin", "zgw_zaaktype", "zgw_besluittype", "zgw_informatieobjecttype") if not cfg.get(k)]
    if ontbreekt:
        raise ZgwFout(
            f"Voor de ZGW-export ontbreekt in het configuratiebestand {pad}: {', '.join(ontbreekt)}. "
            "Zet 'rsin' op het RSIN van de gemeente (9 cijfers) en 'zgw_zaaktype', 'zgw_besluittype' en "
            "'zgw_informatieobjecttype' op de URL's uit de zaaktypecatalogus (Catalogi API) van de gemeente."
        )
    rsin = re.sub(r"\s", "", str(cfg["rsin"]))
    if not re.fullmatch(r"\d{9}", rsin) or not elfproef.is_valid(rsin):
        raise ZgwFout(f"'rsin' in {pad} is geen geldig RSIN (9 cijfers die voldoen aan de 11-proef): {cfg['rsin']!r}.")
    uit = {"rsin": rsin}
    for k in ("zgw_zaaktype", "zgw_besluittype", "zgw_informatieobjecttype"):
        waarde = str(cfg[k]).strip()
        if not _URL.match(waarde):
            raise ZgwFout(f"'{k}' in {pad} moet een URL zijn (https://…), niet {cfg[k]!r}.")
        if len(waarde) > _URL_MAX[k]:
            raise ZgwFout(
                f"'{k}' in {pad} is {len(waarde)} tekens lang; de ZGW-API's staan hoogstens {_URL_MAX[k]} tekens "
                "toe. Gebruik de (kortere) URL uit de zaaktypecatalogus van de gemeente."
            )
        uit[k] = waarde
    return uit
