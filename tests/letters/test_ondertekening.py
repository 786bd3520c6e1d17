"""Letters name the case's behandelaar — name, function, team, phone and e-mail — never the login name; an older
case keeps the behandelaar of its time; a case without any name gives a Dutch error that says how to enter one."""

from __future__ import annotations

import getpass
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import letters
from letters import BriefFout
from smi_tui.profiel import Behandelaar
from tests.letters.conftest import EXTRA, ROOT, beoordeling, tekst_van, zaak

ANNA = Behandelaar(
    naam="Anna de Vries",
    functie="consulent sociaal domein",
    team="Jeugd en Gezin",
    telefoon="035 123 45 67",
    email="a.devries@eemnes.nl",
)
VOORBEELD = "eemnes-toekenning.json"


def brief(soort: str, behandelaar: Behandelaar | None, consulent: str = "") -> str:
    z = zaak(VOORBEELD).model_copy(update={"behandelaar": behandelaar, "consulent": consulent})
    return tekst_van(letters.maak(soort, z, beoordeling(VOORBEELD)))


def test_beschikking_noemt_behandelaar_met_functie_team_telefoon_en_email() -> None:
    t = brief("beschikking", ANNA, consulent="avries01")  # an old name field: the behandelaar wins
    assert "Behandeld door Anna de Vries, consulent sociaal domein, team Jeugd en Gezin" in t
    assert "Telefoon 035 123 45 67" in t.replace("\xa0", " ")
    assert "E-mail a.devries@eemnes.nl" in t
    # the signature: the name, their own function and the team under the college's closing words
    assert (
        "namens het college van burgemeester en wethouders van Eemnes, Anna de Vries consulent sociaal "
        "domein team Jeugd en Gezin" in t
    )
    assert "avries01" not in t
    assert (
        "Heeft u vragen over deze brief? Neem dan contact op met uw consulent Anna de Vries, telefoon "
        "035 123 45 67 of e-mail a.devries@eemnes.nl. Samen kijken we"
    ) in t.replace("\xa0", " ")


def test_ontvangstbevestiging_vragen_met_eigen_telefoon_en_email() -> None:
    t = brief("ontvangstbevestiging", ANNA).replace("\xa0", " ")
    assert (
        "Heeft u vragen? Neem dan contact op met uw consulent Anna de Vries, telefoon 035 123 45 67 of "
        "e-mail a.devries@eemnes.nl."
    ) in t


def test_zonder_eigen_telefoon_het_nummer_van_de_gemeente_en_de_functie_uit_de_regeling() -> None:
    t = brief("ontvangstbevestiging", Behandelaar(naam="B. Jansen")).replace("\xa0", " ")
    # eemnes-2025.toml: [huisstijl] telefoon = "14 035", [ondertekening] functie = "consulent maatschappelijke zaken HBEL"
    assert "uw consulent B. Jansen, telefoon 14 035." in t
    assert "B. Jansen consulent maatschappelijke zaken HBEL" in t


def test_oude_zaak_houdt_de_behandelaar_van_toen() -> None:
    """A case stored with only the name (before profiles) still prints that name; one with a behandelaar prints
    that behandelaar, whatever the profile on this machine says now."""
    assert "Behandeld door J. Visser" in brief("verslag", None, consulent="J. Visser")
    oud = Behandelaar(naam="C. de Wit", functie="consulent", telefoon="0318 12 34 56")
    t = brief("verslag", oud, consulent="C. de Wit")
    assert "Behandeld door C. de Wit, consulent" in t and "Telefoon 0318 12 34 56" in t.replace("\xa0", " ")
    assert "Anna" not in t


@pytest.mark.parametrize("soort", ["beschikking", "ontvangstbevestiging", "verslag", "plan-van-aanpak"])
def test_nooit_de_loginnaam(soort: str) -> None:
    login = getpass.getuser()
    t = brief(soort, ANNA, consulent="Anna de Vries")
    assert "Anna de Vries" in t
    assert not re.search(rf"\b{re.escape(login)}\b", t)  # as a word ("root" is in "grootte")


def test_zonder_naam_een_nederlandse_melding_hoe_die_in_te_vullen() -> None:
    z = zaak(VOORBEELD).model_copy(update={"behandelaar": None, "consulent": ""})
    with pytest.raises(BriefFout) as fout:
        letters.maak("beschikking", z, beoordeling(VOORBEELD))
    melding = fout.value.melding
    assert "De naam van de consulent ontbreekt" in melding
    assert "Instellingen" in melding and "config.toml" in melding


def test_opdrachtregel_zonder_naam_zegt_hoe_en_met_consulent_in_config(tmp_path: Path) -> None:
    """``smi-tui brief`` for a case file that names nobody: a Dutch message naming config.toml; with
    ``consulent = "…"`` there (automation), the letter is made under that name."""
    data = json.loads((ROOT / "voorbeelden" / VOORBEELD).read_text(encoding="utf-8"))
    data.pop("consulent", None)
    bestand = tmp_path / "zaak.json"
    bestand.write_text(json.dumps(data), encoding="utf-8")
    config = tmp_path / "config.toml"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMI_TUI_")}
    env.update(SMI_TUI_CONFIG=str(config), SMI_TUI_REGELINGEN=str(EXTRA), PYTHONPATH=str(ROOT))

    def brief_cli() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "smi_tui", "brief", "beschikking", str(bestand), "-o", str(tmp_path / "b.pdf")],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    r = brief_cli()
    assert r.returncode == 2 and "De naam van de consulent ontbreekt" in r.stderr and str(config) in r.stderr
    assert "Traceback" not in r.stderr
    config.write_text('consulent = "J. Visser"\n', encoding="utf-8")
    r = brief_cli()
    assert r.returncode == 0, r.stderr
    assert "Behandeld door J. Visser" in tekst_van((tmp_path / "b.pdf").read_bytes())
