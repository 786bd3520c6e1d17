"""The summary (f4) and the budget bar on the besluit (issue 15, deliverables 7 and 8): the whole case read-only
at 80x24 with Dutch names and no BSN, printed as an internal note marked 'niet verzenden' without changing the
store; the besluit under Albrandswaard's budget ceiling (artikel 7 lid 4) shows the bar with its figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from screens.besluit import BesluitScherm
from screens.budgetbalk import BudgetBalk
from screens.samenvatting import SamenvattingScherm
from smi_tui.zaak import Stap
from tests.letters.conftest import tekst_van
from tests.ui.hulp import ontgrendel, voorbeeld, wacht_op
from tests.ui.test_snapshots import vergelijk


def _tekst(app: Any) -> str:
    from rich.console import Console

    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for w in app.screen.query("Static"):
        console.print(w.content)
    return console.export_text()


async def _open_besluit(pilot: Any) -> None:
    app = pilot.app
    await ontgrendel(pilot)
    await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and app.screen.query_one("#zaken").row_count)
    app.screen.query_one("#zaken").focus()
    await pilot.press("enter")
    await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm) and app.screen.opgebouwd)


async def test_samenvatting_80x24_en_interne_notitie(maak_app: Any, zaaien: Any) -> None:
    [zn] = zaaien(["heemstede-toekenning"], Stap.BESLUIT)
    afgedrukt: list[tuple[str, bytes]] = []

    def printer(pad: Path) -> str:
        afgedrukt.append((pad.name, pad.read_bytes()))
        return "naar de testprinter gestuurd"

    app = maak_app(printer=printer)
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and app.screen.query_one("#zaken").row_count)
        assert "f4" not in app.screen.active_bindings  # no case open: nothing to summarise
        app.screen.query_one("#zaken").focus()
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm) and app.screen.opgebouwd)
        with app.slot:
            voor = app.opslag.laad(zn), app.opslag.documenten(zn)
        await pilot.press("f1")  # the help page names the key, in Dutch
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "HulpScherm")
        assert "F4  Samenvatting" in _tekst(app)
        await pilot.press("escape")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm))
        await pilot.press("f4")
        await wacht_op(pilot, lambda: isinstance(app.screen, SamenvattingScherm))
        await vergelijk(pilot, "80x24-samenvatting")
        tekst = _tekst(app)
        for kop in (
            "Ouders en kinderen",
            "Melding en gesprek",
            "Verslag",
            "Voorliggende voorzieningen",
            "Toetsen",
            "Berekening per kind",
            "Besluit",
            "Termijnen",
            "Documenten",
        ):
            assert kop in tekst
        data = voorbeeld("heemstede-toekenning")
        assert "Yasmin El Amrani" in tekst and "Registratie van de opvang (LRK)" in tekst
        assert all(p["bsn"] not in tekst for p in [*data["melding"]["ouders"], *data["melding"]["kinderen"]])
        assert "urenmaximum" not in tekst and "lrk_registratie" not in tekst
        # the calculation per child as the besluit shows it (the example's months summed): € 17.344,80 + € 3.832,32
        assert "€ 17.344,80" in tekst and "€ 3.832,32" in tekst and "€ 21.177,12" in tekst
        await pilot.press("ctrl+o")
        await wacht_op(pilot, lambda: bool(afgedrukt), tijd=30)
        await wacht_op(pilot, lambda: any("interne notitie is" in n.message for n in app._notifications))
        await pilot.press("escape")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm))
        app._wacht_op_bewaren()
        with app.slot:
            assert (app.opslag.laad(zn), app.opslag.documenten(zn)) == voor  # printing the note changes nothing
        await pilot.press("f2")  # from the dossier too
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "NazorgScherm")
        await pilot.press("f4")
        await wacht_op(pilot, lambda: isinstance(app.screen, SamenvattingScherm))
        await pilot.press("f4")
        await wacht_op(pilot, lambda: type(app.screen).__name__ == "NazorgScherm")
    [(naam, pdf)] = afgedrukt
    assert naam == "interne-notitie.pdf"
    assert "INTERNE NOTITIE — NIET VERZENDEN" in tekst_van(pdf) and zn in tekst_van(pdf)


async def test_besluit_toont_budget_als_balk(
    maak_app: Any, zaaien: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Albrandswaard's example application, not decided yet (1 February - 31 July 2026): 6 x € 1.471,58 =
    € 8.829,48 reserved in 2026 against the ceiling of € 30.000,00 (artikel 7 lid 4; the 2025 figure of the
    beleidsregels, configured for 2026); remaining 3.000.000 - 882.948 = 2.117.052 ct."""
    config = tmp_path / "config.toml"
    config.write_text('[budgetplafonds."albrandswaard-2025"]\n2026 = 3000000\n', encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(config))
    zaaien(["albrandswaard-toekenning"], Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await _open_besluit(pilot)
        balk = app.screen.query_one("#budgetbalk", BudgetBalk)
        o = balk.overzicht
        assert (o.jaar, o.plafond_cent, o.vastgelegd_cent, o.resterend_cent) == (2026, 3000000, 0, 2117052)
        assert o.gereserveerd_cent == 882948
        # 42 columns: 40 cells; 882.948 x 40 / 3.000.000 = 11,77 -> 12 reserved, 28 remaining
        assert balk.tekst(42).plain.splitlines()[0] == "[" + "▒" * 12 + "░" * 28 + "]"
        shown = balk.render().plain
        assert "gereserveerd € 8.829,48" in shown and "resterend € 21.170,52" in shown and "€ 30.000,00" in shown
        assert balk.size.height >= 2  # the figures are on screen beneath the bar, not cut off
