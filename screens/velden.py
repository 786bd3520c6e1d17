"""Form rows for the wizard: a label, an input and the Dutch message beside it.

Every input widget carries the *path* of its value in the step model (``melding.ouders.0.naam``) and a *soort*
that says how its text becomes a value. :mod:`screens.formulier` reads, fills and checks a whole form from these.
Widget ids are the path with dots replaced by hyphens, prefixed with ``v-`` (the message beside it: ``f-``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from smi_tui.datums import MAANDEN, parse_datum
from smi_tui.getallen import BEDRAG, GEHEEL, GETAL, UREN, GetalFout, Soort, lees, toon

_W = TypeVar("_W", bound=Widget)  # _merk returns the widget it was given, with its own type


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
            return self.failure(bestaat_niet(value) or escape(str(exc)))
        return self.success()


_DATUM = re.compile(r"^\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})-(\d{1,2})-(\d{4}))\s*$")


def bestaat_niet(tekst: str) -> str:
    """'31 februari 2026 bestaat niet' for a date written right whose day is not in its month; else ''."""
    m = _DATUM.match(tekst)
    if m is None:
        return ""
    j, mnd, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
    if not 1 <= int(mnd) <= 12 or int(d) < 1:
        return ""
    return f"{int(d)} {MAANDEN[int(mnd) - 1]} {int(j)} bestaat niet"


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
    """A number as a Dutch person writes it (:mod:`smi_tui.getallen`), between ``minimum`` and ``maximum`` (in the
    unit of ``soort``: euro for money); ``per`` follows what was understood ('per jaar'). Remembers what it read
    last, for the line beside the field."""

    def __init__(
        self,
        soort: Soort,
        minimum: Decimal | int | None = None,
        maximum: Decimal | int | None = None,
        *,
        per: str = "",
        tonen: bool = True,
    ) -> None:
        super().__init__()
        self.soort, self.minimum, self.maximum, self.per, self.tonen = soort, minimum, maximum, per, tonen
        self.laatst: tuple[str, Decimal] | None = None
        """(text, value) of the last text that was read without a problem."""

    def validate(self, value: str) -> ValidationResult:
        self.laatst = None
        if not value.strip():
            return self.success()
        try:
            getal = lees(value, self.soort)
        except GetalFout as exc:
            return self.failure(escape(str(exc)))  # it quotes what was typed: '[' is no markup there
        if self.minimum is not None and getal < self.minimum:
            return self.failure(f"moet minstens {self._grens(Decimal(self.minimum))} zijn")
        if self.maximum is not None and getal > self.maximum:
            return self.failure(f"mag hoogstens {self._grens(Decimal(self.maximum))} zijn")
        self.laatst = (value, getal)
        return self.success()

    def _grens(self, getal: Decimal) -> str:
        """A limit as a person says it: '€ 50 per uur' (no cents for whole euros)."""
        tekst = self._toon(getal)
        return tekst.replace(",00", "") if self.soort.geld and getal == getal.to_integral_value() else tekst

    def _toon(self, getal: Decimal) -> str:
        tekst = toon(int(getal * 100) if self.soort.geld else getal, self.soort)
        return f"{tekst} {self.per}" if self.per else tekst

    def begrepen(self, value: str) -> str:
        """'= € 28.500,00 per jaar': what ``value`` was read as, when it was the last text read without a problem
        (and this field shows that); else ''."""
        if not self.tonen or self.laatst is None or self.laatst[0] != value:
            return ""
        return f"= {self._toon(self.laatst[1])}"


GETALSOORTEN: dict[str, Soort] = {"euro": BEDRAG, "uurprijs": BEDRAG, "uren": UREN, "getal": GETAL, "geheel": GEHEEL}
"""How the text of each number field is read (see :func:`smi_tui.getallen.lees`)."""


def _validators(soort: str, per: str) -> list[Validator]:
    if soort == "datum":
        return [DatumValidator()]
    if soort == "bsn":
        from smi_tui.personen import BSN

        return [TypeValidator(BSN)]
    if soort == "postcode":
        from smi_tui.personen import Postcode

        return [TypeValidator(Postcode)]
    if soort == "euro":
        return [GetalValidator(BEDRAG, 0, 100_000_000, per=per)]
    if soort == "uurprijs":
        return [GetalValidator(BEDRAG, Decimal("0.01"), 50, per=per or "per uur")]
    if soort == "uren":
        return [GetalValidator(UREN, 0, 24 if per == "per dag" else 168, per=per)]  # a day, or a week, is full
    if soort == "geheel":
        return [GetalValidator(GEHEEL, 0, 10_000, tonen=False)]
    if soort == "getal":
        return [GetalValidator(GETAL, tonen=False)]
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


def begrepen(widget: Widget) -> str:
    """What a number field understood ('= € 28.500,00 per jaar'), else ''."""
    if isinstance(widget, Input):
        for v in widget.validators:
            if isinstance(v, GetalValidator) and (tekst := v.begrepen(widget.value)):
                return tekst
    return ""


def hulptekst(widget: Widget) -> str:
    """The field's help text ('' without)."""
    return getattr(widget, "_smi_hulp", "")


