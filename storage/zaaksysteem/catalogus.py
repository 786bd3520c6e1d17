"""The zaaktype's statustypen, roltypen and resultaattypen, read from the Catalogi API once per sync."""

from __future__ import annotations

from typing import Any

from storage.zaaksysteem.verbinding import Verbinding, ZaaksysteemFout


def lees_catalogus(v: Verbinding, cfg: dict[str, str]) -> dict[str, str]:
    """``{"statustype:1": url, "statustype:2": …, "statustype:eind": …, "roltype:initiator": …,
    "roltype:behandelaar": …, "resultaattype:toegekend": …, "resultaattype:afgewezen": …}`` of the configured
    zaaktype; the configured besluittype and informatieobjecttype must belong to it (else the server fails)."""
    zt: dict[str, Any] = v.vraag("GET", cfg["zgw_zaaktype"]) or {}
    if zt.get("concept"):
        raise ZaaksysteemFout(
            f"Het zaaktype {cfg['zgw_zaaktype']} is nog niet gepubliceerd; vraag de beheerder van de catalogus het te publiceren."
        )
    for sleutel, veld in (("zgw_besluittype", "besluittypen"), ("zgw_informatieobjecttype", "informatieobjecttypen")):
        if cfg[sleutel] not in (zt.get(veld) or []):
            raise ZaaksysteemFout(
                f"'{sleutel}' in config.toml ({cfg[sleutel]}) hoort niet bij het zaaktype {cfg['zgw_zaaktype']}; kies er een uit de {veld} van dat zaaktype."
            )
    uit: dict[str, str] = {}
    statustypen = sorted((v.vraag("GET", u) for u in zt.get("statustypen") or []), key=lambda s: s["volgnummer"])
    gewoon = [s for s in statustypen if not s.get("isEindstatus")]
    eind = [s for s in statustypen if s.get("isEindstatus")]
    if not gewoon or not eind:
        raise ZaaksysteemFout("Het zaaktype heeft geen begin- en eindstatus; smi-tui kan er geen statussen in zetten.")
    uit["statustype:1"] = gewoon[0]["url"]
    uit["statustype:2"] = gewoon[1]["url"] if len(gewoon) > 1 else gewoon[0]["url"]
    uit["statustype:eind"] = eind[-1]["url"]
    for u in zt.get("roltypen") or []:
        r = v.vraag("GET", u)
        uit.setdefault(f"roltype:{r['omschrijvingGeneriek']}", r["url"])
    for u in zt.get("resultaattypen") or []:
        r = v.vraag("GET", u)
        uit.setdefault(f"resultaattype:{str(r['omschrijving']).strip().lower()}", r["url"])
    return uit


def ontbrekend_roltype(omschrijving: str) -> str:
    """What the sync says when the partner cannot be a betrokkene (the zaaktype lacks the roltype)."""
    return (
        "de partner van de aanvrager is niet als betrokkene in het zaaksysteem gezet: het zaaktype heeft geen "
        f"roltype '{omschrijving}'. Laat de beheerder van de catalogus dat roltype toevoegen, of laat de "
        "functioneel beheerder 'zaaksysteem_roltype_partner' in config.toml op een roltype van het zaaktype zetten "
        "(bijv. mede_initiator); de partner gaat mee met de eerste sync na die instelling of na een wijziging van "
        "de zaak"
    )
