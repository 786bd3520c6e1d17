"""``smi-tui sync`` against a real Open Zaak 1.21.0 on loopback (../shared/openzaak/start.sh; .ci/run starts it).

Skipped, with the reason, when ``OZ_BASE_URL`` is not set (nor the env file of start.sh found) or the server does
not answer. These tests may talk to 127.0.0.1 only: the suite's network guard is replaced here by one that allows
loopback and still fails any other address. Every count is read back through the API.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from opslag_hulp import ROOT, TEST_N, WW, hashes

from storage import Opslag
from storage.zaaksysteem.register import Register
from storage.zaaksysteem.sync import Synchronisatie
from storage.zaaksysteem.verbinding import Geweigerd, Onbereikbaar, Verbinding

pytestmark = [pytest.mark.openzaak, pytest.mark.traag]
_ECHT = socket.socket.connect


def _env() -> dict[str, str]:
    env: dict[str, str] = {}
    thuis = os.environ.get("OZ_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "openzaak-smi"
    )
    pad = Path(thuis) / "run" / "openzaak.env"
    if pad.exists():
        for regel in pad.read_text().splitlines():
            if "=" in regel and not regel.startswith("#"):
                k, v = regel.split("=", 1)
                env[k.strip()] = v.strip().strip("'\"")
    env.update({k: v for k, v in os.environ.items() if k.startswith("OZ_")})
    return env


OZ = _env()


@pytest.fixture(autouse=True)
def geen_netwerk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Overrides the suite's guard for this module: loopback (the local Open Zaak) only."""

    def alleen_loopback(self: socket.socket, adres, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6) and adres[0] not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"test opende een netwerkverbinding naar {adres!r}")
        return _ECHT(self, adres, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", alleen_loopback)


def _bereikbaar() -> str:
    if not OZ.get("OZ_BASE_URL"):
        return "OZ_BASE_URL is niet gezet en er is geen openzaak.env van ../shared/openzaak/start.sh"
    if not OZ["OZ_BASE_URL"].startswith(("http://127.", "http://localhost")):
        return f"OZ_BASE_URL {OZ['OZ_BASE_URL']} is geen loopback-adres; deze tests praten alleen met 127.0.0.1"
    try:
        with socket.create_connection(("127.0.0.1", int(OZ["OZ_BASE_URL"].rsplit(":", 1)[1].split("/")[0])), 2):
            return ""
    except OSError as exc:
        return f"Open Zaak op {OZ['OZ_BASE_URL']} antwoordt niet ({exc.strerror or exc})"


@pytest.fixture
def oz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    reden = _bereikbaar()
    if reden:
        pytest.skip(reden)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'consulent = "J. Visser"\nrsin = "{OZ["OZ_RSIN"]}"\nzgw_zaaktype = "{OZ["OZ_ZAAKTYPE_URL"]}"\n'
        f'zgw_besluittype = "{OZ["OZ_BESLUITTYPE_URL"]}"\nzgw_informatieobjecttype = "{OZ["OZ_INFORMATIEOBJECTTYPE_URL"]}"\n'
        f'zaaksysteem_url = "{OZ["OZ_BASE_URL"]}"\nzaaksysteem_client_id = "{OZ["OZ_CLIENT_ID"]}"\n'
    )
    monkeypatch.setenv("SMI_TUI_CONFIG", str(cfg))
    # zaaknummers are unique per store, not on the server that outlives the test: a year of its own (and see uniek)
    jaar = random.randint(3000, 9999)
    monkeypatch.setattr(Opslag, "_jaar", staticmethod(lambda: jaar))
    return OZ


def _cfg() -> dict[str, str]:
    from storage.zaaksysteem import instellingen

    return instellingen()


def _api() -> Verbinding:
    return Verbinding(OZ["OZ_BASE_URL"], OZ["OZ_CLIENT_ID"], OZ["OZ_CLIENT_SECRET"], "test")


def uniek(opslag: Opslag) -> None:
    """Zaaknummers are unique per store, not on the server that outlives every test run: the store's counter
    starts at a random 9-digit number in a random year (see the fixture ``oz``)."""
    from tinydb.table import Document

    jaar = Opslag._jaar()
    opslag._meta_db().table("teller").upsert(
        Document({"jaar": jaar, "laatste": random.randint(10**8, 9 * 10**8)}, doc_id=jaar)
    )


