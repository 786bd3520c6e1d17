"""ZGW export (Zaken/Besluiten/Documenten API shapes, AuditTrail) validated against JSON Schemas of the subset we
use, and the round trip through `smi-tui import-zgw`.

The schemas below encode, for the fields we write, the names, the required fields, types, maximum lengths and
enums of VNG-Realisatie/zaken-api, besluiten-api and documenten-api (src/resources.md and the OpenAPI specs).
"""

from __future__ import annotations

import hashlib
import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from opslag_hulp import WW, hashes, zaak

from storage import Opslag

RSIN = "002564440"  # passes the 11-test
ZAAKTYPE = "https://catalogi.example.nl/api/v1/zaaktypen/0d2b0c4e-0000-4000-8000-000000000001"
BESLUITTYPE = "https://catalogi.example.nl/api/v1/besluittypen/0d2b0c4e-0000-4000-8000-000000000002"
IOTYPE = "https://catalogi.example.nl/api/v1/informatieobjecttypen/0d2b0c4e-0000-4000-8000-000000000003"
CONFIG = f'rsin = "{RSIN}"\nzgw_zaaktype = "{ZAAKTYPE}"\nzgw_besluittype = "{BESLUITTYPE}"\n'
CONFIG += f'zgw_informatieobjecttype = "{IOTYPE}"\nbewaartermijn_jaren = 7\n'

VERTROUWELIJKHEID = [
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
]
DATUM = {"type": "string", "format": "date"}
DATUM_OF_NULL = {"type": ["string", "null"], "format": "date"}
RSIN_VELD = {"type": "string", "maxLength": 9, "pattern": "^[0-9]{9}$"}
# jsonschema checks "date" and "uuid" itself; "uri", "duration" and "date-time" need extra packages, so patterns too
URI = {"type": "string", "format": "uri", "maxLength": 1000, "minLength": 1, "pattern": r"^(https?://|urn:)\S+$"}

ZAAK = {
    "type": "object",
    "required": ["bronorganisatie", "zaaktype", "verantwoordelijkeOrganisatie", "startdatum"],
    "properties": {
        "identificatie": {"type": "string", "maxLength": 40},
        "bronorganisatie": RSIN_VELD,
        "omschrijving": {"type": "string", "maxLength": 80},
        "toelichting": {"type": "string", "maxLength": 1000},
        "zaaktype": URI,
        "registratiedatum": DATUM,
        "verantwoordelijkeOrganisatie": RSIN_VELD,
        "startdatum": DATUM,
        "einddatum": DATUM_OF_NULL,
        "uiterlijkeEinddatumAfdoening": DATUM_OF_NULL,
        "vertrouwelijkheidaanduiding": {"enum": VERTROUWELIJKHEID},
        "archiefnominatie": {"enum": ["blijvend_bewaren", "vernietigen"]},
        "archiefstatus": {
            "enum": ["nog_te_archiveren", "gearchiveerd", "gearchiveerd_procestermijn_onbekend", "overgedragen"]
        },
        "archiefactiedatum": DATUM_OF_NULL,
        "opschorting": {
            "type": "object",
            "required": ["indicatie", "reden"],
            "properties": {"indicatie": {"type": "boolean"}, "reden": {"type": "string", "maxLength": 200}},
            "additionalProperties": False,
        },
        "verlenging": {
            "type": ["object", "null"],
            "required": ["reden", "duur"],
            "properties": {
                "reden": {"type": "string", "maxLength": 200},
                "duur": {"type": "string", "format": "duration", "pattern": r"^P\d+[DW]$"},
            },
            "additionalProperties": False,
        },
        "kenmerken": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kenmerk", "bron"],
                "properties": {
                    "kenmerk": {"type": "string", "maxLength": 40},
                    "bron": {"type": "string", "maxLength": 40},
                },
            },
        },
    },
    "additionalProperties": False,
}

BESLUIT = {
    "type": "object",
    "required": ["verantwoordelijkeOrganisatie", "besluittype", "datum", "ingangsdatum"],
    "properties": {
        "identificatie": {"type": "string", "maxLength": 50},
        "verantwoordelijkeOrganisatie": RSIN_VELD,
        "besluittype": {**URI, "maxLength": 200},
        "zaak": URI,
        "datum": DATUM,
        "toelichting": {"type": "string"},
        "ingangsdatum": DATUM,
        "vervaldatum": DATUM_OF_NULL,
        "verzenddatum": DATUM_OF_NULL,
        "uiterlijkeReactiedatum": DATUM_OF_NULL,
    },
    "additionalProperties": False,
}

