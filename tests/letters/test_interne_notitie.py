"""The internal note (issue 15, deliverable 7): the case's summary on paper, marked on every page as not to be
sent, without an address window or a BSN, and with the same figures as the calculation."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from letters.interne_notitie import MARKERING, maak
from smi_tui.overzicht import Document
from tests.letters.conftest import beoordeling, tekst_van, voorbeelden, zaak

DATUM = date(2026, 5, 4)


@pytest.mark.parametrize("naam", [v.name for v in voorbeelden()])
def test_elke_pagina_zegt_niet_verzenden_en_geen_bsn(naam: str) -> None:
    z = zaak(naam)
    data = maak(z, beoordeling(naam), datum=DATUM)
    paginas = PdfReader(io.BytesIO(data)).pages
    assert all(MARKERING in (p.extract_text() or "") for p in paginas)
    tekst = tekst_van(data)
    assert "Interne notitie — niet verzenden" in tekst
    for p in [*z.melding.ouders, *z.melding.kinderen]:
        assert p.naam in tekst
        assert not p.bsn or p.bsn not in tekst  # no more personal data than needed
    adres = z.aanvrager.adres
    assert adres is None or f"{adres.straat} {adres.huisnummer}" not in tekst


def test_inhoud_heemstede() -> None:
    """Heemstede's example (two children, Ad. 4 caps the hours): the calculation per child as the beschikking has
    it, the toetsen by their Dutch names, the deadlines and the letters given."""
    naam = "heemstede-toekenning.json"
    docs = [Document(date(2026, 4, 24), "Beschikking", "afgedrukt")]
    tekst = tekst_van(maak(zaak(naam), beoordeling(naam), datum=DATUM, documenten=docs))
    b = beoordeling(naam).berekening
    assert b is not None
    # € 17.344,80 and € 3.832,32: the months of the calculation summed (voorbeelden/heemstede-toekenning.json);
    # together € 21.177,12
    assert "€ 17.344,80" in tekst and "€ 3.832,32" in tekst and "€ 21.177,12" in tekst
    assert sum(k.totaal_cent for k in b.kinderen) == 1734480 + 383232 == 2117712
    assert "Maximum aantal uren" in tekst and "Registratie van de opvang (LRK)" in tekst
    assert "woonplaats_ouder" not in tekst and "urenmaximum" not in tekst  # no internal codes
    assert "Beschikking, 24 april 2026 (afgedrukt)" in tekst
    assert "Termijnen" in tekst and "beslistermijn" in tekst
