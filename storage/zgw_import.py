"""``smi-tui import-zgw MAP``: check a ZGW export of smi-tui (case, documents' SHA-256, audit chain) and store it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage import audit
from storage.zgw import _DOC_ID, EXTENSIE, EXTENSIE_FORMAAT
from storage.zgw_basis import ZgwFout

if TYPE_CHECKING:
    from storage.opslag import Opslag


def lees_export(map_: Path) -> tuple[dict[str, Any], list[tuple[dict[str, Any], bytes]]]:
    """Read and fully check an export folder (nothing is stored): the case data and its documents."""
    from storage.zaakdata import valideer

    map_ = Path(map_)
    pad = map_ / EXTENSIE
    if not map_.is_dir():
        raise ZgwFout(f"De map {map_} bestaat niet.")
    try:
        ext = json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ZgwFout(f"In {map_} staat geen {EXTENSIE}; is dit een export van 'smi-tui export-zgw'?") from None
    except (OSError, ValueError) as exc:
        raise ZgwFout(f"{pad} is niet leesbaar als JSON ({exc}).") from None
    if not isinstance(ext, dict) or ext.get("formaat") != EXTENSIE_FORMAAT or ext.get("versie") != 1:
        raise ZgwFout(f"{pad} is geen smi-tui-zaakbestand (formaat {EXTENSIE_FORMAAT}, versie 1).")
    zaak, docs, trail = ext.get("zaak"), ext.get("documenten"), ext.get("audit")
    if not isinstance(zaak, dict) or not isinstance(docs, list) or not isinstance(trail, list):
        raise ZgwFout(f"{pad} mist de zaak, de documenten of de audittrail.")
    valideer(zaak, str(pad))  # Dutch errors per field; the stored dict itself is kept as it was
    problemen = audit.controleer_keten(trail)
    if problemen:
        raise ZgwFout(f"De audittrail in {pad} klopt niet: {problemen[0]}. Er is niets ingelezen.")
    documenten = []
    for meta in docs:
        if not isinstance(meta, dict) or not _DOC_ID.match(str(meta.get("id"))):
            raise ZgwFout(f"{pad} bevat een onleesbare documentbeschrijving.")
        bestand = map_ / "informatieobjecten" / f"{meta['id']}.pdf"
        try:
            data = bestand.read_bytes()
        except OSError:
            raise ZgwFout(f"Het document {bestand} ontbreekt. Er is niets ingelezen.") from None
        if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
            raise ZgwFout(f"Het document {bestand} klopt niet met zijn SHA-256. Er is niets ingelezen.")
        documenten.append((meta, data))
    return ext, documenten


def importeer(opslag: Opslag, map_: Path, *, consulent: str) -> str:
    """Store the case of an export folder (keeping its zaaknummer when this store never handed it out)."""
    ext, documenten = lees_export(map_)
    return opslag.importeer_zaak(
        ext["zaak"], documenten, ext["audit"], consulent=consulent, zaaknummer=str(ext.get("zaaknummer") or "")
    )
