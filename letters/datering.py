"""The date of a letter: the day it is made or sent, never before the facts it reports.

A letter made later from a case (a reprint, a preview from a case file) would otherwise carry the date of the
first step while it reports what happened after: an ontvangstbevestiging dated 2 February that says the aanvraag
came in on 24 February. Without a date given, a letter takes the latest of its own step's date and the facts it
reports; a date given that lies before one of them is refused with a Dutch message.
"""

from __future__ import annotations

from datetime import date

from smi_tui.datums import nl_datum


def briefdatum(gegeven: date | None, standaard: date, feiten: list[tuple[str, date | None]]) -> date:
    """``gegeven`` (checked against ``feiten``), else the latest of ``standaard`` and the dates in ``feiten``.

    ``feiten`` are (what the letter reports, its date), e.g. ("het advies van de GGD", 20 February)."""
    bekend = [(wat, d) for wat, d in feiten if d is not None]
    if gegeven is None:
        return max([standaard, *(d for _, d in bekend)])
    later = [(wat, d) for wat, d in bekend if d > gegeven]
    if later:
        from letters import BriefFout

        wat, d = max(later, key=lambda x: x[1])
        raise BriefFout(
            f"Deze brief kan niet op {nl_datum(gegeven)} gedateerd worden: hij noemt {wat} van {nl_datum(d)}. "
            f"Kies een datum op of na {nl_datum(d)}."
        )
    return gegeven
