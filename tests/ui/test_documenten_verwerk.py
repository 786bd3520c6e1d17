"""What an attached stuk does to the case (screens.documentinvoer.verwerk), by hand: the stuk received with its
date, the signed verslag as Voerendaal's aanvraag (artikel 3 lid 6) with what follows from its date, and the list
of what is still missing that the document screen and the verzoek om aanvulling use."""

from __future__ import annotations

from datetime import date

import pytest

from screens.documentinvoer import ADVIES, OVERIG, VERSLAG, ontbrekende_stukken, verwerk
from smi_tui.fouten import SmiFout
from smi_tui.register import Register
from smi_tui.zaak import Stap, Zaak
from tests.ui.conftest import tot_stap
from tests.ui.hulp import voorbeeld

REGISTER = Register.laad()


def _zaak(naam: str, **aanpassing: object) -> tuple[Zaak, object]:
    data = tot_stap(voorbeeld(naam), Stap.VOORLIGGEND)
    data["aanvraag"] = {"ontvangen_op": None, "stukken": []}
    data.update(aanpassing)
    zaak = Zaak.model_validate(data)
    return zaak, REGISTER.voor(zaak.regeling, zaak.melding.datum)


def test_ondertekend_verslag_is_in_voerendaal_de_aanvraag() -> None:
    zaak, regeling = _zaak("voerendaal-toekenning")
    zaak = zaak.model_copy(update={"verslag": zaak.verslag.model_copy(update={"ondertekend_op": None})})
    nieuw, meldingen = verwerk(zaak, regeling, VERSLAG, date(2026, 5, 19))
    assert nieuw.verslag.ondertekend_op == date(2026, 5, 19)
    assert [(s.code, s.ontvangen_op) for s in nieuw.aanvraag.stukken] == [(VERSLAG, date(2026, 5, 19))]
    tekst = " ".join(meldingen)
    assert "de aanvraag (artikel 3 lid 6): de aanvraag is gedaan op 19 mei 2026" in tekst
    # artikel 3 lid 10: no grant for care before the aanvraag, so not before 19 May 2026
    assert "niet eerder in dan 19 mei 2026 (artikel 3 lid 10)" in tekst
    # artikel 3 lid 9: eight weeks from the melding (4 May 2026): 4 May + 56 days = 29 June 2026
    assert "loopt tot 29 juni 2026 (artikel 3 lid 9)" in tekst
    assert [c for c, _ in ontbrekende_stukken(zaak, regeling)] == [VERSLAG, "offerte", "inkomensverklaring"]
    assert VERSLAG not in [c for c, _ in ontbrekende_stukken(nieuw, regeling)]


def test_al_ondertekend_blijft_en_zonder_verslag_of_voor_de_melding_geweigerd() -> None:
    zaak, regeling = _zaak("voerendaal-toekenning")
    assert zaak.verslag.ondertekend_op == date(2026, 5, 19)
    nieuw, meldingen = verwerk(zaak, regeling, VERSLAG, date(2026, 5, 21))
    assert nieuw.verslag.ondertekend_op == date(2026, 5, 19)
    assert "stond al als ondertekend op 19 mei 2026" in " ".join(meldingen)
    with pytest.raises(SmiFout, match="nog niet gemaakt"):
        verwerk(zaak.model_copy(update={"verslag": None}), regeling, VERSLAG, date(2026, 5, 21))
    with pytest.raises(SmiFout, match="vóór de melding"):
        verwerk(zaak, regeling, ADVIES, date(2026, 5, 3))


def test_vereist_stuk_en_advies_ontvangen_ander_stuk_verandert_niets() -> None:
    zaak, regeling = _zaak("eemnes-toekenning")
    assert regeling.aanvraag_is_ondertekend_verslag is None
    # Eemnes art. 3.1 lid 2 onder a and c are needed for the besluit; onder b (plaatsingsovereenkomst) for payment
    assert [c for c, _ in ontbrekende_stukken(zaak, regeling)] == ["aanvraagformulier", "inkomensgegevens"]
    d = max(zaak.melding.datum, date(2026, 1, 5))
    nieuw, meldingen = verwerk(zaak, regeling, "inkomensgegevens", d)
    assert [(s.code, s.ontvangen_op) for s in nieuw.aanvraag.stukken] == [("inkomensgegevens", d)]
    assert [c for c, _ in ontbrekende_stukken(nieuw, regeling)] == ["aanvraagformulier"]
    assert "de aanvraag" not in " ".join(meldingen)
    tweede, meldingen = verwerk(nieuw, regeling, "inkomensgegevens", d.replace(day=d.day + 1))
    assert tweede.aanvraag.stukken == nieuw.aanvraag.stukken and "stond al als ontvangen" in " ".join(meldingen)
    advies, _ = verwerk(zaak, regeling, ADVIES, d)
    assert [(s.code, s.ontvangen_op) for s in advies.aanvraag.stukken] == [(ADVIES, d)]
    assert verwerk(zaak, regeling, OVERIG, d)[0] == zaak
