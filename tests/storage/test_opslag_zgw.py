"""ZGW export (Zaken/Besluiten/Documenten API shapes, AuditTrail) validated against JSON Schemas of the subset we
use, and the round trip through `smi-tui import-zgw`.

The schemas below copy, for the fields we write, the required fields, types, maxLength/minLength, enums, formats
and nullability from these OpenAPI specs (read from the stored copies named here; OpenAPI 3.0 ``nullable: true`` is
written as ``"type": [..., "null"]``):

- Zaak, Opschorting, Verlenging, ZaakKenmerk, AuditTrail, Wijzigingen, VertrouwelijkheidaanduidingEnum,
  ArchiefnominatieEnum, ArchiefstatusEnum, BronEnum: VNG-Realisatie/zaken-api ``src/openapi.yaml``,
  ``info.version: 1.3.0-rc3``, commit 0096843b5314a05aa280d03124f57b6b65a4dcb4.
- Besluit: VNG-Realisatie/gemma-zaken ``api-specificatie/brc/1.0.x/openapi.yaml``, ``info.version: 1.0.0``, commit
  0c6bf2186aa370bae53148cf9771c34a97a4987f (the stored copies of VNG-Realisatie/besluiten-api ``src/openapi.yaml``
  are pre-1.0 drafts, ``version: '1'``, with ``datum`` as date-time).
- EnkelvoudigInformatieObject, Ondertekening, Integriteit, SoortEnum, StatusEnum, AlgoritmeEnum:
  VNG-Realisatie/documenten-api ``src/openapi.yaml``, ``info.version: 1.3.0``, commit
  004836402e16fafa22c0e29d112242da7516d8dd.

Our own additions, marked "(ours)": ``additionalProperties: false`` (we write no field the spec does not have),
the 9-digit pattern of an RSIN (the spec says "een geldig RSIN van 9 nummers" in the description only) and
patterns standing in for formats this jsonschema install cannot check ("uri", "date-time", "duration").
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

# VertrouwelijkheidaanduidingEnum (Zaken API 1.3.0-rc3 and Documenten API 1.3.0: the same 8 values)
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
RSIN_VELD = {"type": "string", "minLength": 1, "maxLength": 9, "pattern": "^[0-9]{9}$"}  # pattern: ours


def uri(max_lengte: int, min_lengte: int = 0) -> dict:
    """``format: uri`` with its maxLength; the pattern stands in for the format check (ours)."""
    return {
        "type": "string",
        "format": "uri",
        "minLength": min_lengte,
        "maxLength": max_lengte,
        "pattern": r"^(https?://|urn:)\S+$",
    }


def tekst(max_lengte: int | None = None, min_lengte: int = 0) -> dict:
    schema: dict = {"type": "string", "minLength": min_lengte}
    if max_lengte is not None:
        schema["maxLength"] = max_lengte
    return schema


# Zaken API 1.3.0-rc3, components.schemas.Zaak (required, minus the readOnly fields we do not write: url, uuid,
# status, resultaat, rollen, eigenschappen, deelzaken, zaakinformatieobjecten, zaakobjecten,
# betalingsindicatieWeergave; `einddatum` is readOnly and nullable: we write it for information)
ZAAK = {
    "type": "object",
    "required": ["bronorganisatie", "zaaktype", "verantwoordelijkeOrganisatie", "startdatum"],
    "properties": {
        "identificatie": tekst(40),
        "bronorganisatie": RSIN_VELD,
        "omschrijving": tekst(80),
        "toelichting": tekst(1000),
        "zaaktype": uri(1000),
        "registratiedatum": DATUM,  # not nullable
        "verantwoordelijkeOrganisatie": RSIN_VELD,
        "startdatum": DATUM,
        "einddatum": DATUM_OF_NULL,
        "uiterlijkeEinddatumAfdoening": DATUM_OF_NULL,
        "vertrouwelijkheidaanduiding": {"enum": VERTROUWELIJKHEID},
        # oneOf ArchiefnominatieEnum, BlankEnum, NullEnum
        "archiefnominatie": {"enum": ["blijvend_bewaren", "vernietigen", "", None]},
        # ArchiefstatusEnum (not nullable)
        "archiefstatus": {
            "enum": ["nog_te_archiveren", "gearchiveerd", "gearchiveerd_procestermijn_onbekend", "overgedragen"]
        },
        "archiefactiedatum": DATUM_OF_NULL,
        "opschorting": {  # Opschorting, nullable
            "type": ["object", "null"],
            "required": ["indicatie", "reden"],
            "properties": {"indicatie": {"type": "boolean"}, "reden": tekst(200)},
            "additionalProperties": False,
        },
        "verlenging": {  # Verlenging, nullable
            "type": ["object", "null"],
            "required": ["reden", "duur"],
            "properties": {
                "reden": tekst(200),
                "duur": {"type": "string", "format": "duration", "pattern": r"^P\d+[DW]$"},  # pattern: ours
            },
            "additionalProperties": False,
        },
        "kenmerken": {
            "type": "array",
            "items": {  # ZaakKenmerk
                "type": "object",
                "required": ["kenmerk", "bron"],
                "properties": {"kenmerk": tekst(40), "bron": tekst(40)},
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}

# Besluiten API 1.0.0, components.schemas.Besluit (`toelichting` has no maxLength there)
BESLUIT = {
    "type": "object",
    "required": ["verantwoordelijkeOrganisatie", "besluittype", "datum", "ingangsdatum"],
    "properties": {
        "identificatie": tekst(50),
        "verantwoordelijkeOrganisatie": RSIN_VELD,
        "besluittype": uri(200, 1),
        "zaak": uri(200),
        "datum": DATUM,
        "toelichting": tekst(),
        "ingangsdatum": DATUM,
        "vervaldatum": DATUM_OF_NULL,
        "vervalreden": {"enum": ["tijdelijk", "ingetrokken_overheid", "ingetrokken_belanghebbende"]},
        "verzenddatum": DATUM_OF_NULL,
        "uiterlijkeReactiedatum": DATUM_OF_NULL,
    },
    "additionalProperties": False,
}

# Documenten API 1.3.0, components.schemas.EnkelvoudigInformatieObject (the minLength 1 of titel, auteur and
# informatieobjecttype is from EnkelvoudigInformatieObjectCreateLockRequest, what a create sends)
EIO = {
    "type": "object",
    "required": ["bronorganisatie", "creatiedatum", "titel", "auteur", "taal", "informatieobjecttype"],
    "properties": {
        "identificatie": tekst(40),
        "bronorganisatie": RSIN_VELD,
        "creatiedatum": DATUM,
        "titel": tekst(200, 1),
        "vertrouwelijkheidaanduiding": {"enum": [*VERTROUWELIJKHEID, ""]},  # oneOf the enum, BlankEnum
        "auteur": tekst(200, 1),
        "status": {"enum": ["in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd", ""]},  # + BlankEnum
        "formaat": tekst(255),
        "taal": {**tekst(3, 3), "description": "ISO 639-2/B, example `dut`"},
        "bestandsnaam": tekst(255),
        "bestandsomvang": {"type": ["integer", "null"], "minimum": 0, "maximum": 9223372036854775807},
        # response: uri (download URL), create: base64; we write the PDF's file name in the export folder
        # (a deviation documented in the export's README.md)
        "inhoud": {"type": ["string", "null"]},
        "beschrijving": tekst(1000),
        "verzenddatum": DATUM_OF_NULL,
        "indicatieGebruiksrecht": {"type": ["boolean", "null"]},
        "informatieobjecttype": uri(200, 1),
        "ondertekening": {  # Ondertekening, nullable; SoortEnum has no blank value
            "type": ["object", "null"],
            "required": ["soort", "datum"],
            "properties": {"soort": {"enum": ["analoog", "digitaal", "pki"]}, "datum": DATUM},
            "additionalProperties": False,
        },
        "integriteit": {  # Integriteit, nullable; AlgoritmeEnum has no blank value
            "type": ["object", "null"],
            "required": ["algoritme", "waarde", "datum"],
            "properties": {
                "algoritme": {
                    "enum": [
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
                "waarde": tekst(128, 1),
                "datum": DATUM,
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}

# Zaken API 1.3.0-rc3, components.schemas.AuditTrail and Wijzigingen (the Documenten API 1.3.0 has the same; the
# minLength 1 values are from the Besluiten API 1.0.0 AuditTrail)
AUDITTRAIL = {
    "type": "object",
    "required": [
        "aanmaakdatum",
        "actie",
        "bron",
        "hoofdObject",
        "resource",
        "resourceUrl",
        "resourceWeergave",
        "resultaat",
        "wijzigingen",
    ],
    "properties": {
        "uuid": {"type": "string", "format": "uuid"},
        "bron": {"enum": ["ac", "nrc", "zrc", "ztc", "drc", "brc", "cmc", "kc", "vrc"]},  # BronEnum
        "applicatieId": tekst(100),
        "applicatieWeergave": tekst(200),
        "gebruikersId": tekst(255),
        "gebruikersWeergave": tekst(255),
        "actie": tekst(50, 1),
        "actieWeergave": tekst(200),
        "resultaat": {"type": "integer", "minimum": 100, "maximum": 599},
        "hoofdObject": uri(1000, 1),
        "resource": tekst(50, 1),
        "resourceUrl": uri(1000, 1),
        "toelichting": tekst(),
        "resourceWeergave": tekst(200, 1),
        # format date-time; the pattern (ours) asks for an RFC 3339 offset as well
        "aanmaakdatum": {
            "type": "string",
            "format": "date-time",
            "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$",
        },
        "wijzigingen": {
            "type": "object",
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
        assert eio["integriteit"]["algoritme"] == "sha_256" and eio["integriteit"]["datum"] == eio["creatiedatum"]
        assert eio["taal"] == "dut"  # ISO 639-2/B, as the Documenten API asks (not the 639-2/T "nld")
        assert eio["bestandsomvang"] == len(pdf) and eio["inhoud"] == pad.with_suffix(".pdf").name
        assert eio["ondertekening"] is None  # not registered; an empty soort is not in SoortEnum
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
    for bron in ("zaken-api", "brc/1.0.x", "documenten-api", "1.3.0"):
        assert bron in leesmij
    assert leesmij.rstrip().endswith("Geen: alle waarden passen in de ZGW-velden.")


GOEDE_ZAAK = {
    "bronorganisatie": RSIN,
    "zaaktype": ZAAKTYPE,
    "verantwoordelijkeOrganisatie": RSIN,
    "startdatum": "2026-01-05",
}
GOED_BESLUIT = {
    "verantwoordelijkeOrganisatie": RSIN,
    "besluittype": BESLUITTYPE,
    "datum": "2026-02-02",
    "ingangsdatum": "2026-02-02",
}
GOED_EIO = {
    "bronorganisatie": RSIN,
    "creatiedatum": "2026-01-01",
    "titel": "x",
    "auteur": "y",
    "taal": "dut",
    "informatieobjecttype": IOTYPE,
}
GOEDE_REGEL = {
    "aanmaakdatum": "2026-01-05T10:00:00.000001+00:00",
    "actie": "create",
    "bron": "zrc",
    "hoofdObject": "urn:smi-tui:zaak:SMI-2026-0001",
    "resource": "zaak",
    "resourceUrl": "urn:smi-tui:zaak:SMI-2026-0001",
    "resourceWeergave": "SMI-2026-0001",
    "resultaat": 201,
    "wijzigingen": {"oud": {}, "nieuw": {}},
}


@pytest.mark.parametrize(
    ("goed", "schema", "fout"),
    [
        (GOEDE_ZAAK, ZAAK, {"bronorganisatie": "12345678"}),
        (GOEDE_ZAAK, ZAAK, {"omschrijving": "o" * 81}),
        (GOEDE_ZAAK, ZAAK, {"toelichting": "t" * 1001}),
        (GOEDE_ZAAK, ZAAK, {"zaaktype": "https://x.nl/" + "z" * 988}),  # 1001
        (GOEDE_ZAAK, ZAAK, {"startdatum": None}),
        (GOEDE_ZAAK, ZAAK, {"registratiedatum": None}),  # not nullable
        (GOEDE_ZAAK, ZAAK, {"vertrouwelijkheidaanduiding": "medisch"}),
        (GOEDE_ZAAK, ZAAK, {"archiefnominatie": "bewaren"}),
        (GOEDE_ZAAK, ZAAK, {"archiefstatus": None}),
        (GOEDE_ZAAK, ZAAK, {"opschorting": {"indicatie": True, "reden": "r" * 201}}),
        (GOEDE_ZAAK, ZAAK, {"verlenging": {"reden": "r" * 201, "duur": "P28D"}}),
        (GOEDE_ZAAK, ZAAK, {"kenmerken": [{"kenmerk": "k" * 41, "bron": "smi-tui"}]}),
        (GOED_BESLUIT, BESLUIT, {"identificatie": "b" * 51}),
        (GOED_BESLUIT, BESLUIT, {"besluittype": "https://x.nl/" + "b" * 188}),  # 201
        (GOED_BESLUIT, BESLUIT, {"zaak": "urn:" + "z" * 197}),  # 201
        (GOED_BESLUIT, BESLUIT, {"datum": "2026-02-02T10:00:00"}),  # a date, not a date-time (pre-1.0 drafts)
        (GOED_BESLUIT, BESLUIT, {"vervalreden": "ingetrokken"}),
        (GOED_BESLUIT, BESLUIT, {"ingangsdatum": None}),
        (GOED_EIO, EIO, {"taal": "nl"}),
        (GOED_EIO, EIO, {"titel": ""}),
        (GOED_EIO, EIO, {"titel": "t" * 201}),
        (GOED_EIO, EIO, {"auteur": "a" * 201}),
        (GOED_EIO, EIO, {"bestandsnaam": "b" * 252 + ".pdf"}),
        (GOED_EIO, EIO, {"beschrijving": "b" * 1001}),
        (GOED_EIO, EIO, {"informatieobjecttype": "https://x.nl/" + "i" * 188}),  # 201
        (GOED_EIO, EIO, {"status": "verzonden"}),
        (GOED_EIO, EIO, {"ondertekening": {"soort": "", "datum": None}}),  # what the export wrote before
        (GOED_EIO, EIO, {"integriteit": {"algoritme": "", "waarde": "", "datum": None}}),
        (GOED_EIO, EIO, {"integriteit": {"algoritme": "sha_256", "waarde": "a" * 129, "datum": "2026-01-01"}}),
        (GOEDE_REGEL, AUDITTRAIL, {"aanmaakdatum": None}),
        (GOEDE_REGEL, AUDITTRAIL, {"bron": "smi"}),
        (GOEDE_REGEL, AUDITTRAIL, {"actieWeergave": "a" * 201}),
        (GOEDE_REGEL, AUDITTRAIL, {"gebruikersWeergave": "g" * 256}),
        (GOEDE_REGEL, AUDITTRAIL, {"resultaat": 600}),
    ],
)
def test_schema_vangt_fouten(goed, schema, fout):
    """The schemas are not vacuous: a minimal valid object passes, the same object with one wrong value fails."""
    valideer(goed, schema)
    with pytest.raises(AssertionError):
        valideer({**goed, **fout}, schema)


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
        zonder_mac = [{k: v for k, v in e.items() if k != "mac"} for e in trail]  # the other store's key
        assert terug[: len(trail)] == zonder_mac and terug[-1]["actie"] == "geïmporteerd"
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


LANG = (
    "Wacht op het verslag van de huisarts over de gezondheid van de moeder. " * 8
)  # 568 characters (the opschorting allows 2000)
CONSULENT = "C. " + "Consulent-" * 26  # 263 characters
NAAM = "beschikking " + "x" * 240 + ".pdf"  # 256 characters


@pytest.fixture
def lang(opslag, tmp_path, monkeypatch):
    """A case whose free text is longer than the ZGW fields allow (all of it valid in smi-tui)."""
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "config.toml"))
    z = zaak(
        stap="aanvraag",
        aanvraag={"ontvangen_op": "2026-01-10"},
        opschortingen=[{"verzocht_op": "2026-01-12", "termijn_tot": "2026-01-26", "toelichting": LANG}],
    )
    zn = opslag.nieuwe_zaak(z, CONSULENT)
    opslag.voeg_document_toe(zn, NAAM, "beschikking", PDF, consulent=CONSULENT)
    opslag.sluit()
    return zn


def test_te_lange_tekst_wordt_ingekort_en_genoemd(lang, tmp_path, cli):
    """Free text over a ZGW maxLength is cut (ending in "…"), listed in README.md and kept whole in the extension."""
    uit = tmp_path / "zgw"
    code, out, err = cli("export-zgw", lang, "-o", uit)
    assert code == 0, err
    assert "Let op, " in out and "`zaak.json opschorting.reden` is ingekort" in out  # said, not only in README.md
    z = json.loads((uit / "zaak.json").read_text(encoding="utf-8"))
    valideer(z, ZAAK)
    reden = z["opschorting"]["reden"]
    assert z["opschorting"]["indicatie"] and len(reden) <= 200 and reden.endswith("…")
    assert LANG.startswith(reden[:-1])
    (pad,) = (uit / "informatieobjecten").glob("*.json")
    eio = json.loads(pad.read_text(encoding="utf-8"))
    valideer(eio, EIO)
    assert len(eio["titel"]) <= 200 and eio["titel"].endswith("…") and NAAM.startswith(eio["titel"][:-1])
    assert len(eio["auteur"]) <= 200 and eio["auteur"].endswith("…")
    # a safe file name is at most 100 characters (never over the 255 of the spec) and keeps its extension
    assert eio["bestandsnaam"].endswith(".pdf") and len(eio["bestandsnaam"]) == 100
    trail = json.loads((uit / "audittrail.json").read_text(encoding="utf-8"))
    for t in trail:
        valideer(t, AUDITTRAIL)
    assert all(len(t["gebruikersWeergave"]) == 255 and t["gebruikersWeergave"].endswith("…") for t in trail)
    leesmij = (uit / "README.md").read_text(encoding="utf-8")
    opmerkingen = leesmij.split("## Opmerkingen bij deze export", 1)[1]
    for veld in (
        f"`zaak.json opschorting.reden` is ingekort van {len(LANG)} tot 200 tekens",
        f"`informatieobjecten/{pad.stem}.json titel` is ingekort van {len(NAAM)} tot 200 tekens",
        f"`informatieobjecten/{pad.stem}.json auteur` is ingekort van {len(CONSULENT)} tot 200 tekens",
        f"`audittrail.json regel 1 gebruikersWeergave` is ingekort van {len(CONSULENT)} tot 255 tekens",
    ):
        assert veld in opmerkingen
    ext = json.loads((uit / "smi-tui-zaak.json").read_text(encoding="utf-8"))
    assert ext["zaak"]["opschortingen"][0]["toelichting"] == LANG and ext["documenten"][0]["naam"] == NAAM


@pytest.mark.parametrize(
    ("sleutel", "waarde", "maximum"),
    [
        ("zgw_zaaktype", ZAAKTYPE, 1000),
        ("zgw_besluittype", BESLUITTYPE, 200),
        ("zgw_informatieobjecttype", IOTYPE, 200),
    ],
)
def test_catalogus_url_te_lang(besloten, tmp_path, cli, sleutel, waarde, maximum):
    """A catalogue URL identifies the type: never cut, refused above the spec's maxLength, accepted at it."""
    precies = waarde + "/" + "a" * (maximum - len(waarde) - 1)
    (tmp_path / "config.toml").write_text(CONFIG.replace(waarde, precies), encoding="utf-8")
    code, _, err = cli("export-zgw", besloten, "-o", tmp_path / "goed")
    assert code == 0, err
    (tmp_path / "config.toml").write_text(CONFIG.replace(waarde, precies + "a"), encoding="utf-8")
    code, _, err = cli("export-zgw", besloten, "-o", tmp_path / "fout")
    assert code == 2 and "Traceback" not in err
    assert f"'{sleutel}'" in err and f"{maximum + 1} tekens" in err and f"hoogstens {maximum} tekens" in err
    assert not (tmp_path / "fout").exists()


