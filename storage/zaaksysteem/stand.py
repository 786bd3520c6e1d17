"""Where each case stands with the zaaksysteem, without any request and without decrypting a dossier: for the
werkvoorraad's marker and the sync screen.

A complete sync notes in the case's record the dossier file's stamp (its file id, size and modification time: every
save of the case, a document or a draft replaces that file atomically) and a hash of the settings the plan was
made with. A case is "nog te synchroniseren" when it has no record, its dossier was written since, or the settings
changed; "conflict" while its last sync left one; else "gesynchroniseerd" with the time of that sync.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storage.zaaksysteem.register import Register

if TYPE_CHECKING:
    from storage.opslag import Opslag

OPEN, KLAAR, CONFLICT = "open", "klaar", "conflict"


@dataclass(frozen=True)
class Stand:
    """``soort``: OPEN, KLAAR or CONFLICT; ``tijd``: the last complete sync (ISO, UTC) or ''."""

    soort: str
    tijd: str = ""


def stempel(opslag: Opslag, zn: str) -> str:
    """The dossier file's stamp ('' when it is gone): its file id, size and modification time. Every write replaces
    the file by a new one (``os.replace``), so the id changes too — also where the clock's steps are coarse."""
    try:
        st = opslag.dossier_pad(zn).stat()
    except OSError:
        return ""
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def instellingen_hash(cfg: dict[str, str]) -> str:
    """A hash of the settings that shape the plan (never a secret: config.toml holds none)."""
    return hashlib.sha256(json.dumps(cfg, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def stand_van(opslag: Opslag, zn: str, rec: dict | None, cfg_hash: str) -> Stand:
    """The stand of one case from its record."""
    if rec is None:
        return Stand(OPEN)
    if rec.get("conflicten"):
        return Stand(CONFLICT, str(rec.get("gesynchroniseerd") or ""))
    if (
        not rec.get("gesynchroniseerd")
        or rec.get("stempel") != stempel(opslag, zn)
        or rec.get("instellingen") != cfg_hash
    ):
        return Stand(OPEN, str(rec.get("gesynchroniseerd") or ""))
    return Stand(KLAAR, str(rec["gesynchroniseerd"]))


def standen(opslag: Opslag, cfg: dict[str, str]) -> dict[str, Stand]:
    """The stand of every case in the store (reads ``meta.smi`` and stats the dossier files)."""
    records = Register(opslag).alle()
    h = instellingen_hash(cfg)
    return {zn: stand_van(opslag, zn, records.get(zn), h) for zn in opslag.zaaknummers()}
