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


async def kind_erbij(pilot: Any) -> None:
    """In the melding: ctrl+t adds a third child, filled in so that the melding validates."""
    await pilot.press("ctrl+t")
    await wacht_op(pilot, lambda: pilot.app.screen.query("#v-melding-kinderen-2-naam"))
    await typ(pilot, "#v-melding-kinderen-2-naam", "Sami El Amrani")
    await typ(pilot, "#v-melding-kinderen-2-geboortedatum", "2024-01-15")
    await kies(pilot, "#v-melding-kinderen-2-ingeschreven_in_gemeente", True)


async def test_kind_erbij_bouwt_het_gesprek_opnieuw(maak_app: Any, zaaien: Any) -> None:
    """A child added in the melding: the gesprek is built again with a childcare group for the new child; what was
    typed in the gesprek and the first children's childcare survive."""
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_bij_verslag(pilot)
        gesprek = app._schermen[Stap.GESPREK]
        aanbieder = gesprek.query_one("#v-opvang-k0-aanbieder", Input).value
        await kind_erbij(pilot)
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


async def vooraf_klaar(pilot: Any, gemeente: str | None = None, kinderen: int | None = None) -> Any:
    """Wait until the App has built the gesprek ahead (off-stage, laid out) for the melding as it is now."""
    app = pilot.app

    def klaar() -> bool:
        s = app._vooraf.get(Stap.GESPREK)
        return (
            s is not None
            and s.is_mounted
            and s.focused is not None
            and not s._layout_required
            and (gemeente is None or s.regeling.gemeente_code == gemeente)
            and (kinderen is None or s.sleutel[1] == kinderen)
        )

    await wacht_op(pilot, klaar)
    return app._vooraf[Stap.GESPREK]


async def vers_geschilderd(pilot: Any) -> None:
    """What the terminal shows is what every widget renders now (no line painted ahead off-stage is stale)."""
    for w in pilot.app.screen.query("Input, TextArea"):
        w.cursor_blink = False  # type: ignore[attr-defined]  # a blinking cursor differs between two screenshots
    await pilot.pause()
    voor = pilot.app.export_screenshot()
    for w in pilot.app.screen.walk_children():
        w.refresh()
    pilot.app.screen.refresh()
    await pilot.pause()
    na = pilot.app.export_screenshot()
    if na != voor:  # say where, not only that they differ
        import difflib

        verschil = "".join(list(difflib.unified_diff(voor.splitlines(True), na.splitlines(True), n=0))[:40])
        raise AssertionError(f"scherm verandert bij opnieuw tekenen:\n{verschil}")


async def test_andere_regeling_vooraf_gebouwd(maak_app: Any, zaaien: Any) -> None:
    """Another gemeente in the melding: while the consulent looks, the App builds the gesprek for it off-stage;
    ctrl+s shows that screen (not built again), with the new regulation, the place typed before and the saved
    childcare; its first paint matches a fresh render."""
    zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_bij_verslag(pilot)
        gesprek = app._schermen[Stap.GESPREK]
        aanbieder = gesprek.query_one("#v-opvang-k0-aanbieder", Input).value
        await kies(pilot, "#v-regeling", "eemnes")
        vooraf = await vooraf_klaar(pilot, "eemnes")
        assert app._schermen[Stap.GESPREK] is gesprek  # the kept one stays until the melding is completed
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is vooraf and app._schermen[Stap.GESPREK] is vooraf and not app._vooraf
        assert "Eemnes" in tekst(scherm, "#stap-kop")
        await vers_geschilderd(pilot)
        assert scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"
        assert scherm.query_one("#v-opvang-k0-aanbieder", Input).value == aanbieder
        await typ(pilot, "#v-opvang-k0-uren_per_week", "60")
        await wacht_op(pilot, lambda: "230 uur per maand" in tekst(scherm, "#f-opvang-k0-uren_per_week"))
        await wacht_op(pilot, lambda: not gesprek.is_attached)  # the old screen is removed


