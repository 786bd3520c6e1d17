"""The sync's mapping, JWT and settings without a server: the suite's network guard is active, so every test here
also proves that planning, ``sync --status`` and ``--instellen`` open no connection."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path

import pytest
from opslag_hulp import ROOT

from storage.zaaksysteem.plan import maak_plan, stapmomenten, vingerafdruk
from storage.zaaksysteem.register import Register
from storage.zaaksysteem.verbinding import maak_jwt

RSIN = "002564440"  # passes the 11-test
CFG = {
    "rsin": RSIN,
    "zgw_zaaktype": "https://zaken.example.nl/catalogi/api/v1/zaaktypen/1",
    "zgw_besluittype": "https://zaken.example.nl/catalogi/api/v1/besluittypen/1",
    "zgw_informatieobjecttype": "https://zaken.example.nl/catalogi/api/v1/informatieobjecttypen/1",
}
TOML = "".join(f'{k} = "{v}"\n' for k, v in CFG.items())
TOML += 'zaaksysteem_url = "https://zaken.example.nl"\nzaaksysteem_client_id = "smi-tui"\nconsulent = "J. Visser"\n'


def _zaak() -> dict:
    return json.loads((ROOT / "voorbeelden" / "eemnes-toekenning.json").read_text())


def _b64(deel: str) -> bytes:
    return base64.urlsafe_b64decode(deel + "=" * (-len(deel) % 4))


def test_jwt_is_hs256_met_client_id_iat_en_de_consulent() -> None:
    token = maak_jwt("smi-tui", "geheim", "J. Visser", nu=1_790_000_000)
    kop, claims, handtekening = token.split(".")
    assert json.loads(_b64(kop)) == {"alg": "HS256", "typ": "JWT"}
    assert json.loads(_b64(claims)) == {
        "iss": "smi-tui",
        "iat": 1_790_000_000,
        "client_id": "smi-tui",
        "user_id": "J. Visser",
        "user_representation": "J. Visser",
    }
    # RFC 7515 §5.1: the signature is HMAC-SHA-256 over "<kop>.<claims>" with the shared secret
    assert _b64(handtekening) == hmac.new(b"geheim", f"{kop}.{claims}".encode(), hashlib.sha256).digest()


def test_plan_van_een_besloten_zaak() -> None:
    zaak = _zaak()
    trail = [{"tijd": "2026-01-05T09:00:00+00:00", "stap": "melding"},
             {"tijd": "2026-01-20T10:00:00+00:00", "stap": "gesprek"},
             {"tijd": "2026-02-10T11:00:00+00:00", "stap": "besluit"}]  # fmt: skip
    docs = [{"id": "a" * 32, "naam": "beschikking.pdf", "soort": "beschikking", "grootte": 10, "sha256": "0" * 64,
             "toegevoegd": "2026-03-02T10:00:00+00:00"}]  # fmt: skip
    plan = {
        o.sleutel: o
        for o in maak_plan("SMI-2026-0001", zaak, {"aangemaakt": "2026-01-05T09:00:00+00:00"}, docs, trail, CFG)
    }
    z = plan["zaak"].body
    assert (z["bronorganisatie"], z["verantwoordelijkeOrganisatie"], z["zaaktype"]) == (RSIN, RSIN, CFG["zgw_zaaktype"])
    assert z["startdatum"] == zaak["melding"]["datum"]
    assert "einddatum" not in z and "archiefactiedatum" not in z  # the server derives them when the zaak closes
    # the first parent is the initiator; the partner needs a roltype belanghebbende, sent only when it exists
    ouders = [o for k, o in plan.items() if k.startswith("rol:ouder:")]
    assert [o.body["betrokkeneIdentificatie"] for o in ouders] == [{"inpBsn": "725763863"}, {"inpBsn": "162275869"}]
    assert [o.alleen_met for o in ouders] == [None, "roltype:belanghebbende"]
    assert plan["rol:behandelaar:M.-de-Vries"].body["betrokkeneType"] == "medewerker"
    doc = plan[f"doc:{'a' * 32}"].body
    assert doc["integriteit"] == {"algoritme": "sha_256", "waarde": "0" * 64, "datum": "2026-03-02"}
    assert (doc["vertrouwelijkheidaanduiding"], doc["indicatieGebruiksrecht"], doc["formaat"]) == (
        "vertrouwelijk",
        False,
        "application/pdf",
    )
    assert doc["verzenddatum"] == zaak["besluit"]["verzonden_op"]
    besluit = plan["besluit:1"].body
    assert zaak["besluit"]["motivering"] not in besluit["toelichting"]  # no medical details in the besluit's text
    assert besluit["toelichting"] == "toekennen; de motivering staat in de beschikking"
    assert f"bio:1:{'a' * 32}" in plan
    assert "resultaat" not in plan and "status:eind" not in plan  # not closed
    # steps melding..voorliggend completed; verslag and voorliggend were never shown in the trail: they take the
    # moment of the first later step (besluit, 10 Feb 11:00), kept one second apart going back in time
    assert [(o.sleutel, o.body["datumStatusGezet"]) for o in plan.values() if o.soort == "status"] == [
        ("status:melding", "2026-01-05T09:00:00+00:00"),
        ("status:gesprek", "2026-02-10T10:59:58+00:00"),
        ("status:verslag", "2026-02-10T10:59:59+00:00"),
        ("status:voorliggend", "2026-02-10T11:00:00+00:00"),
    ]


def test_sluiten_geeft_resultaat_voor_de_eindstatus() -> None:
    zaak = _zaak() | {"gesloten_op": "2026-06-01", "stap": "afgerond"}
    zaak["besluit"]["beslissing"] = "afwijzen"
    trail = [{"tijd": "2026-01-05T09:00:00+00:00", "stap": "melding"}]
    sleutels = [o.sleutel for o in maak_plan("SMI-2026-0001", zaak, {}, [], trail, CFG)]
    assert sleutels[-2:] == ["resultaat", "status:eind"]
    plan = {o.sleutel: o for o in maak_plan("SMI-2026-0001", zaak, {}, [], trail, CFG)}
    assert plan["resultaat"].body["resultaattype"] == {"$cat": "resultaattype:afgewezen"}
    assert plan["status:eind"].body["datumStatusGezet"] == "2026-06-01T00:00:00+00:00"


def test_stapmomenten_liggen_nooit_na_de_laatste_auditregel() -> None:
    alles_tegelijk = [{"tijd": "2026-03-01T12:00:00+00:00", "stap": "import"}]
    momenten = [m for _, m in stapmomenten({"stap": "besluit"}, alles_tegelijk)]
    assert momenten == [
        "2026-03-01T11:59:57+00:00",
        "2026-03-01T11:59:58+00:00",
        "2026-03-01T11:59:59+00:00",
        "2026-03-01T12:00:00+00:00",
    ]


def test_vingerafdruk_verandert_alleen_als_er_iets_te_sturen_is() -> None:
    trail = [{"tijd": "2026-01-05T09:00:00+00:00", "stap": "melding"}]
    een = vingerafdruk(maak_plan("SMI-2026-0001", _zaak(), {}, [], trail, CFG))
    assert een == vingerafdruk(maak_plan("SMI-2026-0001", _zaak(), {}, [], trail, CFG))
    ander = _zaak()
    ander["besluit"]["verzonden_op"] = "2026-03-04"
    assert een != vingerafdruk(maak_plan("SMI-2026-0001", ander, {}, [], trail, CFG))


def test_status_en_instellen_zonder_netwerk(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, map_: Path) -> None:
    (tmp_path / "config.toml").write_text(TOML)
    assert cli("init")[0] == 0
    code, uit, _ = cli("import", ROOT / "voorbeelden" / "eemnes-toekenning.json")
    zn = uit.strip()
    code, uit, _ = cli("sync", "--status")
    assert code == 0 and f"{zn}   nog nooit gesynchroniseerd" in uit
    monkeypatch.setenv("SMI_TUI_ZAAKSYSTEEM_GEHEIM", "het-geheim-123")
    code, uit, _ = cli("sync", "--instellen")
    assert code == 0 and "versleuteld" in uit
    assert b"het-geheim-123" not in (map_ / "meta.smi").read_bytes()  # encrypted in the store
    from opslag_hulp import WW

    from storage import Opslag

    with Opslag.open(map_, WW) as opslag:
        assert Register(opslag).lees_geheim()["geheim"] == "het-geheim-123"


def test_geheim_in_config_wordt_geweigerd(cli, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(TOML + 'zaaksysteem_geheim = "open"\n')
    code, _, err = cli("sync")
    assert code != 0 and "hoort niet onversleuteld in het configuratiebestand" in err


def test_ontbrekende_instellingen_in_het_nederlands(cli, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("".join(f'{k} = "{v}"\n' for k, v in CFG.items()))
    code, _, err = cli("sync")
    assert code != 0 and "zaaksysteem_url, zaaksysteem_client_id" in err and "Traceback" not in err
