"""Autosave around the dossier (issue 11, left over): a record form in the dossier (F2) is kept as a draft like a
step and comes back when the case opens again; closing it throws the draft away; a read-only step (the decision
is final) keeps no draft when it is left or locked."""

from __future__ import annotations

from typing import Any

from screens.nazorg import NazorgScherm
from screens.stap import StapScherm
from screens.vastleggen import VastleggenScherm
from screens.vergrendeld import VergrendeldScherm
from storage import Opslag
from tests.ui.hulp import WACHTWOORD, ontgrendel, typ, voorbeeld, wacht_op
from tests.ui.test_vergrendel import ontgrendel_slot


def _zaai(tmp_path: Any, naam: str) -> str:
    """A store with one example case as it is, decided (the ``zaaien`` fixture cuts a case back to a step)."""
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        return opslag.nieuwe_zaak({**voorbeeld(naam), "stap": "afgerond"}, consulent="J. Visser")


def _concepten(app: Any, zaaknummer: str) -> dict[str, Any]:
    app._wacht_op_bewaren()
    with app.slot:
        return app.opslag.laad(zaaknummer).get("concepten") or {}


async def _open_dossier(pilot: Any) -> None:
    app = pilot.app
    await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and app.screen.query_one("#zaken").row_count)
    app.screen.query_one("#zaken").focus()
    await pilot.press("f2")
    await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))


async def test_dossierformulier_bewaard_en_terug(maak_app: Any, tmp_path: Any) -> None:
    zn = _zaai(tmp_path, "albrandswaard-toekenning")
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        await _open_dossier(pilot)
        await pilot.press("e")  # record an evaluation
        await wacht_op(pilot, lambda: isinstance(app.screen, VastleggenScherm))
        await pilot.pause(0.3)
        assert "afgerond" not in _concepten(app, zn)  # as it opened: nothing typed, nothing kept
        await typ(pilot, "#v-evaluatie-door", "R. Kok, casusregisseur")
        await wacht_op(pilot, lambda: "afgerond" in _concepten(app, zn), tijd=5)
        concept = _concepten(app, zn)["afgerond"]
        assert concept["_formulier"] == "evaluatie" and concept["v-evaluatie-door"] == "R. Kok, casusregisseur"
        await wacht_op(pilot, lambda: "bewaard" in str(app.screen.query_one("#vastleggen-titel").render()))

    app.sluit()
    app = maak_app()  # started again: the case opens at the dossier (its draft is the newest), the form as it was
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        werkvoorraad = app.screen
        await wacht_op(
            pilot, lambda: f"Verder met zaak {zn}" in str(werkvoorraad.query_one("#werkvoorraad-detail").render())
        )
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, VastleggenScherm))
        await pilot.pause(0.2)
        assert app.screen.query_one("#v-evaluatie-door").value == "R. Kok, casusregisseur"
        assert app.focused is app.screen.query_one("#v-evaluatie-door")  # the cursor where it was
        await pilot.press("escape")  # cancelled: the draft is done with
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        await wacht_op(pilot, lambda: "afgerond" not in _concepten(app, zn), tijd=5)


async def test_alleen_lezen_stap_bewaart_geen_concept(maak_app: Any, tmp_path: Any) -> None:
    """The Heemstede example's beschikking was sent (24 April 2026): every step is read-only."""
    zn = _zaai(tmp_path, "heemstede-toekenning")
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot)
        await _open_dossier(pilot)
        await pilot.press("s")  # the besluit, read-only
        await wacht_op(pilot, lambda: isinstance(app.screen, StapScherm) and app.screen.opgebouwd)
        assert app.screen.alleen_lezen()
        await pilot.press("ctrl+l")
        await wacht_op(pilot, lambda: isinstance(app.screen, VergrendeldScherm))
        assert _concepten(app, zn) == {}
        await ontgrendel_slot(pilot)
        await wacht_op(pilot, lambda: isinstance(app.screen, StapScherm))
        await pilot.press("escape")  # leaving it keeps nothing either
        await wacht_op(pilot, lambda: not isinstance(app.screen, StapScherm))
        assert _concepten(app, zn) == {}
