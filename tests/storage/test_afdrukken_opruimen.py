"""Plaintext only where the consulent sends it: print copies of a process that died while printing are removed at
the next start (never those of a live one), and letters written with ``brief -o`` are private."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from pathlib import Path

import pytest
from opslag_hulp import ROOT, WW

from storage import Opslag
from storage.documenten import AFDRUK_PREFIX, ruim_afdrukken_op, tijdelijk_bestand

posix = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork, flock and SIGKILL are POSIX")


def _afdrukmappen() -> set[Path]:
    return {p for p in Path(tempfile.gettempdir()).iterdir() if p.name.startswith(AFDRUK_PREFIX)}


@posix
def test_afdruk_van_gestorven_proces_opgeruimd_levende_niet(opslag: Opslag, map_: Path) -> None:
    opslag.sluit()
    voor = _afdrukmappen()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: "prints" and is killed while the copy exists
        try:
            with tijdelijk_bestand(b"%PDF geheim", naam="brief.pdf") as pad:
                os.write(w, str(pad).encode() + b"\n")
                signal.pause()
        finally:
            os._exit(0)
    os.close(w)
    pad = Path(os.read(r, 4096).decode().strip())
    os.close(r)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert pad.exists()  # left behind by the crash
    with tijdelijk_bestand(b"%PDF levend") as levend:
        Opslag.open(map_, WW).sluit()  # the next start
        assert not pad.parent.exists()
        assert levend.exists()  # this one is still being printed
        assert stat.S_IMODE(levend.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(levend.stat().st_mode) == 0o600
    assert _afdrukmappen() <= voor
    assert ruim_afdrukken_op() == 0


@posix
def test_brief_o_is_prive_en_volgt_geen_symlink(tmp_path: Path, cli) -> None:
    os.umask(0o022)
    elders = tmp_path / "elders.txt"
    elders.write_text("niet aanraken")
    uit = tmp_path / "brief.pdf"
    uit.symlink_to(elders)
    code, _, err = cli("brief", "ontvangstbevestiging", ROOT / "voorbeelden" / "eemnes-toekenning.json", "-o", uit)
    assert code == 0, err
    assert elders.read_text() == "niet aanraken"
    assert not uit.is_symlink() and uit.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(uit.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".brief.pdf.*"))
