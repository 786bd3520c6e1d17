"""The case's summary and the preview before the beschikking (issue 15, deliverable 7), from the core: the parts
in reading order, names only, toetsen by their Dutch names, and what the beschikking will decide."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from smi_tui.beoordeling import beoordeel_zaak
from smi_tui.overzicht import besluitvoorbeeld, samenvatting
from smi_tui.zaak import Zaak

ROOT = Path(__file__).resolve().parents[2]


def _zaak(naam: str, **anders: object) -> Zaak:
    data = json.loads((ROOT / "voorbeelden" / f"{naam}.json").read_text(encoding="utf-8"))
    data.update(anders)
    return Zaak.model_validate(data)


def test_samenvatting_delen_en_geen_bsn() -> None:
    z = _zaak("albrandswaard-toekenning")
    b = beoordeel_zaak(z, peildatum=date(2026, 5, 4))
    delen = samenvatting(z, b, date(2026, 5, 4))
    assert [d.titel for d in delen] == [
        "Ouders en kinderen",
        "Melding en gesprek",
        "Verslag",
        "Voorliggende voorzieningen",
        "Toetsen",
        "Berekening per kind",
        "Besluit",
        "Termijnen",
        "Documenten",
    ]
    alles = " ".join(f"{label} {tekst}" for d in delen for label, tekst in d.regels)
    assert "Noor de Boer, 1 jaar" in alles  # born 1 June 2024: 1 year old on 4 May 2026
    assert all(p.bsn not in alles for p in [*z.melding.ouders, *z.melding.kinderen] if p.bsn)
    assert "Dorpsdijk" not in alles
    toetsen = dict(next(d for d in delen if d.titel == "Toetsen").regels[:1])
    assert toetsen == {"Voorstel": "gedeeltelijk"}
    assert "Maximum aantal uren (artikel 6 lid 2)" in alles and "urenmaximum" not in alles
    # 6 months x € 1.471,58 = € 8.829,48 (3 x 10,5 h x 52/12 x € 11,23 x 96 %, see test_budget)
    assert "totaal € 8.829,48" in alles


def test_voorbeeld_van_het_besluit() -> None:
    z = _zaak("albrandswaard-toekenning")
    b = beoordeel_zaak(z, peildatum=date(2026, 1, 27))
    regels = besluitvoorbeeld(z, b, date(2026, 1, 28))
    assert regels[0] == ("Besluit", "gedeeltelijk, besluitdatum 27 januari 2026")
    assert (
        "Toegekend",
        "Noor de Boer: van 1 februari 2026 t/m 31 juli 2026, 136,50 uur dagopvang per volle maand, totaal € 8.829,48",
    ) in regels
    assert ("Afgewezen", "Maximum aantal uren (artikel 6 lid 2)") in regels
    # sent 28 January 2026: six weeks from the next day = Wednesday 11 March 2026 (Awb 6:7, 6:8)
    assert ("Bezwaar", "tot en met 11 maart 2026 bij verzending op 28 januari 2026 (artikel 6:7 en 6:8 Awb)") in regels


def test_voorbeeld_van_een_afwijzing() -> None:
    z = _zaak("oude-ijsselstreek-afwijzing")
    b = beoordeel_zaak(z, peildatum=z.besluit.datum)  # type: ignore[union-attr]
    regels = dict(besluitvoorbeeld(z, b, date(2026, 5, 4)))
    assert regels["Dictum"] == "de aanvraag wordt afgewezen; geen tegemoetkoming"
    assert "Toegekend" not in regels and "Bedragen" not in regels
