"""A TinyDB ``Storage`` that keeps the whole (small) database encrypted and writes it atomically.

TinyDB's own ``JSONStorage`` rewrites its file in place; a crash can truncate it. This storage encrypts the
JSON document with AES-256-GCM (:mod:`storage.crypto`) and writes it with
:func:`storage.atomair.schrijf_atomair`.
The decrypted document is cached in memory (the store holds the lock, so nobody else writes). Several TinyDB
operations can be grouped into one write with :meth:`VersleuteldeStorage.transactie`: a save of a case and its
audit entry land on disk together or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from storage.atomair import schrijf_atomair
from storage.crypto import ontsleutel, versleutel
from storage.fouten import BeschadigdFout, SchrijfFout


def schrijf_fout(naam: str, exc: OSError) -> SchrijfFout:
    """A Dutch error for a failed write; the caller guarantees the previous version is intact."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        reden = "de schijf is vol"
    elif isinstance(exc, PermissionError):
        reden = "geen schrijfrechten"
    else:
        reden = exc.strerror or type(exc).__name__
    return SchrijfFout(
        f"Opslaan van {naam} is mislukt ({reden}). De vorige versie is bewaard gebleven; "
        "maak ruimte vrij of controleer de map en probeer het opnieuw."
    )


class VersleuteldeStorage(Storage):
    """TinyDB storage: one encrypted file, role-bound AAD, atomic writes, in-memory cache, transactions."""

    def __init__(self, pad: Path, *, sleutel: bytes, rol: str, naam: str, sync: bool = True) -> None:
        self.pad = Path(pad)
        self.rol = rol
        self.naam = naam
        self._sleutel = sleutel
        self._sync = sync
        self._goed: bytes | None = None  # plaintext JSON of the last committed state
        self._data: dict[str, Any] | None = None
        self._transactie = 0
        self._vuil = False
        self.uitgesteld = False  # write-behind (index parts only): writes wait for flush()
        self._laad()

    def _laad(self) -> None:
        try:
            blob = self.pad.read_bytes()
        except FileNotFoundError:
            self._goed, self._data = None, None
            return
        except OSError as exc:
            raise BeschadigdFout(f"{self.naam} is niet leesbaar ({exc.strerror}).") from None
        tekst = ontsleutel(self._sleutel, self.rol, blob, naam=self.naam)
        try:
            data = json.loads(tekst)
        except ValueError:
            raise BeschadigdFout(f"{self.naam} is beschadigd (geen geldige inhoud).") from None
        if not isinstance(data, dict):
            raise BeschadigdFout(f"{self.naam} is beschadigd (geen geldige inhoud).")
        self._goed, self._data = tekst, data

    @property
    def bestaat(self) -> bool:
        """Whether a committed version exists on disk."""
        return self._goed is not None

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The cached document (TinyDB mutates it before :meth:`write`; failures restore it)."""
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Encrypt and atomically write ``data`` (deferred to the end of a transaction)."""
        self._data = data
        if self._transactie or self.uitgesteld:
            self._vuil = True
            return
        self._schrijf()

    def flush(self) -> None:
        """Write a pending write-behind state (a failure keeps it pending and raises SchrijfFout)."""
        if self._vuil and not self._transactie:
            tekst = json.dumps(self._data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            try:
                schrijf_atomair(self.pad, versleutel(self._sleutel, self.rol, tekst), sync=self._sync)
            except OSError as exc:
                raise schrijf_fout(self.naam, exc) from None
            self._goed, self._vuil = tekst, False

    def _schrijf(self) -> None:
        tekst = json.dumps(self._data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        blob = versleutel(self._sleutel, self.rol, tekst)
        try:
            schrijf_atomair(self.pad, blob, sync=self._sync)
        except OSError as exc:
            self._herstel_cache()
            raise schrijf_fout(self.naam, exc) from None
        except BaseException:
            self._herstel_cache()
            raise
        self._goed = tekst

    def _herstel_cache(self) -> None:
        self._data = json.loads(self._goed) if self._goed is not None else None

    @contextlib.contextmanager
    def transactie(self) -> Iterator[None]:
        """Group TinyDB operations into one atomic write; on an exception nothing is written."""
        self._transactie += 1
        try:
            yield
        except BaseException:
            self._transactie -= 1
            if not self._transactie:
                self._vuil = False
                self._herstel_cache()
            raise
        self._transactie -= 1
        if not self._transactie and self._vuil and not self.uitgesteld:
            self._vuil = False
            self._schrijf()

    def close(self) -> None:
        """Nothing to flush: every write is already on disk."""


def open_db(pad: Path, *, sleutel: bytes, rol: str, naam: str, sync: bool = True) -> TinyDB:
    """A TinyDB database on an encrypted file (created at the first write)."""
    return TinyDB(pad, storage=VersleuteldeStorage, sleutel=sleutel, rol=rol, naam=naam, sync=sync)


def storage_van(db: TinyDB) -> VersleuteldeStorage:
    """The :class:`VersleuteldeStorage` behind ``db``."""
    st = db.storage
    assert isinstance(st, VersleuteldeStorage)
    return st
