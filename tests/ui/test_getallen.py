"""Amounts typed as a Dutch consulent writes them: '28.500' is stored as € 28.500,00, '28.50' is refused with a
Dutch message and nothing is stored; beside the field shows what was understood, and the help text comes back."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from textual.widgets import Static

from screens.gesprek import GesprekScherm
from screens.melding import MeldingScherm
from smi_tui.zaak import Stap, Zaak
from tests.ui.hulp import ontgrendel, typ, voorbeeld, vul, wacht_op
from tests.ui.test_wizard import stapdata

INKOMEN = "#v-gesprek-inkomen-toetsingsinkomen_jaar_cent"
INKOMEN_MELDING = "#f-gesprek-inkomen-toetsingsinkomen_jaar_cent"


def tekst(pilot: Any, selector: str) -> str:
    """The text a message line shows."""
    return str(pilot.app.screen.query_one(selector, Static).render())


async def nieuwe_zaak_tot_gesprek(pilot: Any, voorbeeldzaak: dict[str, Any]) -> None:
    """Enter the melding of a new case (ctrl+n) and fill the gesprek from the example, as a consulent types it."""
    app = pilot.app
    delen = stapdata(voorbeeldzaak)
    await pilot.press("ctrl+n")
    await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm))
    await vul(pilot, delen[Stap.MELDING])
    await pilot.press("ctrl+s")
    await wacht_op(pilot, lambda: isinstance(app.screen, GesprekScherm) and app.screen.opgebouwd)
    await vul(pilot, delen[Stap.GESPREK])


async def wacht_op_melding(pilot: Any, selector: str, deel: str) -> None:
    """Wait until the line beside a field shows ``deel`` (it is checked shortly after typing stops)."""
    await wacht_op(pilot, lambda: deel in tekst(pilot, selector))


async def test_28_500_als_jaarinkomen_is_28500_euro(maak_app: Any) -> None:
    """'28.500' typed as the yearly toetsingsinkomen of a new case is stored as 2850000 eurocents (it was € 28,50)."""
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await nieuwe_zaak_tot_gesprek(pilot, voorbeeld("heemstede-toekenning"))
        await typ(pilot, INKOMEN, "28.500")
        await typ(pilot, "#v-opvang-k0-uurprijs_cent", "€ 10,95")
        await wacht_op_melding(pilot, INKOMEN_MELDING, "= € 28.500,00 per jaar")
        await wacht_op_melding(pilot, "#f-opvang-k0-uurprijs_cent", "= € 10,95 per uur")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: not isinstance(app.screen, GesprekScherm))
        zn = app.zaaknummer
        with app.slot:
            opgeslagen = Zaak.model_validate(app.opslag.laad(zn))
    assert opgeslagen.gesprek is not None
    assert opgeslagen.gesprek.inkomen.toetsingsinkomen_jaar_cent == 2_850_000
    kind = opgeslagen.melding.kinderen[0]
    assert kind.opvang is not None and kind.opvang.uurprijs_cent == 1095


async def test_28_50_wordt_geweigerd_en_niets_bewaard(maak_app: Any) -> None:
    """'28.50' has two readings: the field says so in Dutch, ctrl+s stores nothing; written as 28.500 it is stored."""
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await nieuwe_zaak_tot_gesprek(pilot, voorbeeld("heemstede-toekenning"))
        zn = app.zaaknummer
        await typ(pilot, INKOMEN, "28.50")
        await wacht_op_melding(pilot, INKOMEN_MELDING, "niet eenduidig")
        melding = tekst(pilot, INKOMEN_MELDING)
        assert "28,50 (achtentwintig euro vijftig)" in melding
        assert "28.500 (achtentwintigduizend vijfhonderd euro)" in melding
        assert app.screen.query_one(INKOMEN).has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        assert isinstance(app.screen, GesprekScherm)  # not completed
        with app.slot:
            opgeslagen = Zaak.model_validate(app.opslag.laad(zn))
        assert opgeslagen.gesprek is None  # nothing of the gesprek stored, certainly not € 28,50
        assert opgeslagen.stap == Stap.GESPREK

        await typ(pilot, INKOMEN, "28.500")
        await wacht_op_melding(pilot, INKOMEN_MELDING, "= € 28.500,00 per jaar")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: not isinstance(app.screen, GesprekScherm))
        with app.slot:
            opgeslagen = Zaak.model_validate(app.opslag.laad(zn))
    assert opgeslagen.gesprek is not None
    assert opgeslagen.gesprek.inkomen.toetsingsinkomen_jaar_cent == 2_850_000


async def test_hulptekst_komt_terug_en_invoer_is_geen_opmaak(maak_app: Any) -> None:
    """The help text beside the income shows again once the field is emptied; a '[' typed is shown as typed."""
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        await nieuwe_zaak_tot_gesprek(pilot, voorbeeld("heemstede-toekenning"))
        await typ(pilot, INKOMEN, "[b]1")
        await wacht_op_melding(pilot, INKOMEN_MELDING, "'[b]1' is geen bedrag")
        await typ(pilot, INKOMEN, "€ 3.400")
        await wacht_op_melding(pilot, INKOMEN_MELDING, "= € 3.400,00 per jaar")
        await typ(pilot, INKOMEN, "")
        await wacht_op_melding(pilot, INKOMEN_MELDING, "gezamenlijk, per jaar (KOT-tabel)")


async def test_herziening_leest_bedrag_en_uren_als_een_nederlander() -> None:
    """The dossier forms read through the same parser: in a herziening '2.00' paid and '10.5' hours are refused
    (nothing recorded); '2.000' and '10,5' are recorded as € 2.000,00 and 10,5 hours, shown beside the fields."""
    from datetime import date

    from screens.nazorg import NazorgScherm
    from tests.ui.hulp import kies, toetsen
    from tests.ui.test_nazorg import Gastheer

    app = Gastheer("albrandswaard-toekenning", date(2026, 5, 4))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await toetsen(pilot, "w")
        await kies(pilot, "#v-wijziging-soort", "herziening")
        await kies(pilot, "#v-wijziging-grond", "minder_uren_nodig")
        await typ(pilot, "#v-wijziging-ingangsdatum", "2026-04-15")
        kind = next(i for i, k in enumerate(app.zaak.melding.kinderen) if k.opvang is not None)
        await typ(pilot, f"#v-uren-k{kind}", "10.5")
        await typ(pilot, "#v-wijziging-betaald_cent", "2.00")
        await typ(pilot, "#v-wijziging-motivering", "Minder uren nodig volgens de casusregisseur.")
        await wacht_op_melding(pilot, "#f-wijziging-betaald_cent", "niet eenduidig: schrijf 2,00 (twee euro)")
        await wacht_op_melding(pilot, f"#f-uren-k{kind}", "niet eenduidig: schrijf 10,5 (tien komma vijf uur)")
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert app.berichten == []  # nothing recorded
        await typ(pilot, f"#v-uren-k{kind}", "10,5")
        await typ(pilot, "#v-wijziging-betaald_cent", "2.000")
        await wacht_op_melding(pilot, "#f-wijziging-betaald_cent", "= € 2.000,00")
        await wacht_op_melding(pilot, f"#f-uren-k{kind}", "= 10,5 uur")
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NazorgScherm)
        (bericht,) = app.berichten
        (w,) = bericht.zaak.wijzigingen
        assert w.betaald_cent == 200_000
        assert w.opvang[str(kind)].uren_per_week == Decimal("10.5")
