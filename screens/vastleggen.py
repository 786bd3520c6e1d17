"""A small form over the dossier screen to record one event after (or around) the decision.

The dossier screen (:mod:`screens.nazorg`) says which rows to show and how a validated form becomes the case with
the record added (``toepassen``); this screen only builds the form, validates it as the consulent types (Dutch
messages beside the fields, like the wizard's steps) and hands the new case back with ``dismiss``. Nothing is
saved here: the App saves what the dossier screen posts.
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

from screens.formulier import fouten_per_pad, invoervelden, naar_data, vul_data
from screens.velden import invoer_van, rusttekst, veld_id
from screens.voettekst import Voettekst
from smi_tui.zaak import Zaak

WACHTTIJD = 0.12


class VastleggenScherm(ModalScreen["Zaak | None"]):
    """One record form. ``toepassen(model) -> Zaak`` may raise ValueError with a Dutch message (e.g. a rule of
    the regulation); ``toelichting(data) -> str`` shows what the core concludes while typing (may be '')."""

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

    def __init__(self, titel: str, rijen: Callable[[], Iterable[Widget]], model: type[BaseModel],
                 toepassen: Callable[[Any], Zaak], *, startdata: dict[str, Any] | None = None,
                 toelichting: Callable[[dict[str, Any]], str] | None = None) -> None:  # fmt: skip
        super().__init__(classes="vastleggen")
        self.titel, self._rijen, self.model, self._toepassen = titel, rijen, model, toepassen
        self.startdata = startdata or {}
        self._toelichting = toelichting
        self.alles_tonen = False
        self._timer: Any = None

    def compose(self) -> ComposeResult:
        with Vertical(id="vastleggen-vak"):
            yield Static(self.titel, id="vastleggen-titel")
            with VerticalScroll(id="vastleggen-formulier"):
                yield from self._rijen()
            yield Static("", id="vastleggen-toelichting")
            yield Static("", id="vastleggen-fouten")
        yield Voettekst()

    def on_mount(self) -> None:
        vul_data(self, self.startdata)
        velden = invoervelden(self)
        if velden:
            velden[0].focus()
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
        except ValueError as exc:
            fouten = {"": [str(exc)]}
        for w in invoervelden(self):
            pad, _ = invoer_van(w)
            teksten = fouten.pop(pad, [])
            if isinstance(w, Input) and w.value.strip():
                res = w.validate(w.value)
                if res is not None and not res.is_valid:  # the field's own Dutch message says it best
                    teksten = list(res.failure_descriptions)
            for s in self.query(f"#{veld_id(pad, 'f')}"):
                if isinstance(s, Static):
                    s.update("; ".join(dict.fromkeys(teksten)) or rusttekst(w))  # else what was understood, or help
                    s.set_class(bool(teksten), "fout")
        rest = [t for lijst in fouten.values() for t in lijst]
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

    def action_bewaren(self) -> None:
        """Record (ctrl+s): only when everything is valid."""
        self.alles_tonen = True
        zaak = self.controleer()
        if zaak is None:
            self.notify("Nog niet compleet of niet toegestaan; zie de meldingen in rood.", severity="error")
            return
        self.dismiss(zaak)

    def action_annuleren(self) -> None:
        """Close without recording (escape)."""
        self.dismiss(None)
