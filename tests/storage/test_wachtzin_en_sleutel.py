"""Passphrase hygiene: weak passphrases refused (Dutch), scrypt at OWASP's minimum and old key files upgraded, key-file
parameters bounded before any work, no passphrase in a print command's environment, no core dumps."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from opslag_hulp import ROOT, TEST_N, WW

from storage import Opslag
from storage.crypto import SCRYPT_N, Sleutelbestand
from storage.fouten import BeschadigdFout, WachtwoordFout
from storage.opslag import SLEUTEL_NAAM, lees_sleutelbestand


@pytest.mark.parametrize(
    "zwak", ["12345678", "welkom12345678", "aaaaaaaaaaaaaaaa", "qwertyuiopasdfgh", "wachtwoord123"]
)
def test_zwakke_wachtzin_geweigerd_met_nl_advies(tmp_path: Path, zwak: str) -> None:
    with pytest.raises(WachtwoordFout, match="niet sterk genoeg") as fout:
        Opslag.maak(tmp_path / "o", zwak, scrypt_n=TEST_N)
    assert "woorden" in fout.value.melding or "tekens" in fout.value.melding
    assert not (tmp_path / "o" / SLEUTEL_NAAM).exists()


def test_zwakke_wachtzin_bij_init_en_wachtwoord_via_cli(cli, opslag: Opslag, monkeypatch: pytest.MonkeyPatch) -> None:
    opslag.sluit()
    monkeypatch.setenv("SMI_TUI_NIEUW_WACHTWOORD", "12345678")
    code, _, err = cli("wachtwoord")
    assert code == 2 and "niet sterk genoeg" in err and "Traceback" not in err
    Opslag.open(opslag.map, WW).sluit()  # unchanged: the old passphrase still opens it


def test_tui_sterkte_advies_is_hetzelfde_beleid() -> None:
    from screens.ontgrendel import sterkte_advies

    assert sterkte_advies("12345678")[1] is False
    assert sterkte_advies("welkom12345678")[1] is False
    assert sterkte_advies("correct paard batterij nietje")[1] is True


def test_nieuw_sleutelbestand_buiten_de_tests_op_owasp_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTEST_VERSION")
    monkeypatch.setenv("SMI_TUI_SCRYPT_N", "1024")  # the override counts only in the test suite
    sb, _ = Sleutelbestand.nieuw(WW, scrypt_n=TEST_N)
    assert sb.doc["kdf"]["n"] == SCRYPT_N == 2**17 and sb.doc["kdf"]["r"] == 8 and sb.doc["kdf"]["p"] == 1


def test_oud_sleutelbestand_opent_en_wordt_bijgewerkt(map_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMI_TUI_SCRYPT_N", str(TEST_N))
    with Opslag.maak(map_, WW, scrypt_n=TEST_N) as o:
        zn = o.nieuwe_zaak({"regeling": "eemnes"}, "c")
    assert lees_sleutelbestand(map_).scrypt_n == TEST_N
    monkeypatch.setenv("SMI_TUI_SCRYPT_N", str(TEST_N * 4))  # "today's" minimum is higher than the file's
    with Opslag.open(map_, WW) as o:
        assert o.logboek()[-1]["actie"] == "sleutel bijgewerkt"
    assert lees_sleutelbestand(map_).scrypt_n == TEST_N * 4
    with Opslag.open(map_, WW) as o:  # the same passphrase, the same data
        assert o.laad(zn)["zaaknummer"] == zn
        assert [e["actie"] for e in o.logboek()].count("sleutel bijgewerkt") == 1


def test_wachtwoord_wijzigen_verhoogt_de_kosten(opslag: Opslag, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMI_TUI_SCRYPT_N", str(TEST_N * 2))
    opslag.wijzig_wachtwoord(WW, "een heel ander wachtwoord")
    assert lees_sleutelbestand(opslag.map).scrypt_n == TEST_N * 2


@pytest.mark.parametrize(
    ("n", "r", "p"),
    [
        (2**22, 8, 1),
        (2**20, 32, 1),
        (2**17, 1000, 1),
        (2**17, 8, 100),
        (2**17 + 1, 8, 1),
        (16, 8, 1),
        (True, 8, 1),
    ],
)
def test_absurde_sleutelparameters_geweigerd_voor_enig_werk(map_: Path, n: int, r: int, p: int) -> None:
    with Opslag.maak(map_, WW, scrypt_n=TEST_N):
        pass
    doc = json.loads((map_ / SLEUTEL_NAAM).read_text())
    doc["kdf"].update(n=n, r=r, p=p)
    (map_ / SLEUTEL_NAAM).write_text(json.dumps(doc))
    with pytest.raises(BeschadigdFout, match="sleutelbestand") as fout:
        Opslag.open(map_, WW)
    assert len(fout.value.melding) < 400


VIJANDIG = [
    "[" * 100_000 + "]" * 100_000,  # deep nesting
    '{"formaat": "smi-tui-sleutel", "versie": 1e999}',  # infinity
    '{"formaat": "\\ud800"}',  # a lone surrogate
    "\x00" * 10,
    '{"formaat": "smi-tui-sleutel", "versie": 1, "kdf": {"n": 1' + "0" * 5000 + "}}",  # 5,001 digits
]


@pytest.mark.parametrize("inhoud", VIJANDIG)
def test_vijandig_sleutelbestand_geeft_nl_melding(map_: Path, inhoud: str) -> None:
    map_.mkdir()
    (map_ / SLEUTEL_NAAM).write_text(inhoud, encoding="utf-8")
    with pytest.raises(BeschadigdFout, match="sleutelbestand"):
        Opslag.open(map_, WW)


def test_printcommando_krijgt_geen_wachtwoord(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from letters.printen import print_pdf

    script = tmp_path / "printer.py"
    script.write_text("import os, sys, json\nopen(sys.argv[1] + '.env', 'w').write(json.dumps(dict(os.environ)))\n")
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    monkeypatch.setenv("SMI_TUI_WACHTWOORD", WW)
    monkeypatch.setenv("SMI_TUI_NIEUW_WACHTWOORD", "nog een geheime zin")
    monkeypatch.setenv("SMI_TUI_PRINTCOMMANDO", f"{sys.executable} {script} {{bestand}}")
    print_pdf(pdf)
    env = json.loads((tmp_path / "brief.pdf.env").read_text())
    assert "SMI_TUI_WACHTWOORD" not in env and "SMI_TUI_NIEUW_WACHTWOORD" not in env
    assert WW not in json.dumps(env) and "PATH" in env


@pytest.mark.skipif(os.name == "nt", reason="RLIMIT_CORE is POSIX")
def test_geen_core_dumps() -> None:
    code = (
        "import resource, sys, ctypes\n"
        "from smi_tui.geheimen import kern_dumps_uit\n"
        "kern_dumps_uit()\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) if sys.platform.startswith('linux') else 0)\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert res.stdout.split("\n")[:2] == ["(0, 0)", "0"], res.stderr


def test_main_zet_core_dumps_uit(monkeypatch: pytest.MonkeyPatch) -> None:
    import smi_tui.geheimen
    from smi_tui.__main__ import main

    geroepen = []
    monkeypatch.setattr(smi_tui.geheimen, "kern_dumps_uit", lambda: geroepen.append(1))
    assert main(["schema"]) == 0
    assert geroepen == [1]
