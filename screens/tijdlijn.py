"""A case's deadlines as a timeline (dossier screen): a horizontal line from the earliest to the latest date with
today and each deadline on it, numbered; beneath it the dossier's table lists the same deadlines under those
numbers with their dates written in full — the line shows where things stand, the table says what (and is what
a screen reader reads).

Marks: ``●`` an open deadline, ``○`` one done, ``┃`` today; a number above each mark (``+`` where several fall in
one column) leads to the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from smi_tui.datums import nl_datum

OPEN, GEDAAN, VANDAAG = "●", "○", "┃"
_NUMMERS = "123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Punt:
    """One deadline on the line: its date, what it is, and whether what it asks for has been done."""

    datum: date
    wat: str
    gedaan: bool = False


def nummer(i: int) -> str:
    """The mark's label of the ``i``-th deadline (0-based): 1-9, then a-z, then '*'."""
    return _NUMMERS[i] if i < len(_NUMMERS) else "*"


def kolom(datum: date, begin: date, eind: date, breedte: int) -> int:
    """The column (0 … breedte-1) of ``datum`` on a line from ``begin`` to ``eind``, days to scale, half up."""
    if eind <= begin or breedte <= 1:
        return 0
    return int(Fraction((datum - begin).days * (breedte - 1), (eind - begin).days) + Fraction(1, 2))


def lijnen(punten: Sequence[Punt], vandaag: date, breedte: int) -> tuple[str, str, str]:
    """The numbers row, the line with its marks, and the row that points at today, each ``breedte`` wide."""
    datums = [p.datum for p in punten] + [vandaag]
    begin, eind = min(datums), max(datums)
    lijn, nummers = ["─"] * breedte, [" "] * breedte
    for i, p in enumerate(punten):
        k = kolom(p.datum, begin, eind, breedte)
        lijn[k] = OPEN if not p.gedaan or lijn[k] == OPEN else GEDAAN
        nummers[k] = nummer(i) if nummers[k] == " " else "+"
    nu = kolom(vandaag, begin, eind, breedte)
    lijn[nu] = VANDAAG
    tekst = f"vandaag, {nl_datum(vandaag)}"
    if nu + 2 + len(tekst) <= breedte:  # the arrow under today, the words to its right
        onder = " " * nu + "▲ " + tekst
    elif nu >= len(tekst) + 1:  # near the right end: the words to its left
        onder = " " * (nu - len(tekst) - 1) + tekst + " ▲"
    else:
        onder = " " * nu + "▲"
    onder = onder.ljust(breedte)[:breedte]
    return "".join(nummers), "".join(lijn), onder


class Tijdlijn(Widget):
    """The timeline of ``punten`` (sorted by date: the numbers are their places) relative to ``vandaag``, as wide
    as the widget."""

    DEFAULT_CSS = """
    Tijdlijn { height: auto; padding: 0 1; }
    """

    def __init__(self, punten: Sequence[Punt], vandaag: date, **kw: Any) -> None:
        super().__init__(**kw)
        self.punten, self.vandaag = sorted(punten, key=lambda p: p.datum), vandaag

    def toon(self, punten: Sequence[Punt], vandaag: date) -> None:
        """Show other deadlines (after a record was added or withdrawn)."""
        self.punten, self.vandaag = sorted(punten, key=lambda p: p.datum), vandaag
        self.refresh(layout=True)

    def tekst(self, breedte: int) -> Text:
        """The numbers, the line and today's arrow for ``breedte`` columns."""
        if not self.punten:
            return Text("Nog geen termijnen.")
        nummers, lijn, onder = lijnen(self.punten, self.vandaag, max(breedte, 10))
        t = Text(nummers + "\n", style="bold")
        for teken in lijn:
            t.append(teken, style={OPEN: "bold", GEDAAN: "dim", VANDAAG: "bold reverse"}.get(teken, "dim"))
        t.append("\n" + onder, style="bold")
        return t

    def render(self) -> Text:
        return self.tekst(self.content_region.width or self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.tekst(width).wrap(Console(width=max(width, 1)), max(width, 1)))
