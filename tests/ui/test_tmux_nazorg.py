"""The real program in tmux at 80x24 (issue 11): a verlenging without a decision is refused in its form and
nothing is stored; a second verlenging where the regulation allows one is refused with its article."""

from __future__ import annotations

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


class Tmux:
    """One tmux server of its own (socket ``records-test-…``), so no other tmux is touched."""

    def __init__(self, naam: str) -> None:
        self.socket = f"records-test-{naam}"[:60]

    def __call__(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True).stdout

    def toetsen(self, *keys: str, pauze: float = 0.4) -> None:
        for k in keys:
            self("send-keys", "-t", "app", k)
            time.sleep(pauze)

    def open_zaak(self, zaaknummer: str) -> None:
        """From the werkvoorraad: search the zaaknummer (ctrl+f), open it on its dossier."""
        self.wacht("Werkvoorraad")
        self.toetsen("C-f", "C-u")
        self("send-keys", "-t", "app", "-l", zaaknummer)
        self.toetsen("Enter", "Enter")
        self.wacht(f"{zaaknummer} · ")

    def wacht(self, tekst: str, tijd: float = 20.0) -> str:
        eind = time.monotonic() + tijd
        while time.monotonic() < eind:
            scherm = self("capture-pane", "-p", "-t", "app")
            if _kern(tekst) in _kern(scherm):  # a message wrapped over lines (beside a field's frame) still matches
                return scherm
            time.sleep(0.2)
        raise AssertionError(f"'{tekst}' verscheen niet:\n{self('capture-pane', '-p', '-t', 'app')}")


def _kern(tekst: str) -> str:
    """Letters and digits only: box drawing, frames and line breaks left out."""
    return "".join(c for c in tekst if c.isalnum())


def _opgeslagen(map_: Path, *zaaknummers: str) -> list[dict]:
    """The stored cases without their drafts (an open dossier form is autosaved by design; a draft is no record)."""
    with Opslag.open(map_, WACHTWOORD) as o:
        return [{k: v for k, v in o.laad(zn).items() if k != "concepten"} for zn in zaaknummers]


def test_verlenging_zonder_besluit_en_tweede_verlenging_geweigerd(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Opslag.maak(data, WACHTWOORD, scrypt_n=1024) as o:
        zaken = [voorbeeld(n) | {"stap": "afgerond"} for n in ("eemnes-toekenning", "albrandswaard-verlenging")]
        eemnes, albrandswaard = o.nieuwe_zaken(zaken, consulent="J. Visser")
    voor = _opgeslagen(data, eemnes, albrandswaard)
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
    env = f"SMI_TUI_DATA={data} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 TERM=xterm-256color"
    tmux = Tmux(tmp_path.name)
    opdracht = f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5"
    start_sessie(tmux.socket, "app", 80, 24, opdracht)
    try:
        tmux.wacht("Wachtzin")
        tmux("send-keys", "-t", "app", "-l", WACHTWOORD)
        tmux.toetsen("Enter")
        tmux.wacht("Werkvoorraad")
        tmux.open_zaak(eemnes)
        # Eemnes art. 3.5 lid 3: a verlenging asked, the condition met, but no decision: refused, nothing stored
        tmux.toetsen("v")
        tmux.wacht("Verlenging (artikel 3.5 lid 3)")
        tmux.toetsen("Tab", "Tab", "Enter", "Down", "Enter", "C-s")
        tmux.wacht("Vul de beslissing op de verlenging in")
        tmux.toetsen("Escape")
        tmux.wacht("dossier en termijnen")
        # Albrandswaard art. 5 lid 6 ("éénmalig"): extended once already; a second one is refused
        tmux.toetsen("Escape")
        tmux.open_zaak(albrandswaard)
        tmux.toetsen("v")
        tmux.wacht("Verlenging (artikel 5 lid 6)")
        tmux.toetsen("Tab", "Tab", "Enter", "Down", "Enter", "Tab")
        tmux("send-keys", "-t", "app", "-l", "Nog geen structurele verbetering.")
        tmux.toetsen("Tab", "Tab", "Enter", "Down", "Enter", "C-s")
        tmux.wacht("De regeling staat deze verlenging niet toe")
        tmux.wacht("artikel 5 lid 6, Beleidsregels")
        tmux.toetsen("Escape", "C-q")
        tmux.wacht("KLAAR-0")
    finally:
        tmux("kill-server")
    assert _opgeslagen(data, eemnes, albrandswaard) == voor  # nothing stored by either refusal
