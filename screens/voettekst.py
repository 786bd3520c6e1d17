"""The footer of every screen: the keys that work here, on one line, drawn by one widget.

Textual's Footer is a container with a widget per key (about ten per screen), composed empty and filled one refresh
later, and built again on every focus change. Each of those widgets is styled, laid out and painted; on the
werkvoorraad and on every step screen that was a noticeable part of showing the screen (issue 5). This footer is
one widget: it renders the shown bindings of the screen (key in the key colour, then the description; disabled keys
dimmed; the command palette on the right, as in Textual's Footer) and only repaints when they change. A click on a
key presses that key, as Textual's Footer does.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

Sleutel = tuple[tuple[str, str, str, bool], ...]

NEDERLANDS = {"Dismiss menu": "Menu sluiten", "palette": "Opdrachten", "Exit the command palette": "Sluiten",
              "Quit": "Afsluiten", "Show menu": "Menu openen"}  # fmt: skip
"""Dutch for the descriptions of Textual's own bindings that can show (its widgets' and the App's)."""
HULP = "hulp"
"""The action of F1 (the help page): shown on the right, as 'meer toetsen' when the keys do not all fit."""


def beschrijving(binding: Binding) -> str:
    """The binding's description in Dutch (Textual's own English ones translated)."""
    return NEDERLANDS.get(binding.description, binding.description)


_TOETSNAMEN = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "delete": "Delete", "space": "Spatie",
               "up": "↑", "down": "↓", "left": "←", "right": "→"}  # fmt: skip


def toets_voluit(sleutel: str) -> str:
    """'ctrl+s' -> 'Ctrl+S', 'escape' -> 'Esc', 'f2' -> 'F2' (for the help page)."""
    delen = sleutel.split("+")
    *mods, laatste = delen
    naam = _TOETSNAMEN.get(
        laatste, laatste.upper() if laatste[:1] == "f" and laatste[1:].isdigit() else laatste.capitalize()
    )
    return "+".join([*(m.capitalize() for m in mods), naam])


EERST = "ctrl+s"
"""The key shown first wherever it works (complete, save, record)."""


@cache
def _eigen_toetsen(klasse: type) -> frozenset[str]:
    """The keys bound by ``klasse`` itself (not its bases): the keys of that screen, shown before the general ones."""
    uit: set[str] = set()
    for b in klasse.__dict__.get("BINDINGS", ()):
        toetsen = b.key if isinstance(b, Binding) else b[0]
        uit.update(t.strip() for t in toetsen.split(","))
    return frozenset(uit)


@cache
def _eigen_acties(klasse: type) -> frozenset[str]:
    """The actions bound by the app's own classes in ``klasse``'s ancestry (not Textual's English ones)."""
    uit: set[str] = set()
    for k in klasse.__mro__:
        if k.__module__.startswith("screens"):
            for b in k.__dict__.get("BINDINGS", ()):
                uit.add(b.action if isinstance(b, Binding) else b[1])
    return frozenset(uit)


def zichtbare_toetsen(scherm: Screen[Any], *, alle: bool = False) -> list[tuple[str, str]]:
    """(key, Dutch description) of the keys that work on ``scherm``: those in its footer, or with ``alle`` every
    key with a description of the app's own (Textual's editing keys of fields are left out: they are English and
    the usual ones)."""
    uit: list[tuple[str, str]] = []
    gezien: set[str] = set()
    for sleutel, (_node, binding, aan, _tip) in scherm.active_bindings.items():
        tekst = beschrijving(binding)
        eigen = binding.description in NEDERLANDS or binding.action in _eigen_acties(type(_node))
        if not aan or not tekst or binding.action in gezien or not (binding.show or (alle and eigen)):
            continue
        if not eigen:
            continue  # an English description of a Textual widget not in the table: not shown
        gezien.add(binding.action)
        uit.append((toets_voluit(sleutel), tekst))
    return uit


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
        palet = hulp = None
        gezien: set[str] = set()
        for sleutel, (_node, binding, aan, _tip) in self.screen.active_bindings.items():
            rij = (sleutel, app.get_key_display(binding), beschrijving(binding), aan)
            if sleutel == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palet = rij  # shown even though its binding says show=False, as Textual's Footer does
            elif binding.action == HULP:
                hulp = rij
            elif binding.show and binding.action not in gezien:
                gezien.add(binding.action)
                uit.append(rij)
        eigen = _eigen_toetsen(type(self.screen))
        uit.sort(key=lambda r: 0 if r[0] == EERST else 1 if r[0] in eigen else 2)  # what matters here first
        rechts = tuple(r for r in (hulp, palet) if r is not None)
        return (*uit, *rechts)

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
        hulp = rijen.pop() if rijen and rijen[-1][0] == "f1" else None
        tekst = Text(no_wrap=True, overflow="crop", end="")
        self._vakken = []
        for sleutel, weergave, omschrijving, aan in rijen:
            begin = tekst.cell_len
            gedimd = Style.null() if aan else uit
            tekst.append(f" {weergave} ", toets + gedimd)
            tekst.append(f"{omschrijving} ", uitleg + gedimd)
            self._vakken.append((begin, tekst.cell_len, sleutel))
        # F1 and the palette always show, on the right; keys that do not fit on the left are cut whole, and F1
        # then says so ('meer toetsen': its page lists every key)
        rechts = [r for r in (hulp, palet) if r is not None]
        breedte = sum(cell_len(r[1]) + cell_len(r[2]) + 2 for r in rechts) + 1
        afgekapt = tekst.cell_len > self.size.width - breedte
        if hulp is not None and afgekapt:
            hulp = (hulp[0], hulp[1], "meer toetsen", hulp[3])
            rechts[0] = hulp
            breedte = sum(cell_len(r[1]) + cell_len(r[2]) + 2 for r in rechts) + 1
        if rechts:
            links = max(self.size.width - breedte, 0)
            passend = [(b, e, k) for b, e, k in self._vakken if e <= links]  # whole keys only
            tekst.truncate(passend[-1][1] if passend else 0)
            tekst.pad_right(links - tekst.cell_len)
            self._vakken = passend
            x = links
            deel = Text("▏", uitleg)
            for sleutel, weergave, omschrijving, _aan in rechts:
                begin = x + deel.cell_len
                deel.append(f"{weergave} ", toets)
                deel.append(f"{omschrijving} ", uitleg)
                self._vakken.append((begin, x + deel.cell_len, sleutel))
            tekst.append_text(deel)
        return tekst

    def on_click(self, event: events.Click) -> None:
        for begin, eind, sleutel in self._vakken:
            if begin <= event.x < eind:
                event.stop()
                self.app.simulate_key(sleutel)
                return
