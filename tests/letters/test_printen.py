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
from pypdf import PdfReader

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


def _nep_lpstat(map_: Path, *, draait: bool = True, gepauzeerd: str = "") -> None:
    """An ``lpstat`` beside the stand-in ``lp``: two queues (Kantoor_2, A4-lade), default Kantoor_2; the
    scheduler running or not; ``gepauzeerd`` names a paused queue."""
    script = map_ / "lpstat"
    script.write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        f'  -r) echo "scheduler is {"" if draait else "not "}running";;\n'
        "  -e) echo Kantoor_2; echo A4-lade;;\n"
        '  -d) echo "system default destination: Kantoor_2";;\n'
        f'  -p) if [ "$2" = "{gepauzeerd}" ]; then echo "printer $2 disabled since nu -"; '
        'else echo "printer $2 is idle.  enabled since nu"; fi;;\n'
        "esac\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@pytest.fixture
def nep_pad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    _nep_lpstat(bin_)
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(ENV_PRINTCOMMANDO, raising=False)
    return bin_


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
def test_lp_met_printer(brief: Path, nep_pad: Path) -> None:
    log = _nep_lp(nep_pad)
    assert print_pdf(brief, printer="Kantoor_2") == "naar printer Kantoor_2 gestuurd (opdracht nep-1)"
    assert log.read_text().splitlines() == ["-d", "Kantoor_2", "-t", brief.name, "--", str(brief)]


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
def test_lp_standaardprinter_via_cli(brief: Path, nep_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _nep_lp(nep_pad)
    assert main(["print", str(brief)]) == 0
    assert log.read_text().splitlines() == ["-t", brief.name, "--", str(brief)]
    uit = capsys.readouterr().out
    assert "opdracht nep-1" in uit
    assert "request id" not in uit


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
def test_geen_standaardprinter(brief: Path, nep_pad: Path) -> None:
    _nep_lp(nep_pad, uitvoer="lp: Error - No default destination.", code=1)
    with pytest.raises(PrintFout, match="geen standaardprinter"):
        print_pdf(brief)


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
@pytest.mark.parametrize(
    ("cups_zegt", "draait", "verwacht"),
    [
        (
            "lp: Error - The printer or class does not exist.",
            True,
            "Die printer bestaat niet. Deze printers zijn er: Kantoor_2, A4-lade.",
        ),
        ("lp: Error - The printer or class does not exist.", False, "De printservice (CUPS) draait niet"),
        ("lp: Error - No default destination.", False, "De printservice (CUPS) draait niet"),
        ('lp: Destination "Kantoor_2" is not accepting jobs.', True, "neemt nu geen opdrachten aan"),
        ("lp: Error - Forbidden", True, "U mag niet afdrukken op deze printer"),
        ("lp: something new..", True, "Afdrukken is mislukt (foutcode 1: 'lp: something new')"),
    ],
)
def test_cups_fouten_in_het_nederlands(brief: Path, nep_pad: Path, cups_zegt: str, draait: bool, verwacht: str) -> None:
    _nep_lp(nep_pad, uitvoer=cups_zegt, code=1)
    _nep_lpstat(nep_pad, draait=draait)
    with pytest.raises(PrintFout) as exc:
        print_pdf(brief, printer="Kantoor_2")
    assert verwacht in exc.value.melding
    assert ".." not in exc.value.melding  # no doubled full stop (lp ends its own messages with one)


@pytest.mark.skipif(os.name == "nt", reason="sh-script als lp")
def test_gepauzeerde_printer_geeft_een_waarschuwing(brief: Path, nep_pad: Path) -> None:
    _nep_lp(nep_pad, uitvoer="request id is Kantoor_2-7 (1 file(s))")
    _nep_lpstat(nep_pad, gepauzeerd="Kantoor_2")
    antwoord = print_pdf(brief)  # the default printer, Kantoor_2
    assert antwoord.startswith(
        "naar printer Kantoor_2 gestuurd (opdracht Kantoor_2-7); LET OP: printer Kantoor_2 staat op pauze"
    )


@pytest.mark.skipif(os.name == "nt", reason="sh-script als printcommando")
def test_printcommando_als_lijst_met_spaties_in_het_pad(
    brief: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    map_ = tmp_path / "Program Files" / "Print Tool"
    map_.mkdir(parents=True)
    log = _nep_lp(map_)
    cfg = tmp_path / "config.toml"
    cfg.write_text(f"printcommando = ['{map_ / 'lp'}', '-P', '{{printer}}', '{{bestand}}']\n")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(cfg))
    monkeypatch.delenv(ENV_PRINTCOMMANDO, raising=False)
    assert print_pdf(brief, printer="Kantoor 2").startswith("naar het printcommando gestuurd")
    assert log.read_text().splitlines() == ["-P", "Kantoor 2", str(brief)]


def test_printcommando_als_lijst_met_iets_anders_dan_tekst(
    brief: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text("printcommando = ['lpr', 3]\n")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(cfg))
    monkeypatch.delenv(ENV_PRINTCOMMANDO, raising=False)
    with pytest.raises(PrintFout, match="moet een lijst van teksten zijn"):
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
    assert antwoord.startswith(f"naar printer {wachtrij} gestuurd (opdracht {wachtrij}-")
    with pytest.raises(PrintFout, match=rf"Die printer bestaat niet\. Deze printers zijn er: .*{wachtrij}"):
        print_pdf(brief, printer="Bestaat_Niet_Printer")
    beheer = {"cupsdisable": "cupsenable", "cupsreject": "cupsaccept"}
    if not all(shutil.which(p) for p in [*beheer, *beheer.values()]):
        return
    try:  # a paused queue takes the job and warns; a closed one refuses it in Dutch
        subprocess.run(["cupsdisable", wachtrij], check=True, capture_output=True, timeout=10)
        assert "staat op pauze" in print_pdf(brief, printer=wachtrij)
    finally:
        subprocess.run(["cupsenable", wachtrij], capture_output=True, timeout=10)
    try:
        subprocess.run(["cupsreject", wachtrij], check=True, capture_output=True, timeout=10)
        with pytest.raises(PrintFout, match="neemt nu geen opdrachten aan"):
            print_pdf(brief, printer=wachtrij)
    finally:
        subprocess.run(["cupsaccept", wachtrij], capture_output=True, timeout=10)


def test_cli_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "plan.pdf"
    assert main(["brief", "plan-van-aanpak", str(ROOT / "voorbeelden" / EEMNES), "-o", str(uit)]) == 0
    import letters
    from smi_tui.cli import lees_zaak
    from tests.letters.conftest import tekst_van

    # the example file has no zaaknummer: a proof, marked as such on every page and on the terminal
    assert uit.read_bytes() == letters.maak("plan-van-aanpak", lees_zaak(ROOT / "voorbeelden" / EEMNES), proef=True)
    uitvoer = capsys.readouterr().out
    assert "geschreven naar" in uitvoer
    assert "PROEFDRUK" in uitvoer
    assert tekst_van(uit.read_bytes()).count("PROEFDRUK — NIET VERZENDEN") == len(PdfReader(uit).pages)


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
