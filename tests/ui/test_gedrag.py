"""Validation as you type, resuming a half-filled step, and the idle lock."""

from __future__ import annotations

import gc
from typing import Any

from textual.widgets import Static

from screens.gesprek import GesprekScherm
from screens.melding import MeldingScherm
from screens.vergrendeld import VergrendeldScherm
from smi_tui.zaak import Stap, Zaak
from tests.ui.hulp import WACHTWOORD, kies, ontgrendel, typ, wacht_op


def tekst(pilot: Any, selector: str) -> str:
    """The text of a message label on the current screen."""
    return str(pilot.app.screen.query_one(selector, Static).render())


async def open_eerste_zaak(pilot: Any) -> None:
    """Open the first case of the werkvoorraad with Enter."""
    app = pilot.app
    await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and app.screen.query_one("#zaken").row_count)
    pilot.app.screen.query_one("#zaken").focus()
    await pilot.press("enter")
    await wacht_op(pilot, lambda: isinstance(pilot.app.screen, GesprekScherm) and pilot.app.screen.opgebouwd)


async def test_foute_invoer_geeft_meldingen_en_wordt_niet_bewaard(maak_app: Any, zaaien: Any) -> None:
    """Wrong BSN, an end date before the start date, hours above the cap: Dutch messages; nothing saved."""
    [zn] = zaaien(["heemstede-toekenning"])
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm))
        await typ(pilot, "#v-melding-ouders-0-bsn", "123456789")
        await pilot.pause(0.3)
        assert "11-proef" in tekst(pilot, "#f-melding-ouders-0-bsn")
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MeldingScherm)
        with app.slot:
            assert [r.zaaknummer for r in app.opslag.lijst()] == [zn]  # no new case

        await pilot.press("escape")
        await open_eerste_zaak(pilot)
        await kies(pilot, "#v-opvang-k0-soort", "dagopvang")
        for veld, waarde in [
            ("aanbieder", "Het Groenhof"),
            ("lrk_nummer", "234567891"),
            ("uurprijs_cent", "10,95"),
            ("uren_per_week", "40"),
            ("weken_per_jaar", "50"),
            ("begindatum", "2026-05-01"),
            ("einddatum", "2026-04-01"),
        ]:
            await typ(pilot, f"#v-opvang-k0-{veld}", waarde)
        await pilot.pause(0.3)
        assert "einddatum van de opvang ligt vóór de begindatum" in tekst(pilot, "#f-opvang-k0")
        uren = tekst(pilot, "#f-opvang-k0-uren_per_week")
        assert "33 uur per week" in uren and "Ad. 4" in uren
        await typ(pilot, "#v-opvang-k0-uurprijs_cent", "80")
        await pilot.pause(0.3)
        assert "50" in tekst(pilot, "#f-opvang-k0-uurprijs_cent")
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        assert isinstance(app.screen, GesprekScherm)
        with app.slot:
            opgeslagen = Zaak.model_validate(app.opslag.laad(zn))
        assert opgeslagen.gesprek is None and opgeslagen.melding.kinderen[0].opvang is None


async def test_halverwege_stoppen_en_verder_gaan(maak_app: Any, zaaien: Any) -> None:
    """Quit in the middle of the gesprek; the next start opens the case at the gesprek with the same data."""
    [zn] = zaaien(["eemnes-toekenning"])
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-datum", "2026-04-14")
        await typ(pilot, "#v-gesprek-problematiek", "Moeder is ernstig ziek.\nVader werkt.")
        await kies(pilot, "#v-gesprek-netwerk_kan_opvang_bieden", False)
        await typ(pilot, "#v-opvang-k0-uren_per_week", "36")
        await pilot.press("ctrl+q")
    with_concept = app  # closed by ctrl+q
    assert with_concept.opslag is None

    app2 = maak_app()
    async with app2.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        rij = next(r for r in app2.rijen if r.zaaknummer == zn) if app2.rijen else None
        await open_eerste_zaak(pilot)
        assert rij is None or rij.status == Stap.GESPREK.value
        s = app2.screen
        assert s.query_one("#v-gesprek-datum").value == "2026-04-14"
        assert s.query_one("#v-gesprek-problematiek").text == "Moeder is ernstig ziek.\nVader werkt."
        assert s.query_one("#v-gesprek-netwerk_kan_opvang_bieden").value is False
        assert s.query_one("#v-opvang-k0-uren_per_week").value == "36"


