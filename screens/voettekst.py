"""The footer of every screen: the keys that work here, on one line, drawn by one widget.

Textual's Footer is a container with a widget per key (about ten per screen), composed empty and filled one refresh
later, and built again on every focus change. Each of those widgets is styled, laid out and painted; on the
werkvoorraad and on every step screen that was a noticeable part of showing the screen (issue 5). This footer is
one widget: it renders the shown bindings of the screen (key in the key colour, then the description; disabled keys
dimmed; the command palette on the right, as in Textual's Footer) and only repaints when they change. A click on a
key presses that key, as Textual's Footer does.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

Sleutel = tuple[tuple[str, str, str, bool], ...]


class Voettekst(Widget, can_focus=False):
    """One line with the screen's keys: ``⏎ Openen  ^n Nieuwe zaak …   ^p palette``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"voettekst--toets", "voettekst--uitleg", "voettekst--uit"}
    DEFAULT_CSS = """
    Voettekst { dock: bottom; height: 1; width: 1fr; color: $footer-foreground; background: $footer-background; }
    Voettekst > .voettekst--toets { color: $footer-key-foreground; background: $footer-key-background;
                                    text-style: bold; }
    Voettekst > .voettekst--uitleg { color: $footer-description-foreground;
                                     background: $footer-description-background; }
    Voettekst > .voettekst--uit { text-style: dim; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._getoond: Sleutel = ()
        self._vakken: list[tuple[int, int, str]] = []  # (from x, to x, key) for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_gewijzigd)
        self._getoond = self._sleutel()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _sleutel(self) -> Sleutel:
        """(key, key display, description, enabled) of every shown binding, the palette last."""
        app = self.app
        uit: list[tuple[str, str, str, bool]] = []
        palet = None
        gezien: set[str] = set()
        for sleutel, (_node, binding, aan, _tip) in self.screen.active_bindings.items():
            rij = (sleutel, app.get_key_display(binding), binding.description, aan)
            if sleutel == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palet = rij  # shown even though its binding says show=False, as Textual's Footer does
            elif binding.show and binding.action not in gezien:
                gezien.add(binding.action)
                uit.append(rij)
        return (*uit, palet) if palet is not None else tuple(uit)

    def _bindings_gewijzigd(self, _screen: Screen[Any]) -> None:
        if not self.is_attached:
            return
        sleutel = self._sleutel()
        if sleutel != self._getoond:
            self._getoond = sleutel
            self.refresh()

    def render(self) -> Text:
        toets = self.get_component_rich_style("voettekst--toets")
        uitleg = self.get_component_rich_style("voettekst--uitleg")
        uit = self.get_component_rich_style("voettekst--uit")
        if not self._getoond:
            self._getoond = self._sleutel()
        rijen = list(self._getoond)
        palet = rijen.pop() if rijen and rijen[-1][0] == self.app.COMMAND_PALETTE_BINDING else None
        tekst = Text(no_wrap=True, overflow="crop", end="")
        self._vakken = []
        for sleutel, weergave, beschrijving, aan in rijen:
            begin = tekst.cell_len
            gedimd = Style.null() if aan else uit
            tekst.append(f" {weergave} ", toets + gedimd)
            tekst.append(f"{beschrijving} ", uitleg + gedimd)
            self._vakken.append((begin, tekst.cell_len, sleutel))
        if palet is not None:  # always shown, on the right (the keys on the left are cut when there is no room)
            rechts = Text.assemble(("▏", uitleg), (f"{palet[1]} ", toets), (f"{palet[2]} ", uitleg))
            links = max(self.size.width - rechts.cell_len, 0)
            tekst.truncate(links, pad=True)
            self._vakken = [(b, min(e, links), k) for b, e, k in self._vakken if b < links]
            self._vakken.append((links, links + rechts.cell_len, palet[0]))
            tekst.append_text(rechts)
        return tekst

    def on_click(self, event: events.Click) -> None:
        for begin, eind, sleutel in self._vakken:
            if begin <= event.x < eind:
                event.stop()
                self.app.simulate_key(sleutel)
                return
