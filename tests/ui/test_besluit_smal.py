"""The besluit at 80x24: the toetsen table shows outcome next to the name, and the selected toets in full (outcome,
article, explanation) beneath it."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Static

from screens.besluit import BesluitScherm
from smi_tui.toetsnamen import toetsnaam
from smi_tui.zaak import Stap
from tests.ui.hulp import ontgrendel, wacht_op


async def test_toets_in_het_detailvak(maak_app: Any, zaaien: Any) -> None:
    zaaien(["heemstede-toekenning"], Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count)
        app.screen.query_one("#zaken").focus()
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm) and app.screen.opgebouwd)
        scherm = app.screen
        tabel = scherm.query_one("#toetsen", DataTable)
        assert [str(k.label) for k in tabel.columns.values()][:2] == ["Toets", "Uitkomst"]
        tabel.focus()
        await pilot.press("down")
        await pilot.pause()
        tweede = scherm.beoordeling.toetsen[1]
        detail = str(scherm.query_one("#toets-detail", Static).render())
        assert detail.startswith(f"{toetsnaam(tweede.code)}: {tweede.uitkomst.value} ({tweede.artikel})")
        assert tweede.toelichting in detail.replace("\n", " ") or tweede.toelichting[:30] in detail
        assert "_" not in detail.split(":")[0]  # a Dutch name, not the code
