"""What a case becomes in the zaaksysteem: an ordered list of objects to create or update (no network).

The fields come from the file export's mapping (:mod:`storage.zgw`), so both say the same. References that only
the server can give are placeholders, resolved when sending: ``{"$ref": "zaak"}`` (the URL of an object of this
case, once created) and ``{"$cat": "statustype:1"}`` (from the zaaktype in the Catalogi API). Because the plan
needs no network, its fingerprint tells without a request whether a case changed since its last sync.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from storage.zgw import EXTENSIE, EXTENSIE_FORMAAT, maak_besluiten, maak_informatieobject, maak_zaak

STAPPEN = ["melding", "gesprek", "verslag", "voorliggend", "besluit", "afgerond"]
_STAP_TEKST = {
    "melding": "Melding ontvangen",
    "gesprek": "Gesprek gevoerd",
    "verslag": "Verslag gemaakt",
    "voorliggend": "Voorliggende voorzieningen beoordeeld",
    "besluit": "Besluit genomen",
}
# Zaak fields the server derives itself (on closing) or that this client does not own: not sent.
_ZAAK_NIET = ("einddatum", "archiefnominatie", "archiefstatus", "archiefactiedatum")


@dataclass
class Object:
    """One object of a case in the zaaksysteem. ``soort`` names its resource; ``wijzigbaar``: sent again (PATCH)
    when its body changes, else created once (documents, statuses, links never change once made)."""

    sleutel: str
    soort: str
    body: dict[str, Any]
    wijzigbaar: bool = False
    inhoud_van: str | None = None  # a document: the stored document id whose bytes become ``inhoud``
    inhoud: bytes | None = None  # the whole dossier (``smi-tui-zaak.json``): its bytes, made here
    zoek: dict[str, Any] = field(default_factory=dict)  # how to find it again after an interrupted create
    alleen_met: str | None = None  # sent only when the zaaktype has this catalogue entry (else left out, noted)


def ref(sleutel: str) -> dict[str, str]:
    """A placeholder for the URL of another object of this case."""
    return {"$ref": sleutel}


def cat(naam: str) -> dict[str, str]:
    """A placeholder for a catalogue URL (``statustype:1``, ``roltype:initiator``, ``resultaattype:toegekend``)."""
    return {"$cat": naam}


def _tijd(waarde: Any) -> datetime | None:
    try:
        t = datetime.fromisoformat(str(waarde))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def stapmomenten(zaak: dict[str, Any], trail: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(step, moment) for every step the case has completed, oldest first: the melding at registration (the first
    audit line), a later step when the audit trail first shows the case in a step after it. Moments strictly rise
    and never lie after the last audit line."""
    huidig = STAPPEN.index(zaak["stap"]) if zaak.get("stap") in STAPPEN else 0
    tijden = [(t, str(e.get("stap") or "")) for e in trail if (t := _tijd(e.get("tijd"))) is not None]
    if not tijden:
        return []
    momenten: list[datetime] = []
    for i, stap in enumerate(STAPPEN[:huidig]):
        later = [t for t, s in tijden if s in STAPPEN and STAPPEN.index(s) > i] if stap != "melding" else []
        momenten.append(later[0] if later else tijden[0][0])  # a case stored past this step at once: registration
    # statuses are ordered by their moment, which may not lie in the future: keep them apart going back in time
    for i in range(len(momenten) - 2, -1, -1):
        momenten[i] = min(momenten[i], momenten[i + 1] - timedelta(seconds=1))
    return [(s, m.astimezone(UTC).isoformat(timespec="seconds")) for s, m in zip(STAPPEN, momenten, strict=False)]


def _identificatie(naam: str) -> str:
    """A medewerker ``identificatie`` (maxLength 24) from the consulent's name."""
    return (re.sub(r"[^A-Za-z0-9.-]+", "-", naam).strip("-") or "consulent")[:24]


