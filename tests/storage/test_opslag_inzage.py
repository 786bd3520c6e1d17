"""`smi-tui inzage BSN -o MAP`: everything stored about one person, logged without the BSN itself."""

from __future__ import annotations

import hashlib
import json

import pytest
from opslag_hulp import WW, ander_persoon, hashes, zaak

from storage import Opslag
from storage.audit import controleer_keten
from storage.inzage import veilige_naam

PDF = b"%PDF-1.4 beschikking Anna"


@pytest.fixture
def gevuld(opslag):
    """Anna (111222333) is parent in case A and child in case B; case C is another family."""
    a = opslag.nieuwe_zaak(zaak(), "C. Consulent")
    z = opslag.laad(a)
    z["stap"] = "verslag"
    opslag.bewaar(a, z, "D. Consulent")
    opslag.voeg_document_toe(a, "../../beschikking Anna.pdf", "beschikking", PDF, consulent="c")
    b_zaak = ander_persoon()
    b_zaak["melding"]["kinderen"][0]["bsn"] = "111222333"
    b = opslag.nieuwe_zaak(b_zaak, "c")
    c = opslag.nieuwe_zaak(ander_persoon(), "c")
    opslag.bewaar_los_concept({"bsn": "111222333", "naam": "Anna de Boer-Visser"})
    opslag.sluit()
    return a, b, c


def test_inzage_alles_over_een_persoon(gevuld, map_, tmp_path, cli):
    a, b, c = gevuld
    uit = tmp_path / "inzage"
    code, out, err = cli("inzage", "1112 22 333", "-o", uit)
    assert code == 0, err
    assert "2 zaak/zaken, 1 document(en)" in out and "onversleuteld" in out
    data = json.loads((uit / "inzage.json").read_text(encoding="utf-8"))
    assert data["bsn"] == "111222333"
    assert [z["zaaknummer"] for z in data["zaken"]] == [a, b]
    za, zb = data["zaken"]
    assert za["rol"] == ["ouder"] and zb["rol"] == ["kind"]
    with Opslag.open(map_, WW) as o:
        assert za["zaak"] == o.laad(a) and zb["zaak"] == o.laad(b)
        assert za["auditketen"] == o.audit(a) and controleer_keten(za["auditketen"]) == []
    assert {r["veld"] for r in za["audit"] if r["actie"] == "gewijzigd"} == {"stap"}
    (doc,) = za["documenten"]
    assert doc["sha256"] == hashlib.sha256(PDF).hexdigest() and doc["naam"] == "../../beschikking Anna.pdf"
    pad = uit / doc["bestand"]
    assert pad.read_bytes() == PDF and pad.resolve().is_relative_to(uit.resolve())
    assert data["concept_nieuwe_melding"] == {"bsn": "111222333", "naam": "Anna de Boer-Visser"}
    assert c not in json.dumps(data)
    pdf = (uit / "inzage.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    tekst = "".join(p.extract_text() for p in PdfReader(uit / "inzage.pdf").pages)
    assert a in tekst and b in tekst


def test_inzage_wordt_gelogd_zonder_bsn(gevuld, map_, tmp_path, cli):
    assert cli("inzage", "111222333", "-o", tmp_path / "een")[0] == 0
    assert cli("inzage", "111222333", "-o", tmp_path / "twee")[0] == 0
    with Opslag.open(map_, WW) as o:
        log = [e for e in o.logboek() if e["actie"] == "inzage"]
        assert len(log) == 2 and controleer_keten(o.logboek()) == []
        assert log[0]["bsn_kenmerk"] == log[1]["bsn_kenmerk"] == o.bsn_kenmerk("111222333")
        assert log[0]["bsn_kenmerk"] != hashlib.sha256(b"111222333").hexdigest()  # keyed, not a plain hash
        assert log[0]["aantal_zaken"] == 2 and log[0]["gebruiker"] and log[0]["tijd"]
        assert "111222333" not in json.dumps(o.logboek())
    tweede = json.loads((tmp_path / "twee" / "inzage.json").read_text(encoding="utf-8"))
    assert len(tweede["eerdere_inzageverzoeken"]) == 1  # the first request is itself data about the person
    from opslag_hulp import ontsleuteld

    assert b"111222333" not in ontsleuteld(map_)["meta.smi"]


def test_onbekend_bsn_geeft_lege_inzage(gevuld, tmp_path, cli):
    code, out, _ = cli("inzage", "123456745", "-o", tmp_path / "leeg")
    assert code == 0 and "0 zaak/zaken" in out
    assert json.loads((tmp_path / "leeg" / "inzage.json").read_text(encoding="utf-8"))["zaken"] == []


@pytest.mark.parametrize("bsn", ["111222334", "12345", "abcdefghi", ""])
def test_ongeldig_bsn(gevuld, map_, tmp_path, cli, bsn):
    voor = hashes(map_)
    code, _, err = cli("inzage", bsn, "-o", tmp_path / "x")
    assert code == 2 and "geen geldig BSN" in err and "11-proef" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists() and hashes(map_) == voor


def test_map_niet_leeg(gevuld, map_, tmp_path, cli):
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "iets.txt").write_text("x")
    voor = hashes(map_)
    code, _, err = cli("inzage", "111222333", "-o", tmp_path / "vol")
    assert code == 2 and "niet leeg" in err and hashes(map_) == voor


