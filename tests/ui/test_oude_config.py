"""An older build put config.toml in the store folder (Windows, macOS): the app says so after unlocking, in Dutch,
where the consulent sees it (the command line says it on stderr; tests/core/test_windows_paden.py checks the
finding itself)."""

from __future__ import annotations

from typing import Any

import pytest

from smi_tui import config
from tests.ui.hulp import ontgrendel, wacht_op


async def test_melding_over_de_oude_config_na_ontgrendelen(maak_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    tekst = "let op: config.toml staat nog in de map van de dossieropslag (X). Verplaats het naar Y."
    monkeypatch.setattr(config, "oude_config_melding", lambda: tekst)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await wacht_op(pilot, lambda: any("Verplaats het naar Y" in n.message for n in app._notifications))
        melding = next(n for n in app._notifications if "Verplaats" in n.message)
        assert melding.message.startswith("Let op: config.toml staat nog") and melding.severity == "warning"


async def test_geen_melding_zonder_oude_config(maak_app: Any) -> None:
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await wacht_op(pilot, lambda: app.screen is app.werkvoorraad)
        assert not [n for n in app._notifications if "dossieropslag" in n.message]
