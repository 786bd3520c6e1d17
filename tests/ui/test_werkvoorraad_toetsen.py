"""The werkvoorraad by keyboard: Enter in the search field opens the highlighted case, F2 opens a case's dossier,
an empty result says why; a new melding's draft can be thrown away (F8, confirmed)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from screens.bevestig import BevestigScherm
from screens.melding import MeldingScherm
from screens.nazorg import NazorgScherm
from screens.stap import StapScherm
from smi_tui.zaak import Stap
from tests.ui.hulp import ontgrendel, toetsen, typ, wacht_op


async def test_zoeken_enter_opent_en_f2_opent_het_dossier(maak_app: Any, zaaien: Any) -> None:
    zaaien(["heemstede-toekenning", "albrandswaard-toekenning"], Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count == 2)
        werkvoorraad = app.screen
        leeg = werkvoorraad.query_one("#werkvoorraad-leeg", Static)
        assert not leeg.display

        await toetsen(pilot, "ctrl+f", *"zzzz")  # nothing matches: said, not an empty table
        await pilot.pause()
        assert leeg.display and "Geen zaak die past bij 'zzzz'" in str(leeg.render())
        await toetsen(pilot, "ctrl+r")  # only urgent as well
        assert "Geen urgente zaak die past bij 'zzzz'" in str(leeg.render())
        await toetsen(pilot, "ctrl+r")

        zoek = werkvoorraad.query_one("#zoek")
        zoek.clear()
        naam = app.rijen[0].ouders[0]
        await typ(pilot, "#zoek", naam.split()[-1])
        assert werkvoorraad.query_one("#zaken").row_count == 1 and not leeg.display
        gezocht = werkvoorraad.query_one("#zaken").gekozen
        await pilot.press("enter")  # one Enter opens it (it only moved to the list before)
        await wacht_op(pilot, lambda: isinstance(app.screen, StapScherm) and app.zaaknummer == gezocht)

        await pilot.press("escape")
        await wacht_op(pilot, lambda: app.screen is werkvoorraad)
        werkvoorraad.query_one("#zaken").focus()
        await pilot.press("f2")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        assert app.zaaknummer == gezocht


async def test_concept_van_een_nieuwe_melding_weggooien(maak_app: Any) -> None:
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm) and app.screen.opgebouwd)
        await typ(pilot, "#v-melding-melder_naam", "Wijkteam Noord")
        await pilot.pause(0.8)  # autosave: the draft is kept
        app._wacht_op_bewaren()
        assert app.opslag.laad_los_concept() is not None
        await pilot.press("f8")
        await wacht_op(pilot, lambda: isinstance(app.screen, BevestigScherm))
        await pilot.press("n")  # no: nothing happens
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm))
        await pilot.press("f8")
        await wacht_op(pilot, lambda: isinstance(app.screen, BevestigScherm))
        await pilot.press("j")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        app._wacht_op_bewaren()
        assert app.opslag.laad_los_concept() is None and app.nieuw_concept is None
        await pilot.press("ctrl+n")  # a new melding starts empty
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm) and app.screen.opgebouwd)
        assert app.screen.query_one("#v-melding-melder_naam").value == ""
