"""After a crash the werkvoorraad points to the interrupted case: the real program in tmux (80×24), killed with
kill -9 while a consulent types in the second case, started again: "Verder met zaak …", Enter opens it with the
text typed."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from smi_tui.zaak import Stap
from tests.ui.hulp import ROOT
from tests.ui.test_tmux_autosave import Terminal, _wacht_tot_dood
from tests.ui.tmuxhulp import start_sessie

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")


class WerkvoorraadTerminal(Terminal):
    def __init__(self, tmp: Path, naam: str) -> None:
        super().__init__(tmp, naam)
        self.socket = f"werkvoorraad-{os.getpid()}-{naam}"  # a tmux server of its own
        self.maat = (80, 24)

    def start(self) -> None:
        (self.tmp / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
        env = (
            f"SMI_TUI_DATA={self.tmp / 'data'} SMI_TUI_CONFIG={self.tmp / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
            f"TERM=xterm-256color"
        )
        # without COLUMNS/LINES from the test process (shutil.get_terminal_size would take them over the pane's size)
        opdracht = f"cd {ROOT} && env -u COLUMNS -u LINES {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 30"
        start_sessie(self.socket, self.sessie, *self.maat, opdracht)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[[str], WerkvoorraadTerminal]]:
    gemaakt: list[WerkvoorraadTerminal] = []

    def maak(naam: str) -> WerkvoorraadTerminal:
        t = WerkvoorraadTerminal(tmp_path, naam)
        gemaakt.append(t)
        return t

    yield maak
    for t in gemaakt:
        t.weg()


def test_na_kill_9_wijst_de_werkvoorraad_de_onderbroken_zaak_aan(zaaien: Any, terminal: Any) -> None:
    nummers = zaaien(["heemstede-toekenning", "eemnes-toekenning", "albrandswaard-toekenning"], Stap.GESPREK)
    t = terminal("kill9")
    t.start()
    t.ontgrendel()
    t.wacht(nummers[2])
    t.toets("Down")  # the second case (the list is in zaaknummer order: no deadlines yet)
    time.sleep(0.3)
    t.toets("Enter")
    t.wacht("Afronden")
    time.sleep(2)  # the whole form mounted, the first field focused
    t.toets("Tab")
    t.typ("Huisbezoek Eemnes")
    t.wacht("Huisbezoek Eemnes")
    t.wacht("bewaard ")
    pid = t.pid()
    os.kill(pid, signal.SIGKILL)
    _wacht_tot_dood(pid)
    t.tmux("kill-session", "-t", t.sessie)

    t2 = terminal("weer")
    t2.start()
    t2.ontgrendel()
    scherm = t2.wacht(f"Verder met zaak {nummers[1]}")
    assert "(Enter)" in scherm or ": Enter." in scherm
    t2.toets("Enter")  # the cursor is on it: Enter opens that case, at its gesprek, with what was typed
    scherm = t2.wacht("Huisbezoek Eemnes")
    assert nummers[1] in scherm.splitlines()[0]


def test_filteren_en_verwijderen_op_120_kolommen(tmp_path: Path, zaaien: Any, terminal: Any) -> None:
    """At 120×35: F6 and the keyboard choose a step and a gemeente; Delete asks with zaaknummer and name, 'j'
    deletes, and the store's log says so without the name."""
    from storage import Opslag
    from tests.ui.hulp import WACHTWOORD

    zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    nummers = zaaien(["eemnes-toekenning", "albrandswaard-toekenning"], Stap.GESPREK)
    t = terminal("filter")
    t.maat = (120, 35)
    t.start()
    t.ontgrendel()
    t.wacht("3 van 3 zaken")
    t.toets("F6")
    time.sleep(0.3)
    t.toets("Enter")
    time.sleep(0.5)
    t.toets("Down", "Down")  # Alle stappen, Melding, Gesprek
    time.sleep(0.3)
    t.toets("Enter")
    t.wacht("2 van 3 zaken")
    t.toets("Tab", "Enter")
    time.sleep(0.5)
    t.typ("Eem")
    time.sleep(0.3)
    t.toets("Enter")
    scherm = t.wacht("1 van 3 zaken")
    assert "stap Gesprek, gemeente Eemnes" in scherm and nummers[0] in scherm and nummers[1] not in scherm, scherm
    t.toets("Tab")  # to the list
    time.sleep(0.3)
    t.toets("Delete")
    scherm = t.wacht("verwijderen?")
    assert nummers[0] in scherm and "Sanne Jansen" in scherm
    t.toets("j")
    t.wacht("0 van 2 zaken")
    t.wacht("gemeente Eemnes verbergt")  # the empty list says which filter hides what
    t.toets("C-q")
    t.wacht("KLAAR-0")
    with Opslag.open(tmp_path / "data", WACHTWOORD) as opslag:
        log = opslag.logboek()
        assert log[-1]["actie"] == "verwijderd" and log[-1]["zaaknummer"] == nummers[0]
        assert "Jansen" not in str(log) and not opslag.bestaat(nummers[0])
