"""The letters: ontvangstbevestiging, verslag, beschikking and plan van aanpak as archival PDFs (PDF/A-2b).

Each letter is a function ``Zaak + Beoordeling -> PDF bytes``; :func:`maak` picks it by name. ReportLab is
imported only when a letter is actually made, so importing this package stays fast and headless.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING

from smi_tui.fouten import SmiFout

if TYPE_CHECKING:
    from smi_tui.beoordeling import Beoordeling
    from smi_tui.zaak import Zaak

SOORTEN: dict[str, str] = {
    "ontvangstbevestiging": "letters.ontvangstbevestiging",
    "verslag": "letters.verslag",
    "beschikking": "letters.beschikking",
    "plan-van-aanpak": "letters.plan_van_aanpak",
}


class BriefFout(SmiFout):
    """A letter cannot be made from this case (e.g. a beschikking without a besluit)."""


def maak(soort: str, zaak: Zaak, beoordeling: Beoordeling | None = None, *, datum: date | None = None) -> bytes:
    """Make the letter ``soort`` (see :data:`SOORTEN`) for ``zaak`` and return the PDF bytes.

    ``beoordeling`` is the case's assessment; when omitted it is made with the regulation in force on the date
    of the melding. ``datum`` is the date on the letter; by default a date from the case (see each letter), so
    the same case always gives the same bytes.
    """
    if soort not in SOORTEN:
        raise BriefFout(f"Onbekende brief '{soort}'. Kies uit: {', '.join(SOORTEN)}.")
    module = importlib.import_module(SOORTEN[soort])
    module.controleer(zaak)  # a clear error before any assessment or layout work
    if beoordeling is None:
        from smi_tui.beoordeling import beoordeel_zaak

        beoordeling = beoordeel_zaak(zaak, peildatum=datum or zaak.melding.datum)
    return module.maak(zaak, beoordeling, datum=datum)


__all__ = ["SOORTEN", "BriefFout", "maak"]
