"""How the privacy export (``letters.inzage``) writes stored values in Dutch: readable labels for field names, dates
written out, cents as euros, yes/no, codes with spaces, and records as label/value tables (long text as paragraphs,
so a table row never has to span a page). Lenient: a missing key is left out, an unknown one gets a readable label.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from letters import huisstijl as h
from smi_tui.datums import nl_datum
from smi_tui.geld import euro

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
    """A field name as a label: 'Uurprijs' for uurprijs_cent, 'Naam melder' for melder_naam."""
    t = LABELS[sleutel] if sleutel in LABELS else re.sub(r"_cent$", "", sleutel).replace("_", " ")
    return t[:1].upper() + t[1:]


def klein(t: str) -> str:
    """A label inside a sentence: lower case, except acronyms (BSN, LRK-nummer)."""
    return t if len(t) > 1 and t[:2].isupper() else t[:1].lower() + t[1:]


def adres(a: dict[str, Any]) -> str | None:
    """'Straat 1, 1234 AB Plaats' for a stored address, None for any other record."""
    if not {"straat", "woonplaats"} <= a.keys():
        return None
    straat = " ".join(str(a.get(k) or "") for k in ("straat", "huisnummer", "toevoeging")).split()
    plaats = " ".join(str(a.get(k) or "") for k in ("postcode", "woonplaats")).split()
    return f"{' '.join(straat)}, {' '.join(plaats)}"


def leeg(w: Any) -> bool:
    """Whether a stored value is empty (left out of the export's tables)."""
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
                t = _lokaal(datetime.fromisoformat(s.replace("Z", "+00:00")))
                return f"{nl_datum(t.date())} {t:%H:%M:%S}"
            except ValueError:
                return s
        if _CODE.match(s):
            return s.replace("_", " ")
        if _GETAL.match(s):
            return s.replace(".", ",")
        return s
    if isinstance(w, list):
        return "; ".join(waarde(x, sleutel) for x in w if not leeg(x))
    if isinstance(w, dict):
        return adres(w) or "; ".join(f"{klein(label(k))}: {waarde(v, k)}" for k, v in w.items() if not leeg(v))
    return str(w)


def _lokaal(t: datetime) -> datetime:
    """A stored time (UTC) in Dutch time, as the reader knows it; a time without zone as it is."""
    if t.tzinfo is None:
        return t
    try:
        from zoneinfo import ZoneInfo

        return t.astimezone(ZoneInfo("Europe/Amsterdam"))
    except Exception:  # no time zone data on this machine: the time as stored
        return t


def _plat(d: dict[str, Any]) -> bool:
    """A small record of plain values (e.g. an answer: beschikbaar + toelichting) that reads well on one line."""
    gevuld = [v for v in d.values() if not leeg(v)]
    return len(gevuld) <= 2 and not any(isinstance(v, dict | list) for v in gevuld)


def rijen_van(d: dict[str, Any], voorvoegsel: str = "") -> tuple[list[tuple[str, str]], list[tuple[str, Any]]]:
    """(label, value) rows for the scalar and nested-dict fields of ``d`` (nested labels prefixed), and the
    lists of records, which become their own blocks."""
    rijen: list[tuple[str, str]] = []
    blokken: list[tuple[str, Any]] = []
    for k, v in d.items():
        if k in WEGLATEN or leeg(v):
            continue
        naam = f"{voorvoegsel}{label(k)}"
        if isinstance(v, dict) and (adres(v) or _plat(v)):
            rijen.append((naam, waarde(v, k)))
        elif isinstance(v, dict):
            sub_rijen, sub_blokken = rijen_van(v, f"{naam} – ")
            rijen += sub_rijen
            blokken += sub_blokken
        elif isinstance(v, list) and any(isinstance(x, dict) for x in v):
            blokken.append((k, v))
        else:
            rijen.append((naam, waarde(v, k)))
    return rijen, blokken


def tabel(rijen: list[tuple[str, str]]) -> list:
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


def blok(d: dict[str, Any], niveau: int) -> list:
    """A record as tables: its values, then each list of records in it (a table, or a block per record)."""
    rijen, blokken = rijen_van(d)
    uit = tabel(rijen)
    for k, lijst in blokken:
        enkel = ENKELVOUD.get(k, label(k))
        items = [x for x in lijst if not leeg(x)]
        vlak = all(isinstance(x, dict) and not any(isinstance(v, dict | list) for v in x.values()) for x in items)
        kolommen = list(dict.fromkeys(c for x in items if isinstance(x, dict) for c, v in x.items() if not leeg(v)))
        if vlak and 1 <= len(kolommen) <= 5 and all(len(str(v)) <= _LANGE_TEKST for x in items for v in x.values()):
            # a list of small records (documents received, actions): one table, a row each
            rijen_t = [[label(c) for c in kolommen]]
            rijen_t += [[waarde(x.get(c), c) if not leeg(x.get(c)) else "–" for c in kolommen] for x in items]
            uit += [h.Spacer(1, 3), h.pm(f"<b>{h.e(label(k))}</b>", "cel"), h.tabel(rijen_t, [1] * len(kolommen))]
            continue
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict):
                uit.append(h.p(f"{enkel} {i}: {waarde(item, k)}", "cel"))
                continue
            naam = item.get("naam")
            titel = f"{enkel} {i}" + (f": {naam}" if isinstance(naam, str) and naam else "")
            uit += [h.Spacer(1, 3), h.pm(f"<b>{h.e(titel)}</b>", "cel")]
            uit += blok(item, niveau + 1)
    return uit
