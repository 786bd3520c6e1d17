"""The one module that uses Textual's private parts (checked against Textual 8.2.8, pinned in pyproject.toml).

The speed work (issue 5) needs a few things Textual does not offer publicly: building a step screen off-stage
(registered, laid out and painted into its widgets' line caches while another screen shows), skipping the restyle
of every node when a kept screen comes back, and giving the first screen the result callback a pushed screen gets.
Everything else in the app goes through these functions, so a Textual upgrade is checked here and in
``tests/ui/test_textual_intern.py`` (which fails when one of these parts changes its name or signature).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen


def zonder_terugmelding(scherm: Screen[Any], app: App[Any]) -> None:
    """Give ``scherm``, used as the App's default screen, the empty result callback a pushed screen has:
    ``switch_screen`` pops the replaced screen's callback, and Textual gives a default screen none
    (``Screen._push_result_callback``)."""
    scherm._push_result_callback(app, None)


def registreer(app: App[Any], scherm: Screen[Any]) -> None:
    """Register ``scherm`` with the App so that it composes and mounts without being shown (``App._register``;
    Textual does this when a screen is pushed)."""
    app._register(app, scherm)


def wil_layout(scherm: Screen[Any], grootte: Size) -> bool:
    """Whether an off-stage screen asked for a layout (``Screen._layout_required``), or was laid out for another
    terminal size."""
    return bool(scherm._layout_required) or scherm.outer_size != grootte


def leg_uit_buiten_beeld(scherm: Screen[Any], grootte: Size) -> None:
    """Lay out a screen that is not shown and paint it into its widgets' line caches (not to the terminal).

    A screen that is not current is neither laid out nor painted by Textual; when it is shown after this, its size
    is already right and no layout is pending, so Textual only composes its cached lines (measured 4-8 ms instead
    of 15-29 ms for the gesprek). Uses ``Screen._refresh_layout``, ``Screen._layout_required`` (cleared the way
    Textual clears it after a layout) and ``Screen._compositor.render_update``."""
    scherm._refresh_layout(grootte)
    scherm._layout_required = False
    scherm._compositor.render_update(full=True, screen_stack=[])


class ZuinigHervatten(Screen[None]):
    """A screen that is restyled on resume only when its styles can have changed.

    Textual restyles every node of a resumed screen (``Screen._on_screen_resume``). A new step screen's nodes were
    styled when they were mounted a moment ago, and a kept one (hundreds of widgets) only needs it when the theme or
    the App's classes changed while it was away. Subclasses say so with :meth:`stijl_ongewijzigd` and get
    :meth:`na_hervatten` after Textual's own handling (Textual calls ``_on_screen_resume`` or
    ``on_screen_resume`` of a class, not both, so this is the one hook)."""

    def stijl_ongewijzigd(self) -> bool:
        """True when nothing the styles depend on changed since the screen was suspended."""
        return False

    def na_hervatten(self) -> None:
        """Called after the screen was resumed."""

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.stijl_ongewijzigd():
            event.refresh_styles = False
        super()._on_screen_resume(event)
        self.na_hervatten()


def vervang_foutafhandeling(app: App[Any], afhandeling: Any) -> None:
    """Send every unhandled error of ``app`` (handler, timer, worker) to ``afhandeling(error)`` instead of
    Textual's ``App._handle_exception``, whose ``_fatal_error`` prints a traceback with local variables
    (screens/foutafhandeling.py). Idempotent per app."""
    if getattr(app, "_smi_foutafhandeling", None) is None:
        app._smi_foutafhandeling = afhandeling  # type: ignore[attr-defined]  # our own mark on the App, so it is installed once
        app._handle_exception = afhandeling  # type: ignore[method-assign]  # replaces Textual's private handler on purpose (screens/textual_intern.py, checked on upgrade)


def stop_met_fout(app: App[Any], error: Exception) -> None:
    """What ``App._handle_exception`` does before it exits: return code 1, and the first error kept for the test
    pilot (``App._exception``, ``App._exception_event``), which re-raises it from ``run_test``."""
    app._return_code = 1
    if app._exception is None:
        app._exception = error
        app._exception_event.set()
