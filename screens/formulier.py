"""Reading, filling and checking a form built from :mod:`screens.velden`.

The raw form (widget id -> text/choice) is what a draft stores; :func:`naar_data` turns it into the nested dict a
step model validates; :func:`fouten_per_pad` maps pydantic errors back to the field (or group) they concern.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from screens.velden import GETALSOORTEN, invoer_van
from smi_tui.datums import parse_datum
from smi_tui.getallen import GetalFout, lees, nl_getal
from smi_tui.validatie import nl_fouten, schermregel


def invoervelden(root: DOMNode) -> list[Widget]:
    """All form inputs below ``root``, in order."""
    return list(root.query(".invoer"))


def ruwe_waarde(w: Widget) -> Any:
    """The widget's value as stored in a draft (JSON-safe)."""
    if isinstance(w, Input):
        return w.value
    if isinstance(w, TextArea):
        return w.text
    if isinstance(w, Checkbox):
        return w.value
    if isinstance(w, Select):
        return None if w.value is Select.NULL else w.value
    raise TypeError(type(w))


def zet_ruw(w: Widget, waarde: Any) -> None:
    """Put a draft value back into the widget."""
    if isinstance(w, Input):
        w.value = "" if waarde is None else str(waarde)
    elif isinstance(w, TextArea):
        w.load_text("" if waarde is None else str(waarde))
    elif isinstance(w, Checkbox):
        w.value = bool(waarde)
    elif isinstance(w, Select):
        w.value = Select.NULL if waarde is None else waarde


def lees_ruw(root: DOMNode) -> dict[str, Any]:
    """The raw form: widget id -> value."""
    return {w.id: ruwe_waarde(w) for w in invoervelden(root) if w.id}


def vul_ruw(root: DOMNode, ruw: dict[str, Any]) -> None:
    """Fill the form from a raw draft (unknown ids are ignored)."""
    for w in invoervelden(root):
        if w.id in ruw:
            zet_ruw(w, ruw[w.id])


# ------------------------------------------------------------------------------------------ conversion


class Onleesbaar:
    """A number field's text that :func:`smi_tui.getallen.lees` refuses ('28.50'). No step model accepts it, so the
    step cannot be completed with it; the field's own validator shows the Dutch reason (never a guessed amount)."""

    __slots__ = ("tekst",)

    def __init__(self, tekst: str) -> None:
        self.tekst = tekst

    def __repr__(self) -> str:
        return f"Onleesbaar({self.tekst!r})"


def converteer(soort: str, tekst: Any) -> Any:
    """Text of a widget -> model value; ``None`` means 'leave out'. A date that cannot be read is passed on so the
    model reports it; a number that cannot be read becomes :class:`Onleesbaar`."""
    if soort in ("bool", "keuze"):
        return tekst
    if not isinstance(tekst, str) or not tekst.strip():
        return None
    t = tekst.strip()
    if soort == "datum":
        try:
            return parse_datum(t).isoformat()
        except ValueError:
            return t
    if soort in GETALSOORTEN:
        try:
            getal = lees(t, GETALSOORTEN[soort])
        except GetalFout:
            return Onleesbaar(t)
        if soort in ("euro", "uurprijs"):
            return int(getal * 100)
        return int(getal) if soort == "geheel" else getal
    if soort == "regels":
        return [r.strip() for r in t.splitlines() if r.strip()]
    if soort == "acties":
        acties = []
        for r in t.splitlines():
            if r.strip():
                delen = [d.strip() for d in r.split("|")] + ["", ""]
                acties.append({"wat": delen[0], "wie": delen[1], "wanneer": delen[2]})
        return acties
    return t


def terug(soort: str, waarde: Any) -> Any:
    """Model value (JSON form) -> widget value."""
    if waarde is None:
        return None
    if soort in ("euro", "uurprijs"):
        return nl_getal(Decimal(int(waarde)).scaleb(-2))  # '28.500,00': read back the same by the parser
    if soort in ("uren", "getal"):
        return nl_getal(Decimal(str(waarde)))
    if soort == "regels":
        return "\n".join(waarde)
    if soort == "acties":
        return "\n".join(" | ".join(x for x in (a["wat"], a["wie"], a.get("wanneer", "")) if x) for a in waarde)
    return waarde if soort in ("bool", "keuze") else str(waarde)


