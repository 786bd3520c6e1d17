"""Replacing the data key (``smi-tui wachtwoord --nieuwe-sleutel``): every file re-encrypted, the old passphrase and
key useless, audit MACs and log kenmerken still valid, and a crash halfway finished by the next open."""

from __future__ import annotations

from pathlib import Path

import pytest
from opslag_hulp import WW, zaak

import storage.sleutelwissel as wissel
from storage import Opslag
from storage.crypto import ontsleutel
from storage.fouten import BeschadigdFout, WachtwoordFout
from storage.opslag import lees_sleutelbestand

NIEUW = "een heel ander wachtwoord"


def _vul(o: Opslag) -> tuple[str, str]:
    zn = o.nieuwe_zaak(zaak(), "c")
    o.bewaar(zn, {**o.laad(zn), "stap": "verslag"}, "c")
    o.voeg_document_toe(zn, "a.pdf", "brief", b"%PDF-1.4 a")
    o.bewaar_los_concept({"naam": "concept"})
    o.schrijf_logboek("inzage", {"bsn_kenmerk": o.bsn_kenmerk("111222333")})
    o.flush()
    return zn, o.bsn_kenmerk("111222333")


def _alle_bestanden(map_: Path) -> dict[str, str]:
    uit = {}
    for p in map_.rglob("*.smi"):
        rel = p.relative_to(map_).as_posix()
        rol = wissel.rol_van(rel)
        assert rol is not None, rel
        uit[rel] = rol
    return uit


def test_nieuwe_sleutel_versleutelt_alles_opnieuw(opslag: Opslag, map_: Path) -> None:
    zn, kenmerk = _vul(opslag)
    oude = opslag._sleutel
    aantal = opslag.vervang_sleutel(WW, NIEUW)
    nieuwe = opslag._sleutel
    bestanden = _alle_bestanden(map_)
    assert aantal == len(bestanden) >= 6  # meta, manifest, concept, index, dossier, document
    for rel, rol in bestanden.items():
        blob = (map_ / rel).read_bytes()
        ontsleutel(nieuwe, rol, blob, naam=rel)
        with pytest.raises(BeschadigdFout):
            ontsleutel(oude, rol, blob, naam=rel)
    assert opslag.laad(zn)["stap"] == "verslag"  # the open store goes on with the new key
    opslag.sluit()
    with pytest.raises(WachtwoordFout):
        Opslag.open(map_, WW)
    with Opslag.open(map_, NIEUW) as o:
        rapport = o.controleer()
        assert rapport.in_orde, rapport.tekst()  # audit MACs still valid: their root was kept
        assert o.bsn_kenmerk("111222333") == kenmerk
        assert o.logboek()[-1]["actie"] == "sleutel vervangen"
        assert o.document(zn, o.documenten(zn)[0]["id"]) == b"%PDF-1.4 a"
        assert o.laad_los_concept() == {"naam": "concept"}
    assert "vorige" not in (lees_sleutelbestand(map_).doc.get("extra_namen") or [])


def test_onderbroken_wissel_wordt_bij_openen_afgemaakt(
    opslag: Opslag, map_: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zn, _ = _vul(opslag)
    echt, teller = wissel.schrijf_atomair, []

    def crash_na_twee(pad: Path, data: bytes, **kw: object) -> None:
        if len(teller) == 2:
            raise KeyboardInterrupt  # the process stops halfway
        echt(pad, data, **kw)
        teller.append(pad)

    monkeypatch.setattr(wissel, "schrijf_atomair", crash_na_twee)
    with pytest.raises(KeyboardInterrupt):
        opslag.vervang_sleutel(WW, NIEUW)
    opslag.sluit()
    monkeypatch.setattr(wissel, "schrijf_atomair", echt)
    assert "vorige" in lees_sleutelbestand(map_).doc["extra_namen"]  # half done, recorded
    with pytest.raises(WachtwoordFout):
        Opslag.open(map_, WW)
    with Opslag.open(map_, NIEUW) as o:  # finishes the re-encryption first
        assert o.laad(zn)["stap"] == "verslag"
        assert o.controleer().in_orde, o.controleer().tekst()
        assert o.logboek()[-1]["actie"] == "sleutel vervangen"
    assert "vorige" not in (lees_sleutelbestand(map_).doc.get("extra_namen") or [])
    sleutel = lees_sleutelbestand(map_).ontgrendel(NIEUW)
    for rel, rol in _alle_bestanden(map_).items():
        ontsleutel(sleutel, rol, (map_ / rel).read_bytes(), naam=rel)


def test_cli_wachtwoord_nieuwe_sleutel(cli, opslag: Opslag, monkeypatch: pytest.MonkeyPatch) -> None:
    _vul(opslag)
    opslag.sluit()
    monkeypatch.setenv("SMI_TUI_NIEUW_WACHTWOORD", NIEUW)
    code, uit, err = cli("wachtwoord", "--nieuwe-sleutel")
    assert code == 0 and "opnieuw versleuteld" in uit, err
    monkeypatch.setenv("SMI_TUI_WACHTWOORD", NIEUW)
    code, uit, _ = cli("controleer")
    assert code == 0 and "in orde" in uit
