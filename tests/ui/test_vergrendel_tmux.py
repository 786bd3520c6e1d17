"""The real program in tmux (socket ``profiel``): a case open at its besluit, then ctrl+l and the idle lock; the
whole terminal (``capture-pane -p``) shows no name, BSN, zaaknummer or amount. Unlocking brings the besluit back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smi_tui.zaak import Stap
from storage import Opslag
from tests.ui.conftest import tot_stap
from tests.ui.hulp import ROOT, WACHTWOORD, voorbeeld
from tests.ui.tmuxhulp import scherm, start_sessie, wacht_op

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")

SOCKET = "profiel"
GEHEIM = ["Sanne", "Jansen", "Lotte", "Pieter", "725763863", "192285142", "SMI-20", "Eemhoeve", "€"]


def _tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)


def _scherm(sessie: str) -> str:
    return scherm(SOCKET, sessie)


def _wacht(sessie: str, tekst: str, tijd: float = 30.0) -> str:
    return wacht_op(SOCKET, sessie, tekst, tijd)


def _typ(sessie: str, tekst: str) -> None:
    _tmux("send-keys", "-t", sessie, "-l", tekst)
    _tmux("send-keys", "-t", sessie, "Enter")


def _lekken(scherm: str) -> list[str]:
    return [g for g in GEHEIM if g in scherm] + re.findall(r"\d+,\d\d", scherm)


def _start(tmp_path: Path, breedte: int, hoogte: int, minuten: str) -> str:
    map_ = tmp_path / "data"
    with Opslag.maak(map_, WACHTWOORD, scrypt_n=1024) as opslag:
        opslag.nieuwe_zaak(tot_stap(voorbeeld("eemnes-toekenning"), Stap.BESLUIT), consulent="J. Visser")
    config = tmp_path / "config.toml"
    config.write_text(f"consulent = {json.dumps('J. Visser')}\n", encoding="utf-8")
    sessie = f"slot-{breedte}-{tmp_path.name}"[:40]
    env = (
        f"SMI_TUI_DATA={map_} SMI_TUI_CONFIG={config} SMI_TUI_SCRYPT_N=1024 SMI_TUI_VERGRENDEL_MINUTEN={minuten} "
        "TERM=xterm-256color"
    )
    opdracht = f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5"
    start_sessie(SOCKET, sessie, breedte, hoogte, opdracht)
    _wacht(sessie, "Wachtzin")
    _typ(sessie, WACHTWOORD)
    _wacht(sessie, "1 van 1 zaken")
    _tmux("send-keys", "-t", sessie, "Enter")
    scherm = _wacht(sessie, "Voorstel")  # the besluit, with the case's header, toetsen and amounts
    assert _lekken(scherm), scherm  # the check after locking can fail: the case is on screen now
    return sessie


@pytest.mark.parametrize(("breedte", "hoogte"), [(80, 24), (120, 35)])
def test_ctrl_l_en_slot_na_stilte_tonen_niets_van_de_zaak(tmp_path: Path, breedte: int, hoogte: int) -> None:
    sessie = _start(tmp_path, breedte, hoogte, minuten="0.1")  # idle lock after 6 s
    try:
        _tmux("send-keys", "-t", sessie, "C-l")
        scherm = _wacht(sessie, "Vergrendeld")
        time.sleep(0.5)
        scherm = _scherm(sessie)
        assert _lekken(scherm) == [], scherm
        _typ(sessie, WACHTWOORD)
        _wacht(sessie, "Voorstel")
        scherm = _wacht(sessie, "Vergrendeld", tijd=30)  # now by the idle time (6 s without a key)
        time.sleep(0.5)
        scherm = _scherm(sessie)
        assert _lekken(scherm) == [], scherm
        _typ(sessie, WACHTWOORD)
        assert _lekken(_wacht(sessie, "Voorstel"))
        _tmux("send-keys", "-t", sessie, "C-q")
        _wacht(sessie, "KLAAR-0")
    finally:
        _tmux("kill-session", "-t", sessie)
