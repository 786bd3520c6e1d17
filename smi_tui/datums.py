"""Dates: parsing ISO input with Dutch messages, Dutch formatting, and month arithmetic."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def parse_datum(text: str) -> date:
    """Parse ``JJJJ-MM-DD`` (also ``DD-MM-JJJJ``); raise ValueError with a Dutch message otherwise."""
    t = text.strip()
    try:
        if len(t) == 10 and t[2] == "-" and t[5] == "-":
            d, m, j = t.split("-")
            return date(int(j), int(m), int(d))
        return date.fromisoformat(t)
    except ValueError:
        raise ValueError(f"'{text}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-22.") from None


def nl_datum(d: date) -> str:
    """'22 november 2026'."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def nl_maand(jaar: int, maand: int) -> str:
    """'november 2026'."""
    return f"{MAANDEN[maand - 1]} {jaar}"


def plus_maanden(d: date, maanden: int) -> date:
    """The same day ``maanden`` months later; the last day of the month when that day does not exist."""
    m0 = d.month - 1 + maanden
    jaar, maand = d.year + m0 // 12, m0 % 12 + 1
    dag = min(d.day, calendar.monthrange(jaar, maand)[1])
    return date(jaar, maand, dag)


def periode_einde(begin: date, maanden: int) -> date:
    """Last day of a period of ``maanden`` months that starts on ``begin`` (1 March + 6 months -> 31 August)."""
    return plus_maanden(begin, maanden) - timedelta(days=1)


def maanden_in(begin: date, eind: date) -> list[tuple[int, int]]:
    """The calendar months (jaar, maand) that the period ``begin``..``eind`` (inclusive) touches."""
    uit: list[tuple[int, int]] = []
    j, m = begin.year, begin.month
    while (j, m) <= (eind.year, eind.month):
        uit.append((j, m))
        j, m = (j + 1, 1) if m == 12 else (j, m + 1)
    return uit


def dagen_in_maand(jaar: int, maand: int) -> int:
    return calendar.monthrange(jaar, maand)[1]


def leeftijd_op(geboren: date, peildatum: date) -> int:
    """Age in whole years on ``peildatum``."""
    jaren = peildatum.year - geboren.year
    if (peildatum.month, peildatum.day) < (geboren.month, geboren.day):
        jaren -= 1
    return jaren
