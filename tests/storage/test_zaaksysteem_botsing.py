"""Two laptops, one zaaksysteem (real Open Zaak on loopback, see test_zaaksysteem_openzaak): the same zaaknummer on
both never attaches one laptop's case to the other's zaak, and a per-laptop prefix gives each its own identificatie;
the partner's rol without a roltype for it is reported, not skipped in silence."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from opslag_hulp import TEST_N, WW, hashes
from test_zaaksysteem_openzaak import OZ, VERWACHT, _api, _cfg, _tel, _zaak_met_documenten, _zaken
from test_zaaksysteem_openzaak import geen_netwerk as geen_netwerk  # autouse: loopback only
from test_zaaksysteem_openzaak import oz as oz

from storage import Opslag
from storage.zaaksysteem import ZaaksysteemFout
from storage.zaaksysteem.register import Register
from storage.zaaksysteem.sync import Synchronisatie
from storage.zaaksysteem.verbinding import Verbinding

pytestmark = [pytest.mark.openzaak, pytest.mark.traag]


def _sync(opslag: Opslag, zn: str):
    cfg = _cfg()
    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "J. Visser")
    return Synchronisatie(opslag, v, cfg).zaak(zn)


def _zelfde_teller(van: Opslag, naar: Opslag) -> None:
    """``naar`` hands out the zaaknummer that ``van`` handed out last (two laptops, each counting from 1)."""
    from tinydb.table import Document

    jaar = Opslag._jaar()
    laatste = van._meta_db().table("teller").get(doc_id=jaar)["laatste"]
    naar._meta_db().table("teller").upsert(Document({"jaar": jaar, "laatste": laatste - 1}, doc_id=jaar))


def _config(extra: str) -> None:
    import os

    pad = Path(os.environ["SMI_TUI_CONFIG"])
    pad.write_text(pad.read_text() + extra)


def test_hetzelfde_zaaknummer_op_een_tweede_laptop_is_een_conflict_en_overschrijft_niets(oz, opslag, tmp_path) -> None:
    zn = _zaak_met_documenten(opslag, sluiten=False)
    assert _sync(opslag, zn).fout == ""
    api = _api()
    [voor] = _zaken(api, zn)
    with Opslag.maak(tmp_path / "laptop-b", WW, scrypt_n=TEST_N) as b:
        _zelfde_teller(opslag, b)
        assert _zaak_met_documenten_zonder_teller(b) == zn  # laptop B numbers its own, other case the same
        b.flush()
        zaken_voor = hashes(tmp_path / "laptop-b" / "dossiers")
        uit = _sync(b, zn)
        assert uit.fout == "" and uit.aangemaakt == 0
        [conflict] = uit.conflicten
        assert f"bestaat al een zaak met identificatie {zn} die niet van deze laptop is" in conflict
        assert "zaaksysteem_voorvoegsel" in conflict
        assert Register(b).lees(zn)["conflicten"] == [conflict]  # shown in the werkvoorraad and sync --status
        assert hashes(tmp_path / "laptop-b" / "dossiers") == zaken_voor  # the case itself is untouched
        # the zaak of laptop A: the same object, untouched, with A's case only
        [na] = _zaken(api, zn)
        assert (na["url"], na["toelichting"], na["kenmerken"]) == (voor["url"], voor["toelichting"], voor["kenmerken"])
        assert _tel(api, na["url"]) == {**VERWACHT, "resultaten": 0, "statussen": 4}

        # the functioneel beheerder gives laptop B its prefix: the next sync makes B's own zaak
        voorvoegsel = f"T{random.randint(10**6, 10**7 - 1)}"
        _config(f'zaaksysteem_voorvoegsel = "{voorvoegsel}"\n')
        uit = _sync(b, zn)
        assert (uit.fout, uit.conflicten) == ("", [])
        [eigen] = _zaken(api, f"{voorvoegsel}-{zn}")
        assert {"kenmerk": zn, "bron": "smi-tui"} in eigen["kenmerken"]  # the zaaknummer of the letters
        besluit = api.lijst("besluiten/api/v1/besluiten", {"zaak": eigen["url"]})[0]
        assert besluit["identificatie"] == f"{voorvoegsel}-{zn}-B1"
        assert _tel(api, eigen["url"]) == {**VERWACHT, "resultaten": 0, "statussen": 4}
        assert _tel(api, voor["url"]) == {**VERWACHT, "resultaten": 0, "statussen": 4}  # A's zaak still A's only


def _zaak_met_documenten_zonder_teller(opslag: Opslag) -> str:
    """As _zaak_met_documenten, but with the counter set by the test (not a random one)."""
    import json
    from datetime import date

    from opslag_hulp import ROOT

    data = json.loads((ROOT / "voorbeelden" / "eemnes-toekenning.json").read_text())
    assert date.today()  # the example's dates lie in the past: the besluit is sent
    zn = opslag.nieuwe_zaak(data, "J. Visser", stap="besluit")
    opslag.voeg_document_toe(zn, "aanvraag.pdf", "aanvraag", b"%PDF-1.4\n% aanvraag B\n%%EOF\n", consulent="J. Visser")
    opslag.voeg_document_toe(zn, "beschikking.pdf", "beschikking", b"%PDF-1.4\n% beschikking B\n%%EOF\n")
    return zn


def test_een_voorvoegsel_later_hernoemt_geen_zaak_die_al_gesynchroniseerd_is(oz, opslag) -> None:
    zn = _zaak_met_documenten(opslag, sluiten=False)
    assert _sync(opslag, zn).fout == ""
    _config('zaaksysteem_voorvoegsel = "LAPTOP7"\n')
    data = opslag.laad(zn)
    data["stap"] = "afgerond"
    opslag.bewaar(zn, data, "J. Visser")
    uit = _sync(opslag, zn)
    assert (uit.fout, uit.conflicten, uit.aangemaakt) == ("", [], 1)  # only the status of the step "besluit"
    [zaak] = _zaken(_api(), zn)  # the same zaak, still under the zaaknummer
    assert "stap: afgerond" in zaak["toelichting"]
    assert _zaken(_api(), f"LAPTOP7-{zn}") == []


def test_zonder_roltype_voor_de_partner_zegt_de_sync_het_bij_elke_sync(oz, opslag) -> None:
    zn = _zaak_met_documenten(opslag, sluiten=False)
    uit = _sync(opslag, zn)
    [opmerking] = uit.opmerkingen  # the test catalogue's zaaktype has no roltype belanghebbende
    assert "partner van de aanvrager is niet als betrokkene" in opmerking
    assert "roltype 'belanghebbende'" in opmerking and "zaaksysteem_roltype_partner" in opmerking
    assert _sync(opslag, zn).opmerkingen == [opmerking]  # unchanged (nothing sent) and still said


def test_het_roltype_van_de_partner_is_in_te_stellen(oz, opslag) -> None:
    # the test zaaktype has two roltypen: initiator (aanvrager) and behandelaar; the partner as "behandelaar" is
    # no real choice, but it is the only other roltype there and shows the setting reaches the server
    _config('zaaksysteem_roltype_partner = "behandelaar"\n')
    zn = _zaak_met_documenten(opslag, sluiten=False)
    uit = _sync(opslag, zn)
    assert (uit.fout, uit.conflicten, uit.opmerkingen) == ("", [], [])
    api = _api()
    [zaak] = _zaken(api, zn)
    rollen = api.lijst("zaken/api/v1/rollen", {"zaak": zaak["url"]})
    partner = [r for r in rollen if r["roltoelichting"] == "Partner van de aanvrager"]
    assert [r["roltype"] for r in partner] == [OZ["OZ_ROLTYPE_BEHANDELAAR_URL"]]


def test_een_onbekend_roltype_voor_de_partner_wordt_geweigerd(oz) -> None:
    _config('zaaksysteem_roltype_partner = "initiator"\n')
    with pytest.raises(ZaaksysteemFout, match="die rol heeft de aanvrager al"):
        _cfg()


def test_ophalen_van_een_zaak_met_een_nummer_dat_hier_al_bestaat_geeft_een_nieuw_zaaknummer(
    oz, opslag, tmp_path
) -> None:
    from storage.zaaksysteem.ophalen import haal_op

    voorvoegsel = f"A{random.randint(10**6, 10**7 - 1)}"
    _config(f'zaaksysteem_voorvoegsel = "{voorvoegsel}"\n')
    zn = _zaak_met_documenten(opslag, sluiten=False)
    assert _sync(opslag, zn).fout == ""
    cfg = _cfg()
    with Opslag.maak(tmp_path / "laptop-b", WW, scrypt_n=TEST_N) as b:
        _zelfde_teller(opslag, b)
        assert _zaak_met_documenten_zonder_teller(b) == zn  # B's own, other case with that number
        eigen = b.laad(zn)
        w = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "P. Bakker")
        nieuw = haal_op(b, w, cfg, f"{voorvoegsel}-{zn}", consulent="P. Bakker")
        assert nieuw != zn
        assert b.laad(zn) == eigen  # B's own case untouched
        overgenomen = b.laad(nieuw)
        assert overgenomen["melding"] == opslag.laad(zn)["melding"] and overgenomen["zaaknummer"] == nieuw
        with pytest.raises(ZaaksysteemFout, match="staat al in deze opslag"):  # the same zaak twice: refused
            haal_op(b, w, cfg, f"{voorvoegsel}-{zn}", consulent="P. Bakker")
        overgenomen["stap"] = "afgerond"
        b.bewaar(nieuw, overgenomen, "P. Bakker")
        uit = Synchronisatie(b, w, cfg).zaak(nieuw)
        assert (uit.fout, uit.conflicten, uit.aangemaakt) == ("", [], 1)  # only the status of the step "besluit"
    api = _api()
    [zaak] = _zaken(api, f"{voorvoegsel}-{zn}")  # the same zaak, updated from laptop B
    assert "stap: afgerond" in zaak["toelichting"]
