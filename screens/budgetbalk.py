"""The budget as a bar (besluit screen): committed, reserved and remaining against the ceiling, with the figures
beneath it — the bar never stands alone (a screen reader or a colour-blind reader has the figures).

The cells come from the core (:func:`smi_tui.budget.budgetbalk`), so the CLI (``smi-tui budget``) and the screen
draw the same bar; here it gets colours and the widget's width.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from smi_tui.budget import GERESERVEERD_TEKEN, LEEG, TEKORT, VOL, Budgetoverzicht, budgetbalk, budgetregel

_KLEUR = {VOL: "bold dodger_blue2", GERESERVEERD_TEKEN: "yellow", LEEG: "grey50", TEKORT: "bold red"}


class BudgetBalk(Widget):
    """The bar of one year's budget as wide as the widget, its legend with the figures below it (wrapped to the
    width; the height follows)."""

    DEFAULT_CSS = """
    BudgetBalk { height: auto; padding: 0 1; }
    """

    def __init__(self, overzicht: Budgetoverzicht, **kw: Any) -> None:
        super().__init__(**kw)
        self.overzicht = overzicht

    def tekst(self, breedte: int) -> Text:
        """The bar in ``breedte`` columns (brackets included), then the figures and any warning."""
        o = self.overzicht
        balk = budgetbalk(o, max(breedte - 2, 10))
        t = Text()
        if balk is not None:
            t.append("[")
            for teken in balk.tekst():
                t.append(teken, style=_KLEUR[teken])
            t.append("]\n")
        t.append(budgetregel(o))
        if o.melding and balk is not None:
            t.append(f"\n{o.melding}", style="bold red" if (o.resterend_cent or 0) < 0 else "")
        return t

    def render(self) -> Text:
        return self.tekst(self.content_region.width or self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.tekst(width).wrap(Console(width=max(width, 1)), max(width, 1)))
