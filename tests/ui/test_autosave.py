"""Autosave: a step's form is kept as its draft after a pause in typing (not per key), on the save thread; the step
shows when; opening the case again shows the step worked on last, with the cursor in its field; ending the process
from outside saves first (screens/noodstop.py)."""

from __future__ import annotations

import asyncio
import re
import signal
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Input, Static

from screens import noodstop, stapconcept
from screens.berichten import ConceptGewijzigd
from screens.gesprek import GesprekScherm
from screens.stap import stappenbalk
from screens.verslag import VerslagScherm
from smi_tui.zaak import Stap
from storage import Opslag
from tests.ui.hulp import WACHTWOORD, ontgrendel, typ, wacht_op
from tests.ui.test_gedrag import open_eerste_zaak


def _opgevangen() -> tuple[list[ConceptGewijzigd], Any]:
    berichten: list[ConceptGewijzigd] = []

    def haak(bericht: Message) -> None:
        if isinstance(bericht, ConceptGewijzigd):
            berichten.append(bericht)

    return berichten, haak


def _concepten(app: Any, zaaknummer: str) -> dict[str, Any]:
    with app.slot:
        return app.opslag.laad(zaaknummer).get("concepten") or {}


async def test_niet_per_toets_bewaard(maak_app: Any, zaaien: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the consulent types, nothing is read or saved: only the time of the change is noted (the timer that
    keeps the draft waits for the pause; here it is set far away so that it cannot fire during the test)."""
    [zn] = zaaien(["heemstede-toekenning"])
    monkeypatch.setattr(stapconcept, "BEWAAR_NA", 600.0)
    berichten, haak = _opgevangen()
    app = maak_app()
    async with app.run_test(message_hook=haak) as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-plaats", "Huisbezoek in Heemstede")
        await pilot.pause(0.3)
        app._wacht_op_bewaren()
        assert berichten == []
        assert "gesprek" not in _concepten(app, zn)
        assert app.screen._bewaar_timer is not None  # one timer for the whole burst of keys


async def test_concept_na_pauze_in_de_opslag_en_bewaard_getoond(maak_app: Any, zaaien: Any) -> None:
    [zn] = zaaien(["heemstede-toekenning"])
    berichten, haak = _opgevangen()
    app = maak_app()
    tekst = "Huisbezoek in Heemstede"
    async with app.run_test(message_hook=haak) as pilot:  # 80×24
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        scherm = app.screen
        assert scherm.bewaard_tekst == ""
        await typ(pilot, "#v-gesprek-plaats", tekst)
        await wacht_op(pilot, lambda: _concepten(app, zn).get("gesprek", {}).get("v-gesprek-plaats") == tekst)
        concept = _concepten(app, zn)["gesprek"]
        assert concept["_focus"] == "v-gesprek-plaats"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", concept["_bewaard"])
        assert 1 <= len(berichten) < len(tekst)  # after pauses, not per key
        await wacht_op(pilot, lambda: scherm.bewaard_tekst != "")
        assert re.fullmatch(r"bewaard \d\d:\d\d:\d\d", scherm.bewaard_tekst)
        balk = scherm.query_one("#stappenbalk", Static)
        assert scherm.bewaard_tekst in str(balk.render())
        # visible at 80×24: the whole step bar with the besluit highlighted (its longest) and an earlier day's time
        # ("bewaard 28-11 14:03", longer than today's) fits in 80 columns with the bar's padding
        scherm.bewaard_tekst = "bewaard 28-11 14:03"
        assert Text.from_markup(stappenbalk(Stap.BESLUIT) + "   " + scherm.bewaard_tekst).cell_len + 2 <= 80


async def test_tekst_na_tab_komt_in_het_volgende_veld(maak_app: Any, zaaien: Any) -> None:
    """Keys that arrive together (a fast typist, a busy machine: the terminal hands over several at once) — text,
    Tab, text: the text after the Tab lands in the next field, not in the one that was left."""
    zaaien(["heemstede-toekenning"])
    app = maak_app()
    async with app.run_test() as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        assert app.screen.focused.id == "v-gesprek-datum"
        for naam, teken in [("1", "1"), ("2", "2"), ("tab", "\t"), ("Z", "Z"), ("shift+tab", None), ("3", "3")]:
            app._driver.send_message(events.Key(naam, teken))  # as the terminal driver posts them, in one go
        # back in the date with shift+tab, its text is selected (Textual's select-on-focus): "3" replaces "12"
        await wacht_op(pilot, lambda: app.screen.query_one("#v-gesprek-datum", Input).value == "3")
        assert app.screen.query_one("#v-gesprek-plaats", Input).value == "Z"


async def test_openen_zonder_wijziging_bewaart_niets(maak_app: Any, zaaien: Any) -> None:
    """Filling the form with the case's data (rows mounted after the first screenful) is no change of the
    consulent's: no draft, no audit entry."""
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    berichten, haak = _opgevangen()
    app = maak_app()
    async with app.run_test(message_hook=haak) as pilot:
        await ontgrendel(pilot)
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, VerslagScherm) and app.screen.opgebouwd)
        await wacht_op(pilot, lambda: app.screen._bewaar_timer is None)
        app._wacht_op_bewaren()
        assert berichten == []
        assert _concepten(app, zn) == {}


