"""One writer: a second process is refused; a lock of a killed process is taken over."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from opslag_hulp import ROOT, WW, zaak

from storage import Opslag, OpslagInGebruik
from storage.slot import Slot

HOUDER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from storage import Opslag
o = Opslag.open(sys.argv[2], sys.argv[3])
print("open", flush=True)
time.sleep(60)
"""


@pytest.mark.traag
@pytest.mark.skipif(os.name == "nt", reason="kill -9 is POSIX")
def test_tweede_proces_geweigerd_en_slot_overgenomen_na_kill(opslag, map_):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.sluit()
    proc = subprocess.Popen([sys.executable, "-c", HOUDER, str(ROOT), str(map_), WW], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "open"
        with pytest.raises(OpslagInGebruik) as fout:
            Opslag.open(map_, WW)
        assert f"(proces {proc.pid})" in fout.value.melding and "Sluit dat eerst" in fout.value.melding
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with Opslag.open(map_, WW) as o:
        assert o.laad(zn)["zaaknummer"] == zn
    assert not (map_ / "slot").exists()


def test_tweede_opslag_in_hetzelfde_proces_geweigerd(opslag, map_):
    with pytest.raises(OpslagInGebruik, match=f"proces {os.getpid()}"):
        Opslag.open(map_, WW)


def _schrijf_slot(map_, **inhoud):
    (map_ / "slot").write_text(json.dumps(inhoud))


def test_slot_van_verdwenen_proces_wordt_overgenomen(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()  # a pid that certainly is gone
    _schrijf_slot(tmp_path, pid=proc.pid, host=socket.gethostname(), start=time.time())
    slot = Slot.neem(tmp_path)
    assert slot.overgenomen is not None and slot.overgenomen.pid == proc.pid
    slot.vrij()
    assert not (tmp_path / "slot").exists()


def test_slot_op_andere_computer_wordt_niet_overgenomen(tmp_path):
    _schrijf_slot(tmp_path, pid=1, host="een-andere-computer", start=time.time())
    with pytest.raises(OpslagInGebruik, match="andere computer"):
        Slot.neem(tmp_path)


def test_leeg_oud_slotbestand_wordt_overgenomen(tmp_path):
    (tmp_path / "slot").write_bytes(b"")
    oud = time.time() - 3600
    os.utime(tmp_path / "slot", (oud, oud))
    Slot.neem(tmp_path).vrij()


def test_vrij_laat_een_vreemd_slot_staan(tmp_path):
    slot = Slot.neem(tmp_path)
    _schrijf_slot(tmp_path, pid=1, host="x", start=0, token="ander")
    slot.vrij()
    assert (tmp_path / "slot").exists()
