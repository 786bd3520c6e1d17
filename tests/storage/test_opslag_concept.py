"""The draft of a brand-new melding (no case yet): encrypted, atomic, one per store, survives reopening."""

from __future__ import annotations

import shutil

import pytest
from opslag_hulp import GEHEIMEN, TEST_N, WW

from storage import Opslag
from storage.fouten import BeschadigdFout, WachtwoordFout
from storage.opslag import CONCEPT_NAAM

CONCEPT = {
    "stap": "melding",
    "velden": {"naam": "Anna de Boer-Visser", "bsn": "111222333", "straat": "Kastanjelaan", "postcode": "3755 AB"},
    "kinderen": [{"naam": "Sem de Boer"}],
    "woonplaats": "Eemnes",
}


def test_geen_concept_is_none(opslag):
    assert opslag.laad_los_concept() is None
    opslag.bewaar_los_concept(None)  # deleting what is not there is fine
    assert opslag.laad_los_concept() is None


def test_concept_overleeft_heropenen_en_none_verwijdert(opslag):
    opslag.bewaar_los_concept(CONCEPT)
    opslag.bewaar_los_concept({**CONCEPT, "stap": "melding", "extra": 1})
    opslag.sluit()
    with Opslag.open(opslag.map, WW) as o:
        assert o.laad_los_concept() == {**CONCEPT, "extra": 1}
        o.bewaar_los_concept(None)
        assert o.laad_los_concept() is None
        assert not (o.map / CONCEPT_NAAM).exists()
    with Opslag.open(opslag.map, WW) as o:
        assert o.laad_los_concept() is None


def test_geen_leesbare_gegevens_op_schijf(opslag):
    opslag.bewaar_los_concept(CONCEPT)
    opslag.sluit()
    for pad in opslag.map.rglob("*"):
        if pad.is_file():
            inhoud = pad.read_bytes()
            for geheim in GEHEIMEN:
                assert geheim not in inhoud, (pad, geheim)
    assert not [p for p in opslag.map.iterdir() if p.name.endswith(".tmp")]


def test_verkeerde_sleutel_of_wachtwoord_faalt_netjes(opslag, tmp_path):
    opslag.bewaar_los_concept(CONCEPT)
    opslag.sluit()
    with pytest.raises(WachtwoordFout):
        Opslag.open(opslag.map, "verkeerd wachtwoord")
    # a draft from another store (another data key) is refused with a Dutch message, not read or overwritten
    with Opslag.maak(tmp_path / "ander", "ander wachtwoord", scrypt_n=TEST_N) as ander:
        shutil.copy(opslag.map / CONCEPT_NAAM, ander.map / CONCEPT_NAAM)
        with pytest.raises(BeschadigdFout, match=r"concept van de nieuwe melding.*echtheidscontrole"):
            ander.laad_los_concept()
    # a tampered file likewise
    pad = opslag.map / CONCEPT_NAAM
    data = bytearray(pad.read_bytes())
    data[-1] ^= 1
    pad.write_bytes(bytes(data))
    with Opslag.open(opslag.map, WW) as o, pytest.raises(BeschadigdFout, match="concept"):
        o.laad_los_concept()


def test_concept_moet_object_zijn_en_wordt_meegenomen_in_backup(opslag, tmp_path):
    with pytest.raises(Exception, match="JSON-object"):
        opslag.bewaar_los_concept(["geen", "object"])  # type: ignore[arg-type]
    opslag.bewaar_los_concept(CONCEPT)
    opslag.backup(tmp_path / "b.zip")
    opslag.sluit()
    from storage.opslag import herstel_backup

    assert herstel_backup(tmp_path / "b.zip", tmp_path / "terug", WW).in_orde
    with Opslag.open(tmp_path / "terug", WW) as o:
        assert o.laad_los_concept() == CONCEPT


def test_schrijffout_laat_vorig_concept_intact(opslag, monkeypatch):
    opslag.bewaar_los_concept(CONCEPT)
    import storage.logboek as mod  # the draft is written there (split from storage.opslag)

    def kapot(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mod, "schrijf_atomair", kapot)
    with pytest.raises(Exception, match="schijf is vol"):
        opslag.bewaar_los_concept({"nieuw": True})
    monkeypatch.undo()
    assert opslag.laad_los_concept() == CONCEPT
