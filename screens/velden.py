"""Form rows for the wizard: a label, an input and the Dutch message beside it.

Every input widget carries the *path* of its value in the step model (``melding.ouders.0.naam``) and a *soort*
that says how its text becomes a value. :mod:`screens.formulier` reads, fills and checks a whole form from these.
Widget ids are the path with dots replaced by hyphens, prefixed with ``v-`` (the message beside it: ``f-``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pydantic import TypeAdapter, ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from smi_tui.datums import parse_datum


def veld_id(pad: str, voorvoegsel: str = "v") -> str:
    """The widget id for a model path: ``melding.ouders.0.naam`` -> ``v-melding-ouders-0-naam``."""
    return f"{voorvoegsel}-{pad.replace('.', '-')}"


# ------------------------------------------------------------------------------------------ validators


class DatumValidator(Validator):
    """A date as JJJJ-MM-DD or DD-MM-JJJJ (empty is allowed; the model says when a date is required)."""

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            parse_datum(value)
        except ValueError as exc:
            return self.failure(str(exc))
        return self.success()


class TypeValidator(Validator):
    """Checks a text against a pydantic type from the core (BSN, postcode), with the core's Dutch message."""

    def __init__(self, soort: Any) -> None:
        super().__init__()
        self._adapter = TypeAdapter(soort)

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            self._adapter.validate_python(value)
        except ValidationError as exc:
            err = exc.errors()[0]
            fout = (err.get("ctx") or {}).get("error")
            return self.failure(str(fout) if fout is not None else err["msg"])
        return self.success()


class GetalValidator(Validator):
    """A number (Dutch comma allowed) between ``minimum`` and ``maximum``; ``geheel`` for whole numbers."""

    def __init__(self, minimum: float | None = None, maximum: float | None = None, *, geheel: bool = False,
                 eenheid: str = "") -> None:  # fmt: skip
        super().__init__()
        self.minimum, self.maximum, self.geheel, self.eenheid = minimum, maximum, geheel, eenheid

    def validate(self, value: str) -> ValidationResult:
        tekst = value.strip().replace("€", "").replace(" ", "")
        if not tekst:
            return self.success()
        try:
            getal = int(tekst) if self.geheel else float(tekst.replace(".", "").replace(",", ".") if "," in tekst
                                                           else tekst)  # fmt: skip
        except ValueError:
            return self.failure("vul een heel getal in" if self.geheel else "vul een getal in, bijvoorbeeld 10,95")
        eenheid = f" {self.eenheid}" if self.eenheid else ""
        if self.minimum is not None and getal < self.minimum:
            return self.failure(f"moet minstens {_nl(self.minimum)}{eenheid} zijn")
        if self.maximum is not None and getal > self.maximum:
            return self.failure(f"mag hoogstens {_nl(self.maximum)}{eenheid} zijn")
        return self.success()


def _nl(getal: float) -> str:
    return f"{getal:g}".replace(".", ",")


def _validators(soort: str) -> list[Validator]:
    if soort == "datum":
        return [DatumValidator()]
    if soort == "bsn":
        from smi_tui.personen import BSN

        return [TypeValidator(BSN)]
    if soort == "postcode":
        from smi_tui.personen import Postcode

        return [TypeValidator(Postcode)]
    if soort == "euro":
        return [GetalValidator(0, 100_000_000, eenheid="euro")]
    if soort == "uurprijs":
        return [GetalValidator(0.01, 50, eenheid="euro per uur")]
    if soort == "uren":
        return [GetalValidator(0, 168, eenheid="uur")]
    if soort == "geheel":
        return [GetalValidator(0, 10_000, geheel=True)]
    return []


_PLACEHOLDERS = {"datum": "JJJJ-MM-DD", "bsn": "9 cijfers", "postcode": "1234 AB", "euro": "0,00",
                 "uurprijs": "0,00", "uren": "uren"}  # fmt: skip


# ------------------------------------------------------------------------------------------ rows


class Rij(Horizontal):
    """One form row: label, input widget, message (error in red, warning in yellow)."""

    def __init__(self, pad: str, label: str, invoer: Widget, *, hulp: str = "") -> None:
        super().__init__(classes="rij")
        self.pad = pad
        self._label = label
        self._invoer = invoer
        self._hulp = hulp

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="rij-label")
        yield self._invoer
        yield Static(self._hulp, id=veld_id(self.pad, "f"), classes="rij-melding")