def _zaak_met_documenten(opslag: Opslag, *, sluiten: bool = True) -> str:
    uniek(opslag)
    data = json.loads((ROOT / "voorbeelden" / "eemnes-toekenning.json").read_text())
    if sluiten:
        data["gesloten_op"] = date.today().isoformat()
    zn = opslag.nieuwe_zaak(data, "J. Visser", stap="besluit")
    opslag.voeg_document_toe(zn, "aanvraag.pdf", "aanvraag", b"%PDF-1.4\n% aanvraag\n%%EOF\n", consulent="J. Visser")
    opslag.voeg_document_toe(zn, "beschikking.pdf", "beschikking", b"%PDF-1.4\n% beschikking\n%%EOF\n")
    return zn


def _tel(api: Verbinding, zaak_url: str) -> dict[str, int]:
    besluiten = api.lijst("besluiten/api/v1/besluiten", {"zaak": zaak_url})
    return {
        "rollen": len(api.lijst("zaken/api/v1/rollen", {"zaak": zaak_url})),
        "statussen": len(api.lijst("zaken/api/v1/statussen", {"zaak": zaak_url})),
        "documenten": len(api.lijst("zaken/api/v1/zaakinformatieobjecten", {"zaak": zaak_url})),
        "resultaten": len(api.lijst("zaken/api/v1/resultaten", {"zaak": zaak_url})),
        "besluiten": len(besluiten),
        "besluitdocumenten": sum(
            len(api.lijst("besluiten/api/v1/besluitinformatieobjecten", {"besluit": b["url"]})) for b in besluiten
        ),
    }


def _zaken(api: Verbinding, zn: str) -> list[dict]:
    return api.lijst("zaken/api/v1/zaken", {"identificatie": zn, "bronorganisatie": OZ["OZ_RSIN"]})


# melding, gesprek, verslag, voorliggend, besluit completed (stap "afgerond" is not reached) → 4 statuses for the
# steps before "besluit" plus the end status; ouder 1 is the initiator, the partner needs a roltype belanghebbende
# that this zaaktype lacks, plus the behandelaar → 2 rollen; 2 documents plus the dossier (smi-tui-zaak.json);
# 1 besluit with the beschikking.
VERWACHT = {"rollen": 2, "statussen": 5, "documenten": 3, "resultaten": 1, "besluiten": 1, "besluitdocumenten": 1}


def test_zaak_komt_heel_in_open_zaak_en_een_tweede_sync_verstuurt_niets(oz, opslag) -> None:
    zn = _zaak_met_documenten(opslag)
    cfg = _cfg()
    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "J. Visser")
    uit = Synchronisatie(opslag, v, cfg).zaak(zn)
    assert (uit.fout, uit.conflicten) == ("", [])
    api = _api()
    [zaak] = _zaken(api, zn)
    assert _tel(api, zaak["url"]) == VERWACHT
    assert zaak["einddatum"] == date.today().isoformat()  # closed: resultaat, then the end status
    assert zaak["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    docs = [
        api.vraag("GET", z["informatieobject"])
        for z in api.lijst("zaken/api/v1/zaakinformatieobjecten", {"zaak": zaak["url"]})
    ]
    assert {d["integriteit"]["algoritme"] for d in docs} == {"sha_256"}
    assert {d["indicatieGebruiksrecht"] for d in docs} == {False}
    besluit = api.lijst("besluiten/api/v1/besluiten", {"zaak": zaak["url"]})[0]
    assert "Aan alle voorwaarden" not in besluit["toelichting"]  # the motivation stays in the beschikking

    v2 = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "J. Visser")
    assert Synchronisatie(opslag, v2, cfg).zaak(zn).ongewijzigd
    assert v2.aantal == 0  # an unchanged case sends no request


