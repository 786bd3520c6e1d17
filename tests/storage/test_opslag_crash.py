"""Crash safety: a writer killed with SIGKILL at random moments never loses a returned save or a dossier."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest
from opslag_hulp import WW, zaak

from storage import Opslag

KILLS = 50


def _schrijver(map_, fd: int, basis: int) -> None:
    """Child: save in a loop; after every save that returned, report it through the pipe."""
    with Opslag.open(map_, WW) as o:
        nummers = [r.zaaknummer for r in o.lijst()]
        os.write(fd, b"klaar\n")
        i = basis  # strictly increasing over all children
        while True:
            i += 1
            if i % 5 == 0:
                zn = o.nieuwe_zaak(zaak(teller=i), "kind")
                os.write(fd, f"nieuw {zn} {i}\n".encode())
                nummers.append(zn)
                continue
            if i % 7 == 0:
                zn = random.choice(nummers)
                o.voeg_document_toe(zn, "d.pdf", "brief", f"%PDF {i}".encode())
                os.write(fd, f"doc {zn} {i}\n".encode())
                continue
            zn = nummers[i % len(nummers)]
            z = o.laad(zn)
            z["teller"] = i
            z["stap"] = random.choice(["melding", "gesprek", "verslag"])
            o.bewaar(zn, z, "kind")
            os.write(fd, f"bewaard {zn} {i}\n".encode())


def _lees_alles(fd: int) -> str:
    delen = []
    while chunk := os.read(fd, 65536):
        delen.append(chunk)
    return b"".join(delen).decode()


def _wacht_op_regels(fd: int, aantal: int) -> str:
    """Read from the pipe until ``aantal`` whole lines have come (or the writer ended)."""
    delen = b""
    while delen.count(b"\n") < aantal:
        stuk = os.read(fd, 4096)
        if not stuk:
            break
        delen += stuk
    return delen.decode()


@pytest.mark.traag
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_sigkill_tijdens_opslaan(opslag, map_):
    for _ in range(3):
        opslag.nieuwe_zaak(zaak(teller=0), "ouder")
    opslag.sluit()
    rng = random.Random(20260105)
    laatste: dict[str, int] = {}
    nieuw: list[str] = []
    docs: dict[str, int] = {}
    achtergebleven = 0  # temp files a killed writer left behind: proof that kills hit mid-write
    for k in range(KILLS):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(r)
            try:
                _schrijver(map_, w, (k + 1) * 1_000_000)
            finally:
                os._exit(0)
        os.close(w)
        gelezen = _wacht_op_regels(r, 1 + rng.randint(0, 12))  # "klaar" and a random number of saves: progress
        assert gelezen.startswith("klaar\n")  # does not depend on how busy the machine is
        time.sleep(rng.uniform(0.0, 0.005))  # then a kill at a random moment, usually in the middle of a save
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        achtergebleven += len(list(map_.rglob("*.tmp")))
        for regel_ in (gelezen + _lees_alles(r)).splitlines()[1:]:
            soort, zn, i = regel_.split()
            if soort == "bewaard":
                laatste[zn] = max(laatste.get(zn, 0), int(i))
            elif soort == "nieuw":
                nieuw.append(zn)
            else:
                docs[zn] = docs.get(zn, 0) + 1
        os.close(r)
    print(f"{len(laatste)} dossiers, {len(nieuw)} new cases, {achtergebleven} temp files left by kills")
    assert len(laatste) >= 3 and nieuw and docs, "the writer should have made progress"
    assert len(set(nieuw)) == len(nieuw), "a zaaknummer was handed out twice"
    with Opslag.open(map_, WW) as o:
        rapport = o.controleer()
        assert rapport.in_orde, rapport.tekst()
        for zn in o.zaaknummers():
            o.laad(zn)
        for zn, i in laatste.items():
            assert o.laad(zn)["teller"] >= i, f"save {i} of {zn} returned but is lost"
        assert set(nieuw) <= set(o.zaaknummers())
        for zn, n in docs.items():
            assert len(o.documenten(zn)) >= n
        assert sorted(r.zaaknummer for r in o.lijst()) == sorted(o.zaaknummers())
        assert not [p for p in map_.rglob("*.tmp")]
