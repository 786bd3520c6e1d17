"""Deleting a case entered by mistake, or never pursued: only while no letter has gone out for it.

Once a letter has been sent — an ontvangstbevestiging, a verzoek om aanvulling, a verdaging, a beschikking — the
case is part of the municipality's record of what it did towards a resident: the Archiefwet 1995 (art. 3) obliges
it to keep such records in good order and to destroy them only after the retention period of its selectielijst
(``smi-tui opschonen``). Such a case is refused here; a decision sent is changed or withdrawn by a herziening or
intrekking (F2, dossier) instead.

What a deletion leaves: one entry in the store-level log (``meta.smi``, hash-chained and keyed) with the
zaaknummer, who (the consulent and the login), when, the regulation and how many documents and drafts went — no
name, BSN or other personal data. The zaaknummer is never handed out again (the manifest keeps it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storage.fouten import OpslagFout

if TYPE_CHECKING:
    from storage.opslag import Opslag

ONTVANGEN = ("scan", "bijlage", "ontvangen")
"""Document kinds that came in (a scan, an attachment), not letters the municipality sent."""


def _geldend(records: Any) -> list[dict[str, Any]]:
    return [r for r in records or () if isinstance(r, dict) and not r.get("ingetrokken")]


def verzonden_brieven(zaak: dict[str, Any], documenten: list[dict[str, Any]]) -> list[str]:
    """What has gone out for a case, in Dutch (empty: nothing, the case may be deleted).

    Counted as sent: a beschikking printed or marked as sent; a verzoek om aanvulling, a verdaging, a decision on
    an extension or a change (each is a letter the day it is recorded); every stored document except one that came
    in (:data:`ONTVANGEN`, or marked ``ontvangen_op``) — the app stores a letter when it prints it."""
    uit: list[str] = []
    besluit = zaak.get("besluit")
    if not isinstance(besluit, dict):
        besluit = {}
    if besluit.get("afgedrukt_op") or besluit.get("verzonden_op"):
        uit.append("de beschikking is afgedrukt of verzonden")
    if _geldend(zaak.get("opschortingen")):
        uit.append("een verzoek om aanvulling is verzonden")
    verdaging = zaak.get("verdaging")
    if isinstance(verdaging, dict) and not verdaging.get("ingetrokken"):
        uit.append("een verdaging is verzonden")
    if any(r.get("verzonden_op") or r.get("besluit_datum") for r in _geldend(zaak.get("verlengingen"))):
        uit.append("een besluit op een verlenging is verzonden")
    if any(r.get("verzonden_op") or r.get("besluit_datum") for r in _geldend(zaak.get("wijzigingen"))):
        uit.append("een herziening, intrekking of beëindiging is verzonden")
    brieven = [d for d in documenten if d.get("soort") not in ONTVANGEN and not d.get("ontvangen_op")]
    if brieven:
        namen = sorted({str(d.get("soort") or "document").replace("-", " ").replace("_", " ") for d in brieven})
        uit.append(
            f"er {'is een brief' if len(brieven) == 1 else f'zijn {len(brieven)} brieven'} gemaakt en "
            f"afgedrukt ({', '.join(namen)})"
        )
    return uit


def weigering(zaaknummer: str, redenen: list[str]) -> str:
    """The Dutch refusal for a case with sent letters: why, and what to do instead."""
    return (
        f"Zaak {zaaknummer} kan niet worden verwijderd: {'; '.join(redenen)}. Wat de gemeente aan een inwoner "
        "heeft gestuurd, moet zij bewaren tot de bewaartermijn voorbij is (Archiefwet 1995, art. 3; daarna "
        "vernietigt 'smi-tui opschonen' het dossier). Is een besluit ten onrechte genomen, trek het dan in of "
        "herzie het via het dossier (F2)."
    )


def controleer(opslag: Opslag, zaaknummer: str) -> None:
    """Raise :class:`OpslagFout` (Dutch, with the reason) when ``zaaknummer`` may not be deleted."""
    redenen = verzonden_brieven(opslag.laad(zaaknummer), opslag.documenten(zaaknummer))
    if redenen:
        raise OpslagFout(weigering(zaaknummer, redenen))


def verwijder(opslag: Opslag, zaaknummer: str, consulent: str) -> dict[str, Any]:
    """Delete a case without sent letters: its dossier (with its drafts and audit trail), its documents and its
    index row; returns the store-level log entry. The log entry is written first: no case disappears unlogged
    (a crash in between leaves the case, logged as deleted; deleting it again finishes the job)."""
    zaak = opslag.laad(zaaknummer)
    documenten = opslag.documenten(zaaknummer)
    redenen = verzonden_brieven(zaak, documenten)
    if redenen:
        raise OpslagFout(weigering(zaaknummer, redenen))
    if not consulent.strip():
        raise OpslagFout("Wie verwijdert de zaak? Vul eerst uw naam in (F3, Instellingen).")
    regeling = zaak.get("regeling") if isinstance(zaak.get("regeling"), str) else None
    entry = opslag.schrijf_logboek(
        "verwijderd",
        {
            "zaaknummer": zaaknummer,
            "consulent": consulent,
            "regeling": regeling,
            "stap": zaak.get("stap") if isinstance(zaak.get("stap"), str) else None,
            "aantal_documenten": len(documenten),
            "aantal_concepten": len(zaak.get("concepten") or {}),
            "reden": "geen brief verzonden",
        },
    )
    # meta's list of deleted numbers, as before: `controleer` checks the manifest's against it and the log
    opslag._meta_db().table("verwijderd").insert(
        {"zaaknummer": zaaknummer, "tijd": entry["tijd"], "gebruiker": entry["gebruiker"], "consulent": consulent}
    )
    opslag._manifest.noteer_verwijderd(zaaknummer)
    opslag._manifest.schrijf()
    from storage.bewaren import _verwijder_bestanden

    _verwijder_bestanden(opslag, zaaknummer)
    return entry
