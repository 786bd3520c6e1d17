"""The letters: ontvangstbevestiging, verslag, beschikking, plan van aanpak and the letters after the decision
(verzoek om aanvulling, verdaging, verlengingsbeschikking, wijzigingsbeschikking) as archival PDFs (PDF/A-2b).

Each letter is a function ``Zaak + Beoordeling -> PDF bytes``; :func:`maak` picks it by name. A letter about one
of several records of a case (an opschorting, an extension, a revision) takes ``nummer`` (1-based, in the order
the records were entered; default the latest). The privacy export (``letters.inzage.maak_inzage``) has no single
case and is a plain function. ReportLab is imported only when a letter is actually made, so importing this
package stays fast and headless.
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
    "verzoek-aanvulling": "letters.verzoek_aanvulling",
    "verdaging": "letters.verdaging",
    "verlengingsbeschikking": "letters.verlengingsbeschikking",
    "wijzigingsbeschikking": "letters.wijzigingsbeschikking",
}
PROEF_MARKERING = "PROEFDRUK — NIET VERZENDEN — nog niet definitief"
"""What every page of a proof of a registered case says in red (``maak(..., proef=True)``)."""
MET_NUMMER = ("verzoek-aanvulling", "verlengingsbeschikking", "wijzigingsbeschikking")
"""The letters about one of several records of a case; ``nummer`` chooses which (default the latest)."""


class BriefFout(SmiFout):
    """A letter cannot be made from this case (e.g. a beschikking without a besluit)."""


def hoort_niet_bij(soort: str, zaak: Zaak) -> str:
    """Why letter ``soort`` does not belong to ``zaak`` (a Dutch sentence), or "" when it does: a refused
    application gets no plan van aanpak, since there is no childcare to plan."""
    besluit = zaak.besluit
    if soort == "plan-van-aanpak" and besluit is not None and besluit.beslissing == "afwijzen":
        return (
            "Bij een afwijzing hoort geen plan van aanpak: er wordt geen kinderopvang toegekend. Maak alleen de "
            "beschikking."
        )
    return ""


def bij_zaak(soorten: tuple[str, ...], zaak: Zaak) -> tuple[str, ...]:
    """The letters of ``soorten`` that belong to ``zaak`` (see :func:`hoort_niet_bij`), in the same order."""
    return tuple(s for s in soorten if not hoort_niet_bij(s.strip().replace("_", "-"), zaak))


def maak(
    soort: str,
    zaak: Zaak,
    beoordeling: Beoordeling | None = None,
    *,
    datum: date | None = None,
    nummer: int | None = None,
    proef: bool = False,
) -> bytes:
    """Make the letter ``soort`` (see :data:`SOORTEN`) for ``zaak`` and return the PDF bytes.

    ``beoordeling`` is the case's assessment; when omitted it is made with the regulation in force on the date
    of the melding. ``datum`` is the date on the letter; by default a date from the case (see each letter), so
    the same case always gives the same bytes. ``nummer`` chooses the record for the letters in
    :data:`MET_NUMMER` (1 = the first entered; default the latest). A case without a zaaknummer is refused: a
    letter that goes to a parent carries the case's reference. ``proef`` makes one anyway, as a proof: every page
    then says in red that it must not be sent, and the reference says why; a proof of a registered case says so
    in red on every page too (:data:`PROEF_MARKERING`).
    """
    soort = soort.strip().replace("_", "-")
    if soort not in SOORTEN:
        raise BriefFout(f"Onbekende brief '{soort}'. Kies uit: {', '.join(SOORTEN)}.")
    extra: dict[str, int | None] = {}
    if soort in MET_NUMMER:
        extra["nummer"] = nummer
    elif nummer is not None:
        raise BriefFout(
            f"De brief '{soort}' gaat over de hele zaak; een nummer kiezen kan alleen bij {', '.join(MET_NUMMER)}."
        )
    if not zaak.zaaknummer and not proef:
        raise BriefFout(
            f"Deze zaak heeft nog geen zaaknummer, dus de brief '{soort}' kan nog niet worden verstuurd: leg de zaak "
            "eerst vast (in het programma, of met smi-tui importeer) en maak de brief dan. Een proefdruk om na te "
            "lezen kan wel: die is op elke pagina gemarkeerd als niet te verzenden."
        )
    if reden := hoort_niet_bij(soort, zaak):
        raise BriefFout(reden)
    module = importlib.import_module(SOORTEN[soort])
    module.controleer(zaak, **extra)  # a clear error before any assessment or layout work
    if beoordeling is None:
        from smi_tui.beoordeling import beoordeel_zaak

        beoordeling = beoordeel_zaak(zaak, peildatum=datum or zaak.melding.datum)
    if proef and zaak.zaaknummer:  # a proof of a registered case (e.g. before the definitive beschikking)
        from letters.briefpapier import gemarkeerd

        with gemarkeerd(PROEF_MARKERING):
            return module.maak(zaak, beoordeling, datum=datum, **extra)
    return module.maak(zaak, beoordeling, datum=datum, **extra)


__all__ = ["MET_NUMMER", "PROEF_MARKERING", "SOORTEN", "BriefFout", "bij_zaak", "hoort_niet_bij", "maak"]
