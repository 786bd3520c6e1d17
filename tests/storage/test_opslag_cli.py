"""The store's subcommands through ``python -m smi_tui`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from opslag_hulp import GEHEIMEN, ROOT, WW, hashes, zaak

pytestmark = pytest.mark.traag


def smi(*args, data, ww=WW, **env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMI_TUI_")}
    env.update(PYTHONPATH=str(ROOT), SMI_TUI_SCRYPT_N="1024", SMI_TUI_CONFIG=str(data.parent / "geen.toml"))
    if ww is not None:
        env["SMI_TUI_WACHTWOORD"] = ww
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "smi_tui", "--data-dir", str(data), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=data.parent,
        timeout=60,
    )


def test_volledige_cyclus(tmp_path):
    data = tmp_path / "opslag"
    bestand = tmp_path / "zaak.json"
    bestand.write_text(json.dumps(zaak()), encoding="utf-8")

    r = smi("init", data=data)
    assert r.returncode == 0, r.stderr
    assert smi("init", data=data).returncode == 2

    r = smi("import", bestand, data=data)
    assert r.returncode == 0, r.stderr
    zn = r.stdout.strip()
    assert zn.startswith("SMI-") and zn.endswith("-0001")

    r = smi("zaken", "--json", data=data)
    assert r.returncode == 0, r.stderr
    (rij,) = json.loads(r.stdout)
    assert rij["zaaknummer"] == zn and rij["ouders"] == ["Anna de Boer-Visser"]
    assert zn in smi("zaken", data=data).stdout

    uit = tmp_path / "uit.json"
    r = smi("export", zn, "-o", uit, data=data)
    assert r.returncode == 0, r.stderr
    terug = json.loads(uit.read_text(encoding="utf-8"))
    assert terug["zaaknummer"] == zn and terug["melding"]["ouders"][0]["bsn"] == "111222333"
    assert json.loads(smi("export", zn, data=data).stdout) == terug

    r = smi("controleer", data=data)
    assert r.returncode == 0 and "in orde" in r.stdout, r.stdout + r.stderr
    assert smi("controleer", "--herstel-index", data=data).returncode == 0

    archief = tmp_path / "backup.smi.zip"
    r = smi("backup", archief, data=data)
    assert r.returncode == 0, r.stderr
    assert zipfile.is_zipfile(archief)
    for geheim in GEHEIMEN:
        assert geheim not in archief.read_bytes()

    hersteld = tmp_path / "hersteld"
    r = smi("herstel", archief, data=hersteld)
    assert r.returncode == 0, r.stdout + r.stderr
    assert zn in smi("zaken", data=hersteld).stdout
    r = smi("herstel", archief, data=hersteld)
    assert r.returncode == 2 and "niet leeg" in r.stderr

    r = smi("wachtwoord", data=data, SMI_TUI_NIEUW_WACHTWOORD="nieuw en lang genoeg")
    assert r.returncode == 0, r.stderr
    assert smi("zaken", data=data).returncode == 2
    assert smi("zaken", data=data, ww="nieuw en lang genoeg").returncode == 0


def test_foute_invoer_geeft_nederlandse_melding_zonder_traceback(tmp_path):
    data = tmp_path / "opslag"
    r = smi("zaken", data=data)
    assert r.returncode == 2 and "smi-tui init" in r.stderr
    assert smi("init", data=tmp_path / "leeg", ww="").returncode == 2
    assert smi("init", data=data).returncode == 0
    voor = hashes(data)
    kapot = tmp_path / "kapot.json"
    kapot.write_text("{niet json", encoding="utf-8")
    ongeldig = tmp_path / "ongeldig.json"
    ongeldig.write_text(json.dumps({"regeling": "eemnes"}), encoding="utf-8")
    gevallen = [
        (("import", tmp_path / "bestaat-niet.json"), {}, "bestaat niet"),
        (("import", kapot), {}, "geen geldige JSON"),
        (("import", ongeldig), {}, "melding: ontbreekt"),
        (("export", "SMI-2026-9999"), {}, "bestaat niet"),
        (("export", "../../geheim"), {}, "geen geldig zaaknummer"),
        (("zaken",), {"ww": "verkeerd wachtwoord"}, "onjuist"),
        (("zaken",), {"ww": ""}, "Geen wachtwoord"),
        (("herstel", tmp_path / "geen.zip"), {}, "niet leeg"),
        (("backup", kapot), {}, "bestaat al"),
    ]
    for args, kw, tekst in gevallen:
        r = smi(*args, data=data, **kw)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert tekst in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
    assert hashes(data) == voor
    r = smi("herstel", tmp_path / "geen.zip", data=tmp_path / "nieuw")
    assert r.returncode == 2 and "bestaat niet" in r.stderr and not (tmp_path / "nieuw").exists()
    (data / "sleutel.json").write_text("kapot", encoding="utf-8")
    r = smi("zaken", data=data)
    assert r.returncode == 2 and "sleutelbestand" in r.stderr and "Traceback" not in r.stderr
