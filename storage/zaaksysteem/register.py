"""What the store keeps about the zaaksysteem, encrypted in ``meta.smi`` beside the counters: per case the remote
URL of every object (written as soon as the server made it, and an intent just before asking it to, so an
interrupted sync finds the object instead of making it twice), and the client secret (entered once)."""

from __future__ import annotations

import contextlib
import uuid
from typing import TYPE_CHECKING, Any

from tinydb import Query

from storage.zaakdata import nu

if TYPE_CHECKING:
    from storage.opslag import Opslag

TABEL = "zaaksysteem"
GEHEIM = "zaaksysteem_geheim"


class Register:
    """The per-case sync records of an open store. ``slot``: a lock held around every read and write (the app's
    store lock, when the sync runs beside other threads that read the store)."""

    def __init__(self, opslag: Opslag, slot: contextlib.AbstractContextManager[Any] | None = None) -> None:
        self._opslag = opslag
        self._slot = slot if slot is not None else contextlib.nullcontext()

    def _tabel(self) -> Any:
        self._opslag._open()
        return self._opslag._meta_db().table(TABEL)

    def lees(self, zn: str) -> dict[str, Any]:
        """The record of ``zn`` (a new, unsaved one when the case was never synced)."""
        with self._slot:
            rij = self._tabel().get(Query().zaaknummer == zn)
        if rij is None:
            return {"zaaknummer": zn, "kenmerk": uuid.uuid4().hex, "objecten": {}, "vingerafdruk": None}
        return dict(rij)

    def alle(self) -> dict[str, dict[str, Any]]:
        """Every record by zaaknummer."""
        with self._slot:
            return {str(r["zaaknummer"]): dict(r) for r in self._tabel().all()}

    def schrijf(self, rec: dict[str, Any]) -> None:
        """Write ``rec`` now (atomic, encrypted): called after every object the server made."""
        rec["bijgewerkt"] = nu()
        with self._slot:
            self._tabel().upsert(rec, Query().zaaknummer == rec["zaaknummer"])

    def lees_geheim(self) -> dict[str, str] | None:
        """The stored client id and secret, or ``None``."""
        with self._slot:
            self._opslag._open()
            rij = self._opslag._meta_db().table(GEHEIM).get(doc_id=1)
        return dict(rij) if rij else None

    def zet_geheim(self, client_id: str, geheim: str) -> None:
        """Keep the client secret (encrypted with the store's key, like everything in ``meta.smi``)."""
        from tinydb.table import Document

        self._opslag._open()
        self._opslag._meta_db().table(GEHEIM).upsert(
            Document({"client_id": client_id, "geheim": geheim, "gezet": nu()}, doc_id=1)
        )
