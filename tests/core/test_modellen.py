"""Case models: BSN 11-test, dates in order, ranges, unknown fields — all with Dutch messages."""

import copy
import json

import pytest
from pydantic import ValidationError

from smi_tui.geld import euro, naar_centen
from smi_tui.personen import Kind
from smi_tui.validatie import nl_fouten
from smi_tui.zaak import Hardheidsclausule, Zaak


@pytest.fixture
def zaakdata(voorbeelden):
    return json.loads((voorbeelden / "eemnes-toekenning.json").read_text(encoding="utf-8"))


def fouten(data) -> list[str]:
    with pytest.raises(ValidationError) as exc:
        Zaak.model_validate(data)
    return nl_fouten(exc.value)


def test_geldig_voorbeeld_valideert(zaakdata) -> None:
    zaak = Zaak.model_validate(zaakdata)
    assert zaak.aanvrager.naam == "Sanne Jansen"
    assert zaak.melding.kinderen[0].opvang.uurprijs_cent == 1175


def test_bsn_met_foute_elfproef_geeft_nederlandse_melding(zaakdata) -> None:
    zaakdata["melding"]["ouders"][0]["bsn"] = "123456789"
    regels = fouten(zaakdata)
    assert any("ouder 1 › BSN" in r and "11-proef" in r for r in regels), regels


def test_bsn_met_letters_zegt_uit_hoeveel_cijfers_het_bestaat(zaakdata) -> None:
    zaakdata["melding"]["kinderen"][0]["bsn"] = "12345abcd"
    assert any("9 cijfers" in r for r in fouten(zaakdata))


def test_bsn_met_punten_wordt_genormaliseerd() -> None:
    kind = Kind(naam="A", geboortedatum="2020-01-01", bsn="1922.85.142")
    assert kind.bsn == "192285142"


def test_zelfde_bsn_bij_twee_personen(zaakdata) -> None:
    zaakdata["melding"]["kinderen"][0]["bsn"] = zaakdata["melding"]["ouders"][0]["bsn"]
    assert any("hetzelfde BSN" in r for r in fouten(zaakdata))


def test_einddatum_voor_begindatum(zaakdata) -> None:
    zaakdata["melding"]["kinderen"][0]["opvang"]["einddatum"] = "2026-01-01"
    assert any("einddatum van de opvang ligt vóór de begindatum" in r for r in fouten(zaakdata))


def test_gesprek_voor_melding(zaakdata) -> None:
    zaakdata["gesprek"]["datum"] = "2026-01-01"
    verwacht = "De datum van het gesprek (1 januari 2026) ligt vóór de melding (2 februari 2026)."
    assert any(verwacht in r for r in fouten(zaakdata))


@pytest.mark.parametrize(
    ("veld", "waarde", "verwacht"),
    [
        ("uren_per_dag", 25, "hoogstens 24"),
        ("weken_per_jaar", 60, "hoogstens 53"),
        ("uurprijs_cent", 0, "minstens 1"),
        ("uurprijs_cent", 11.75, "heel getal"),
        ("lrk_nummer", "12345", "9 cijfers"),
        ("dagen_per_week", 8, "hoogstens 7"),
    ],
)
def test_bereik_van_opvangvelden(zaakdata, veld, waarde, verwacht) -> None:
    zaakdata["melding"]["kinderen"][0]["opvang"][veld] = waarde
    regels = fouten(zaakdata)
    assert any("opvang" in r and verwacht in r for r in regels), regels


def test_uren_ontbreken(zaakdata) -> None:
    o = zaakdata["melding"]["kinderen"][0]["opvang"]
    del o["dagen_per_week"], o["uren_per_dag"]
    assert any("vul de uren per week in" in r for r in fouten(zaakdata))


def test_onbekend_veld_is_een_fout(zaakdata) -> None:
    zaakdata["melding"]["ouders"][0]["bsnn"] = "1"
    assert any("bsnn" in r and "geen bekend veld" in r for r in fouten(zaakdata))


def test_ontbrekend_verplicht_veld(zaakdata) -> None:
    data = copy.deepcopy(zaakdata)
    del data["melding"]["datum"]
    assert any(r.startswith("melding › datum") and "ontbreekt" in r for r in fouten(data))


def test_hardheidsclausule_alleen_met_reden() -> None:
    with pytest.raises(ValidationError):
        Hardheidsclausule(toegepast=True, reden="kort")
    assert Hardheidsclausule(toegepast=True, reden="Bijzondere omstandigheden: de ouder ligt in het ziekenhuis.")


def test_geld_notatie_en_afronding() -> None:
    assert euro(123456) == "€ 1.234,56"
    assert euro(5) == "€ 0,05"
    assert euro(-150) == "€ -1,50"
    from fractions import Fraction

    assert naar_centen(Fraction(1, 2)) == 1  # half up
    assert naar_centen(Fraction(149, 100)) == 1
    assert naar_centen(Fraction(-1, 2)) == -1
