"""Printing a PDF: a configured print command, else CUPS ``lp`` (Linux, macOS), else the Windows print verb.

The print command comes from ``SMI_TUI_PRINTCOMMANDO`` (tests) or the ``printcommando`` key of config.toml,
e.g. ``printcommando = "lpr -P kantoor {bestand}"``; ``{bestand}`` and ``{printer}`` are filled in (without
``{bestand}`` the file is added at the end). Every failure is a PrintFout with a Dutch message.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from smi_tui.fouten import SmiFout
from smi_tui.geheimen import omgeving_zonder_geheimen

ENV_PRINTCOMMANDO = "SMI_TUI_PRINTCOMMANDO"


class PrintFout(SmiFout):
    """The PDF could not be handed to a printer."""


def _printcommando() -> str | None:
    env = os.environ.get(ENV_PRINTCOMMANDO)
    if env:
        return env
    from smi_tui.config import lees_config

    waarde = lees_config().get("printcommando")
    return str(waarde) if waarde else None


def _opdracht(sjabloon: str, pad: Path, printer: str | None) -> list[str]:
    delen = shlex.split(sjabloon, posix=os.name != "nt")
    heeft_bestand = any("{bestand}" in d for d in delen)
    uit = []
    for d in delen:
        if "{printer}" in d:
            if not printer:
                continue
            d = d.replace("{printer}", printer)
        uit.append(d.replace("{bestand}", str(pad)))
    return uit if heeft_bestand else [*uit, str(pad)]


def _voer_uit(opdracht: list[str]) -> str:
    try:
        res = subprocess.run(opdracht, capture_output=True, text=True, timeout=60, check=False,
                             env=omgeving_zonder_geheimen())  # no SMI_TUI_WACHTWOORD for the print command  # fmt: skip
    except FileNotFoundError:
        raise PrintFout(f"Het printprogramma '{opdracht[0]}' is niet gevonden. Controleer het printcommando.") from None
    except subprocess.TimeoutExpired:
        raise PrintFout("De printer reageert niet (na 60 seconden). Probeer het later opnieuw.") from None
    melding = (res.stderr or res.stdout or "").strip()
    if res.returncode != 0:
        if "no default destination" in melding.lower() or "geen standaard" in melding.lower():
            raise PrintFout(
                "Er is geen standaardprinter ingesteld. Kies een printer met --printer NAAM, of stel een "
                "standaardprinter in."
            )
        if "does not exist" in melding.lower() or "bestaat niet" in melding.lower():
            raise PrintFout(f"Die printer bestaat niet ({melding}). Kies een andere printer.")
        raise PrintFout(f"Afdrukken is mislukt: {melding or f'foutcode {res.returncode}'}.")
    return (res.stdout or "").strip()


def print_pdf(pad: Path | str, printer: str | None = None) -> str:
    """Send the PDF at ``pad`` to ``printer`` (or the default printer); returns the spooler's message (may be
    empty). Raises PrintFout with a Dutch message when it cannot be printed."""
    pad = Path(pad)
    if not pad.is_file():
        raise PrintFout(f"Het bestand {pad} bestaat niet.")
    sjabloon = _printcommando()
    if sjabloon:
        return _voer_uit(_opdracht(sjabloon, pad, printer))
    if sys.platform == "win32":
        if printer:
            raise PrintFout(
                "Kiezen van een printer kan op Windows alleen met een printcommando in config.toml; "
                "zonder printer gaat de PDF naar de standaardprinter."
            )
        try:
            os.startfile(str(pad), "print")  # type: ignore[attr-defined]
        except OSError as exc:
            raise PrintFout(f"Afdrukken is mislukt: {exc}. Is er een PDF-lezer en een printer ingesteld?") from None
        return ""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintFout(
            "Er is geen printer beschikbaar: het programma 'lp' (CUPS) ontbreekt. Installeer CUPS of "
            "stel 'printcommando' in config.toml in."
        )
    opdracht = [lp, *(["-d", printer] if printer else []), "-t", pad.name, "--", str(pad)]
    return _voer_uit(opdracht)
