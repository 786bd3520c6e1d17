"""Someone with the files but without the key: an older dossier put back, a dossier deleted (also with a crash),
``meta.smi`` or the manifest deleted or damaged — each is named, and no zaaknummer is handed out twice."""

from __future__ import annotations

import shutil
from pathlib import Path

from opslag_hulp import WW, zaak

from storage import Opslag
from storage.manifest import MANIFEST_NAAM
from storage.slot import _laat_os_slot_los


def _problemen(rapport) -> str:
    return " | ".join(rapport.algemeen + [p for z in rapport.zaken for p in z.problemen])


def _crash(o: Opslag) -> None:
    """As if the process died: the OS frees its lock, its slot file stays, nothing is flushed."""
    _laat_os_slot_los(o._slot._fd)
    o._slot = None


def test_teruggezet_dossier_wordt_genoemd(opslag: Opslag, map_: Path, tmp_path: Path) -> None:
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.flush()
    shutil.copy2(opslag.dossier_pad(zn), tmp_path / "oud.smi")
    z = opslag.laad(zn)
    z["stap"] = "besluit"
    opslag.bewaar(zn, z, "c")
    opslag.sluit()
    shutil.copy2(tmp_path / "oud.smi", map_ / "dossiers" / f"{zn}.smi")  # authentic, but older
    with Opslag.open(map_, WW) as o:
        rapport = o.controleer()
        assert not rapport.in_orde
        [zc] = rapport.zaken
        assert any("ouder dan het manifest" in p for p in zc.problemen), zc.problemen


def test_hetzelfde_dossier_terug_is_geen_valse_melding(opslag: Opslag, map_: Path, tmp_path: Path) -> None:
    zn = opslag.nieuwe_zaak(zaak(), "c")
    z = opslag.laad(zn)
    z["stap"] = "verslag"
    opslag.bewaar(zn, z, "c")
    opslag.flush()
    shutil.copy2(opslag.dossier_pad(zn), tmp_path / "a.smi")
    opslag.sluit()
    with Opslag.open(map_, WW) as o:
        assert o.controleer().in_orde
    shutil.copy2(tmp_path / "a.smi", map_ / "dossiers" / f"{zn}.smi")
    with Opslag.open(map_, WW) as o:
        assert o.controleer().in_orde  # the same file back: nothing changed


def test_verwijderd_dossier_met_crash_wordt_genoemd_niet_stil_weggelaten(opslag: Opslag, map_: Path) -> None:
    zn, zn2 = opslag.nieuwe_zaken([zaak(), zaak()], "c")
    opslag.flush()
    _crash(opslag)
    (map_ / "dossiers" / f"{zn}.smi").unlink()
    with Opslag.open(map_, WW) as o:
        assert any(zn in m and "ontbreekt" in m for m in o.meldingen), o.meldingen
        assert zn in [r.zaaknummer for r in o.lijst()]  # the row stays: the gap keeps being reported
        assert zn in _problemen(o.controleer())
        assert [e["zaaknummer"] for e in o.logboek() if e["actie"] == "dossier ontbreekt"] == [zn]
    with Opslag.open(map_, WW) as o:
        assert zn in _problemen(o.controleer())
        assert o.nieuwe_zaak(zaak(), "c") not in (zn, zn2)


def test_verwijderd_dossier_zonder_crash_wordt_genoemd(opslag: Opslag, map_: Path) -> None:
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.sluit()
    (map_ / "dossiers" / f"{zn}.smi").unlink()
    for p in (map_ / "index").iterdir():
        p.unlink()  # also the index part: only the manifest still knows the case
    with Opslag.open(map_, WW) as o:
        assert f"het manifest noemt zaak {zn}, maar het dossier ontbreekt" in _problemen(o.controleer())


def _met_vernietigde_zaak(opslag: Opslag) -> tuple[str, str]:
    zn1, zn2 = opslag.nieuwe_zaken([zaak(), zaak()], "c")
    opslag.verwijder_zaak(zn2, "c")
    opslag.schrijf_logboek("vernietigd", {"zaaknummer": zn2})
    opslag.sluit()
    return zn1, zn2


def test_meta_verwijderd_genoemd_en_geen_nummer_twee_keer(opslag: Opslag, map_: Path) -> None:
    zn1, zn2 = _met_vernietigde_zaak(opslag)
    (map_ / "meta.smi").unlink()
    with Opslag.open(map_, WW) as o:
        assert "meta.smi ontbreekt" in _problemen(o.controleer())
        nieuw = o.nieuwe_zaak(zaak(), "c")
        assert nieuw not in (zn1, zn2) and nieuw > zn2
    with Opslag.open(map_, WW) as o:
        o.herstel_index()
        assert [e["actie"] for e in o.logboek()][-1] == "vernietigd"  # the log came back from the manifest
        assert o.controleer().in_orde, _problemen(o.controleer())


def test_meta_beschadigd_genoemd_en_na_herstel_geen_nummer_twee_keer(opslag: Opslag, map_: Path) -> None:
    _, zn2 = _met_vernietigde_zaak(opslag)
    data = bytearray((map_ / "meta.smi").read_bytes())
    data[-5] ^= 0xFF
    (map_ / "meta.smi").write_bytes(bytes(data))
    with Opslag.open(map_, WW) as o:
        assert "metabestand" in _problemen(o.controleer())
        o.herstel_index()
        assert o.nieuwe_zaak(zaak(), "c") > zn2
        assert any(e["actie"] == "vernietigd" and e["zaaknummer"] == zn2 for e in o.logboek())


