"""The privacy export as a readable PDF (inzageverzoek, artikel 15 AVG).

``maak_inzage(gegevens)`` takes the JSON the store produces for ``smi-tui inzage BSN`` (see ``storage.inzage``)::

    {"bsn": "...", "kenmerk": "INZ-…", "gemaakt_op": "YYYY-MM-DD", "bewaartermijn": {"jaren", "grondslag"},
     "zaken": [{"zaaknummer": "...", "zaak": {<Zaak.model_dump(mode="json")>},
                "documenten": [{"id", "naam", "soort", "sha256", "grootte", "toegevoegd_op"}],
                "audit": [{"nr", "tijd", "consulent", "stap", "actie", "veld", "oud", "nieuw"}],
                "gesloten_op", "vernietigen_na", "zaaksysteem": {"ingesteld", "gedeeld"}}],
     "concept_nieuwe_melding": {...} | None, "eerdere_inzageverzoeken": [{"tijd", "consulent"}]}

First what artikel 15 lid 1–3 asks to be told (``letters.inzage_avg``), then every stored value in Dutch: each
case part by part (``letters.inzage_waarden``), its documents and its audit trail (``letters.inzage_audit``). It is
lenient: a missing key is left out, an unknown key is shown under a readable label, and the case data is not
re-validated (an export must show what is stored, also when it would no longer validate). The reference on every
page is the request's kenmerk, never the BSN. It is not in :func:`letters.maak`: it has no single case.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from letters import briefpapier as bp
from letters import huisstijl as h
from letters.inzage_audit import WIE_ZONDER_NAAM, audit, documenten, gegeven
from letters.inzage_avg import informatie
from letters.inzage_waarden import DELEN, blok, label, leeg, rijen_van, tabel, waarde
from smi_tui.datums import nl_datum

ONDERWERP = "Inzage in uw persoonsgegevens (artikel 15 AVG)"
AFZENDER_ZONDER_GEMEENTE = "Kinderopvang op sociaal-medische indicatie"


def _zaak(nr: int, z: dict[str, Any]) -> list:
    zaaknummer = z.get("zaaknummer") or (z.get("zaak") or {}).get("zaaknummer") or f"zaak {nr}"
    zaak = z.get("zaak") or {}
    uit: list = [h.PageBreak(), h.p(f"Zaak {zaaknummer}", "titel")]
    algemeen = {k: v for k, v in zaak.items() if k not in DELEN and not isinstance(v, dict | list)}
    uit += h.kop("Algemeen")
    uit += tabel(rijen_van(algemeen)[0]) or [h.p("Geen algemene gegevens opgeslagen.")]
    for k, v in zaak.items():
        if k in DELEN and not leeg(v):
            uit += h.kop(DELEN[k])
            if isinstance(v, dict) and k == "concepten":
                for stap, velden in v.items():
                    uit += [h.pm(f"<b>Stap {h.e(label(stap).lower())}</b>", "cel")]
                    uit += blok(_concept(velden, zaak) if isinstance(velden, dict) else {"invoer": velden}, 1)
            elif isinstance(v, dict):
                uit += blok(v, 1)
            else:
                uit += blok({k: v}, 1)
    docs = z.get("documenten") or []
    uit += [*h.kop("Documenten in het dossier"), *documenten(docs)]
    uit += [*h.kop("Wie heeft wat vastgelegd of gewijzigd"), *audit(z.get("audit") or [], zaak, docs)]
    return uit


def _concept(velden: dict[str, Any], zaak: dict[str, Any]) -> dict[str, Any]:
    """A step's draft as the form saved it (keys are its field ids: 'v-besluit-betaling_aan'), under the names the
    rest of the export uses ('Besluit – betaling aan'); '_bewaard' is when it was saved."""
    uit: dict[str, Any] = {}
    for k, w in velden.items():
        if k == "_bewaard":
            uit["Bewaard op"] = w
        elif k.startswith("v-"):
            uit[gegeven(k[2:].replace("-", "."), zaak)] = w
        else:
            uit[k] = w
    return uit


def _persoon(gegevens: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The person with the requested BSN as stored in the latest case that names them, and their address (the
    applicant's when theirs is not stored: the case holds no other)."""
    bsn = str(gegevens.get("bsn") or "")
    for z in reversed(gegevens.get("zaken") or []):
        melding = ((z or {}).get("zaak") or {}).get("melding") or {}
        ouders = [o for o in (melding.get("ouders") or []) if isinstance(o, dict)]
        for p in [*ouders, *(melding.get("kinderen") or [])]:
            if isinstance(p, dict) and bsn and str(p.get("bsn") or "") == bsn:
                adres = p.get("adres") or (ouders[0].get("adres") if ouders else None)
                return p, adres if isinstance(adres, dict) else {}
    return None


def _regeling(gegevens: dict[str, Any]) -> Any:
    """The regulation of the latest case (its letterhead heads the export), or None when none can be found."""
    from smi_tui.fouten import SmiFout
    from smi_tui.register import Register

    for z in reversed(gegevens.get("zaken") or []):
        zaak = (z or {}).get("zaak") or {}
        code, d = zaak.get("regeling"), (zaak.get("melding") or {}).get("datum")
        if not code or not d:
            continue
        try:
            return Register.laad().voor(str(code), date.fromisoformat(str(d)))
        except (SmiFout, ValueError):
            continue
    return None


