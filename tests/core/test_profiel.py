"""The behandelaar profile: Dutch checks of name, phone and e-mail; the file beside config.toml; the case keeps its
own behandelaar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smi_tui import config, profiel
from smi_tui.fouten import SmiFout
from smi_tui.profiel import Behandelaar
from smi_tui.zaak import Zaak

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "config.toml"))
    return tmp_path


@pytest.mark.parametrize(
    ("telefoon", "goed"),
    [
        ("035 123 45 67", True),
        ("0351234567", True),
        ("035-1234567", True),
        ("06 12 34 56 78", True),
        ("06-12345678", True),
        ("+31 35 123 45 67", True),
        ("+31 (0)35 123 45 67", False),
        ("0031 6 12345678", True),
        ("14 035", True),
        ("140172", True),
        ("(035) 123 45 67", True),
        ("", True),
        ("12345", False),
        ("035 123 45 6", False),
        ("035 123 45 678", False),
        ("06-1234567", False),
        ("0035 123 45 67", False),
        ("telefoon", False),
        ("+32 2 123 45 67", False),
    ],
)
def test_telefoon(telefoon: str, goed: bool) -> None:
    melding = profiel.fouten({"naam": "A. de Vries", "telefoon": telefoon}).get("telefoon", "")
    assert (melding == "") is goed, melding
    if not goed:
        assert melding.startswith(f"Het telefoonnummer '{telefoon}' klopt niet") and "035 123 45 67" in melding


@pytest.mark.parametrize(
    ("email", "goed"),
    [
        ("a.devries@eemnes.nl", True),
        ("a.de-vries+smi@gemeente.eemnes.nl", True),
        ("", True),
        ("anna@", False),
        ("anna@eemnes", False),
        ("a devries@eemnes.nl", False),
        ("a@@eemnes.nl", False),
        ("eemnes.nl", False),
        ("a@eemnes.n", False),
    ],
)
def test_email(email: str, goed: bool) -> None:
    melding = profiel.fouten({"naam": "A. de Vries", "email": email}).get("email", "")
    assert (melding == "") is goed, melding


def test_naam_verplicht_en_netjes() -> None:
    assert "Vul uw naam in" in profiel.fouten({"naam": "   "})["naam"]
    assert "geen naam" in profiel.fouten({"naam": "12345"})["naam"]
    assert "te lang" in profiel.fouten({"naam": "A", "team": "x" * 101})["team"]
    assert profiel.maak({"naam": "  Anna   de  Vries "}).naam == "Anna de Vries"
    with pytest.raises(ValueError, match="klopt niet"):
        profiel.maak({"naam": "Anna", "telefoon": "12"})


def test_bewaren_en_lezen_ook_met_lastige_tekens(_config: Path) -> None:
    b = profiel.maak(
        {
            "naam": 'Ö. "Olle" \\ Ünal',
            "functie": "consulent\tjeugd",
            "team": "Zuid/Oost",
            "telefoon": "035 123 45 67",
            "email": "o.unal@eemnes.nl",
        }
    )
    pad = profiel.bewaar_profiel(b)
    assert pad == _config / "behandelaar.toml" == config.profiel_bestand()
    assert profiel.lees_profiel() == b
    assert config.profiel_naam() == b.naam
    assert profiel.consulent_naam() == b.naam


def test_zonder_profiel_de_naam_uit_config_en_nooit_de_loginnaam(_config: Path) -> None:
    assert profiel.lees_profiel() is None
    assert profiel.consulent_naam() == "" and profiel.huidige_behandelaar() is None
    (_config / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
    assert profiel.consulent_naam() == "J. Visser"
    assert profiel.huidige_behandelaar() == Behandelaar(naam="J. Visser")


def test_beschadigd_bestand_geeft_nederlandse_melding(_config: Path) -> None:
    (_config / "behandelaar.toml").write_text('naam = "A"\ntelefoon = "12"\n', encoding="utf-8")
    with pytest.raises(SmiFout, match=r"klopt niet.*Instellingen"):
        profiel.lees_profiel()
    (_config / "behandelaar.toml").write_text("naam = \n", encoding="utf-8")
    with pytest.raises(SmiFout, match="niet leesbaar"):
        profiel.lees_profiel()
    assert profiel.huidige_behandelaar("J. Visser") == Behandelaar(naam="J. Visser")  # never raises


def test_zaak_houdt_de_behandelaar_van_toen() -> None:
    data = json.loads((ROOT / "voorbeelden" / "eemnes-toekenning.json").read_text(encoding="utf-8"))
    data.pop("consulent", None)
    zaak = Zaak.model_validate(data)
    nu = Behandelaar(naam="Anna de Vries", telefoon="035 123 45 67")
    profiel.bewaar_profiel(nu)
    met = profiel.met_behandelaar(zaak, "Anna de Vries")
    assert met.behandelaar == nu and met.consulent == "Anna de Vries"
    profiel.bewaar_profiel(Behandelaar(naam="Anna de Vries", telefoon="06 12 34 56 78"))  # a new number later
    assert profiel.met_behandelaar(met, "Anna de Vries").behandelaar == nu  # the case keeps the one of its time
    terug = Zaak.model_validate_json(met.model_dump_json())
    assert terug.behandelaar == nu
