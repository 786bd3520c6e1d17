"""The store's Windows branches, run on this machine: ``os.name`` is "nt" for the store's modules and ``msvcrt``
is a stand-in that locks like Windows does (a byte range of an open file, refused to a second handle, freed when
unlocked or when the process dies).

What is checked is what those branches promise (storage/slot.py, storage/atomair.py, storage/opslag.py): one
writer per store folder; a clean close empties the ``slot`` file instead of deleting it (an open file cannot be
deleted there); a crash leaves it filled and the next open repairs; no POSIX chmod; no fsync of a folder; a
replace that a virus scanner briefly blocks is tried again.
"""

from __future__ import annotations

import errno
import os
import sys
import types
from pathlib import Path

import pytest
from opslag_hulp import TEST_N, WW

from storage import Opslag, atomair, backup, documenten, inzage, opslag, slot
from storage.fouten import OpslagInGebruik


class _NtOs(types.ModuleType):
    """``os`` as on Windows for one module: name "nt", the rest the real thing; chmod calls are recorded."""

    def __init__(self, chmods: list[tuple[str, int]]) -> None:
        super().__init__("os")
        self.name = "nt"
        self._chmods = chmods

    def chmod(self, pad: object, modus: int, *args: object, **kw: object) -> None:
        self._chmods.append((str(pad), modus))
        os.chmod(pad, modus)  # type: ignore[arg-type]  # pad is a path; the real call keeps the behaviour

    def __getattr__(self, naam: str) -> object:
        return getattr(os, naam)


class _Msvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: a range of a file, by (file, offset); a second lock on it fails at once
    with EACCES (LK_NBLCK); unlocking a range one does not hold fails too."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.gehouden: dict[tuple[int, int, int], int] = {}  # (dev, inode, offset) -> fd holding it

    def _sleutel(self, fd: int) -> tuple[int, int, int]:
        st = os.fstat(fd)
        return st.st_dev, st.st_ino, os.lseek(fd, 0, os.SEEK_CUR)

    def locking(self, fd: int, modus: int, lengte: int) -> None:
        sleutel = self._sleutel(fd)
        if modus == self.LK_NBLCK:
            if sleutel in self.gehouden:
                raise OSError(errno.EACCES, "Permission denied")
            self.gehouden[sleutel] = fd
        elif modus == self.LK_UNLCK:
            if self.gehouden.get(sleutel) != fd:
                raise OSError(errno.EACCES, "Permission denied")
            del self.gehouden[sleutel]
        else:
            raise AssertionError(f"smi-tui gebruikt alleen LK_NBLCK en LK_UNLCK, niet {modus}")

    def proces_sterft(self) -> None:
        """Windows frees the locks of a process that ends (kill included)."""
        self.gehouden.clear()


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> tuple[_Msvcrt, list[tuple[str, int]]]:
    chmods: list[tuple[str, int]] = []
    for module in (slot, atomair, opslag, backup, inzage, documenten):
        monkeypatch.setattr(module, "os", _NtOs(chmods))
    nep = _Msvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", nep)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # importing fcntl (the POSIX branch) now fails the test
    return nep, chmods


def test_een_schrijver_per_map_en_schoon_sluiten_leegt_het_slotbestand(
    windows: tuple[_Msvcrt, list[tuple[str, int]]], map_: Path
) -> None:
    nep, chmods = windows
    eerste = Opslag.maak(map_, WW, scrypt_n=TEST_N)
    assert nep.gehouden, "msvcrt.locking is niet gebruikt"
    with pytest.raises(OpslagInGebruik, match="al geopend"):
        Opslag.open(map_, WW)
    eerste.sluit()
    assert not nep.gehouden
    assert (map_ / slot.SLOT_NAAM).exists() and (map_ / slot.SLOT_NAAM).stat().st_size == 0  # emptied, not deleted
    assert not [c for c in chmods if c[1] == 0o700], chmods  # no POSIX modes on Windows (the ACL of the profile)
    tweede = Opslag.open(map_, WW)
    assert tweede._slot is not None and tweede._slot.overgenomen is None  # an empty file: a clean close
    tweede.sluit()


