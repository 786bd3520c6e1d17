"""Documents of a case (e.g. PDF letters): encrypted files, metadata with SHA-256 in the dossier.

Each document is stored as ``documenten/<zaaknummer>/<random id>.smi`` (AES-256-GCM, role
``document:<zaaknummer>:<id>``); its name, kind, size and SHA-256 are in the encrypted dossier. A document made
again (a beschikking after its besluit changed) does not delete the earlier one: that stays, marked
``vervangen_door`` (the new id) and ``vervangen_op``, so the dossier shows every version that was made.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.atomair import schrijf_atomair
from storage.crypto import ontsleutel, versleutel
from storage.fouten import BeschadigdFout, OpslagFout
from storage.tinyopslag import schrijf_fout, storage_van

EXT = ".smi"
_DOC_ID = re.compile(r"\A[0-9a-f]{32}\Z")


class DocumentenMixin:
    """Document methods of :class:`storage.opslag.Opslag`."""

    map: Path
    _sleutel: bytes
    _sync: bool
    _dossier: Any
    _kop: Any
    _auditregel: Any

    def _schrijf_document(self, zaaknummer: str, doc_id: str, naam: Any, data: bytes) -> None:
        """Write one document's bytes, encrypted and bound to its case and id, atomically."""
        map_ = self.map / "documenten" / zaaknummer
        map_.mkdir(exist_ok=True, mode=0o700)
        blob = versleutel(self._sleutel, f"document:{zaaknummer}:{doc_id}", bytes(data))
        try:
            schrijf_atomair(map_ / f"{doc_id}{EXT}", blob, sync=self._sync)
        except OSError as exc:
            raise schrijf_fout(f"document '{naam}'", exc) from None

    def voeg_document_toe(
        self, zaaknummer: str, naam: str, soort: str, data: bytes, *, consulent: str = "", vervangt: bool = False
    ) -> str:
        """Store a document's bytes (encrypted) for a case; metadata (with SHA-256) goes into the dossier.

        ``vervangt``: this document takes the place of the earlier ones of the same ``soort`` (a letter made again);
        they stay, marked ``vervangen_door``/``vervangen_op``, in the same transaction and audit line."""
        db = self._dossier(zaaknummer)
        kop = self._kop(db, zaaknummer)
        doc_id = os.urandom(16).hex()
        self._schrijf_document(zaaknummer, doc_id, naam, data)
        nu = datetime.now(UTC).isoformat(timespec="seconds")
        meta = {
            "id": doc_id,
            "naam": naam,
            "soort": soort,
            "grootte": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "toegevoegd": nu,
        }
        tabel = db.table("documenten")
        oud = [d for d in tabel.all() if d.get("soort") == soort and not d.get("vervangen_door")] if vervangt else []
        wijzigingen: list[dict[str, Any]] = [{"veld": f"documenten.{doc_id}", "oud": None, "nieuw": meta}]
        wijzigingen += [{"veld": f"documenten.{d['id']}.vervangen_door", "oud": None, "nieuw": doc_id} for d in oud]
        with storage_van(db).transactie():
            for d in oud:
                tabel.update({"vervangen_door": doc_id, "vervangen_op": nu}, doc_ids=[d.doc_id])
            tabel.insert(meta)
            self._auditregel(db, kop, consulent, None, "document toegevoegd", wijzigingen)
        return doc_id

    def documenten(self, zaaknummer: str) -> list[dict[str, Any]]:
        """Metadata of a case's documents (id, naam, soort, grootte, sha256, toegevoegd; and ``vervangen_door``,
        ``vervangen_op`` for one that was made again), in the order they were added."""
        return [dict(d) for d in self._dossier(zaaknummer).table("documenten").all()]

    def document(self, zaaknummer: str, doc_id: str) -> bytes:
        """The bytes of a stored document, checked against the SHA-256 in the dossier."""
        meta = next((d for d in self.documenten(zaaknummer) if d.get("id") == doc_id), None)
        if meta is None or not _DOC_ID.match(doc_id):
            raise OpslagFout(f"Document {doc_id} hoort niet bij zaak {zaaknummer}.")
        naam = f"Document '{meta['naam']}' van zaak {zaaknummer}"
        try:
            blob = (self.map / "documenten" / zaaknummer / f"{doc_id}{EXT}").read_bytes()
        except OSError:
            raise BeschadigdFout(f"{naam} ontbreekt in de opslag.") from None
        data = ontsleutel(self._sleutel, f"document:{zaaknummer}:{doc_id}", blob, naam=naam)
        if hashlib.sha256(data).hexdigest() != meta["sha256"]:
            raise BeschadigdFout(f"{naam} klopt niet met de vastgelegde SHA-256.")
        return data

    @contextlib.contextmanager
    def document_voor_afdruk(self, zaaknummer: str, doc_id: str, *, naam: str = "document.pdf") -> Iterator[Path]:
        """A decrypted copy of a document in a private temp folder (0700), removed when the block ends."""
        with tijdelijk_bestand(self.document(zaaknummer, doc_id), naam=naam) as pad:
            yield pad


AFDRUK_PREFIX = "smi-tui-afdruk-"


@contextlib.contextmanager
def tijdelijk_bestand(data: bytes, *, naam: str = "document.pdf") -> Iterator[Path]:
    """Write ``data`` to a private temp folder (mode 0700, file 0600) for printing; removed afterwards.

    While it exists the folder is locked (``flock``, POSIX), so :func:`ruim_afdrukken_op` at the next start removes
    the copies of a process that died while printing, and never those of one that is still printing."""
    map_ = Path(tempfile.mkdtemp(prefix=AFDRUK_PREFIX))
    slot = _vergrendel(map_)
    try:
        pad = map_ / Path(naam).name
        vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(pad, vlaggen, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        yield pad
    finally:
        shutil.rmtree(map_, ignore_errors=True)
        if slot is not None:
            os.close(slot)


def _vergrendel(map_: Path) -> int | None:
    if os.name == "nt":
        return None
    import fcntl

    fd = os.open(map_, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise
    return fd


def ruim_afdrukken_op() -> int:
    """Remove print copies that a crashed process left in the temp folder (only unlocked ones of this user)."""
    weg = 0
    if os.name == "nt":  # no flock there to tell a crashed printer from a running one: leave them (README)
        return 0
    with contextlib.suppress(OSError):
        for p in Path(tempfile.gettempdir()).iterdir():
            if not p.name.startswith(AFDRUK_PREFIX) or p.is_symlink() or not p.is_dir():
                continue
            if hasattr(os, "getuid") and p.stat().st_uid != os.getuid():
                continue
            try:
                slot = _vergrendel(p)  # free: its process is gone
            except OSError:
                continue  # still printing
            try:
                shutil.rmtree(p, ignore_errors=True)
                weg += 1
            finally:
                if slot is not None:
                    os.close(slot)
    return weg