def test_zonder_pdf_module(gevuld, tmp_path, cli, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "letters.inzage", None)  # as if the letter did not exist yet
    code, _, err = cli("inzage", "111222333", "-o", tmp_path / "u")
    assert code == 0 and "PDF volgt" in err
    assert (tmp_path / "u" / "inzage.json").exists() and not (tmp_path / "u" / "inzage.pdf").exists()


def test_veilige_naam():
    assert veilige_naam("../../etc/passwd") == "passwd"
    assert veilige_naam("a\\b\\c:d*.pdf") == "c_d_.pdf"
    assert veilige_naam("..") == "document"
    lang = veilige_naam("b" * 150 + ".pdf")  # cut in the stem: the extension stays
    assert len(lang) == 100 and lang.endswith(".pdf") and lang.startswith("bbb")
    assert veilige_naam("c" * 150) == "c" * 100


def test_inzage_wordt_pas_gelogd_als_de_bestanden_compleet_zijn(gevuld, map_, tmp_path, monkeypatch):
    """Logged only once the files are complete; when the log cannot be written, or a file cannot, the files are
    removed again (no personal data leaves the store without a log entry); the document folders are 0700."""
    from storage import inzage

    uit = tmp_path / "inzage-mislukt"
    with Opslag.open(map_, WW) as o:
        voor = len([e for e in o.logboek() if e["actie"] == "inzage"])

        def kapot(*_a, **_k):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(type(o), "schrijf_logboek", kapot)
        with pytest.raises(OSError):
            inzage.schrijf_inzage(o, "111222333", uit, consulent="c", maak_pdf=None)
        monkeypatch.undo()
        assert not any(uit.rglob("*"))  # nothing handed out without its log entry
        assert len([e for e in o.logboek() if e["actie"] == "inzage"]) == voor

        goed = tmp_path / "inzage-goed"
        inzage.schrijf_inzage(o, "111222333", goed, consulent="c", maak_pdf=None)
        assert len([e for e in o.logboek() if e["actie"] == "inzage"]) == voor + 1
        mappen = [p for p in goed.rglob("*") if p.is_dir()]
        assert mappen and all(p.stat().st_mode & 0o777 == 0o700 for p in mappen)


def test_inzage_noemt_kenmerk_bewaartermijn_en_zaaksysteem(gevuld, map_, tmp_path, monkeypatch):
    """What artikel 15 lid 1 asks besides the data: the request's reference (in the log too; never the BSN), the
    retention period from config.toml, and per case whether it went to the zaaksysteem (a recipient)."""
    from datetime import date

    from storage import inzage
    from storage.zaaksysteem.register import Register

    a, _, _ = gevuld
    cfg = tmp_path / "config.toml"
    cfg.write_text('bewaartermijn_jaren = 20\nzaaksysteem_url = "https://zaken.example.nl"\n', encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(cfg))
    with Opslag.open(map_, WW) as o:
        rec = Register(o).lees(a)
        rec["objecten"] = {"zaak": {"url": "https://zaken.example.nl/zaken/api/v1/zaken/1"}}
        Register(o).schrijf(rec)
        data, _ = inzage.schrijf_inzage(o, "111222333", tmp_path / "uit", consulent="C. Consulent", maak_pdf=None)
        kenmerk = o.bsn_kenmerk("111222333")
        log = [e for e in o.logboek() if e["actie"] == "inzage"][-1]
    assert data["kenmerk"] == f"INZ-{date.today():%Y%m%d}-{kenmerk[:8].upper()}" == log["kenmerk"]
    assert "111222333" not in data["kenmerk"]
    assert data["bewaartermijn"]["jaren"] == 20 and "Selectielijst" in data["bewaartermijn"]["grondslag"]
    za, zb = data["zaken"]
    assert za["zaaksysteem"] == {"ingesteld": True, "gedeeld": True}
    assert zb["zaaksysteem"] == {"ingesteld": True, "gedeeld": False}
    assert za["gesloten_op"] is None and za["vernietigen_na"] is None  # open cases: the term has not started
