"""Index rows: BSNs, every dated deadline, retention dates; finding cases by BSN; the assessment context."""

from __future__ import annotations

from datetime import date

import pytest
from opslag_hulp import zaak

from storage import OpslagFout
from storage.opslag import IndexRij
from storage.samenvatting import normaliseer_bsn, samenvatting

KIND_BSN = "123456708"


@pytest.fixture
def cfg(tmp_path, monkeypatch):
    """A config.toml of our own (SMI_TUI_CONFIG); returns a function that writes its text."""
    pad = tmp_path / "config.toml"
    monkeypatch.setenv("SMI_TUI_CONFIG", str(pad))

    def schrijf(tekst: str) -> None:
        pad.write_text(tekst, encoding="utf-8")

    schrijf("")
    return schrijf


def met_bsns(ouder: str | None = "111222333", kind: str | None = None, **extra):
    z = zaak(**extra)
    z["melding"]["ouders"][0]["bsn"] = ouder
    if kind:
        z["melding"]["kinderen"][0]["bsn"] = kind
    return z


def test_normaliseer_bsn():
    assert normaliseer_bsn("1112.22.333") == "111222333"
    assert normaliseer_bsn("12345670") == "012345670"
    assert normaliseer_bsn("abc") is None and normaliseer_bsn(None) is None and normaliseer_bsn(True) is None


def test_rij_heeft_bsns_termijnen_en_bewaardata(opslag, cfg):
    cfg("bewaartermijn_jaren = 7\n")
    aanvraag = {"ontvangen_op": "2026-01-10", "compleet_op": "2026-01-12"}
    zn = opslag.nieuwe_zaak(met_bsns(kind=KIND_BSN, gesloten_op="2024-02-29", aanvraag=aanvraag), "c")
    rij = next(r for r in opslag._rijen() if r["zaaknummer"] == zn)
    assert rij["bsns"] == ["111222333", KIND_BSN]
    assert {"datum": "2026-03-09", "code": "beslistermijn", "gedaan": False}.items() <= rij["termijnen"][0].items()
    for t in rij["termijnen"]:
        assert set(t) == {"datum", "code", "wat", "gedaan"} and isinstance(t["gedaan"], bool)
        date.fromisoformat(t["datum"])
    assert [t["datum"] for t in rij["termijnen"]] == sorted(t["datum"] for t in rij["termijnen"])
    assert rij["sluitdatum"] == "2024-02-29"  # the consulent closed it (core: smi_tui.termijnen.sluitdatum)
    assert rij["vernietigingsdatum"] == "2031-02-28"  # 29 February + 7 years
    (ir,) = opslag.lijst()
    assert ir.bsns == ("111222333", KIND_BSN)
    assert "bsns" not in ir.als_dict()  # `smi-tui zaken --json` does not print BSNs
    assert ir.als_dict()["sluitdatum"] == rij["sluitdatum"]


def test_zonder_bewaartermijn_geen_vernietigingsdatum(opslag, cfg):
    zn = opslag.nieuwe_zaak(met_bsns(gesloten_op="2024-01-10"), "c")
    (ir,) = opslag.lijst()
    assert ir.zaaknummer == zn and ir.vernietigingsdatum is None


def test_oude_indexregel_zonder_nieuwe_velden_leesbaar():
    ir = IndexRij.van({"zaaknummer": "SMI-2026-0001", "ouders": ["A"], "kinderen": [], "gemeente": "x"})
    assert ir.termijnen == () and ir.sluitdatum is None and ir.vernietigingsdatum is None and ir.bsns == ()


def test_zaken_met_bsn(opslag):
    a = opslag.nieuwe_zaak(met_bsns(), "c")
    b = opslag.nieuwe_zaak(met_bsns(ouder="123456721", kind="111222333"), "c")  # same person, now as child
    c = opslag.nieuwe_zaak(met_bsns(ouder="123456733"), "c")
    assert opslag.zaken_met_bsn("111 222 333") == [a, b]
    assert opslag.zaken_met_bsn("123456733") == [c]
    assert opslag.zaken_met_bsn("123456745") == []
    with pytest.raises(OpslagFout, match="geen BSN"):
        opslag.zaken_met_bsn("12ab")
    z = opslag.laad(a)
    z["melding"]["ouders"][0]["bsn"] = "123456757"  # corrected BSN: the index follows the save
    opslag.bewaar(a, z, "c")
    assert opslag.zaken_met_bsn("111222333") == [b]
    assert opslag.zaken_met_bsn("123456757") == [a]


def test_context_voor(opslag):
    eigen = opslag.nieuwe_zaak(met_bsns(), "c")
    zelfde_ouder = opslag.nieuwe_zaak(met_bsns(regeling="heemstede"), "c")
    zelfde_regeling = opslag.nieuwe_zaak(met_bsns(ouder="123456721"), "c")
    anders = opslag.nieuwe_zaak(met_bsns(ouder="123456733", regeling="heemstede"), "c")
    z = opslag.laad(eigen)
    ctx = opslag.context_voor(z, eigen)
    assert [zn for zn, _ in ctx] == [zelfde_ouder, zelfde_regeling]
    assert ctx[0][1]["melding"]["ouders"][0]["bsn"] == "111222333" and ctx[0][1]["zaaknummer"] == zelfde_ouder
    assert anders not in dict(ctx)
    # a new case (no zaaknummer yet) sees all of them
    nieuw = met_bsns()
    assert [zn for zn, _ in opslag.context_voor(nieuw)] == [eigen, zelfde_ouder, zelfde_regeling]
    # returned dicts are copies
    ctx[0][1]["stap"] = "besluit"
    assert opslag.laad(zelfde_ouder)["stap"] == "gesprek"


def test_herstel_index_berekent_nieuwe_velden(opslag, cfg):
    cfg("bewaartermijn_jaren = 5\n")
    zn = opslag.nieuwe_zaak(met_bsns(kind=KIND_BSN, gesloten_op="2025-03-01"), "c")
    goed = samenvatting(opslag.laad(zn))
    oud = {k: v for k, v in goed.items() if k not in ("bsns", "termijnen", "sluitdatum", "vernietigingsdatum")}
    opslag._zet_index([oud])  # a row as written before these fields existed
    opslag.flush()
    assert opslag.zaken_met_bsn(KIND_BSN) == []
    rapport = opslag.controleer()
    assert not rapport.in_orde and "verouderd" in rapport.tekst()
    rapport = opslag.herstel_index()
    assert rapport.in_orde, rapport.tekst()
    assert opslag.zaken_met_bsn(KIND_BSN) == [zn]
    assert next(r for r in opslag._rijen() if r["zaaknummer"] == zn) == goed


def test_cli_herstel_index_na_wijziging_bewaartermijn(opslag, cfg):
    cfg("bewaartermijn_jaren = 5\n")
    opslag.nieuwe_zaak(met_bsns(gesloten_op="2025-03-01"), "c")
    assert opslag.lijst()[0].vernietigingsdatum == date(2030, 3, 1)
    cfg("bewaartermijn_jaren = 10\n")
    assert not opslag.controleer().in_orde  # the row no longer matches the configured period
    assert opslag.herstel_index().in_orde
    assert opslag.lijst()[0].vernietigingsdatum == date(2035, 3, 1)


def test_ongeldige_bewaartermijn_breekt_opslaan_niet(opslag, cfg):
    cfg('bewaartermijn_jaren = "zeven"\n')
    zn = opslag.nieuwe_zaak(met_bsns(gesloten_op="2025-03-01"), "c")
    assert opslag.lijst()[0].zaaknummer == zn and opslag.lijst()[0].vernietigingsdatum is None
