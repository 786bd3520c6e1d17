"""Pilot-test fixtures: a fresh store in a temp folder, a frozen clock, a recording printer."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from screens.app import SmiApp
from tests.ui.hulp import VANDAAG


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
