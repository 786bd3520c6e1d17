"""Smoke test of the real program in tmux at 80x24: the footer's keys and 'meer toetsen', F1's Dutch help page,
the palette in Dutch without Textual's system commands, Ctrl+C in Dutch, and a melding's error summary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.hulp import ROOT, WACHTWOORD
from tests.ui.tmuxhulp import scherm, start_sessie, wacht_op

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")

SOCKET = ["-L", f"smi-hulp-{os.getpid()}"]  # a server of its own


def _scherm(sessie: str) -> str:
    return scherm(SOCKET[1], sessie)


def _wacht(sessie: str, tekst: str, tijd: float = 20.0) -> str:
    return wacht_op(SOCKET[1], sessie, tekst, tijd)


def _toets(sessie: str, *toetsen: str, letterlijk: bool = False) -> None:
    subprocess.run(["tmux", *SOCKET, "send-keys", "-t", sessie, *(["-l"] if letterlijk else []), *toetsen], check=True)


def test_hulp_en_nederlands_op_80x24(tmp_path: Path) -> None:
    sessie = f"smi-hulp-{tmp_path.name}"[:40]
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
    env = (
        f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
        f"TERM=xterm-256color"
    )
    opdracht = f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5"
    start_sessie(SOCKET[1], sessie, 80, 24, opdracht)
    try:
        _wacht(sessie, "Nieuwe wachtzin")
        for _ in range(2):
            _toets(sessie, WACHTWOORD, letterlijk=True)
            _toets(sessie, "Enter")
            time.sleep(0.3)
        scherm = _wacht(sessie, "0 van 0 zaken")
        voet = scherm.rstrip().splitlines()[-1]
        assert "Openen" in voet and "f1 meer toetsen" in voet and voet.rstrip().endswith("^p Opdrachten")
        assert "Er zijn nog geen zaken" in scherm

        _toets(sessie, "F1")
        scherm = _wacht(sessie, "Toetsen op dit scherm")
        assert "De werkvoorraad" in scherm
        _toets(sessie, "Escape")
        time.sleep(0.3)  # an Escape directly followed by a key is read as Alt+key
        _toets(sessie, "C-p")
        scherm = _wacht(sessie, "Zoek een zaak")
        for engels in ("Screenshot", "Theme", "Keys", "Maximize", "Quit", "Search for commands"):
            assert engels not in scherm
        _toets(sessie, "Escape")
        time.sleep(0.3)
        _toets(sessie, "Tab")  # to the list: there ctrl+c copies nothing
        _toets(sessie, "C-c")
        assert "Do you want" not in _wacht(sessie, "Wilt u afsluiten?")

        _toets(sessie, "C-n")
        _wacht(sessie, "Datum melding")
        _toets(sessie, "31-02-2026", letterlijk=True)  # replaces the prefilled date
        scherm = _wacht(sessie, "31 februari 2026 bestaat")
        assert "31-02-2026" in scherm and "de beslistermijn begint te" in scherm  # help stays
        _toets(sessie, "C-s")
        scherm = _wacht(sessie, "Nog niet compleet")
        assert "Datum melding: 31 februari 2026 bestaat niet" in scherm
        _toets(sessie, "C-q")
        _wacht(sessie, "KLAAR-0")
    finally:
        subprocess.run(["tmux", *SOCKET, "kill-server"], capture_output=True)
