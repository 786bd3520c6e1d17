"""Help stays visible beside every field, ctrl+s with errors shows a summary at the top and moves to the first
field to correct, typing into a prefilled date replaces it, impossible dates and limits get one precise message."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from screens.melding import MeldingScherm
from screens.velden import _validators
from tests.ui.hulp import ontgrendel, toetsen, wacht_op


def tekst(scherm: Any, selector: str) -> str:
    return str(scherm.query_one(selector, Static).render())


def test_onmogelijke_datum_en_grenzen_zonder_centen() -> None:
    datum = _validators("datum", "")[0]
    assert datum.validate("31-02-2026").failure_descriptions == ["31 februari 2026 bestaat niet"]
    assert datum.validate("2026-04-31").failure_descriptions == ["31 april 2026 bestaat niet"]
    assert "geen geldige datum" in datum.validate("2026-13-01").failure_descriptions[0]  # no such month: the format
    uurprijs = _validators("uurprijs", "")[0]
    assert uurprijs.validate("60").failure_descriptions == ["mag hoogstens € 50 per uur zijn"]  # not 5000, not ,00
    uren = _validators("uren", "per dag")[0]
    assert uren.validate("25").failure_descriptions == ["mag hoogstens 24 uur per dag zijn"]  # not 168 per dag


async def test_typen_vervangt_de_datum_hulp_blijft_en_samenvatting_bij_ctrl_s(maak_app: Any) -> None:
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm) and app.screen.opgebouwd)
        scherm = app.screen
        datum = scherm.query_one("#v-melding-datum", Input)
        assert app.focused is datum and datum.value == "2026-05-04"  # prefilled with today
        stops = app.screen.focus_chain
        assert all(w.has_class("invoer") for w in stops)  # no invisible stop (the scrolling form was one)
        stops[-1].focus()
        await pilot.press("tab")
        assert app.focused is datum  # from the last field Tab goes round to the first
        await pilot.pause()
        await toetsen(pilot, *"31-02-2026")
        assert datum.value == "31-02-2026"  # replaced, not '2026-05-0431-02-2026'
        await pilot.pause(0.3)
        regel = tekst(scherm, "#f-melding-datum")
        assert regel.count("bestaat niet") == 1 and "31 februari 2026 bestaat niet" in regel
        assert "de beslistermijn begint te lopen" in regel  # the help text is not replaced by the message

        samenvatting = scherm.query_one("#stap-samenvatting", Static)
        assert not samenvatting.display
        await pilot.press("tab")  # away from the date, then ctrl+s: the cursor goes back to the first error
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert samenvatting.display
        lijst = str(samenvatting.render())
        assert "Nog niet compleet" in lijst and "Datum melding: 31 februari 2026 bestaat niet" in lijst
        assert app.focused is datum and isinstance(app.screen, MeldingScherm)

        await toetsen(pilot, *"2026-05-01")  # corrected: the summary follows, without the date
        await pilot.pause(0.4)
        assert "Datum melding" not in str(samenvatting.render())
        assert samenvatting.display  # other fields still need filling in
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert app.focused is not datum and app.focused is scherm.eerste_fout()