async def test_openen_en_verlaten_verandert_de_zaak_niet(maak_app: Any, zaaien: Any) -> None:
    """A case opened, looked at (the cursor moved) and left — back to the werkvoorraad, locked, quit — is not
    changed: no draft, no audit entry, so the zaaksysteem's sync has nothing new to send (issue 16)."""
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test() as pilot:
        await ontgrendel(pilot)
        with app.slot:
            voor = len(app.opslag.audit(zn))
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, VerslagScherm) and app.screen.opgebouwd)
        await pilot.press("tab", "tab")  # the cursor elsewhere: no change of the consulent's
        await pilot.press("escape")
        await wacht_op(pilot, lambda: not isinstance(app.screen, VerslagScherm))
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, VerslagScherm) and app.screen.opgebouwd)
        await pilot.press("ctrl+l")
        await pilot.pause(0.3)
        app._wacht_op_bewaren()
        with app.slot:
            assert len(app.opslag.audit(zn)) == voor
        assert _concepten(app, zn) == {}


async def test_verlaten_na_typen_bewaart_het_concept(
    maak_app: Any, zaaien: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other side: typed and left before the pause (the autosave timer far away), the draft is kept."""
    [zn] = zaaien(["heemstede-toekenning"])
    monkeypatch.setattr(stapconcept, "BEWAAR_NA", 600.0)
    app = maak_app()
    async with app.run_test() as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-plaats", "Huisbezoek in Heemstede")
        await pilot.press("escape")
        await wacht_op(pilot, lambda: not isinstance(app.screen, GesprekScherm))
        app._wacht_op_bewaren()
        assert "Huisbezoek in Heemstede" in _concepten(app, zn)["gesprek"].values()


async def test_weer_open_typen_vult_aan_en_vervangt_niet(maak_app: Any, zaaien: Any) -> None:
    """Found in tmux: reopened after a restart, the cursor was back in the field with all its text selected (an
    Input selects on focus), so the next key replaced what had been typed. Now the cursor stands after the text."""
    [zn] = zaaien(["heemstede-toekenning"])
    app = maak_app()
    async with app.run_test() as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-plaats", "Huisbezoek")
        await wacht_op(pilot, lambda: "Huisbezoek" in str(_concepten(app, zn).get("gesprek")))
    app.sluit()
    app2 = maak_app()
    async with app2.run_test() as pilot:
        await ontgrendel(pilot)
        await pilot.press("enter")
        await wacht_op(pilot, lambda: getattr(app2.screen.focused, "id", None) == "v-gesprek-plaats")
        await pilot.pause(0.2)
        await pilot.press(*" Rhoon")
        assert app2.screen.query_one("#v-gesprek-plaats", Input).value.endswith("Huisbezoek Rhoon")


async def test_weer_open_bij_de_stap_en_het_veld_van_toen(maak_app: Any, zaaien: Any) -> None:
    """Gone back from the verslag to the gesprek and typed far down its form: opening the case again shows the
    gesprek (not the verslag the case reached), with the cursor in that field and the text in it."""
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test() as pilot:
        await ontgrendel(pilot)
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, VerslagScherm) and app.screen.opgebouwd)
        await pilot.press("ctrl+b")
        await wacht_op(pilot, lambda: isinstance(app.screen, GesprekScherm) and app.screen.opgebouwd)
        await typ(pilot, "#v-gesprek-betrokken_hulp", "Jeugdteam sinds maart")
        await wacht_op(pilot, lambda: "Jeugdteam" in str(_concepten(app, zn).get("gesprek")))
    app.sluit()
    app2 = maak_app()
    async with app2.run_test() as pilot:
        await ontgrendel(pilot)
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app2.screen, GesprekScherm) and app2.screen.opgebouwd)
        await wacht_op(
            pilot, lambda: app2.screen.focused is not None and app2.screen.focused.id == "v-gesprek-betrokken_hulp"
        )
        assert app2.screen.focused.text == "Jeugdteam sinds maart"
        assert app2.screen.bewaard_tekst.startswith("bewaard ")


async def test_noodstop_bewaart_wat_net_getypt_is_en_sluit_de_opslag(
    maak_app: Any, zaaien: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What SIGHUP/SIGTERM/the console's close event run: typed a moment ago (the autosave has not fired), saved
    synchronously; the store is closed and its lock released."""
    [zn] = zaaien(["heemstede-toekenning"])
    monkeypatch.setattr(stapconcept, "BEWAAR_NA", 600.0)
    app = maak_app()
    async with app.run_test() as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-plaats", "Op kantoor")
        app.noodstop()
        assert app.opslag is None
        assert not (tmp_path / "data" / "slot").exists()
        app.noodstop()  # a second signal: nothing more to do
    with Opslag.open(tmp_path / "data", WACHTWOORD) as opslag:
        assert opslag.laad(zn)["concepten"]["gesprek"]["v-gesprek-plaats"] == "Op kantoor"


async def test_noodstop_van_een_andere_thread(
    maak_app: Any, zaaien: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows calls the console handler on a thread of its own: the form is still read on the App's thread."""
    [zn] = zaaien(["heemstede-toekenning"])
    monkeypatch.setattr(stapconcept, "BEWAAR_NA", 600.0)
    app = maak_app()
    async with app.run_test() as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-plaats", "Bij oma")
        await asyncio.to_thread(noodstop.windows_handler(app), noodstop.CTRL_CLOSE_EVENT)
        assert app.opslag is None
    with Opslag.open(tmp_path / "data", WACHTWOORD) as opslag:
        assert opslag.laad(zn)["concepten"]["gesprek"]["v-gesprek-plaats"] == "Bij oma"


class _NepApp:
    def __init__(self) -> None:
        self.gebeurd: list[Any] = []

    def noodstop(self) -> None:
        self.gebeurd.append("noodstop")

    def exit(self, return_code: int = 0) -> None:
        self.gebeurd.append(("exit", return_code))


def test_sighup_bewaart_en_stopt_meteen() -> None:
    app = _NepApp()
    noodstop.bij_signaal(app, signal.SIGHUP, einde=lambda code: app.gebeurd.append(("einde", code)))
    assert app.gebeurd == ["noodstop", ("einde", 129)]


def test_sigterm_bewaart_en_sluit_netjes_af(monkeypatch: pytest.MonkeyPatch) -> None:
    app = _NepApp()
    monkeypatch.setattr(noodstop, "AFSLUITEN_NA", 3600.0)  # the safety net does not fire during the test
    noodstop.bij_signaal(app, signal.SIGTERM, einde=lambda code: app.gebeurd.append(("einde", code)))
    assert app.gebeurd == ["noodstop", ("exit", 143)]


def test_windows_sluitgebeurtenissen() -> None:
    """Close, logoff and shutdown save and are handled; Ctrl+C and Ctrl+Break are left to Windows."""
    for soort, afgehandeld in ((0, False), (1, False), (2, True), (5, True), (6, True)):
        app = _NepApp()
        assert noodstop.windows_handler(app)(soort) is afgehandeld
        assert app.gebeurd == (["noodstop"] if afgehandeld else [])


def test_bewaard_tekst() -> None:
    from datetime import date

    assert stapconcept.bewaard_tekst("2026-05-04T14:03:12", date(2026, 5, 4)) == "bewaard 14:03:12"
    assert stapconcept.bewaard_tekst("2026-05-03T09:15:00", date(2026, 5, 4)) == "bewaard 03-05 09:15"
    assert stapconcept.bewaard_tekst(None) == stapconcept.bewaard_tekst("onzin") == ""
