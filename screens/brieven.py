"""The one place where the screens call the letters: make a PDF, print a file.

``letters.maak`` makes the PDFs; ``letters.printen.print_pdf`` prints (CUPS ``lp``, the Windows print verb or a
configured command). The App takes a printer function, so tests and automation can record print jobs instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smi_tui.beoordeling import Beoordeling
    from smi_tui.zaak import Zaak

NAMEN = {"ontvangstbevestiging": "Ontvangstbevestiging", "verslag": "Verslag", "beschikking": "Beschikking",
         "plan-van-aanpak": "Plan van aanpak"}  # fmt: skip


def maak(soort: str, zaak: Zaak, beoordeling: Beoordeling | None) -> bytes:
    """The PDF bytes of letter ``soort`` for ``zaak`` (see ``letters.SOORTEN``)."""
    import letters

    return letters.maak(soort, zaak, beoordeling)


def print_pdf(pad: Path) -> str:
    """Send ``pad`` to the printer through ``letters.printen``; returns a Dutch line for the status bar.

    Raises SmiFout (``PrintFout``) with a Dutch message when there is no printer."""
    from letters.printen import print_pdf as letters_print

    return letters_print(pad) or "naar de printer gestuurd"


ENV_PDFVIEWER = "SMI_TUI_PDFVIEWER"


def toon_pdf(pad: Path) -> str:
    """Open ``pad`` in the PDF viewer without waiting for it; returns a Dutch line for the status bar.

    The viewer is ``SMI_TUI_PDFVIEWER`` or config.toml's ``pdfviewer`` (a command; ``{bestand}`` is the file, else
    it is added at the end), else the system's own: ``xdg-open`` (Linux), ``open`` (macOS), the Windows open verb.
    The viewer gets no passphrase variables. Raises SmiFout with a Dutch message when there is none."""
    import os
    import shlex
    import shutil
    import subprocess
    import sys

    from smi_tui.config import lees_config
    from smi_tui.fouten import SmiFout
    from smi_tui.geheimen import omgeving_zonder_geheimen

    sjabloon = os.environ.get(ENV_PDFVIEWER) or str(lees_config().get("pdfviewer") or "")
    if sjabloon:
        delen = shlex.split(sjabloon, posix=os.name != "nt")
        opdracht = [d.replace("{bestand}", str(pad)) for d in delen]
        if not any("{bestand}" in d for d in delen):
            opdracht.append(str(pad))
    elif os.name == "nt":
        os.startfile(str(pad))  # type: ignore[attr-defined]  # Windows only; mypy checks as Linux (platform = "linux")
        return "geopend"
    else:
        programma = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
        if programma is None:
            raise SmiFout("Er is geen programma om een PDF te tonen (xdg-open ontbreekt). Stel 'pdfviewer' in "
                          "config.toml in, bijvoorbeeld pdfviewer = \"evince {bestand}\".")  # fmt: skip
        opdracht = [programma, str(pad)]
    try:
        subprocess.Popen(opdracht, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=omgeving_zonder_geheimen(), start_new_session=True)  # fmt: skip
    except OSError:
        raise SmiFout(f"Het programma '{opdracht[0]}' om de PDF te tonen is niet gevonden. Controleer 'pdfviewer' "
                      "in config.toml.") from None  # fmt: skip
    return "geopend in de PDF-viewer"
