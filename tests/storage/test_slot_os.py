"""One writer, always: the OS lock under races of two and three processes, after kill -9, with the ``slot`` file
deleted or replaced under a live session, and on a read-only folder."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from opslag_hulp import ROOT, WW

from storage import Opslag, OpslagInGebruik
from storage.fouten import SchrijfFout
from storage.slot import SLOT_NAAM, Slot

posix = pytest.mark.skipif(os.name == "nt", reason="fork and SIGKILL are POSIX")
RONDES = 100  # x 2 process counts = 200 races


def _deelnemer(map_: str, rondes: int, start: object, eind: object, houders: object, fouten: object) -> None:
    """One contender: per round wait for all at the barrier, try the lock, count holders, release."""
    for _ in range(rondes):
        start.wait(timeout=30)  # type: ignore[attr-defined]
        try:
            slot = Slot.neem(Path(map_))
        except OpslagInGebruik:
            slot = None
        except BaseException:
            with fouten.get_lock():  # type: ignore[attr-defined]
                fouten.value += 1  # type: ignore[attr-defined]
            slot = None
        if slot is not None:
            with houders.get_lock():  # type: ignore[attr-defined]
                houders.value += 1  # type: ignore[attr-defined]
        eind.wait(timeout=30)  # type: ignore[attr-defined]  # everyone has tried while the holder still holds
        if slot is not None:
            slot.vrij()
        eind.wait(timeout=30)  # type: ignore[attr-defined]


@posix
@pytest.mark.traag
@pytest.mark.parametrize("aantal", [2, 3])
def test_race_van_processen_precies_een_houder(tmp_path: Path, aantal: int) -> None:
    """Each round starts from a crashed session's slot file (the takeover that used to race) or from none."""
    ctx = multiprocessing.get_context("fork")
    start, eind = ctx.Barrier(aantal + 1), ctx.Barrier(aantal + 1)
    houders, fouten = ctx.Value("i", 0), ctx.Value("i", 0)
    procs = [
        ctx.Process(target=_deelnemer, args=(str(tmp_path), RONDES, start, eind, houders, fouten))
        for _ in range(aantal)
    ]
    for p in procs:
        p.start()
    try:
        for ronde in range(RONDES):
            if ronde % 2 == 0:  # a crashed session's information, left behind
                info = {"pid": 999999, "host": socket.gethostname(), "start": 1}
                (tmp_path / SLOT_NAAM).write_text(json.dumps(info))
            with houders.get_lock():
                houders.value = 0
            start.wait(timeout=30)
            eind.wait(timeout=30)
            assert houders.value == 1, f"ronde {ronde}: {houders.value} houders"
            eind.wait(timeout=30)
        assert fouten.value == 0
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()


HOUDER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from storage import Opslag
o = Opslag.open(sys.argv[2], sys.argv[3])
print("open", flush=True)
time.sleep(60)
"""


def _houder(map_: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOUDER, str(ROOT), str(map_), WW], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


@posix
@pytest.mark.traag
def test_na_kill_9_opent_de_volgende_meteen(opslag: Opslag, map_: Path) -> None:
    opslag.sluit()
    for _ in range(3):
        proc = _houder(map_)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert (map_ / SLOT_NAAM).exists()  # the crashed session's information is still there
        o = Opslag.open(map_, WW)  # at once: no waiting, no guessing
        try:
            assert o._slot is not None and o._slot.overgenomen is not None
            assert o._slot.overgenomen.pid == proc.pid
        finally:
            o.sluit()
        assert not (map_ / SLOT_NAAM).exists()


@posix
@pytest.mark.traag
@pytest.mark.parametrize("hoe", ["verwijderd", "vervangen"])
def test_slotbestand_weg_onder_een_levende_sessie_laat_geen_tweede_in(opslag: Opslag, map_: Path, hoe: str) -> None:
    opslag.sluit()
    proc = _houder(map_)
    try:
        (map_ / SLOT_NAAM).unlink()
        if hoe == "vervangen":
            (map_ / SLOT_NAAM).write_text("")  # looks like a clean close
        with pytest.raises(OpslagInGebruik, match="Sluit dat eerst"):
            Opslag.open(map_, WW)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    Opslag.open(map_, WW).sluit()


def test_symlink_als_slotbestand_wordt_niet_gevolgd(opslag: Opslag, map_: Path, tmp_path: Path) -> None:
    opslag.sluit()
    doel = tmp_path / "elders.txt"
    doel.write_text("niet aanraken")
    (map_ / SLOT_NAAM).symlink_to(doel)
    with pytest.raises(SchrijfFout):
        Opslag.open(map_, WW)
    assert doel.read_text() == "niet aanraken"


@posix
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root schrijft ook in een alleen-lezen map")
def test_alleen_lezen_map_nl_melding_en_geen_slotbestand(opslag: Opslag, map_: Path) -> None:
    opslag.sluit()
    os.chmod(map_, 0o500)
    try:
        with pytest.raises(SchrijfFout, match="niet worden geopend"):
            Opslag.open(map_, WW)
    finally:
        os.chmod(map_, 0o700)
    assert not (map_ / SLOT_NAAM).exists()


@posix
def test_schijf_zonder_vergrendeling_wordt_niet_in_gebruik_genoemd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A share without locking (ENOLCK) is said as such, not as "already open", and nothing is left behind."""
    import errno
    import fcntl

    def geen_slot(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", geen_slot)
    with pytest.raises(SchrijfFout, match="ondersteunt geen vergrendeling"):
        Slot.neem(tmp_path)
    assert not (tmp_path / SLOT_NAAM).exists()
