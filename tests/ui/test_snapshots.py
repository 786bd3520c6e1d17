"""SVG snapshots of the werkvoorraad, one step and the besluit screen (frozen clock, no blinking cursor).

Golden files live in tests/ui/snapshots/. A missing golden fails; ``SMI_TUI_SNAPSHOTS_BIJWERKEN=1`` writes it.
Review every new or changed golden (open the SVG in a browser) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from smi_tui.zaak import Stap
from tests.ui.hulp import ontgrendel, wacht_op
from tests.ui.test_gedrag import open_eerste_zaak

MAP = Path(__file__).parent / "snapshots"
GEMEENTEN = ["heemstede", "albrandswaard", "voerendaal", "eemnes", "oude-ijsselstreek"]


async def vergelijk(pilot: Any, naam: str) -> None:
    """Compare the current screen with the golden SVG ``naam``."""
    for w in pilot.app.screen.query("Input, TextArea"):
        if isinstance(w, Input | TextArea):
            w.cursor_blink = False
    pilot.app.screen.set_focus(None)
    await pilot.pause(0.3)
    svg = pilot.app.export_screenshot(title="smi-tui")
    pad = MAP / f"{naam}.svg"
    if os.environ.get("SMI_TUI_SNAPSHOTS_BIJWERKEN") == "1":
        MAP.mkdir(exist_ok=True)
        pad.write_text(svg, encoding="utf-8")
    if not pad.exists():
        pytest.fail(f"geen golden {pad.name}; maak hem met SMI_TUI_SNAPSHOTS_BIJWERKEN=1 en bekijk hem")
    assert svg == pad.read_text(encoding="utf-8"), f"{naam}: scherm wijkt af van {pad.name}"


async def test_snapshot_werkvoorraad(maak_app: Any, zaaien: Any) -> None:
    zaaien([f"{g}-toekenning" for g in GEMEENTEN])
    app = maak_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count == 5)
        await vergelijk(pilot, "werkvoorraad")


async def test_snapshot_gesprek(maak_app: Any, zaaien: Any) -> None:
    zaaien(["heemstede-toekenning"])
    app = maak_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await vergelijk(pilot, "gesprek")


async def test_snapshot_besluit(maak_app: Any, zaaien: Any) -> None:
    zaaien(["heemstede-toekenning"], Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count == 1)
        await pilot.press("enter")
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "BesluitScherm" and app.screen.opgebouwd)
        await vergelijk(pilot, "besluit")


async def test_snapshots_80x24(maak_app: Any, zaaien: Any) -> None:
    """Every main screen at 80x24 (the smallest terminal the app must be usable in): werkvoorraad, its help page,
    the gesprek, the besluit, the dossier and a new melding after ctrl+s with its error summary."""
    zaaien([f"{g}-toekenning" for g in GEMEENTEN[:2]], Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count == 2)
        await vergelijk(pilot, "80x24-werkvoorraad")
        await pilot.press("f1")
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "HulpScherm")
        await vergelijk(pilot, "80x24-hulp")
        await pilot.press("escape")
        app.screen.query_one("#zaken").focus()
        await pilot.press("enter")
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "BesluitScherm" and app.screen.opgebouwd)
        await vergelijk(pilot, "80x24-besluit")
        await pilot.press("ctrl+b", "ctrl+b", "ctrl+b")
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "GesprekScherm" and app.screen.opgebouwd)
        await vergelijk(pilot, "80x24-gesprek")
        await pilot.press("f2")
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "NazorgScherm")
        await vergelijk(pilot, "80x24-dossier")
        await pilot.press("escape")
        await pilot.press("escape")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "MeldingScherm" and app.screen.opgebouwd)
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        await vergelijk(pilot, "80x24-melding-fouten")
