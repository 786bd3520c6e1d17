"""A letter is dated the day it is made or sent, never before the facts it reports (issue 14, 'the facts')."""

from __future__ import annotations

from datetime import date

import pytest

import letters
from letters import BriefFout
from smi_tui.zaak import Aanvraag
from tests.letters.conftest import beoordeling, tekst, tekst_van, zaak

EEMNES = "eemnes-toekenning.json"  # melding 2 Feb 2026, gesprek 10 Feb, GGD advice 20 Feb, aanvraag 24 Feb


def test_ontvangstbevestiging_niet_gedateerd_voor_de_aanvraag_die_ze_noemt() -> None:
    """Made from the whole case, the letter reports the beslistermijn from the aanvraag of 24 February: it is
    dated 24 February (was 2 February, the day of the melding)."""
    t = tekst(EEMNES, "ontvangstbevestiging")
    assert "Datum 24 februari 2026" in t
    assert "Datum 2 februari 2026" not in t


def test_ontvangstbevestiging_voor_de_aanvraag_blijft_op_de_melding() -> None:
    """Right after the melding (no aanvraag yet) the letter is dated on the melding and says the term has not
    started."""
    z = zaak(EEMNES).model_copy(update={"aanvraag": Aanvraag(), "verslag": None, "besluit": None})
    t = tekst_van(letters.maak("ontvangstbevestiging", z))
    assert "Datum 2 februari 2026" in t


def test_verslag_niet_gedateerd_voor_het_advies_dat_het_noemt() -> None:
    """Gesprek 10 February, advice of the GGD 20 February: the verslag is dated 20 February."""
    t = tekst(EEMNES, "verslag")
    assert "Datum 20 februari 2026" in t


def test_gegeven_datum_voor_de_feiten_wordt_geweigerd() -> None:
    with pytest.raises(
        BriefFout,
        match=r"kan niet op 10 februari 2026 gedateerd worden: hij noemt het advies van .* "
        r"van 20 februari 2026\. Kies een datum op of na 20 februari 2026\.",
    ):
        letters.maak("verslag", zaak(EEMNES), beoordeling(EEMNES), datum=date(2026, 2, 10))
    assert letters.maak("verslag", zaak(EEMNES), beoordeling(EEMNES), datum=date(2026, 2, 20))


def test_brief_zonder_zaaknummer_wordt_geweigerd_behalve_als_proefdruk() -> None:
    """A letter to a parent carries the case's reference: without a zaaknummer it cannot be sent (it said
    'het kenmerk van deze brief (nog geen zaaknummer)'); a proof says on every page that it must not be sent."""
    z = zaak(EEMNES).model_copy(update={"zaaknummer": None})
    for soort in ("beschikking", "ontvangstbevestiging", "verslag"):
        with pytest.raises(BriefFout, match="heeft nog geen zaaknummer"):
            letters.maak(soort, z, beoordeling(EEMNES))
    t = tekst_van(letters.maak("beschikking", z, beoordeling(EEMNES), proef=True))
    assert t.count("PROEFDRUK — NIET VERZENDEN") >= 2  # every page
    # the reference says it is a proof (no brackets: it is often cited in brackets itself)
    assert "nog geen zaaknummer" not in t.replace("PROEFDRUK, niet verzenden: nog geen zaaknummer", "").replace(
        "deze zaak heeft nog geen zaaknummer", ""
    )
