"""The real program in tmux at 80x24: '28.50' as the yearly income is refused with the Dutch message and nothing is
stored; '28.500' shows '= € 28.500,00 per jaar' beside the field and is stored as 2850000 eurocents."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from smi_tui.zaak import Stap, Zaak
from storage import Opslag
from tests.ui.hulp import ROOT, WACHTWOORD
from tests.ui.tmuxhulp import start_sessie

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")

SOCKET = "getallen-test"  # a tmux server of its own: nothing of another test or session is touched


def _tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)


def _scherm(sessie: str) -> str:
    return _tmux("capture-pane", "-t", sessie, "-p").stdout


def _wacht(sessie: str, *teksten: str, tijd: float = 20.0) -> str:
    eind = time.monotonic() + tijd
    while time.monotonic() < eind:
        scherm = _scherm(sessie)
        if all(t in scherm for t in teksten):
            return scherm
        time.sleep(0.2)
    raise AssertionError(f"{teksten} verscheen niet:\n{_scherm(sessie)}")


def _toetsen(sessie: str, *toetsen: str, letterlijk: bool = False) -> None:
    for t in toetsen:
        _tmux("send-keys", "-t", sessie, *(["-l"] if letterlijk else []), t)
        time.sleep(0.1)


def _zaak(map_: Path, zn: str) -> Zaak:
    with Opslag.open(map_, WACHTWOORD) as opslag:
        return Zaak.model_validate(opslag.laad(zn))


def test_jaarinkomen_in_tmux(tmp_path: Path, zaaien: Any) -> None:
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)  # gesprek complete, income € 24.500,00
    sessie = "getallen"
    # a consulent is known, so the first start does not ask for the profile (tests/ui/test_profiel_tmux.py does)
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
    env = (
        f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
        f"TERM=xterm-256color"
    )
    opdracht = f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5"
    start_sessie(SOCKET, sessie, 80, 24, opdracht)
    try:
        _wacht(sessie, "Wachtzin")
        _toetsen(sessie, WACHTWOORD, letterlijk=True)
        _toetsen(sessie, "Enter")
        _wacht(sessie, zn)
        _toetsen(sessie, "Enter")  # the werkvoorraad's only case, at the verslag
        _wacht(sessie, "Gesprek ›  Verslag  ›")
        _toetsen(sessie, "C-b")  # back to the gesprek
        _wacht(sessie, "Melding ›  Gesprek  ›", "Datum gesprek")
        time.sleep(1)
        # the income is the 13th field of Heemstede's gesprek (after the date, 11 interview fields and 'Recht op KOT')
        _toetsen(sessie, *["Tab"] * 12)
        _wacht(sessie, "= € 24.500,00 per jaar")
        _toetsen(sessie, "End", "C-u")
        _toetsen(sessie, "28.50", letterlijk=True)
        _wacht(sessie, "'28.50' is niet eenduidig", "28,50", "(achtentwintig euro")
        _toetsen(sessie, "C-s")
        _wacht(sessie, "niet compleet")
        _toetsen(sessie, "C-u")
        _toetsen(sessie, "28.500", letterlijk=True)
        _wacht(sessie, "= € 28.500,00 per jaar")
        _toetsen(sessie, "C-s")
        _wacht(sessie, "Gesprek ›  Verslag  ›")
        _toetsen(sessie, "Escape")
        _wacht(sessie, "Werkvoorraad")
        _toetsen(sessie, "C-q")
        _wacht(sessie, "KLAAR-0")
    finally:
        _tmux("kill-session", "-t", sessie)
    zaak = _zaak(tmp_path / "data", zn)
    assert zaak.gesprek is not None and zaak.gesprek.inkomen.toetsingsinkomen_jaar_cent == 2_850_000
