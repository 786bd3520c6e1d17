"""The dossier store: one encrypted TinyDB file per case, an encrypted index, one writer, an audit trail (layout in
storage/README.md). Parts live in mixins: ``indexrij`` (the case list), ``documenten``, ``logboek`` (store log,
draft of a new melding), ``sleutelbeheer`` (key file) and ``importeren`` (a case from another store)."""

from __future__ import annotations

import copy
import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from storage import audit
from storage.atomair import ruim_tijdelijke_op, schrijf_atomair
from storage.crypto import SCRYPT_N, Sleutelbestand, minimum_n
from storage.documenten import DocumentenMixin
from storage.fouten import BeschadigdFout, OpslagFout
from storage.importeren import ImportMixin
from storage.indexrij import BLOK as BLOK
from storage.indexrij import IndexMixin
from storage.indexrij import IndexRij as IndexRij
from storage.logboek import CONCEPT_NAAM as CONCEPT_NAAM
from storage.logboek import LogboekMixin
from storage.manifest import Manifest
from storage.samenvatting import samenvatting
from storage.sleutelbeheer import SLEUTEL_NAAM as SLEUTEL_NAAM
from storage.sleutelbeheer import SleutelMixin
from storage.sleutelbeheer import lees_sleutelbestand as lees_sleutelbestand
from storage.slot import Slot
from storage.tinyopslag import open_db, schrijf_fout, storage_van
from storage.zaakdata import EXT as EXT
from storage.zaakdata import als_dict as als_dict
from storage.zaakdata import hoogste_nummer, is_zaaknummer, nu
from storage.zaakdata import maak_zaaknummer as maak_zaaknummer
from storage.zaakdata import ontleed_zaaknummer as ontleed_zaaknummer

_CACHE = 16
FORMAAT = 2  # 2: with a manifest (storage/manifest.py); a store of format 1 is upgraded at its first open


class Opslag(IndexMixin, DocumentenMixin, LogboekMixin, SleutelMixin, ImportMixin):
    """An open store (holds the lock). Use :meth:`maak` or :meth:`open`, preferably as a context manager."""

    def __init__(
        self,
        map_: Path,
        sleutel: bytes,
        slot: Slot,
        *,
        sync: bool = True,
        nieuw: bool = False,
        afleiding: bytes | None = None,
    ) -> None:
        self.map = Path(map_)
        self._sleutel = sleutel
        self._afleiding = afleiding or sleutel  # the root of the derived keys (kept when the data key is replaced)
        self._audit_sleutel = hashlib.sha256(b"smi-tui audit-hmac\x00" + self._afleiding).digest()  # audit.mac
        self._slot: Slot | None = slot
        self._sync = sync
        self._dossiers: OrderedDict[str, TinyDB] = OrderedDict()
        self._index: dict[str, TinyDB] = {}
        self._meta: TinyDB | None = None
        self._op_schijf: dict[int, int] = {}  # highest dossier file per year, read once (see _reserveer)
        self.meldingen: list[str] = []
        """What opening found and could not repair silently (a missing manifest, a deleted dossier): Dutch."""
        self.bij_wijziging: Callable[[str], None] | None = None  # with the zaaknummer after each change (app: sync)
        for sub in ("index", "dossiers", "documenten"):
            (self.map / sub).mkdir(exist_ok=True, mode=0o700)
        for onder in (self.map, self.map / "index", self.map / "dossiers"):
            ruim_tijdelijke_op(onder)
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
            storage_van(opslag._meta_db()).write({"opslag": {"1": {"gemaakt": nu(), "formaat": FORMAAT}}})
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
        rebuilds the rows of every dossier written since the crashed session started, so nothing is lost."""
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

    # --- cases ---
    def _reserveer(self, aantal: int, jaar: int) -> list[str]:
        tabel = self._meta_db().table("teller")
        rij = tabel.get(doc_id=jaar) or {"jaar": jaar, "laatste": 0}
        if jaar not in self._op_schijf:  # once per session: while the lock is held nobody else adds dossiers
            self._op_schijf[jaar] = hoogste_nummer(self.map / "dossiers", jaar)
        eerste = max(int(rij["laatste"]), self._manifest.hoogste(jaar), self._op_schijf[jaar]) + 1
        tabel.upsert(Document({"jaar": jaar, "laatste": eerste + aantal - 1}, doc_id=jaar))
        return [maak_zaaknummer(jaar, n) for n in range(eerste, eerste + aantal)]

    @staticmethod
    def _jaar() -> int:
        """The year of new zaaknummers (``date`` of this module: the tests freeze it here)."""
        return date.today().year

    def nieuwe_zaak(self, zaak: Any, consulent: str, *, stap: str | None = None) -> str:
        """Store a new case; returns its new zaaknummer (sequential per year, never reused)."""
        return self.nieuwe_zaken([zaak], consulent, stap=stap)[0]

    def nieuwe_zaken(self, zaken: list[Any], consulent: str, *, stap: str | None = None) -> list[str]:
        """Store many new cases at once (one counter write, one write per index part); returns zaaknummers."""
        self._open()
        data = [als_dict(z) for z in zaken]
        if not data:
            return []
        nummers = self._reserveer(len(data), self._jaar())  # durable before any dossier exists
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

    def _noteer(self, zaaknummer: str, db: TinyDB) -> None:
        """Record a dossier's new state in the manifest (call after its write succeeded)."""
        self._manifest.noteer_dossier(zaaknummer, db.table("zaak").get(doc_id=1) or {})
        self.bij_wijziging and self.bij_wijziging(zaaknummer)

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
        self.bij_wijziging and self.bij_wijziging(str(kop["zaak"].get("zaaknummer") or ""))  # a document too

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
        return sorted((z for z in uit if is_zaaknummer(z)), key=ontleed_zaaknummer)

    def audit(self, zaaknummer: str) -> list[dict[str, Any]]:
        """The audit trail of a case, oldest first."""
        return [dict(e) for e in self._dossier(zaaknummer).table("audit").all()]

    def verwijder_zaak(self, zaaknummer: str, consulent: str) -> dict[str, Any]:
        """Delete a case for which no letter was sent, with its documents and drafts (else OpslagFout: why, and
        intrekken instead); logged without personal data, the zaaknummer never reused (:mod:`storage.verwijderen`)."""
        from storage.verwijderen import verwijder

        self._dossier(zaaknummer)
        return verwijder(self, zaaknummer, consulent)

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


def herstel_backup(bron: Path, map_: Path, wachtwoord: str) -> Any:
    """Restore an archive into an empty (or new) folder, then open it and check everything (a ``controle.Rapport``)."""
    from storage.backup import zet_terug

    zet_terug(Path(bron), Path(map_), wachtwoord)
    with Opslag.open(map_, wachtwoord) as opslag:
        return opslag.controleer()
