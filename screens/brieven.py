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
