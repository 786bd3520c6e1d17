"""Kept step screens after an earlier step changed the case: kept when their structure did not change (and showing
the new data of the earlier step), built again when it did; what the consulent typed in them survives both ways."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from screens.gesprek import GesprekScherm
from screens.melding import MeldingScherm
from screens.verslag import VerslagScherm
from smi_tui.zaak import Stap, Zaak
from tests.ui.hulp import kies, ontgrendel, typ, wacht_op


def tekst(scherm: Any, selector: str) -> str:
    return str(scherm.query_one(selector, Static).render())


def koppen(scherm: Any) -> list[str]:
    return [str(s.render()) for s in scherm.query(".sectie-kop")]


async def naar(pilot: Any, toets: str, klasse: type) -> Any:
    """Press ``toets`` and wait until a complete screen of ``klasse`` shows."""
    await pilot.press(toets)
    await wacht_op(pilot, lambda: isinstance(pilot.app.screen, klasse) and pilot.app.screen.opgebouwd)
    return pilot.app.screen


async def open_bij_verslag(pilot: Any) -> None:
    """Open the only case (seeded at the verslag), go back to the gesprek, type a place there (not completed),
    and go back to the melding."""
    app = pilot.app
    await ontgrendel(pilot)
    await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and app.screen.query_one("#zaken").row_count)
    app.screen.query_one("#zaken").focus()
    await pilot.press("enter")
    await wacht_op(pilot, lambda: isinstance(app.screen, VerslagScherm) and app.screen.opgebouwd)
    await naar(pilot, "ctrl+b", GesprekScherm)
    await typ(pilot, "#v-gesprek-plaats", "huisbezoek Zandvoort")
    await naar(pilot, "ctrl+b", MeldingScherm)
    await wacht_op(pilot, lambda: Stap.VERSLAG in app._schermen and app._schermen[Stap.VERSLAG].opgebouwd)


async def test_gewijzigde_namen_in_het_bewaarde_gesprek(maak_app: Any, zaaien: Any) -> None:
    """Names changed in the melding: the kept gesprek and verslag stay (same screens), show the new names, and the
    gesprek keeps the place typed there; completing it saves both."""
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_bij_verslag(pilot)
        gesprek, verslag = app._schermen[Stap.GESPREK], app._schermen[Stap.VERSLAG]
        await typ(pilot, "#v-melding-kinderen-0-naam", "Noor El Amrani")
        await typ(pilot, "#v-melding-ouders-0-naam", "Fatima Bakker")
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is gesprek and app._schermen[Stap.VERSLAG] is verslag  # kept, not built again
        assert any("Gevraagde opvang voor Noor El Amrani" in k for k in koppen(scherm))
        assert "Fatima Bakker" in tekst(scherm, "#stap-kop") and "Fatima Bakker" in tekst(verslag, "#stap-kop")
        assert scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"
        assert scherm.query_one("#v-opvang-k0-aanbieder", Input).value  # the saved childcare is still there
        await naar(pilot, "ctrl+s", VerslagScherm)
        app._wacht_op_bewaren()
        with app.slot:
            zaak = Zaak.model_validate(app.opslag.laad(zn))
        assert zaak.melding.kinderen[0].naam == "Noor El Amrani" and zaak.aanvrager.naam == "Fatima Bakker"
        assert zaak.gesprek is not None and zaak.gesprek.plaats == "huisbezoek Zandvoort"
        assert zaak.melding.kinderen[0].opvang is not None


async def test_kind_erbij_bouwt_het_gesprek_opnieuw(maak_app: Any, zaaien: Any) -> None:
    """A child added in the melding: the gesprek is built again with a childcare group for the new child; what was
    typed in the gesprek and the first children's childcare survive."""
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_bij_verslag(pilot)
        gesprek = app._schermen[Stap.GESPREK]
        aanbieder = gesprek.query_one("#v-opvang-k0-aanbieder", Input).value
        await pilot.press("ctrl+t")
        await wacht_op(pilot, lambda: app.screen.query("#v-melding-kinderen-2-naam"))
        await typ(pilot, "#v-melding-kinderen-2-naam", "Sami El Amrani")
        await typ(pilot, "#v-melding-kinderen-2-geboortedatum", "2024-01-15")
        await kies(pilot, "#v-melding-kinderen-2-ingeschreven_in_gemeente", True)
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is not gesprek  # built again: one more childcare group
        assert any("Gevraagde opvang voor Sami El Amrani" in k for k in koppen(scherm))
        assert scherm.query("#v-opvang-k2-soort")
        assert scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"
        assert scherm.query_one("#v-opvang-k0-aanbieder", Input).value == aanbieder
        app._wacht_op_bewaren()
        with app.slot:
            zaak = Zaak.model_validate(app.opslag.laad(zn))
        assert [k.naam for k in zaak.melding.kinderen][-1] == "Sami El Amrani"


async def test_andere_regeling_bouwt_latere_stappen_opnieuw(maak_app: Any, zaaien: Any) -> None:
    """Another gemeente in the melding: the gesprek and verslag are built from the new regulation (its header and
    caps); the place typed in the gesprek survives."""
    zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_bij_verslag(pilot)
        gesprek, verslag = app._schermen[Stap.GESPREK], app._schermen[Stap.VERSLAG]
        await kies(pilot, "#v-regeling", "eemnes")
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is not gesprek and scherm.regeling is not None and scherm.regeling.gemeente_code == "eemnes"
        assert "Eemnes" in tekst(scherm, "#stap-kop")
        assert scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"
        assert app._schermen.get(Stap.VERSLAG) is not verslag
        await typ(pilot, "#v-opvang-k0-uren_per_week", "60")  # 60 x 50 weeks / 12 = 250 hours a month
        await wacht_op(pilot, lambda: "230 uur per maand" in tekst(scherm, "#f-opvang-k0-uren_per_week"))
        assert "33 uur" not in tekst(scherm, "#f-opvang-k0-uren_per_week")  # Heemstede's cap is gone
