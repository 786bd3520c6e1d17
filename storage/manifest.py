"""The store manifest ``opslagmanifest.smi``: what the store should hold, to name a file that was rolled back or deleted.

Every ``.smi`` file is authenticated on its own (AES-256-GCM under the data key), so nobody without the key can
change one — but anyone with the files can put an *older* authentic copy back, or delete one. The manifest records,
encrypted and authenticated like every other file (role ``manifest``):

- per dossier its version, audit length and audit-chain head: a dossier whose chain is shorter, or as long but with
  another head, was put back (rolled back); one that is missing and not destroyed was deleted;
- the highest zaaknummer per year and the destroyed zaaknummers, so that no number is handed out twice even when
  ``meta.smi`` is deleted or damaged;
- a copy of the store-level log (destructions, privacy requests; nothing personal), so deleting ``meta.smi`` does
  not erase it.

It is written behind like the index (on :meth:`Opslag.flush`, and at once after a destruction or a log entry); after
a crash the dossiers may be *newer* than the manifest, never older, and the crash repair brings it up to date.
What cannot be detected: the whole folder (manifest included) put back together — see storage/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.atomair import schrijf_atomair
from storage.crypto import ontsleutel, versleutel
from storage.fouten import BeschadigdFout
from storage.tinyopslag import schrijf_fout
from storage.zaakdata import ontleed_zaaknummer

if TYPE_CHECKING:
    from storage.opslag import Opslag

MANIFEST_NAAM = "opslagmanifest.smi"  # not manifest.smi: that is the backup archive's own entry
ROL = "manifest"
NAAM = "Het manifest van de opslag (opslagmanifest.smi)"


def leeg() -> dict[str, Any]:
    """An empty manifest."""
    return {"formaat": 1, "volgnummer": 0, "dossiers": {}, "hoogste": {}, "verwijderd": [], "logboek": []}


def lees(map_: Path, sleutel: bytes) -> dict[str, Any] | None:
    """The manifest of the store in ``map_``; ``None`` when there is none; :class:`BeschadigdFout` when damaged."""
    try:
        blob = (Path(map_) / MANIFEST_NAAM).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise BeschadigdFout(f"{NAAM} is niet leesbaar ({exc.strerror}).") from None
    try:
        data = json.loads(ontsleutel(sleutel, ROL, blob, naam=NAAM))
    except (ValueError, RecursionError):
        raise BeschadigdFout(f"{NAAM} is beschadigd (geen geldige inhoud).") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), type(v)) for k, v in leeg().items()):
        raise BeschadigdFout(f"{NAAM} is beschadigd (geen geldige inhoud).")
    return data


class Manifest:
    """The manifest of an open store, kept in memory and written by :meth:`schrijf`."""

    def __init__(self, opslag: Opslag, data: dict[str, Any]) -> None:
        self._opslag = opslag
        self.data = data
        self.gewijzigd = False

    def noteer_dossier(self, zaaknummer: str, kop: dict[str, Any]) -> None:
        """Record the state of a dossier just written (its version and audit-chain head)."""
        self.data["dossiers"][zaaknummer] = {
            "versie": int(kop.get("versie") or 0),
            "audit_aantal": int(kop.get("audit_aantal") or 0),
            "audit_kop": kop.get("audit_kop"),
        }
        jaar, nummer = ontleed_zaaknummer(zaaknummer)
        self.verhoog(jaar, nummer)
        self.gewijzigd = True

    def verhoog(self, jaar: int, nummer: int) -> None:
        """Record that zaaknummer ``nummer`` of ``jaar`` has been handed out."""
        hoogste = self.data["hoogste"]
        if int(hoogste.get(str(jaar), 0)) < nummer:
            hoogste[str(jaar)] = nummer
            self.gewijzigd = True

    def noteer_verwijderd(self, zaaknummer: str) -> None:
        """Record a destroyed dossier (its number stays taken)."""
        self.data["dossiers"].pop(zaaknummer, None)
        if zaaknummer not in self.data["verwijderd"]:
            self.data["verwijderd"].append(zaaknummer)
        self.gewijzigd = True

    def noteer_logboek(self, entry: dict[str, Any]) -> None:
        """Keep a copy of a store-level log entry."""
        self.data["logboek"].append(dict(entry))
        self.gewijzigd = True
        if entry.get("actie") == "vernietigd" and isinstance(entry.get("zaaknummer"), str):
            self.noteer_verwijderd(entry["zaaknummer"])  # retention (storage/bewaren.py) logs before it deletes

    def hoogste(self, jaar: int) -> int:
        """The highest zaaknummer of ``jaar`` ever handed out, destroyed ones included."""
        uit = int(self.data["hoogste"].get(str(jaar), 0))
        for zn in self.data["verwijderd"]:
            j, n = ontleed_zaaknummer(zn)
            if j == jaar:
                uit = max(uit, n)
        return uit

    def vingerafdruk(self) -> str:
        """A short fingerprint of the store's state (``volgnummer-hex``; keyed, so it tells nothing without the
        key). Written down by the consulent or kept with a backup, it shows a whole folder put back together."""
        import hashlib
        import hmac

        sleutel = hashlib.sha256(b"smi-tui vingerafdruk\x00" + self._opslag._afleiding).digest()
        tekst = json.dumps(self.data, sort_keys=True, separators=(",", ":")).encode("utf-8")
        code = hmac.new(sleutel, tekst, hashlib.sha256).hexdigest()[:12]
        return f"{self.data['volgnummer']}-{code[:4]}-{code[4:8]}-{code[8:]}"

    def schrijf(self) -> None:
        """Write the manifest when it changed (atomic; a failure leaves the previous one)."""
        if not self.gewijzigd:
            return
        self.data["volgnummer"] = int(self.data["volgnummer"]) + 1
        tekst = json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        o = self._opslag
        try:
            schrijf_atomair(o.map / MANIFEST_NAAM, versleutel(o._sleutel, ROL, tekst), sync=o._sync)
        except OSError as exc:
            self.data["volgnummer"] -= 1
            raise schrijf_fout("het manifest van de opslag", exc) from None
        self.gewijzigd = False


def vergelijk(vastgelegd: dict[str, Any] | None, kop: dict[str, Any]) -> str | None:
    """A Dutch problem when the dossier with head ``kop`` is older than (or differs from) the manifest's record."""
    if vastgelegd is None:
        return None
    aantal, verwacht = int(kop.get("audit_aantal") or 0), int(vastgelegd.get("audit_aantal") or 0)
    if aantal < verwacht:
        return (
            f"het dossier is ouder dan het manifest (teruggezet?): {aantal} auditregels, het manifest kent er "
            f"{verwacht}. Zet de juiste versie terug uit een backup."
        )
    if aantal == verwacht and kop.get("audit_kop") != vastgelegd.get("audit_kop"):
        return "het dossier verschilt van de versie die het manifest kent (vervangen?). Zet een backup terug."
    return None
