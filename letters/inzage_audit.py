"""The documents of a case and its audit trail, for the privacy export, in plain Dutch.

The store logs each save as an entry (time, consulent, step, action) with the changed fields as dotted paths
(``melding.kinderen.0.opvang.uurprijs_cent``). Here every entry becomes a heading — when, who (the consulent's name,
or "medewerker": never the computer's login), what happened — with a table of the data concerned under readable
names ("Melding – kind 1 (Lotte Jansen) – opvang – uurprijs") and values written as the rest of the export writes
them (€ 11,75, not 1175).
"""

from __future__ import annotations

import re
from typing import Any

from letters import huisstijl as h
from letters.inzage_waarden import DELEN, ENKELVOUD, adres, klein, label, leeg, waarde

_LANG = 350  # a longer value goes under the table as a paragraph: a table row cannot span pages
ACTIES = {
    "aangemaakt": "zaak aangemaakt",
    "geïmporteerd": "zaak ingelezen",
    "gewijzigd": "gegevens gewijzigd",
    "document toegevoegd": "document toegevoegd",
}
WIE_ZONDER_NAAM = "medewerker"
"""Who made a change the log names no consulent for: never the computer account (e.g. 'root')."""


def documenten(docs: list[Any]) -> list:
    """The documents of a case: name, kind, date added, size and checksum."""
    if not docs:
        return [h.p("Bij deze zaak zijn geen documenten opgeslagen.")]
    rijen = [["Naam", "Soort", "Toegevoegd op", "Grootte", "Controlegetal (SHA-256)"]]
    for d in docs:
        d = d if isinstance(d, dict) else {"naam": str(d)}
        grootte = d.get("grootte")
        rijen.append(
            [
                str(d.get("naam") or "–"),
                waarde(d.get("soort")) if d.get("soort") else "–",
                waarde(d.get("toegevoegd_op")) if d.get("toegevoegd_op") else "–",
                _bytes(grootte) if isinstance(grootte, int) else "–",
                _hash(str(d.get("sha256") or "–")),
            ]
        )
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


def gegeven(pad: str, zaak: dict[str, Any]) -> str:
    """A dotted field path in words: 'melding.kinderen.0.opvang.uurprijs_cent' → 'Melding – kind 1 (Lotte Jansen) –
    opvang – uurprijs' (the name from the case as stored now, when it has one)."""
    delen = [d for d in str(pad).split(".") if d]
    if not delen:
        return "Zaak"
    woorden: list[str] = []
    hier: Any = zaak
    vorige = ""
    for i, d in enumerate(delen):
        volgend: Any = None
        if d.isdigit() and vorige:
            nr = int(d)
            if isinstance(hier, list) and nr < len(hier):
                volgend = hier[nr]
            naam = volgend.get("naam") if isinstance(volgend, dict) else None
            enkel = ENKELVOUD.get(vorige, label(vorige)).lower()
            woorden[-1] = f"{enkel} {nr + 1}" + (f" ({naam})" if isinstance(naam, str) and naam else "")
        else:
            if isinstance(hier, dict):
                volgend = hier.get(d)
            if i == 0 and d in DELEN:
                woorden.append(DELEN[d])
            else:
                woorden.append(label(d) if i == 0 else klein(label(d)))
        hier, vorige = volgend, d
    return " – ".join(woorden)


def _tekst(w: Any, sleutel: str) -> str:
    if leeg(w):
        return "–"
    if isinstance(w, dict) and not adres(w) and {"naam", "sha256"} <= w.keys():  # a document's record
        return f"{w.get('naam')}" + (f" ({waarde(w.get('soort'))})" if w.get("soort") else "")
    return waarde(w, sleutel)


def _documentnaam(pad: str, docs: dict[str, str]) -> str | None:
    """'Document beschikking-SMI-2026-0001.pdf' for 'documenten.<id>' paths (None for any other path)."""
    delen = str(pad).split(".")
    if delen[0] != "documenten" or len(delen) < 2:
        return None
    return f"Document {docs.get(delen[1], 'in het dossier')}"


