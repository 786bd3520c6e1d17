"""Before the definitive beschikking (issue 15, deliverable 7): ctrl+g first shows what will be decided; Escape or
n makes, stores and prints nothing; p opens a marked proof from a temp copy that goes when the dialog closes; only
j / Enter on "Definitief maken en afdrukken" makes and prints it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button

from screens.beschikking_bevestigen import BeschikkingBevestigen
from screens.besluit import BesluitScherm
from smi_tui.zaak import Stap, Zaak
from storage import Opslag
from tests.letters.conftest import tekst_van
from tests.ui.hulp import WACHTWOORD, ontgrendel, voorbeeld, wacht_op


@pytest.fixture
def zaai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from tests.ui.conftest import _VasteDatum

    monkeypatch.setattr("storage.opslag.date", _VasteDatum)

    def zaai(naam: str, **besluit: Any) -> str:
        data = voorbeeld(naam)
        data["besluit"].update(besluit)
        with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
            return opslag.nieuwe_zaak(data, consulent="J. Visser")

    return zaai


def _opgeslagen(app: Any, zn: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    app._wacht_op_bewaren()
    with app.slot:
        return app.opslag.laad(zn), app.opslag.documenten(zn)


async def _open_besluit(pilot: Any, zn: str) -> BesluitScherm:
    await ontgrendel(pilot)
    pilot.app.open_zaak(zn)
    await wacht_op(pilot, lambda: isinstance(pilot.app.screen, BesluitScherm) and pilot.app.screen.opgebouwd)
    return pilot.app.screen


def _tekst(app: Any) -> str:
    """The dialog's text as shown (its table drawn at 200 columns, so no line breaks inside a phrase)."""
    from rich.console import Console

    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for w in app.screen.query("Static"):
        console.print(w.content)
    return console.export_text()


async def test_annuleren_bewaart_en_drukt_niets(maak_app: Any, zaai: Any, afgedrukt: list[Any]) -> None:
    """Heemstede, not sent yet, two children: the dialog names each child with its period and amount, the
    recipients and the bezwaar date; Escape and n leave the store, the documents and the printer untouched."""
    zn = zaai("heemstede-toekenning", verzonden_op=None)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_besluit(pilot, zn)
        voor = _opgeslagen(app, zn)
        for toets in ("escape", "n"):
            await pilot.press("ctrl+g")
            await wacht_op(pilot, lambda: isinstance(app.screen, BeschikkingBevestigen))
            tekst = _tekst(app)
            # the example's calculation (voorbeelden/heemstede-toekenning.json), as the beschikking says it
            assert "Yasmin El Amrani" in tekst and "1 mei 2026 t/m 30 april 2027" in tekst
            assert "Adam El Amrani" in tekst and "buitenschoolse opvang" in tekst
            assert "Maximum aantal uren" in tekst  # what a partial grant refuses
            # sent today (4 May 2026, the tests' clock): six weeks from the day after = 15 June 2026 (Awb 6:7, 6:8)
            assert "tot en met 15 juni 2026" in tekst
            knop = app.screen.query_one("#maken", Button)
            assert str(knop.label) == "Definitief maken en afdrukken" and knop.has_focus
            assert app.screen.region.contains_region(knop.region)  # visible at 80x24, not scrolled away
            await pilot.press(toets)
            await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm))
            await pilot.pause(0.2)
            assert _opgeslagen(app, zn) == voor
            assert voor[1] == [] and afgedrukt == []
            assert app.zaak is not None and app.zaak.stap == Stap.BESLUIT
            assert any("geen beschikking gemaakt" in n.message for n in app._notifications)


async def test_proefdruk_en_daarna_definitief(
    maak_app: Any, zaai: Any, afgedrukt: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """p opens a proof marked on every page (nothing stored); its temp copy is removed when the dialog closes;
    Enter on "Definitief maken en afdrukken" then makes, stores and prints both letters."""
    getoond: list[tuple[Path, bytes]] = []

    def viewer(pad: Path) -> str:
        getoond.append((pad, pad.read_bytes()))
        return "geopend in de testviewer"

    monkeypatch.setattr("screens.brieven.toon_pdf", viewer)
    zn = zaai("heemstede-toekenning", verzonden_op=None)
    app = maak_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await _open_besluit(pilot, zn)
        await pilot.press("ctrl+g")
        await wacht_op(pilot, lambda: isinstance(app.screen, BeschikkingBevestigen))
        await pilot.press("p")
        await wacht_op(pilot, lambda: bool(getoond), tijd=30)
        pad, pdf = getoond[0]
        assert pad.exists()
        tekst = tekst_van(pdf)
        assert "PROEFDRUK — NIET VERZENDEN — nog niet definitief" in tekst and zn in tekst
        assert _opgeslagen(app, zn)[1] == [] and afgedrukt == []
        await pilot.press("escape")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm))
        assert not pad.exists()  # the private copy went with the dialog
        await pilot.press("ctrl+g")
        await wacht_op(pilot, lambda: isinstance(app.screen, BeschikkingBevestigen))
        await pilot.press("enter")
        await wacht_op(pilot, lambda: app.zaak is not None and app.zaak.stap == Stap.AFGEROND, tijd=30)
        data, docs = _opgeslagen(app, zn)
        with app.slot:  # the printed beschikking as stored: no proof mark on it
            beschikking = app.opslag.document(zn, next(d["id"] for d in docs if d["soort"] == "beschikking"))
    assert sorted(d["soort"] for d in docs) == ["beschikking", "plan-van-aanpak"]
    assert len(afgedrukt) == 2
    assert Zaak.model_validate(data).besluit.afgedrukt_op is not None  # type: ignore[union-attr]
    assert "PROEFDRUK" not in tekst_van(beschikking)
