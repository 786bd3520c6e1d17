"""The real program in tmux (socket ``profiel``): a first start without any name asks who works here, refuses a
wrong phone number in Dutch, and stores the profile; the next start goes straight to the werkvoorraad."""

from __future__ import annotations

import shutil
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.ui.hulp import ROOT, WACHTWOORD
from tests.ui.test_vergrendel_tmux import SOCKET, _scherm, _tmux, _typ, _wacht
from tests.ui.tmuxhulp import start_sessie

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")


def _start(tmp_path: Path, sessie: str) -> None:
    env = (
        f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
        "TERM=xterm-256color"
    )
    opdracht = f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5"
    start_sessie(SOCKET, sessie, 80, 24, opdracht)


def test_eerste_start_vraagt_wie_hier_werkt(tmp_path: Path) -> None:
    sessie = f"profiel-{tmp_path.name}"[:40]
    _start(tmp_path, sessie)
    try:
        _wacht(sessie, "Nieuwe wachtzin")
        for _ in range(2):
            _typ(sessie, WACHTWOORD)
            time.sleep(0.3)
        _wacht(sessie, "wie werkt hier?")
        assert "f3" not in _scherm(sessie)
        for tekst in ["Anna de Vries", "consulent sociaal domein", "Jeugd en Gezin", "12345"]:
            _typ(sessie, tekst)  # Enter goes to the next field
            time.sleep(0.2)
        _tmux("send-keys", "-t", sessie, "C-s")
        scherm = _wacht(sessie, "Niet bewaard")
        assert "Het telefoonnummer '12345' klopt niet" in scherm
        assert not (tmp_path / "behandelaar.toml").exists()
        _tmux("send-keys", "-t", sessie, "C-u")  # the focus is on the wrong field: clear it
        _typ(sessie, "035 123 45 67")
        time.sleep(0.2)
        _typ(sessie, "a.devries@eemnes.nl")  # Enter in the last field saves
        _wacht(sessie, "Werkvoorraad")
        profiel = tomllib.loads((tmp_path / "behandelaar.toml").read_text(encoding="utf-8"))
        assert profiel["naam"] == "Anna de Vries" and profiel["telefoon"] == "035 123 45 67"
        _tmux("send-keys", "-t", sessie, "C-q")
        _wacht(sessie, "KLAAR-0")
    finally:
        _tmux("kill-session", "-t", sessie)
    sessie += "-2"
    _start(tmp_path, sessie)
    try:
        assert "f3" not in _wacht(sessie, "Wachtzin")  # the App's keys are not shown before unlocking
        _typ(sessie, WACHTWOORD)
        _wacht(sessie, "Werkvoorraad")  # known now: not asked again
        assert "wie werkt hier" not in _scherm(sessie)
        _tmux("send-keys", "-t", sessie, "C-q")
        _wacht(sessie, "KLAAR-0")
    finally:
        _tmux("kill-session", "-t", sessie)


def test_snel_getypt_met_enter_komt_alles_in_het_goede_veld(tmp_path: Path) -> None:
    """A fast typist (or a busy machine): the new passphrase, Enter, the repeat, Enter, then the profile's five
    fields each followed by Enter, sent as two bursts without a pause. Handled on Input.Submitted, the text after
    an Enter landed in the field that was left ("consulent sociaal domeinJeugd en Gezin", a doubled passphrase);
    Enter is a priority binding now and the save waits for the last field's own keys."""
    sessie = f"profiel-snel-{tmp_path.name}"[:40]
    _start(tmp_path, sessie)
    try:
        _wacht(sessie, "Nieuwe wachtzin")
        _tmux("send-keys", "-t", sessie, WACHTWOORD, "Enter", WACHTWOORD, "Enter")
        _wacht(sessie, "wie werkt hier?")
        _tmux(
            "send-keys",
            "-t",
            sessie,
            "Anna de Vries",
            "Enter",
            "consulent sociaal domein",
            "Enter",
            "Jeugd en Gezin",
            "Enter",
            "035 123 45 67",
            "Enter",
            "a.devries@eemnes.nl",
            "Enter",
        )
        _wacht(sessie, "Werkvoorraad")
        profiel = tomllib.loads((tmp_path / "behandelaar.toml").read_text(encoding="utf-8"))
        assert profiel == {
            "naam": "Anna de Vries",
            "functie": "consulent sociaal domein",
            "team": "Jeugd en Gezin",
            "telefoon": "035 123 45 67",
            "email": "a.devries@eemnes.nl",
        }
        _tmux("send-keys", "-t", sessie, "C-q")
        _wacht(sessie, "KLAAR-0")
    finally:
        _tmux("kill-session", "-t", sessie)