def test_opmerkingen_zonder_meldingsdatum_en_besluit_in_de_toekomst(opslag, tmp_path, monkeypatch, cli):
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "config.toml"))
    z = zaak(stap="afgerond", besluit={"datum": "2099-01-02", "beslissing": "afwijzen", "motivering": "m" * 3000})
    del z["melding"]["datum"]
    zn = opslag.nieuwe_zaak(z, "C. Consulent")
    opslag.sluit()
    uit = tmp_path / "zgw"
    code, _, err = cli("export-zgw", zn, "-o", uit)
    assert code == 0, err
    z = json.loads((uit / "zaak.json").read_text(encoding="utf-8"))
    valideer(z, ZAAK)
    assert z["startdatum"] == z["registratiedatum"]  # the required startdatum falls back to the registration
    (b,) = json.loads((uit / "besluiten.json").read_text(encoding="utf-8"))
    valideer(b, BESLUIT)
    assert b["toelichting"] == "afwijzen: " + "m" * 3000  # no maxLength in the Besluiten API 1.0.0: not cut
    leesmij = (uit / "README.md").read_text(encoding="utf-8")
    assert "`startdatum` is de registratiedatum" in leesmij
    assert f"Besluit {zn}-B1 heeft besluitdatum 2099-01-02" in leesmij
