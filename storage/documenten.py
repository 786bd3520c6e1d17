"""Documents of a case (e.g. PDF letters): encrypted files, metadata with SHA-256 in the dossier.

Each document is stored as ``documenten/<zaaknummer>/<random id>.smi`` (AES-256-GCM, role
``document:<zaaknummer>:<id>``); its name, kind, size and SHA-256 are in the encrypted dossier. A document made
again (a beschikking after its besluit changed) does not delete the earlier one: that stays, marked
``vervangen_door`` (the new id) and ``vervangen_op``, so the dossier shows every version that was made.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import threading
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
        self,
        zaaknummer: str,
        naam: str,
        soort: str,
        data: bytes,
        *,
        consulent: str = "",
        vervangt: bool = False,
        ontvangen_op: str | None = None,
    ) -> str:
        """Store a document's bytes (encrypted) for a case; metadata (with SHA-256) goes into the dossier.

        ``vervangt``: this document takes the place of the earlier ones of the same ``soort`` (a letter made again);
        they stay, marked ``vervangen_door``/``vervangen_op``, in the same transaction and audit line.
        ``ontvangen_op`` (ISO date): a document received (a scan attached), not a letter made here."""
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
        if ontvangen_op is not None:
            meta["ontvangen_op"] = ontvangen_op
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

    def markeer_afgedrukt(self, zaaknummer: str, doc_id: str, *, consulent: str = "") -> str:
        """Record that a stored document was printed (now); audited. Returns the time (ISO, UTC)."""
        db = self._dossier(zaaknummer)
        kop = self._kop(db, zaaknummer)
        tabel = db.table("documenten")
        doc = next((d for d in tabel.all() if d.get("id") == doc_id), None)
        if doc is None:
            raise OpslagFout(f"Document {doc_id} hoort niet bij zaak {zaaknummer}.")
        nu = datetime.now(UTC).isoformat(timespec="seconds")
        wijziging = {"veld": f"documenten.{doc_id}.afgedrukt_op", "oud": doc.get("afgedrukt_op"), "nieuw": nu}
        with storage_van(db).transactie():
            tabel.update({"afgedrukt_op": nu, "afgedrukt": int(doc.get("afgedrukt") or 0) + 1}, doc_ids=[doc.doc_id])
            self._auditregel(db, kop, consulent, None, "document afgedrukt", [wijziging])
        return nu

    def document_kopie(self, zaaknummer: str, doc_id: str, *, naam: str = "document.pdf") -> Kopie:
        """A decrypted copy to look at in the system's viewer (see :class:`Kopie`); the caller removes it."""
        return Kopie(self.document(zaaknummer, doc_id), naam=naam)

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


class Kopie:
    """A decrypted copy of a document in a private temp folder (0700, file 0600), kept while a viewer shows it.

    Every copy of this process is known here: :func:`ruim_kopieen_op` removes them all (on lock, on exit, and at
    interpreter exit); a process that died leaves its folder unlocked, and :func:`ruim_afdrukken_op` removes it at
    the next start."""

    def __init__(self, data: bytes, *, naam: str = "document.pdf") -> None:
        self._stapel = contextlib.ExitStack()
        self.pad: Path = self._stapel.enter_context(tijdelijk_bestand(data, naam=naam))
        with _KOPIEEN_SLOT:
            _KOPIEEN.add(self)

    @property
    def bestaat(self) -> bool:
        """Whether the decrypted copy is still on disk."""
        return self.pad.exists()

    def verwijder(self) -> None:
        """Remove the copy and its folder (again: nothing happens)."""
        with _KOPIEEN_SLOT:
            _KOPIEEN.discard(self)
        self._stapel.close()


_KOPIEEN: set[Kopie] = set()
_KOPIEEN_SLOT = threading.Lock()


def ruim_kopieen_op() -> int:
    """Remove every decrypted copy this process still has (a viewer may still show it: it keeps what it read)."""
    with _KOPIEEN_SLOT:
        kopieen = list(_KOPIEEN)
    for k in kopieen:
        k.verwijder()
    return len(kopieen)


atexit.register(ruim_kopieen_op)

BIJLAGE_MAX_MB = 25
"""The largest scan or PDF that can be attached (a scanned page at 300 dpi is well under 1 MB)."""
BESTANDSSOORTEN = ((b"%PDF-", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"),
                   (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))  # fmt: skip
"""Magic bytes of the files that may be attached: what the file is, not what its name says."""


def bijlage_pad(invoer: str) -> Path:
    """The path the consulent typed or dropped into the terminal: spaces and quotes around it removed, ``~``
    expanded, a file:// address and backslash-escaped spaces (as a terminal pastes a dropped file) understood."""
    tekst = invoer.strip()
    if len(tekst) > 1 and tekst[0] == tekst[-1] and tekst[0] in "'\"":
        tekst = tekst[1:-1].strip()
    if tekst.startswith("file://"):
        from urllib.parse import unquote, urlparse

        tekst = unquote(urlparse(tekst).path)
    pad = Path(tekst).expanduser()
    if not pad.exists() and "\\" in tekst and os.name != "nt":
        pad = Path(re.sub(r"\\(.)", r"\1", tekst)).expanduser()
    return pad


def lees_bijlage(invoer: str, *, max_mb: int = BIJLAGE_MAX_MB) -> tuple[Path, bytes, str]:
    """Read the file at the path typed: (path, bytes, 'PDF'/'PNG'/'JPEG'/'TIFF'). Raises OpslagFout with a Dutch
    message saying what is wrong and what to do (no path, not there, a folder, not readable, empty, too large, not
    a PDF or image)."""
    if not invoer.strip():
        raise OpslagFout("Vul het pad van het bestand in, bijvoorbeeld ~/Downloads/verslag.pdf.")
    pad = bijlage_pad(invoer)
    if not pad.exists():
        raise OpslagFout(
            f"Het bestand {pad} bestaat niet. Controleer het pad; u kunt het bestand ook vanuit de "
            "bestandsverkenner in de terminal slepen."
        )
    if pad.is_dir():
        raise OpslagFout(f"{pad} is een map, geen bestand. Vul het pad van het bestand zelf in.")
    if not pad.is_file():
        raise OpslagFout(f"{pad} is geen gewoon bestand. Sla de scan op als PDF en vul dat pad in.")
    limiet = max_mb * 1024 * 1024
    try:
        with pad.open("rb") as fh:
            data = fh.read(limiet + 1)
    except PermissionError:
        raise OpslagFout(
            f"Het bestand {pad} mag niet worden gelezen (geen leesrechten). Kopieer het naar uw eigen "
            "map en probeer het opnieuw."
        ) from None
    except OSError as exc:
        raise OpslagFout(f"Het bestand {pad} kan niet worden gelezen ({exc.strerror or 'onbekende fout'}).") from None
    if not data:
        raise OpslagFout(f"Het bestand {pad} is leeg. Scan het stuk opnieuw.")
    if len(data) > limiet:
        raise OpslagFout(
            f"Het bestand {pad.name} is groter dan {max_mb} MB, te groot om bij te voegen. Scan met een "
            "lagere resolutie (200 dpi is genoeg) of in grijstinten, of splits het in delen."
        )
    soort = next((s for magie, s in BESTANDSSOORTEN if data.startswith(magie)), None)
    if soort is None:
        raise OpslagFout(
            f"{pad.name} is geen PDF, PNG, JPEG of TIFF (gekeken naar de inhoud, niet naar de naam). "
            "Sla de scan op als PDF en voeg die bij."
        )
    return pad, data, soort