async def test_tweede_wijziging_voor_afronden(maak_app: Any, zaaien: Any) -> None:
    """The melding changes again after the gesprek was built ahead: back to the old gemeente keeps the kept gesprek
    (the one built ahead is dropped); a name changed afterwards still uses the one built ahead (shown with the new
    name); another gemeente chosen just before ctrl+s is never shown with the screen built for the previous one."""
    zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_bij_verslag(pilot)
        gesprek = app._schermen[Stap.GESPREK]
        await kies(pilot, "#v-regeling", "eemnes")
        eemnes = await vooraf_klaar(pilot, "eemnes")
        await kies(pilot, "#v-regeling", "heemstede")
        await wacht_op(pilot, lambda: not app._vooraf)
        await wacht_op(pilot, lambda: not eemnes.is_attached)
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is gesprek and scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"

        await naar(pilot, "ctrl+b", MeldingScherm)
        await kies(pilot, "#v-regeling", "eemnes")
        eemnes = await vooraf_klaar(pilot, "eemnes")
        await typ(pilot, "#v-melding-kinderen-0-naam", "Noor El Amrani")
        await pilot.pause(0.5)
        assert app._vooraf.get(Stap.GESPREK) is eemnes  # the structure is the same: not built again
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is eemnes and any("Gevraagde opvang voor Noor El Amrani" in k for k in koppen(scherm))
        await vers_geschilderd(pilot)
        assert scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"

        await naar(pilot, "ctrl+b", MeldingScherm)
        await kies(pilot, "#v-regeling", "heemstede")
        heemstede = await vooraf_klaar(pilot, "heemstede")
        await kies(pilot, "#v-regeling", "albrandswaard")
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)  # before the App could build ahead again
        assert scherm is not heemstede and scherm.regeling.gemeente_code == "albrandswaard"
        assert scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"


async def test_kind_erbij_vooraf_gebouwd(maak_app: Any, zaaien: Any) -> None:
    """A child added and filled in: the gesprek with a childcare group for it is built ahead and shown on ctrl+s;
    the place typed in the gesprek and the saved childcare of the first child survive."""
    [zn] = zaaien(["heemstede-toekenning"], Stap.VERSLAG)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_bij_verslag(pilot)
        gesprek = app._schermen[Stap.GESPREK]
        aanbieder = gesprek.query_one("#v-opvang-k0-aanbieder", Input).value
        await kind_erbij(pilot)
        vooraf = await vooraf_klaar(pilot, kinderen=3)
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is vooraf and scherm.query("#v-opvang-k2-soort")
        assert any("Gevraagde opvang voor Sami El Amrani" in k for k in koppen(scherm))
        assert scherm.query_one("#v-gesprek-plaats", Input).value == "huisbezoek Zandvoort"
        assert scherm.query_one("#v-opvang-k0-aanbieder", Input).value == aanbieder
        await vers_geschilderd(pilot)
        await naar(pilot, "ctrl+s", VerslagScherm)
        app._wacht_op_bewaren()
        with app.slot:
            zaak = Zaak.model_validate(app.opslag.laad(zn))
        assert zaak.gesprek is not None and zaak.gesprek.plaats == "huisbezoek Zandvoort"
        assert zaak.melding.kinderen[0].opvang is not None and zaak.melding.kinderen[0].opvang.aanbieder == aanbieder
        assert len(zaak.melding.kinderen) == 3


async def test_nieuwe_melding_vooraf_gebouwd(maak_app: Any) -> None:
    """A new melding typed in completely: the gesprek is built ahead from it and shown on ctrl+s; once the case is
    created its header shows the zaaknummer."""
    from tests.ui.hulp import voorbeeld, vul
    from tests.ui.test_wizard import stapdata

    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await pilot.press("ctrl+n")
        await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm) and app.screen.opgebouwd)
        melding = stapdata(voorbeeld("eemnes-toekenning"))[Stap.MELDING]
        for _ in range(len(melding["melding"]["kinderen"]) - 1):
            await pilot.press("ctrl+t")
            await pilot.pause()
        await vul(pilot, melding)
        vooraf = await vooraf_klaar(pilot, "eemnes", kinderen=len(melding["melding"]["kinderen"]))
        assert "nieuwe zaak" in tekst(vooraf, "#stap-kop")
        scherm = await naar(pilot, "ctrl+s", GesprekScherm)
        assert scherm is vooraf
        await wacht_op(pilot, lambda: app.zaaknummer is not None)
        await wacht_op(pilot, lambda: app.zaaknummer in tekst(scherm, "#stap-kop"))
        await vers_geschilderd(pilot)
