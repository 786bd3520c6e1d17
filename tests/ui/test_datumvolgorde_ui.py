"""A date before the date it must follow shows at its own field, naming both dates, and nothing on screen shows
an internal path such as 'melding › ouder'."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from smi_tui.zaak import Stap
from tests.ui.hulp import ontgrendel, typ
from tests.ui.test_gedrag import open_eerste_zaak, tekst


async def test_gesprek_voor_de_melding_bij_het_veld(maak_app: Any, zaaien: Any) -> None:
    zaaien(["eemnes-toekenning"], Stap.GESPREK)  # melding 2 February 2026
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-datum", "20-01-2026")
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        veld = tekst(pilot, "#f-gesprek-datum")
        assert "De datum van het gesprek (20 januari 2026) ligt vóór de melding (2 februari 2026)." in veld
        assert "ligt vóór de melding" not in tekst(pilot, "#stap-fouten")  # at its field, not beneath the form
        scherm = " ".join(str(s.render()) for s in app.screen.query(Static) if s.id != "stappenbalk")
        assert "›" not in scherm  # (the step bar's arrows between the steps aside)
