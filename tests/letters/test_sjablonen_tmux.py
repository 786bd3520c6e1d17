"""The real program in tmux (own socket), 80×24: a functioneel beheerder's logo that is not a PNG stops ctrl+g with a
Dutch message naming the file, and nothing is printed or stored; once the logo is a real PNG the beschikking is
printed with it."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from storage import Opslag
from tests.letters.test_sjablonen import _png
from tests.ui.hulp import ROOT, WACHTWOORD, voorbeeld
from tests.ui.tmuxhulp import scherm, start_sessie, wacht_op

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")
SOCKET = "sjabloon-logo-test"


def _toets(sessie: str, *toetsen: str, letterlijk: bool = False) -> None:
    subprocess.run(
        ["tmux", "-L", SOCKET, "send-keys", "-t", sessie, *(["-l"] if letterlijk else []), *toetsen], check=True
    )


def test_kapot_logo_in_het_echte_programma(tmp_path: Path) -> None:
    data = voorbeeld("oude-ijsselstreek-afwijzing")
    data["besluit"].pop("verzonden_op", None)
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        zn = opslag.nieuwe_zaak(data, consulent="J. Visser")
    (tmp_path / "print").mkdir()
    logo = tmp_path / "sjablonen" / "oude-ijsselstreek" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"dit is een JPEG, geen PNG")
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\nsjablonen_map = "sjablonen"\n', encoding="utf-8")
    sessie = "logo"
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
        wacht_op(SOCKET, sessie, "Wachtzin", 30)
        _toets(sessie, WACHTWOORD, letterlijk=True)
        _toets(sessie, "Enter")
        nu = wacht_op(SOCKET, sessie, zn, 30)
        if "Voorstel:" not in nu:
            wacht_op(SOCKET, sessie, "Werkvoorraad")
            _toets(sessie, "Enter")
        wacht_op(SOCKET, sessie, "Voorstel: AFWIJZEN", 30)
        _toets(sessie, "C-g")
        wacht_op(SOCKET, sessie, "Definitief maken en afdrukken", 30)  # first what will be decided (issue 15)
        _toets(sessie, "j")
        nu = " ".join(wacht_op(SOCKET, sessie, "PNG-bestand", 30).split())
        assert "NIET bewaard" in nu and "logo.png is geen" in nu and "Traceback" not in nu
        assert list((tmp_path / "print").iterdir()) == []
        _png(logo, alfa=True)  # the beheerder saves the logo as PNG and the consulent tries again
        if "Definitieve beschikking maken" not in scherm(SOCKET, sessie):  # the question stays open after the fault
            _toets(sessie, "C-g")
        wacht_op(SOCKET, sessie, "Definitieve beschikking maken", 30)
        _toets(sessie, "j")
        wacht_op(SOCKET, sessie, "alleen lezen", 30)
        _toets(sessie, "C-q")
        wacht_op(SOCKET, sessie, "KLAAR-0", 30)
    finally:
        eind = scherm(SOCKET, sessie)
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", sessie], capture_output=True)
    assert sorted(p.name for p in (tmp_path / "print").iterdir()) == ["beschikking.pdf"], eind
    with pikepdf.open(io.BytesIO((tmp_path / "print" / "beschikking.pdf").read_bytes())) as pdf:
        beelden = [x for x in pdf.pages[0].Resources.XObject.values() if x.Subtype == "/Image"]
        assert [(b.Width, b.Height) for b in beelden] == [(600, 200)]


def test_kapot_sjabloon_in_het_echte_programma(tmp_path: Path) -> None:
    """A beheerder's ontvangstbevestiging with a misspelt variable stops ctrl+o with the file, line and the
    name meant; once repaired, the next ctrl+o prints the beheerder's wording (no restart)."""
    data = voorbeeld("oude-ijsselstreek-afwijzing")
    data["besluit"].pop("verzonden_op", None)  # a decision not yet sent: the case can still be edited
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        zn = opslag.nieuwe_zaak(data, consulent="J. Visser")
    (tmp_path / "print").mkdir()
    eigen = tmp_path / "sjablonen" / "ontvangstbevestiging.txt"
    eigen.parent.mkdir()
    goed = (ROOT / "letters" / "sjablonen" / "ontvangstbevestiging.txt").read_text(encoding="utf-8")
    goed = goed.replace("In deze brief leest u wat er nu gebeurt.", "Hieronder leest u wat er nu gebeurt.")
    eigen.write_text(goed.replace("{{ kinderen }}", "{{ kindren }}"), encoding="utf-8")
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\nsjablonen_map = "sjablonen"\n', encoding="utf-8")
    sessie = "sjabloon"
    env = (
        f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
        f"TERM=xterm-256color"
    )
    printen = f"cp {{bestand}} {tmp_path / 'print'}/"
    opdracht = (
        f"cd {ROOT} && env {env} SMI_TUI_PRINTCOMMANDO={json.dumps(printen)} {sys.executable} -m smi_tui; "
        "echo KLAAR-$?; sleep 5"
    )
    start_sessie(SOCKET, sessie, 120, 35, opdracht)
    try:
        wacht_op(SOCKET, sessie, "Wachtzin", 30)
        _toets(sessie, WACHTWOORD, letterlijk=True)
        _toets(sessie, "Enter")
        nu = wacht_op(SOCKET, sessie, zn, 30)
        if "Voorstel:" not in nu:
            wacht_op(SOCKET, sessie, "Werkvoorraad")
            _toets(sessie, "Enter")
        wacht_op(SOCKET, sessie, "Voorstel: AFWIJZEN", 30)
        for _ in range(8):  # back to the melding, one step at a time
            if "Datum melding" in scherm(SOCKET, sessie):
                break
            _toets(sessie, "C-b")
            wacht_op(SOCKET, sessie, "›", 10)
            time.sleep(0.8)
        wacht_op(SOCKET, sessie, "Datum melding", 10)
        _toets(sessie, "C-o")
        nu = " ".join(re.sub("[▌▊▎▔▁]", " ", wacht_op(SOCKET, sessie, "kindren", 30)).split())
        assert "NIET bewaard" in nu and "regel 7," in nu and "Bedoelt u 'kinderen'?" in nu, nu
        assert list((tmp_path / "print").iterdir()) == []
        eigen.write_text(goed, encoding="utf-8")  # the beheerder repairs the file
        _toets(sessie, "C-o")
        for _ in range(150):
            if list((tmp_path / "print").iterdir()):
                break
            time.sleep(0.2)
        _toets(sessie, "C-q")
    finally:
        eind = scherm(SOCKET, sessie)
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", sessie], capture_output=True)
    gedrukt = list((tmp_path / "print").iterdir())
    assert [p.name for p in gedrukt] == ["ontvangstbevestiging.pdf"], eind
    from tests.letters.conftest import tekst_van

    assert "Hieronder leest u wat er nu gebeurt." in tekst_van(gedrukt[0].read_bytes())
