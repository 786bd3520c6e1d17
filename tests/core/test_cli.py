"""The headless CLI as others use it: a real subprocess, exit codes, JSON shape, Dutch errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.scenario import VOORBEELDEN

VOORBEELD_ZAKEN = sorted(p.name for p in VOORBEELDEN.glob("*.json"))


def smi(*args: str, invoer: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smi_tui", *args], capture_output=True, text=True, input=invoer, timeout=60
    )


@pytest.mark.parametrize("naam", VOORBEELD_ZAKEN)
def test_beoordeel_elk_voorbeeld_als_json(naam) -> None:
    extra = ["--regelingen-map", str(VOORBEELDEN / "regelingen-extra")] if naam.startswith("voorbeeldstad") else []
    uit = smi(*extra, "beoordeel", str(VOORBEELDEN / naam), "--json", "--peildatum", "2026-11-22")
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert {"regeling", "uitkomst", "toetsen", "ontbrekend", "berekening", "termijnen"} <= data.keys()
    for t in data["toetsen"]:
        assert {"code", "artikel", "uitkomst", "toelichting"} <= t.keys()
        assert t["uitkomst"] in ("voldaan", "niet voldaan", "ontbreekt")
    if data["uitkomst"] in ("toekennen", "gedeeltelijk"):
        b = data["berekening"]
        assert {
            "kinderen",
            "tegemoetkoming_per_maand_cent",
            "eigen_bijdrage_per_maand_cent",
            "periode",
            "maanden",
            "totaal_cent",
        } <= b.keys()
        assert sum(m["tegemoetkoming_cent"] for m in b["maanden"]) == b["totaal_cent"]
        for k in b["kinderen"]:
            assert {
                "uren_gevraagd_per_maand",
                "uren_vergoed_per_maand",
                "uurprijs_cent",
                "vergoede_uurprijs_cent",
            } <= k.keys()
            for m in k["maanden"]:
                assert {"percentage", "tegemoetkoming_cent", "eigen_bijdrage_cent"} <= m.keys()
        for m in b["maanden"]:
            assert {"tabeljaar", "voorlopig"} <= m.keys()


def test_uitkomsten_van_de_voorbeelden() -> None:
    verwacht = {"eemnes-toekenning.json": "toekennen", "albrandswaard-onvolledig.json": "onvolledig",
                "oude-ijsselstreek-afwijzing.json": "afwijzen", "voerendaal-toekenning.json": "gedeeltelijk"}  # fmt: skip
    for naam, uitkomst in verwacht.items():
        uit = smi("beoordeel", str(VOORBEELDEN / naam), "--json")
        assert json.loads(uit.stdout)["uitkomst"] == uitkomst, naam


def test_tekstuitvoer(tmp_path: Path) -> None:
    uit = smi("beoordeel", str(VOORBEELDEN / "eemnes-toekenning.json"))
    assert uit.returncode == 0
    assert "Voorstel:  TOEKENNEN" in uit.stdout and "€ 1.541,65" in uit.stdout


def test_ongeldige_zaak_exit_2_met_elk_fout_veld(tmp_path: Path) -> None:
    data = json.loads((VOORBEELDEN / "eemnes-toekenning.json").read_text(encoding="utf-8"))
    data["melding"]["ouders"][0]["bsn"] = "123456789"
    data["melding"]["kinderen"][0]["opvang"]["uren_per_dag"] = 30
    data["gesprek"]["datum"] = "gisteren"
    pad = tmp_path / "fout.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    uit = smi("beoordeel", str(pad))
    assert uit.returncode == 2
    assert "Traceback" not in uit.stderr
    assert "11-proef" in uit.stderr
    assert "uren per dag: mag hoogstens 24 zijn" in uit.stderr
    assert "gesprek › datum" in uit.stderr


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (None, "bestaat niet"),
        ("{kapot", "geen geldige JSON"),
        ("[]", "moet een groep velden zijn"),
        ('{"regeling": "eemnes"}', "melding: ontbreekt"),
    ],
)
def test_slechte_invoer(tmp_path: Path, inhoud, melding) -> None:
    pad = tmp_path / "zaak.json"
    if inhoud is not None:
        pad.write_text(inhoud, encoding="utf-8")
    uit = smi("beoordeel", str(pad))
    assert uit.returncode == 2
    assert melding in uit.stderr
    assert "Traceback" not in uit.stderr


def test_onbekende_gemeente_en_datum_zonder_regeling(tmp_path: Path) -> None:
    data = json.loads((VOORBEELDEN / "eemnes-toekenning.json").read_text(encoding="utf-8"))
    data["melding"]["datum"] = "2025-06-01"
    data["gesprek"]["datum"] = "2025-06-02"
    for sleutel in ("verslag", "besluit", "aanvraag"):
        data.pop(sleutel)
    pad = tmp_path / "z.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    uit = smi("beoordeel", str(pad))
    assert uit.returncode == 2 and "gold geen SMI-regeling van Eemnes" in uit.stderr


def test_slechte_peildatum() -> None:
    uit = smi("beoordeel", str(VOORBEELDEN / "eemnes-toekenning.json"), "--peildatum", "31-02-2026")
    assert uit.returncode == 2 and "geen geldige datum" in uit.stderr


def test_regelingen_json() -> None:
    uit = smi("regelingen", "--json")
    rijen = json.loads(uit.stdout)
    assert {r["id"] for r in rijen} >= {
        "heemstede-2022",
        "albrandswaard-2025",
        "voerendaal-2022",
        "eemnes-2025",
        "oude-ijsselstreek-2020",
    }
    assert all({"id", "gemeente", "titel", "geldig_vanaf", "geldig_tot"} <= r.keys() for r in rijen)


def test_kapotte_extra_regeling_geeft_nederlandse_fout(tmp_path: Path) -> None:
    (tmp_path / "stad-2026.toml").write_text('id = "stad-2026"\n', encoding="utf-8")
    uit = smi("--regelingen-map", str(tmp_path), "regelingen")
    # the bad extra file is skipped with a visible Dutch warning; the built-in regulations are still listed
    assert uit.returncode == 0
    assert "stad-2026.toml klopt niet" in uit.stderr and "gemeente code: ontbreekt" in uit.stderr
    assert "Traceback" not in uit.stderr and "eemnes-2025" in uit.stdout


def test_schema_is_json_schema() -> None:
    schema = json.loads(smi("schema").stdout)
    assert schema["title"] == "SMI-zaak" and "melding" in schema["properties"]


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["zaken", "--onbekend"], "onbekende argumenten: --onbekend"),
        (["brief", "beschikking"], "deze argumenten ontbreken"),
        (["brief", "onzin", "x.json", "-o", "y.pdf"], "ongeldige keuze 'onzin' (kies uit 'ontvangstbevestiging'"),
    ],
)
def test_argumentfouten_in_het_nederlands(args: list[str], melding: str) -> None:
    r = smi(*args)
    assert r.returncode == 2 and melding in r.stderr and "gebruik: smi-tui" in r.stderr
    assert "error:" not in r.stderr and "usage:" not in r.stderr and "Traceback" not in r.stderr


def test_brief_na_het_besluit_via_de_cli(tmp_path: Path) -> None:
    """The letters after the decision are reachable from `smi-tui brief` (one list: letters.SOORTEN)."""
    uit = tmp_path / "w.pdf"
    r = smi(
        "brief",
        "wijzigingsbeschikking",
        str(VOORBEELDEN / "albrandswaard-herziening.json"),
        "-o",
        str(uit),
        "--nummer",
        "1",
    )
    assert r.returncode == 0, r.stderr
    assert uit.read_bytes().startswith(b"%PDF")
