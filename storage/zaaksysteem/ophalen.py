"""``smi-tui sync --ophalen ZAAKNUMMER|URL``: take a case over from the zaaksysteem into this store.

The zaak carries the whole dossier as the document ``smi-tui-zaak.json`` (sent by every sync), with the
documents it lists. Everything is downloaded and checked (the case against the model, the audit chain, every
document against its SHA-256) before anything is stored. The new local case starts with a sync record that knows
the zaak and marks every other object as "to be looked up": its first sync finds them (as after an interrupted
sync) instead of making them again.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from storage import audit
from storage.zaaksysteem.plan import lichaam_hash
from storage.zaaksysteem.register import Register
from storage.zaaksysteem.sync import PADEN, _noteer, plan_van
from storage.zaaksysteem.verbinding import Verbinding, ZaaksysteemFout
from storage.zgw import _DOC_ID, EXTENSIE, EXTENSIE_FORMAAT

if TYPE_CHECKING:
    from storage.opslag import Opslag


def _zaak(v: Verbinding, cfg: dict[str, str], wat: str) -> dict[str, Any]:
    if wat.startswith(("http://", "https://")):
        return v.vraag("GET", wat)
    zaken = v.lijst(PADEN["zaak"], {"identificatie": wat, "bronorganisatie": cfg["rsin"]})
    if not zaken:
        raise ZaaksysteemFout(f"Het zaaksysteem kent geen zaak {wat} van bronorganisatie {cfg['rsin']}.")
    return zaken[0]


def _dossier(v: Verbinding, zaak: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The dossier (checked) and the documents' URLs by identificatie."""
    dossier: dict[str, Any] | None = None
    urls: dict[str, str] = {}
    for zio in v.lijst(PADEN["zaakinformatieobject"], {"zaak": zaak["url"]}):
        eio = v.vraag("GET", zio["informatieobject"])
        if eio.get("bestandsnaam") == EXTENSIE:
            dossier = eio
        else:
            urls[str(eio.get("identificatie"))] = eio["inhoud"]
    if dossier is None:
        raise ZaaksysteemFout(
            f"Zaak {zaak.get('identificatie')} heeft geen {EXTENSIE}: ze is niet met smi-tui gesynchroniseerd en "
            "kan niet worden overgenomen."
        )
    inhoud = v.download(dossier["inhoud"])
    if hashlib.sha256(inhoud).hexdigest() != (dossier.get("integriteit") or {}).get("waarde"):
        raise ZaaksysteemFout(f"{EXTENSIE} van zaak {zaak.get('identificatie')} klopt niet met zijn SHA-256.")
    try:
        ext = json.loads(inhoud)
    except ValueError:
        raise ZaaksysteemFout(f"{EXTENSIE} van zaak {zaak.get('identificatie')} is geen JSON.") from None
    if not isinstance(ext, dict) or ext.get("formaat") != EXTENSIE_FORMAAT or ext.get("versie") != 1:
        raise ZaaksysteemFout(f"{EXTENSIE} van zaak {zaak.get('identificatie')} heeft een onbekend formaat.")
    return ext, urls


def haal_op(opslag: Opslag, v: Verbinding, cfg: dict[str, str], wat: str, *, consulent: str) -> str:
    """Store the zaak ``wat`` (zaaknummer or URL) from the zaaksysteem; returns the local zaaknummer. A case
    that exists here is refused (merging is not supported)."""
    from storage.zaakdata import valideer

    zaak = _zaak(v, cfg, wat)
    ext, urls = _dossier(v, zaak)
    zn = str(ext.get("zaaknummer") or "")
    # this very zaak is refused when a case here is linked to it (made or taken over here, under any zaaknummer);
    # the same zaaknummer here without that link is this laptop's own case: the zaak then gets a new zaaknummer
    # here and keeps its identificatie in the zaaksysteem
    hier = [
        n for n, r in Register(opslag).alle().items() if (r["objecten"].get("zaak") or {}).get("url") == zaak["url"]
    ]
    if hier:
        raise ZaaksysteemFout(
            f"Zaak {zaak.get('identificatie')} staat al in deze opslag (als {hier[0]}); er is niets overgenomen. "
            "Samenvoegen kan (nog) niet: werk de zaak hier bij en sync, of neem haar over in een andere opslag."
        )
    valideer(ext["zaak"], f"{EXTENSIE} van zaak {zn}")
    problemen = audit.controleer_keten(ext.get("audit") or [])
    if problemen:
        raise ZaaksysteemFout(f"De audittrail van zaak {zn} klopt niet: {problemen[0]}. Er is niets overgenomen.")
    documenten = []
    for meta in ext.get("documenten") or []:
        if not isinstance(meta, dict) or not _DOC_ID.match(str(meta.get("id"))) or meta["id"] not in urls:
            raise ZaaksysteemFout(f"Een document van zaak {zn} ontbreekt in het zaaksysteem. Er is niets overgenomen.")
        data = v.download(urls[meta["id"]])
        if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
            raise ZaaksysteemFout(f"Document {meta.get('naam')} van zaak {zn} klopt niet met zijn SHA-256.")
        documenten.append((meta, data))
    nieuw = opslag.importeer_zaak(ext["zaak"], documenten, ext["audit"], consulent=consulent, zaaknummer=zn)
    # the record of the new local case: the zaak is known; every other object is looked up by the first sync
    register = Register(opslag)
    rec = register.lees(nieuw)
    eigen = [k.get("kenmerk") for k in zaak.get("kenmerken") or [] if k.get("bron") == "smi-tui-sync"]
    rec["kenmerk"] = eigen[0] if eigen else rec["kenmerk"]
    rec["identificatie"] = str(zaak.get("identificatie") or nieuw)
    for obj in plan_van(opslag, nieuw, cfg, rec):
        if obj.sleutel == "zaak":
            rec["objecten"]["zaak"] = _noteer(zaak["url"], lichaam_hash(obj.body), zaak, list(obj.body))
        else:
            rec["objecten"][obj.sleutel] = {"bezig": True, "vervang": True}
    register.schrijf(rec)
    return nieuw