def rusttekst(widget: Widget) -> str:
    """The line beside a field while nothing is wrong with it: what a number field understood ('= € 28.500,00 per
    jaar'), else the field's help text (which thus comes back when the field is emptied)."""
    return begrepen(widget) or hulptekst(widget)


def veldlabel(widget: Widget) -> str:
    """The label of a form input's row (for the error summary); its path's last part when it has none."""
    rij = widget.parent
    label = getattr(rij, "_label", None) or getattr(widget, "label", None)
    if label:
        return str(label)
    return invoer_van(widget)[0].rsplit(".", 1)[-1].replace("_", " ")


def invoer_van(widget: Widget) -> tuple[str, str]:
    """(path, soort) of a form input widget."""
    return widget._smi_pad, widget._smi_soort  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)


def _merk(widget: _W, pad: str, soort: str, waarde: Any = None, hulp: str = "") -> _W:
    widget._smi_pad = pad  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
    widget._smi_hulp = hulp  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
    widget._smi_soort = soort  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
    widget._smi_waarde = waarde  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
    widget.add_class("invoer", update=False)  # not mounted yet: nothing to restyle
    _verzameld(widget)
    return widget


def veld(
    pad: str,
    label: str,
    soort: str = "tekst",
    *,
    hulp: str = "",
    placeholder: str = "",
    validators: Sequence[Validator] = (),
    per: str = "",
) -> Rij:
    """A text input row. ``soort``: tekst, datum, bsn, postcode, euro, uurprijs, uren, geheel, getal. A number
    field shows what it understood beside it while no problem is shown ('= € 28.500,00 per jaar': ``per``)."""
    inp = Input(
        id=veld_id(pad),
        placeholder=placeholder or _PLACEHOLDERS.get(soort, ""),
        validators=[*_validators(soort, per), *validators],
        validate_on=["changed", "blur"],
        classes="rij-invoer",
    )
    return Rij(pad, label, _merk(inp, pad, soort, hulp=hulp), hulp=hulp)


def janee(pad: str, label: str, *, hulp: str = "") -> Rij:
    """A yes/no/unknown choice (None until chosen)."""
    sel: Select[bool] = Select([("ja", True), ("nee", False)], id=veld_id(pad), prompt="(kies)", classes="rij-invoer")
    return Rij(pad, label, _merk(sel, pad, "keuze", hulp=hulp), hulp=hulp)


def keuze(pad: str, label: str, opties: Iterable[tuple[str, Any]], *, hulp: str = "", leeg: bool = True) -> Rij:
    """A choice from ``opties`` (label, value)."""
    sel: Select[Any] = Select(list(opties), id=veld_id(pad), prompt="(kies)", allow_blank=leeg, classes="rij-invoer")
    return Rij(pad, label, _merk(sel, pad, "keuze", hulp=hulp), hulp=hulp)


def vinkje(pad: str, label: str, *, waarde: Any = None, id_pad: str | None = None) -> Checkbox:
    """A checkbox: a bool at ``pad``, or (with ``waarde``) membership of ``waarde`` in the list at ``pad``."""
    cb = Checkbox(label, id=veld_id(id_pad or pad), classes="vinkje")
    return _merk(cb, pad, "lid" if waarde is not None else "bool", waarde)


def tekstvak(pad: str, label: str, *, regels: bool = False, hulp: str = "", soort: str | None = None) -> Vertical:
    """A multi-line text; ``regels=True`` makes a list of non-empty lines."""
    ta = TextArea(id=veld_id(pad), classes="tekstvak", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
    _merk(ta, pad, soort or ("regels" if regels else "tekst"), hulp=hulp)
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
    s._smi_pad = pad  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
    _verzameld(s)
    return s
