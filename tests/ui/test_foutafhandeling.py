"""Unexpected errors in the TUI never show a traceback with local variables: no passphrase, key or BSN on screen, in
the output or in the error report. Also the contract with the Textual internals ``screens.foutafhandeling`` uses."""

from __future__ import annotations

import base64
import inspect
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.message_pump import MessagePump
from textual.worker import Worker

from storage import Opslag
from storage.opslag import lees_sleutelbestand
from tests.ui.hulp import WACHTWOORD, ontgrendel, typ, wacht_op

BSN = "111222333"


def tekst(pilot: Any, selector: str) -> str:
    return str(pilot.app.screen.query_one(selector).render())


def _vormen(sleutel: bytes) -> list[str]:
    """Every form in which the data key could show up in text."""
    return [
        sleutel.hex(),
        repr(sleutel)[2:-1][:40],
        base64.b64encode(sleutel).decode()[:20],
        str(list(sleutel[:8]))[1:-1],
    ]


def _geheimen_afwezig(tekstje: str, sleutel: bytes) -> None:
    assert WACHTWOORD not in tekstje
    assert BSN not in tekstje
    for vorm in _vormen(sleutel):
        assert vorm not in tekstje, vorm


@pytest.fixture
def logmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    map_ = tmp_path / "logs"
    monkeypatch.setenv("SMI_TUI_LOGMAP", str(map_))
    return map_


def _rapporten(logmap: Path) -> list[Path]:
    return sorted(logmap.glob("fout-*.txt")) if logmap.exists() else []


def _sleutel(tmp_path: Path) -> bytes:
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024):
        pass
    return lees_sleutelbestand(tmp_path / "data").ontgrendel(WACHTWOORD)


async def test_onverwachte_fout_bij_ontgrendelen_toont_nl_melding_zonder_geheimen(
    maak_app: Any, tmp_path: Path, logmap: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    sleutel = _sleutel(tmp_path)

    def kapot(map_: Path) -> None:  # inside Opslag.__init__, whose locals hold the data key
        bsn = BSN  # a BSN in a local too
        raise RuntimeError(f"onverwacht in {map_.name} bij {bsn}: {sleutel!r} {WACHTWOORD}")

    monkeypatch.setattr("storage.opslag.ruim_tijdelijke_op", kapot)
    app = maak_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await typ(pilot, "#wachtwoord", WACHTWOORD)
        await pilot.press("enter")
        await wacht_op(pilot, lambda: "onverwachts" in tekst(pilot, "#wachtwoord-fout"))
        melding = tekst(pilot, "#wachtwoord-fout")
        scherm = app.export_screenshot()
        assert app.screen.id == "ontgrendel"  # the consulent can try again
        assert "foutnummer F-" in melding and "foutrapport" in melding
        assert app.query_one("#wachtwoord").value == ""
    assert app.return_code in (0, None)
    _geheimen_afwezig(scherm, sleutel)
    uit = capfd.readouterr()
    _geheimen_afwezig(uit.out + uit.err, sleutel)
    [rapport] = _rapporten(logmap)
    assert stat.S_IMODE(rapport.stat().st_mode) == 0o600
    inhoud = rapport.read_text(encoding="utf-8")
    assert "RuntimeError" in inhoud and "kapot" in inhoud  # useful to the beheerder: where it went wrong
    _geheimen_afwezig(inhoud, sleutel)
    assert not (tmp_path / "data" / "slot").exists()  # the lock was released


async def test_onverwachte_fout_na_ontgrendelen_sluit_af_met_nl_melding(
    maak_app: Any, tmp_path: Path, logmap: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    sleutel = _sleutel(tmp_path)
    app = maak_app()

    def kapot() -> None:
        wachtwoord, data_sleutel, bsn = WACHTWOORD, sleutel, BSN  # locals Textual's traceback would show
        raise ValueError(f"{wachtwoord} {data_sleutel!r} {bsn}")

    with pytest.raises(ValueError):  # the test pilot re-raises the first error; a consulent never sees it
        async with app.run_test(size=(100, 30)) as pilot:
            await ontgrendel(pilot)
            app.call_later(kapot)
            await pilot.pause(0.2)
    assert app.return_code == 1
    uit = capfd.readouterr()
    _geheimen_afwezig(uit.out + uit.err, sleutel)
    [rapport] = _rapporten(logmap)
    nummer = rapport.stem.rsplit("-", 2)[-2] + "-" + rapport.stem.rsplit("-", 1)[-1]
    assert nummer.startswith("F-")
    _geheimen_afwezig(rapport.read_text(encoding="utf-8"), sleutel)


async def test_foutmelding_wordt_getoond_in_plaats_van_traceback(
    tmp_path: Path, logmap: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Run a bare App through Textual's real exit path (``_print_error_renderables``) and read what it prints."""
    from screens.foutafhandeling import installeer

    class Kaal(App[None]):
        def on_mount(self) -> None:
            installeer(self)
            self.call_later(self.kapot)

        def kapot(self) -> None:
            wachtwoord = WACHTWOORD  # noqa: F841
            raise KeyError(BSN)

    app = Kaal()
    with pytest.raises(KeyError):
        async with app.run_test():
            pass
    app._print_error_renderables()
    uit = capfd.readouterr()
    assert "onverwachts" in uit.err and "foutnummer F-" in uit.err
    assert "Traceback" not in uit.err and "locals" not in uit.err
    assert WACHTWOORD not in uit.err and BSN not in uit.err


def test_textual_interne_delen_zijn_er_nog() -> None:
    """screens.foutafhandeling replaces ``App._handle_exception`` on the instance. When this fails, Textual changed
    how it reports unhandled errors: check that the replacement still catches them all (see that module)."""
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    assert "show_locals=True" in inspect.getsource(App._fatal_error)  # why we replace it
    for bron in (inspect.getsource(MessagePump), inspect.getsource(Worker._run)):
        assert "app._handle_exception(" in bron
    app = App()
    for naam in ("_exception", "_return_code", "_exit_renderables"):
        assert hasattr(app, naam), naam
    assert callable(app.panic)
    assert "_exception_event" in dir(App)


def test_rapportmap_en_bestand_zijn_prive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smi_tui.foutrapport import meld

    monkeypatch.setenv("SMI_TUI_LOGMAP", str(tmp_path / "l"))
    try:
        raise OSError(28, "No space left on device")
    except OSError as exc:
        melding = meld(exc)
    assert "schijf is vol" in melding
    assert stat.S_IMODE((tmp_path / "l").stat().st_mode) == 0o700 or os.name == "nt"
