"""One handler for unexpected errors, shared by the TUI and the CLI: a Dutch message with an error number, and a
report for the functioneel beheerder in the user's log folder.

The report holds the traceback **without local variables** (a frame's locals can hold the passphrase, the data key,
BSNs and names) and **without the errors' messages** (one may quote any of them): per error its type, and per
frame the file, line, function and source line; for an OS error its errno and the system's text. The file is
created exclusively with mode 0600 in a 0700 folder (``SMI_TUI_LOGMAP``, else the platform's user log folder).
"""

from __future__ import annotations

import errno
import os
import secrets
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

_SCHIJF = {
    errno.ENOSPC: "De schijf is vol. Maak ruimte vrij en probeer het opnieuw.",
    errno.EROFS: "De schijf of map is alleen-lezen. Kies een beschrijfbare map of vraag de beheerder om hulp.",
    errno.EACCES: "Geen toestemming om in de map te schrijven of te lezen. Controleer de rechten van de map.",
    errno.EPERM: "Geen toestemming om in de map te schrijven of te lezen. Controleer de rechten van de map.",
    errno.EIO: "De schijf geeft een leesfout of schrijffout. Controleer de schijf en probeer het opnieuw.",
    getattr(errno, "EDQUOT", -1): "Uw schijfquotum is op. Maak ruimte vrij en probeer het opnieuw.",
}


def log_map() -> Path:
    """Where error reports go: ``SMI_TUI_LOGMAP`` or the user log folder of the platform."""
    env = os.environ.get("SMI_TUI_LOGMAP")
    if env:
        return Path(env)
    import platformdirs

    if sys.platform == "win32":  # platformdirs puts it inside the store folder there (%LOCALAPPDATA%\smi-tui\Logs)
        from smi_tui.config import standaard_datamap

        return standaard_datamap().with_name("smi-tui-log")
    return Path(platformdirs.user_log_dir("smi-tui", appauthor=False))


def _veilige_tekst(fout: BaseException) -> str:
    """What the report says of an error's message: for an OS error its errno and the system's text; for any other
    error only its length. A message can hold anything (the passphrase, a name, a BSN in a sentence), and no filter
    can recognise a passphrase or a name in free text, so it is left out."""
    if isinstance(fout, OSError) and fout.errno is not None:
        return f"[{errno.errorcode.get(fout.errno, fout.errno)}] {fout.strerror or ''}".rstrip()
    lengte = len(str(fout))
    return f"(tekst van {lengte} tekens weggelaten)" if lengte else ""


def _keten(fout: BaseException) -> list[BaseException]:
    """The error with its causes, oldest first (bounded: a cycle or a very long chain stops)."""
    uit: list[BaseException] = []
    huidige: BaseException | None = fout
    while huidige is not None and huidige not in uit and len(uit) < 10:
        uit.append(huidige)
        huidige = huidige.__cause__ or (None if huidige.__suppress_context__ else huidige.__context__)
    return uit[::-1]


def _frames(tb: TracebackType | None) -> list[str]:
    # capture_locals stays False (the default): only file, line, function and the source line are kept.
    regels = []
    for frame in traceback.extract_tb(tb, limit=60):
        regels.append(f'  bestand "{frame.filename}", regel {frame.lineno}, in {frame.name}')
        if frame.line:
            regels.append(f"    {frame.line.strip()}")
    return regels


def rapport_tekst(fout: BaseException, nummer: str) -> str:
    """The report for ``fout``: versions, and per error in the chain its frames and its filtered message."""
    regels = [
        f"smi-tui foutrapport {nummer}",
        f"tijd: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]} op {sys.platform}",
        "Lokale variabelen en foutteksten zijn weggelaten of gemaskeerd: er staan geen wachtwoorden, sleutels,",
        "BSN's of namen in dit rapport.",
        "",
    ]
    for i, f in enumerate(_keten(fout)):
        if i:
            regels.append("daardoor:")
        regels.extend(_frames(f.__traceback__))
        regels.append(f"{type(f).__module__}.{type(f).__qualname__}: {_veilige_tekst(f)}")
    return "\n".join(regels) + "\n"


def schrijf_rapport(fout: BaseException) -> tuple[str, Path | None]:
    """Write the report of ``fout``; returns its error number and path (``None`` when it could not be written,
    e.g. on a full disk — the message then says so)."""
    nummer = "F-" + secrets.token_hex(3).upper()
    tekst = rapport_tekst(fout, nummer)
    try:
        map_ = log_map()
        map_.mkdir(parents=True, exist_ok=True, mode=0o700)
        stempel = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        pad = map_ / f"fout-{stempel}-{nummer}.txt"
        vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(pad, vlaggen, 0o600)
        try:
            os.write(fd, tekst.encode("utf-8", "replace"))
        finally:
            os.close(fd)
    except OSError:
        return nummer, None
    return nummer, pad


def schijfadvies(fout: BaseException) -> str:
    """A Dutch sentence on what to do about an OS error (full, read-only or unwritable disk, I/O error)."""
    for f in reversed(_keten(fout)):
        if isinstance(f, OSError) and f.errno in _SCHIJF:
            return _SCHIJF[f.errno]
    return "De map is niet bruikbaar; controleer of hij bestaat en beschrijfbaar is, en probeer het opnieuw."


def _advies(fout: BaseException) -> str:
    if is_schijffout(fout):
        return schijfadvies(fout)
    return "Probeer het opnieuw of start smi-tui opnieuw; gebeurt het weer, geef dan het foutnummer en het rapport aan de functioneel beheerder."


def meld(fout: BaseException) -> str:
    """Write the report of an unexpected ``fout`` and return the Dutch message for the consulent."""
    nummer, pad = schrijf_rapport(fout)
    waar = (
        f"Een foutrapport zonder persoonsgegevens staat in {pad}."
        if pad is not None
        else "Het foutrapport kon niet worden geschreven (is de schijf vol?)."
    )
    return f"Er ging iets onverwachts mis (foutnummer {nummer}). {_advies(fout)} {waar} Wat al bewaard was, blijft bewaard."


def is_schijffout(fout: BaseException) -> bool:
    """Whether ``fout`` (or a cause) is a full, read-only or unwritable disk."""
    return any(isinstance(f, OSError) and f.errno in _SCHIJF for f in _keten(fout))
