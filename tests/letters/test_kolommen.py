"""Layout: table columns fit their content — no header or name broken mid-word ('Geboortedatu/m')."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from letters import huisstijl as h
from tests.letters.conftest import past, tekst, voorbeelden, zaak


@pytest.mark.parametrize("naam", [v.name for v in voorbeelden() if past(v.name, "verslag")])
def test_verslag_breekt_geen_kopjes_of_namen(naam: str) -> None:
    t = tekst(naam, "verslag")
    assert "Geboortedatum" in t  # the header of the children's table, whole (it broke as 'Geboortedatu m')
    for k in zaak(naam).melding.kinderen:
        assert k.naam in t


def test_een_kolom_is_nooit_smaller_dan_haar_langste_woord() -> None:
    """Four children with long Polish and Turkish names in the verslag's table proportions (40, 28, 24, 73)."""
    rijen = [["Kind", "Geboortedatum", "BSN", "Adres"],
             ["Małgorzata Przybyszewska-Wiśniewska", "12 september 2019", "123456782", "Kerkstraat 1, Eemnes"],
             ["Gülşen Karaağaçlıoğlu", "3 februari 2021", "–", "Kerkstraat 1, Eemnes"],
             ["Agnieszka Wiśniewska", "30 november 2022", "–", "Kerkstraat 1, Eemnes"],
             ["Şükrü Öztürkoğlu", "1 januari 2024", "–", "Kerkstraat 1, Eemnes"]]  # fmt: skip
    breedtes = h.passende_breedtes(rijen, [40, 28, 24, 73], "cel")
    assert sum(breedtes) == pytest.approx(h.BREEDTE)
    grootte = h.STIJL["cel"].fontSize
    for r, rij in enumerate(rijen):
        font = h.FONT_VET if r == 0 else h.FONT
        for k, c in enumerate(rij):
            langste = max(pdfmetrics.stringWidth(w, font, grootte) for w in c.split())
            assert breedtes[k] >= langste + 6, (c, breedtes[k], langste)


def test_uren_en_kosten_in_de_bijlage_kloppen_met_elkaar() -> None:
    """Heemstede, Yasmin: 150 hours asked, 137,50 granted (the Ad. 4 cap of 33 h a week). The costs are for the hours
    asked (150 × € 10,95 = € 1.642,50), the compensation for the hours granted (137,50 × € 10,95 × 96 % = € 1.445,40):
    the hours column shows both, so a reader can check each amount."""
    t = tekst("heemstede-toekenning.json", "beschikking")
    assert "mei 2026 31 137,50 (150,00) 96,00% € 1.642,50 € 1.445,40 € 197,10" in t
    assert "Kosten: de gevraagde uren × de prijs volgens de offerte" in t