def test_meta_teruggezet_logboek_korter_genoemd(opslag: Opslag, map_: Path, tmp_path: Path) -> None:
    opslag.nieuwe_zaak(zaak(), "c")
    opslag.sluit()
    shutil.copy2(map_ / "meta.smi", tmp_path / "meta.smi")
    with Opslag.open(map_, WW) as o:
        o.schrijf_logboek("inzage", {"aantal_zaken": 1})
    shutil.copy2(tmp_path / "meta.smi", map_ / "meta.smi")
    with Opslag.open(map_, WW) as o:
        assert "het logboek in meta.smi heeft" in _problemen(o.controleer())


def test_manifest_verwijderd_of_beschadigd_wordt_genoemd(opslag: Opslag, map_: Path) -> None:
    opslag.nieuwe_zaak(zaak(), "c")
    opslag.sluit()
    for beschadig in (lambda p: p.unlink(), lambda p: p.write_bytes(p.read_bytes()[:-3] + b"xyz")):
        beschadig(map_ / MANIFEST_NAAM)
        with Opslag.open(map_, WW) as o:
            assert any("manifest" in m for m in o.meldingen), o.meldingen
            assert "manifest" in _problemen(o.controleer())
            assert o.logboek()[-1]["actie"] == "manifest hersteld"


def test_oude_opslag_krijgt_manifest_bij_openen(opslag: Opslag, map_: Path) -> None:
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag._meta_db().table("opslag").update({"formaat": 1}, doc_ids=[1])  # as made by the previous version
    opslag.sluit()
    (map_ / MANIFEST_NAAM).unlink()
    with Opslag.open(map_, WW) as o:
        assert o.meldingen == []
        assert o.logboek()[-1]["actie"] == "opslag bijgewerkt"
        assert o.controleer().in_orde
        assert zn in o._manifest.data["dossiers"]
    assert (map_ / MANIFEST_NAAM).exists()


def test_cli_controleer_noemt_teruggezet_dossier_en_vingerafdruk(
    opslag: Opslag, map_: Path, tmp_path: Path, cli
) -> None:
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.flush()
    shutil.copy2(opslag.dossier_pad(zn), tmp_path / "oud.smi")
    opslag.bewaar(zn, {**opslag.laad(zn), "stap": "besluit"}, "c")
    opslag.sluit()
    code, uit, _ = cli("controleer")
    assert code == 0 and "vingerafdruk van de opslag: " in uit
    afdruk = uit.split("vingerafdruk van de opslag: ")[1].split()[0]
    code, uit, _ = cli("controleer")
    assert afdruk in uit  # unchanged store, same fingerprint
    shutil.copy2(tmp_path / "oud.smi", map_ / "dossiers" / f"{zn}.smi")
    code, uit, _ = cli("controleer")
    assert code == 1 and f"{zn}  FOUT: " in uit and "ouder dan het manifest" in uit


def _herschrijf_keten(entries: list[dict]) -> None:
    """What anyone who knows the (public) hash rule can do: recompute every hash consistently."""
    from storage import audit

    vorige = audit.NUL_HASH
    for e in entries:
        e["vorige"] = vorige
        e["hash"] = audit.entry_hash(e)
        vorige = e["hash"]


def test_consistent_herschreven_auditketen_wordt_genoemd(opslag: Opslag) -> None:
    """The chain is keyed: rewriting an entry and every hash after it, without the audit key, is named."""
    from storage.tinyopslag import storage_van

    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.bewaar(zn, {**opslag.laad(zn), "stap": "verslag"}, "c")
    db = opslag._dossier(zn)
    st = storage_van(db)
    data = st.read()
    entries = [data["audit"][k] for k in sorted(data["audit"], key=int)]
    entries[0]["consulent"] = "iemand anders"
    _herschrijf_keten(entries)
    data["zaak"]["1"]["audit_kop"] = entries[-1]["hash"]
    st.write(data)
    problemen = _problemen(opslag.controleer())
    assert "sleutelcontrole (HMAC) klopt niet" in problemen and "hash klopt niet" not in problemen
    for e in entries:  # stripping the MACs does not help either: the dossier says from which entry they exist
        e.pop("mac")
    st.write(data)
    assert "sleutelcontrole (HMAC) klopt niet" in _problemen(opslag.controleer())


def test_dossier_van_voor_de_sleutel_blijft_in_orde_en_wordt_gesleuteld(opslag: Opslag) -> None:
    from storage.tinyopslag import storage_van

    zn = opslag.nieuwe_zaak(zaak(), "c")
    st = storage_van(opslag._dossier(zn))
    data = st.read()
    data["audit"]["1"].pop("mac")  # as written by the previous version
    data["zaak"]["1"].pop("mac_vanaf")
    st.write(data)
    assert opslag.controleer().in_orde
    opslag.bewaar(zn, {**opslag.laad(zn), "stap": "verslag"}, "c")
    assert opslag.info(zn)["audit_aantal"] == 2
    assert opslag._kop(opslag._dossier(zn), zn)["mac_vanaf"] == 2
    assert opslag.controleer().in_orde


def test_herschreven_logboek_wordt_genoemd(opslag: Opslag) -> None:
    from storage.tinyopslag import storage_van

    opslag.schrijf_logboek("inzage", {"aantal_zaken": 1})
    opslag.schrijf_logboek("inzage", {"aantal_zaken": 2})
    st = storage_van(opslag._meta_db())
    data = st.read()
    entries = [data["logboek"][k] for k in sorted(data["logboek"], key=int)]
    entries[0]["aantal_zaken"] = 0
    _herschrijf_keten(entries)
    st.write(data)
    assert "het logboek in meta.smi: auditregel 1: de sleutelcontrole" in _problemen(opslag.controleer())
