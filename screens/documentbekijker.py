"""Showing a stored document in the system's viewer, from a private decrypted copy that is removed afterwards.

The viewer is the command in ``SMI_TUI_BEKIJKCOMMANDO`` (tests) or ``bekijkcommando`` in config.toml (a string or a
TOML list, ``{bestand}`` filled in, as ``printcommando``), else the system's: ``xdg-open`` (Linux), ``open -W``
(macOS), ``os.startfile`` (Windows). A configured command and ``open -W`` return when the viewer closes: the copy
is removed then. ``xdg-open`` and ``os.startfile`` hand the file over and return at once, so the copy stays
:data:`BEWAAR_SECONDEN` for the viewer to read it. In any case every copy goes on lock and on exit
(:func:`storage.documenten.ruim_kopieen_op`), and one left by a process that died goes at the next start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from smi_tui.fouten import SmiFout
from smi_tui.geheimen import omgeving_zonder_geheimen

ENV_BEKIJKCOMMANDO = "SMI_TUI_BEKIJKCOMMANDO"
BEWAAR_SECONDEN = 30.0
"""How long a copy handed to a viewer that does not wait (xdg-open, Windows) stays, at most."""


def _sjabloon() -> str | list[str] | None:
    from smi_tui.config import commando

    return commando("bekijkcommando", ENV_BEKIJKCOMMANDO, "bekijkcommando = ['evince', '{bestand}']")


def opdracht(pad: Path) -> tuple[list[str] | None, bool]:
    """(command, waits for the viewer to close); (None, False) on Windows, where ``os.startfile`` opens it."""
    from letters.printen import _opdracht  # the same {bestand} rules as the print command

    sjabloon = _sjabloon()
    if sjabloon:
        return _opdracht(sjabloon, pad, None), True
    if sys.platform == "win32":
        return None, False
    if sys.platform == "darwin":
        return ["open", "-W", str(pad)], True
    if shutil.which("xdg-open") is None:
        raise SmiFout(
            "Er is geen programma gevonden om het document te tonen (xdg-open ontbreekt). Vraag de "
            "functioneel beheerder om 'bekijkcommando' in config.toml in te stellen, bijvoorbeeld "
            'bekijkcommando = "evince {bestand}".'
        )
    return ["xdg-open", str(pad)], False


def toon(pad: Path) -> bool:
    """Open ``pad`` in the viewer; returns whether the viewer has closed again (False: it may still be reading)."""
    cmd, wacht = opdracht(pad)
    if cmd is None:
        try:
            os.startfile(str(pad))  # type: ignore[attr-defined]  # Windows only; mypy checks as Linux (platform = "linux")
        except OSError as exc:
            raise SmiFout(f"Het document kan niet worden getoond: {exc}. Is er een PDF-lezer ingesteld?") from None
        return False
    try:
        res = subprocess.run(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=omgeving_zonder_geheimen(),
            start_new_session=True,
            check=False,
        )
    except FileNotFoundError:
        raise SmiFout(
            f"Het programma '{cmd[0]}' om documenten te tonen is niet gevonden. Controleer "
            "'bekijkcommando' in config.toml."
        ) from None
    except OSError as exc:
        raise SmiFout(f"Het programma '{cmd[0]}' kon niet starten ({exc.strerror}).") from None
    if res.returncode != 0:
        raise SmiFout(
            f"Het programma '{cmd[0]}' kon het document niet tonen (foutcode {res.returncode}). Is er een "
            "programma voor PDF's en afbeeldingen ingesteld?"
        )
    return wacht


def bekijk(app: Any, zaaknummer: str, doc: dict[str, Any]) -> None:
    """Decrypt ``doc`` to a private copy and show it, on a thread of its own (a viewer may stay open for long);
    the copy is removed when the viewer closes (or after :data:`BEWAAR_SECONDEN`), on lock and on exit."""
    app.notify(
        "Het document wordt geopend. De tijdelijke kopie wordt verwijderd zodra u het sluit (en altijd bij "
        "vergrendelen of afsluiten)."
    )
    threading.Thread(target=_bekijk, args=(app, zaaknummer, doc), daemon=True, name="bekijken").start()


def _bekijk(app: Any, zaaknummer: str, doc: dict[str, Any]) -> None:
    begin = time.monotonic()
    try:
        with app.slot:
            if app.opslag is None:
                return
            kopie = app.opslag.document_kopie(zaaknummer, doc["id"], naam=str(doc.get("naam") or "document.pdf"))
    except SmiFout as exc:
        _meld(app, exc.melding)
        return
    try:
        gesloten = toon(kopie.pad)
        while not gesloten and kopie.bestaat and time.monotonic() - begin < BEWAAR_SECONDEN:
            time.sleep(0.2)
    except SmiFout as exc:
        _meld(app, exc.melding)
    finally:
        kopie.verwijder()


def _meld(app: Any, melding: str) -> None:
    with contextlib.suppress(RuntimeError):  # the App has stopped meanwhile
        app.call_from_thread(app.notify, melding, title="Niet te tonen", severity="error", timeout=20)
