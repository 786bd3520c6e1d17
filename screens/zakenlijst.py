"""The werkvoorraad's case list: a Line API widget that draws only the rows on screen.

Why not Textual's DataTable: with 1,000 cases, adding the rows (each ``add_row`` sets reactives and keys) and
rendering the visible cells through Rich took about a quarter of the werkvoorraad's start-up (issue 5). Here a row
is a tuple of plain strings formatted once by the screen; a line on screen is a few :class:`Segment` s cropped to the
scroll position. The nazorg and besluit screens keep DataTable: their tables are a handful of rows.

Keys: up/down, page up/down, home/end move the cursor; :meth:`ZakenLijst.action_kies` opens the case under it
(message :class:`Gekozen`): the werkvoorraad binds it to enter at screen level, so its footer shows "Openen" from
the first paint. A click moves the cursor, a click on the cursor row opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class Kolom(NamedTuple):
    kop: str
    breedte: int
    rechts: bool = False  # right-aligned (numbers)
    signaal: bool = False  # this cell carries the row's signal colour (its word is the cell's text)


class Rij(NamedTuple):
    sleutel: str
    cellen: tuple[str, ...]
    signaal: str = ""  # "" | "laat" | "bijna": the style of the signal column's cell


class ZakenLijst(ScrollView, can_focus=True):
    """A scrollable list of cases with a fixed header line and a row cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "zakenlijst--kop",
        "zakenlijst--cursor",
        "zakenlijst--even",
        "zakenlijst--laat",
        "zakenlijst--bijna",
    }
    DEFAULT_CSS = """
    ZakenLijst { background: $surface; }
    ZakenLijst > .zakenlijst--kop { text-style: bold; background: $panel; color: $foreground; }
    ZakenLijst > .zakenlijst--even { background: $surface-lighten-1; }
    ZakenLijst > .zakenlijst--cursor { background: $block-cursor-blurred-background; }
    ZakenLijst:focus > .zakenlijst--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                             text-style: bold; }
    ZakenLijst > .zakenlijst--laat { background: $error; color: $text; text-style: bold; }
    ZakenLijst > .zakenlijst--bijna { background: $warning; color: $background; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Omhoog", show=False),
        Binding("down", "cursor(1)", "Omlaag", show=False),
        Binding("pageup", "pagina(-1)", "Pagina omhoog", show=False),
        Binding("pagedown", "pagina(1)", "Pagina omlaag", show=False),
        Binding("home", "begin", "Eerste", show=False),
        Binding("end", "einde", "Laatste", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, layout=False, repaint=False)

    class Gekozen(Message):
        """Enter (or a click on the cursor row): open this case."""

        def __init__(self, lijst: ZakenLijst, sleutel: str) -> None:
            super().__init__()
            self.lijst, self.sleutel = lijst, sleutel

        @property
        def control(self) -> ZakenLijst:
            return self.lijst

    class Verplaatst(Message):
        """The cursor moved to another row (the werkvoorraad shows that case's details)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kolommen: list[Kolom] = []
        self.rijen: list[Rij] = []
        self._breedte = 0

    # --- data ---------------------------------------------------------------------------------------------
    def zet(self, kolommen: Sequence[Kolom], rijen: Sequence[Rij]) -> None:
        """Show ``rijen`` under ``kolommen``. The cursor stays on the same case when it is still listed (after
        sorting, or when its deadline moved it), else on the same row number."""
        vorige = self.gekozen
        self.kolommen, self.rijen = list(kolommen), list(rijen)
        self._breedte = sum(k.breedte + 2 for k in self.kolommen)
        self.virtual_size = Size(self._breedte, len(self.rijen) + 1)
        plek = next((i for i, r in enumerate(self.rijen) if r.sleutel == vorige), None) if vorige else None
        self.cursor = plek if plek is not None else min(self.cursor, max(len(self.rijen) - 1, 0))
        self.refresh()

    def ga_naar(self, sleutel: str) -> None:
        """Put the cursor on the row of ``sleutel`` (when it is listed)."""
        plek = next((i for i, r in enumerate(self.rijen) if r.sleutel == sleutel), None)
        if plek is not None:
            self.cursor = plek

    @property
    def row_count(self) -> int:
        return len(self.rijen)

    @property
    def gekozen(self) -> str | None:
        """The key (zaaknummer) of the row under the cursor."""
        return self.rijen[self.cursor].sleutel if self.rijen else None

    # --- drawing ------------------------------------------------------------------------------------------
    def _segmenten(self, cellen: Sequence[str], stijl: Style, signaal: Style | None = None) -> list[Segment]:
        """One segment per run of cells with the same style (usually one or three per line)."""
        uit: list[Segment] = []
        tekst = ""
        for k, c in zip(self.kolommen, cellen, strict=False):
            c = c if len(c) <= k.breedte else c[: k.breedte - 1] + "…"  # cut to fit a narrow terminal
            cel = " " + (c.rjust(k.breedte) if k.rechts else c.ljust(k.breedte)) + " "
            if k.signaal and signaal is not None:
                uit += [Segment(tekst, stijl), Segment(cel, stijl + signaal)]
                tekst = ""
            else:
                tekst += cel
        uit.append(Segment(tekst, stijl))
        return uit

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        breedte = self.size.width
        basis = self.rich_style
        if y == 0:
            stijl = basis + self.get_component_rich_style("zakenlijst--kop")
            segmenten = self._segmenten([k.kop for k in self.kolommen], stijl)
        else:
            i = scroll_y + y - 1
            if i >= len(self.rijen):
                return Strip.blank(breedte, basis)
            rij = self.rijen[i]
            stijl = basis
            if i % 2:
                stijl += self.get_component_rich_style("zakenlijst--even")
            if i == self.cursor:
                stijl += self.get_component_rich_style("zakenlijst--cursor")
            signaal = self.get_component_rich_style(f"zakenlijst--{rij.signaal}") if rij.signaal else None
            segmenten = self._segmenten(rij.cellen, stijl, signaal)
        return Strip(segmenten, self._breedte).crop_extend(scroll_x, scroll_x + breedte, stijl)

    # --- cursor and keys ----------------------------------------------------------------------------------
    def watch_cursor(self, oud: int, nieuw: int) -> None:
        self._in_beeld(nieuw)
        self.refresh()
        if oud != nieuw:
            self.post_message(self.Verplaatst())

    def _in_beeld(self, i: int) -> None:
        zichtbaar = max(self.size.height - 1, 1)
        boven = round(self.scroll_y)
        if i < boven:
            self.scroll_to(y=i, animate=False, immediate=True)
        elif i >= boven + zichtbaar:
            self.scroll_to(y=i - zichtbaar + 1, animate=False, immediate=True)

    def action_cursor(self, stap: int) -> None:
        if self.rijen:
            self.cursor = min(max(self.cursor + stap, 0), len(self.rijen) - 1)

    def action_pagina(self, richting: int) -> None:
        self.action_cursor(richting * max(self.size.height - 2, 1))

    def action_begin(self) -> None:
        self.cursor = 0

    def action_einde(self) -> None:
        self.cursor = max(len(self.rijen) - 1, 0)

    def action_kies(self) -> None:
        if self.rijen:
            self.post_message(self.Gekozen(self, self.rijen[self.cursor].sleutel))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        i = round(self.scroll_y) + offset.y - 1
        if 0 <= i < len(self.rijen):
            if i == self.cursor:
                self.action_kies()
            else:
                self.cursor = i
