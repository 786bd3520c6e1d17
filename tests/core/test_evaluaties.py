"""Evaluation moments: Albrandswaard art. 5 lid 5 (the casusregisseur every 3 months); the others have none."""

from __future__ import annotations

from datetime import date

import pytest

from smi_tui.evaluaties import EvaluatieStatus, evaluatiemomenten, geen_evaluatie
from tests.core.test_termijnen_nazorg import VERLENGD, regeling, zaak


def test_albrandswaard_elke_drie_maanden_door_de_casusregisseur() -> None:
    z = zaak("albrandswaard-toekenning")  # grant 1 February - 31 July 2026
    m = evaluatiemomenten(z, regeling(z))
    assert [(x.nummer, x.datum) for x in m] == [(1, date(2026, 5, 1))]  # 1 August falls after the end
    assert m[0].door == "de casusregisseur" and m[0].artikel == "artikel 5 lid 5"
    assert geen_evaluatie(regeling(z)) is None


def test_na_verlenging_loopt_de_reeks_door() -> None:
    z = zaak("albrandswaard-toekenning", VERLENGD)
    assert [x.datum for x in evaluatiemomenten(z, regeling(z))] == [
        date(2026, 5, 1),
        date(2026, 8, 1),
        date(2026, 11, 1),
    ]


@pytest.mark.parametrize(
    ("vandaag", "status"),
    [
        (date(2026, 4, 1), EvaluatieStatus.GEPLAND),
        (date(2026, 4, 17), EvaluatieStatus.BINNENKORT),  # 14 days ahead
        (date(2026, 5, 1), EvaluatieStatus.BINNENKORT),
        (date(2026, 5, 2), EvaluatieStatus.TE_LAAT),
    ],
)
def test_status(vandaag, status) -> None:
    z = zaak("albrandswaard-toekenning")
    assert evaluatiemomenten(z, regeling(z))[0].status(vandaag) == status


def test_gehouden_met_verslag() -> None:
    verslag = {"nummer": 1, "gehouden_op": "2026-05-04", "door": "R. Kok", "uitkomst": "voortzetten"}
    z = zaak("albrandswaard-toekenning", {"evaluaties": [verslag]})
    m = evaluatiemomenten(z, regeling(z))[0]
    assert m.verslag is not None and m.status(date(2026, 6, 1)) == EvaluatieStatus.GEHOUDEN


@pytest.mark.parametrize(
    "naam", ["eemnes-toekenning", "heemstede-toekenning", "voerendaal-toekenning", "oude-ijsselstreek-toekenning"]
)
def test_andere_regelingen_kennen_geen_evaluatiemomenten(naam) -> None:
    z = zaak(naam)
    assert evaluatiemomenten(z, regeling(z)) == []
    assert "geen vaste evaluatiemomenten" in geen_evaluatie(regeling(z))


def test_geen_momenten_zonder_toekenning() -> None:
    z = zaak("albrandswaard-toekenning", {"besluit": None})
    assert evaluatiemomenten(z, regeling(z)) == []
