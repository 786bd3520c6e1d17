"""Printing: a stand-in ``lp`` that records its arguments, a configured print command, the Dutch messages when
there is no printer, and a real CUPS queue where this machine has one."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from letters.printen import ENV_PRINTCOMMANDO, PrintFout, print_pdf
from smi_tui.__main__ import main
from tests.letters.conftest import ROOT, pdf

EEMNES = "eemnes-toekenning.json"


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    pad = tmp_path / "beschikking met spatie.pdf"
    pad.write_bytes(pdf(EEMNES, "beschikking"))
    return pad


def _nep_lp(map_: Path, *, uitvoer: str = "request id is nep-1 (1 file(s))", code: int = 0) -> Path:
    """An ``lp`` script first on PATH that writes its arguments, one per line, to ``lp-args.txt``."""
    log = map_ / "lp-args.txt"
    script = map_ / "lp"
    script.write_text(
        f'#!/bin/sh\nfor a in "$@"; do echo "$a" >> "{log}"; done\necho "{uitvoer}" >&{2 if code else 1}\nexit {code}\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


@pytest.fixture
def nep_pad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(ENV_PRINTCOMMANDO, raising=False)
    return bin_


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
def test_lp_met_printer(brief: Path, nep_pad: Path) -> None:
    log = _nep_lp(nep_pad)
    assert print_pdf(brief, printer="Kantoor_2") == "request id is nep-1 (1 file(s))"
    assert log.read_text().splitlines() == ["-d", "Kantoor_2", "-t", brief.name, "--", str(brief)]


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
def test_lp_standaardprinter_via_cli(brief: Path, nep_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _nep_lp(nep_pad)
    assert main(["print", str(brief)]) == 0
    assert log.read_text().splitlines() == ["-t", brief.name, "--", str(brief)]
    assert "request id" in capsys.readouterr().out


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
def test_geen_standaardprinter(brief: Path, nep_pad: Path) -> None:
    _nep_lp(nep_pad, uitvoer="lp: Error - No default destination.", code=1)
    with pytest.raises(PrintFout, match="geen standaardprinter"):
        print_pdf(brief)


def test_lp_ontbreekt(brief: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    monkeypatch.setenv("PATH", str(leeg))
    monkeypatch.delenv(ENV_PRINTCOMMANDO, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    with pytest.raises(PrintFout, match="geen printer beschikbaar"):
        print_pdf(brief)


def test_bestand_bestaat_niet(tmp_path: Path) -> None:
    with pytest.raises(PrintFout, match="bestaat niet"):
        print_pdf(tmp_path / "weg.pdf")


@pytest.mark.skipif(os.name == "nt", reason="sh-script als printcommando")
def test_printcommando_uit_omgeving(brief: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _nep_lp(tmp_path)
    monkeypatch.setenv(ENV_PRINTCOMMANDO, f"{tmp_path / 'lp'} -o sides=two-sided-long-edge -P {{printer}} {{bestand}}")
    print_pdf(brief, printer="A4-lade")
    assert log.read_text().splitlines() == ["-o", "sides=two-sided-long-edge", "-P", "A4-lade", str(brief)]


@pytest.mark.skipif(os.name == "nt", reason="sh-script als printcommando")
def test_printcommando_uit_config(brief: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _nep_lp(tmp_path)
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'printcommando = "{tmp_path / "lp"}"\n')
    monkeypatch.setenv("SMI_TUI_CONFIG", str(cfg))
    monkeypatch.delenv(ENV_PRINTCOMMANDO, raising=False)
    print_pdf(brief)
    assert log.read_text().splitlines() == [str(brief)]


def _cups_pdf_wachtrij() -> str | None:
    if not shutil.which("lpstat") or not shutil.which("lp"):
        return None
    try:
        if "is running" not in subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=5).stdout:
            return None
        regels = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, timeout=5).stdout.splitlines()
    except (OSError, subprocess.TimeoutExpired):
        return None
    for r in regels:  # "device for SMI_PDF: cups-pdf:/"
        if "cups-pdf:" in r and r.startswith("device for "):
            return r.removeprefix("device for ").split(":")[0]
    return None


def test_echte_cups_wachtrij(brief: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wachtrij = _cups_pdf_wachtrij()
    if wachtrij is None:
        pytest.skip("geen draaiende CUPS met een cups-pdf-wachtrij (apt-get install cups printer-driver-cups-pdf)")
    monkeypatch.delenv(ENV_PRINTCOMMANDO, raising=False)
    antwoord = print_pdf(brief, printer=wachtrij)
    assert antwoord.startswith(f"request id is {wachtrij}-")
    with pytest.raises(PrintFout, match=r"bestaat niet|mislukt"):
        print_pdf(brief, printer="Bestaat_Niet_Printer")


def test_cli_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "plan.pdf"
    assert main(["brief", "plan-van-aanpak", str(ROOT / "voorbeelden" / EEMNES), "-o", str(uit)]) == 0
    assert uit.read_bytes() == pdf(EEMNES, "plan-van-aanpak")
    assert "geschreven naar" in capsys.readouterr().out


def test_cli_brief_fouten(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    onvolledig = ROOT / "voorbeelden" / "albrandswaard-onvolledig.json"
    assert main(["brief", "beschikking", str(onvolledig), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "nog geen besluit" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    monkeypatch.setenv("SMI_TUI_DATA", str(tmp_path / "geen-opslag"))
    monkeypatch.setenv("SMI_TUI_WACHTWOORD", "geheim")
    assert main(["brief", "beschikking", "SMI-2026-0001", "-o", str(tmp_path / "y.pdf")]) != 0
    assert capsys.readouterr().err.startswith("smi-tui: ")


def test_cli_brief_uit_de_opslag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opslag_mod = pytest.importorskip("storage.opslag")
    map_ = tmp_path / "opslag"
    with opslag_mod.Opslag.maak(map_, "geheim wachtwoord", scrypt_n=2**10, sync=False) as opslag:
        nummer = opslag.nieuwe_zaak(
            json.loads((ROOT / "voorbeelden" / EEMNES).read_text(encoding="utf-8")), "M. de Vries"
        )
    monkeypatch.setenv("SMI_TUI_DATA", str(map_))
    monkeypatch.setenv("SMI_TUI_WACHTWOORD", "geheim wachtwoord")
    uit = tmp_path / "b.pdf"
    assert main(["brief", "beschikking", nummer, "-o", str(uit)]) == 0
    from tests.letters.conftest import tekst_van

    assert nummer in tekst_van(uit.read_bytes())