def _zet(doel: dict[str, Any], pad: list[str], waarde: Any) -> None:
    for stuk in pad[:-1]:
        doel = doel.setdefault(stuk, {})
    doel[pad[-1]] = waarde


def _lijsten(x: Any) -> Any:
    """Dicts whose keys are all digits become lists (in key order); empty groups are left out."""
    if isinstance(x, dict):
        x = {k: _lijsten(v) for k, v in x.items()}
        x = {k: v for k, v in x.items() if v not in (None, {}, [])}
        if x and all(k.isdigit() for k in x):
            return [x[k] for k in sorted(x, key=int)]
        return x
    return x


def naar_data(root: DOMNode) -> dict[str, Any]:
    """The form as the nested dict its step model validates."""
    return data_van((w, ruwe_waarde(w)) for w in invoervelden(root))


def ruw_van_data(velden: Iterable[Widget], data: dict[str, Any]) -> dict[str, Any]:
    """Model data (``model_dump(mode="json")`` of the step model) as a raw form (widget id -> value) for
    ``velden``; the widgets need not be mounted."""
    plat = _plat(data)
    uit: dict[str, Any] = {}
    for w in velden:
        pad, soort = invoer_van(w)
        if soort == "lid":
            uit[w.id or ""] = w._smi_waarde in (plat.get(pad) or [])  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
        elif pad in plat:
            uit[w.id or ""] = terug(soort, plat[pad])
    return uit


def data_van(paren: Iterable[tuple[Widget, Any]]) -> dict[str, Any]:
    """(input widget, raw value) pairs in form order -> the nested dict its step model validates."""
    data: dict[str, Any] = {}
    lijsten: dict[str, list[Any]] = {}
    for w, ruw in paren:
        pad, soort = invoer_van(w)
        if soort == "lid":
            lijst = lijsten.setdefault(pad, [])
            if ruw:
                lijst.append(w._smi_waarde)  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
            continue
        waarde = converteer(soort, ruw)
        if waarde is not None and not (soort == "bool" and waarde is False):
            _zet(data, pad.split("."), waarde)
    for pad, lijst in lijsten.items():
        _zet(data, pad.split("."), lijst)
    uit = _lijsten(data)
    return uit if isinstance(uit, dict) else {}


def _plat(x: Any, voor: str = "") -> dict[str, Any]:
    if isinstance(x, dict):
        uit: dict[str, Any] = {}
        for k, v in x.items():
            uit.update(_plat(v, f"{voor}.{k}" if voor else str(k)))
        uit[voor] = x
        return uit
    if isinstance(x, list) and x and isinstance(x[0], dict):
        uit = {}
        for i, v in enumerate(x):
            uit.update(_plat(v, f"{voor}.{i}"))
        uit[voor] = x
        return uit
    return {voor: x}


def vul_data(root: DOMNode, data: dict[str, Any]) -> None:
    """Fill the form from model data (``model_dump(mode="json")`` of the step model)."""
    plat = _plat(data)
    for w in invoervelden(root):
        pad, soort = invoer_van(w)
        if soort == "lid":
            zet_ruw(w, w._smi_waarde in (plat.get(pad) or []))  # type: ignore[attr-defined]  # form metadata kept on the Textual widget itself (see _merk)
        elif pad in plat:
            zet_ruw(w, terug(soort, plat[pad]))


# ------------------------------------------------------------------------------------------ errors


def fouten_per_pad(
    exc: ValidationError, paden: set[str], prefix: str = "", *, negeer_ontbrekend: bool = False
) -> dict[str, list[str]]:
    """Dutch messages per form path: the longest known path that the error's location starts with ('' = the form).

    ``negeer_ontbrekend`` leaves out 'missing' errors (while typing, an empty field is not yet a mistake)."""
    uit: dict[str, list[str]] = {}
    for err, regel in zip(exc.errors(), nl_fouten(exc), strict=True):
        if negeer_ontbrekend and err["type"] in ("missing", "too_short"):
            continue
        loc = [str(x) for x in err["loc"] if not str(x).startswith(("function-", "tagged-union"))]
        pad = ".".join(([prefix] if prefix else []) + loc)
        doel = pad
        while doel and doel not in paden:
            doel = doel.rpartition(".")[0]
        rest = tuple(x for x in pad[len(doel) :].split(".") if x)
        tekst = regel.split(": ", 1)[1] if doel == pad and ": " in regel else schermregel(err, rest)
        uit.setdefault(doel, []).append(tekst)
    return uit
