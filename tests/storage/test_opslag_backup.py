"""Backup archives: complete, authenticated, restored only into an empty folder."""

from __future__ import annotations

import zipfile

import pytest
from opslag_hulp import WW, zaak

from storage import BeschadigdFout, Opslag, OpslagFout, WachtwoordFout
from storage.opslag import herstel_backup


@pytest.fixture
def archief(opslag, tmp_path):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.voeg_document_toe(zn, "a.pdf", "brief", b"%PDF-1.4 a")
    pad = tmp_path / "backup.zip"
    assert opslag.backup(pad) == 5  # key, meta, store manifest, dossier, document (index written behind: none yet)
    with pytest.raises(OpslagFout, match="bestaat al"):
        opslag.backup(pad)
    return pad


def test_herstel_geeft_dezelfde_opslag(archief, opslag, tmp_path):
    rapport = herstel_backup(archief, tmp_path / "nieuw", WW)
    assert rapport.in_orde
    with Opslag.open(tmp_path / "nieuw", WW) as o:
        (zn,) = o.zaaknummers()
        assert o.laad(zn) == opslag.laad(zn)
        (doc,) = o.documenten(zn)
        assert o.document(zn, doc["id"]) == b"%PDF-1.4 a"
        assert o.nieuwe_zaak(zaak(), "c").endswith("-0002")  # the counter came along


def _herschrijf(bron, doel, wijzig):
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(doel, "w") as zuit:
        for info in zin.infolist():
            data = wijzig(info.filename, zin.read(info))
            if data is not None:
                zuit.writestr(info.filename, data)


@pytest.mark.parametrize(
    "wijzig",
    [
        lambda n, d: d[:-1] + bytes([d[-1] ^ 1]) if n.startswith("bestanden/dossiers/") else d,
        lambda n, d: None if n.startswith("bestanden/index/") else d,
        lambda n, d: d[:-1] + bytes([d[-1] ^ 1]) if n == "manifest.smi" else d,
    ],
    ids=["gewijzigd-dossier", "ontbrekend-bestand", "gewijzigd-manifest"],
)
def test_beschadigde_backup_wordt_geweigerd(archief, tmp_path, wijzig):
    kapot = tmp_path / "kapot.zip"
    _herschrijf(archief, kapot, wijzig)
    with pytest.raises(BeschadigdFout):
        herstel_backup(kapot, tmp_path / "nieuw", WW)
    assert not (tmp_path / "nieuw").exists()


def test_herstel_weigert_niet_lege_map_en_fout_wachtwoord(archief, tmp_path):
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "iets.txt").write_text("x")
    with pytest.raises(OpslagFout, match="niet leeg"):
        herstel_backup(archief, tmp_path / "vol", WW)
    with pytest.raises(WachtwoordFout):
        herstel_backup(archief, tmp_path / "nieuw", "verkeerd wachtwoord")
    assert not (tmp_path / "nieuw").exists()
    (tmp_path / "geen.zip").write_bytes(b"geen zip")
    with pytest.raises(BeschadigdFout, match="geen leesbaar"):
        herstel_backup(tmp_path / "geen.zip", tmp_path / "nieuw", WW)
