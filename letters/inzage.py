"""The privacy export as a readable PDF (inzageverzoek, artikel 15 AVG).

``maak_inzage(gegevens)`` takes the JSON the store produces for ``smi-tui inzage BSN``::

    {"bsn": "...", "gemaakt_op": "YYYY-MM-DD",
     "zaken": [{"zaaknummer": "...", "zaak": {<Zaak.model_dump(mode="json")>},
                "documenten": [{"naam", "soort", "sha256", "grootte", "toegevoegd_op"}],
                "audit": [{"tijd", "gebruiker", "consulent", "stap", "veld", "oud", "nieuw"}]}]}

and renders every stored value in Dutch: each case part by part (people, children, care, interview, report,
decision, and the records after it), the documents and every audit line. It is lenient: a missing key is left
out, an unknown key is shown under a readable label, and the case data is not re-validated (an export must show
what is stored, also when it would no longer validate). It is not in :func:`letters.maak`: it has no single case.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from letters import briefpapier as bp
from letters import huisstijl as h
from smi_tui.datums import nl_datum
from smi_tui.geld import euro

ONDERWERP = "Inzage in uw persoonsgegevens (artikel 15 AVG)"
AFZENDER_ZONDER_GEMEENTE = "Kinderopvang op sociaal-medische indicatie"

_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIJD = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
_GETAL = re.compile(r"^-?\d+\.\d+$")
_LANGE_TEKST = 350  # longer values are set as a paragraph under their label (a table row cannot span pages)

# Readable labels where the field name alone reads badly; every other name becomes "Naam met spaties".
LABELS = {
    "bsn": "BSN",
    "lrk_nummer": "LRK-nummer",
    "lrk_gecontroleerd_op": "LRK gecontroleerd op",
    "uurprijs_cent": "uurprijs",
    "toetsingsinkomen_jaar_cent": "toetsingsinkomen per jaar",
    "gemiddeld_maandinkomen_vorig_jaar_cent": "gemiddeld maandinkomen vorig jaar",
    "netto_maandinkomen_cent": "netto maandinkomen",
    "resterend_cent": "resterend budget",
    "betaald_cent": "al betaald",
    "regeling": "gemeente (regeling)",
    "stap": "stap in de wizard",
    "werk_toelichting": "toelichting werk",
    "gemeld_door": "gemeld door",
    "melder_naam": "naam melder",
    "woont_bij_aanvrager": "woont bij de aanvrager",
    "ingeschreven_in_gemeente": "ingeschreven in de gemeente",
    "netwerk_kan_opvang_bieden": "netwerk kan opvang bieden",
    "eigen_kracht_toereikend": "eigen kracht toereikend",
    "recht_op_kinderopvangtoeslag": "recht op kinderopvangtoeslag",
    "noodzaak_vastgesteld": "noodzaak vastgesteld",
    "consulent_stelt_direct_vast": "consulent stelt direct vast",
    "instemming_plan_van_aanpak": "instemming met het plan van aanpak",
    "voorwaarde_vervuld": "voorwaarde vervuld",
    "gesloten_op": "dossier gesloten op",
    "antwoorden": "voorziening",
}
ENKELVOUD = {
    "ouders": "Ouder",
    "kinderen": "Kind",
    "stukken": "Stuk",
    "acties": "Actie",
    "opschortingen": "Verzoek om aanvulling",
    "evaluaties": "Evaluatie",
    "verlengingen": "Verlenging",
    "wijzigingen": "Wijziging",
}
DELEN = {
    "melding": "Melding",
    "gesprek": "Gesprek",
    "verslag": "Verslag",
    "voorliggend": "Voorliggende voorzieningen",
    "aanvraag": "Aanvraag",
    "budget": "Budget",
    "besluit": "Besluit",
    "opschortingen": "Verzoeken om aanvulling",
    "verdaging": "Verdaging van de beslistermijn",
    "evaluaties": "Evaluaties",
    "verlengingen": "Verlengingen",
    "wijzigingen": "Herziening, intrekking en beëindiging",
    "concepten": "Nog niet afgeronde invoer (concepten)",
}
WEGLATEN = {"schema_versie"}  # technical, no personal data


def label(sleutel: str) -> str:
    t = LABELS[sleutel] if sleutel in LABELS else re.sub(r"_cent$", "", sleutel).replace("_", " ")
    return t[:1].upper() + t[1:]


def _klein(t: str) -> str:
    """A label inside a sentence: lower case, except acronyms (BSN, LRK-nummer)."""
    return t if len(t) > 1 and t[:2].isupper() else t[:1].lower() + t[1:]


def _adres(a: dict[str, Any]) -> str | None:
    if not {"straat", "woonplaats"} <= a.keys():
        return None
    straat = " ".join(str(a.get(k) or "") for k in ("straat", "huisnummer", "toevoeging")).split()
    plaats = " ".join(str(a.get(k) or "") for k in ("postcode", "woonplaats")).split()
    return f"{' '.join(straat)}, {' '.join(plaats)}"


def _leeg(w: Any) -> bool:
    return w is None or w == "" or w == [] or w == {}


def waarde(w: Any, sleutel: str = "") -> str:
    """One stored value in Dutch: dates written out, cents as euros, yes/no, codes with spaces."""
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, int) and sleutel.endswith("_cent"):
        return euro(w)
    if isinstance(w, int | float):
        return f"{w}".replace(".", ",")
    if isinstance(w, str):
        s = w.strip()
        if _DATUM.match(s):
            try:
                return nl_datum(date.fromisoformat(s))
            except ValueError:
                return s
        if _TIJD.match(s):
            try:
                t = datetime.fromisoformat(s.replace("Z", "+00:00"))
                return f"{nl_datum(t.date())} {t:%H:%M:%S}"
            except ValueError:
                return s
        if _CODE.match(s):
            return s.replace("_", " ")
        if _GETAL.match(s):
            return s.replace(".", ",")
        return s
    if isinstance(w, list):
        return "; ".join(waarde(x, sleutel) for x in w if not _leeg(x))
    if isinstance(w, dict):
        return _adres(w) or "; ".join(f"{_klein(label(k))}: {waarde(v, k)}" for k, v in w.items() if not _leeg(v))
    return str(w)


def _plat(d: dict[str, Any]) -> bool:
    """A small record of plain values (e.g. an answer: beschikbaar + toelichting) that reads well on one line."""
    gevuld = [v for v in d.values() if not _leeg(v)]
    return len(gevuld) <= 2 and not any(isinstance(v, dict | list) for v in gevuld)


def _rijen(d: dict[str, Any], voorvoegsel: str = "") -> tuple[list[tuple[str, str]], list[tuple[str, Any]]]:
    """(label, value) rows for the scalar and nested-dict fields of ``d`` (nested labels prefixed), and the
    lists of records, which become their own blocks."""
    rijen: list[tuple[str, str]] = []
    blokken: list[tuple[str, Any]] = []
    for k, v in d.items():
        if k in WEGLATEN or _leeg(v):
            continue
        naam = f"{voorvoegsel}{label(k)}"
        if isinstance(v, dict) and (_adres(v) or _plat(v)):
            rijen.append((naam, waarde(v, k)))
        elif isinstance(v, dict):
            sub_rijen, sub_blokken = _rijen(v, f"{naam} – ")
            rijen += sub_rijen
            blokken += sub_blokken
        elif isinstance(v, list) and any(isinstance(x, dict) for x in v):
            blokken.append((k, v))
        else:
            rijen.append((naam, waarde(v, k)))
    return rijen, blokken


def _tabel(rijen: list[tuple[str, str]]) -> list:
    """Short values in a label/value table; long ones as a paragraph under their label (so they can split)."""
    uit: list = []
    kort: list[tuple[str, str]] = []

    def leeg_kort() -> None:
        if kort:
            uit.append(h.tabel([[k, v] for k, v in kort], [55, 115], kopregel=False))
            kort.clear()

    for k, v in rijen:
        if len(v) > _LANGE_TEKST:
            leeg_kort()
            uit += [h.pm(f"<b>{h.e(k)}</b>", "cel"), h.p(v, "cel"), h.Spacer(1, 3)]
        else:
            kort.append((k, v))
    leeg_kort()
    return uit


def _blok(d: dict[str, Any], niveau: int) -> list:
    rijen, blokken = _rijen(d)
    uit = _tabel(rijen)
    for k, lijst in blokken:
        enkel = ENKELVOUD.get(k, label(k))
        items = [x for x in lijst if not _leeg(x)]
        vlak = all(isinstance(x, dict) and not any(isinstance(v, dict | list) for v in x.values()) for x in items)
        kolommen = list(dict.fromkeys(c for x in items if isinstance(x, dict) for c, v in x.items() if not _leeg(v)))
        if vlak and 1 <= len(kolommen) <= 5 and all(len(str(v)) <= _LANGE_TEKST for x in items for v in x.values()):
            # a list of small records (documents received, actions): one table, a row each
            rijen_t = [[label(c) for c in kolommen]]
            rijen_t += [[waarde(x.get(c), c) if not _leeg(x.get(c)) else "–" for c in kolommen] for x in items]
            uit += [h.Spacer(1, 3), h.pm(f"<b>{h.e(label(k))}</b>", "cel"), h.tabel(rijen_t, [1] * len(kolommen))]
            continue
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict):
                uit.append(h.p(f"{enkel} {i}: {waarde(item, k)}", "cel"))
                continue
            naam = item.get("naam")
            titel = f"{enkel} {i}" + (f": {naam}" if isinstance(naam, str) and naam else "")
            uit += [h.Spacer(1, 3), h.pm(f"<b>{h.e(titel)}</b>", "cel")]
            uit += _blok(item, niveau + 1)
    return uit


def _zaak(nr: int, z: dict[str, Any]) -> list:
    zaaknummer = z.get("zaaknummer") or (z.get("zaak") or {}).get("zaaknummer") or f"zaak {nr}"
    zaak = z.get("zaak") or {}
    uit: list = [h.PageBreak(), h.p(f"Zaak {zaaknummer}", "titel")]
    algemeen = {k: v for k, v in zaak.items() if k not in DELEN and not isinstance(v, dict | list)}
    uit += h.kop("Algemeen")
    uit += _tabel(_rijen(algemeen)[0]) or [h.p("Geen algemene gegevens opgeslagen.")]
    for k, v in zaak.items():
        if k in DELEN and not _leeg(v):
            uit += h.kop(DELEN[k])
            if isinstance(v, dict) and k == "concepten":
                for stap, velden in v.items():
                    uit += [h.pm(f"<b>Stap {h.e(label(stap).lower())}</b>", "cel")]
                    uit += _blok(velden if isinstance(velden, dict) else {"invoer": velden}, 1)
            elif isinstance(v, dict):
                uit += _blok(v, 1)
            else:
                uit += _blok({k: v}, 1)
    uit += [*h.kop("Documenten in het dossier"), *_documenten(z.get("documenten") or [])]
    uit += [*h.kop("Wie heeft wat vastgelegd of gewijzigd (audit)"), *_audit(z.get("audit") or [])]
    return uit


def _documenten(docs: list[Any]) -> list:
    if not docs:
        return [h.p("Bij deze zaak zijn geen documenten opgeslagen.")]
    rijen = [["Naam", "Soort", "Toegevoegd op", "Grootte", "Controlegetal (SHA-256)"]]
    for d in docs:
        d = d if isinstance(d, dict) else {"naam": str(d)}
        grootte = d.get("grootte")
        rijen.append([
            str(d.get("naam") or "–"),
            waarde(d.get("soort")) if d.get("soort") else "–",
            waarde(d.get("toegevoegd_op")) if d.get("toegevoegd_op") else "–",
            _bytes(grootte) if isinstance(grootte, int) else "–",
            _hash(str(d.get("sha256") or "–")),
        ])  # fmt: skip
    return [
        h.tabel(rijen, [42, 22, 30, 18, 58], rechts=(3,), klein=True),
        h.p("Het controlegetal laat zien dat een document niet is veranderd sinds het werd opgeslagen.", "klein"),
    ]


def _hash(s: str) -> str:
    """A SHA-256 in groups of eight, so it can wrap in a narrow column."""
    return " ".join(s[i : i + 8] for i in range(0, len(s), 8)) if re.fullmatch(r"[0-9a-f]{64}", s) else s


def _bytes(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} kB".replace(".", ",")
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")


def _audit(regels: list[Any]) -> list:
    if not regels:
        return [h.p("Er zijn bij deze zaak geen wijzigingen vastgelegd.")]
    uit: list = [h.p(f"{len(regels)} regel(s), de oudste eerst. Per regel: wanneer, door wie, in welke stap, welk "
                     "gegeven, de oude en de nieuwe waarde.", "klein"), h.Spacer(1, 2)]  # fmt: skip
    for r in regels:
        r = r if isinstance(r, dict) else {"nieuw": r}
        # the consulent by name; the computer account only for entries that name no consulent (older versions)
        wie = f"consulent {r['consulent']}" if r.get("consulent") else str(r.get("gebruiker") or "")
        kop = " · ".join(x for x in (waarde(r.get("tijd")) if r.get("tijd") else "", wie,
                                     f"stap {waarde(r.get('stap'))}" if r.get("stap") else "",
                                     f"gegeven {waarde(r.get('veld'))}" if r.get("veld") else "") if x)  # fmt: skip
        delen = [f"<b>{h.e(kop or 'wijziging')}</b>"]
        if not _leeg(r.get("oud")):
            delen.append(f"oud: {h.e(waarde(r.get('oud')))}")
        if not _leeg(r.get("nieuw")):
            delen.append(f"nieuw: {h.e(waarde(r.get('nieuw')))}")
        overig = {k: v for k, v in r.items() if k not in ("tijd", "gebruiker", "consulent", "stap", "veld", "oud",
                                                           "nieuw") and not _leeg(v)}  # fmt: skip
        if overig:
            delen.append(h.e(waarde(overig)))
        uit.append(h.pm("<br/>".join(delen), "mini"))
        uit.append(h.Spacer(1, 3))
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


def _regeling(gegevens: dict[str, Any]):
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
    kop = bp.Briefkop(regeling, titel=f"Inzage persoonsgegevens – BSN {bsn or 'onbekend'}", onderwerp=ONDERWERP,
                      datum=gemaakt, kenmerk=f"inzage BSN {bsn}" if bsn else "inzage", aan=[a for a in aan if a],
                      afzender=AFZENDER_ZONDER_GEMEENTE)  # fmt: skip
    n = len(zaken)
    inhoud: list = [
        h.p("Overzicht van uw persoonsgegevens", "titel"),
        h.p(f"U heeft gevraagd welke persoonsgegevens wij over u hebben vastgelegd (artikel 15 van de Algemene "
            f"verordening gegevensbescherming, AVG). Dit overzicht bevat alles wat op {nl_datum(gemaakt)} in de "
            f"dossiers over kinderopvang op sociaal-medische indicatie (SMI) stond bij burgerservicenummer "
            f"{bsn or '(niet opgegeven)'}. Na deze uitleg volgt per zaak alles wat is opgeslagen: de gegevens per "
            "onderdeel, de documenten en de auditregels."),
        h.gegevens([
            ("Burgerservicenummer", bsn or "niet opgegeven"),
            ("Naam", str(persoon.get("naam") or "–") if persoon else "niet gevonden in de dossiers"),
            ("Overzicht gemaakt op", nl_datum(gemaakt)),
            ("Aantal zaken", str(n)),
        ]),
    ]  # fmt: skip
    if zaken:
        rijen = [["Zaak", "Melding", "Stap", "Documenten", "Auditregels"]]
        for i, z in enumerate(zaken, 1):
            zaak = z.get("zaak") or {}
            melding = zaak.get("melding") or {}
            rijen.append([str(z.get("zaaknummer") or zaak.get("zaaknummer") or f"zaak {i}"),
                          waarde(melding.get("datum")) if melding.get("datum") else "–",
                          waarde(zaak.get("stap")) if zaak.get("stap") else "–",
                          str(len(z.get("documenten") or [])), str(len(z.get("audit") or []))])  # fmt: skip
        inhoud += [*h.kop("Uw zaken"), h.tabel(rijen, [40, 35, 35, 30, 30], rechts=(3, 4))]
    else:
        inhoud += [*h.kop("Uw zaken"), h.p("Wij hebben in deze dossiers geen gegevens over u gevonden.")]
    inhoud += _uitleg()
    for i, z in enumerate(zaken, 1):
        inhoud += _zaak(i, z)
    return bp.bouw_pdf(kop, inhoud)


def _uitleg() -> list:
    return [
        *h.kop("Waarom wij deze gegevens hebben"),
        h.p(
            "Wij gebruiken deze gegevens om uw melding en aanvraag voor een tegemoetkoming in de kosten van "
            "kinderopvang op sociaal-medische indicatie te behandelen, erover te beslissen, de tegemoetkoming te "
            "betalen en de afspraken daarover te volgen. Er staan ook gegevens over uw gezondheid of die van uw "
            "kind in, als die nodig waren voor het besluit. Van elke wijziging leggen wij vast wie die deed en "
            "wanneer (de auditregels); zo is te controleren dat niemand ongemerkt iets verandert."
        ),
        *h.kop("Uw rechten"),
        *h.opsomming(
            [
                "Klopt een gegeven niet? Dan kunt u vragen het te verbeteren (artikel 16 AVG).",
                "U kunt vragen gegevens te wissen of het gebruik ervan te beperken (artikelen 17 en 18 AVG). Gegevens "
                "die wij volgens de wet moeten bewaren, wissen wij niet eerder dan mag.",
                "U kunt bezwaar maken tegen het gebruik van uw gegevens (artikel 21 AVG).",
                "Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de "
                "Autoriteit Persoonsgegevens (artikel 77 AVG).",
            ]
        ),
    ]
