"""The real program in tmux (own socket), 80×24: ctrl+g on a refusal makes and prints the beschikking only — a
refusal has no plan van aanpak, and the save does not fail on it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import Opslag
from tests.ui.hulp import ROOT, WACHTWOORD, voorbeeld
from tests.ui.tmuxhulp import start_sessie

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")
SOCKET = "brieven-afwijzing-test"


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True).stdout


def _wacht(sessie: str, tekst: str, tijd: float = 30.0) -> str:
    eind = time.monotonic() + tijd
    while time.monotonic() < eind:
        scherm = _tmux("capture-pane", "-t", sessie, "-p")
        if tekst in scherm:
            return scherm
        time.sleep(0.2)
    raise AssertionError(f"'{tekst}' verscheen niet:\n{_tmux('capture-pane', '-t', sessie, '-p')}")


def test_afwijzing_geeft_alleen_de_beschikking(tmp_path: Path) -> None:
    data = voorbeeld("oude-ijsselstreek-afwijzing")
    data["besluit"].pop("verzonden_op", None)
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        zn = opslag.nieuwe_zaak(data, consulent="J. Visser")
    (tmp_path / "print").mkdir()
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
    sessie = "afwijzing"
    env = (
        f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
        f"TERM=xterm-256color"
    )
    printen = f"cp {{bestand}} {tmp_path / 'print'}/"
    opdracht = (
        f"cd {ROOT} && env {env} SMI_TUI_PRINTCOMMANDO={json.dumps(printen)} {sys.executable} -m smi_tui; "
        "echo KLAAR-$?; sleep 5"
    )
    start_sessie(SOCKET, sessie, 80, 24, opdracht)
    try:
        _wacht(sessie, "Wachtzin")
        _tmux("send-keys", "-t", sessie, "-l", WACHTWOORD)
        _tmux("send-keys", "-t", sessie, "Enter")
        scherm = _wacht(sessie, zn)
        if "Voorstel:" not in scherm:
            _wacht(sessie, "Werkvoorraad")
            _tmux("send-keys", "-t", sessie, "Enter")
        _wacht(sessie, "Voorstel: AFWIJZEN")
        _tmux("send-keys", "-t", sessie, "C-g")
        _wacht(sessie, "Definitief maken en afdrukken")  # first what will be decided (issue 15)
        _tmux("send-keys", "-t", sessie, "j")
        _wacht(sessie, "alleen lezen")
        _tmux("send-keys", "-t", sessie, "C-q")
        _wacht(sessie, "KLAAR-0")
    finally:
        _tmux("kill-session", "-t", sessie)
    assert sorted(p.name for p in (tmp_path / "print").iterdir()) == ["beschikking.pdf"]
    with Opslag.open(tmp_path / "data", WACHTWOORD) as opslag:
        assert [d["soort"] for d in opslag.documenten(zn)] == ["beschikking"]
