"""Eemnes establishes the plan van aanpak in the decision (artikel 3.3 lid 3 of the verordening): the beschikking says
the plan is part of it and attached; the plan says it was established with the decision and holds its start date
(artikel 3.5 lid 2) and how the college pays (artikel 3.7 lid 1: 'Dit staat ook in het plan van aanpak'). A refusal
has no plan van aanpak. Checked on the extracted text."""

from __future__ import annotations

from datetime import date

import pytest

import letters
from letters import BriefFout
from smi_tui.zaak import Beslissing, Zaak
from tests.letters.conftest import beoordeling, tekst, tekst_van, voorbeelden, zaak
from tests.letters.test_inhoud import bevat

EEMNES = "eemnes-toekenning.json"
VERORDENING = "van de Verordening Sociaal-medische indicatie, SMI, gemeente Eemnes 2025"


def test_beschikking_stelt_het_plan_vast() -> None:
    bevat(
        tekst(EEMNES, "beschikking"),
        f"Wij stellen ook het plan van aanpak vast (artikel 3.3 lid 3 {VERORDENING}).",
        "Het plan van aanpak van 2 maart 2026 is onderdeel van dit besluit en zit als bijlage bij deze brief.",
        "kunt u daartegen bezwaar maken",
    )


def test_plan_met_vaststelling_ingangsdatum_en_betaling() -> None:
    t = tekst(EEMNES, "plan-van-aanpak")
    bevat(
        t,
        "vastgesteld als onderdeel van het besluit van 2 maart 2026 met kenmerk SMI-2026-9005 (artikel 3.3 lid 3",
        # the plan's start date (verslag.plan_ingangsdatum 9 March 2026), 12 months: to 8 March 2027 (art. 3.5 lid 1)
        f"De tegemoetkoming gaat in op 9 maart 2026, de ingangsdatum van dit plan van aanpak (artikel 3.5 lid 2 "
        f"{VERORDENING}).",
        "Zij loopt tot en met 8 maart 2027.",
        "Wij betalen de tegemoetkoming elke maand rechtstreeks aan de opvangorganisatie",
        f"(artikel 3.7 lid 1 en 2 {VERORDENING}); wij hebben gekozen voor betaling aan de opvangorganisatie.",
    )


def _eemnes(**besluit: object) -> Zaak:
    z = zaak(EEMNES)
    return z.model_copy(update={"besluit": z.besluit.model_copy(update=besluit)})


def test_latere_start_van_de_opvang() -> None:
    """Artikel 3.5 lid 2: care that starts later than the plan's date moves the start of the grant to it."""
    z = _eemnes()
    kind = z.melding.kinderen[0]
    opvang = kind.opvang.model_copy(update={"begindatum": date(2026, 4, 1)})
    kinderen = [kind.model_copy(update={"opvang": opvang}), *z.melding.kinderen[1:]]
    z = z.model_copy(update={"melding": z.melding.model_copy(update={"kinderen": kinderen})})
    bevat(tekst_van(letters.maak("plan-van-aanpak", z)), "De tegemoetkoming gaat in op 1 april 2026")


def test_plan_voor_het_besluit_belooft_de_vaststelling() -> None:
    z = zaak(EEMNES).model_copy(update={"besluit": None})
    t = tekst_van(letters.maak("plan-van-aanpak", z, beoordeling(EEMNES)))
    bevat(
        t,
        "Het college stelt dit plan van aanpak vast in het besluit op uw aanvraag (artikel 3.3 lid 3",
        "beslist het college in de beschikking",
    )
    assert "vastgesteld als onderdeel van het besluit van" not in t


def test_afwijzing_heeft_geen_plan() -> None:
    z = _eemnes(beslissing=Beslissing.AFWIJZEN, motivering="De noodzaak is vervallen.", betaling_aan=None)
    t = tekst_van(letters.maak("beschikking", z, beoordeling(EEMNES)))
    assert "plan van aanpak" not in t.lower()
    with pytest.raises(BriefFout, match="Bij een afwijzing hoort geen plan van aanpak"):
        letters.maak("plan-van-aanpak", z, beoordeling(EEMNES))
    assert letters.bij_zaak(("beschikking", "plan-van-aanpak"), z) == ("beschikking",)


@pytest.mark.parametrize("naam", [v.name for v in voorbeelden() if v.name != EEMNES and zaak(v.name).besluit])
def test_andere_regelingen_stellen_geen_plan_vast_in_het_besluit(naam: str) -> None:
    assert "Wij stellen ook het plan van aanpak vast" not in tekst(naam, "beschikking")