def _groepen(regels: list[Any]) -> list[list[dict[str, Any]]]:
    """The audit lines grouped per save (one entry: the same number and time), oldest first."""
    groepen: list[list[dict[str, Any]]] = []
    for r in regels:
        r = r if isinstance(r, dict) else {"nieuw": r}
        sleutel = (r.get("nr"), r.get("tijd"))
        if groepen and (groepen[-1][0].get("nr"), groepen[-1][0].get("tijd")) == sleutel and sleutel != (None, None):
            groepen[-1].append(r)
        else:
            groepen.append([r])
    return groepen


def audit(regels: list[Any], zaak: dict[str, Any], docs: list[Any]) -> list:
    """The audit trail of one case: per save when, who and what, and the data concerned with old and new value."""
    if not regels:
        return [h.p("Er zijn bij deze zaak geen wijzigingen vastgelegd.")]
    namen = {str(d.get("id")): str(d.get("naam")) for d in docs if isinstance(d, dict) and d.get("id")}
    groepen = _groepen(regels)
    uit: list = [h.p(f"{len(groepen)} keer is deze zaak vastgelegd of gewijzigd, de oudste eerst: wanneer, door wie, "
                     "wat er gebeurde, en welke gegevens het betrof met de oude en de nieuwe waarde.", "klein"),
                 h.Spacer(1, 2)]  # fmt: skip
    for groep in groepen:
        eerste = groep[0]
        wie = str(eerste.get("consulent") or "").strip() or WIE_ZONDER_NAAM
        actie = str(eerste.get("actie") or "")
        wat = ACTIES.get(actie, actie.replace("_", " ") or "gegevens vastgelegd")
        stap = f" (stap {waarde(eerste.get('stap'))})" if eerste.get("stap") else ""
        tijd = waarde(eerste.get("tijd")) if eerste.get("tijd") else ""
        kop = " · ".join(x for x in (tijd, wie, wat + stap) if x)
        uit.append(h.pm(f"<b>{h.e(kop)}</b>", "mini"))
        nieuw_alleen = all(leeg(r.get("oud")) for r in groep)
        rijen: list[list[str]] = [["Gegeven", "Vastgelegd"] if nieuw_alleen else ["Gegeven", "Was", "Wordt"]]
        lang: list[tuple[str, str]] = []
        for r in groep:
            if leeg(r.get("oud")) and leeg(r.get("nieuw")) and not str(r.get("veld") or "").startswith("concepten."):
                continue  # the entry itself, or a field created empty: nothing was recorded
            pad = str(r.get("veld") or "")
            sleutel = pad.rsplit(".", 1)[-1]
            naam = _documentnaam(pad, namen) or gegeven(pad, zaak)
            oud, nieuw = _tekst(r.get("oud"), sleutel), _tekst(r.get("nieuw"), sleutel)
            if pad.endswith(".vervangen_door") and pad.startswith("documenten."):
                nieuw = "vervangen door een nieuwe versie"
            if pad.startswith("concepten."):
                naam = f"Nog niet afgeronde invoer, stap {waarde(sleutel)}"
            if max(len(oud), len(nieuw)) > _LANG:
                lang.append((naam, nieuw if oud == "–" else f"was: {oud}\nwordt: {nieuw}"))
                continue
            rijen.append([naam, nieuw] if nieuw_alleen else [naam, oud, nieuw])
        if len(rijen) > 1:
            uit.append(h.tabel(rijen, [70, 100] if nieuw_alleen else [60, 55, 55], klein=True))
        for naam, tekst in lang:
            uit += [h.pm(f"<b>{h.e(naam)}</b>", "mini"), *[h.p(t, "mini") for t in tekst.split("\n")]]
        uit.append(h.Spacer(1, 4))
    return uit
