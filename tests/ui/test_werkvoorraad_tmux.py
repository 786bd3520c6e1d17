"""After a crash the werkvoorraad points to the interrupted case: the real program in tmux (80×24), killed with
kill -9 while a consulent types in the second case, started again: "Verder met zaak …", Enter opens it with the
text typed."""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from smi_tui.zaak import Stap
from tests.ui.test_tmux_autosave import Terminal, _wacht_tot_dood

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")


class WerkvoorraadTerminal(Terminal):
    def __init__(self, tmp: Path, naam: str) -> None:
        super().__init__(tmp, naam)
        self.socket = f"werkvoorraad-{os.getpid()}-{naam}"  # a tmux server of its own


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
