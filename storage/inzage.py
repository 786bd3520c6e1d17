"""Privacy requests (inzage, artikel 15 AVG): everything the store holds about one person, by BSN.

``smi-tui inzage BSN -o MAP`` writes into MAP (new or empty; created with mode 0700):

- ``inzage.json``: ``{"bsn", "gemaakt_op", "zaken": [...], "concept_nieuwe_melding", "eerdere_inzageverzoeken"}``;
  per case: ``zaaknummer``, ``rol`` (ouder/kind), ``zaak`` (the stored case as is), ``info`` (version and times),
  ``documenten`` (id, naam, soort, grootte, sha256, toegevoegd_op, ``bestand``: the copy in MAP), ``audit`` (one
  line per changed field, for reading) and ``auditketen`` (the hash-chained entries as stored);
- ``documenten/<zaaknummer>/…``: the stored documents themselves, checked against their SHA-256;
- besides the data, what artikel 15 lid 1 asks to be told: ``kenmerk`` (the request's reference, also in the log:
  the letter's reference instead of the BSN), ``bewaartermijn`` (years and their basis) and per case
  ``gesloten_op``, ``vernietigen_na`` and ``zaaksysteem`` (whether the case was handed to the municipality's
  zaaksysteem, a recipient);
- ``inzage.pdf``: the same as a readable letter (``letters.inzage.maak_inzage``, handed in as ``maak_pdf`` by the
  composition root ``smi_tui.__main__``: storage never imports letters — DESIGN.md, checked by import-linter).

The request is logged in the store-level log (who, when, a keyed hash of the BSN — never the BSN itself).
Everything in MAP is unencrypted: hand it over securely and delete it afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smi_tui.fouten import SmiFout
from storage.samenvatting import bsns_van, normaliseer_bsn
from storage.tinyopslag import schrijf_fout

if TYPE_CHECKING:
    from storage.opslag import Opslag

# Makes the readable PDF from the inzage data (``letters.inzage.maak_inzage``); None when letters has no such letter.
MaakPdf = Callable[[dict[str, Any]], bytes]

_ONVEILIG = re.compile(r"[^\w .()-]+")


def controleer_bsn(bsn: str) -> str:
    """The BSN normalised to 9 digits; a Dutch error (exit 2) when it is not one (length or 11-test)."""
    from stdnum.nl import bsn as stdnum_bsn

    b = normaliseer_bsn(bsn)
    if b is None or not stdnum_bsn.is_valid(b):
        raise SmiFout(f"'{bsn}' is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de 11-proef.")
    return b


def veilige_naam(naam: str) -> str:
    """A file name without folders or odd characters (document names come from inside the store), at most 100
    characters; a long name is cut in its stem, so it keeps its extension (a PDF still opens as one)."""
    schoon = _ONVEILIG.sub("_", Path(str(naam).replace("\\", "/")).name).strip(" .")
    extensie = Path(schoon).suffix
    if len(schoon) > 100 and re.fullmatch(r"\.[A-Za-z0-9]{1,10}", extensie):
        return schoon[: 100 - len(extensie)].rstrip(" .") + extensie
    return schoon[:100] or "document"


def _rollen(zaak: dict[str, Any], bsn: str) -> list[str]:
    melding = zaak["melding"] if isinstance(zaak.get("melding"), dict) else {}
    rollen = []
    for sleutel, rol in (("ouders", "ouder"), ("kinderen", "kind")):
        for p in melding.get(sleutel) or []:
            if isinstance(p, dict) and normaliseer_bsn(p.get("bsn")) == bsn:
                rollen.append(rol)
    return rollen


def _auditregels(trail: list[dict[str, Any]]) -> list[dict[str, Any]]:
    regels = []
    for e in trail:
        basis = {k: e.get(k) for k in ("nr", "tijd", "gebruiker", "consulent", "stap", "actie")}
        for w in e.get("wijzigingen") or [None]:
            regels.append(
                {**basis, "veld": (w or {}).get("veld"), "oud": (w or {}).get("oud"), "nieuw": (w or {}).get("nieuw")}
            )
    return regels


def inzage_kenmerk(gemaakt: date, bsn_kenmerk: str) -> str:
    """The request's reference: 'INZ-20260504-1A2B3C4D' (the date and the start of the keyed BSN hash, so two
    requests of one person on one day share it; the BSN itself never appears)."""
    return f"INZ-{gemaakt:%Y%m%d}-{bsn_kenmerk[:8].upper()}"


def _bewaartermijn() -> dict[str, Any]:
    """The retention period as configured (None when none is set: then nothing is destroyed) and its basis."""
    from storage.bewaartermijn import SELECTIELIJST, GeenBewaartermijn, bewaartermijn_jaren

    try:
        jaren = bewaartermijn_jaren()
    except GeenBewaartermijn:
        jaren = None
    return {"jaren": jaren, "grondslag": SELECTIELIJST}


def _bewaren(zaak: dict[str, Any], jaren: int | None) -> dict[str, str | None]:
    from storage.bewaartermijn import vernietigingsdatum
    from storage.samenvatting import sluitdatum_van

    gesloten = sluitdatum_van(zaak)
    na = vernietigingsdatum(gesloten, jaren) if gesloten is not None and jaren is not None else None
    return {"gesloten_op": gesloten.isoformat() if gesloten else None, "vernietigen_na": na.isoformat() if na else None}


def _zaaksysteem(opslag: Opslag, zn: str) -> dict[str, Any]:
    """Whether the zaaksysteem is set up and whether this case was handed to it (a recipient, artikel 15 lid 1 c)."""
    from tinydb import Query

    from smi_tui import config

    ingesteld = bool(str(config.lees_config().get("zaaksysteem_url") or "").strip())
    try:  # the table storage.zaaksysteem.register keeps (not imported: that package imports back into storage)
        rij = opslag._meta_db().table("zaaksysteem").get(Query().zaaknummer == zn)
        gedeeld = bool(rij and rij.get("objecten"))
    except Exception:  # a store without the table: never synced
        gedeeld = False
    return {"ingesteld": ingesteld, "gedeeld": gedeeld}


def verzamel(opslag: Opslag, bsn: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The inzage data for ``bsn`` (already checked) and the files to write next to it (relative path → bytes)."""
    kenmerk = opslag.bsn_kenmerk(bsn)
    bewaartermijn = _bewaartermijn()
    zaken, bestanden = [], {}
    for zn in opslag.zaken_met_bsn(bsn):
        zaak = opslag.laad(zn)
        if bsn not in bsns_van(zaak):  # a stale index row: the dossier decides
            continue
        documenten = []
        for d in opslag.documenten(zn):
            rel = f"documenten/{zn}/{d['id'][:8]}-{veilige_naam(d.get('naam') or 'document')}"
            bestanden[rel] = opslag.document(zn, d["id"])
            documenten.append(
                {
                    "id": d["id"],
                    "naam": d.get("naam"),
                    "soort": d.get("soort"),
                    "grootte": d.get("grootte"),
                    "sha256": d.get("sha256"),
                    "toegevoegd_op": d.get("toegevoegd"),
                    "bestand": rel,
                }
            )
        trail = opslag.audit(zn)
        zaken.append(
            {
                "zaaknummer": zn,
                "rol": _rollen(zaak, bsn),
                "zaak": zaak,
                "info": opslag.info(zn),
                "documenten": documenten,
                "audit": _auditregels(trail),
                "auditketen": trail,
                **_bewaren(zaak, bewaartermijn["jaren"]),
                "zaaksysteem": _zaaksysteem(opslag, zn),
            }
        )
    concept = opslag.laad_los_concept()
    if concept is not None and bsn not in json.dumps(concept, ensure_ascii=False):
        concept = None
    eerder = [
        {"tijd": e.get("tijd"), "gebruiker": e.get("gebruiker"), "consulent": e.get("consulent")}
        for e in opslag.logboek()
        if e.get("actie") == "inzage" and e.get("bsn_kenmerk") == kenmerk
    ]
    vandaag = date.today()
    gegevens = {
        "bsn": bsn,
        "kenmerk": inzage_kenmerk(vandaag, kenmerk),
        "gemaakt_op": vandaag.isoformat(),
        "bewaartermijn": bewaartermijn,
        "zaken": zaken,
        "concept_nieuwe_melding": concept,
        "eerdere_inzageverzoeken": eerder,
    }
    return gegevens, bestanden


