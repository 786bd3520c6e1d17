"""The other cases the besluit needs (budget ceiling, repeat applications) are read from the store on a thread,
once per open case, never on the UI thread while the besluit is built."""

from __future__ import annotations

import threading
from typing import Any

from screens.besluit import BesluitScherm
from screens.voorliggend import VoorliggendScherm
from smi_tui.zaak import Stap
from tests.ui.hulp import ontgrendel, wacht_op


def tel_lezingen(app: Any) -> list[bool]:
    """Record, per read of the other cases, whether it ran on the UI thread."""
    op_ui: list[bool] = []
    echt = app.opslag.context_voor

    def context_voor(*args: Any, **kw: Any) -> Any:
        op_ui.append(threading.current_thread() is threading.main_thread())
        return echt(*args, **kw)

    app.opslag.context_voor = context_voor
    return op_ui


async def open_bij_besluit(pilot: Any, zaaknummer: str) -> list[bool]:
    """Unlock, count the reads of the other cases from now on, open ``zaaknummer`` at its besluit."""
    app = pilot.app
    await ontgrendel(pilot)
    op_ui = tel_lezingen(app)
    app.open_zaak(zaaknummer)
    # built completely: a test that ends while the form still mounts its last rows stops the App under them
    await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm) and app.screen.opgebouwd)
    return op_ui


async def test_besluit_leest_andere_zaken_niet_op_de_ui_thread(maak_app: Any, zaaien: Any) -> None:
    """Albrandswaard has a budget ceiling: the besluit needs every case of the regulation. Opening a case at the
    besluit reads them on the opening thread; they are kept while the case is open (no second read)."""
    zns = zaaien(["albrandswaard-toekenning"] * 3, Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        op_ui = await open_bij_besluit(pilot, zns[0])
        assert op_ui == [False]  # read once, not on the UI thread
        assert sorted(zn for zn, _ in app._andere_zaken()) == sorted(zns[1:])
        await pilot.press("ctrl+b")
        await wacht_op(pilot, lambda: isinstance(app.screen, VoorliggendScherm))
        await pilot.press("ctrl+s")  # unchanged: the kept other cases still fit
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm))
        app._wacht_op_bewaren()
        await pilot.pause(0.2)
        assert op_ui == [False]


async def test_andere_bsn_leest_opnieuw(maak_app: Any, zaaien: Any) -> None:
    """When the parents' BSNs change, what was read no longer fits: it is read again (on a thread)."""
    zns = zaaien(["albrandswaard-toekenning"] * 2, Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        op_ui = await open_bij_besluit(pilot, zns[0])
        assert app._andere is not None
        sleutel = app._andere[0]
        zaak = app.zaak
        ouder = zaak.melding.ouders[0].model_copy(update={"bsn": "111222333"})
        app.zaak = zaak.model_copy(update={"melding": zaak.melding.model_copy(update={"ouders": [ouder]})})
        app.lees_andere_zaken()
        await wacht_op(pilot, lambda: app._andere is not None and app._andere[0] != sleutel)
        assert op_ui == [False, False]