_VERZAMELAAR: ContextVar[list[Widget] | None] = ContextVar("verzamelaar", default=None)


@contextmanager
def verzamel() -> Iterator[list[Widget]]:
    """Collect every input widget and group message made inside the block, in form order (a step screen knows its
    whole form before all of it is mounted)."""
    lijst: list[Widget] = []
    token = _VERZAMELAAR.set(lijst)
    try:
        yield lijst
    finally:
        _VERZAMELAAR.reset(token)


def _verzameld(widget: Widget) -> None:
    lijst = _VERZAMELAAR.get()
    if lijst is not None:
        lijst.append(widget)


def invoer_van(widget: Widget) -> tuple[str, str]:
    """(path, soort) of a form input widget."""
    return widget._smi_pad, widget._smi_soort  # type: ignore[attr-defined]


def _merk(widget: Widget, pad: str, soort: str, waarde: Any = None) -> Widget:
    widget._smi_pad = pad  # type: ignore[attr-defined]
    widget._smi_soort = soort  # type: ignore[attr-defined]
    widget._smi_waarde = waarde  # type: ignore[attr-defined]
    widget.add_class("invoer", update=False)  # not mounted yet: nothing to restyle
    _verzameld(widget)
    return widget


def veld(pad: str, label: str, soort: str = "tekst", *, hulp: str = "", placeholder: str = "",
         validators: Sequence[Validator] = ()) -> Rij:  # fmt: skip
    """A text input row. ``soort``: tekst, datum, bsn, postcode, euro, uurprijs, uren, geheel, getal."""
    inp = Input(
        id=veld_id(pad),
        placeholder=placeholder or _PLACEHOLDERS.get(soort, ""),
        validators=[*_validators(soort), *validators],
        validate_on=["changed", "blur"],
        classes="rij-invoer",
    )
    return Rij(pad, label, _merk(inp, pad, soort), hulp=hulp)


def janee(pad: str, label: str, *, hulp: str = "") -> Rij:
    """A yes/no/unknown choice (None until chosen)."""
    sel: Select[bool] = Select([("ja", True), ("nee", False)], id=veld_id(pad), prompt="(kies)", classes="rij-invoer")
    return Rij(pad, label, _merk(sel, pad, "keuze"), hulp=hulp)


def keuze(pad: str, label: str, opties: Iterable[tuple[str, Any]], *, hulp: str = "", leeg: bool = True) -> Rij:
    """A choice from ``opties`` (label, value)."""
    sel: Select[Any] = Select(list(opties), id=veld_id(pad), prompt="(kies)", allow_blank=leeg, classes="rij-invoer")
    return Rij(pad, label, _merk(sel, pad, "keuze"), hulp=hulp)


def vinkje(pad: str, label: str, *, waarde: Any = None, id_pad: str | None = None) -> Checkbox:
    """A checkbox: a bool at ``pad``, or (with ``waarde``) membership of ``waarde`` in the list at ``pad``."""
    cb = Checkbox(label, id=veld_id(id_pad or pad), classes="vinkje")
    return _merk(cb, pad, "lid" if waarde is not None else "bool", waarde)  # type: ignore[return-value]


def tekstvak(pad: str, label: str, *, regels: bool = False, hulp: str = "", soort: str | None = None) -> Vertical:
    """A multi-line text; ``regels=True`` makes a list of non-empty lines."""
    ta = TextArea(id=veld_id(pad), classes="tekstvak", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
    _merk(ta, pad, soort or ("regels" if regels else "tekst"))
    return Vertical(
        Label(label + (" (één per regel)" if regels else ""), classes="tekstvak-label"),
        ta,
        Static(hulp, id=veld_id(pad, "f"), classes="rij-melding tekstvak-melding"),
        classes="tekstvak-rij",
    )


def kop(tekst: str) -> Static:
    """A section heading inside a form."""
    return Static(tekst, classes="sectie-kop")


def groepsmelding(pad: str) -> Static:
    """The message line of a group (a parent, a child's opvang): errors that concern the group as a whole."""
    s = Static("", id=veld_id(pad, "f"), classes="groep-melding")
    s._smi_pad = pad  # type: ignore[attr-defined]
    _verzameld(s)
    return s