def maak_plan(
    zn: str,
    zaak: dict[str, Any],
    info: dict[str, Any],
    docs: list[dict[str, Any]],
    trail: list[dict[str, Any]],
    cfg: dict[str, str],
    identificatie: str | None = None,
) -> list[Object]:
    """The objects of case ``zn`` in the order they must be sent (a zaak before what points at it; the resultaat
    before the end status, which closes the zaak). ``identificatie``: the zaak's identificatie in the zaaksysteem
    (see :func:`storage.zaaksysteem.sync.identificatie`; the zaaknummer when not given). The zaaknummer itself stays
    the zaak's kenmerk (bron "smi-tui") and the dossier's."""
    ident = identificatie or zn
    plan: list[Object] = []
    z = {k: v for k, v in maak_zaak(zn, zaak, info, cfg).items() if k not in _ZAAK_NIET and v is not None}
    z["identificatie"] = ident
    plan.append(Object("zaak", "zaak", z, wijzigbaar=True, zoek={"identificatie": ident}))

    ouders = ((zaak.get("melding") or {}).get("ouders")) or []
    for i, o in enumerate(ouders):
        bsn = str(o.get("bsn") or "")
        # a zaak has one initiator (Open Zaak: max-occurrences 1); the partner gets the roltype set in config
        # (``zaaksysteem_roltype_partner``, default belanghebbende) when the zaaktype has it, else it is reported
        roltype = (
            "roltype:initiator" if i == 0 else f"roltype:{cfg.get('zaaksysteem_roltype_partner') or 'belanghebbende'}"
        )
        if not bsn:  # a rol of a natuurlijk persoon is identified by the BSN; the name alone is not sent
            continue
        plan.append(
            Object(
                f"rol:ouder:{bsn}",
                "rol",
                {
                    "zaak": ref("zaak"),
                    "roltype": cat(roltype),
                    "betrokkeneType": "natuurlijk_persoon",
                    "roltoelichting": "Aanvrager" if i == 0 else "Partner van de aanvrager",
                    "betrokkeneIdentificatie": {"inpBsn": bsn},
                },
                zoek={"bsn": bsn},
                alleen_met=None if i == 0 else roltype,
            )
        )
    behandelaar = (zaak.get("behandelaar") or {}).get("naam") if isinstance(zaak.get("behandelaar"), dict) else None
    naam = str(behandelaar or zaak.get("consulent") or "")
    if naam:
        plan.append(
            Object(
                f"rol:behandelaar:{_identificatie(naam)}",
                "rol",
                {
                    "zaak": ref("zaak"),
                    "roltype": cat("roltype:behandelaar"),
                    "betrokkeneType": "medewerker",
                    "roltoelichting": "Consulent (behandelaar)",
                    "betrokkeneIdentificatie": {"identificatie": _identificatie(naam), "achternaam": naam[:200]},
                },
                zoek={"medewerker": _identificatie(naam)},
            )
        )

    auteurs = {
        str(w.get("veld", "")).removeprefix("documenten."): str(e.get("consulent") or e.get("gebruiker") or "")
        for e in trail
        if e.get("actie") == "document toegevoegd"
        for w in e.get("wijzigingen") or []
    }
    besluit = zaak["besluit"] if isinstance(zaak.get("besluit"), dict) else {}
    # the whole dossier, as in the file export's smi-tui-zaak.json, so that a colleague can take the case over
    # (`smi-tui sync --ophalen`); vertrouwelijk like every document of the case
    dossier = dossier_bytes(zn, zaak, info, docs, trail)
    meta = {"id": f"{ident}-dossier", "naam": EXTENSIE, "soort": "smi-tui-dossier", "grootte": len(dossier),
            "sha256": hashlib.sha256(dossier).hexdigest(), "toegevoegd": info.get("gewijzigd")}  # fmt: skip
    eio = maak_informatieobject(zn, meta, naam, None, cfg)
    for weg in ("inhoud", "ondertekening", "verzenddatum"):
        eio.pop(weg)
    eio |= {"formaat": "application/json", "bestandsnaam": EXTENSIE, "titel": f"Dossier {zn} (smi-tui)"}
    plan.append(Object("dossier", "dossier", eio, wijzigbaar=True, inhoud=dossier, zoek={"identificatie": meta["id"]}))
    plan.append(
        Object(
            "zio:dossier",
            "zaakinformatieobject",
            {"zaak": ref("zaak"), "informatieobject": ref("dossier"), "titel": eio["titel"]},
        )
    )

    for d in docs:
        verzonden = besluit.get("verzonden_op") if d.get("soort") == "beschikking" else None
        eio = maak_informatieobject(zn, d, auteurs.get(d["id"], "") or naam, verzonden, cfg)
        eio.pop("inhoud")  # the bytes, base64, are added when sending (not part of the fingerprint: sha256 is)
        eio.pop("ondertekening")
        eio = {k: v for k, v in eio.items() if v is not None}
        # changeable: the beschikking gets its verzenddatum when it is sent (its bytes never change: a letter made
        # again is a new document)
        plan.append(
            Object(
                f"doc:{d['id']}",
                "document",
                eio,
                wijzigbaar=True,
                inhoud_van=str(d["id"]),
                zoek={"identificatie": d["id"]},
            )
        )
        plan.append(
            Object(
                f"zio:{d['id']}",
                "zaakinformatieobject",
                {"zaak": ref("zaak"), "informatieobject": ref(f"doc:{d['id']}"), "titel": eio["titel"]},
            )
        )

    for stap, moment in stapmomenten(zaak, trail):
        plan.append(
            Object(
                f"status:{stap}",
                "status",
                {
                    "zaak": ref("zaak"),
                    "statustype": cat("statustype:1" if stap == "melding" else "statustype:2"),
                    "datumStatusGezet": moment,
                    "statustoelichting": _STAP_TEKST[stap],
                },
                zoek={"moment": moment},
            )
        )

    vandaag = date.today().isoformat()
    beschikkingen = [d["id"] for d in docs if d.get("soort") == "beschikking" and not d.get("vervangen_door")]
    for n, b in enumerate(maak_besluiten(ident, zaak, cfg), start=1):
        if b["datum"] > vandaag:  # the Besluiten API accepts no besluitdatum in the future: sent on that day
            continue
        # no medical details in the besluit's free text: the motivation is in the beschikking (vertrouwelijk)
        b["toelichting"] = b["toelichting"].split(":")[0].strip() + "; de motivering staat in de beschikking"
        b["zaak"] = ref("zaak")
        plan.append(
            Object(
                f"besluit:{n}",
                "besluit",
                {k: v for k, v in b.items() if v is not None},
                wijzigbaar=True,
                zoek={"identificatie": b["identificatie"]},
            )
        )
        if n == 1:
            for doc_id in beschikkingen:
                plan.append(
                    Object(
                        f"bio:{n}:{doc_id}",
                        "besluitinformatieobject",
                        {"besluit": ref(f"besluit:{n}"), "informatieobject": ref(f"doc:{doc_id}")},
                    )
                )

    if zaak.get("gesloten_op"):
        afgewezen = besluit.get("beslissing") == "afwijzen"
        plan.append(
            Object(
                "resultaat",
                "resultaat",
                {
                    "zaak": ref("zaak"),
                    "resultaattype": cat("resultaattype:afgewezen" if afgewezen else "resultaattype:toegekend"),
                    "toelichting": "Afgewezen" if afgewezen else "Toegekend",
                },
            )
        )
        # after the last step (statuses are ordered by their moment), on the day of closing at the earliest
        laatste = [_tijd(m) for _, m in stapmomenten(zaak, trail)]
        gesloten = datetime.fromisoformat(f"{zaak['gesloten_op']}T00:00:00+00:00")  # a date: the model checked it
        eind = max([gesloten, *[t + timedelta(seconds=1) for t in laatste if t]])
        plan.append(
            Object(
                "status:eind",
                "status",
                {
                    "zaak": ref("zaak"),
                    "statustype": cat("statustype:eind"),
                    "datumStatusGezet": eind.isoformat(timespec="seconds"),
                    "statustoelichting": "Dossier gesloten",
                },
                zoek={"eind": True},
            )
        )
    return plan


def dossier_bytes(
    zn: str, zaak: dict[str, Any], info: dict[str, Any], docs: list[dict[str, Any]], trail: list[dict[str, Any]]
) -> bytes:
    """The case, its document metadata and its hash-chained audit trail in the export's ``smi-tui-zaak.json``
    format (lossless: ``smi-tui sync --ophalen`` stores it again)."""
    ext = {"formaat": EXTENSIE_FORMAAT, "versie": 1, "zaaknummer": zn, "zaak": zaak, "info": info,
           "documenten": docs, "audit": trail}  # fmt: skip
    return json.dumps(ext, ensure_ascii=False, sort_keys=True).encode("utf-8")


def vingerafdruk(plan: list[Object]) -> str:
    """SHA-256 of everything the plan would send: equal fingerprints mean nothing to send."""
    tekst = json.dumps([[o.sleutel, o.body] for o in plan], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def lichaam_hash(body: dict[str, Any]) -> str:
    """SHA-256 of one object's body (whether a changeable object must be sent again)."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
