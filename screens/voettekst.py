"""The footer of every screen: Textual's Footer, recomposed only when the keys it shows change.

Textual's Footer builds its key widgets again whenever the bindings may have changed: on every focus change and
every screen switch. In a step form that is every Tab, and building them restyles each key; here the footer
compares what it would show with what it shows and keeps its widgets when nothing changed.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class Voettekst(Footer):
    """A Footer that skips recomposing when the shown keys are the same."""

    _getoond: tuple[Any, ...] | None = None

    def _sleutel(self) -> tuple[Any, ...]:
        return tuple((k, b.description, b.action, b.show, aan) for k, (_n, b, aan, _t) in
                     self.screen.active_bindings.items())  # fmt: skip

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen and self._sleutel() == self._getoond:
            self._bindings_ready = True
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        self._getoond = self._sleutel()
        yield from super().compose()
