"""The dossier store: one encrypted TinyDB file per case, an encrypted index, one writer, an audit trail.

Layout of the store folder (nothing personal in any file name or plaintext file)::

    sleutel.json                          key file: scrypt parameters + wrapped data key (plaintext JSON)
    slot                                  who holds the session (the lock itself is the OS's, see slot.py)
    meta.smi                              zaaknummer counters per year, log of deleted case numbers
    concept.smi                           the draft of a new melding that has no case yet (at most one)
    index/<jaar>-<blok>.smi               index parts, one summary row per case, 250 cases per part
    dossiers/<zaaknummer>.smi             the case, its documents' metadata and its audit trail
    documenten/<zaaknummer>/<id>.smi      document bytes (e.g. PDF letters)

A save writes the dossier (one atomic write for case + audit entry) and, only when the summary row changed,
one index part. Cost per save is therefore flat in the number of cases.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import hmac
import json
import os
import re
import shutil
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tinydb import TinyDB
from tinydb.table import Document

from storage import audit
from storage.atomair import fsync_map, ruim_tijdelijke_op, schrijf_atomair
from storage.crypto import SCRYPT_N, Sleutelbestand, minimum_n, ontsleutel, versleutel
from storage.documenten import DocumentenMixin
from storage.fouten import BeschadigdFout, OpslagFout
from storage.manifest import Manifest
from storage.samenvatting import bsns_van, normaliseer_bsn, samenvatting
from storage.slot import Slot
from storage.tinyopslag import VersleuteldeStorage, open_db, schrijf_fout, storage_van

SLEUTEL_NAAM = "sleutel.json"
EXT = ".smi"
CONCEPT_NAAM = "concept.smi"
BLOK = 250
_ZAAKNUMMER = re.compile(r"\ASMI-(\d{4})-(\d{4,9})\Z")  # \Z: "$" would let a trailing newline in
_CACHE = 16
FORMAAT = 2  # 2: with a manifest (storage/manifest.py); a store of format 1 is upgraded at its first open


def ontleed_zaaknummer(zaaknummer: str) -> tuple[int, int]:
    """``"SMI-2026-0001"`` → ``(2026, 1)``; anything else raises a Dutch :class:`OpslagFout`."""
    m = _ZAAKNUMMER.match(str(zaaknummer))
    if not m:
        getoond = repr(str(zaaknummer)[:40])[1:-1] + ("…" if len(str(zaaknummer)) > 40 else "")
        raise OpslagFout(f"'{getoond}' is geen geldig zaaknummer (verwacht bijvoorbeeld SMI-2026-0001).")
    return int(m.group(1)), int(m.group(2))


def maak_zaaknummer(jaar: int, nummer: int) -> str:
    """The zaaknummer for the ``nummer``-th case of ``jaar``."""
    return f"SMI-{jaar}-{nummer:04d}"


def als_dict(zaak: Any) -> dict[str, Any]:
    """A deep, JSON-safe copy of a case given as dict or as pydantic model (``model_dump(mode="json")``)."""
    if hasattr(zaak, "model_dump"):
        zaak = zaak.model_dump(mode="json")
    if not isinstance(zaak, dict):
        raise OpslagFout("Een zaak moet een JSON-object zijn.")
    try:
        return json.loads(json.dumps(zaak, ensure_ascii=False))
    except (TypeError, ValueError) as exc:
        raise OpslagFout(f"De zaak bevat waarden die niet als JSON op te slaan zijn ({exc}).") from None


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
        }


def _volgorde(zaaknummer: str) -> tuple[str, int, str]:
    """Sort key of a (valid) zaaknummer ``SMI-JJJJ-NNNN…``: year, then number (cheaper than parsing it)."""
    return zaaknummer[4:8], len(zaaknummer), zaaknummer


def _datum(waarde: Any) -> date | None:
    try:
        return date.fromisoformat(waarde) if isinstance(waarde, str) else None
    except ValueError:
        return None


def _nu() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Opslag(DocumentenMixin):
    """An open store (holds the lock). Use :meth:`maak` or :meth:`open`, preferably as a context manager."""

    def __init__(self, map_: Path, sleutel: bytes, slot: Slot, *, sync: bool = True, nieuw: bool = False,
                 afleiding: bytes | None = None) -> None:  # fmt: skip
        self.map = Path(map_)
        self._sleutel = sleutel
        self._afleiding = afleiding or sleutel  # the root of the derived keys (kept when the data key is replaced)
        self._audit_sleutel = hashlib.sha256(b"smi-tui audit-hmac\x00" + self._afleiding).digest()  # audit.mac
        self._slot: Slot | None = slot
        self._sync = sync
        self._dossiers: OrderedDict[str, TinyDB] = OrderedDict()
        self._index: dict[str, TinyDB] = {}
        self._meta: TinyDB | None = None
        self.meldingen: list[str] = []
        """What opening found and could not repair silently (a missing manifest, a deleted dossier): Dutch."""
        for sub in ("index", "dossiers", "documenten"):
            (self.map / sub).mkdir(exist_ok=True, mode=0o700)
        for sub in (self.map, self.map / "index", self.map / "dossiers"):
            ruim_tijdelijke_op(sub)
        from storage.documenten import ruim_afdrukken_op

        ruim_afdrukken_op()  # decrypted print copies left by a process that died while printing
        from storage.controle import open_manifest

        self._manifest: Manifest = open_manifest(self, nieuw=nieuw)
        if slot.overgenomen is not None:  # the previous session crashed: repair what it may have left
            from storage.controle import herstel_na_crash

            herstel_na_crash(self, slot.overgenomen.start)

    # --- opening and closing ---
    @classmethod
    def maak(cls, map_: Path, wachtwoord: str, *, scrypt_n: int = SCRYPT_N, sync: bool = True) -> Opslag:
        """Create a new store in ``map_`` and open it. A ``scrypt_n`` below 2**15 is for tests only."""
        map_ = Path(map_)
        sb, sleutel = Sleutelbestand.nieuw(wachtwoord, scrypt_n=scrypt_n)
        try:
            map_.mkdir(parents=True, exist_ok=True)
            if os.name != "nt":
                os.chmod(map_, 0o700)
        except OSError as exc:
            raise OpslagFout(f"De map {map_} kan niet worden aangemaakt ({exc.strerror}).") from None
        slot = Slot.neem(map_)
        try:
            if (map_ / SLEUTEL_NAAM).exists():
                raise OpslagFout(f"In {map_} staat al een dossieropslag; open die in plaats van een nieuwe te maken.")
            schrijf_atomair(map_ / SLEUTEL_NAAM, sb.bytes())
            opslag = cls(map_, sleutel, slot, sync=sync, nieuw=True)
            storage_van(opslag._meta_db()).write({"opslag": {"1": {"gemaakt": _nu(), "formaat": FORMAAT}}})
        except OSError as exc:
            slot.vrij()
            raise schrijf_fout("de nieuwe opslag", exc) from None
        except BaseException:
            slot.vrij()
            raise
        return opslag

    @classmethod
    def open(cls, map_: Path, wachtwoord: str, *, sync: bool = True) -> Opslag:
        """Open the store in ``map_``: unlock the key (nothing written if that fails), then take the lock."""
        map_ = Path(map_)
        sb = lees_sleutelbestand(map_)
        sleutel, extra = sb.ontsluit(wachtwoord)
        slot = Slot.neem(map_)
        try:
            if "vorige" in extra:  # a replacement of the data key was interrupted: finish it first
                from storage.sleutelwissel import herversleutel

                herversleutel(map_, extra.pop("vorige"), sleutel, sync=sync)
            opslag = cls(map_, sleutel, slot, sync=sync, afleiding=extra.get("afleiding"))
        except OSError as exc:
            slot.vrij()
            raise schrijf_fout("de opslag (bij het vervangen van de sleutel)", exc) from None
        except BaseException:
            slot.vrij()
            raise
        try:
            if "vorige" in (sb.doc.get("extra_namen") or []):
                opslag._herverpak(sb, wachtwoord, wachtwoord, "sleutel vervangen")
            elif sb.scrypt_n < minimum_n():  # made with older, cheaper parameters: rewrap the key at today's
                opslag._herverpak(sb, wachtwoord, wachtwoord, "sleutel bijgewerkt")
        except BaseException:
            opslag.sluit()
            raise
        return opslag

    def flush(self) -> None:
        """Write the index parts that changed (write-behind). Called by :meth:`sluit`, checks and backups.

        Dossiers are always written at once; the index is derived from them. After a crash the next open
        rebuilds the rows of every dossier written since the crashed session started, so nothing is lost.
        """
        for db in self._index.values():
            storage_van(db).flush()
        self._manifest.schrijf()

    def sluit(self) -> None:
        """Write pending index parts and release the lock; the store object cannot be used afterwards."""
        try:
            if self._slot is not None:
                self.flush()
        except BaseException:
            if self._slot is not None:  # leave the session's slot file: the next open repairs the index (crash repair)
                self._slot.vrij(schoon=False)
                self._slot = None
            self._sluit()
            raise
        self._sluit()

    def _sluit(self) -> None:
        self._dossiers.clear()
        self._index.clear()
        self._meta = None
        if self._slot is not None:
            self._slot.vrij()
            self._slot = None

    def __enter__(self) -> Opslag:
        return self

    def __exit__(self, *exc: object) -> None:
        self.sluit()

    def _open(self) -> None:
        if self._slot is None:
            raise OpslagFout("De opslag is gesloten.")

    # --- files and databases ---
    def dossier_pad(self, zaaknummer: str) -> Path:
        """The dossier file of ``zaaknummer`` (validated, so never a path outside the store)."""
        ontleed_zaaknummer(zaaknummer)
        return self.map / "dossiers" / f"{zaaknummer}{EXT}"

    def _db(self, pad: Path, rol: str, naam: str) -> TinyDB:
        return open_db(pad, sleutel=self._sleutel, rol=rol, naam=naam, sync=self._sync)

    def _meta_db(self) -> TinyDB:
        if self._meta is None:
            self._meta = self._db(self.map / f"meta{EXT}", "meta", "Het metabestand van de opslag")
        return self._meta

    def _dossier(self, zaaknummer: str, *, moet_bestaan: bool = True) -> TinyDB:
        self._open()
        db = self._dossiers.get(zaaknummer)
        if db is not None:
            self._dossiers.move_to_end(zaaknummer)
            return db
        pad = self.dossier_pad(zaaknummer)
        if moet_bestaan and not pad.exists():
            raise OpslagFout(f"Zaak {zaaknummer} bestaat niet in deze opslag.")
        db = self._db(pad, f"dossier:{zaaknummer}", f"Het dossier van zaak {zaaknummer}")
        self._dossiers[zaaknummer] = db
        if len(self._dossiers) > _CACHE:
            self._dossiers.popitem(last=False)
        return db

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

    # --- cases ---
    def _reserveer(self, aantal: int, jaar: int) -> list[str]:
        tabel = self._meta_db().table("teller")
        rij = tabel.get(doc_id=jaar) or {"jaar": jaar, "laatste": 0}
        eerste = max(int(rij["laatste"]), self._manifest.hoogste(jaar), self._hoogste_dossier(jaar)) + 1
        tabel.upsert(Document({"jaar": jaar, "laatste": eerste + aantal - 1}, doc_id=jaar))
        return [maak_zaaknummer(jaar, n) for n in range(eerste, eerste + aantal)]

    def _hoogste_dossier(self, jaar: int) -> int:
        """The highest number of ``jaar`` among the dossier files (a counter in a lost meta.smi is not trusted)."""
        voor = f"SMI-{jaar}-"
        nummers = [p.name[len(voor) : -len(EXT)] for p in (self.map / "dossiers").iterdir() if p.name.startswith(voor)]
        return max((int(n) for n in nummers if n.isdigit() and len(n) <= 9), default=0)

    def nieuwe_zaak(self, zaak: Any, consulent: str, *, stap: str | None = None) -> str:
        """Store a new case; returns its new zaaknummer (sequential per year, never reused)."""
        return self.nieuwe_zaken([zaak], consulent, stap=stap)[0]

    def nieuwe_zaken(self, zaken: list[Any], consulent: str, *, stap: str | None = None) -> list[str]:
        """Store many new cases at once (one counter write, one write per index part); returns zaaknummers."""
        self._open()
        data = [als_dict(z) for z in zaken]
        if not data:
            return []
        nummers = self._reserveer(len(data), date.today().year)  # durable before any dossier exists
        rijen = []
        for zn, d in zip(nummers, data, strict=True):
            d["zaaknummer"] = zn
            if self.dossier_pad(zn).exists():
                raise BeschadigdFout(
                    f"Zaaknummer {zn} is al in gebruik; de teller is beschadigd. "
                    "Voer 'smi-tui controleer --herstel-index' uit."
                )
            db = self._dossier(zn, moet_bestaan=False)
            entry = audit.nieuwe_entry(
                nr=1,
                vorige=audit.NUL_HASH,
                consulent=consulent,
                stap=stap or d.get("stap"),
                actie="aangemaakt",
                wijzigingen=audit.verschil({}, d),
                mac_sleutel=self._audit_sleutel,
            )
            with storage_van(db).transactie():
                db.table("zaak").insert(
                    Document(
                        {
                            "zaak": d,
                            "versie": 1,
                            "aangemaakt": entry["tijd"],
                            "gewijzigd": entry["tijd"],
                            "audit_kop": entry["hash"],
                            "audit_aantal": 1,
                            "mac_vanaf": 1,
                        },
                        doc_id=1,
                    )
                )
                db.table("audit").insert(entry)
            self._noteer(zn, db)
            rijen.append(samenvatting(d))
        self._zet_index(rijen)
        if len(rijen) > 1:
            self.flush()
        return nummers

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
            zn = self._reserveer(1, date.today().year)[0]
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

    def _noteer(self, zaaknummer: str, db: TinyDB) -> None:
        """Record a dossier's new state in the manifest (call after its write succeeded)."""
        self._manifest.noteer_dossier(zaaknummer, db.table("zaak").get(doc_id=1) or {})

    def _kop(self, db: TinyDB, zaaknummer: str) -> dict[str, Any]:
        kop = db.table("zaak").get(doc_id=1)
        if not isinstance(kop, dict) or not isinstance(kop.get("zaak"), dict):
            raise BeschadigdFout(f"Het dossier van zaak {zaaknummer} is beschadigd (de zaak ontbreekt).")
        return kop

    def _auditregel(
        self,
        db: TinyDB,
        kop: dict[str, Any],
        consulent: str,
        stap: str | None,
        actie: str,
        wijzigingen: list[dict[str, Any]],
    ) -> None:
        entry = audit.nieuwe_entry(
            nr=int(kop["audit_aantal"]) + 1,
            vorige=kop["audit_kop"],
            consulent=consulent,
            stap=stap,
            actie=actie,
            wijzigingen=wijzigingen,
            mac_sleutel=self._audit_sleutel,
        )
        db.table("audit").insert(entry)
        db.table("zaak").update(
            {
                "audit_kop": entry["hash"],
                "audit_aantal": entry["nr"],
                "gewijzigd": entry["tijd"],
                "versie": int(kop["versie"]) + 1,
                "mac_vanaf": kop.get("mac_vanaf") or entry["nr"],  # a dossier from before keyed chains: from here
            },
            doc_ids=[1],
        )

    def bewaar(self, zaaknummer: str, zaak: Any, consulent: str, *, stap: str | None = None) -> list[dict[str, Any]]:
        """Save a changed case (one atomic write with its audit entry); returns the changed fields."""
        db = self._dossier(zaaknummer)
        kop = self._kop(db, zaaknummer)
        nieuw = als_dict(zaak)
        if nieuw.setdefault("zaaknummer", zaaknummer) != zaaknummer:
            raise OpslagFout(f"De zaak heeft zaaknummer {nieuw['zaaknummer']}, niet {zaaknummer}.")
        wijzigingen = audit.verschil(kop["zaak"], nieuw)
        if not wijzigingen:
            return []
        with storage_van(db).transactie():
            db.table("zaak").update({"zaak": nieuw}, doc_ids=[1])
            self._auditregel(db, kop, consulent, stap or nieuw.get("stap"), "gewijzigd", wijzigingen)
        self._noteer(zaaknummer, db)
        self._zet_index([samenvatting(nieuw)])
        return wijzigingen

    def laad(self, zaaknummer: str) -> dict[str, Any]:
        """The stored case as a dict (a copy; validate with ``Zaak.model_validate``)."""
        return copy.deepcopy(self._kop(self._dossier(zaaknummer), zaaknummer)["zaak"])

    def info(self, zaaknummer: str) -> dict[str, Any]:
        """Version, creation and change times of a case."""
        kop = self._kop(self._dossier(zaaknummer), zaaknummer)
        return {k: kop[k] for k in ("versie", "aangemaakt", "gewijzigd", "audit_aantal")}

    def bestaat(self, zaaknummer: str) -> bool:
        """Whether ``zaaknummer`` is a case in this store."""
        return self.dossier_pad(zaaknummer).exists()

    def zaaknummers(self) -> list[str]:
        """All zaaknummers that have a dossier file, in order."""
        uit = [p.name[: -len(EXT)] for p in (self.map / "dossiers").iterdir() if p.name.endswith(EXT)]
        return sorted((z for z in uit if _ZAAKNUMMER.match(z)), key=ontleed_zaaknummer)

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
        return sorted(rijen, key=lambda r: _volgorde(r.zaaknummer))

    def zaken_met_bsn(self, bsn: str) -> list[str]:
        """The zaaknummers of every case in which ``bsn`` occurs as parent or child (from the index), in order."""
        b = normaliseer_bsn(bsn)
        if b is None:
            raise OpslagFout(f"'{bsn}' is geen BSN (verwacht 9 cijfers).")
        gevonden = [r["zaaknummer"] for r in self._rijen() if b in (r.get("bsns") or ())]
        return sorted(gevonden, key=ontleed_zaaknummer)

    def context_voor(self, zaak: Any, zaaknummer: str | None = None, *, zelfde_regeling: bool = True
                     ) -> list[tuple[str, dict[str, Any]]]:  # fmt: skip
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

    def audit(self, zaaknummer: str) -> list[dict[str, Any]]:
        """The audit trail of a case, oldest first."""
        return [dict(e) for e in self._dossier(zaaknummer).table("audit").all()]

    def verwijder_zaak(self, zaaknummer: str, consulent: str) -> None:
        """Delete a case with its documents (retention); its zaaknummer is never handed out again."""
        self._dossier(zaaknummer)
        self._dossiers.pop(zaaknummer, None)
        self._meta_db().table("verwijderd").insert(
            {"zaaknummer": zaaknummer, "tijd": _nu(), "gebruiker": audit.gebruiker(), "consulent": consulent}
        )
        self._manifest.noteer_verwijderd(zaaknummer)
        self._manifest.schrijf()
        shutil.rmtree(self.map / "documenten" / zaaknummer, ignore_errors=True)
        self.dossier_pad(zaaknummer).unlink()
        self._verwijder_index(zaaknummer)

    # --- the draft of a new melding (no case yet) ---
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

    # --- the store-level log (no personal data: retention, privacy requests) ---
    def schrijf_logboek(self, actie: str, gegevens: dict[str, Any]) -> dict[str, Any]:
        """Append a hash-chained entry to the store-level log in ``meta.smi``; returns the entry.

        Only for facts without personal data (zaaknummers, dates, counts, keyed BSN hashes from
        :meth:`bsn_kenmerk`); the who is the OS user plus ``gegevens["consulent"]`` when given."""
        self._open()
        tabel = self._meta_db().table("logboek")
        alle = tabel.all()
        entry: dict[str, Any] = {
            "nr": len(alle) + 1,
            "tijd": _nu(),
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

    # --- maintenance ---
    def controleer(self) -> Any:
        """Verify every dossier, audit chain, document and the index; returns a ``controle.Rapport``."""
        from storage.controle import controleer

        self._open()
        self.flush()
        return controleer(self)

    def herstel_index(self) -> Any:
        """Rebuild the index (and the counters) from the dossiers; returns a rapport of what was done."""
        from storage.controle import herstel_index

        self._open()
        self.flush()
        return herstel_index(self)

    def backup(self, doel: Path) -> int:
        """One encrypted, authenticated archive of the whole store at ``doel``; returns the file count."""
        from storage.backup import maak_backup

        self._open()
        self.flush()
        return maak_backup(self, doel)

    def wijzig_wachtwoord(self, oud: str, nieuw: str) -> None:
        """Rewrap the data key under a new passphrase (the files are not re-encrypted), at today's scrypt cost."""
        self._open()
        sb = lees_sleutelbestand(self.map)
        if sb.ontgrendel(oud) != self._sleutel:
            raise BeschadigdFout("Het sleutelbestand hoort niet bij deze geopende opslag.")
        self._herverpak(sb, oud, nieuw, "wachtwoord gewijzigd")

    def _herverpak(self, sb: Sleutelbestand, oud: str, nieuw: str, actie: str, *, vorige: bytes | None = None) -> None:
        """Write the key file anew: the data key wrapped under ``nieuw`` at (at least) today's scrypt cost, with the
        root of the derived keys when it differs from the data key, and ``vorige`` while files are re-encrypted."""
        extra = {"afleiding": self._afleiding} if self._afleiding != self._sleutel else {}
        if vorige is not None:
            extra["vorige"] = vorige
        nieuw_sb, _ = Sleutelbestand.nieuw(nieuw, scrypt_n=max(sb.scrypt_n, minimum_n()), data_sleutel=self._sleutel,
                                           beleid=oud != nieuw, extra=extra)  # fmt: skip
        try:
            schrijf_atomair(self.map / SLEUTEL_NAAM, nieuw_sb.bytes())
        except OSError as exc:
            if oud == nieuw and actie == "sleutel bijgewerkt":
                return  # the old key file still opens the store; the upgrade is tried again next time
            raise schrijf_fout("het sleutelbestand", exc) from None
        if vorige is None:
            with contextlib.suppress(OpslagFout):
                self.schrijf_logboek(actie, {"scrypt_n": nieuw_sb.scrypt_n})

    def vervang_sleutel(self, oud: str, nieuw: str) -> int:
        """A new data key (and passphrase ``nieuw``, which may be the same): every file re-encrypted, resumable after
        a crash (see :mod:`storage.sleutelwissel`); returns the number of files re-encrypted."""
        from storage.sleutelwissel import herversleutel

        self._open()
        sb = lees_sleutelbestand(self.map)
        if sb.ontgrendel(oud) != self._sleutel:
            raise BeschadigdFout("Het sleutelbestand hoort niet bij deze geopende opslag.")
        if oud != nieuw:
            from storage.crypto import controleer_nieuw_wachtwoord

            controleer_nieuw_wachtwoord(nieuw)
        self.flush()
        oude_sleutel = self._sleutel
        self._sleutel = AESGCM.generate_key(bit_length=256)
        self._dossiers.clear()  # their storages hold the old key
        self._index.clear()
        self._meta = None
        try:
            self._herverpak(sb, nieuw, nieuw, "sleutel vervangen", vorige=oude_sleutel)
        except BaseException:
            self._sleutel = oude_sleutel
            raise
        try:
            aantal = herversleutel(self.map, oude_sleutel, self._sleutel, sync=self._sync)
        except OSError as exc:
            raise schrijf_fout(
                "de opslag (bij het vervangen van de sleutel; de volgende keer gaat het verder)", exc
            ) from None
        self._herverpak(lees_sleutelbestand(self.map), nieuw, nieuw, "sleutel vervangen")
        return aantal


def lees_sleutelbestand(map_: Path) -> Sleutelbestand:
    """The key file of the store in ``map_``; a Dutch error if there is no store or the file is damaged."""
    pad = Path(map_) / SLEUTEL_NAAM
    try:
        data = pad.read_bytes()
    except FileNotFoundError:
        raise OpslagFout(f"In {map_} staat geen dossieropslag. Maak er een met 'smi-tui init'.") from None
    except OSError as exc:
        raise OpslagFout(f"Het sleutelbestand {pad} is niet leesbaar ({exc.strerror}).") from None
    return Sleutelbestand.lees(data, naam=f"Het sleutelbestand {pad}")
