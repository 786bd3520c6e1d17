"""Unlocking the store at start: create it (passphrase twice, strength advice) or open it.

``SMI_TUI_WACHTWOORD`` is honoured here **for automation only** (benchmarks, smoke tests): when set, the store is
opened with it without asking. Never set it on a consulent's workstation.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from screens.foutafhandeling import installeer
from screens.voettekst import Voettekst
from smi_tui.geheimen import wachtzin_advies
from storage import Opslag, OpslagFout
from storage.opslag import SLEUTEL_NAAM


def sterkte_advies(wachtwoord: str) -> tuple[str, bool]:
    """A Dutch strength advice for a new passphrase and whether it is acceptable (the store's own policy)."""
    return wachtzin_advies(wachtwoord)


class OntgrendelScherm(Screen[Any]):
    """Asks the passphrase; posts :class:`Ontgrendeld` with the open :class:`storage.Opslag`. It is the App's first
    screen, so it is replaced rather than dismissed."""

    class Ontgrendeld(Message):
        """The store is open (and ``rijen`` of the screen holds the case list, when it could be read)."""

        def __init__(self, opslag: Any) -> None:
            super().__init__()
            self.opslag = opslag

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "app.quit", "Afsluiten", priority=True),
        # Enter after the first passphrase of a new store moves to the repeat before the next key is routed (a
        # priority binding runs when the App receives the key); as an Input.Submitted handler, a fast typist's
        # repeat went partly into the first field
        Binding("enter", "verder", show=False, priority=True),
    ]

    def __init__(self, map_: Path, *, scrypt_n: int | None = None) -> None:
        super().__init__(id="ontgrendel")
        self.map = Path(map_)
        self.nieuw = not (self.map / SLEUTEL_NAAM).exists()
        self.scrypt_n = scrypt_n
        self.bezig = False
        self._wacht_op_profiel: Any = None  # the open store while the first-start profile form shows
        self._automatisch = False
        self.rijen: list[Any] | None = None
        """The case list, read right after unlocking on the unlock thread (the UI is idle then; reading it later
        on a worker while the werkvoorraad is being drawn made both wait for each other)."""

    @property
    def is_modal(self) -> bool:
        """Modal for the keys: the App's own keys (f2 dossier, f3 instellingen) need an open store; they are
        neither shown nor active here."""
        return True

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="ontgrendel-vak"):
            yield Static("SMI-kinderopvang — dossiers", id="ontgrendel-titel")
            if self.nieuw:
                yield Static(
                    f"Er is nog geen dossieropslag in {self.map}. Kies een wachtzin om de dossiers te "
                    "versleutelen. Zonder wachtzin zijn de dossiers niet terug te halen.",
                    classes="uitleg",
                )
                yield Label("Nieuwe wachtzin")
                yield Input(password=True, id="wachtwoord")
                yield Static("", id="sterkte")
                yield Label("Herhaal de wachtzin")
                yield Input(password=True, id="herhaal")
            else:
                yield Label("Wachtzin")
                yield Input(password=True, id="wachtwoord")
            yield Static("", id="wachtwoord-fout", classes="rij-melding fout")
        yield Voettekst()

    def on_mount(self) -> None:
        installeer(self.app)  # from here on the passphrase and the key exist: no traceback with locals, ever
        self.query_one("#wachtwoord", Input).focus()
        automatisch = os.environ.get("SMI_TUI_WACHTWOORD")
        if automatisch:
            self._automatisch = True
            self._open(automatisch)
        else:
            self.call_after_refresh(gc.enable)  # start-up is done; the consulent types (see smi_tui.__main__)

    @on(Input.Changed, "#wachtwoord")
    def _sterkte(self, event: Input.Changed) -> None:
        if self.nieuw:
            self.query_one("#sterkte", Static).update(sterkte_advies(event.value)[0] if event.value else "")

    def action_verder(self) -> None:
        """Enter in the passphrase (open, or on to the repeat for a new store) or in the repeat (create)."""
        veld = self.focused
        if not isinstance(veld, Input):
            return
        if veld.id == "wachtwoord":
            if self.nieuw:  # set_focus, not focus(): focus() waits a turn of the loop, and the next keys with it
                self.set_focus(self.query_one("#herhaal", Input))
            else:  # after the keys still on their way to the field: call_later runs in the field's own queue
                veld.call_later(lambda: self._open(veld.value))
        elif veld.id == "herhaal":
            veld.call_later(self._herhaal, veld)

    def _herhaal(self, veld: Input) -> None:
        eerste = self.query_one("#wachtwoord", Input).value
        advies, goed = sterkte_advies(eerste)
        if not goed:
            self._fout(advies)
            self.query_one("#wachtwoord", Input).focus()
        elif veld.value != eerste:
            self._fout("De twee wachtzinnen zijn niet gelijk; typ ze opnieuw.")
            self.query_one("#herhaal", Input).value = ""
        else:
            self._open(eerste)

    def _fout(self, tekst: str) -> None:
        self.query_one("#wachtwoord-fout", Static).update(tekst)

    def _open(self, wachtwoord: str) -> None:
        if self.bezig:
            return
        self.bezig = True
        gc.disable()  # until the werkvoorraad shows: unlocking, reading the list and building it make objects that
        # all live on, and the collector's passes over them were a sixth of the time (the App turns it on again)
        self._fout("Bezig met ontgrendelen…")
        for veld in self.query(Input):  # the screen stays alive (the App keeps it): it must not keep the passphrase
            veld.value = ""
        self._open_worker(wachtwoord)

    @work(thread=True, exclusive=True, group="ontgrendel")
    def _open_worker(self, wachtwoord: str) -> None:
        try:
            if self.nieuw:
                kw: dict[str, Any] = {"scrypt_n": self.scrypt_n} if self.scrypt_n else {}
                opslag = Opslag.maak(self.map, wachtwoord, **kw)
            else:
                opslag = Opslag.open(self.map, wachtwoord)
        except OpslagFout as exc:
            self.app.call_from_thread(self._mislukt, exc.melding)
            return
        except Exception as exc:  # unexpected (e.g. a full or read-only disk): a message, never a traceback
            from smi_tui.foutrapport import meld

            self.app.call_from_thread(self._mislukt, meld(exc))
            return
        finally:
            wachtwoord = ""  # drop this frame's reference to the passphrase as soon as possible
        try:
            self.rijen = opslag.lijst()
        except OpslagFout:
            self.rijen = None  # the App reads it again and reports the problem
        for melding in opslag.meldingen:  # what opening found and did not repair silently (a deleted dossier…)
            self.app.call_from_thread(self.app.notify, melding, title="Let op", severity="warning", timeout=60)
        if self._profiel_nodig():
            self.app.call_from_thread(self._vraag_profiel, opslag)
            return
        self.post_message(self.Ontgrendeld(opslag))  # thread-safe

    def _profiel_nodig(self) -> bool:
        """No name at all (no profile, no ``consulent`` in config.toml, none given to the App): ask it now, so no
        case, audit entry or letter is ever made without one. Not in an automated run (passphrase from the
        environment, or the start benchmark): nobody is there to answer."""
        if self._automatisch or getattr(self.app, "afsluiten_na_start", False):
            return False
        return not str(getattr(self.app, "consulent", "") or "").strip()

    def _vraag_profiel(self, opslag: Any) -> None:
        """First start without a name: the profile form (mandatory) before the werkvoorraad."""
        from screens.instellingen import open_instellingen

        gc.enable()  # the consulent types now (turned off while unlocking, see _open)
        self._wacht_op_profiel = opslag

        def verder(_behandelaar: Any) -> None:
            self._wacht_op_profiel = None
            self.post_message(self.Ontgrendeld(opslag))

        open_instellingen(self.app, eerste_keer=True, daarna=verder)

    def on_unmount(self) -> None:
        if self._wacht_op_profiel is not None:  # quit (ctrl+q) on the profile form: release the store
            self._wacht_op_profiel.sluit()
            self._wacht_op_profiel = None

    def _mislukt(self, melding: str) -> None:
        self.bezig = False
        gc.enable()
        self._fout(melding)
        inp = self.query_one("#wachtwoord", Input)
        inp.value = ""
        inp.focus()
