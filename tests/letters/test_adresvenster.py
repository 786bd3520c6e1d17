"""The address window: lines wrapped to the window of a window envelope (it ends at 110 mm from the paper's left
edge, where the letterhead's column begins), a return address above it, and a clear error when an address does
not fit."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

import letters
from letters import BriefFout
from letters.briefpapier import adresregels_in_venster
from letters.huisstijl import FONT, LINKS
from tests.letters.conftest import beoordeling, tekst_van, zaak

EEMNES = "eemnes-toekenning.json"
LANGE_STRAAT = "Burgemeester Professor Doctor Van Der Heijden-Oosterhuislaan"


def test_lange_regels_blijven_binnen_het_venster() -> None:
    regels = adresregels_in_venster(
        ["Agnieszka Wiśniewska-Łęczyńska en Pieter Jansen-Van Oosterhout", f"{LANGE_STRAAT} 127-B"]
    )
    assert len(regels) >= 3
    for r in regels:
        assert LINKS + stringWidth(r, FONT, 9.5) <= 110 * mm, r
    assert " ".join(regels).replace("  ", " ").startswith("Agnieszka Wiśniewska-Łęczyńska en Pieter")


def test_adres_dat_niet_in_het_venster_past_wordt_geweigerd() -> None:
    with pytest.raises(BriefFout, match="past niet in het venster"):
        adresregels_in_venster([LANGE_STRAAT] * 5)


def test_beschikking_met_lange_straat_en_retouradres() -> None:
    z = zaak(EEMNES)
    o = z.melding.ouders[0]
    ouders = [
        o.model_copy(update={"adres": o.adres.model_copy(update={"straat": LANGE_STRAAT})}),
        *z.melding.ouders[1:],
    ]
    z = z.model_copy(update={"melding": z.melding.model_copy(update={"ouders": ouders})})
    t = tekst_van(letters.maak("beschikking", z, beoordeling(EEMNES)))
    assert "Retouradres BEL Combinatie, Postbus 71, 3755 ZH Eemnes" in t  # the regulation's postadres, one line
    assert "Oosterhuislaan" in t
