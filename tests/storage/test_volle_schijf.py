"""A full disk (a 2 MiB tmpfs filled to 100 %) and a read-only one: every command gives a Dutch message and exit 2,
no traceback, no lock or temp file left, nothing stored changed; an import stored but not indexed is reported as
stored. The tmpfs tests need root (mount); elsewhere they are skipped, and say so."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from opslag_hulp import ROOT, TEST_N, WW, hashes, zaak

from storage import Opslag

pytestmark = pytest.mark.traag


def _kan_mounten() -> bool:
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "geteuid")
        and os.geteuid() == 0
        and bool(shutil.which("mount"))
    )


@pytest.fixture
def tmpfs(tmp_path: Path):
    if not _kan_mounten():
        pytest.skip("een tmpfs mounten kan alleen als root op Linux: de volle-schijftest is overgeslagen")
    map_ = tmp_path / "vol"
    map_.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(map_)], capture_output=True)
    if res.returncode != 0:
        pytest.skip(f"tmpfs mounten mislukt ({res.stderr.decode(errors='replace').strip()}): test overgeslagen")
    try:
        yield map_
    finally:
        subprocess.run(["umount", "-l", str(map_)], capture_output=True)


def _vul(map_: Path) -> None:
    """Fill the file system to the last byte (unbuffered writes: first in blocks, then byte by byte)."""
    for naam, stuk in (("vuller", 4096), ("vuller2", 1)):
        fd = os.open(map_ / naam, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * stuk)
        except OSError:
            pass
        finally:
            os.close(fd)


def _smi(*args: object, data: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMI_TUI_")}
    env.update(
        PYTHONPATH=str(ROOT),
        SMI_TUI_SCRYPT_N=str(TEST_N),
        SMI_TUI_WACHTWOORD=WW,
        SMI_TUI_CONFIG=str(data.parent / "config.toml"),
        SMI_TUI_LOGMAP=str(data.parent / "logs"),
        **extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "smi_tui", "--data-dir", str(data), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _opdrachten(data: Path, zn: str, zaakbestand: Path) -> list[tuple[object, ...]]:
    uit = data.parent
    return [
        ("zaken",),
        ("zaken", "--json"),
        ("import", zaakbestand),
        ("export", zn, "-o", uit / "export.json"),
        ("controleer",),
        ("controleer", "--herstel-index"),
        ("backup", uit / "backup.zip"),
        ("wachtwoord",),
        ("inzage", "111222333", "-o", uit / "inzage"),
        ("export-zgw", zn, "-o", uit / "zgw"),
        ("brief", "ontvangstbevestiging", zn, "-o", uit / "brief.pdf"),
        ("opschonen", "--ja"),
        ("init",),
    ]


def _geen_restanten(map_: Path) -> None:
    assert not (map_ / "slot").exists(), "slotbestand achtergebleven"
    assert not list(map_.rglob("*.tmp")), list(map_.rglob("*.tmp"))


def test_volle_schijf_elke_opdracht_nl_melding_exit_2(tmpfs: Path, tmp_path: Path) -> None:
    data = tmpfs / "opslag"
    with Opslag.maak(data, WW, scrypt_n=TEST_N) as o:
        zn = o.nieuwe_zaak(zaak(), "c")
    voor = hashes(data)
    from test_opslag_zgw import CONFIG  # rsin, ZGW types and bewaartermijn_jaren: export-zgw and opschonen run

    (tmpfs / "config.toml").write_text(CONFIG, encoding="utf-8")
    zaakbestand = tmp_path / "zaak.json"
    zaakbestand.write_text(json.dumps(zaak()), encoding="utf-8")
    _vul(tmpfs)
    for opdracht in _opdrachten(data, zn, zaakbestand):
        data_arg = tmpfs / "nieuw" if opdracht[0] == "init" else data
        res = _smi(*opdracht, data=data_arg, SMI_TUI_NIEUW_WACHTWOORD="een heel ander wachtwoord")
        assert res.returncode == 2, (opdracht, res.returncode, res.stdout, res.stderr)
        assert "Traceback" not in res.stderr and "Error" not in res.stderr, (opdracht, res.stderr)
        assert "schijf is vol" in res.stderr, (opdracht, res.stderr)
        _geen_restanten(data)
    assert hashes(data) == voor  # nothing stored changed
    for p in tmpfs.glob("vuller*"):
        p.unlink()
    res = _smi("controleer", data=data)
    assert res.returncode == 0, res.stdout + res.stderr


def test_alleen_lezen_schijf_nl_melding(tmpfs: Path, tmp_path: Path) -> None:
    data = tmpfs / "opslag"
    with Opslag.maak(data, WW, scrypt_n=TEST_N) as o:
        zn = o.nieuwe_zaak(zaak(), "c")
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    for opdracht in (("zaken",), ("controleer",), ("export", zn)):
        res = _smi(*opdracht, data=data)
        assert res.returncode == 2, (opdracht, res.stdout, res.stderr)
        assert "alleen-lezen" in res.stderr and "Traceback" not in res.stderr, (opdracht, res.stderr)


def test_import_opgeslagen_maar_index_niet_geschreven_wordt_eerlijk_gemeld(
    cli, opslag: Opslag, map_: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process (no tmpfs needed): the index write fails with ENOSPC after the dossier was written."""
    import storage.tinyopslag as tiny

    opslag.sluit()
    echt = tiny.schrijf_atomair

    def vol_bij_index(pad: Path, data: bytes, **kw: object) -> None:
        if Path(pad).parent.name == "index":
            raise OSError(28, "No space left on device")
        echt(pad, data, **kw)

    monkeypatch.setattr(tiny, "schrijf_atomair", vol_bij_index)
    bestand = tmp_path / "zaak.json"
    bestand.write_text(json.dumps(zaak()), encoding="utf-8")
    code, uit, err = cli("import", bestand)
    assert code == 0 and uit.strip().startswith("SMI-"), (code, uit, err)
    zn = uit.strip()
    assert f"zaak {zn} is opgeslagen" in err and "niet opnieuw" in err
    monkeypatch.setattr(tiny, "schrijf_atomair", echt)
    with Opslag.open(map_, WW) as o:  # the next open repairs the index (the slot file was left for it)
        assert [r.zaaknummer for r in o.lijst()] == [zn]
        assert o.controleer().in_orde


def test_export_zgw_laat_geen_halve_export_achter(
    cli, opslag: Opslag, map_: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_opslag_zgw import CONFIG

    import storage.zgw as zgw

    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.voeg_document_toe(zn, "a.pdf", "brief", b"%PDF-1.4 a")
    opslag.sluit()
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    echt, geschreven = zgw._schrijf, []

    def vol_na_drie(pad: Path, data: bytes) -> None:
        if len(geschreven) == 3:
            raise OSError(28, "No space left on device")
        echt(pad, data)
        geschreven.append(pad)

    monkeypatch.setattr(zgw, "_schrijf", vol_na_drie)
    code, _, err = cli("export-zgw", zn, "-o", tmp_path / "zgw")
    assert code == 2 and "schijf is vol" in err, err
    assert list((tmp_path / "zgw").iterdir()) == []  # nothing half written
