"""The lock (ctrl+l, or after the idle time): a screen of its own that covers the whole terminal.

It is a full, opaque :class:`~textual.screen.Screen`, not a modal: Textual paints only the top screen when that is
not a modal, so nothing of the case below (its header, toetsen, amounts), of an open dialog or of the command
palette is drawn, not even dimmed. The screen's own toast rack and tooltip are hidden, so a notification that
carries a zaaknummer or a name (one that was showing, or one that the save thread sends while locked) is not shown
on it; notifications that have not expired show again after unlocking. The app's title and sub-title are set to
the bare program name while locked and given back afterwards. Unlocking pops this screen; Textual then resumes the
screen below as it was: same field focused, same text, same scroll.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from storage import OpslagFout
from storage.opslag import lees_sleutelbestand

NEUTRALE_TITEL = "SMI-kinderopvang"
"""The title while locked: the program's name only (a title never carries case data while locked)."""


class VergrendeldScherm(Screen[bool]):
    """Covers the app; dismisses with True when the passphrase unlocks the store's key file again."""

    # Textual's toast rack sets its own display when a notification comes, and a toast is 'visibility: visible'
    # whatever its rack says: a toast with a zaaknummer showed on the lock in a real terminal; hence the toasts too
    DEFAULT_CSS = """
    VergrendeldScherm #textual-toastrack, VergrendeldScherm #textual-tooltip { display: none; }
    VergrendeldScherm Toast { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "app.quit", "Afsluiten", priority=True)]

    def __init__(self, map_: Path) -> None:
        super().__init__(id="vergrendeld")
        self.map = Path(map_)
        self._titels: tuple[str, str] | None = None
        self._erboven: list[Screen[object]] = []
        """Screens that were pushed over the lock while it was locked (a case that finished opening just after
        ctrl+l): taken off again at once and shown after unlocking."""
        self._open = False
        self._onder: Screen[object] | None = None
        self._palet = True

    @property
    def is_modal(self) -> bool:
        """Modal for the keys: the App's own bindings (f2 dossier, settings) do nothing while locked. (Painting
        does not depend on it: the background is opaque, so nothing below is drawn.)"""
        return True

    def compose(self) -> ComposeResult:
        with Vertical(id="vergrendeld-vak"):
            yield Static("Vergrendeld", id="vergrendeld-titel")
            yield Static(
                "De app is vergrendeld (met ctrl+l, of na een tijd zonder invoer). Uw werk is bewaard. "
                "Typ de wachtzin om verder te gaan.",
                classes="uitleg",
            )
            yield Label("Wachtzin")
            yield Input(password=True, id="ontgrendel-wachtwoord")
            yield Static("", id="ontgrendel-fout", classes="rij-melding fout")
            yield Static("ctrl+q  afsluiten (uw werk is bewaard)", classes="uitleg")

    def on_mount(self) -> None:
        stapel = self.app.screen_stack
        self._onder = stapel[-2] if len(stapel) > 1 and stapel[-1] is self else None
        self._titels = (self.app.title, self.app.sub_title)
        self.app.title, self.app.sub_title = NEUTRALE_TITEL, ""
        self._palet = self.app.use_command_palette
        self.app.use_command_palette = False  # ctrl+p would search the cases' names
        self.title, self.sub_title = NEUTRALE_TITEL, ""
        self.query_one(Input).focus()

    def on_unmount(self) -> None:
        self._herstel()

    def _herstel(self) -> None:
        """Give back what locking changed on the App (once)."""
        if self._titels is not None:
            self.app.title, self.app.sub_title = self._titels
            self.app.use_command_palette = self._palet
            self._titels = None

    def on_screen_suspend(self) -> None:
        if not self._open:  # something came over the lock while it is locked: put the lock back on top
            self.app.call_later(self._weer_bovenop)

    def _weer_bovenop(self) -> None:
        app = self.app
        boven = app.screen
        if self._open or boven is self or self not in app.screen_stack:
            return
        if not app.is_screen_installed(boven):  # popping removes a screen unless it is installed: keep it (and
            app.install_screen(boven, f"na-slot-{id(boven)}")  # what is typed in it) to show it after unlocking
        self._erboven.append(boven)
        app.pop_screen()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self._controleer(event.value)

    @work(thread=True, exclusive=True)
    def _controleer(self, wachtwoord: str) -> None:
        try:
            lees_sleutelbestand(self.map).ontgrendel(wachtwoord)
        except OpslagFout as exc:
            self.app.call_from_thread(self._mislukt, exc.melding)
            return
        self.app.call_from_thread(self._ontgrendeld)

    def _ontgrendeld(self) -> None:
        self._open = True
        self._herstel()  # before the screen below resumes (on_unmount follows later)
        onder = self._onder
        if onder is not None and onder.focused is None:
            # Textual focuses the first field of a resumed screen that had no focus, and scrolls to it: the
            # besluit, opened at its toetsen with no field focused, would come back scrolled to its form
            setattr(onder, "AUTO_FOCUS", "")  # this screen only (the class keeps its own)  # noqa: B010
            onder.call_after_refresh(lambda: vars(onder).pop("AUTO_FOCUS", None))
        self.dismiss(True)
        for scherm in self._erboven:
            self.app.push_screen(scherm)

    def _mislukt(self, melding: str) -> None:
        self.query_one("#ontgrendel-fout", Static).update(melding)
        inp = self.query_one(Input)
        inp.value = ""
        inp.focus()
