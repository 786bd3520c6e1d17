"""Replacing the data key (``smi-tui wachtwoord --nieuwe-sleutel``): every encrypted file re-encrypted, resumable.

Order, so that a crash at any moment loses nothing:

1. the key file is rewritten with the new data key *and* the old one (``vorige``), both wrapped under the new
   passphrase — from now on the store opens only with the new passphrase;
2. each file is re-encrypted on its own, atomically: a file that already opens with the new key is skipped, so a
   second run (after a crash, at the next open) continues where the first stopped;
3. the key file is rewritten without the old key.

The keys derived for the audit MACs, the BSN kenmerken in the store log and the store fingerprint keep their root
(``afleiding`` in the key file): values already in the logs must stay checkable. Backups made before still open
with the old passphrase and key; replace them (see storage/README.md).
"""

from __future__ import annotations

from pathlib import Path

from storage.atomair import schrijf_atomair
from storage.crypto import ontsleutel, versleutel
from storage.fouten import BeschadigdFout


def rol_van(rel: str) -> str | None:
    """The role (AAD) of the store file at relative POSIX path ``rel``; ``None`` for a file the store never reads."""
    delen = rel.split("/")
    if not rel.endswith(".smi") or any(d.startswith(".") for d in delen):
        return None
    vast = {"meta.smi": "meta", "concept.smi": "concept", "opslagmanifest.smi": "manifest"}
    if len(delen) == 1:
        return vast.get(rel)
    if len(delen) == 2 and delen[0] == "index":
        return f"index:{delen[1][:-4]}"
    if len(delen) == 2 and delen[0] == "dossiers":
        return f"dossier:{delen[1][:-4]}"
    if len(delen) == 3 and delen[0] == "documenten":
        return f"document:{delen[1]}:{delen[2][:-4]}"
    return None


def herversleutel(map_: Path, oud: bytes, nieuw: bytes, *, sync: bool = True) -> int:
    """Re-encrypt every store file under ``map_`` from ``oud`` to ``nieuw`` (already done ones are skipped);
    returns the number re-encrypted. A file that opens with neither key raises :class:`BeschadigdFout`."""
    gedaan = 0
    for pad in sorted(Path(map_).rglob("*.smi")):
        rel = pad.relative_to(map_).as_posix()
        rol = rol_van(rel)
        if rol is None or pad.is_symlink():
            continue
        blob = pad.read_bytes()
        try:
            ontsleutel(nieuw, rol, blob, naam=rel)
            continue  # done in an earlier (interrupted) run
        except BeschadigdFout:
            pass
        data = ontsleutel(oud, rol, blob, naam=f"{rel} (bij het vervangen van de sleutel)")
        schrijf_atomair(pad, versleutel(nieuw, rol, data), sync=sync)
        gedaan += 1
    return gedaan
