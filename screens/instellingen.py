"""Instellingen (f3, or the command palette): who works here — name, function, team, phone and e-mail.

The letters, the audit trail and the documents use these (see :mod:`smi_tui.profiel`), never the login name.
Asked once after the store is first unlocked when no name is known at all (``eerste_keer``: the name is required
then and the form cannot be skipped, so no letter is ever made without one); later changed here. A case keeps the
behandelaar it was handled by; what is entered here is used for cases handled from now on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from smi_tui import profiel
from smi_tui.fouten import SmiFout
from smi_tui.profiel import VELDEN, Behandelaar

HULP = {
    "naam": "zoals onder de brieven, bijv. A. de Vries (verplicht)",
    "functie": "bijv. consulent sociaal domein (leeg: die uit de regeling)",
    "team": "bijv. Jeugd en Gezin",
    "telefoon": "uw nummer, bijv. 035 123 45 67 (leeg: dat van de gemeente)",
    "email": "bijv. a.devries@gemeente.nl",
}


class InstellingenScherm(ModalScreen["Behandelaar | None"]):
    """The profile form; dismisses with the saved :class:`Behandelaar`, or None when cancelled."""

    DEFAULT_CSS = """
    InstellingenScherm { align: center middle; background: $background 70%; }
    InstellingenScherm.eerste-keer { background: $background; }
    #instellingen-vak { width: 84; max-width: 100%; height: auto; max-height: 100%; border: round $primary;
                        background: $panel; padding: 0 1; }
    #instellingen-titel { background: $primary; text-style: bold; padding: 0 1; }
    #instellingen-velden { height: auto; max-height: 1fr; }
    .profiel-rij { height: 1; margin-top: 1; }
    .profiel-rij Label { width: 10; }
    .profiel-rij Input { width: 1fr; }
    .profiel-rij Input:focus { background: $boost; }
    .profiel-fout { height: auto; color: $error; text-style: bold; padding-left: 10; }
    .profiel-fout.leeg { display: none; }
    #profiel-fout { padding-left: 0; margin-top: 1; }
    #instellingen-toetsen { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "bewaren", "Bewaren", priority=True),
        Binding("escape", "annuleren", "Annuleren"),
        # Enter moves on before the next key is routed (a priority binding runs when the App receives the key):
        # handled on Input.Submitted, the keys typed right after Enter were already on their way to the field
        # that was left ("consulent sociaal domeinJeugd en Gezin", seen in tmux). Saving on the last field waits
        # for that field's own keys (see action_volgend_veld).
        Binding("enter", "volgend_veld", show=False, priority=True),
    ]

    def __init__(self, huidig: Behandelaar | None = None, *, eerste_keer: bool = False) -> None:
        super().__init__(id="instellingen", classes="eerste-keer" if eerste_keer else "")
        self.huidig = huidig
        self.eerste_keer = eerste_keer

    def compose(self) -> ComposeResult:
        waarden = self.huidig.model_dump() if self.huidig else {}
        with Vertical(id="instellingen-vak"):
            yield Static("Uw gegevens" if not self.eerste_keer else "Welkom — wie werkt hier?", id="instellingen-titel")
            uitleg = (
                "Deze gegevens staan op de brieven (onder 'Behandeld door', de ondertekening en 'Heeft u "
                "vragen?') en in de audittrail. Zaken die u al behandelde houden de gegevens van toen."
            )
            if self.eerste_keer:
                uitleg = "Vul eerst uw naam in: brieven en wijzigingen worden op uw naam vastgelegd. " + uitleg
            yield Static(uitleg, classes="uitleg")
            with VerticalScroll(id="instellingen-velden", can_focus=False):  # no invisible Tab stop
                for veld, label in VELDEN.items():
                    with Horizontal(classes="profiel-rij"):
                        yield Label(label)
                        yield Input(
                            str(waarden.get(veld, "")), placeholder=HULP[veld], id=f"profiel-{veld}", compact=True
                        )
                    yield Static("", id=f"profiel-fout-{veld}", classes="profiel-fout leeg")
            yield Static("", id="profiel-fout", classes="profiel-fout leeg")
            annuleren = "" if self.eerste_keer else "  ·  esc  annuleren"
            yield Static(f"⏎  volgend veld  ·  ctrl+s  bewaren{annuleren}", id="instellingen-toetsen")

    def on_mount(self) -> None:
        self.query_one("#profiel-naam", Input).focus()

    def _meld(self, selector: str, tekst: str) -> None:
        melding = self.query_one(selector, Static)
        melding.update(tekst)
        melding.set_class(not tekst, "leeg")

    def data(self) -> dict[str, str]:
        """What is typed, per field."""
        return {veld: self.query_one(f"#profiel-{veld}", Input).value for veld in VELDEN}

    def action_volgend_veld(self) -> None:
        """Enter: the next field; on the last one, save."""
        if not isinstance(self.focused, Input):
            return
        velden = list(VELDEN)
        invoer = self.focused
        veld = (invoer.id or "").removeprefix("profiel-")
        if veld == velden[-1]:
            # after the keys already on their way to this field: call_later runs in the field's own queue
            invoer.call_later(self.action_bewaren)
        else:
            # set_focus, not focus(): focus() waits for the next turn of the loop, and the keys after Enter with it
            self.set_focus(self.query_one(f"#profiel-{velden[velden.index(veld) + 1]}", Input))

    @on(Input.Changed)
    def _opnieuw(self, event: Input.Changed) -> None:
        """A field shown as wrong is checked again as it is corrected."""
        veld = (event.input.id or "").removeprefix("profiel-")
        if not self.query_one(f"#profiel-fout-{veld}", Static).has_class("leeg"):
            self._meld(f"#profiel-fout-{veld}", profiel.fouten(self.data()).get(veld, ""))
            if all(m.has_class("leeg") for m in self.query(".profiel-fout").exclude("#profiel-fout")):
                self._meld("#profiel-fout", "")

    def action_bewaren(self) -> None:
        """Check every field; save the profile and close, or show what is wrong beside each field."""
        data = self.data()
        problemen = profiel.fouten(data)
        for veld in VELDEN:
            self._meld(f"#profiel-fout-{veld}", problemen.get(veld, ""))
        if problemen:
            self._meld("#profiel-fout", "Niet bewaard: verbeter wat hierboven staat.")
            self.query_one(f"#profiel-{next(v for v in VELDEN if v in problemen)}", Input).focus()
            return
        try:
            behandelaar = profiel.maak(data)
            profiel.bewaar_profiel(behandelaar)
        except (ValueError, SmiFout) as exc:
            self._meld("#profiel-fout", f"Niet bewaard: {getattr(exc, 'melding', exc)}")
            return
        self.dismiss(behandelaar)

    def action_annuleren(self) -> None:
        """Close without saving (not on the first start: the name is needed)."""
        if self.eerste_keer:
            self._meld("#profiel-fout", "Vul eerst uw naam in en bewaar (ctrl+s).")
            return
        self.dismiss(None)


def open_instellingen(
    app: App[Any], *, eerste_keer: bool = False, daarna: Callable[[Behandelaar | None], None] | None = None
) -> None:
    """Show the settings over the current screen; a saved profile becomes the App's consulent (``app.consulent``,
    used for the audit trail and for cases handled from now on)."""
    huidig: Behandelaar | None = None
    try:
        huidig = profiel.huidige_behandelaar(str(getattr(app, "consulent", "") or ""))
    except SmiFout as exc:  # a damaged profile file: the form starts empty and saving replaces it
        app.notify(exc.melding, severity="warning", timeout=15)

    def klaar(behandelaar: Behandelaar | None) -> None:
        if behandelaar is not None:
            app.consulent = behandelaar.naam  # type: ignore[attr-defined]  # app is App[Any]: consulent is SmiApp's, which this screen cannot import
            if not eerste_keer:
                app.notify(f"Uw gegevens zijn bewaard ({behandelaar.naam}). Nieuwe zaken en brieven gebruiken ze.")
        if daarna is not None:
            daarna(behandelaar)

    app.push_screen(InstellingenScherm(huidig, eerste_keer=eerste_keer), klaar)
