"""F5 in the app: the sync runs on the save thread with the store the app holds, shows per case what happened in
Dutch, marks each case in the werkvoorraad, and goes on the network only when asked (a fake transport here; the
real Open Zaak is in tests/storage/test_zaaksysteem_*.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import screens.synchronisatie as synchronisatie
from screens.synchronisatie import SynchronisatieScherm
from screens.zakenlijst import ZakenLijst
from storage import Opslag
from tests.ui.hulp import ROOT, WACHTWOORD, ontgrendel, wacht_op
from tests.ui.nepzaaksysteem import CONFIG, NepVerbinding, NepZaaksysteem


@pytest.fixture
def nep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> NepZaaksysteem:
    server = NepZaaksysteem()
    monkeypatch.setattr(synchronisatie, "VERBINDING", server.verbinding)
    monkeypatch.setenv("SMI_TUI_ZAAKSYSTEEM_GEHEIM", "geheim-van-de-test")
    return server


def _met_zaaksysteem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str = "") -> None:
    pad = tmp_path / "config.toml"
    pad.write_text(CONFIG + extra, encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(pad))


def _zaken(tmp_path: Path, aantal: int = 2) -> list[str]:
    """Decided cases (the Eemnes example with its besluit) in a new store."""
    data = json.loads((ROOT / "voorbeelden" / "eemnes-toekenning.json").read_text(encoding="utf-8"))
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        nummers = opslag.nieuwe_zaken([data] * aantal, consulent="J. Visser", stap="besluit")
        for zn in nummers:
            opslag.voeg_document_toe(zn, "beschikking.pdf", "beschikking", b"%PDF-1.4\n% b\n%%EOF\n")
        return nummers


def _markeringen(app) -> dict[str, str]:
    lijst = app.screen.query_one("#zaken", ZakenLijst)
    kop = [k.kop for k in lijst.kolommen]
    if "Sync" not in kop:
        return {}
    i = kop.index("Sync")
    return {r.sleutel: r.cellen[i] for r in lijst.rijen}


def _tekst(app) -> str:
    scherm = app.screen
    assert isinstance(scherm, SynchronisatieScherm)
    let_op = [f"Let op ({', '.join(zn)}): {o}" for o, zn in scherm.let_op.items()]
    return "\n".join([scherm.titel, scherm.stand, *scherm.regels, *let_op])


def _hashes(map_: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(map_.rglob("*.smi"))}


async def test_zonder_zaaksysteem_zegt_f5_wat_de_beheerder_moet_doen_en_gaat_niet_het_netwerk_op(
    maak_app, tmp_path, nep
) -> None:
    _zaken(tmp_path, 1)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.lijst_gelezen)
        assert _markeringen(app) == {}  # no zaaksysteem: no sync column
        await pilot.press("f5")
        await wacht_op(pilot, lambda: isinstance(app.screen, SynchronisatieScherm) and app.screen.afgelopen)
        tekst = _tekst(app)
        assert "Er is geen zaaksysteem ingesteld" in tekst
        assert "functioneel beheerder" in tekst and "smi-tui sync --instellen" in tekst
        assert nep.verbindingen == 0 and nep.verzoeken == []
        await pilot.press("escape")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")


async def test_f5_stuurt_de_zaken_en_de_werkvoorraad_toont_per_zaak_de_stand(
    maak_app, tmp_path, monkeypatch, nep
) -> None:
    nummers = _zaken(tmp_path)
    _met_zaaksysteem(tmp_path, monkeypatch)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: _markeringen(app) == dict.fromkeys(nummers, "open"))
        assert nep.verbindingen == 0  # unlocking and showing the markers asks nothing of the network
        await pilot.press("f5")
        await wacht_op(pilot, lambda: isinstance(app.screen, SynchronisatieScherm) and app.screen.afgelopen)
        tekst = _tekst(app)
        for zn in nummers:
            assert f"{zn}[/]  [green]verstuurd (" in "\n".join(app.screen.regels)
        assert "Sync klaar: 2 verstuurd" in tekst
        # the partner has no roltype in this zaaktype: said, not skipped in silence
        assert f"Let op ({', '.join(nummers)}): De partner van de aanvrager is niet als betrokkene" in tekst
        assert sorted(z["identificatie"] for z in nep.van_soort("zaken/api/v1/zaken")) == nummers
        await pilot.press("escape")
        await wacht_op(pilot, lambda: all(m.startswith("✓ ") for m in _markeringen(app).values()))

        # again: nothing changed, nothing sent, no connection made
        verbindingen, verzoeken = nep.verbindingen, len(nep.verzoeken)
        await pilot.press("f5")
        await wacht_op(pilot, lambda: isinstance(app.screen, SynchronisatieScherm) and app.screen.afgelopen)
        assert "Alle 2 zaken zijn al gesynchroniseerd; er is niets verstuurd." in _tekst(app)
        assert (nep.verbindingen, len(nep.verzoeken)) == (verbindingen, verzoeken)
        await pilot.press("escape")

        # a save through the app (the store's change hook) makes the case 'open' again
        def bewaar() -> None:
            with app.slot:
                data = app.opslag.laad(nummers[0])
                data["stap"] = "afgerond"
                app.opslag.bewaar(nummers[0], data, consulent="J. Visser")

        app._rij.in_rij(bewaar)
        await wacht_op(pilot, lambda: _markeringen(app).get(nummers[0]) == "open")
        assert _markeringen(app)[nummers[1]].startswith("✓ ")


async def test_zonder_netwerk_een_nederlandse_melding_en_niets_lokaal_gewijzigd(
    maak_app, tmp_path, monkeypatch, nep
) -> None:
    nummers = _zaken(tmp_path)
    _met_zaaksysteem(tmp_path, monkeypatch)
    nep.onbereikbaar = True
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: _markeringen(app) == dict.fromkeys(nummers, "open"))
        app._rij.wacht()
        voor = _hashes(tmp_path / "data")
        await pilot.press("f5")
        await wacht_op(pilot, lambda: isinstance(app.screen, SynchronisatieScherm) and app.screen.afgelopen)
        tekst = _tekst(app)
        assert "is niet bereikbaar" in tekst and "Aan de zaken is niets gewijzigd" in tekst
        app._rij.wacht()
        assert _hashes(tmp_path / "data") == voor  # not a byte of the store changed
        await pilot.press("escape")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        assert _markeringen(app) == dict.fromkeys(nummers, "open")


async def test_een_zaak_van_een_andere_laptop_met_hetzelfde_nummer_is_een_conflict(
    maak_app, tmp_path, monkeypatch, nep
) -> None:
    nummers = _zaken(tmp_path, 1)
    _met_zaaksysteem(tmp_path, monkeypatch)
    andere = "https://zaken.nep.test/zaken/api/v1/zaken/999"
    nep.objecten[andere] = {"url": andere, "identificatie": nummers[0], "bronorganisatie": "002220647",
                            "kenmerken": [{"kenmerk": "iets-anders", "bron": "smi-tui-sync"}], "toelichting": "B"}  # fmt: skip
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: _markeringen(app) == {nummers[0]: "open"})
        await pilot.press("f5")
        await wacht_op(pilot, lambda: isinstance(app.screen, SynchronisatieScherm) and app.screen.afgelopen)
        tekst = _tekst(app)
        assert f"conflict: In het zaaksysteem bestaat al een zaak met identificatie {nummers[0]}" in tekst
        assert "Sync klaar: 1 conflict" in tekst
        assert [m for m, _ in nep.verzoeken if m in ("POST", "PATCH")] == []  # nothing sent, nothing overwritten
        assert nep.objecten[andere]["toelichting"] == "B"
        await pilot.press("escape")
        await wacht_op(pilot, lambda: _markeringen(app) == {nummers[0]: "conflict"})


async def test_een_geweigerd_object_is_een_fout_met_de_reden_en_de_andere_zaken_gaan_door(
    maak_app, tmp_path, monkeypatch, nep
) -> None:
    nummers = _zaken(tmp_path)
    _met_zaaksysteem(tmp_path, monkeypatch)
    nep.weiger["besluiten/api/v1/besluiten"] = "besluittype"
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: _markeringen(app) == dict.fromkeys(nummers, "open"))
        await pilot.press("f5")
        await wacht_op(pilot, lambda: isinstance(app.screen, SynchronisatieScherm) and app.screen.afgelopen)
        tekst = _tekst(app)
        for zn in nummers:  # each case is tried and reported; neither is marked as synced
            assert f"{zn}[/]  [red]fout: Het zaaksysteem weigert de gegevens" in "\n".join(app.screen.regels)
        assert "veld 'besluittype'" in tekst and "Sync klaar: 2 fout" in tekst
        await pilot.press("escape")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        assert _markeringen(app) == dict.fromkeys(nummers, "open")


async def test_een_bewaaropdracht_tijdens_de_sync_wacht_niet_tot_alle_zaken_klaar_zijn(
    maak_app, tmp_path, monkeypatch, nep
) -> None:
    """The sync is one job per case on the save thread: a save given while case 1 is sent runs before case 2."""
    nummers = _zaken(tmp_path, 3)
    _met_zaaksysteem(tmp_path, monkeypatch)
    app = maak_app()
    volgorde: list[str] = []
    echte_vraag = NepVerbinding.vraag

    def vraag(self, methode, url, body=None, params=None):
        if methode == "POST" and url.endswith("zaken/api/v1/zaken"):
            volgorde.append(f"zaak {body['identificatie']}")
            if len(volgorde) == 1:  # while the first case is sent, the consulent saves something
                app._rij.in_rij(volgorde.append, "bewaard")
        return echte_vraag(self, methode, url, body, params)

    monkeypatch.setattr(NepVerbinding, "vraag", vraag)
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: _markeringen(app) == dict.fromkeys(nummers, "open"))
        await pilot.press("f5")
        await wacht_op(pilot, lambda: isinstance(app.screen, SynchronisatieScherm) and app.screen.afgelopen)
        assert "Sync klaar: 3 verstuurd" in _tekst(app)
    assert volgorde == [f"zaak {nummers[0]}", "bewaard", f"zaak {nummers[1]}", f"zaak {nummers[2]}"]
