"""The private Textual parts the speed work uses (screens/textual_intern.py) are still there and still do what it
relies on. A Textual upgrade that renames, re-signs or changes one of them fails here, not in a consulent's hands."""

from __future__ import annotations

import inspect
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from screens import textual_intern
from screens.textual_intern import ZuinigHervatten


def _parameters(functie: Any) -> list[str]:
    return list(inspect.signature(functie).parameters)


def test_de_private_delen_bestaan_met_hun_handtekening() -> None:
    assert _parameters(App._register)[:3] == ["self", "parent", "widgets"]
    assert inspect.signature(App._register).parameters["widgets"].kind is inspect.Parameter.VAR_POSITIONAL
    assert _parameters(Screen._refresh_layout)[:2] == ["self", "size"]
    assert _parameters(Screen._push_result_callback)[:3] == ["self", "requester", "callback"]
    assert _parameters(Screen._on_screen_resume) == ["self", "event"]
    assert events.ScreenResume().refresh_styles is True  # the flag ZuinigHervatten turns off
    scherm = Screen()
    assert scherm._layout_required is False
    assert {"full", "screen_stack"} <= set(_parameters(scherm._compositor.render_update))
    # the error handling (screens/foutafhandeling.py through vervang_foutafhandeling / stop_met_fout)
    assert _parameters(App._handle_exception) == ["self", "error"]
    app = App()
    assert app._return_code is None and app._exception is None and not app._exception_event.is_set()


class _Tekst(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("eerste regel\ntweede regel", id="tekst")


class _Zuinig(ZuinigHervatten):
    def __init__(self, ongewijzigd: bool) -> None:
        super().__init__()
        self.ongewijzigd = ongewijzigd
        self.hervat = 0
        self.herstijld = 0

    def compose(self) -> ComposeResult:
        yield Static("zuinig")

    def stijl_ongewijzigd(self) -> bool:
        return self.ongewijzigd

    def na_hervatten(self) -> None:
        self.hervat += 1

    def update_node_styles(self, animate: bool = True) -> None:
        self.herstijld += 1
        super().update_node_styles(animate=animate)


class _Proef(App[None]):
    def get_default_screen(self) -> Screen[Any]:
        self.eerste = _Tekst()
        textual_intern.zonder_terugmelding(self.eerste, self)
        return self.eerste


async def test_eerste_scherm_kan_vervangen_worden() -> None:
    """switch_screen pops the replaced screen's result callback: without the one zonder_terugmelding gives, Textual
    raises on replacing the default screen."""
    app = _Proef()
    async with app.run_test(size=(60, 12)) as pilot:
        tweede = _Tekst()
        await app.switch_screen(tweede)
        await pilot.pause()
        assert app.screen is tweede


async def test_buiten_beeld_opbouwen_en_uitleggen() -> None:
    app = _Proef()
    async with app.run_test(size=(60, 12)) as pilot:
        scherm = _Tekst()
        app.install_screen(scherm, "buiten")
        textual_intern.registreer(app, scherm)
        for _ in range(100):
            if scherm.is_mounted and scherm.query("#tekst"):
                break
            await pilot.pause(0.01)
        assert scherm.is_mounted and app.screen is not scherm  # composed and mounted, not shown
        assert textual_intern.wil_layout(scherm, app.size)
        textual_intern.leg_uit_buiten_beeld(scherm, app.size)
        assert not textual_intern.wil_layout(scherm, app.size)
        tekst = scherm.query_one("#tekst", Static)
        assert tekst.region.width == 60 and tekst.region.height == 2  # laid out at the terminal's size
        await app.push_screen(scherm)
        await pilot.pause()
        assert app.screen is scherm and tekst.region.height == 2  # shown as it was laid out


async def test_zuinig_hervatten_slaat_herstijlen_over() -> None:
    """A kept screen switched back to (as the wizard's steps are) is restyled only when its styles can have
    changed, and hears of its resume."""
    app = _Proef()
    async with app.run_test(size=(60, 12)) as pilot:
        for ongewijzigd, herstijld in ((True, False), (False, True)):
            zuinig, ander = _Zuinig(ongewijzigd), _Tekst()
            app.install_screen(zuinig, f"zuinig-{ongewijzigd}")
            app.install_screen(ander, f"ander-{ongewijzigd}")
            await app.push_screen(zuinig)
            await app.switch_screen(ander)
            await pilot.pause()
            voor, hervat = zuinig.herstijld, zuinig.hervat
            await app.switch_screen(zuinig)
            await pilot.pause()
            assert zuinig.hervat == hervat + 1
            assert (zuinig.herstijld > voor) is herstijld
            await app.pop_screen()
