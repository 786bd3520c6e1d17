"""A small form over the dossier screen to record one event after (or around) the decision.

The dossier screen (:mod:`screens.nazorg`) says which rows to show and how a validated form becomes the case with
the record added (``toepassen``, the core's :func:`smi_tui.vastleggen.voeg_toe`); this screen only builds the
form, validates it as the consulent types (Dutch messages beside the fields, like the wizard's steps) and hands
the new case on. Nothing is saved here: with ``bewaren`` the form stays open while the App saves ("bezig met
vastleggen") and closes only when it is stored (:meth:`gelukt`); when the App stored nothing (:meth:`mislukt`)
the form stays with the reason and everything typed. A refusal of the core names the field to fix, which gets the
focus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from screens.formulier import fouten_per_pad, invoervelden, naar_data, ruwe_waarde, vul_data, zet_ruw
from screens.velden import invoer_van, rusttekst, veld_id
from screens.voettekst import Voettekst
from smi_tui.vastleggen import RecordFout
from smi_tui.zaak import Zaak

WACHTTIJD = 0.12


class VastleggenScherm(ModalScreen["Zaak | None"]):
    """One record form. ``toepassen(model) -> Zaak`` may raise :class:`~smi_tui.vastleggen.RecordFout` (a rule of
    the regulation, with the field to fix) or ValueError with a Dutch message; ``toelichting(data) -> str`` shows
    what the core concludes while typing (may be ''); ``bewaren(scherm, zaak)`` sends a valid case to be saved
    (without it the form closes with the case at once)."""

    DEFAULT_CSS = """
    VastleggenScherm { align: center middle; background: $background 60%; }
    #vastleggen-vak { width: 100; max-width: 100%; height: 90%; border: round $primary; background: $panel; }
    #vastleggen-titel { background: $primary; text-style: bold; padding: 0 1; }
    #vastleggen-formulier { height: 1fr; padding: 0 1; }
    #vastleggen-toelichting { height: auto; padding: 0 1; }
    #vastleggen-fouten { height: auto; max-height: 6; color: $error; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "bewaren", "Vastleggen", priority=True),
        Binding("escape", "annuleren", "Annuleren"),
    ]

    def __init__(
        self,
        titel: str,
        rijen: Callable[[], Iterable[Widget]],
        model: type[BaseModel],
        toepassen: Callable[[Any], Zaak],
        *,
        startdata: dict[str, Any] | None = None,
        toelichting: Callable[[dict[str, Any]], str] | None = None,
        bewaren: Callable[[VastleggenScherm, Zaak], None] | None = None,
        concept: dict[str, Any] | None = None,
        bij_wijziging: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(classes="vastleggen")
        self.concept = concept  # a draft of this form (widget id -> raw value) to put back over the start data
        self._bij_wijziging = bij_wijziging  # told of every change (the dossier screen's autosave)
        self.titel, self._rijen, self.model, self._toepassen = titel, rijen, model, toepassen
        self.startdata = startdata or {}
        self._toelichting = toelichting
        self._bewaren = bewaren
        self.alles_tonen = False
        self.bezig: Zaak | None = None  # sent to be saved; waiting for the App's answer
        self._timer: Any = None
        self._fout_veld: Widget | None = None
        self._niet_bewaard = ""  # why the App stored nothing last time; shown until the next try

    def compose(self) -> ComposeResult:
        with Vertical(id="vastleggen-vak"):
            yield Static(self.titel, id="vastleggen-titel")
            with VerticalScroll(id="vastleggen-formulier", can_focus=False):  # no invisible Tab stop
                yield from self._rijen()
            yield Static("", id="vastleggen-toelichting")
            yield Static("", id="vastleggen-fouten")
        yield Voettekst()

    def on_mount(self) -> None:
        vul_data(self, self.startdata)
        velden = invoervelden(self)
        concept = self.concept or {}
        for w in velden:
            if w.id is not None and w.id in concept:
                zet_ruw(w, concept[w.id])
        focus = next((w for w in velden if w.id is not None and w.id == concept.get("_focus")), None)
        if focus or velden:
            (focus or velden[0]).focus()
        self.call_after_refresh(self.controleer)

    def _paden(self) -> set[str]:
        return {invoer_van(w)[0] for w in invoervelden(self)}

    def controleer(self) -> Zaak | None:
        """Validate; show messages beside the fields; the new case when valid."""
        data = naar_data(self)
        fouten: dict[str, list[str]] = {}
        zaak: Zaak | None = None
        try:
            zaak = self._toepassen(self.model.model_validate(data))
        except ValidationError as exc:
            fouten = fouten_per_pad(exc, self._paden(), negeer_ontbrekend=not self.alles_tonen)
        except RecordFout as exc:
            if self.alles_tonen or not exc.ontbreekt:  # an empty field is said only once recording is tried
                # the reason below the form, where it fits at 80 columns too; the field points at it
                fouten = {"": [exc.melding]}
                if exc.veld in self._paden():
                    fouten[exc.veld] = ["hier aanpassen: zie de melding onderaan"]
        except ValueError as exc:
            fouten = {"": [str(exc)]}
        self._fout_veld = None
        for w in invoervelden(self):
            pad, _ = invoer_van(w)
            teksten = fouten.pop(pad, [])
            if isinstance(w, Input) and w.value.strip():
                res = w.validate(w.value)
                if res is not None and not res.is_valid:  # the field's own Dutch message says it best
                    teksten = list(res.failure_descriptions)
            if teksten and self._fout_veld is None:
                self._fout_veld = w
            for s in self.query(f"#{veld_id(pad, 'f')}"):
                if isinstance(s, Static):
                    s.update("; ".join(dict.fromkeys(teksten)) or rusttekst(w))  # else what was understood, or help
                    s.set_class(bool(teksten), "fout")
        rest = [t for lijst in fouten.values() for t in lijst] + ([self._niet_bewaard] if self._niet_bewaard else [])
        self.query_one("#vastleggen-fouten", Static).update("\n".join(f"• {t}" for t in rest))
        if self._toelichting is not None:
            self.query_one("#vastleggen-toelichting", Static).update(self._toelichting(data))
        return zaak

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _gewijzigd(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(WACHTTIJD, self.controleer)
        if self._bij_wijziging is not None:
            self._bij_wijziging()

    def ruw(self) -> dict[str, Any]:
        """The form as typed (widget id -> raw value), with the field that has the cursor: for a draft."""
        uit = {w.id: ruwe_waarde(w) for w in invoervelden(self) if w.id}
        if self.focused is not None and self.focused.id in uit:
            uit["_focus"] = self.focused.id
        return uit

    def action_bewaren(self) -> None:
        """Record (ctrl+s): only when everything is valid; otherwise the first field to fix gets the focus."""
        if self.bezig is not None:
            return
        self.alles_tonen = True
        zaak = self.controleer()
        if zaak is None:
            self.notify(
                "Niet vastgelegd: nog niet compleet of niet toegestaan; zie de meldingen in rood.", severity="error"
            )
            if self._fout_veld is not None:
                self._fout_veld.focus()
            return
        if self._bewaren is None:
            self.dismiss(zaak)
            return
        self.bezig, self._niet_bewaard = zaak, ""
        self.query_one("#vastleggen-fouten", Static).update("")
        self.query_one("#vastleggen-toelichting", Static).update("[b]Bezig met vastleggen …[/]")
        self._bewaren(self, zaak)

    def gelukt(self) -> None:
        """The App stored the record: close with the case."""
        zaak, self.bezig = self.bezig, None
        self.dismiss(zaak)

    def mislukt(self, melding: str) -> None:
        """The App stored nothing: stay open with everything typed and say why."""
        self.bezig = None
        self._niet_bewaard = (
            f"Niet bewaard, er is niets vastgelegd: {melding} Uw invoer staat er nog; pas aan en "
            "probeer opnieuw (ctrl+s), of annuleer (escape)."
        )
        self.controleer()
        self.notify(f"Niet bewaard: {melding}", title="Niets vastgelegd", severity="error", timeout=20)

    def action_annuleren(self) -> None:
        """Close without recording (escape); not while the App is saving the record."""
        if self.bezig is not None:
            self.notify("Even wachten: de vastlegging wordt bewaard.")
            return
        self.dismiss(None)
