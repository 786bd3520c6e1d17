"""The store API: numbering, saves with audit, index, documents, passphrase change, no plaintext on disk."""

from __future__ import annotations

import os
from datetime import date

import pytest
from opslag_hulp import GEHEIMEN, TEST_N, WW, zaak

from storage import Opslag, OpslagFout, tijdelijk_bestand
from storage.audit import controleer_keten, plat, verschil


def test_zaaknummers_oplopend_en_nooit_hergebruikt(opslag):
    jaar = date.today().year
    a = opslag.nieuwe_zaak(zaak(), "C. Consulent")
    b = opslag.nieuwe_zaak(zaak(), "C. Consulent")
    assert (a, b) == (f"SMI-{jaar}-0001", f"SMI-{jaar}-0002")
    opslag.verwijder_zaak(b, "C. Consulent")
    assert not opslag.bestaat(b)
    assert opslag.nieuwe_zaak(zaak(), "C. Consulent") == f"SMI-{jaar}-0003"
    assert [r.zaaknummer for r in opslag.lijst()] == [a, f"SMI-{jaar}-0003"]
    opslag.sluit()
    with Opslag.open(opslag.map, WW) as o:
        assert o.nieuwe_zaak(zaak(), "x") == f"SMI-{jaar}-0004"


def test_bewaar_met_veldverschil_en_auditketen(opslag):
    zn = opslag.nieuwe_zaak(zaak(), "C. Consulent")
    z = opslag.laad(zn)
    assert z["zaaknummer"] == zn
    z["stap"] = "verslag"
    z["melding"]["ouders"][0]["adres"]["huisnummer"] = "19"
    wijzigingen = opslag.bewaar(zn, z, "D. de Consulent", stap="verslag")
    assert {w["veld"]: (w["oud"], w["nieuw"]) for w in wijzigingen} == {
        "stap": ("gesprek", "verslag"),
        "melding.ouders.0.adres.huisnummer": ("17", "19"),
    }
    assert opslag.bewaar(zn, z, "D. de Consulent") == []  # no change, no audit entry
    trail = opslag.audit(zn)
    assert [e["actie"] for e in trail] == ["aangemaakt", "gewijzigd"]
    assert trail[1]["consulent"] == "D. de Consulent" and trail[1]["stap"] == "verslag"
    assert trail[1]["tijd"].endswith("+00:00") and trail[1]["gebruiker"]
    assert trail[1]["vorige"] == trail[0]["hash"]
    assert controleer_keten(trail) == []
    trail[0]["consulent"] = "iemand anders"
    assert any("gewijzigd" in p for p in controleer_keten(trail))
    assert opslag.info(zn)["versie"] == 2
    assert opslag.lijst()[0].status == "verslag"


def test_accepteert_model_dump_en_weigert_ander_zaaknummer(opslag):
    class Model:
        def model_dump(self, mode: str):
            assert mode == "json"
            return zaak()

    zn = opslag.nieuwe_zaak(Model(), "c")
    assert opslag.laad(zn)["regeling"] == "eemnes"
    with pytest.raises(OpslagFout, match="zaaknummer"):
        opslag.bewaar(zn, zaak(zaaknummer="SMI-2000-0001"), "c")
    with pytest.raises(OpslagFout, match="geen geldig zaaknummer"):
        opslag.laad("../../etc/passwd")
    with pytest.raises(OpslagFout, match="bestaat niet"):
        opslag.laad("SMI-2000-0009")


def test_index_samenvatting(opslag):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    (rij,) = opslag.lijst()
    assert rij.zaaknummer == zn and rij.ouders == ("Anna de Boer-Visser",) and rij.kinderen == ("Sem de Boer",)
    assert rij.gemeente == "eemnes" and rij.status == "gesprek"
    assert rij.als_dict()["zaaknummer"] == zn


def test_documenten_versleuteld_en_afdrukkopie(opslag):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    pdf = b"%PDF-1.4 Beschikking voor Anna de Boer-Visser"
    doc_id = opslag.voeg_document_toe(zn, "beschikking Anna.pdf", "beschikking", pdf, consulent="c")
    (meta,) = opslag.documenten(zn)
    assert meta["grootte"] == len(pdf) and len(meta["sha256"]) == 64
    assert opslag.document(zn, doc_id) == pdf
    assert opslag.audit(zn)[-1]["actie"] == "document toegevoegd"
    with opslag.document_voor_afdruk(zn, doc_id) as pad:
        assert pad.read_bytes() == pdf
        if os.name != "nt":
            assert pad.parent.stat().st_mode & 0o777 == 0o700
    assert not pad.exists() and not pad.parent.exists()
    with pytest.raises(OpslagFout):
        opslag.document(zn, "0" * 32)
    with tijdelijk_bestand(b"x", naam="../boos.pdf") as p:
        assert p.name == "boos.pdf"


def test_geen_leesbare_persoonsgegevens_op_schijf(opslag):
    zn = opslag.nieuwe_zaak(zaak(), "Consulent Karel")
    opslag.voeg_document_toe(zn, "brief Anna de Boer-Visser.pdf", "brief", b"%PDF Anna de Boer-Visser 111222333")
    z = opslag.laad(zn)
    z["stap"] = "verslag"
    opslag.bewaar(zn, z, "Consulent Karel")
    opslag.backup(opslag.map.parent / "backup.zip")
    bestanden = [p for p in opslag.map.parent.rglob("*") if p.is_file()]
    assert len(bestanden) >= 6
    for p in bestanden:
        inhoud = p.read_bytes()
        for geheim in [*GEHEIMEN, b"Karel"]:
            assert geheim not in inhoud, (p, geheim)
            assert geheim.decode() not in p.as_posix()


def test_wachtwoord_wijzigen_herverpakt_alleen_de_sleutel(opslag, map_):
    zn = opslag.nieuwe_zaak(zaak(), "c")
    dossier = opslag.dossier_pad(zn).read_bytes()
    opslag.wijzig_wachtwoord(WW, "een heel ander wachtwoord")
    assert opslag.dossier_pad(zn).read_bytes() == dossier
    opslag.sluit()
    with pytest.raises(OpslagFout, match="onjuist"):
        Opslag.open(map_, WW)
    with Opslag.open(map_, "een heel ander wachtwoord") as o:
        assert o.laad(zn)["regeling"] == "eemnes"
        with pytest.raises(OpslagFout, match="minstens"):
            o.wijzig_wachtwoord("een heel ander wachtwoord", "kort")


def test_maak_weigert_bestaande_opslag_en_kort_wachtwoord(opslag, map_, tmp_path):
    opslag.sluit()
    with pytest.raises(OpslagFout, match="al een dossieropslag"):
        Opslag.maak(map_, WW, scrypt_n=TEST_N)
    with pytest.raises(OpslagFout, match="leeg"):
        Opslag.maak(tmp_path / "b", "", scrypt_n=TEST_N)
    assert not (tmp_path / "b").exists()
    with pytest.raises(OpslagFout, match="geen dossieropslag"):
        Opslag.open(tmp_path / "c", WW)


def test_plat_en_verschil():
    assert plat({"a": {"b": [1, {"c": 2}]}, "d": [], "e": {}}) == {"a.b.0": 1, "a.b.1.c": 2, "d": [], "e": {}}
    assert verschil({"a": [1, 2]}, {"a": [1]}) == [{"veld": "a.1", "oud": 2, "nieuw": None}]
    assert verschil({"a": 1}, {"a": True}) == [{"veld": "a", "oud": 1, "nieuw": True}]