_KILLER = """
import os, signal, sys
from pathlib import Path
from storage.zaaksysteem import verbinding
soort, n = sys.argv[1], int(sys.argv[2]); teller = {"n": 0}
echt = verbinding.Verbinding.vraag
def vraag(self, methode, url, body=None, params=None):
    antwoord = echt(self, methode, url, body, params)
    if methode == soort:
        teller["n"] += 1
        if teller["n"] == n:  # the server did it, the answer never reaches the store
            os.kill(os.getpid(), signal.SIGKILL)
    return antwoord
verbinding.Verbinding.vraag = vraag
from smi_tui.__main__ import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.mark.parametrize("na_post", [1, 2, 4, 9, 12])
def test_kill_9_midden_in_de_sync_laat_geen_dubbele_objecten(oz, map_, tmp_path, na_post) -> None:
    with Opslag.maak(map_, WW, scrypt_n=TEST_N) as opslag:
        zn = _zaak_met_documenten(opslag)
        Register(opslag).zet_geheim(OZ["OZ_CLIENT_ID"], OZ["OZ_CLIENT_SECRET"])
    env = {**os.environ, "SMI_TUI_WACHTWOORD": WW, "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-c", _KILLER, "POST", str(na_post), "--data-dir", str(map_), "sync"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == -9, r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "smi_tui", "--data-dir", str(map_), "sync"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "al in het zaaksysteem gevonden" in r.stdout
    api = _api()
    [zaak] = _zaken(api, zn)
    assert _tel(api, zaak["url"]) == VERWACHT


@pytest.mark.parametrize("na", [("PATCH", 1), ("POST", 1), ("PATCH", 2)])
def test_kill_9_midden_in_het_bijwerken_geeft_geen_vals_conflict(oz, map_, na) -> None:
    """Killed after the PATCH of the zaak (1), after locking the dossier document, after its new version (2)."""
    with Opslag.maak(map_, WW, scrypt_n=TEST_N) as opslag:
        zn = _zaak_met_documenten(opslag, sluiten=False)
        Register(opslag).zet_geheim(OZ["OZ_CLIENT_ID"], OZ["OZ_CLIENT_SECRET"])
    env = {**os.environ, "SMI_TUI_WACHTWOORD": WW, "PYTHONPATH": str(ROOT)}
    sync = [sys.executable, "-m", "smi_tui", "--data-dir", str(map_), "sync"]
    assert subprocess.run(sync, env=env, capture_output=True, text=True, timeout=120).returncode == 0
    with Opslag.open(map_, WW) as opslag:
        data = opslag.laad(zn)
        data["stap"] = "afgerond"
        opslag.bewaar(zn, data, "J. Visser")
    r = subprocess.run(
        [sys.executable, "-c", _KILLER, *map(str, na), "--data-dir", str(map_), "sync"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == -9, r.stderr
    r = subprocess.run(sync, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    api = _api()
    [zaak] = _zaken(api, zn)
    assert "stap: afgerond" in zaak["toelichting"]
    dossier = [
        api.vraag("GET", z["informatieobject"])
        for z in api.lijst("zaken/api/v1/zaakinformatieobjecten", {"zaak": zaak["url"]})
    ]
    [dossier] = [d for d in dossier if d["bestandsnaam"] == "smi-tui-zaak.json"]
    assert (dossier["locked"], dossier["versie"]) == (False, 2)  # unlocked, one new version
    assert _tel(api, zaak["url"]) == {**VERWACHT, "resultaten": 0}


def test_de_verzenddatum_van_de_beschikking_komt_later_mee(oz, opslag) -> None:
    zn = _zaak_met_documenten(opslag, sluiten=False)
    data = opslag.laad(zn)
    data["besluit"]["verzonden_op"] = None
    opslag.bewaar(zn, data, "J. Visser")
    cfg = _cfg()
    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "J. Visser")
    assert Synchronisatie(opslag, v, cfg).zaak(zn).fout == ""
    data["besluit"]["verzonden_op"] = "2026-03-03"
    opslag.bewaar(zn, data, "J. Visser")
    uit = Synchronisatie(opslag, v, cfg).zaak(zn)
    # the zaak's toelichting is unchanged; the beschikking, the besluit and the dossier get the date
    assert (uit.fout, uit.conflicten, uit.aangemaakt, uit.bijgewerkt) == ("", [], 0, 3)
    api = _api()
    [zaak] = _zaken(api, zn)
    docs = [
        api.vraag("GET", z["informatieobject"])
        for z in api.lijst("zaken/api/v1/zaakinformatieobjecten", {"zaak": zaak["url"]})
    ]
    [beschikking] = [d for d in docs if d["bestandsnaam"] == "beschikking.pdf"]
    assert (beschikking["verzenddatum"], beschikking["locked"], beschikking["versie"]) == ("2026-03-03", False, 2)
    assert api.lijst("besluiten/api/v1/besluiten", {"zaak": zaak["url"]})[0]["verzenddatum"] == "2026-03-03"


def test_een_wijziging_in_open_zaak_is_een_conflict_en_wordt_niet_overschreven(oz, opslag) -> None:
    zn = _zaak_met_documenten(opslag, sluiten=False)
    cfg = _cfg()
    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "J. Visser")
    assert Synchronisatie(opslag, v, cfg).zaak(zn).fout == ""
    api = _api()
    [zaak] = _zaken(api, zn)
    api.vraag("PATCH", zaak["url"], {"toelichting": "Aangepast door een collega in het zaaksysteem"})
    data = opslag.laad(zn)
    data["stap"] = "afgerond"  # changes the zaak's toelichting ("stap: afgerond")
    opslag.bewaar(zn, data, "J. Visser")
    uit = Synchronisatie(opslag, v, cfg).zaak(zn)
    assert len(uit.conflicten) == 1 and uit.conflicten[0].startswith("zaak is in het zaaksysteem gewijzigd")
    assert api.vraag("GET", zaak["url"])["toelichting"] == "Aangepast door een collega in het zaaksysteem"
    assert Register(opslag).lees(zn)["conflicten"] == uit.conflicten  # shown by `smi-tui sync --status`


def test_verkeerd_geheim_geeft_de_jwt_reden_en_verandert_niets(oz, opslag, map_) -> None:
    zn = _zaak_met_documenten(opslag)
    opslag.flush()
    voor = hashes(map_)
    cfg = _cfg()
    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], "niet-het-geheim", "J. Visser")
    with pytest.raises(Geweigerd, match="handtekening klopt niet"):
        Synchronisatie(opslag, v, cfg).zaak(zn)
    opslag.flush()
    assert hashes(map_) == voor


def test_ongeldig_rsin_noemt_het_veld(oz, opslag) -> None:
    from storage.zaaksysteem.verbinding import Ongeldig

    api = _api()
    with pytest.raises(Ongeldig, match="veld 'bronorganisatie'"):
        api.vraag(
            "POST",
            "zaken/api/v1/zaken",
            {
                "zaaktype": OZ["OZ_ZAAKTYPE_URL"],
                "bronorganisatie": "123456789",
                "verantwoordelijkeOrganisatie": OZ["OZ_RSIN"],
                "startdatum": "2026-01-05",
            },
        )


def test_onbereikbare_server_geeft_een_nederlandse_melding() -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    v = Verbinding(f"http://127.0.0.1:{poort}", "c", "g", "J. Visser")
    with pytest.raises(Onbereikbaar, match="niet bereikbaar"):
        v.vraag("GET", "zaken/api/v1/zaken")


def test_een_tweede_opslag_neemt_de_zaak_over_en_werkt_dezelfde_zaak_bij(oz, opslag, tmp_path) -> None:
    from storage.zaaksysteem.ophalen import haal_op
    from storage.zaaksysteem.verbinding import ZaaksysteemFout

    zn = _zaak_met_documenten(opslag, sluiten=False)
    cfg = _cfg()
    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "J. Visser")
    assert Synchronisatie(opslag, v, cfg).zaak(zn).fout == ""
    with Opslag.maak(tmp_path / "collega", WW, scrypt_n=TEST_N) as tweede:
        w = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "P. Bakker")
        assert haal_op(tweede, w, cfg, zn, consulent="P. Bakker") == zn
        assert tweede.laad(zn) == opslag.laad(zn)
        assert [tweede.document(zn, d["id"]) for d in tweede.documenten(zn)] == [
            opslag.document(zn, d["id"]) for d in opslag.documenten(zn)
        ]
        with pytest.raises(ZaaksysteemFout, match="staat al in deze opslag"):
            haal_op(tweede, w, cfg, zn, consulent="P. Bakker")
        data = tweede.laad(zn)
        data["stap"] = "afgerond"
        tweede.bewaar(zn, data, "P. Bakker")
        uit = Synchronisatie(tweede, w, cfg).zaak(zn)
        assert (uit.fout, uit.conflicten, uit.aangemaakt) == ("", [], 1)  # only the status of the step "besluit"
    api = _api()
    [zaak] = _zaken(api, zn)
    assert "stap: afgerond" in zaak["toelichting"]
    assert _tel(api, zaak["url"]) == {**VERWACHT, "statussen": 5, "resultaten": 0}