def test_na_een_crash_opent_de_volgende_en_herstelt(windows: tuple[_Msvcrt, list[tuple[str, int]]], map_: Path) -> None:
    nep, _ = windows
    Opslag.maak(map_, WW, scrypt_n=TEST_N).sluit()
    gecrasht = Opslag.open(map_, WW)
    info = (map_ / slot.SLOT_NAAM).read_bytes()
    assert b'"pid"' in info  # who holds it, for the message to a second window
    nep.proces_sterft()  # the process is killed: no sluit(), the slot file stays filled
    volgende = Opslag.open(map_, WW)
    assert volgende._slot is not None and volgende._slot.overgenomen is not None
    assert volgende._slot.overgenomen.pid == os.getpid()
    volgende.sluit()
    del gecrasht


def test_vervangen_wordt_herhaald_als_een_virusscanner_het_bestand_vasthoudt(
    windows: tuple[_Msvcrt, list[tuple[str, int]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doel = tmp_path / "bestand"
    doel.write_bytes(b"oud")
    pogingen: list[str] = []
    echte_replace = os.replace

    def bezet(bron: str, naar: Path) -> None:
        pogingen.append(bron)
        if len(pogingen) < 3:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        echte_replace(bron, naar)

    mapsync: list[object] = []
    monkeypatch.setattr(atomair.os, "replace", bezet, raising=False)
    monkeypatch.setattr(atomair.time, "sleep", lambda s: None)
    monkeypatch.setattr(atomair.os, "fsync", lambda fd: mapsync.append(fd), raising=False)
    atomair.schrijf_atomair(doel, b"nieuw")
    assert doel.read_bytes() == b"nieuw" and len(pogingen) == 3
    assert len(mapsync) == 1  # the file's fsync only: a folder cannot be fsync'd on Windows
    assert not list(tmp_path.glob("*.tmp"))


def test_blijft_het_bezet_dan_een_fout_en_het_oude_bestand_heel(
    windows: tuple[_Msvcrt, list[tuple[str, int]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doel = tmp_path / "bestand"
    doel.write_bytes(b"oud")

    def altijd_bezet(bron: str, naar: Path) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(atomair.os, "replace", altijd_bezet, raising=False)
    monkeypatch.setattr(atomair.time, "sleep", lambda s: None)
    with pytest.raises(PermissionError):
        atomair.schrijf_atomair(doel, b"nieuw")
    assert doel.read_bytes() == b"oud"
    assert not [p for p in tmp_path.iterdir() if p.name != "bestand"]  # no temp file left


def test_backup_terugzetten_in_de_standaardmap_zonder_posix_rechten(
    windows: tuple[_Msvcrt, list[tuple[str, int]]], map_: Path, tmp_path: Path
) -> None:
    """The restore that issue 17 found refused on Windows (config.toml was inside the default store folder; it now
    lives elsewhere, tests/core/test_windows_paden.py): into a new folder, the lock taken with msvcrt, no chmod."""
    nep, chmods = windows
    with Opslag.maak(map_, WW, scrypt_n=TEST_N) as o:
        zn = o.nieuwe_zaak({"regeling": "eemnes-2025", "stap": "melding"}, consulent="J. Visser")
        o.backup(tmp_path / "backup.smibak")
    rapport = opslag.herstel_backup(tmp_path / "backup.smibak", tmp_path / "terug", WW)
    assert rapport.in_orde, rapport.tekst()
    assert not nep.gehouden  # opened, checked and closed again
    assert not [c for c in chmods if c[1] == 0o700], chmods
    with Opslag.open(tmp_path / "terug", WW) as terug:
        assert zn in terug.zaaknummers()
