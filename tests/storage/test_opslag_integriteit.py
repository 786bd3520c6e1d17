"""Tampering, wrong or empty passphrases, corrupt key files and failing writes (disk full)."""

from __future__ import annotations

import errno
import os
import shutil

import pytest
from opslag_hulp import WW, hashes, zaak

from storage import BeschadigdFout, Opslag, SchrijfFout, WachtwoordFout
from storage.crypto import ontsleutel, versleutel


def _flip(pad, positie=-20):
    data = bytearray(pad.read_bytes())
    data[positie] ^= 0x01
    pad.write_bytes(bytes(data))


def test_gewijzigd_dossier_wordt_gevonden_en_genoemd(opslag, map_):
    a, b, c = (opslag.nieuwe_zaak(zaak(), "c") for _ in range(3))
    opslag.sluit()
    _flip(map_ / "dossiers" / f"{b}.smi")
    with Opslag.open(map_, WW) as o:
        rapport = o.controleer()
        assert not rapport.in_orde
        fout = {z.zaaknummer: z.problemen for z in rapport.zaken}
        assert fout[a] == [] and fout[c] == []
        assert b in fout[b][0] and "beschadigd" in fout[b][0]
        assert o.laad(a)["regeling"] == "eemnes" and o.laad(c)
        with pytest.raises(BeschadigdFout, match=b):
            o.laad(b)
        assert b in rapport.tekst()


def test_verwisselde_dossiers_worden_gevonden(opslag, map_):
    a, b = opslag.nieuwe_zaak(zaak(), "c"), opslag.nieuwe_zaak(zaak(), "c")
    opslag.sluit()
    pa, pb = map_ / "dossiers" / f"{a}.smi", map_ / "dossiers" / f"{b}.smi"
    inhoud_a = pa.read_bytes()
    shutil.copy(pb, pa)
    pb.write_bytes(inhoud_a)
    with Opslag.open(map_, WW) as o:
        rapport = o.controleer()
        assert [z.in_orde for z in rapport.zaken] == [False, False]


def test_gewijzigde_index_wordt_gevonden_en_hersteld(opslag, map_):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.sluit()
    (deel,) = (map_ / "index").glob("*.smi")
    _flip(deel)
    with Opslag.open(map_, WW) as o:
        rapport = o.controleer()
        assert not rapport.in_orde and any("index" in p for p in rapport.algemeen)
        assert o.laad(zn)  # the dossiers still open
        with pytest.raises(BeschadigdFout, match="index"):
            o.lijst()
        assert o.herstel_index().in_orde
        assert [r.zaaknummer for r in o.lijst()] == [zn]


def test_verbroken_auditketen_wordt_gevonden(opslag, map_):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    z = opslag.laad(zn)
    z["stap"] = "verslag"
    opslag.bewaar(zn, z, "c")
    opslag.sluit()
    # Someone with the key rewrites the first audit entry: the chain must show it.
    import json

    sleutel = Opslag.open(map_, WW)
    pad, rol = sleutel.dossier_pad(zn), f"dossier:{zn}"
    data = json.loads(ontsleutel(sleutel._sleutel, rol, pad.read_bytes(), naam="x"))
    data["audit"]["1"]["consulent"] = "vervalst"
    pad.write_bytes(versleutel(sleutel._sleutel, rol, json.dumps(data).encode()))
    (problemen,) = [z.problemen for z in sleutel.controleer().zaken]
    assert any("auditregel 1" in p for p in problemen)
    del data["audit"]["2"]  # truncating the trail is found via the head hash
    data["audit"]["1"]["consulent"] = "c"
    pad.write_bytes(versleutel(sleutel._sleutel, rol, json.dumps(data).encode()))
    (problemen,) = [z.problemen for z in sleutel.controleer().zaken]
    assert any("ingekort" in p for p in problemen)
    sleutel.sluit()


@pytest.mark.parametrize("wachtwoord", ["fout wachtwoord", ""])
def test_fout_of_leeg_wachtwoord_verandert_niets(opslag, map_, wachtwoord):
    opslag.nieuwe_zaak(zaak(), "c")
    opslag.sluit()
    voor = hashes(map_)
    with pytest.raises(WachtwoordFout) as fout:
        Opslag.open(map_, wachtwoord)
    assert fout.value.exit_code == 2 and ("onjuist" in fout.value.melding or "Geen" in fout.value.melding)
    assert hashes(map_) == voor


@pytest.mark.parametrize(
    "inhoud",
    [
        b"",
        b"{niet json",
        b'{"formaat": "smi-tui-sleutel"}',
        b"\xff\xfe",
        b'{"formaat":"smi-tui-sleutel","versie":1,"kdf":{"naam":"scrypt","n":1073741824,"r":8,"p":1,"zout":"AAAA"}}',
    ],
)
def test_beschadigd_sleutelbestand(opslag, map_, inhoud):
    opslag.sluit()
    (map_ / "sleutel.json").write_bytes(inhoud)
    voor = hashes(map_)
    with pytest.raises(BeschadigdFout, match="sleutelbestand"):
        Opslag.open(map_, WW)
    assert hashes(map_) == voor


def test_gewijzigde_scrypt_parameters_geven_geen_toegang(opslag, map_):
    opslag.sluit()
    pad = map_ / "sleutel.json"
    pad.write_bytes(pad.read_bytes().replace(b'"n": 1024', b'"n": 2048'))
    with pytest.raises(WachtwoordFout):
        Opslag.open(map_, WW)


@pytest.mark.parametrize("functie", ["write", "fsync", "replace"])
def test_volle_schijf_bewaart_vorige_versie(opslag, map_, monkeypatch, functie):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    voor = hashes(map_)
    z = opslag.laad(zn)
    z["stap"] = "verslag"

    def vol(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, functie, vol)
    with pytest.raises(SchrijfFout, match="schijf is vol") as fout:
        opslag.bewaar(zn, z, "c")
    assert "vorige versie" in fout.value.melding
    with pytest.raises(SchrijfFout):
        opslag.voeg_document_toe(zn, "a.pdf", "brief", b"%PDF")
    monkeypatch.undo()
    assert hashes(map_) == voor  # no temp files left, nothing changed
    assert opslag.laad(zn)["stap"] == "gesprek"  # the in-memory cache was rolled back too
    assert len(opslag.audit(zn)) == 1
    assert opslag.bewaar(zn, z, "c")  # and the next save works
    opslag.sluit()
    with Opslag.open(map_, WW) as o:
        assert o.laad(zn)["stap"] == "verslag" and o.controleer().in_orde


def test_index_na_crash_bijgewerkt_uit_dossiers(opslag, map_):
    """The index is written behind; a session that dies before flushing is repaired at the next open."""
    import json
    import subprocess
    import sys
    import time

    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.flush()
    z = opslag.laad(zn)
    z["stap"] = "besluit"
    opslag.bewaar(zn, z, "c")
    dood = subprocess.Popen([sys.executable, "-c", "pass"])
    dood.wait()
    slot = json.loads((map_ / "slot").read_text())
    slot.update(pid=dood.pid, start=time.time() - 60)
    (map_ / "slot").write_text(json.dumps(slot))  # as if this process was killed now
    from storage.slot import _laat_os_slot_los

    _laat_os_slot_los(opslag._slot._fd)  # the OS frees the lock of a dead process; its slot file stays
    opslag._slot = None  # the "crashed" session never flushes
    with Opslag.open(map_, WW) as o:
        assert [r.status for r in o.lijst()] == ["besluit"]
        assert o.controleer().in_orde
