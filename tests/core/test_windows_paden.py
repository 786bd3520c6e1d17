"""Where config, store and error reports live on Windows, macOS and Linux: never the config inside the store folder.

platformdirs gives one folder for config and data on Windows (``%LOCALAPPDATA%\\smi-tui``) and macOS
(``~/Library/Application Support/smi-tui``); ``config.toml`` then landed in the store folder and ``smi-tui herstel``
refused that folder as not empty (issue 17). The platform is simulated: ``sys.platform`` set, platformdirs' own
Windows and macOS classes used with the Windows folders pointed into tmp_path.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import platformdirs
import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest

from smi_tui import config, foutrapport


@pytest.fixture
def thuis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for naam in ("SMI_TUI_CONFIG", "SMI_TUI_DATA", "SMI_TUI_LOGMAP", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    config.activeer(types.SimpleNamespace())
    return tmp_path / "thuis"


class _Sys(types.ModuleType):
    """``sys`` as on another platform, for the modules under test only (the interpreter's own stays: the standard
    library reads sys.platform while importing)."""

    def __init__(self, platform: str) -> None:
        super().__init__("sys")
        self.platform = platform

    def __getattr__(self, naam: str) -> object:
        return getattr(sys, naam)


def _als(monkeypatch: pytest.MonkeyPatch, platform: str, klasse: type, tmp_path: Path) -> None:
    """Run config's paths as on ``platform``: sys.platform, and platformdirs' class for it."""
    monkeypatch.setattr(config, "sys", _Sys(platform))
    monkeypatch.setattr(foutrapport, "sys", _Sys(platform))
    mappen = {"CSIDL_APPDATA": tmp_path / "Roaming", "CSIDL_LOCAL_APPDATA": tmp_path / "Local"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: str(mappen[csidl]))

    def pd(appname: str, appauthor: bool = False, roaming: bool = False) -> klasse:
        return klasse(appname, appauthor, roaming=roaming)

    nep = types.SimpleNamespace(
        user_config_dir=lambda *a, **k: pd(*a, **k).user_config_dir,
        user_data_dir=lambda *a, **k: pd(*a, **k).user_data_dir,
        user_log_dir=lambda *a, **k: pd(*a, **k).user_log_dir,
    )
    monkeypatch.setattr(config, "_platformdirs", lambda: nep)
    monkeypatch.setattr(foutrapport, "platformdirs", nep, raising=False)
    monkeypatch.setitem(sys.modules, "platformdirs", nep)


def _als_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "sys", _Sys("linux"))
    unix = platformdirs.unix.Unix
    monkeypatch.setattr(
        config,
        "_platformdirs",
        lambda: types.SimpleNamespace(
            user_config_dir=lambda *a, **k: unix(*a, **k).user_config_dir,
            user_data_dir=lambda *a, **k: unix(*a, **k).user_data_dir,
        ),
    )


def test_windows_config_en_opslag_gescheiden(thuis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _als(monkeypatch, "win32", platformdirs.windows.Windows, tmp_path)
    assert config.data_dir() == tmp_path / "Local" / "smi-tui"  # where existing stores are: unchanged
    assert config.config_bestand() == tmp_path / "Roaming" / "smi-tui" / "config.toml"
    assert config.profiel_bestand() == tmp_path / "Roaming" / "smi-tui" / "behandelaar.toml"
    log = foutrapport.log_map()
    assert config.data_dir() not in log.parents and log != config.data_dir()  # platformdirs' Logs is inside it
    assert config.oude_config_melding() is None


def test_macos_config_en_opslag_gescheiden(thuis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _als(monkeypatch, "darwin", platformdirs.macos.MacOS, tmp_path)
    assert config.data_dir() == thuis / "Library" / "Application Support" / "smi-tui"
    assert config.config_bestand() == thuis / "Library" / "Preferences" / "smi-tui" / "config.toml"
    assert foutrapport.log_map() == thuis / "Library" / "Logs" / "smi-tui"


def test_linux_blijft_zoals_het_was(thuis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _als_linux(monkeypatch)
    assert config.config_bestand() == thuis / ".config" / "smi-tui" / "config.toml"
    assert config.data_dir() == thuis / ".local" / "share" / "smi-tui"


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_oude_config_in_de_opslagmap_wordt_gevonden_met_advies(
    thuis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    klasse = platformdirs.windows.Windows if platform == "win32" else platformdirs.macos.MacOS
    _als(monkeypatch, platform, klasse, tmp_path)
    opslagmap = config.data_dir()
    opslagmap.mkdir(parents=True)
    (opslagmap / "config.toml").write_text('consulent = "A. de Vries"\nvergrendel_na_minuten = 5\n', encoding="utf-8")
    (opslagmap / "behandelaar.toml").write_text('naam = "B. Jansen"\n', encoding="utf-8")
    assert config.config_bestand() == opslagmap / "config.toml"
    assert config.lees_config()["vergrendel_na_minuten"] == 5  # an existing install keeps working
    assert config.profiel_naam() == "B. Jansen"
    melding = config.oude_config_melding()
    assert melding is not None
    assert "config.toml en behandelaar.toml staan nog in de map van de dossieropslag" in melding
    assert str(config.config_map()) in melding and "Verplaats ze naar" in melding

    # moved (the config only): the new one is read, the profile still from the old place, and the hint says so
    config.config_map().mkdir(parents=True)
    (opslagmap / "config.toml").rename(config.config_map() / "config.toml")
    assert config.config_bestand() == config.config_map() / "config.toml"
    assert config.lees_config()["vergrendel_na_minuten"] == 5
    melding = config.oude_config_melding()
    assert melding is not None and melding.startswith("let op: behandelaar.toml staat nog")
    (opslagmap / "behandelaar.toml").rename(config.config_map() / "behandelaar.toml")
    assert config.oude_config_melding() is None
    assert config.profiel_naam() == "B. Jansen"


def test_cli_zegt_het_advies_in_het_nederlands(
    thuis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from smi_tui.__main__ import main

    _als(monkeypatch, "win32", platformdirs.windows.Windows, tmp_path)
    config.data_dir().mkdir(parents=True)
    (config.data_dir() / "config.toml").write_text("", encoding="utf-8")
    assert main(["regelingen"]) == 0
    fout = capsys.readouterr().err
    assert "smi-tui: let op: config.toml staat nog in de map van de dossieropslag" in fout
    assert "Traceback" not in fout


def test_omgevingsvariabele_gaat_voor(thuis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _als(monkeypatch, "win32", platformdirs.windows.Windows, tmp_path)
    config.data_dir().mkdir(parents=True)
    (config.data_dir() / "config.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "elders" / "config.toml"))
    assert config.config_bestand() == tmp_path / "elders" / "config.toml"
    assert config.profiel_bestand() == tmp_path / "elders" / "behandelaar.toml"
    assert config.oude_config_melding() is None


def test_op_linux_geen_oude_plek(thuis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Linux the config folder never moved: a config.toml in the store folder is not the config."""
    _als_linux(monkeypatch)
    config.data_dir().mkdir(parents=True)
    (config.data_dir() / "config.toml").write_text("vergrendel_na_minuten = 5\n", encoding="utf-8")
    assert config.config_bestand() == thuis / ".config" / "smi-tui" / "config.toml"
    assert config.lees_config() == {}
    assert config.oude_config_melding() is None
