"""Crash-safe file writes: temp file in the same folder, fsync, ``os.replace``, fsync of the folder.

A reader sees either the old or the new bytes, never a mix or a truncated file. On Windows ``os.replace`` can
fail briefly while a virus scanner or indexer holds the target open; we retry a few times. Folders cannot be
fsync'd on Windows (NTFS makes the rename durable itself), so that step is skipped there.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

TMP_SUFFIX = ".tmp"


def fsync_map(map_: Path) -> None:
    """Make a rename in ``map_`` durable, where the platform allows fsync of a folder (POSIX)."""
    if os.name == "nt" or not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(map_, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError:  # some filesystems (e.g. certain network mounts) refuse fsync on folders
        pass
    finally:
        os.close(fd)


def _replace(bron: str, doel: Path) -> None:
    pogingen = 10 if os.name == "nt" else 1
    for poging in range(pogingen):
        try:
            os.replace(bron, doel)
            return
        except PermissionError:
            if poging == pogingen - 1:
                raise
            time.sleep(0.05 * (poging + 1))


def schrijf_atomair(pad: Path, data: bytes, *, sync: bool = True) -> None:
    """Replace ``pad`` by ``data`` atomically; on any error the old file is untouched and no temp file stays.

    ``sync=False`` skips both fsyncs (only for bulk loads in benchmarks; never for real saves).
    """
    pad = Path(pad)
    tmp = pad.with_name(f".{pad.name}.{os.getpid()}.{os.urandom(4).hex()}{TMP_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        _replace(str(tmp), pad)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync:
        fsync_map(pad.parent)


def ruim_tijdelijke_op(map_: Path) -> int:
    """Remove temp files that a crashed writer left in ``map_`` (only call while holding the lock)."""
    weg = 0
    if not map_.is_dir():
        return 0
    for p in map_.iterdir():
        if p.name.startswith(".") and p.name.endswith(TMP_SUFFIX):
            with contextlib.suppress(OSError):
                p.unlink()
                weg += 1
    return weg
