"""Keeping the passphrase and the data key where they belong: out of core dumps, out of child processes'
environments, and a passphrase policy with Dutch advice.

The strength estimate is ``zxcvbn`` (Dropbox's estimator, Python port): it recognises keyboard walks, repeats,
sequences, dates and common passwords, which a count of character classes does not ("Welkom2026!" has all four).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path

GEHEIME_OMGEVING = ("SMI_TUI_WACHTWOORD", "SMI_TUI_NIEUW_WACHTWOORD")
MIN_LENGTE = 12
MIN_SCORE = 3  # zxcvbn 0..4; 3 = "safely unguessable: moderate protection from offline slow-hash scenario"


def omgeving_zonder_geheimen() -> dict[str, str]:
    """The environment for a child process (print command, viewer): without the passphrase variables."""
    return {k: v for k, v in os.environ.items() if k not in GEHEIME_OMGEVING}


def schrijf_prive(pad: Path, data: bytes) -> None:
    """Write ``data`` to ``pad`` for the consulent only (0600): through a temp file next to it with an unpredictable
    name, created exclusively and never through a symlink, then renamed over ``pad``; removed on any failure, so a
    full disk leaves neither a partial file nor a temp file."""
    pad = Path(pad)
    tmp = pad.with_name(f".{pad.name}.{secrets.token_hex(8)}.tmp")
    vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, vlaggen, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, pad)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def kern_dumps_uit() -> None:
    """No core dump of this process (it would hold the passphrase, the key, BSNs and names): RLIMIT_CORE 0 and,
    on Linux, PR_SET_DUMPABLE 0 (also keeps other processes of the same user from attaching a debugger)."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4 (linux/prctl.h)


def wachtzin_advies(wachtwoord: str) -> tuple[str, bool]:
    """Dutch advice on a new passphrase and whether it is acceptable (length and the zxcvbn estimate)."""
    if len(wachtwoord) < MIN_LENGTE:
        return (
            f"Te kort: gebruik minstens {MIN_LENGTE} tekens, liefst een zin van vier of meer gewone woorden "
            "die niet bij elkaar horen."
        ), False
    import zxcvbn

    score = int(zxcvbn.zxcvbn(wachtwoord[:100])["score"])  # the estimate is slow on very long input; 100 is plenty
    if score < MIN_SCORE:
        return (
            "Te makkelijk te raden (een bekend wachtwoord, een reeks of een herhaling). Kies een zin van vier of "
            "meer gewone woorden die niet bij elkaar horen."
        ), False
    if score == MIN_SCORE:
        return "Redelijk: nog een woord erbij maakt het sterker.", True
    return "Sterk: een lange wachtzin is goed te onthouden en moeilijk te raden.", True
