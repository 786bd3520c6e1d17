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


def toon_pdf(pad: Path) -> str:
    """Open ``pad`` in the viewer without waiting for it; returns a Dutch line for the status bar.

    The viewer is the one the document list uses (``bekijkcommando`` in config.toml or ``SMI_TUI_BEKIJKCOMMANDO``,
    else the system's; :func:`screens.documentbekijker.opdracht`). The caller keeps ``pad`` while its dialog is
    open. The viewer gets no passphrase variables. Raises SmiFout with a Dutch message when there is none."""
    import os
    import subprocess

    from screens.documentbekijker import opdracht
    from smi_tui.fouten import SmiFout
    from smi_tui.geheimen import omgeving_zonder_geheimen

    cmd, _wacht = opdracht(pad)
    if cmd is None:  # Windows: its default program for PDF
        try:
            os.startfile(str(pad))  # type: ignore[attr-defined]  # Windows only; mypy checks as Linux (platform = "linux")
        except OSError as exc:
            raise SmiFout(f"De proefdruk kan niet worden getoond: {exc}. Is er een PDF-lezer ingesteld?") from None
        return "geopend"
    try:
        subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=omgeving_zonder_geheimen(),
            start_new_session=True,
        )
    except OSError:
        raise SmiFout(
            f"Het programma '{cmd[0]}' om de PDF te tonen is niet gevonden. Controleer 'bekijkcommando' in config.toml."
        ) from None
    return "geopend in de PDF-viewer"
