"""Retention: the destruction date of a closed dossier, and ``smi-tui opschonen`` (destroying what is due).

The destruction date is the closing date (``smi_tui.termijnen.sluitdatum``, until the core has it the case's
``gesloten_op``) plus the retention period ``bewaartermijn_jaren`` from config.toml.

There is deliberately no built-in default. The VNG "Selectielijst gemeenten en intergemeentelijke organen 2020"
(Stcrt. 2020, 11143) puts a municipal (financial) provision for a resident who qualifies by their situation
under selectielijstprocestype 8 "Voorzieningen verstrekken" (procesobject "De voorziening"; as listed by the
selectielijst API data in open-zaak/open-zaak, src/openzaak/selectielijst/tests/files/procestypen_2020.json).
The retention period belongs to the *resultaat* within that procestype the municipality chose for this zaaktype,
and we did not find that figure in a source we could cite; so the functioneel beheerder must set it (after
asking the archivaris / DIV which resultaat and term the municipality uses).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from smi_tui.fouten import SmiFout
from storage.atomair import fsync_map
from storage.bewaartermijn import (
    CONFIG_SLEUTEL as CONFIG_SLEUTEL,
)
from storage.bewaartermijn import SELECTIELIJST as SELECTIELIJST
from storage.bewaartermijn import GeenBewaartermijn as GeenBewaartermijn
from storage.bewaartermijn import bewaartermijn_jaren as bewaartermijn_jaren
from storage.bewaartermijn import vereiste_bewaartermijn as vereiste_bewaartermijn
from storage.bewaartermijn import vernietigingsdatum as vernietigingsdatum
from storage.zaakdata import ontleed_zaaknummer

if TYPE_CHECKING:
    from storage.opslag import Opslag

# --- opschonen ---


@dataclass(frozen=True)
class TeVernietigen:
    """A closed dossier whose destruction date has passed (nothing personal: no names, no BSN)."""

    zaaknummer: str
    sluitdatum: date
    vernietigingsdatum: date
    jaren: int


def te_vernietigen(opslag: Opslag, peildatum: date, jaren: int) -> list[TeVernietigen]:
    """The dossiers due on ``peildatum``: closed, and closing date + ``jaren`` on or before ``peildatum``.

    Candidates come from the index (rows with a closing date); each is re-checked against its dossier with the
    current rules and retention period, so a stale row never destroys a dossier that is not due."""
    from storage.samenvatting import sluitdatum_van

    opslag.flush()
    uit = []
    for rij in opslag._rijen():
        zn = rij["zaaknummer"]
        if not rij.get("sluitdatum") or not opslag.bestaat(zn):
            continue
        sluit = sluitdatum_van(opslag._lees_zaak(zn))
        if sluit is None:
            continue
        vernietig = vernietigingsdatum(sluit, jaren)
        if vernietig is not None and vernietig <= peildatum:
            uit.append(TeVernietigen(zn, sluit, vernietig, jaren))
    return sorted(uit, key=lambda t: ontleed_zaaknummer(t.zaaknummer))


def _regeling_id(zaak: dict[str, Any]) -> str | None:
    """The id of the regulation version the case fell under (e.g. ``eemnes-2025``), else its gemeente code."""
    try:
        from smi_tui.register import Register

        return str(Register.laad().voor(zaak["regeling"], date.fromisoformat(zaak["melding"]["datum"])).id)
    except Exception:
        code = zaak.get("regeling")
        return str(code) if isinstance(code, str) else None


def vernietig(opslag: Opslag, item: TeVernietigen, *, consulent: str) -> dict[str, Any]:
    """Destroy one dossier: its file, its documents, its index row (its drafts live inside the dossier).

    First a store-level log entry without personal data is written (zaaknummer, dates, who, number of
    documents, regulation id); then the files go. A crash halfway leaves at most files of a dossier that the
    log already names; :func:`ruim_restanten_op` removes them at the next ``opschonen``."""
    zn = item.zaaknummer
    zaak = opslag._lees_zaak(zn)
    aantal_docs = len(opslag.documenten(zn))
    entry = opslag.schrijf_logboek(
        "vernietigd",
        {
            "zaaknummer": zn,
            "sluitdatum": item.sluitdatum.isoformat(),
            "vernietigingsdatum": item.vernietigingsdatum.isoformat(),
            "consulent": consulent,
            "aantal_documenten": aantal_docs,
            "regeling": _regeling_id(zaak),
            "bewaartermijn_jaren": item.jaren,
        },
    )
    _verwijder_bestanden(opslag, zn)
    return entry


def _verwijder_bestanden(opslag: Opslag, zn: str) -> None:
    opslag._dossiers.pop(zn, None)
    try:
        opslag.dossier_pad(zn).unlink(missing_ok=True)
        shutil.rmtree(opslag.map / "documenten" / zn, ignore_errors=False)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise SmiFout(
            f"Zaak {zn} kon niet volledig worden vernietigd ({exc.strerror}). Voer 'smi-tui opschonen' opnieuw uit; "
            "wat al in het logboek staat, wordt dan opgeruimd."
        ) from None
    opslag._verwijder_index(zn)
    if opslag._sync:
        for map_ in (opslag.map / "dossiers", opslag.map / "documenten"):
            fsync_map(map_)


def ruim_restanten_op(opslag: Opslag) -> list[str]:
    """Remove what an interrupted destruction left behind (documents or index rows of a logged, destroyed case)."""
    vernietigd = {e.get("zaaknummer") for e in opslag.logboek() if e.get("actie") == "vernietigd"}
    opgeruimd = []
    for zn in sorted(z for z in vernietigd if isinstance(z, str)):
        rest = (
            opslag.dossier_pad(zn).exists()
            or (opslag.map / "documenten" / zn).exists()
            or any(r["zaaknummer"] == zn for r in opslag._rijen())
        )
        if rest:
            _verwijder_bestanden(opslag, zn)
            opgeruimd.append(zn)
    opslag.flush()
    return opgeruimd


def opschonen(opslag: Opslag, items: list[TeVernietigen], *, consulent: str) -> list[dict[str, Any]]:
    """Destroy every dossier in ``items``; returns the log entries."""
    uit = [vernietig(opslag, item, consulent=consulent) for item in items]
    opslag.flush()
    return uit
