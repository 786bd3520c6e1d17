"""The one place where the screens call the letters: make a PDF, print a file.

``letters.maak`` makes the PDFs. Printing goes through ``letters.printen.print_pdf`` once that module exists; until
then (and when it is absent) the operating system's print command is used: ``lp`` (CUPS) or ``os.startfile`` on
Windows. The App takes a printer function, so tests and automation can record print jobs instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from smi_tui.fouten import SmiFout

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
    """Send ``pad`` to the default printer; returns a Dutch line for the status bar. Raises SmiFout."""
    try:
        from letters.printen import print_pdf as letters_print  # type: ignore[import-not-found]
    except ImportError:
        letters_print = None
    if letters_print is not None:
        letters_print(pad)
        return "naar de printer gestuurd"
    if os.name == "nt":  # pragma: no cover - Windows only
        os.startfile(str(pad), "print")  # type: ignore[attr-defined]
        return "naar de printer gestuurd"
    lp = shutil.which("lp") or shutil.which("lpr")
    if lp is None:
        raise SmiFout("Er is geen printer ingesteld (geen 'lp' gevonden); de PDF staat bewaard bij de zaak.")
    proc = subprocess.run([lp, str(pad)], capture_output=True, text=True, timeout=30, check=False)
    if proc.returncode != 0:
        raise SmiFout(f"Afdrukken lukte niet: {proc.stderr.strip() or proc.stdout.strip()}. De PDF is bewaard.")
    return "naar de printer gestuurd"
