"""The store-level log in ``meta.smi`` (destructions, privacy requests, upgrades: nothing personal, hash-chained
and keyed) and the draft of a new melding without a case (``concept.smi``): a mixin of :class:`storage.opslag.Opslag`."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from storage import audit
from storage.atomair import fsync_map, schrijf_atomair
from storage.crypto import ontsleutel, versleutel
from storage.fouten import BeschadigdFout, OpslagFout
from storage.samenvatting import normaliseer_bsn
from storage.tinyopslag import schrijf_fout
from storage.zaakdata import nu

CONCEPT_NAAM = "concept.smi"


class LogboekMixin:
    """Log and draft methods of :class:`storage.opslag.Opslag`."""

    map: Path
    _sleutel: bytes
    _afleiding: bytes
    _audit_sleutel: bytes
    _sync: bool
    _manifest: Any
    _open: Any
    _meta_db: Any

    def bewaar_los_concept(self, data: dict[str, Any] | None) -> None:
        """Keep the draft of a brand-new melding (one per store, encrypted, atomic); ``None`` deletes it."""
        self._open()
        pad = self.map / CONCEPT_NAAM
        if data is None:
            try:
                pad.unlink()
            except FileNotFoundError:
                return
            except OSError as exc:
                raise schrijf_fout("het concept van de nieuwe melding", exc) from None
            if self._sync:
                fsync_map(self.map)
            return
        if not isinstance(data, dict):
            raise OpslagFout("Een concept moet een JSON-object zijn.")
        try:
            tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise OpslagFout(f"Het concept bevat waarden die niet als JSON op te slaan zijn ({exc}).") from None
        try:
            schrijf_atomair(pad, versleutel(self._sleutel, "concept", tekst), sync=self._sync)
        except OSError as exc:
            raise schrijf_fout("het concept van de nieuwe melding", exc) from None

    def laad_los_concept(self) -> dict[str, Any] | None:
        """The draft kept by :meth:`bewaar_los_concept`, or ``None`` when there is none."""
        self._open()
        naam = "Het concept van de nieuwe melding"
        try:
            blob = (self.map / CONCEPT_NAAM).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise BeschadigdFout(f"{naam} is niet leesbaar ({exc.strerror}).") from None
        try:
            data = json.loads(ontsleutel(self._sleutel, "concept", blob, naam=naam))
        except ValueError:
            raise BeschadigdFout(f"{naam} is beschadigd (geen geldige inhoud).") from None
        if not isinstance(data, dict):
            raise BeschadigdFout(f"{naam} is beschadigd (geen geldige inhoud).")
        return data

    def schrijf_logboek(self, actie: str, gegevens: dict[str, Any]) -> dict[str, Any]:
        """Append a hash-chained entry to the store-level log in ``meta.smi``; returns the entry.

        Only for facts without personal data (zaaknummers, dates, counts, keyed BSN hashes from
        :meth:`bsn_kenmerk`); the who is the OS user plus ``gegevens["consulent"]`` when given."""
        self._open()
        tabel = self._meta_db().table("logboek")
        alle = tabel.all()
        entry: dict[str, Any] = {
            "nr": len(alle) + 1,
            "tijd": nu(),
            "gebruiker": audit.gebruiker(),
            "actie": actie,
            **gegevens,
            "vorige": alle[-1]["hash"] if alle else audit.NUL_HASH,
        }
        entry["hash"] = audit.entry_hash(entry)
        entry["mac"] = audit.mac(self._audit_sleutel, entry)
        tabel.insert(entry)
        self._manifest.noteer_logboek(entry)
        self._manifest.schrijf()
        return entry

    def logboek(self) -> list[dict[str, Any]]:
        """The store-level log, oldest first (verify with ``audit.controleer_keten``)."""
        self._open()
        return [dict(e) for e in self._meta_db().table("logboek").all()]

    def bsn_kenmerk(self, bsn: str) -> str:
        """A keyed hash (HMAC-SHA-256 under a key derived from the data key) of a BSN, for logs: the same BSN
        gives the same value in this store, but a BSN cannot be recovered from it without the store's key."""
        b = normaliseer_bsn(bsn) or str(bsn)
        sleutel = hashlib.sha256(b"smi-tui bsn-kenmerk\x00" + self._afleiding).digest()
        return hmac.new(sleutel, b.encode("ascii", "replace"), hashlib.sha256).hexdigest()
