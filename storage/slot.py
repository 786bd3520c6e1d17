"""One writer: a lock file ``slot`` (pid, host name, start time) created with ``O_CREAT | O_EXCL``.

A lock whose process is gone (same host) is stale and is taken over. Liveness: ``os.kill(pid, 0)`` on POSIX,
``OpenProcess`` + ``GetExitCodeProcess`` via ctypes on Windows (best effort). A lock written before the last
boot (Linux: ``btime`` in ``/proc/stat``) is stale too, so a reused pid after a reboot does not block.
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

from storage.fouten import OpslagInGebruik

SLOT_NAAM = "slot"
_LEEG_GRENS_S = 10.0  # an empty/unreadable lock file older than this is a crash during lock creation


def proces_leeft(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (best effort on Windows)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return code.value == 259  # STILL_ACTIVE
            return True
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _opstarttijd() -> float | None:
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            for regel in fh:
                if regel.startswith("btime "):
                    return float(regel.split()[1])
    except (OSError, ValueError):
        pass
    return None


@dataclass
class SlotInfo:
    """What a lock file says about its holder."""

    pid: int
    host: str
    start: float  # epoch seconds


@dataclass
class Slot:
    """The held lock of a store folder; release with :meth:`vrij`."""

    pad: Path
    token: str
    overgenomen: SlotInfo | None  # the stale lock that was taken over (a crashed session), if any

    @staticmethod
    def neem(map_: Path) -> Slot:
        """Take the lock of ``map_`` or raise :class:`OpslagInGebruik` with a Dutch message."""
        pad = Path(map_) / SLOT_NAAM
        token = os.urandom(8).hex()
        overgenomen: SlotInfo | None = None
        for _ in range(5):
            try:
                fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            except FileExistsError:
                info = _lees(pad)
                if info is not None and not _is_oud(info):
                    raise _bezet(info, pad) from None
                if info is None and time.time() - _mtime(pad) < _LEEG_GRENS_S:
                    time.sleep(0.2)  # somebody is writing a fresh lock right now
                    continue
                overgenomen = info or SlotInfo(0, "", _mtime(pad))
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(pad)
                continue
            try:
                inhoud = {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "start": time.time(),
                    "token": token,
                }
                inhoud["start_iso"] = datetime.fromtimestamp(inhoud["start"], UTC).isoformat(timespec="seconds")
                os.write(fd, json.dumps(inhoud).encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            return Slot(pad, token, overgenomen)
        raise OpslagInGebruik(
            f"De opslag is al geopend door een ander venster of programma (slotbestand {pad}). Sluit dat eerst."
        )

    def vrij(self) -> None:
        """Release the lock (only if it is still ours)."""
        try:
            data = json.loads(self.pad.read_bytes())
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("token") == self.token:
            with contextlib.suppress(OSError):
                os.unlink(self.pad)


def _mtime(pad: Path) -> float:
    try:
        return pad.stat().st_mtime
    except OSError:
        return 0.0


def _lees(pad: Path) -> SlotInfo | None:
    try:
        data = json.loads(pad.read_bytes())
        return SlotInfo(int(data["pid"]), str(data["host"]), float(data["start"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_oud(info: SlotInfo) -> bool:
    """Whether the holder of the lock is gone (only decidable on the same host)."""
    if info.host != socket.gethostname():
        return False
    opstart = _opstarttijd()
    if opstart is not None and info.start < opstart:
        return True
    if info.pid == os.getpid():
        return False
    return not proces_leeft(info.pid)


def _bezet(info: SlotInfo, pad: Path) -> OpslagInGebruik:
    if info.host != socket.gethostname():
        return OpslagInGebruik(
            f"De opslag is al geopend op een andere computer ({info.host}, proces {info.pid}). "
            f"Sluit het daar eerst. Weet u zeker dat dat niet zo is, verwijder dan het slotbestand {pad}."
        )
    return OpslagInGebruik(
        f"De opslag is al geopend door een ander venster of programma (proces {info.pid}). Sluit dat eerst."
    )
