"""Storing a case that comes from another store (``smi-tui import-zgw``): a mixin of :class:`storage.opslag.Opslag`."""

from __future__ import annotations

from typing import Any

from tinydb.table import Document

from storage import audit
from storage.fouten import OpslagFout
from storage.samenvatting import samenvatting
from storage.tinyopslag import storage_van
from storage.zaakdata import als_dict, ontleed_zaaknummer


class ImportMixin:
    """The import method of :class:`storage.opslag.Opslag`."""

    _audit_sleutel: bytes
    _manifest: Any
    _open: Any
    _meta_db: Any
    _reserveer: Any
    _jaar: Any
    _schrijf_document: Any
    _dossier: Any
    _noteer: Any
    _zet_index: Any
    dossier_pad: Any

    def importeer_zaak(
        self,
        zaak: Any,
        documenten: list[tuple[dict[str, Any], bytes]],
        audit_entries: list[dict[str, Any]],
        *,
        consulent: str,
        zaaknummer: str = "",
    ) -> str:
        """Store a case from another store (``smi-tui import-zgw``) with its documents (ids and metadata kept) and
        its audit trail (the chain continues with an "geïmporteerd" entry). The zaaknummer is kept when this store
        never handed it out; otherwise the case gets a new one. Returns the zaaknummer."""
        self._open()
        d = als_dict(zaak)
        try:
            jaar, nummer = ontleed_zaaknummer(zaaknummer)
        except OpslagFout:
            jaar, nummer = 0, 0
        tellers = self._meta_db().table("teller")
        teller = tellers.get(doc_id=jaar) if jaar else None
        al_uitgegeven = max(int((teller or {}).get("laatste", 0)), self._manifest.hoogste(jaar)) if jaar else 0
        if jaar and al_uitgegeven < nummer and not self.dossier_pad(zaaknummer).exists():
            tellers.upsert(Document({"jaar": jaar, "laatste": nummer}, doc_id=jaar))
            zn = zaaknummer
        else:
            zn = self._reserveer(1, self._jaar())[0]
        d["zaaknummer"] = zn
        metas = []
        for meta, data in documenten:
            self._schrijf_document(zn, meta["id"], meta.get("naam"), data)
            metas.append(dict(meta))
        entries = [{k: v for k, v in e.items() if k != "mac"} for e in audit_entries]  # another store's MACs
        wijzigingen = [{"veld": "zaaknummer", "oud": zaaknummer or None, "nieuw": zn}] if zn != zaaknummer else []
        laatste = audit.nieuwe_entry(
            nr=len(entries) + 1,
            vorige=entries[-1]["hash"] if entries else audit.NUL_HASH,
            consulent=consulent,
            stap="import-zgw",
            actie="geïmporteerd",
            wijzigingen=wijzigingen,
            mac_sleutel=self._audit_sleutel,
        )
        entries.append(laatste)
        db = self._dossier(zn, moet_bestaan=False)
        with storage_van(db).transactie():
            db.table("zaak").insert(
                Document(
                    {
                        "zaak": d,
                        "versie": 1,
                        "aangemaakt": entries[0]["tijd"],
                        "gewijzigd": laatste["tijd"],
                        "audit_kop": laatste["hash"],
                        "audit_aantal": laatste["nr"],
                        "mac_vanaf": laatste["nr"],
                    },
                    doc_id=1,
                )
            )
            for i, e in enumerate(entries, start=1):
                db.table("audit").insert(Document(e, doc_id=i))
            for m in metas:
                db.table("documenten").insert(m)
        self._noteer(zn, db)
        self._zet_index([samenvatting(d)])
        return zn
