"""The real program in tmux (own socket), 80x24 (issue 15, deliverables 7 and 8): f4 shows the summary and ctrl+o
prints it as an internal note; ctrl+g on the besluit first shows what will be decided, p opens a marked proof in
the configured viewer, n makes nothing; the dossier (f2) shows the timeline; the store is as it was."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import Opslag
from tests.letters.conftest import tekst_van
from tests.ui.hulp import ROOT, WACHTWOORD, voorbeeld
from tests.ui.tmuxhulp import scherm, start_sessie, wacht_op

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")
SOCKET = "overzicht-test"
SESSIE = "overzicht"


def _toets(*keys: str) -> None:
    subprocess.run(["tmux", "-L", SOCKET, "send-keys", "-t", SESSIE, *keys], capture_output=True)


def _wacht_bestand(pad: Path, tijd: float = 30.0) -> None:
    eind = time.monotonic() + tijd
    while time.monotonic() < eind and not pad.exists():
        time.sleep(0.2)
    assert pad.exists(), f"{pad.name} verscheen niet:\n{scherm(SOCKET, SESSIE)}"


def test_samenvatting_bevestiging_en_tijdlijn(tmp_path: Path) -> None:
    data = voorbeeld("heemstede-toekenning")
    data["besluit"].pop("verzonden_op")
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        zn = opslag.nieuwe_zaak(data, consulent="J. Visser")
        voor = opslag.laad(zn)
    (tmp_path / "print").mkdir()
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
    env = {"SMI_TUI_DATA": tmp_path / "data", "SMI_TUI_CONFIG": tmp_path / "config.toml", "SMI_TUI_SCRYPT_N": 1024,
           "TERM": "xterm-256color", "SMI_TUI_PRINTCOMMANDO": f"cp {{bestand}} {tmp_path / 'print'}/",
           "SMI_TUI_BEKIJKCOMMANDO": f"cp {{bestand}} {tmp_path / 'proef.pdf'}"}  # fmt: skip
    omgeving = " ".join(f"{k}={shlex.quote(str(v))}" for k, v in env.items())
    opdracht = f"cd {ROOT} && env {omgeving} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5"
    start_sessie(SOCKET, SESSIE, 80, 24, opdracht)
    try:
        wacht_op(SOCKET, SESSIE, "Wachtzin", 30)
        _toets("-l", WACHTWOORD)
        _toets("Enter")
        nu = wacht_op(SOCKET, SESSIE, zn, 30)
        if "Voorstel:" not in nu:
            wacht_op(SOCKET, SESSIE, "Werkvoorraad")
            _toets("Enter")
        wacht_op(SOCKET, SESSIE, "Voorstel: GEDEELTELIJK", 30)
        _toets("F4")
        nu = wacht_op(SOCKET, SESSIE, "Ouders en kinderen")
        assert "samenvatting, alleen lezen" in nu and "Yasmin El Amrani" in nu
        assert all(p["bsn"] not in nu for p in data["melding"]["kinderen"])
        _toets("C-o")
        _wacht_bestand(tmp_path / "print" / "interne-notitie.pdf")
        _toets("Escape")
        wacht_op(SOCKET, SESSIE, "Beschikking+plan")  # the besluit's footer: back on the besluit
        _toets("C-g")
        nu = wacht_op(SOCKET, SESSIE, "Definitief maken en afdrukken")
        assert "Yasmin El Amrani" in nu and "Bezwaar" in nu and "Annuleren" in nu
        _toets("p")
        _wacht_bestand(tmp_path / "proef.pdf")
        _toets("n")
        wacht_op(SOCKET, SESSIE, "Geannuleerd")
        _toets("F2")
        nu = wacht_op(SOCKET, SESSIE, "dossier en termijnen")
        assert "▲" in nu and "vandaag," in nu and "Nr" in nu
        _toets("C-q")
        wacht_op(SOCKET, SESSIE, "KLAAR-0", 30)
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", SESSIE], capture_output=True)
    notitie = tekst_van((tmp_path / "print" / "interne-notitie.pdf").read_bytes())
    assert "INTERNE NOTITIE — NIET VERZENDEN" in notitie and zn in notitie
    assert "PROEFDRUK — NIET VERZENDEN — nog niet definitief" in tekst_van((tmp_path / "proef.pdf").read_bytes())
    assert sorted(p.name for p in (tmp_path / "print").iterdir()) == ["interne-notitie.pdf"]  # no beschikking
    with Opslag.open(tmp_path / "data", WACHTWOORD) as opslag:
        assert opslag.documenten(zn) == []
        na = opslag.laad(zn)
    assert json.dumps(na.get("besluit"), sort_keys=True) == json.dumps(voor.get("besluit"), sort_keys=True)
