"""The case list: index rows (``IndexRij``) in encrypted parts of 250 cases, and the lookups on it (a mixin of
:class:`storage.opslag.Opslag`)."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from tinydb import TinyDB
from tinydb.table import Document

from storage.fouten import BeschadigdFout, OpslagFout
from storage.samenvatting import bsns_van, normaliseer_bsn
from storage.tinyopslag import VersleuteldeStorage, storage_van
from storage.zaakdata import EXT, als_dict, ontleed_zaaknummer, volgorde

BLOK = 250


class IndexRij(NamedTuple):
    """One row of the case list (a NamedTuple: immutable, and cheap to build for 10,000 rows)."""

    zaaknummer: str
    ouders: tuple[str, ...]
    kinderen: tuple[str, ...]
    gemeente: str | None
    status: str | None
    volgende_termijn: date | None
    termijn_wat: str | None
    termijnen: tuple[dict[str, Any], ...] = ()  # every dated deadline: {"datum", "code", "wat", "gedaan"}
    sluitdatum: date | None = None
    vernietigingsdatum: date | None = None
    bsns: tuple[str, ...] = ()  # for searching; left out of als_dict (and so of `smi-tui zaken --json`)
    concepten: tuple[dict[str, str], ...] = ()  # steps with a draft: {"stap", "bewaard"}, newest first
    verslag_open: bool = False  # the verslag has not come back signed (undecided case)

    @staticmethod
    def van(rij: dict[str, Any]) -> IndexRij:
        """From a stored index row (rows written before a field existed read it as empty)."""
        t = rij.get("volgende_termijn") or {}
        return IndexRij(
            rij["zaaknummer"],
            tuple(rij.get("ouders", ())),
            tuple(rij.get("kinderen", ())),
            rij.get("gemeente"),
            rij.get("status"),
            date.fromisoformat(t["datum"]) if t.get("datum") else None,
            t.get("wat"),
            tuple([dict(x) for x in rij["termijnen"]]) if rij.get("termijnen") else (),
            _datum(rij.get("sluitdatum")),
            _datum(rij.get("vernietigingsdatum")),
            tuple(rij.get("bsns") or ()),
            tuple(dict(c) for c in rij.get("concepten") or () if isinstance(c, dict)),
            bool(rij.get("verslag_open")),
        )

    def als_dict(self) -> dict[str, Any]:
        """JSON-ready form (used by ``smi-tui zaken --json``); without BSNs."""
        return {
            "zaaknummer": self.zaaknummer,
            "ouders": list(self.ouders),
            "kinderen": list(self.kinderen),
            "gemeente": self.gemeente,
            "status": self.status,
            "volgende_termijn": self.volgende_termijn.isoformat() if self.volgende_termijn else None,
            "termijn_wat": self.termijn_wat,
            "termijnen": [dict(t) for t in self.termijnen],
            "sluitdatum": self.sluitdatum.isoformat() if self.sluitdatum else None,
            "vernietigingsdatum": self.vernietigingsdatum.isoformat() if self.vernietigingsdatum else None,
            "concepten": [dict(c) for c in self.concepten],
            "verslag_open": self.verslag_open,
        }


def _datum(waarde: Any) -> date | None:
    try:
        return date.fromisoformat(waarde) if isinstance(waarde, str) else None
    except ValueError:
        return None


class IndexMixin:
    """Index methods of :class:`storage.opslag.Opslag`."""

    map: Path
    _sleutel: bytes
    _index: dict[str, TinyDB]
    _dossiers: Any
    _db: Any
    _open: Any
    _kop: Any
    dossier_pad: Any
    bestaat: Any

    def _index_db(self, deel: str) -> TinyDB:
        db = self._index.get(deel)
        if db is None:
            db = self._db(self.map / "index" / f"{deel}{EXT}", f"index:{deel}", f"De index (deel {deel})")
            storage_van(db).uitgesteld = True
            self._index[deel] = db
        return db

    @staticmethod
    def index_deel(zaaknummer: str) -> tuple[str, int]:
        """The index part holding ``zaaknummer`` and the row id inside it."""
        jaar, nummer = ontleed_zaaknummer(zaaknummer)
        return f"{jaar}-{nummer // BLOK:03d}", nummer

    def _zet_index(self, rijen: Iterable[dict[str, Any]]) -> None:
        per_deel: dict[str, list[dict[str, Any]]] = {}
        for rij in rijen:
            per_deel.setdefault(self.index_deel(rij["zaaknummer"])[0], []).append(rij)
        for deel, lijst in per_deel.items():
            db = self._index_db(deel)
            tabel = db.table("zaken")
            with storage_van(db).transactie():
                for rij in lijst:
                    nummer = self.index_deel(rij["zaaknummer"])[1]
                    oud = tabel.get(doc_id=nummer)
                    if oud != rij:
                        if oud is not None:  # replace, not merge: a field the new row lacks must go
                            tabel.remove(doc_ids=[nummer])
                        tabel.insert(Document(rij, doc_id=nummer))

    def _verwijder_index(self, zaaknummer: str) -> None:
        deel, nummer = self.index_deel(zaaknummer)
        tabel = self._index_db(deel).table("zaken")
        if tabel.get(doc_id=nummer) is not None:
            tabel.remove(doc_ids=[nummer])

    def _rijen(self) -> list[dict[str, Any]]:
        """The stored index rows (decrypted once per part, then cached); not copies: do not change them."""
        self._open()
        for p in (self.map / "index").iterdir():
            if p.name.endswith(EXT) and p.name[: -len(EXT)] not in self._index:
                self._index_db(p.name[: -len(EXT)])
        return [r for db in self._index.values() for r in ((storage_van(db).read() or {}).get("zaken") or {}).values()]

    def lijst(self) -> list[IndexRij]:
        """The case list from the index, ordered by zaaknummer."""
        rijen = [IndexRij.van(r) for r in self._rijen()]
        return sorted(rijen, key=lambda r: volgorde(r.zaaknummer))

    def zaken_met_bsn(self, bsn: str) -> list[str]:
        """The zaaknummers of every case in which ``bsn`` occurs as parent or child (from the index), in order."""
        b = normaliseer_bsn(bsn)
        if b is None:
            raise OpslagFout(f"'{bsn}' is geen BSN (verwacht 9 cijfers).")
        gevonden = [r["zaaknummer"] for r in self._rijen() if b in (r.get("bsns") or ())]
        return sorted(gevonden, key=ontleed_zaaknummer)

    def context_voor(
        self, zaak: Any, zaaknummer: str | None = None, *, zelfde_regeling: bool = True
    ) -> list[tuple[str, dict[str, Any]]]:
        """The other cases the assessment of ``zaak`` needs: those that share a BSN with it (earlier decisions,
        repeat applications) and, with ``zelfde_regeling``, those of the same regulation (budget ceiling; leave it off
        for a regulation without one: it reads many dossiers). ``zaaknummer`` (the case itself,
        if stored) is left out. Returns ``(zaaknummer, case dict)`` pairs in zaaknummer order."""
        d = als_dict(zaak)
        eigen = zaaknummer or d.get("zaaknummer")
        bsns = set(bsns_van(d))
        regeling = d.get("regeling") if isinstance(d.get("regeling"), str) else None
        nummers = [
            r["zaaknummer"]
            for r in self._rijen()
            if r["zaaknummer"] != eigen
            and (
                (bsns and bsns.intersection(r.get("bsns") or ()))
                or (zelfde_regeling and regeling and r.get("gemeente") == regeling)
            )
        ]
        nummers = [zn for zn in sorted(nummers, key=ontleed_zaaknummer) if self.bestaat(zn)]  # a stale row: skip
        return [(zn, self._lees_zaak(zn)) for zn in nummers]

    def _lees_zaak(self, zaaknummer: str) -> dict[str, Any]:
        """A stored case (a copy) without pushing the open cases out of the dossier cache."""
        db = self._dossiers.get(zaaknummer)
        if db is not None:
            return copy.deepcopy(self._kop(db, zaaknummer)["zaak"])
        st = VersleuteldeStorage(
            self.dossier_pad(zaaknummer),
            sleutel=self._sleutel,
            rol=f"dossier:{zaaknummer}",
            naam=f"Het dossier van zaak {zaaknummer}",
        )
        kop = ((st.read() or {}).get("zaak") or {}).get("1")
        if not isinstance(kop, dict) or not isinstance(kop.get("zaak"), dict):
            raise BeschadigdFout(f"Het dossier van zaak {zaaknummer} is beschadigd (de zaak ontbreekt).")
        return kop["zaak"]
