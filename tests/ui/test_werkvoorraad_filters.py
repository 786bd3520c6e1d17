"""The werkvoorraad by keyboard: filters per step and gemeente (F6) combined with the search, an empty result that
says which filter hides what, the line beneath the list (drafts, an unsigned verslag), the pointer to the case
worked on last, and deleting a case (Delete, j/n) through the real store."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace
from typing import Any

from textual.widgets import Static

from screens.bevestig import BevestigScherm
from screens.sparklijn import beschrijving, per_week
from screens.werkvoorraadrijen import aandachtspunten, nieuwste_concept, verborgen_door
from smi_tui.zaak import Stap
from storage import Opslag
from tests.ui.hulp import WACHTWOORD, ontgrendel, toetsen, typ, wacht_op


def _rij(zn: str, termijnen: tuple[dict[str, Any], ...] = (), **kw: Any) -> Any:
    return SimpleNamespace(
        zaaknummer=zn,
        termijnen=termijnen,
        concepten=kw.get("concepten", ()),
        verslag_open=kw.get("verslag_open", False),
        status=kw.get("status"),
        gemeente=kw.get("gemeente"),
    )


def test_termijnen_per_kalenderweek_en_in_woorden() -> None:
    """Sunday 29 November 2026 is in ISO week 48 (Monday 23 November). 2026 has 53 ISO weeks (1 January 2026 is
    a Thursday), so twelve weeks are 48-53 and 1-6 of 2027. 29-11 counts in week 48 (index 0), 30-11 and 6-12 in
    week 49 (index 1), 14-02-2027 is the Sunday of week 6 (index 11: 23-11 + 83 days); 15-02-2027, Monday of week
    7, is the 13th week, left out; 28-11 has passed (overdue, not counted here), a done one is not counted."""
    t = ({"datum": "2026-11-29"}, {"datum": "2026-11-30"}, {"datum": "2026-12-06"}, {"datum": "2027-02-15"},
         {"datum": "2026-11-28"}, {"datum": "2026-12-01", "gedaan": True})  # fmt: skip
    tellingen = per_week([_rij("a", t), _rij("b", ({"datum": "2027-02-14"},))], date(2026, 11, 29))
    assert tellingen == [1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert beschrijving(tellingen, date(2026, 11, 29), per_week_erbij=False) == (
        "4 termijnen · deze week 1 · drukste week 49: 2"
    )
    assert beschrijving(tellingen, date(2026, 11, 29), per_week_erbij=True).endswith(
        "week 48–6: 1 2 0 0 0 0 0 0 0 0 0 1"
    )
    assert beschrijving([0] * 12, date(2026, 11, 29), per_week_erbij=True) == "geen termijnen"


def test_wat_een_filter_verbergt_en_de_aandachtspunten() -> None:
    rijen = [_rij("a", status="gesprek", gemeente="eemnes"), _rij("b", status="besluit", gemeente="eemnes"),
             _rij("c", status="besluit", gemeente="heemstede")]  # fmt: skip
    filters = {"stap": ("stap Gesprek", lambda r: r.status == "gesprek"),
               "gemeente": ("gemeente Heemstede", lambda r: r.gemeente == "heemstede")}  # fmt: skip
    assert verborgen_door(rijen, filters) == ["stap Gesprek verbergt 1 zaak", "gemeente Heemstede verbergt 1 zaak"]
    rij = _rij(
        "a",
        ({"code": "aanvulling_1", "datum": "2026-12-11"}, {"code": "evaluatie_1", "datum": "2026-11-01"}),
        concepten=({"stap": "gesprek", "bewaard": "2026-11-28T14:03:12"},),
        verslag_open=True,
    )
    assert aandachtspunten(rij, date(2026, 11, 29)) == [
        "concept Gesprek (bewaard 28-11 14:03)",
        "verslag nog niet ondertekend terug",
        "aanvullen uiterlijk 11-12-2026",
        "evaluatie 01-11-2026 (verstreken)",
    ]
    ouder = _rij("b", concepten=({"stap": "verslag", "bewaard": "2026-11-27T09:00:00"},))
    nieuwste = nieuwste_concept([ouder, rij, _rij("c")])
    assert nieuwste is not None and nieuwste[0] is rij


def _status(app: Any) -> str:
    return str(app.screen.query_one("#werkvoorraad-status", Static).render())


async def test_filters_per_stap_en_gemeente_met_zoeken(maak_app: Any, zaaien: Any) -> None:
    zaaien(["heemstede-toekenning"], Stap.BESLUIT)
    zaaien(["eemnes-toekenning", "albrandswaard-toekenning"], Stap.GESPREK)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        lijst = app.screen.query_one("#zaken")
        await wacht_op(pilot, lambda: lijst.row_count == 3)
        await toetsen(pilot, "f6", "enter", "down", "down", "enter")  # Alle stappen, Melding, Gesprek
        await wacht_op(pilot, lambda: lijst.row_count == 2)
        assert "stap Gesprek" in _status(app)
        await toetsen(pilot, "tab", "enter", *"Eemn", "enter")  # the gemeente, by typing its first letters
        await wacht_op(pilot, lambda: lijst.row_count == 1)
        assert {r.sleutel for r in lijst.rijen} == {app.rijen[1].zaaknummer}
        await toetsen(pilot, "ctrl+f", *"zzzz")
        leeg = app.screen.query_one("#werkvoorraad-leeg", Static)
        await wacht_op(pilot, lambda: lijst.row_count == 0 and leeg.display)
        tekst = str(leeg.render())
        assert "zoeken op 'zzzz' verbergt 1 zaak" in tekst, tekst
        assert "stap Gesprek verbergt 0 zaken" in tekst and "gemeente Eemnes verbergt 0 zaken" in tekst
        assert "Wis het zoekveld (Ctrl+F); kies 'Alle stappen' (F6)" in tekst
        app.screen.query_one("#zoek").clear()
        await toetsen(pilot, "f6", "enter", "home", "enter")  # back to all steps: the gemeente still applies
        await wacht_op(pilot, lambda: lijst.row_count == 1)
        assert "gemeente Eemnes" in _status(app) and "stap" not in _status(app).split("termijn")[-1]


async def test_verder_met_de_laatste_zaak_en_verwijderen(maak_app: Any, zaaien: Any, tmp_path: Any) -> None:
    nummers = zaaien(["heemstede-toekenning", "eemnes-toekenning", "albrandswaard-toekenning"], Stap.VERSLAG)
    with Opslag.open(tmp_path / "data", WACHTWOORD) as opslag:  # a draft in the second case: worked on last
        z = opslag.laad(nummers[1])
        z["concepten"] = {"verslag": {"v-verslag-doelen": "Rust in het gezin", "_bewaard": "2026-03-02T10:15:00"}}
        opslag.bewaar(nummers[1], z, "J. Visser")
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        lijst = app.screen.query_one("#zaken")
        await wacht_op(pilot, lambda: lijst.row_count == 3)
        detail = app.screen.query_one("#werkvoorraad-detail", Static)
        await wacht_op(pilot, lambda: f"Verder met zaak {nummers[1]}" in str(detail.render()))
        assert lijst.gekozen == nummers[1]

        await pilot.press("delete")
        await wacht_op(pilot, lambda: isinstance(app.screen, BevestigScherm))
        vraag = str(app.screen.query_one("#bevestig-vraag", Static).render())
        naam = app.rijen[1].ouders[0]
        assert nummers[1] in vraag and naam in vraag
        await pilot.press("n")  # no: nothing happens
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        app._wacht_op_bewaren()
        assert lijst.row_count == 3
        await pilot.press("delete")
        await wacht_op(pilot, lambda: isinstance(app.screen, BevestigScherm))
        await pilot.press("j")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and lijst.row_count == 2)
        app._wacht_op_bewaren()
        assert not app.opslag.bestaat(nummers[1])
        log = app.opslag.logboek()
        assert log[-1]["actie"] == "verwijderd" and log[-1]["zaaknummer"] == nummers[1]
        assert log[-1]["consulent"] == "J. Visser" and naam.split()[-1] not in json.dumps(log)

        await typ(pilot, "#zoek", "Rust")  # nothing of the deleted case can be found
        assert lijst.row_count == 0