async def test_vergrendelt_na_stilte_zonder_verlies(maak_app: Any, zaaien: Any) -> None:
    """After the idle time a lock covers the app; the draft is saved; the passphrase brings the step back."""
    [zn] = zaaien(["voerendaal-toekenning"])
    app = maak_app(vergrendel_na=0.4)  # the check runs every 0.1 s
    app.vergrendel_na = 3600
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        await open_eerste_zaak(pilot)
        await typ(pilot, "#v-gesprek-plaats", "huisbezoek")
        app.vergrendel_na = 0.4
        await wacht_op(pilot, lambda: isinstance(app.screen, VergrendeldScherm), tijd=5)
        await wacht_op(pilot, lambda: "gesprek" in Zaak.model_validate(app.opslag.laad(zn)).concepten)
        await typ(pilot, "#ontgrendel-wachtwoord", "verkeerd wachtwoord")
        await pilot.press("enter")
        await wacht_op(pilot, lambda: "achtwoord" in tekst(pilot, "#ontgrendel-fout"))
        assert isinstance(app.screen, VergrendeldScherm)
        await typ(pilot, "#ontgrendel-wachtwoord", WACHTWOORD)
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, GesprekScherm))
        assert app.screen.query_one("#v-gesprek-plaats").value == "huisbezoek"


async def test_concept_van_nieuwe_melding_overleeft_afsluiten(maak_app: Any, zaaien: Any) -> None:
    """Quit halfway through a brand-new melding (no case yet); after a restart ctrl+n brings the draft back."""
    zaaien(["heemstede-toekenning"])
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm) and app.screen.opgebouwd)
        await typ(pilot, "#v-melding-ouders-0-naam", "Fatima el Amrani")
        await typ(pilot, "#v-melding-kinderen-0-naam", "Yusuf")
        await pilot.press("ctrl+q")
    assert app.opslag is None

    app2 = maak_app()
    async with app2.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        with app2.slot:
            assert len(app2.opslag.lijst()) == 1  # the draft is not a case
        await wacht_op(pilot, lambda: app2.nieuw_concept is not None)
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: isinstance(app2.screen, MeldingScherm) and app2.screen.opgebouwd)
        s = app2.screen
        assert s.query_one("#v-melding-ouders-0-naam").value == "Fatima el Amrani"
        assert s.query_one("#v-melding-kinderen-0-naam").value == "Yusuf"


async def test_ctrl_k_en_ctrl_u_wissen_in_een_veld(maak_app: Any, zaaien: Any) -> None:
    """ctrl+k and ctrl+u delete to the end / start of the line in an input (no app binding shadows them)."""
    zaaien(["heemstede-toekenning"])
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await pilot.press("ctrl+f")
        await typ(pilot, "#zoek", "abcdef")
        await pilot.press("left", "left", "ctrl+k")
        assert app.screen.query_one("#zoek").value == "abcd"
        await pilot.press("left", "ctrl+u")
        assert app.screen.query_one("#zoek").value == "d"
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm) and app.screen.opgebouwd)
        await typ(pilot, "#v-melding-melder_naam", "wijkteam Noord")
        await pilot.press("home", "right", "ctrl+k")
        assert app.screen.query_one("#v-melding-melder_naam").value == "w"
        assert len(app.screen.query("#kind-1")) == 0  # no child added by ctrl+k
        await pilot.press("ctrl+t")
        await wacht_op(pilot, lambda: len(app.screen.query("#kind-1")) == 1)


async def test_collector_uit_tijdens_ontgrendelen_en_daarna_weer_aan(maak_app: Any, zaaien: Any) -> None:
    """The garbage collector is off only while unlocking and building the werkvoorraad: a wrong passphrase and the
    werkvoorraad both turn it on again (it must never stay off for the session)."""
    zaaien(["heemstede-toekenning"])
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await typ(pilot, "#wachtwoord", "verkeerd wachtwoord")
        await pilot.press("enter")
        await wacht_op(pilot, lambda: "achtwoord" in tekst(pilot, "#wachtwoord-fout"))
        assert gc.isenabled()
        await ontgrendel(pilot)
        await wacht_op(pilot, gc.isenabled)
