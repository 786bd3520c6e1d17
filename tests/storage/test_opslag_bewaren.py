"""Retention: destruction dates, `smi-tui opschonen` destroying exactly what is due, and nothing personal left."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from opslag_hulp import GEHEIMEN, WW, ander_persoon, hashes, ontsleuteld, zaak

from storage import Opslag
from storage.audit import controleer_keten

PDF = b"%PDF-1.4 beschikking voor Anna de Boer-Visser, Kastanjelaan 17, BSN 111222333"


@pytest.fixture
def winkel(opslag, tmp_path, monkeypatch):
    """Three cases: A (Anna, closed in 2015: due), B (another family, closed last year: not due), C (open)."""
    (tmp_path / "config.toml").write_text("bewaartermijn_jaren = 7\nconsulent = 'F. Beheerder'\n", encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "config.toml"))
    a = opslag.nieuwe_zaak(zaak(gesloten_op="2015-01-10", concepten={"verslag": {"doelen": "Anna wil werken"}}), "c")
    opslag.voeg_document_toe(a, "beschikking Anna.pdf", "beschikking", PDF, consulent="c")
    opslag.voeg_document_toe(a, "verslag.pdf", "verslag", b"%PDF verslag Sem de Boer", consulent="c")
    b = opslag.nieuwe_zaak(ander_persoon(gesloten_op=date(date.today().year - 1, 6, 1).isoformat()), "c")
    opslag.voeg_document_toe(b, "beschikking.pdf", "beschikking", b"%PDF Bram Jansen", consulent="c")
    c = opslag.nieuwe_zaak(ander_persoon(), "c")
    opslag.sluit()
    return a, b, c


def _van(map_, zn):
    return {k: v for k, v in hashes(map_).items() if zn in k}


def test_opschonen_vernietigt_alleen_wat_aan_de_beurt_is(winkel, map_, cli):
    a, b, c = winkel
    voor_b, voor_c = _van(map_, b), _van(map_, c)
    assert voor_b and voor_c
    code, out, err = cli("opschonen", "--ja")
    assert code == 0, err
    assert f"{a:<15} 2015-01-10  2022-01-10" in out
    assert b not in out and c not in out
    assert "Anna" not in out and "111222333" not in out
    assert "backups" in out.lower()
    # A is gone completely; B and C untouched byte for byte
    assert not (map_ / "dossiers" / f"{a}.smi").exists() and not (map_ / "documenten" / a).exists()
    assert _van(map_, b) == voor_b and _van(map_, c) == voor_c
    # no file of the store, decrypted, contains anything of Anna's family
    for rel, inhoud in ontsleuteld(map_).items():
        for geheim in GEHEIMEN:
            assert geheim not in inhoud, (rel, geheim)
    with Opslag.open(map_, WW) as o:
        assert [r.zaaknummer for r in o.lijst()] == [b, c]
        assert o.zaken_met_bsn("111222333") == []
        (entry,) = [e for e in o.logboek() if e["actie"] == "vernietigd"]
        assert set(entry) == {
            "nr",
            "tijd",
            "gebruiker",
            "actie",
            "zaaknummer",
            "sluitdatum",
            "vernietigingsdatum",
            "consulent",
            "aantal_documenten",
            "regeling",
            "bewaartermijn_jaren",
            "vorige",
            "hash",
            "mac",
        }
        assert entry["zaaknummer"] == a and entry["aantal_documenten"] == 2 and entry["consulent"] == "F. Beheerder"
        assert entry["sluitdatum"] == "2015-01-10" and entry["vernietigingsdatum"] == "2022-01-10"
        assert entry["regeling"].startswith("eemnes") and entry["bewaartermijn_jaren"] == 7
        assert controleer_keten(o.logboek()) == []
        assert o.controleer().in_orde
        assert o.nieuwe_zaak(zaak(), "c") not in (a, b, c)  # the number is never handed out again
    # a second run finds nothing
    code, out, _ = cli("opschonen", "--ja")
    assert code == 0 and "geen dossiers" in out


def test_bevestiging_nodig(winkel, map_, cli):
    a, _, _ = winkel
    voor = hashes(map_)
    code, out, _ = cli("opschonen", invoer="nee\n")
    assert code == 1 and "niets vernietigd" in out and hashes(map_) == voor
    code, out, _ = cli("opschonen", invoer="")  # no input at all (EOF)
    assert code == 1 and hashes(map_) == voor
    code, out, _ = cli("opschonen", invoer="ja\n")
    assert code == 0 and "1 dossier(s) vernietigd" in out
    assert not (map_ / "dossiers" / f"{a}.smi").exists()


def test_peildatum(winkel, map_, cli):
    a, _, _ = winkel
    voor = hashes(map_)
    code, out, _ = cli("opschonen", "--peildatum", "2022-01-09", "--ja")  # one day before A is due
    assert code == 0 and "geen dossiers" in out and hashes(map_) == voor
    code, _, err = cli("opschonen", "--peildatum", date(date.today().year + 1, 1, 1).isoformat(), "--ja")
    assert code == 2 and "peildatum" in err and "Traceback" not in err and hashes(map_) == voor
    code, _, err = cli("opschonen", "--peildatum", "gisteren", "--ja")
    assert code == 2 and hashes(map_) == voor
    code, out, _ = cli("opschonen", "--peildatum", "2022-01-10", "--ja")
    assert code == 0 and a in out


def test_zonder_bewaartermijn_een_duidelijke_melding(winkel, map_, tmp_path, cli):
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    voor = hashes(map_)
    code, _out, err = cli("opschonen", "--ja")
    assert code == 2 and "bewaartermijn_jaren" in err and "Selectielijst" in err
    assert "Traceback" not in err and hashes(map_) == voor
    (tmp_path / "config.toml").write_text("bewaartermijn_jaren = 0\n", encoding="utf-8")
    code, _, err = cli("opschonen", "--ja")
    assert code == 2 and "heel aantal jaren" in err and hashes(map_) == voor


def test_onderbroken_vernietiging_wordt_afgemaakt(winkel, map_, cli, monkeypatch):
    a, _b, _ = winkel
    import storage.bewaren as bewaren

    echte = bewaren.shutil.rmtree

    def kapot(pad, *args, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(bewaren.shutil, "rmtree", kapot)
    code, _, err = cli("opschonen", "--ja")
    assert code == 2 and "opnieuw" in err and "Traceback" not in err
    assert (map_ / "documenten" / a).exists()  # the documents are still there, the log names the case
    monkeypatch.setattr(bewaren.shutil, "rmtree", echte)
    code, out, _ = cli("opschonen", "--ja")
    assert code == 0 and f"Restanten van de eerder vernietigde zaak {a}" in out
    assert not (map_ / "documenten" / a).exists()
    for rel, inhoud in ontsleuteld(map_).items():
        assert b"111222333" not in inhoud and b"Kastanjelaan" not in inhoud, rel
    with Opslag.open(map_, WW) as o:
        assert [e["zaaknummer"] for e in o.logboek() if e["actie"] == "vernietigd"] == [a]
        assert o.controleer().in_orde


def test_verwijderde_regel_in_index_zonder_dossier_niet_vernietigd(winkel, map_, cli):
    """A stale index row that claims a closing date does not destroy a case the dossier says is open."""
    _, _, c = winkel
    with Opslag.open(map_, WW) as o:
        rij = next(r for r in o._rijen() if r["zaaknummer"] == c)
        o._zet_index([{**rij, "sluitdatum": "2010-01-01", "vernietigingsdatum": "2017-01-01"}])
    voor = hashlib.sha256((map_ / "dossiers" / f"{c}.smi").read_bytes()).hexdigest()
    code, out, _ = cli("opschonen", "--ja")
    assert code == 0 and c not in out
    assert hashlib.sha256((map_ / "dossiers" / f"{c}.smi").read_bytes()).hexdigest() == voor
