"""Pilot-test fixtures: a fresh store in a temp folder, a frozen clock, a recording printer."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from screens.app import SmiApp
from smi_tui.zaak import Stap
from storage import Opslag
from tests.ui.hulp import VANDAAG, WACHTWOORD, voorbeeld


@pytest.fixture(autouse=True)
def _collector_weer_aan() -> Any:
    """The unlock screen turns the garbage collector off while it unlocks; a test that stops halfway must not leave
    it off for the rest of the run."""
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No real config, data or passphrase from the environment leaks into a test."""
    monkeypatch.setenv("SMI_TUI_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "geen-config.toml"))
    monkeypatch.setenv("SMI_TUI_SCRYPT_N", "1024")
    for naam in ("SMI_TUI_WACHTWOORD", "SMI_TUI_VERGRENDEL_MINUTEN", "SMI_TUI_BENCH_AFSLUITEN"):
        monkeypatch.delenv(naam, raising=False)


@pytest.fixture
def afgedrukt() -> list[Path]:
    """Paths the app sent to the (fake) printer."""
    return []


@pytest.fixture
def maak_app(tmp_path: Path, afgedrukt: list[Path]) -> AsyncIterator[Callable[..., SmiApp]]:
    """A factory of apps on the test's store, with the frozen clock and the recording printer."""
    apps: list[SmiApp] = []

    def printer(pad: Path) -> str:
        assert pad.read_bytes().startswith(b"%PDF")
        afgedrukt.append(pad)
        return "naar de testprinter gestuurd"

    def maak(**kw: Any) -> SmiApp:
        kw.setdefault("vandaag", lambda: VANDAAG)
        kw.setdefault("printer", printer)
        kw.setdefault("scrypt_n", 1024)
        kw.setdefault("vergrendel_na", 3600)
        kw.setdefault("consulent", "J. Visser")
        app = SmiApp(tmp_path / "data", **kw)
        apps.append(app)
        return app

    yield maak  # type: ignore[misc]
    for app in apps:
        app.sluit()


class _VasteDatum(date):
    @classmethod
    def today(cls) -> date:  # type: ignore[override]
        return VANDAAG


@pytest.fixture
def zaaien(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """Create the store (passphrase WACHTWOORD) with example cases cut back to ``stap``; returns zaaknummers."""
    monkeypatch.setattr("storage.opslag.date", _VasteDatum)  # zaaknummers carry the (frozen) year

    def zaai(namen: list[str], stap: Stap = Stap.GESPREK) -> list[str]:
        zaken = [tot_stap(voorbeeld(n), stap) for n in namen]
        map_ = tmp_path / "data"
        opslag = Opslag.open(map_, WACHTWOORD) if map_.exists() else Opslag.maak(map_, WACHTWOORD, scrypt_n=1024)
        with opslag:
            return opslag.nieuwe_zaken(zaken, consulent="J. Visser")

    return zaai


def tot_stap(zaak: dict[str, Any], stap: Stap) -> dict[str, Any]:
    """The example case as it was when it arrived at ``stap`` (later parts removed)."""
    z = dict(zaak)
    volgorde = [Stap.MELDING, Stap.GESPREK, Stap.VERSLAG, Stap.VOORLIGGEND, Stap.BESLUIT]
    later = volgorde[volgorde.index(stap) :]
    for s, deel in zip(volgorde, ["melding", "gesprek", "verslag", "voorliggend", "besluit"], strict=True):
        if s in later and deel != "melding":
            z.pop(deel, None)
    if Stap.GESPREK in later:
        z["melding"] = {**z["melding"], "kinderen": [{k: v for k, v in kind.items() if k != "opvang"}
                                                      for kind in z["melding"]["kinderen"]]}  # fmt: skip
    if Stap.VERSLAG in later:
        z["aanvraag"] = {}
    if Stap.VOORLIGGEND in later:
        z.pop("budget", None)
    z["stap"] = stap.value
    return z
