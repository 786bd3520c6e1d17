"""Helpers for pilot tests: type into fields as a user would, fill a whole step from example data."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path
from typing import Any

import textual.app as textual_app
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, TextArea

from screens.formulier import terug
from screens.velden import invoer_van, veld_id

ROOT = Path(__file__).resolve().parents[2]
WACHTWOORD = "correct paard batterij nietje"
VANDAAG = date(2026, 5, 4)


def voorbeeld(naam: str) -> dict[str, Any]:
    """A case from voorbeelden/."""
    return json.loads((ROOT / "voorbeelden" / f"{naam}.json").read_text(encoding="utf-8"))


def _toetsen(tekst: str) -> list[str]:
    return ["enter" if c == "\n" else c for c in tekst]


async def _even(*_a: Any, **_k: Any) -> None:
    await asyncio.sleep(0)


async def toetsen(pilot: Pilot, *keys: str) -> None:
    """Press keys one after another like a fast typist: without waiting for the screen to go idle after each
    key (Textual's pilot does, which makes long texts slow); waits once at the end."""
    orig = textual_app.wait_for_idle
    textual_app.wait_for_idle = _even  # type: ignore[assignment]
    try:
        await pilot.press(*keys)
    finally:
        textual_app.wait_for_idle = orig  # type: ignore[assignment]
    await pilot.pause()


def _toets(teken: str) -> events.Key:
    if teken == "\n":
        return events.Key("enter", "\r")
    naam = teken if teken.isalnum() else _character_to_key(teken)
    return events.Key(naam, teken)


async def typ(pilot: Pilot, selector: str, tekst: str, *, wissen: bool = True, wachten: bool = True) -> None:
    """Focus the field ``selector`` and type ``tekst`` key by key into it (clearing it first).

    The key events go to the field's own queue, so a form can be filled without waiting after each field
    (``wachten=False``); the pilot's own press() waits for the whole app to go idle after every key."""
    w = pilot.app.screen.query_one(selector)
    w.focus()
    if wissen and isinstance(w, Input | TextArea):
        w.clear()  # like select-all + delete
    for teken in tekst:
        w.post_message(_toets(teken))
    if wachten:
        await pilot.pause()


async def kies(pilot: Pilot, selector: str, waarde: Any) -> None:
    """Open the Select ``selector`` with the keyboard and pick the option with ``waarde``."""
    sel = pilot.app.screen.query_one(selector, Select)
    sel.focus()
    opties = [v for _, v in sel._options]  # includes the blank option first when allowed
    doel = opties.index(waarde)
    huidig = opties.index(sel.value) if sel.value in opties else 0
    stappen = doel - huidig
    await toetsen(pilot, "enter")
    await toetsen(pilot, *(["down"] * stappen if stappen > 0 else ["up"] * -stappen), "enter")
    assert sel.value == waarde, f"{selector}: {sel.value!r} != {waarde!r}"


async def vink(pilot: Pilot, selector: str, aan: bool = True) -> None:
    """Set a checkbox with the space bar."""
    cb = pilot.app.screen.query_one(selector, Checkbox)
    if cb.value != aan:
        cb.focus()
        await toetsen(pilot, "space")
    assert cb.value == aan


def plat(x: Any, voor: str = "") -> dict[str, Any]:
    """Nested data -> {path: leaf}; lists of scalars stay whole (they are one field)."""
    if isinstance(x, dict):
        uit: dict[str, Any] = {}
        for k, v in x.items():
            uit.update(plat(v, f"{voor}.{k}" if voor else str(k)))
        return uit
    if isinstance(x, list) and x and isinstance(x[0], dict) and not {"wat", "wie"} <= set(x[0]):
        uit = {}
        for i, v in enumerate(x):
            uit.update(plat(v, f"{voor}.{i}"))
        return uit
    return {voor: x}


async def vul(pilot: Pilot, data: dict[str, Any]) -> list[str]:
    """Type every value of ``data`` (a step model's shape) into the field with that path; returns paths typed."""
    scherm = pilot.app.screen
    await wacht_op(pilot, lambda: getattr(scherm, "opgebouwd", True))  # the whole form is mounted
    getypt: list[str] = []
    for pad, waarde in plat(data).items():
        if waarde in (None, "", []):
            continue
        if isinstance(waarde, list) and waarde and isinstance(waarde[0], str) and pad.endswith("grondslagen"):
            for g in waarde:
                await vink(pilot, f"#{veld_id(pad)}-{g}")
            getypt.append(pad)
            continue
        gevonden = scherm.query(f"#{veld_id(pad)}")
        if not gevonden:
            continue
        w = gevonden.first()
        _, soort = invoer_van(w)
        if isinstance(w, Select):
            await kies(pilot, f"#{w.id}", waarde)
        elif isinstance(w, Checkbox):
            await vink(pilot, f"#{w.id}", bool(waarde))
        else:
            await typ(pilot, f"#{w.id}", str(terug(soort, waarde)), wachten=False)
        getypt.append(pad)
    await pilot.pause()
    return getypt


async def ontgrendel(pilot: Pilot, wachtwoord: str = WACHTWOORD, *, nieuw: bool = False) -> None:
    """Type the passphrase (twice for a new store) and wait for the werkvoorraad."""
    await typ(pilot, "#wachtwoord", wachtwoord)
    await pilot.press("enter")
    if nieuw:
        await typ(pilot, "#herhaal", wachtwoord)
        await pilot.press("enter")
    await wacht_op(pilot, lambda: pilot.app.screen.id == "werkvoorraad")


async def wacht_op(pilot: Pilot, voorwaarde: Any, *, tijd: float = 10.0) -> None:
    """Wait (in small pauses, workers included) until ``voorwaarde()`` holds."""
    import time

    eind = time.monotonic() + tijd
    while not voorwaarde():
        if time.monotonic() > eind:
            fouten = [str(w.render()) for w in pilot.app.screen.query("#stap-fouten, .fout")]
            meldingen = [n.message for n in pilot.app._notifications]
            meldingen.append(f"rijen={len(getattr(pilot.app, 'rijen', []))}")
            raise AssertionError(
                f"wachten duurde te lang; scherm: {pilot.app.screen!r}; fouten: {fouten}; meldingen: {meldingen}"
            )
        await pilot.pause(0.02)
