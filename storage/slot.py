"""One writer: an operating-system lock held for the whole session, plus an information file ``slot``.

Why the operating system and not a lock file alone: a lock file's "stale or not" has to be guessed (is the pid
alive, was it written before the last boot, how old is it) and taking one over is a race between two newcomers.
The OS releases a lock the moment its process dies — also after ``kill -9`` — and never gives a held one to a
second process, so there is nothing to guess and nothing to take over.

- **POSIX**: ``fcntl.flock`` on the *store folder itself* (opened read-only). A folder cannot be replaced while it
  holds the store, so deleting or replacing the ``slot`` file under a live session does not free the lock (a lock
  on that file would: a newcomer would create a new file and lock that).
- **Windows**: ``msvcrt.locking`` on the ``slot`` file, kept open; Windows does not let another process delete a
  file that is open, so the same holds there.

``filelock``/``portalocker`` were considered: both lock a lock *file*, which a deletion defeats (see above), and the
two calls needed here are in the standard library.

The ``slot`` file says who holds the lock (pid, host, start time: for the message to a second window only) and,
when it is still there at the next start, that the previous session did not close cleanly: :attr:`Slot.overgenomen`
then tells the store to repair what a crash may have left. A clean close removes it (POSIX) or empties it (Windows).
On a network share the lock is only as good as the share's locking: a ``slot`` file from another computer is
therefore never taken over silently.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.fouten import OpslagInGebruik, SchrijfFout

SLOT_NAAM = "slot"
_MAX_SLOT = 4096  # a hostile, huge slot file is not read beyond this


@dataclass
class SlotInfo:
    """What a ``slot`` file says about the session that wrote it."""

    pid: int
    host: str
    start: float  # epoch seconds


def _vlaggen() -> int:
    return os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _neem_os_slot(map_: Path, pad: Path) -> tuple[int, int | None]:
    """Take the OS lock without waiting; returns (lock fd, open fd of the slot file or None) or raises
    BlockingIOError when another process (or another open store in this one) holds it."""
    if os.name == "nt":
        import msvcrt

        fd = os.open(pad, _vlaggen(), 0o600)
        try:
            os.lseek(fd, 1 << 20, os.SEEK_SET)  # lock one byte far beyond the information, which stays readable
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # Windows only: mypy checks as Linux, where typeshed has no msvcrt.locking
        except OSError:
            os.close(fd)
            raise BlockingIOError from None
        return fd, fd
    import fcntl

    fd = os.open(map_, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError: held elsewhere; ENOLCK (a share without locking) is said as such
        os.close(fd)
        raise
    return fd, None


def _laat_os_slot_los(fd: int) -> None:
    with contextlib.suppress(OSError):
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, 1 << 20, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]  # Windows only: mypy checks as Linux, where typeshed has no msvcrt.locking
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    with contextlib.suppress(OSError):
        os.close(fd)


@dataclass
class Slot:
    """The held lock of a store folder; release with :meth:`vrij`."""

    pad: Path
    token: str
    overgenomen: SlotInfo | None  # the session that did not close cleanly (a crash), if any
    _fd: int | None = None

    @staticmethod
    def neem(map_: Path) -> Slot:
        """Take the lock of ``map_`` or raise :class:`OpslagInGebruik` with a Dutch message; a full or read-only
        disk raises :class:`SchrijfFout` and leaves no ``slot`` file behind."""
        map_ = Path(map_)
        pad = map_ / SLOT_NAAM
        try:
            fd, slot_fd = _neem_os_slot(map_, pad)
        except BlockingIOError:
            raise _bezet(_lees(pad), pad) from None
        except OSError as exc:
            raise _schijffout(map_, exc) from None
        try:
            vorige = _lees(pad)
            if vorige is not None and vorige.host != socket.gethostname():
                raise _andere_computer(vorige, pad)
            token = os.urandom(8).hex()
            _schrijf_info(pad, slot_fd, token, nieuw=vorige is None and not pad.exists())
        except OSError as exc:
            _laat_os_slot_los(fd)
            raise _schijffout(map_, exc) from None
        except BaseException:
            _laat_os_slot_los(fd)
            raise
        return Slot(pad, token, vorige, fd)

    def vrij(self, *, schoon: bool = True) -> None:
        """Release the lock: the information file goes first (a clean close), then the OS lock. ``schoon=False``
        keeps the information file, so the next open repairs what this session could not write (as after a crash)."""
        if self._fd is None:
            return
        if not schoon:
            _laat_os_slot_los(self._fd)
            self._fd = None
            return
        try:
            data = json.loads(_lees_bytes(self.pad) or b"{}")
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict) and data.get("token") == self.token:
            with contextlib.suppress(OSError):
                if os.name == "nt":
                    os.ftruncate(self._fd, 0)
                else:
                    os.unlink(self.pad)
        _laat_os_slot_los(self._fd)
        self._fd = None


def _schrijf_info(pad: Path, slot_fd: int | None, token: str, *, nieuw: bool) -> None:
    nu = time.time()
    inhoud: dict[str, Any] = {"pid": os.getpid(), "host": socket.gethostname(), "start": nu, "token": token,
                              "start_iso": datetime.fromtimestamp(nu, UTC).isoformat(timespec="seconds")}  # fmt: skip
    data = json.dumps(inhoud).encode("utf-8")
    eigen = slot_fd is None
    fd = os.open(pad, _vlaggen(), 0o600) if slot_fd is None else slot_fd
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        if os.write(fd, data) != len(data):
            raise OSError(28, "No space left on device")
        os.fsync(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            if nieuw and os.name != "nt":
                os.unlink(pad)  # no empty lock file left behind on a full disk
        raise
    finally:
        if eigen:
            os.close(fd)


def _lees_bytes(pad: Path) -> bytes:
    fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    try:
        return os.read(fd, _MAX_SLOT)
    finally:
        os.close(fd)


def _lees(pad: Path) -> SlotInfo | None:
    """The information of a ``slot`` file, or None when there is none (or it is empty: a clean close)."""
    try:
        data = _lees_bytes(pad)
    except OSError:
        return None
    if not data.strip():
        return None
    try:
        doc = json.loads(data)
        return SlotInfo(int(doc["pid"]), str(doc["host"]), float(doc["start"]))
    except (ValueError, KeyError, TypeError, RecursionError):
        return SlotInfo(0, socket.gethostname(), 0.0)  # unreadable: treat as a crash on this computer


def _bezet(info: SlotInfo | None, pad: Path) -> OpslagInGebruik:
    wie = f" (proces {info.pid})" if info is not None and info.pid else ""
    return OpslagInGebruik(f"De opslag is al geopend door een ander venster of programma{wie}. Sluit dat eerst.")


def _andere_computer(info: SlotInfo, pad: Path) -> OpslagInGebruik:
    return OpslagInGebruik(
        f"De opslag is al geopend op een andere computer ({info.host}, proces {info.pid}). "
        f"Sluit het daar eerst. Weet u zeker dat dat niet zo is, verwijder dan het slotbestand {pad}."
    )


def _schijffout(map_: Path, exc: OSError) -> SchrijfFout:
    import errno

    from smi_tui.foutrapport import schijfadvies

    if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", -1)):
        return SchrijfFout(
            f"De opslag in {map_} kan niet worden vergrendeld: deze schijf (een netwerkmap?) ondersteunt geen "
            "vergrendeling, dus zou een tweede venster erin kunnen schrijven. Zet de opslag op een lokale schijf."
        )
    return SchrijfFout(f"De opslag in {map_} kan niet worden geopend: {schijfadvies(exc)} Er is niets gewijzigd.")
