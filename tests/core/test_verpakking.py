"""What a user installs: `smi-tui --version`, and the sdist and wheel with the licence, regulations, tables and .tcss.

The sdist and wheel are built offline from a copy of the source (setuptools from the test extra, no build
isolation), so the test needs no network and leaves no build/ folder in the work tree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSIE = PYPROJECT["project"]["version"]
PAKKETTEN = ("smi_tui", "screens", "storage", "letters")


def test_version_toont_de_geinstalleerde_versie() -> None:
    uit = subprocess.run(
        [sys.executable, "-m", "smi_tui", "--version"], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout == f"smi-tui {VERSIE}\n"  # on stdout, nothing else: scripts read it


def test_version_komt_overeen_met_het_pakket() -> None:
    import smi_tui

    # smi_tui.__version__ is written out by hand: a version bump must change both
    assert smi_tui.__version__ == VERSIE


def test_version_zonder_installatie_geeft_een_nederlandse_melding(monkeypatch, capsys) -> None:
    import importlib.metadata

    from smi_tui.__main__ import main

    def niet_gevonden(naam: str) -> str:
        raise importlib.metadata.PackageNotFoundError(naam)

    monkeypatch.setattr(importlib.metadata, "version", niet_gevonden)
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert "versie onbekend" in capsys.readouterr().out


def _kopie(doel: Path) -> Path:
    bron = doel / "bron"
    bron.mkdir()
    for naam in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / naam, bron / naam)
    for naam in PAKKETTEN:
        shutil.copytree(ROOT / naam, bron / naam, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return bron


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> tuple[Path, Path, Path, str]:
    """(source copy, sdist, wheel, build output) — built once for the tests below."""
    bron = _kopie(tmp_path_factory.mktemp("verpakking"))
    code = (
        "from setuptools import build_meta as b\n"
        "print('SDIST', b.build_sdist('dist'))\n"
        "print('WHEEL', b.build_wheel('dist'))\n"
    )
    # -W default: setuptools' deprecation warnings are shown, so the test below sees them
    uit = subprocess.run(
        [sys.executable, "-W", "default", "-c", code],
        cwd=bron,
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "VALIDATE_PYPROJECT_NO_NETWORK": "1"},
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    sdist = next((bron / "dist").glob("*.tar.gz"))
    wheel = next((bron / "dist").glob("*.whl"))
    return bron, sdist, wheel, uit.stdout + uit.stderr


@pytest.mark.traag
def test_bouwen_zonder_waarschuwingen(gebouwd) -> None:
    *_, uitvoer = gebouwd
    # "byte-compiling is disabled" only echoes PYTHONDONTWRITEBYTECODE of the environment, not the configuration
    waarschuwingen = [r for r in uitvoer.splitlines() if "warn" in r.lower() and "byte-compiling is disabled" not in r]
    assert waarschuwingen == [], uitvoer


@pytest.mark.traag
def test_wheel_bevat_licentie_gegevens_en_opmaak(gebouwd) -> None:
    bron, _, wheel, _ = gebouwd
    with zipfile.ZipFile(wheel) as zf:
        namen = set(zf.namelist())
        licentie = zf.read(f"smi_tui-{VERSIE}.dist-info/licenses/LICENSE").decode("utf-8")
        metadata = Parser().parsestr(zf.read(f"smi_tui-{VERSIE}.dist-info/METADATA").decode("utf-8"))
    assert licentie == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in licentie
    assert metadata["License-Expression"] == "EUPL-1.2" and metadata["License-File"] == "LICENSE"
    assert metadata["Version"] == VERSIE
    assert any(
        u.startswith("License (EUPL-1.2), https://joinup.ec.europa.eu/") for u in metadata.get_all("Project-URL")
    )
    assert "Natural Language :: Dutch" in metadata.get_all("Classifier")
    # every file of the four packages ships: modules, the regulations with their README, the tables, the .tcss
    verwacht = {p.relative_to(bron).as_posix() for naam in PAKKETTEN for p in (bron / naam).rglob("*") if p.is_file()}
    assert verwacht - namen == set()
    for nodig in (
        "smi_tui/regelingen/eemnes-2025.toml",
        "smi_tui/regelingen/README.md",
        "smi_tui/tabellen/kot_2026.json",
        "screens/app.tcss",
    ):
        assert nodig in namen


@pytest.mark.traag
def test_sdist_bevat_de_licentie(gebouwd) -> None:
    _, sdist, _, _ = gebouwd
    with tarfile.open(sdist) as tf:
        namen = set(tf.getnames())
        licentie = tf.extractfile(f"smi_tui-{VERSIE}/LICENSE")
        assert licentie is not None
        assert licentie.read() == (ROOT / "LICENSE").read_bytes()
    assert f"smi_tui-{VERSIE}/smi_tui/regelingen/eemnes-2025.toml" in namen


def _naam(naam: str) -> str:
    return re.sub(r"[-_.]+", "-", naam).lower()  # PEP 503: how pip compares package names


def _lock(bestand: str) -> dict[str, tuple[str, int]]:
    """Package → (version, number of hashes) of a lock file written by `uv pip compile --generate-hashes`."""
    regels: dict[str, tuple[str, int]] = {}
    for blok in re.split(r"\n(?=[A-Za-z0-9])", (ROOT / bestand).read_text(encoding="utf-8")):
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", blok)
        if m:
            regels[_naam(m[1])] = (m[2], len(re.findall(r"--hash=sha256:[0-9a-f]{64}", blok)))
    return regels


def _pins(eisen: list[str]) -> dict[str, str]:
    pins = {}
    for eis in eisen:
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", eis.strip())
        assert m, f"{eis!r} in pyproject.toml is niet exact vastgepind (naam==versie)"
        pins[_naam(m[1])] = m[2]
    return pins


@pytest.mark.parametrize(
    ("bestand", "eisen"),
    [
        ("requirements.txt", PYPROJECT["project"]["dependencies"] + PYPROJECT["dependency-groups"]["bouw"]),
        (
            "requirements-test.txt",
            PYPROJECT["project"]["dependencies"]
            + PYPROJECT["project"]["optional-dependencies"]["test"]
            + PYPROJECT["dependency-groups"]["bouw"],
        ),
    ],
)
def test_lockbestand_volgt_pyproject_met_hashes(bestand: str, eisen: list[str]) -> None:
    lock = _lock(bestand)
    for naam, versie in _pins(eisen).items():
        assert naam in lock, f"{naam} staat niet in {bestand}: ververs de lockbestanden (README: Lock files)"
        assert lock[naam][0] == versie, f"{naam}: {versie} in pyproject.toml, {lock[naam][0]} in {bestand}"
    zonder_hash = sorted(n for n, (_, hashes) in lock.items() if hashes == 0)
    assert zonder_hash == [] and len(lock) > len(eisen)  # the indirect dependencies are in it too


def test_werkplek_krijgt_wat_ci_test() -> None:
    app, test = _lock("requirements.txt"), _lock("requirements-test.txt")
    verschil = {n: (v, test.get(n, ("ontbreekt",))[0]) for n, (v, _) in app.items() if test.get(n, ("",))[0] != v}
    assert verschil == {}, f"requirements.txt en requirements-test.txt verschillen (app, test): {verschil}"
