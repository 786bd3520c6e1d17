"""Export of a case to, and import from, ZGW-shaped JSON (VNG "API's voor Zaakgericht werken").

``smi-tui export-zgw ZAAKNUMMER -o MAP`` writes::

    zaak.json                       Zaken API: Zaak
    besluiten.json                  Besluiten API: list of Besluit (the decision, extension and change decisions)
    informatieobjecten/<id>.json    Documenten API: EnkelvoudigInformatieObject, one per stored document
    informatieobjecten/<id>.pdf     the document itself (its SHA-256 is in ``integriteit.waarde``)
    audittrail.json                 ZGW AuditTrail entries (one per entry of the dossier's audit trail)
    smi-tui-zaak.json               extension: the full case, document metadata and the hash-chained audit trail
    README.md                       the mapping, field by field

Field names, required fields, types, maximum lengths, enums and formats were checked against the OpenAPI specs
(see ``SPECS``): Zaak and AuditTrail against the Zaken API, Besluit against the Besluiten API 1.0.0,
EnkelvoudigInformatieObject against the Documenten API 1.3.0. Free text longer than the field allows is shortened
(ending in "…") and listed in the export's README.md; the full text stays in ``smi-tui-zaak.json``. Values that
identify something (RSIN, catalogue URLs) are never shortened: a wrong one is refused with a Dutch error.
References between objects are URIs; with no ZGW server at hand they are URNs (``urn:smi-tui:zaak:SMI-2026-0001``
…) that the importing system replaces by its own URLs. ``smi-tui import-zgw MAP`` reads ``smi-tui-zaak.json`` and
the document files back (lossless).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.inzage import bereid_map
from storage.tinyopslag import schrijf_fout
from storage.zgw_basis import ZgwFout as ZgwFout
from storage.zgw_basis import instellingen as instellingen
from storage.zgw_basis import kort, urn

if TYPE_CHECKING:
    from storage.opslag import Opslag

EXTENSIE = "smi-tui-zaak.json"
EXTENSIE_FORMAAT = "smi-tui-zaak"
VERTROUWELIJK = "vertrouwelijk"  # medical data: the Zaken/Documenten API enum value for it
TAAL = "dut"  # Documenten API `taal`: "ISO 639-2/B taalcode … Voorbeeld: `dut`" (nld is the 639-2/T code)
# Where the constraints below come from (repository, path, version, commit of the stored copy that was read).
SPECS = {
    "Zaak, AuditTrail": "VNG-Realisatie/zaken-api src/openapi.yaml, version 1.3.0-rc3, commit 0096843b5314",
    "Besluit": "VNG-Realisatie/gemma-zaken api-specificatie/brc/1.0.x/openapi.yaml, version 1.0.0, commit 0c6bf2186aa3",
    "EnkelvoudigInformatieObject": "VNG-Realisatie/documenten-api src/openapi.yaml, version 1.3.0, commit 004836402e16",
}
_DOC_ID = re.compile(r"\A[0-9a-f]{32}\Z")


# --- export ---


def _kern(zaak: dict[str, Any]) -> tuple[Any, Any] | None:
    from storage.samenvatting import _kern as kern

    return kern(zaak)


def _termijn(termijnen: list[Any], *codes: str) -> date | None:
    for code in codes:
        for t in termijnen:
            if getattr(t, "code", None) == code and getattr(t, "datum", None):
                return t.datum
    return None


def _iso(d: Any) -> str | None:
    if isinstance(d, datetime):
        return d.date().isoformat()
    if isinstance(d, date):
        return d.isoformat()
    if isinstance(d, str) and len(d) >= 10:
        return d[:10]
    return None


def maak_zaak(
    zn: str, zaak: dict[str, Any], info: dict[str, Any], cfg: dict[str, str], opmerkingen: list[str] | None = None
) -> dict[str, Any]:
    """The Zaken API ``Zaak`` of a case (shortened free text is noted in ``opmerkingen``)."""
    from storage.samenvatting import _vernietigingsdatum, sluitdatum_van

    kern = _kern(zaak)
    termijnen: list[Any] = []
    regeling_titel = str(zaak.get("regeling") or "")
    if kern is not None:
        from smi_tui.termijnen import alle_termijnen

        try:
            termijnen = alle_termijnen(*kern)
        except Exception:
            termijnen = []
        regeling_titel = str(getattr(kern[1], "citeertitel", "") or getattr(kern[1], "titel", "") or regeling_titel)
    sluit = sluitdatum_van(zaak, kern)
    vernietig = _vernietigingsdatum(sluit)
    opschortingen = zaak.get("opschortingen") or []
    # a record withdrawn as a mistake (``ingetrokken``) suspends and extends nothing
    lopend = [o for o in opschortingen if isinstance(o, dict) and not (o.get("aangevuld_op") or o.get("ingetrokken"))]
    verdaging = zaak.get("verdaging") if isinstance(zaak.get("verdaging"), dict) else None
    verdaging = None if verdaging and verdaging.get("ingetrokken") else verdaging
    registratie = _iso(info.get("aangemaakt"))
    melding = zaak["melding"] if isinstance(zaak.get("melding"), dict) else {}
    start = _iso(melding.get("datum")) or registratie  # `startdatum` is required; no melding date: registration
    if start is None:
        raise ZgwFout(
            f"Zaak {zn} heeft geen meldingsdatum en geen registratiedatum; de Zaken API vraagt een startdatum. "
            "Vul de datum van de melding in en exporteer opnieuw."
        )
    if not melding.get("datum") and opmerkingen is not None:
        opmerkingen.append("`startdatum` is de registratiedatum: de zaak heeft geen datum van de melding.")
    uit = {
        "identificatie": zn,
        "bronorganisatie": cfg["rsin"],
        "omschrijving": "Kinderopvang op sociaal-medische indicatie",  # maxLength 80
        "toelichting": kort(
            f"Regeling: {regeling_titel}; stap: {zaak.get('stap')}", 1000, "zaak.json toelichting", opmerkingen
        ),
        "zaaktype": cfg["zgw_zaaktype"],
        "registratiedatum": registratie,
        "verantwoordelijkeOrganisatie": cfg["rsin"],
        "startdatum": start,
        "einddatum": sluit.isoformat() if sluit and sluit <= date.today() else None,
        "uiterlijkeEinddatumAfdoening": _iso(_termijn(termijnen, "beslistermijn")),
        "vertrouwelijkheidaanduiding": VERTROUWELIJK,
        "archiefnominatie": "vernietigen",
        "archiefstatus": "nog_te_archiveren",
        "archiefactiedatum": vernietig.isoformat() if vernietig else None,
        "opschorting": {
            "indicatie": bool(lopend),
            "reden": kort(
                lopend[-1].get("toelichting") or "wachten op aanvulling (artikel 4:15 Awb)",
                200,
                "zaak.json opschorting.reden",
                opmerkingen,
            )
            if lopend
            else "",
        },
        "verlenging": {
            "reden": kort(verdaging.get("reden") or "", 200, "zaak.json verlenging.reden", opmerkingen),
            "duur": f"P{int(verdaging['weken']) * 7}D",
        }
        if verdaging and verdaging.get("weken")
        else None,
        "kenmerken": [{"kenmerk": zn, "bron": "smi-tui"}],  # both maxLength 40
    }
    if registratie is None:  # not nullable in the Zaken API: leave it out (the API then uses today)
        del uit["registratiedatum"]
    return uit


def _periode(kern: tuple[Any, Any] | None) -> tuple[date | None, date | None]:
    if kern is None:
        return None, None
    try:
        from smi_tui.berekening import bereken

        b = bereken(*kern)
        return b.begin, b.eind
    except Exception:
        return None, None


def maak_besluiten(
    zn: str, zaak: dict[str, Any], cfg: dict[str, str], opmerkingen: list[str] | None = None
) -> list[dict[str, Any]]:
    """The Besluiten API ``Besluit`` objects: the decision, then decided extensions and changes, in order.

    ``toelichting`` has no maxLength in the Besluiten API 1.0.0, so motivations are written in full. A besluit
    dated after today is noted: the Besluiten API accepts only a ``datum`` "in het verleden of nu"."""
    from smi_tui.termijnen import bezwaartermijn_einde

    kern = _kern(zaak)
    begin, eind = _periode(kern)
    uit: list[dict[str, Any]] = []

    def besluit(datum: Any, toelichting: str, ingang: Any, verval: Any, verzonden: Any) -> None:
        d = _iso(datum)
        if d is None:
            return
        verzend = _iso(verzonden)
        reactie = bezwaartermijn_einde(date.fromisoformat(verzend or d)).isoformat()
        if d > date.today().isoformat() and opmerkingen is not None:
            opmerkingen.append(
                f"Besluit {zn}-B{len(uit) + 1} heeft besluitdatum {d}, na de exportdatum; de Besluiten API "
                "aanvaardt alleen een datum in het verleden of vandaag."
            )
        uit.append(
            {
                "identificatie": f"{zn}-B{len(uit) + 1}",
                "verantwoordelijkeOrganisatie": cfg["rsin"],
                "besluittype": cfg["zgw_besluittype"],
                "zaak": urn("zaak", zn),
                "datum": d,
                "toelichting": toelichting,
                "ingangsdatum": _iso(ingang) or d,
                "vervaldatum": _iso(verval),
                "verzenddatum": verzend,
                "uiterlijkeReactiedatum": reactie,
            }
        )

    b = zaak.get("besluit") if isinstance(zaak.get("besluit"), dict) else None
    if b:
        toegekend = b.get("beslissing") != "afwijzen"
        besluit(
            b.get("datum"),
            f"{b.get('beslissing')}: {b.get('motivering') or ''}".strip(),
            begin if toegekend else None,
            eind if toegekend else None,
            b.get("verzonden_op"),
        )
    for v in zaak.get("verlengingen") or []:
        if isinstance(v, dict) and v.get("beslissing") and v.get("besluit_datum"):
            besluit(
                v["besluit_datum"],
                f"verlenging {v['beslissing']} ({v.get('maanden')} maanden): {v.get('motivering') or ''}".strip(),
                None,
                None,
                v.get("verzonden_op"),
            )
    for w in zaak.get("wijzigingen") or []:
        if isinstance(w, dict) and w.get("besluit_datum"):
            besluit(
                w["besluit_datum"],
                f"{w.get('soort')} ({w.get('grond')}): {w.get('motivering') or ''}".strip(),
                w.get("ingangsdatum"),
                w.get("ingangsdatum") if w.get("soort") in ("intrekking", "beeindiging") else None,
                w.get("verzonden_op"),
            )
    return uit


def maak_informatieobject(
    zn: str,
    meta: dict[str, Any],
    auteur: str,
    verzonden: str | None,
    cfg: dict[str, str],
    opmerkingen: list[str] | None = None,
) -> dict[str, Any]:
    """The Documenten API ``EnkelvoudigInformatieObject`` of one stored document."""
    from storage.inzage import veilige_naam

    naam = veilige_naam(meta.get("naam") or "document.pdf")  # at most 100 characters (maxLength 255), extension kept
    pdf = str(meta.get("naam") or "").lower().endswith(".pdf") or naam.lower().endswith(".pdf")
    toegevoegd = _iso(meta.get("toegevoegd")) or date.today().isoformat()
    waar = f"informatieobjecten/{meta['id']}.json"
    return {
        "identificatie": str(meta["id"]),  # 32 hex digits (maxLength 40)
        "bronorganisatie": cfg["rsin"],
        "creatiedatum": toegevoegd,
        "titel": kort(meta.get("naam") or "document", 200, f"{waar} titel", opmerkingen),
        "vertrouwelijkheidaanduiding": VERTROUWELIJK,
        "auteur": kort(auteur or "smi-tui", 200, f"{waar} auteur", opmerkingen),
        "status": "definitief",
        "formaat": "application/pdf" if pdf else "application/octet-stream",
        "taal": TAAL,
        "bestandsnaam": naam,
        "bestandsomvang": int(meta.get("grootte") or 0),
        "inhoud": f"{meta['id']}.pdf",
        "beschrijving": kort(meta.get("soort") or "", 1000, f"{waar} beschrijving", opmerkingen),
        "verzenddatum": verzonden,
        "indicatieGebruiksrecht": False,
        "informatieobjecttype": cfg["zgw_informatieobjecttype"],
        # not registered by smi-tui; null (the group is nullable), as `soort` must be analoog/digitaal/pki and
        # `datum` a date once the group is given
        "ondertekening": None,
        "integriteit": {"algoritme": "sha_256", "waarde": str(meta["sha256"]), "datum": toegevoegd},
    }


def _actie(e: dict[str, Any]) -> tuple[str, str, int]:
    actie = str(e.get("actie") or "")
    if actie == "aangemaakt":
        return "create", "zaak", 201
    if actie == "document toegevoegd":
        return "create", "enkelvoudiginformatieobject", 201
    return "partial_update", "zaak", 200


def maak_audittrail(zn: str, trail: list[dict[str, Any]], opmerkingen: list[str] | None = None) -> list[dict[str, Any]]:
    """ZGW ``AuditTrail`` entries, one per entry of the dossier's audit trail."""
    uit = []
    for e in trail:
        actie, resource, status = _actie(e)
        resource_url = urn("zaak", zn)
        if resource == "enkelvoudiginformatieobject":
            veld = str(((e.get("wijzigingen") or [{}])[0]).get("veld") or "")
            resource_url = urn("document", zn, veld.removeprefix("documenten."))
        wijzigingen = e.get("wijzigingen") or []
        waar = f"audittrail.json regel {e.get('nr')}"
        uit.append(
            {
                "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"smi-tui:{zn}:audit:{e.get('nr')}:{e.get('hash')}")),
                "bron": "drc" if resource == "enkelvoudiginformatieobject" else "zrc",
                "applicatieId": "smi-tui",
                "applicatieWeergave": "smi-tui (kinderopvang op sociaal-medische indicatie)",
                "gebruikersId": kort(e.get("gebruiker") or "onbekend", 255, f"{waar} gebruikersId", opmerkingen),
                "gebruikersWeergave": kort(
                    e.get("consulent") or e.get("gebruiker") or "onbekend",
                    255,
                    f"{waar} gebruikersWeergave",
                    opmerkingen,
                ),
                "actie": actie,
                "actieWeergave": kort(e.get("actie") or "", 200, f"{waar} actieWeergave", opmerkingen),
                "resultaat": status,
                "hoofdObject": urn("zaak", zn),
                "resource": resource,
                "resourceUrl": resource_url,
                "toelichting": f"stap {e.get('stap')}" if e.get("stap") else "",
                "resourceWeergave": zn,
                "aanmaakdatum": e.get("tijd"),
                "wijzigingen": {
                    "oud": {w["veld"]: w.get("oud") for w in wijzigingen if isinstance(w, dict) and "veld" in w},
                    "nieuw": {w["veld"]: w.get("nieuw") for w in wijzigingen if isinstance(w, dict) and "veld" in w},
                },
            }
        )
    return uit


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _schrijf(pad: Path, data: bytes) -> None:
    pad.parent.mkdir(exist_ok=True, mode=0o700)
    vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(pad, vlaggen, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def exporteer(opslag: Opslag, zaaknummer: str, map_: Path) -> dict[str, Any]:
    """Write the ZGW export of ``zaaknummer`` into ``map_`` (new or empty); returns a summary."""
    cfg = instellingen()
    zaak = opslag.laad(zaaknummer)  # raises a Dutch error for an unknown or invalid zaaknummer
    info = opslag.info(zaaknummer)
    trail = opslag.audit(zaaknummer)
    docs = opslag.documenten(zaaknummer)
    auteurs = {
        str(w.get("veld", "")).removeprefix("documenten."): str(e.get("consulent") or e.get("gebruiker") or "")
        for e in trail
        if e.get("actie") == "document toegevoegd"
        for w in e.get("wijzigingen") or []
    }
    verzonden = (zaak.get("besluit") or {}).get("verzonden_op") if isinstance(zaak.get("besluit"), dict) else None
    opmerkingen: list[str] = []
    bestanden: dict[str, bytes] = {
        "zaak.json": _json(maak_zaak(zaaknummer, zaak, info, cfg, opmerkingen)),
        "besluiten.json": _json(maak_besluiten(zaaknummer, zaak, cfg, opmerkingen)),
        "audittrail.json": _json(maak_audittrail(zaaknummer, trail, opmerkingen)),
    }
    for d in docs:
        soort_verzonden = verzonden if d.get("soort") == "beschikking" else None
        bestanden[f"informatieobjecten/{d['id']}.json"] = _json(
            maak_informatieobject(zaaknummer, d, auteurs.get(d["id"], ""), soort_verzonden, cfg, opmerkingen)
        )
        bestanden[f"informatieobjecten/{d['id']}.pdf"] = opslag.document(zaaknummer, d["id"])
    bestanden[EXTENSIE] = _json(
        {
            "formaat": EXTENSIE_FORMAAT,
            "versie": 1,
            "zaaknummer": zaaknummer,
            "zaak": zaak,
            "info": info,
            "documenten": docs,
            "audit": trail,
        }
    )
    from storage.zgw_uitleg import leesmij

    bestanden["README.md"] = leesmij(opmerkingen).encode("utf-8")
    map_ = bereid_map(map_)  # new or empty: on failure everything in it is ours to remove
    try:
        for rel, data in bestanden.items():
            _schrijf(map_ / rel, data)
    except OSError as exc:
        for p in list(map_.iterdir()):  # no partial export: a half export looks complete to a case system
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    p.unlink()
        raise schrijf_fout(f"de ZGW-export in {map_}", exc) from None
    return {
        "documenten": len(docs),
        "besluiten": len(json.loads(bestanden["besluiten.json"])),
        "opmerkingen": opmerkingen,
    }