def _schrijf(pad: Path, data: bytes) -> None:
    nieuw, map_ = [], pad.parent
    while not map_.exists():  # each new folder 0700 (mkdir's parents=True makes the upper ones 0755)
        nieuw.append(map_)
        map_ = map_.parent
    for m in reversed(nieuw):
        m.mkdir(mode=0o700)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def bereid_map(map_: Path) -> Path:
    """Create ``map_`` (0700) or accept it when empty; refuse a non-empty folder or a file."""
    map_ = Path(map_)
    if map_.exists() and (not map_.is_dir() or any(map_.iterdir())):
        raise SmiFout(f"De map {map_} bestaat al en is niet leeg; kies een nieuwe of lege map.")
    try:
        map_.mkdir(parents=True, exist_ok=True)
        if os.name != "nt":
            os.chmod(map_, 0o700)
    except OSError as exc:
        raise SmiFout(f"De map {map_} kan niet worden aangemaakt ({exc.strerror}).") from None
    return map_


def schrijf_inzage(
    opslag: Opslag, bsn: str, map_: Path, *, consulent: str, maak_pdf: MaakPdf | None
) -> tuple[dict[str, Any], str | None]:
    """Write the inzage of ``bsn`` into ``map_`` and log it; returns the data and a note about the PDF (or None).
    ``maak_pdf`` makes the readable version; None writes the JSON and documents with a note that the PDF follows.

    The store's log records the inzage only once its files are complete, and files that cannot all be written, or
    whose inzage cannot be logged, are removed again: no personal data leaves the store without a log entry."""
    map_ = bereid_map(map_)
    gegevens, bestanden = verzamel(opslag, bsn)
    try:
        try:
            for rel, data in bestanden.items():
                _schrijf(map_ / rel, data)
            tekst = json.dumps(gegevens, ensure_ascii=False, indent=2) + "\n"
            _schrijf(map_ / "inzage.json", tekst.encode("utf-8"))
        except OSError as exc:
            raise schrijf_fout(f"de inzage in {map_}", exc) from None
        notitie = _maak_pdf(gegevens, map_, maak_pdf)
        opslag.schrijf_logboek(
            "inzage",
            {
                "bsn_kenmerk": opslag.bsn_kenmerk(bsn),
                "kenmerk": gegevens["kenmerk"],
                "consulent": consulent,
                "aantal_zaken": len(gegevens["zaken"]),
                "aantal_documenten": len(bestanden),
            },
        )
    except BaseException:
        _ruim_op(map_)
        raise
    return gegevens, notitie


def _ruim_op(map_: Path) -> None:
    """Remove what this inzage wrote into ``map_`` (empty or new before, see :func:`bereid_map`)."""
    for pad in sorted(map_.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            pad.rmdir() if pad.is_dir() and not pad.is_symlink() else pad.unlink()


def _maak_pdf(gegevens: dict[str, Any], map_: Path, maak_pdf: MaakPdf | None) -> str | None:
    if maak_pdf is None:
        return "PDF volgt: de leesbare versie (letters.inzage) is in deze versie nog niet beschikbaar."
    try:
        pdf = maak_pdf(gegevens)
    except SmiFout as fout:
        return f"De PDF kon niet worden gemaakt: {fout.melding} De JSON en de documenten staan er wel."
    except Exception as exc:  # a letter bug must not hide that the JSON was written
        return f"De PDF kon niet worden gemaakt ({type(exc).__name__}). De JSON en de documenten staan er wel."
    try:
        _schrijf(map_ / "inzage.pdf", pdf)
    except OSError as exc:
        raise schrijf_fout(f"de PDF in {map_}", exc) from None
    return None