EIO = {
    "type": "object",
    "required": ["bronorganisatie", "creatiedatum", "titel", "auteur", "taal", "informatieobjecttype"],
    "properties": {
        "identificatie": {"type": "string", "maxLength": 40},
        "bronorganisatie": RSIN_VELD,
        "creatiedatum": DATUM,
        "titel": {"type": "string", "maxLength": 200, "minLength": 1},
        "vertrouwelijkheidaanduiding": {"enum": VERTROUWELIJKHEID},
        "auteur": {"type": "string", "maxLength": 200, "minLength": 1},
        "status": {"enum": ["in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd"]},
        "formaat": {"type": "string", "maxLength": 255},
        "taal": {"type": "string", "minLength": 3, "maxLength": 3},
        "bestandsnaam": {"type": "string", "maxLength": 255},
        "bestandsomvang": {"type": "integer", "minimum": 0},
        "inhoud": {"type": "string"},
        "beschrijving": {"type": "string", "maxLength": 1000},
        "verzenddatum": DATUM_OF_NULL,
        "indicatieGebruiksrecht": {"type": ["boolean", "null"]},
        "informatieobjecttype": {**URI, "maxLength": 200},
        "ondertekening": {
            "type": "object",
            "required": ["soort", "datum"],
            "properties": {"soort": {"enum": ["", "analoog", "digitaal", "pki"]}, "datum": DATUM_OF_NULL},
            "additionalProperties": False,
        },
        "integriteit": {
            "type": "object",
            "required": ["algoritme", "waarde", "datum"],
            "properties": {
                "algoritme": {
                    "enum": [
                        "",
                        "crc_16",
                        "crc_32",
                        "crc_64",
                        "fletcher_4",
                        "fletcher_8",
                        "fletcher_16",
                        "fletcher_32",
                        "hmac",
                        "md5",
                        "sha_1",
                        "sha_256",
                        "sha_512",
                        "sha_3",
                    ]
                },
                "waarde": {"type": "string", "maxLength": 128},
                "datum": DATUM_OF_NULL,
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}

AUDITTRAIL = {
    "type": "object",
    "required": [
        "bron",
        "actie",
        "resultaat",
        "hoofdObject",
        "resource",
        "resourceUrl",
        "resourceWeergave",
        "wijzigingen",
    ],
    "properties": {
        "uuid": {"type": "string", "format": "uuid"},
        "bron": {"enum": ["ac", "nrc", "zrc", "ztc", "drc", "brc", "cmc", "kc", "vrc"]},
        "applicatieId": {"type": "string", "maxLength": 100},
        "applicatieWeergave": {"type": "string", "maxLength": 200},
        "gebruikersId": {"type": "string", "maxLength": 255},
        "gebruikersWeergave": {"type": "string", "maxLength": 255},
        "actie": {"type": "string", "maxLength": 50},
        "actieWeergave": {"type": "string", "maxLength": 200},
        "resultaat": {"type": "integer", "minimum": 100, "maximum": 599},
        "hoofdObject": URI,
        "resource": {"type": "string", "maxLength": 50},
        "resourceUrl": URI,
        "toelichting": {"type": "string"},
        "resourceWeergave": {"type": "string", "maxLength": 200},
        "aanmaakdatum": {"type": "string", "format": "date-time", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"},
        "wijzigingen": {
            "type": "object",
            "required": ["oud", "nieuw"],
            "properties": {"oud": {"type": "object"}, "nieuw": {"type": "object"}},
        },
    },
    "additionalProperties": False,
}


def valideer(data, schema):
    fouten = sorted(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(data), key=str)
    assert not fouten, [f"{'/'.join(map(str, f.absolute_path))}: {f.message}" for f in fouten]


PDF = b"%PDF-1.4\n% beschikking\n" + bytes(range(256))


@pytest.fixture
def besloten(opslag, tmp_path, monkeypatch):
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "config.toml"))
    z = zaak(
        stap="afgerond",
        aanvraag={"ontvangen_op": "2026-01-10", "compleet_op": "2026-01-12"},
        besluit={
            "datum": "2026-02-02",
            "beslissing": "afwijzen",
            "motivering": "Er is voorliggend netwerk.",
            "verzonden_op": "2026-02-03",
        },
        verdaging={"op": "2026-02-01", "weken": 4, "reden": "advies GGD nog niet binnen"},
    )
    zn = opslag.nieuwe_zaak(z, "C. Consulent")
    d = opslag.laad(zn)
    d["consulent"] = "C. Consulent"
    opslag.bewaar(zn, d, "C. Consulent", stap="besluit")
    opslag.voeg_document_toe(zn, "beschikking.pdf", "beschikking", PDF, consulent="C. Consulent")
    opslag.voeg_document_toe(zn, "verslag.pdf", "verslag", b"%PDF-1.4 verslag", consulent="D. Consulent")
    opslag.sluit()
    return zn


def test_export_volgt_de_zgw_velden(besloten, tmp_path, cli):
    zn = besloten
    uit = tmp_path / "zgw"
    code, out, err = cli("export-zgw", zn, "-o", uit)
    assert code == 0, err
    assert "1 besluit(en), 2 document(en)" in out
    z = json.loads((uit / "zaak.json").read_text(encoding="utf-8"))
    valideer(z, ZAAK)
    assert z["identificatie"] == zn and z["bronorganisatie"] == RSIN and z["zaaktype"] == ZAAKTYPE
    assert z["startdatum"] == "2026-01-05" and z["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert z["verlenging"] == {"reden": "advies GGD nog niet binnen", "duur": "P28D"}
    (b,) = json.loads((uit / "besluiten.json").read_text(encoding="utf-8"))
    valideer(b, BESLUIT)
    assert b["datum"] == "2026-02-02" and b["verzenddatum"] == "2026-02-03" and b["zaak"] == f"urn:smi-tui:zaak:{zn}"
    assert b["uiterlijkeReactiedatum"] == "2026-03-17"  # 6 weeks after sending
    assert b["toelichting"].startswith("afwijzen")
    eios = sorted((uit / "informatieobjecten").glob("*.json"))
    assert len(eios) == 2
    for pad in eios:
        eio = json.loads(pad.read_text(encoding="utf-8"))
        valideer(eio, EIO)
        pdf = pad.with_suffix(".pdf").read_bytes()
        assert eio["integriteit"]["waarde"] == hashlib.sha256(pdf).hexdigest()
        assert eio["integriteit"]["algoritme"] == "sha_256" and eio["taal"] == "nld"
        assert eio["bestandsomvang"] == len(pdf) and eio["inhoud"] == pad.with_suffix(".pdf").name
        assert set(eio["ondertekening"]) == {"soort", "datum"}
    auteurs = {json.loads(p.read_text())["titel"]: json.loads(p.read_text())["auteur"] for p in eios}
    assert auteurs == {"beschikking.pdf": "C. Consulent", "verslag.pdf": "D. Consulent"}
    trail = json.loads((uit / "audittrail.json").read_text(encoding="utf-8"))
    assert [t["actie"] for t in trail] == ["create", "partial_update", "create", "create"]
    for t in trail:
        valideer(t, AUDITTRAIL)
    assert trail[1]["wijzigingen"]["nieuw"] == {"consulent": "C. Consulent"}
    assert {t["bron"] for t in trail} == {"zrc", "drc"}
    leesmij = (uit / "README.md").read_text(encoding="utf-8")
    for veld in ("bronorganisatie", "uiterlijkeReactiedatum", "integriteit", "ondertekening", "smi-tui-zaak.json"):
        assert veld in leesmij


def test_schema_vangt_fouten():
    """The schemas are not vacuous: a wrong export fails them."""
    from jsonschema import ValidationError

    with pytest.raises(AssertionError):
        valideer({"bronorganisatie": "12345678", "zaaktype": ZAAKTYPE, "verantwoordelijkeOrganisatie": RSIN}, ZAAK)
    with pytest.raises(AssertionError):
        valideer(
            {
                "bronorganisatie": RSIN,
                "creatiedatum": "2026-01-01",
                "titel": "x",
                "auteur": "y",
                "taal": "nl",
                "informatieobjecttype": IOTYPE,
            },
            EIO,
        )
    assert ValidationError


def test_round_trip(besloten, map_, tmp_path, cli):
    zn = besloten
    uit = tmp_path / "zgw"
    assert cli("export-zgw", zn, "-o", uit)[0] == 0
    with Opslag.open(map_, WW) as o:
        origineel = o.laad(zn)
        docs = {d["id"]: (d, o.document(zn, d["id"])) for d in o.documenten(zn)}
        trail = o.audit(zn)
    # into a new store: the same zaaknummer, the same case, the same document bytes
    ander = tmp_path / "ander"
    code, _, err = cli("--data-dir", ander, "init")
    assert code == 0, err
    code, out, err = cli("--data-dir", ander, "import-zgw", uit)
    assert code == 0, err
    assert out.strip() == zn
    with Opslag.open(ander, WW) as o:
        assert o.laad(zn) == origineel
        assert {d["id"]: (d, o.document(zn, d["id"])) for d in o.documenten(zn)} == docs
        terug = o.audit(zn)
        assert terug[: len(trail)] == trail and terug[-1]["actie"] == "geïmporteerd"
        assert o.controleer().in_orde
        assert [r.zaaknummer for r in o.lijst()] == [zn]
    # into the same store: a new zaaknummer (never reuse), otherwise the same
    code, out, err = cli("import-zgw", uit)
    assert code == 0, err
    nieuw = out.strip()
    assert nieuw != zn
    with Opslag.open(map_, WW) as o:
        kopie = o.laad(nieuw)
        assert {**kopie, "zaaknummer": zn} == origineel
        assert [o.document(nieuw, i) for i in docs] == [b for _, b in docs.values()]
        assert o.audit(nieuw)[-1]["wijzigingen"] == [{"veld": "zaaknummer", "oud": zn, "nieuw": nieuw}]
        assert o.controleer().in_orde


def test_slechte_invoer(besloten, map_, tmp_path, cli):
    zn = besloten
    voor = hashes(map_)
    code, _, err = cli("export-zgw", "SMI-2026-9999", "-o", tmp_path / "a")
    assert code == 2 and "bestaat niet" in err and "Traceback" not in err
    code, _, err = cli("export-zgw", "onzin", "-o", tmp_path / "b")
    assert code == 2 and "geen geldig zaaknummer" in err
    (tmp_path / "config.toml").write_text(CONFIG.replace(RSIN, "123456789"), encoding="utf-8")
    code, _, err = cli("export-zgw", zn, "-o", tmp_path / "c")
    assert code == 2 and "RSIN" in err and "11-proef" in err
    (tmp_path / "config.toml").write_text("bewaartermijn_jaren = 7\n", encoding="utf-8")
    code, _, err = cli("export-zgw", zn, "-o", tmp_path / "d")
    assert code == 2 and "rsin" in err and "zgw_zaaktype" in err
    assert hashes(map_) == voor and not any((tmp_path / x).exists() for x in "abcd")
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    uit = tmp_path / "zgw"
    assert cli("export-zgw", zn, "-o", uit)[0] == 0
    assert cli("export-zgw", zn, "-o", uit)[0] == 2  # not into a non-empty folder
    voor = hashes(map_)
    # import: a changed document, a broken audit chain, an invalid case, a missing folder — nothing stored
    pdf = next((uit / "informatieobjecten").glob("*.pdf"))
    echt = pdf.read_bytes()
    pdf.write_bytes(echt + b"x")
    code, _, err = cli("import-zgw", uit)
    assert code == 2 and "SHA-256" in err
    pdf.write_bytes(echt)
    ext_pad = uit / "smi-tui-zaak.json"
    ext = json.loads(ext_pad.read_text(encoding="utf-8"))
    fout = json.loads(json.dumps(ext))
    fout["audit"][0]["consulent"] = "iemand anders"
    ext_pad.write_text(json.dumps(fout), encoding="utf-8")
    code, _, err = cli("import-zgw", uit)
    assert code == 2 and "audittrail" in err
    fout = json.loads(json.dumps(ext))
    fout["zaak"]["melding"]["ouders"][0]["bsn"] = "111222334"
    ext_pad.write_text(json.dumps(fout), encoding="utf-8")
    code, _, err = cli("import-zgw", uit)
    assert code == 2 and "Traceback" not in err
    ext_pad.write_text("{niet json", encoding="utf-8")
    assert cli("import-zgw", uit)[0] == 2
    assert cli("import-zgw", tmp_path / "bestaat-niet")[0] == 2
    assert hashes(map_) == voor
