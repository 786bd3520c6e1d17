"""An unexpected error in the real program (CLI and TUI in a subprocess) shows a Dutch message with an error
number: no traceback, and the planted passphrase, data key and BSN appear in neither the output nor the report."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from opslag_hulp import ROOT, TEST_N, WW

from storage import Opslag
from storage.opslag import lees_sleutelbestand

pytestmark = pytest.mark.traag
BSN = "111222333"

# Runs smi-tui with one function inside Opslag.__init__ (whose frame holds the data key) replaced by one that fails
# with the passphrase, the key and a BSN in its locals and in its message.
_INJECTIE = """
import sys
import storage.opslag as o
def kapot(map_):
    sleutel = open(sys.argv[1], "rb").read()
    wachtwoord, bsn = {ww!r}, {bsn!r}
    raise RuntimeError(f"{{wachtwoord}} {{sleutel!r}} {{sleutel.hex()}} {{bsn}}")
o.ruim_tijdelijke_op = kapot
from smi_tui.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMI_TUI_")}
    env.update(
        PYTHONPATH=str(ROOT),
        SMI_TUI_SCRYPT_N="1024",
        SMI_TUI_CONFIG=str(tmp_path / "geen.toml"),
        SMI_TUI_LOGMAP=str(tmp_path / "logs"),
        SMI_TUI_WACHTWOORD=WW,
        SMI_TUI_DATA=str(tmp_path / "data"),
        TERM="xterm-256color",
    )
    return env


def _store(tmp_path: Path) -> tuple[bytes, Path]:
    with Opslag.maak(tmp_path / "data", WW, scrypt_n=TEST_N):
        pass
    sleutel = lees_sleutelbestand(tmp_path / "data").ontgrendel(WW)
    sleutelpad = tmp_path / "sleutel.bin"  # the injected failure reads it, so the key is in its locals
    sleutelpad.write_bytes(sleutel)
    return sleutel, sleutelpad


def _geen_geheim(tekst: str, sleutel: bytes) -> None:
    for geheim in (WW, BSN, sleutel.hex(), repr(sleutel)[2:30], sleutel.hex()[:16]):
        assert geheim not in tekst, geheim


def _rapport(tmp_path: Path) -> str:
    [pad] = list((tmp_path / "logs").glob("fout-*.txt"))
    if os.name != "nt":
        assert stat.S_IMODE(pad.stat().st_mode) == 0o600
    return pad.read_text(encoding="utf-8")


def test_cli_onverwachte_fout_nl_melding_zonder_geheimen(tmp_path: Path) -> None:
    sleutel, sleutelpad = _store(tmp_path)
    res = subprocess.run(
        [sys.executable, "-c", _INJECTIE.format(ww=WW, bsn=BSN), str(sleutelpad), "zaken"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
    )
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "onverwachts" in res.stderr and "foutnummer F-" in res.stderr
    _geen_geheim(res.stdout + res.stderr, sleutel)
    rapport = _rapport(tmp_path)
    assert "RuntimeError" in rapport and "kapot" in rapport
    _geen_geheim(rapport, sleutel)
    assert not (tmp_path / "data" / "slot").exists() or (tmp_path / "data" / "slot").stat().st_size >= 0


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")
def test_tui_onverwachte_fout_bij_ontgrendelen_in_tmux(tmp_path: Path) -> None:
    sleutel, sleutelpad = _store(tmp_path)
    script = tmp_path / "start.py"
    script.write_text(_INJECTIE.format(ww=WW, bsn=BSN), encoding="utf-8")
    sessie = f"geheimen-{tmp_path.name}"[:40]
    env = " ".join(f"{k}='{v}'" for k, v in _env(tmp_path).items() if k.startswith(("SMI_", "PYTHONPATH", "TERM")))
    opdracht = f"cd {ROOT} && env {env} {sys.executable} {script} {sleutelpad}; echo KLAAR-$?; sleep 30"
    tmux = ["tmux", "-L", "geheimen-test"]
    subprocess.run([*tmux, "new-session", "-d", "-s", sessie, "-x", "80", "-y", "24", opdracht], check=True)
    try:
        eind, scherm = time.monotonic() + 30, ""
        while time.monotonic() < eind and "foutrapport" not in scherm:
            time.sleep(0.3)
            scherm = subprocess.run(
                [*tmux, "capture-pane", "-J", "-t", sessie, "-p"], capture_output=True, text=True
            ).stdout
        assert "onverwachts" in scherm and "foutnummer" in scherm, scherm  # wrapped over lines: -J joins them
        assert "Wachtzin" in scherm  # still on the unlock screen: the consulent can try again
        _geen_geheim(scherm, sleutel)
        subprocess.run([*tmux, "send-keys", "-t", sessie, "C-q"], check=True)
        eind, na = time.monotonic() + 20, ""
        while time.monotonic() < eind and "KLAAR-" not in na:
            time.sleep(0.3)
            na = subprocess.run(
                [*tmux, "capture-pane", "-J", "-S", "-200", "-t", sessie, "-p"], capture_output=True, text=True
            ).stdout
        assert "KLAAR-0" in na, na
        _geen_geheim(na, sleutel)
    finally:
        subprocess.run([*tmux, "kill-session", "-t", sessie], capture_output=True)
    _geen_geheim(_rapport(tmp_path), sleutel)
