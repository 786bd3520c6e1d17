"""Nothing meant for the consulent reaches a parent: every letter of every example (and the letter types no example
has by itself) is free of ISO dates, field codes, source notes and the words of a provisional-figure note."""

from __future__ import annotations

import re

import pytest

import letters
from letters import BriefFout
from tests.letters.conftest import pdf, tekst_van, voorbeelden

VERBODEN = {
    "ISO-datum": r"\b\d{4}-\d{2}-\d{2}\b",
    "veldcode": r"\b[a-z]+_[a-z_]+\b",
    "notitie '(geen gevonden)'": r"\(geen gevonden\)",
    "notitie 'niet gevonden'": r"niet gevonden",
    "notitie 'voorlopig de norm'": r"voorlopig de norm",
    "bronnotitie 'noemt geen beslistermijn'": r"noemt geen beslistermijn",
    "bronnotitie 'noemt er geen bij naam'": r"noemt er geen bij naam",
    "controle-opdracht aan de consulent": r"controleer het|tabellen/",
}


def overtredingen(t: str) -> list[str]:
    """Each forbidden pattern found in ``t``, with some text around it."""
    uit = []
    for wat, patroon in VERBODEN.items():
        for m in re.finditer(patroon, t):
            uit.append(f"{wat}: …{t[max(0, m.start() - 50) : m.end() + 30]}…")
    return uit


@pytest.mark.parametrize("naam", [v.name for v in voorbeelden()])
def test_geen_interne_notities_in_de_brief(naam: str) -> None:
    """Every letter this example has (a toekenning has no verdaging: that letter is refused, and left out)."""
    gemaakt = {}
    for soort in letters.SOORTEN:
        try:
            gemaakt[soort] = pdf(naam, soort)
        except BriefFout:
            continue
    assert "ontvangstbevestiging" in gemaakt
    assert {soort: overtredingen(tekst_van(data)) for soort, data in gemaakt.items()} == {s: [] for s in gemaakt}


def test_geen_interne_notities_in_de_termijnbrieven() -> None:
    from tests.letters.test_termijnbrieven import eemnes
    from tests.letters.test_wijzigingsbeschikking import herziening

    for soort, zaak in (
        ("verzoek-aanvulling", eemnes()),
        ("verdaging", eemnes()),
        ("wijzigingsbeschikking", herziening()),
    ):
        assert overtredingen(tekst_van(letters.maak(soort, zaak))) == [], soort


def test_de_patronen_vinden_wat_ze_zoeken() -> None:
    """The checks themselves: each forbidden form in a sentence is found (the test cannot pass by matching nothing)."""
    zinnen = ["grens 110% van de bijstandsnorm per 2026-01-01", "code sociaal_medisch", "(geen gevonden)",
              "norm is niet gevonden", "voorlopig de norm per", "(het raadsvoorstel noemt geen beslistermijn)",
              "dit bedrag berust op één bronfamilie (zie tabellen/minimumnormen.json); controleer het"]  # fmt: skip
    assert all(overtredingen(z) for z in zinnen)
    assert overtredingen("Op 1 januari 2026 is de norm € 2.002,13; telefoon 035-123 45 67.") == []


def test_een_notitie_in_de_regeling_blijft_bij_de_consulent() -> None:
    """The regulation keeps the note beside the article (``noot``); the letter cites the article alone."""
    from smi_tui.register import Register

    r = Register.laad().op_id("heemstede-2022")
    assert r.beslistermijn.artikel == "artikel 4:13 Algemene wet bestuursrecht"
    assert "beslistermijn" in r.beslistermijn.noot
