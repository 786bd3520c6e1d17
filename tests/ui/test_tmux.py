"""Smoke test: the real program in tmux — unlock by typing, see the werkvoorraad, quit."""

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


SOCKET = ["-L", f"smi-smoke-{os.getpid()}"]  # a server of its own: other test runs on this machine use tmux too


def _scherm(sessie: str) -> str:
    return scherm(SOCKET[1], sessie)


def _wacht(sessie: str, tekst: str, tijd: float = 20.0) -> str:
    return wacht_op(SOCKET[1], sessie, tekst, tijd)


def test_start_ontgrendel_werkvoorraad_afsluiten(tmp_path: Path) -> None:
    sessie = f"smi-test-{tmp_path.name}"[:40]
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")  # no first-start form
    env = (
        f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
        f"TERM=xterm-256color"
    )
    opdracht = f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5"
    start_sessie(SOCKET[1], sessie, 100, 30, opdracht)
    try:
        _wacht(sessie, "Nieuwe wachtzin")
        for _ in range(2):
            subprocess.run(["tmux", *SOCKET, "send-keys", "-t", sessie, "-l", WACHTWOORD], check=True)
            subprocess.run(["tmux", *SOCKET, "send-keys", "-t", sessie, "Enter"], check=True)
            time.sleep(0.3)
        _wacht(sessie, "Werkvoorraad")
        assert "0 van 0 zaken" in _wacht(sessie, "zaken")
        subprocess.run(["tmux", *SOCKET, "send-keys", "-t", sessie, "C-q"], check=True)
        _wacht(sessie, "KLAAR-0")
    finally:
        subprocess.run(["tmux", *SOCKET, "kill-server"], capture_output=True)
