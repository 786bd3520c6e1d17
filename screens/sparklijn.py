"""The werkvoorraad's deadlines of the next 12 weeks: a sparkline with, beside it, the same counts in words.

A picture alone is not accessible (a screen reader, a colour-blind reader, a copy of the screen in an e-mail): the
line of text beside it always gives the counts — the total, this week, the busiest week and, where the terminal is
wide enough, the count of every week.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Sparkline, Static

WEKEN = 12
KOP = f"Komende {WEKEN} weken"


def per_week(rijen: Iterable[Any], vandaag: date, weken: int = WEKEN) -> list[int]:
    """The open deadlines (not done) of ``rijen`` (index rows) per calendar week (Monday to Sunday), this week
    first: those from ``vandaag`` on; passed ones are overdue and counted as 'te laat' elsewhere."""
    maandag = vandaag - timedelta(days=vandaag.weekday())
    tellingen = [0] * weken
    for r in rijen:
        for t in getattr(r, "termijnen", ()) or ():
            if t.get("gedaan"):
                continue
            try:
                d = date.fromisoformat(str(t["datum"]))
            except (KeyError, ValueError):
                continue
            week = (d - maandag).days // 7
            if d >= vandaag and week < weken:
                tellingen[week] += 1
    return tellingen


def beschrijving(tellingen: list[int], vandaag: date, *, per_week_erbij: bool) -> str:
    """The counts in words: '14 termijnen · deze week 2 · drukste week 50: 4' (and, wide, every week's)."""
    totaal = sum(tellingen)
    if totaal == 0:
        return "geen termijnen"
    maandag = vandaag - timedelta(days=vandaag.weekday())
    nummers = [(maandag + timedelta(weeks=i)).isocalendar().week for i in range(len(tellingen))]
    drukst = max(range(len(tellingen)), key=lambda i: (tellingen[i], -i))
    tekst = (
        f"{totaal} {'termijn' if totaal == 1 else 'termijnen'} · deze week {tellingen[0]} · drukste week "
        f"{nummers[drukst]}: {tellingen[drukst]}"
    )
    if per_week_erbij:
        tekst += f" · week {nummers[0]}–{nummers[-1]}: " + " ".join(str(n) for n in tellingen)
    return tekst


class Termijnlijn(Horizontal):
    """'Komende 12 weken' + a sparkline of the open deadlines, one bar per week + the counts in words."""

    DEFAULT_CSS = """
    Termijnlijn { height: 1; padding: 0 1; }
    Termijnlijn > #termijnlijn-kop { width: auto; color: $text-muted; }
    Termijnlijn > Sparkline { width: 12; margin: 0 1; }
    Termijnlijn > #termijnlijn-tekst { width: 1fr; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(KOP, id="termijnlijn-kop")
        yield Sparkline([0] * WEKEN, id="termijnlijn-grafiek")
        yield Static("", id="termijnlijn-tekst")

    def zet(self, rijen: Iterable[Any], vandaag: date) -> list[int]:
        """Show the deadlines of ``rijen`` from ``vandaag``; returns the counts per week."""
        tellingen = per_week(rijen, vandaag)
        grafiek = self.query_one(Sparkline)
        grafiek.data = [float(n) for n in tellingen]
        grafiek.tooltip = "per week: " + " ".join(str(n) for n in tellingen)
        ruimte = self.app.size.width - 2 - len(KOP) - WEKEN - 2  # padding, the label, the bars and their margins
        tekst = beschrijving(tellingen, vandaag, per_week_erbij=True)
        if len(tekst) > ruimte:  # every week's count only where it fits on the line
            tekst = beschrijving(tellingen, vandaag, per_week_erbij=False)
        self.query_one("#termijnlijn-tekst", Static).update(tekst)
        return tellingen
