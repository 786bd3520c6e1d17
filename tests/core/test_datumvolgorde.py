"""Dates that must lie after another date (issue 15, deliverable 2): each pair checked with a Dutch message naming
both dates, tied to the field it is about; no internal path ('melding › ouder') in a message for the screen."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from smi_tui.nazorg import Evaluatieverslag
from smi_tui.validatie import DATUMVOLGORDE, datumfouten, schermregel
from smi_tui.vastleggen import RecordFout, voeg_toe
from smi_tui.zaak import Zaak
from tests.core.test_termijnen_nazorg import regeling, zaak


def _fouten(wijzigingen: dict) -> list[tuple[str, str]]:
    """The date errors of the Albrandswaard example (melding 12 January 2026, gesprek, verslag signed 23 January
    2026, aanvraag received) with ``wijzigingen`` (constructed without validation, then checked)."""
    z = zaak("albrandswaard-toekenning")
    delen = {k: getattr(z, k).model_copy(update=v) for k, v in wijzigingen.items()}
    return datumfouten(z.model_copy(update=delen))


def test_voorbeeld_heeft_geen_datumfouten() -> None:
    assert datumfouten(zaak("albrandswaard-toekenning")) == []


def test_gesprek_voor_de_melding() -> None:
    assert _fouten({"gesprek": {"datum": date(2026, 1, 10)}}) == [
        ("gesprek.datum", "De datum van het gesprek (10 januari 2026) ligt vóór de melding (12 januari 2026).")
    ]


def test_verslag_ondertekend_voor_het_gesprek() -> None:
    z = zaak("albrandswaard-toekenning")
    assert z.gesprek is not None
    dag_ervoor = date.fromordinal(z.gesprek.datum.toordinal() - 1)
    [(veld, tekst)] = _fouten({"verslag": {"ondertekend_op": dag_ervoor}})
    assert veld == "verslag.ondertekend_op" and "vóór het gesprek" in tekst


def test_besluit_voor_de_aanvraag_noemt_de_laatste_datum() -> None:
    """A besluit before the melding, the gesprek and the aanvraag is reported once, against the latest of them."""
    z = zaak("albrandswaard-toekenning")
    ontvangen = z.aanvraag.ontvangen_op
    assert ontvangen is not None
    [(veld, tekst)] = _fouten({"besluit": {"datum": date(2026, 1, 2)}})
    assert veld == "besluit.datum"
    assert tekst.startswith("De besluitdatum (2 januari 2026) ligt vóór ")
    assert z.gesprek is not None
    laatste = max(z.melding.datum, z.gesprek.datum, ontvangen)
    assert f"{laatste.day} januari 2026" in tekst


def test_stuk_ontvangen_voor_de_melding() -> None:
    z = zaak("albrandswaard-toekenning")
    stuk = z.aanvraag.stukken[0].model_copy(update={"ontvangen_op": date(2026, 1, 5)})
    aanvraag = z.aanvraag.model_copy(update={"stukken": [stuk, *z.aanvraag.stukken[1:]]})
    [(veld, tekst)] = datumfouten(z.model_copy(update={"aanvraag": aanvraag}))
    assert veld == f"stukken.{stuk.code}.ontvangen_op"
    assert "is ontvangen op 5 januari 2026, vóór de melding (12 januari 2026)" in tekst


def test_de_zaak_weigert_met_de_velden_erbij() -> None:
    data = zaak("albrandswaard-toekenning").model_dump(mode="json")
    data["gesprek"]["datum"] = "2026-01-10"
    with pytest.raises(ValidationError) as exc:
        Zaak.model_validate(data)
    [err] = exc.value.errors()
    assert err["type"] == DATUMVOLGORDE and err["ctx"]["velden"][0][0] == "gesprek.datum"


def test_schermregel_zonder_intern_pad() -> None:
    data = zaak("albrandswaard-toekenning").model_dump(mode="json")
    data["melding"]["kinderen"][0]["naam"] = 5  # a type error: no sentence of its own, so a label before it
    with pytest.raises(ValidationError) as exc:
        Zaak.model_validate(data)
    [err] = exc.value.errors()
    assert schermregel(err, ("melding", "kinderen", 0, "naam")) == "kind 1, naam: moet tekst zijn"
    data["melding"]["kinderen"][0]["naam"] = "Bo"
    data["melding"]["kinderen"][0]["bsn"] = "12"  # a check's own sentence: as it is
    with pytest.raises(ValidationError) as exc:
        Zaak.model_validate(data)
    assert schermregel(exc.value.errors()[0], ("melding", "kinderen", 0, "bsn")).startswith("een BSN bestaat uit")
    del data["melding"]["ouders"]  # a whole group not filled in (the new melding's form with every field empty)
    with pytest.raises(ValidationError) as exc:
        Zaak.model_validate(data)
    [err] = [e for e in exc.value.errors() if e["type"] == "missing"]
    assert schermregel(err, ("melding", "ouders")) == "ouder: ontbreekt; vul de gegevens in"


def test_evaluatie_voor_het_begin_van_de_opvang() -> None:
    """The Albrandswaard example's childcare starts on 1 February 2026; an evaluation of 20 January is refused."""
    z = zaak("albrandswaard-toekenning")
    e = Evaluatieverslag(nummer=1, gehouden_op=date(2026, 1, 20), door="casusregisseur", uitkomst="voortzetten")
    with pytest.raises(RecordFout) as exc:
        voeg_toe(z, regeling(z), e)
    assert exc.value.veld == "evaluatie.gehouden_op"
    assert "(20 januari 2026) ligt vóór het begin van de opvang (1 februari 2026)" in exc.value.melding
