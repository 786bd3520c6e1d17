"""The real program in tmux (own socket), 80×24, as a consulent: print the verslag to be signed (Ctrl+O), open
the case's documents (F6), attach the signed verslag — the PDF the letter made — and the GGD advice (a PNG), view
the letter through a stub viewer (the decrypted copy is private while shown and gone afterwards), print it again
through a stub print command, lock: no case data on the lock screen and no decrypted copy anywhere in the temp
folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from smi_tui.zaak import Stap, Zaak
from storage import Opslag
from tests.ui.conftest import tot_stap
from tests.ui.hulp import ROOT, WACHTWOORD, voorbeeld
from tests.ui.tmuxhulp import scherm, start_sessie, wacht_op

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt")
SOCKET = "papieren-documenten"
SESSIE = "documenten"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010800000000")  # a PNG's signature and header

BEKIJKER = """#!/bin/sh
# stub viewer: records the path, whether the file is there and its modes (file, folder); stays open a moment
{ echo "$1"; test -f "$1" && echo BESTAAT; stat -c %a "$1"; stat -c %a "$(dirname "$1")"; } >> "$2"
sleep 1
"""


def _toets(*toetsen: str, tekst: str | None = None) -> None:
    if tekst is not None:
        subprocess.run(["tmux", "-L", SOCKET, "send-keys", "-t", SESSIE, "-l", tekst], check=True)
    for t in toetsen:
        subprocess.run(["tmux", "-L", SOCKET, "send-keys", "-t", SESSIE, t], check=True)
        time.sleep(0.3)


def _wacht(tekst: str, tijd: float = 30.0) -> str:
    return wacht_op(SOCKET, SESSIE, tekst, tijd)


def _bijvoegen(pad: Path, omlaag: int, datum: str) -> None:
    _toets("b")
    _wacht("Stuk bijvoegen (scan of PDF)")
    _toets("Tab", tekst=f"'{pad}'")  # in quotes, as a terminal pastes a dropped file with a space in its name
    _toets("Enter")
    _wacht("Ander stuk")
    _toets(*(["Down"] * omlaag), "Enter")
    eind = time.monotonic() + 20
    while "Ander stuk" in scherm(SOCKET, SESSIE) and time.monotonic() < eind:  # the list closes
        time.sleep(0.2)
    _toets("Tab")
    time.sleep(0.5)
    _toets("C-s", tekst=datum)


@pytest.mark.skipif(sys.platform != "linux", reason="stat -c and a POSIX temp folder")
def test_verslag_en_advies_bijvoegen_bekijken_en_opnieuw_afdrukken(tmp_path: Path) -> None:
    data = tot_stap(voorbeeld("voerendaal-toekenning"), Stap.VOORLIGGEND)
    data["verslag"] = {**data["verslag"], "ondertekend_op": None}
    data["aanvraag"] = {"ontvangen_op": None, "stukken": []}
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        zn = opslag.nieuwe_zaak(data, consulent="J. Visser")
    (tmp_path / "config.toml").write_text('consulent = "J. Visser"\n', encoding="utf-8")
    printmap, tijdelijk, log = tmp_path / "print", tmp_path / "tmp", tmp_path / "bekeken.log"
    printmap.mkdir()
    tijdelijk.mkdir()  # the program's temp folder: every decrypted copy would be here
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "advies GGD.png").write_bytes(PNG)
    bekijker = tmp_path / "bekijk.sh"
    bekijker.write_text(BEKIJKER)
    bekijker.chmod(0o755)
    env = (
        f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={tmp_path / 'config.toml'} SMI_TUI_SCRYPT_N=1024 "
        f"TERM=xterm-256color TMPDIR={tijdelijk} "
        f"SMI_TUI_PRINTCOMMANDO={json.dumps(f'cp {{bestand}} {printmap}/')} "
        f"SMI_TUI_BEKIJKCOMMANDO={json.dumps(f'{bekijker} {{bestand}} {log}')}"
    )
    start_sessie(SOCKET, SESSIE, 80, 24, f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5")
    try:
        _wacht("Wachtzin")
        _toets("Enter", tekst=WACHTWOORD)
        _wacht(zn)
        _toets("Enter")
        _wacht("Voorliggende voorzieningen")
        _toets("C-b")
        _wacht("Verslag afdrukken")
        _toets("C-o")  # the verslag printed to be signed: a real letter, stored and printed
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (printmap / "verslag.pdf").exists():
            time.sleep(0.2)
        assert (printmap / "verslag.pdf").read_bytes().startswith(b"%PDF")
        time.sleep(1)  # the save thread marks it printed after the print command returned
        _toets("F6")
        _wacht("Brief: Verslag")
        _wacht("afgedrukt")  # (once the toasts on the right are gone)
        nu = _wacht("Nog niet ontvangen: Ondertekend verslag")
        assert "Bekijken" in nu and "Bijvoegen" in nu and "Terug" in nu  # the keys, in the footer at 80 columns

        getekend = tmp_path / "scans" / "verslag getekend.pdf"
        shutil.copy(printmap / "verslag.pdf", getekend)  # the PDF the letter made, back signed
        _bijvoegen(getekend, 1, "19-05-2026")
        assert "19-05-" in _wacht("Ontvangen: Ondertekend verslag")  # (a toast covers the columns further right)
        _bijvoegen(tmp_path / "scans" / "advies GGD.png", 2, "20-05-2026")
        assert "20-05-" in _wacht("Ontvangen: Advies")
        _wacht("advies GGD.png", tijd=40)  # once the toasts have gone

        _toets("Home", "Enter")  # the letter, in the stub viewer
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(log.read_text().splitlines() if log.exists() else []) < 4:
            time.sleep(0.2)
        pad, bestaat, modus, mapmodus = log.read_text().splitlines()[:4]
        assert (bestaat, modus, mapmodus) == ("BESTAAT", "600", "700") and pad.startswith(str(tijdelijk))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and Path(pad).exists():
            time.sleep(0.2)
        assert not Path(pad).exists() and list(tijdelijk.iterdir()) == []  # gone once the viewer closed

        _toets("a")  # print the letter again
        _wacht("Verslag is opnieuw naar het")
        assert sorted(p.name for p in printmap.iterdir()) == ["verslag-" + zn + ".pdf", "verslag.pdf"]

        _toets("C-l")
        nu = _wacht("Vergrendeld")
        assert zn not in nu and "Schepers" not in nu and "Voerendaal" not in nu and "verslag" not in nu.lower()
        assert list(tijdelijk.iterdir()) == []
        _toets("Enter", tekst=WACHTWOORD)
        _wacht("Brief: Verslag")
        _toets("Escape")
        _wacht("Verslag afdrukken")
        _toets("C-q")
        _wacht("KLAAR-0")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", SESSIE], capture_output=True)
    assert list(tijdelijk.iterdir()) == []  # no decrypted copy left behind
    with Opslag.open(tmp_path / "data", WACHTWOORD) as opslag:
        zaak = Zaak.model_validate(opslag.laad(zn))
        docs = opslag.documenten(zn)
    assert [(d["soort"], d.get("ontvangen_op")) for d in docs] == [
        ("verslag", None),
        ("ondertekend_verslag", "2026-05-19"),
        ("advies", "2026-05-20"),
    ]
    assert docs[0]["afgedrukt"] == 2
    # Voerendaal art. 3 lid 6: the signed verslag is the aanvraag, on the date it came in
    assert zaak.verslag is not None and zaak.verslag.ondertekend_op == date(2026, 5, 19)
    assert {(s.code, s.ontvangen_op) for s in zaak.aanvraag.stukken} == {
        ("ondertekend_verslag", date(2026, 5, 19)),
        ("advies", date(2026, 5, 20)),
    }
    assert scherm(SOCKET, SESSIE) == ""