def kenmerk(gegevens: dict[str, Any], gemaakt: date) -> str:
    """The reference on every page: the request's kenmerk from the store, else the case number(s), else the date —
    never the BSN (it would stand on every page and in the file's metadata)."""
    eigen = str(gegevens.get("kenmerk") or "").strip()
    if eigen:
        return eigen
    nummers = [
        str(z.get("zaaknummer")) for z in gegevens.get("zaken") or [] if isinstance(z, dict) and z.get("zaaknummer")
    ]
    return f"inzage {', '.join(nummers)}" if nummers else f"inzage {gemaakt:%Y%m%d}"


def maak_inzage(gegevens: dict[str, Any], *, regeling: Any = None) -> bytes:
    """The privacy export as PDF bytes. ``regeling`` gives the letterhead; by default the regulation of the latest
    case (without any: a plain heading). Dated on ``gemaakt_op`` (today when the export has no date)."""
    zaken = [z for z in (gegevens.get("zaken") or []) if isinstance(z, dict)]
    bsn = str(gegevens.get("bsn") or "").strip()
    try:
        gemaakt = date.fromisoformat(str(gegevens.get("gemaakt_op"))[:10])
    except ValueError:
        gemaakt = date.today()  # no date in the export: it is made now
    regeling = regeling or _regeling(gegevens)
    gevonden = _persoon(gegevens)
    persoon = gevonden[0] if gevonden else None
    aan: list[str] = []
    if gevonden:
        aan.append(str(gevonden[0].get("naam") or ""))
        adres = gevonden[1]
        if adres:
            straat = " ".join(str(adres.get(k) or "") for k in ("straat", "huisnummer", "toevoeging")).strip()
            plaats = " ".join(str(adres.get(k) or "") for k in ("postcode", "woonplaats")).strip()
            aan += [r for r in (straat, plaats) if r]
    ref = kenmerk(gegevens, gemaakt)
    kop = bp.Briefkop(
        regeling,
        titel=f"Inzage persoonsgegevens – {ref}",
        onderwerp=ONDERWERP,
        datum=gemaakt,
        kenmerk=ref,
        aan=[a for a in aan if a],
        afzender=AFZENDER_ZONDER_GEMEENTE,
    )
    inhoud: list = [
        h.p("Overzicht van uw persoonsgegevens", "titel"),
        h.p(f"U heeft gevraagd welke persoonsgegevens wij over u hebben vastgelegd (artikel 15 van de Algemene "
            f"verordening gegevensbescherming, AVG). Dit overzicht bevat alles wat op {nl_datum(gemaakt)} in de "
            "dossiers over kinderopvang op sociaal-medische indicatie (SMI) over u stond. Eerst leest u wat wij met "
            "uw gegevens doen; daarna volgt per zaak alles wat is opgeslagen: de gegevens per onderdeel, de "
            "documenten en wie wat heeft vastgelegd."),
        h.gegevens([
            ("Burgerservicenummer", bsn or "niet opgegeven"),
            ("Naam", str(persoon.get("naam") or "–") if persoon else "niet gevonden in de dossiers"),
            ("Overzicht gemaakt op", nl_datum(gemaakt)),
            ("Aantal zaken", str(len(zaken))),
        ]),
    ]  # fmt: skip
    if zaken:
        rijen = [["Zaak", "Melding", "Stap", "Documenten", "Wijzigingen"]]
        for i, z in enumerate(zaken, 1):
            zaak = z.get("zaak") or {}
            melding = zaak.get("melding") or {}
            keer = len({(r.get("nr"), r.get("tijd")) for r in z.get("audit") or [] if isinstance(r, dict)})
            rijen.append(
                [
                    str(z.get("zaaknummer") or zaak.get("zaaknummer") or f"zaak {i}"),
                    waarde(melding.get("datum")) if melding.get("datum") else "–",
                    waarde(zaak.get("stap")) if zaak.get("stap") else "–",
                    str(len(z.get("documenten") or [])),
                    str(keer),
                ]
            )
        inhoud += [*h.kop("Uw zaken"), h.tabel(rijen, [40, 35, 35, 30, 30], rechts=(3, 4))]
    else:
        inhoud += [*h.kop("Uw zaken"), h.p("Wij hebben in deze dossiers geen gegevens over u gevonden.")]
    inhoud += informatie(gegevens, regeling)
    inhoud += _overig(gegevens)
    for i, z in enumerate(zaken, 1):
        inhoud += _zaak(i, z)
    return bp.bouw_pdf(kop, inhoud)


def _overig(gegevens: dict[str, Any]) -> list:
    """What is stored about the person outside a case: a melding not yet registered, and earlier inzage requests."""
    uit: list = []
    concept = gegevens.get("concept_nieuwe_melding")
    if isinstance(concept, dict) and not leeg(concept):
        uit += [
            *h.kop("Een melding die nog niet is vastgelegd"),
            h.p(
                "Een consulent is begonnen een nieuwe melding in te voeren waarin u voorkomt. Dit is wat er tot "
                "nu toe staat:"
            ),
            *blok(concept, 1),
        ]
    eerder = [e for e in gegevens.get("eerdere_inzageverzoeken") or [] if isinstance(e, dict)]
    if eerder:
        regels = [
            " · ".join(
                x
                for x in (
                    waarde(e.get("tijd")) if e.get("tijd") else "",
                    str(e.get("consulent") or "").strip() or WIE_ZONDER_NAAM,
                )
                if x
            )
            for e in eerder
        ]
        uit += [
            *h.kop("Eerdere verzoeken om inzage"),
            h.p("Ook dat u eerder om inzage vroeg, hebben wij vastgelegd (wanneer, en wie het overzicht maakte):"),
            *h.opsomming(regels),
        ]
    return uit
