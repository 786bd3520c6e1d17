"""Dutch only: a walk over every screen and dialog fails on any of Textual's default English strings; the palette
offers the app's own commands only (no Screenshot: it wrote an unencrypted picture of a case to Downloads)."""

from __future__ import annotations

import html
import re
from typing import Any

from textual.command import CommandPalette
from textual.widgets import Select

from screens.besluit import BesluitScherm
from screens.gesprek import GesprekScherm
from screens.hulp import HulpScherm
from screens.melding import MeldingScherm
from screens.nazorg import NazorgScherm
from screens.verslag import VerslagScherm
from screens.voorliggend import VoorliggendScherm
from smi_tui.zaak import Stap
from tests.ui.hulp import ontgrendel, toetsen, wacht_op

ENGELS = ["Search for commands", "No matches found", "Do you want to quit", "Press ", "palette", "Dismiss menu",
          "Screenshot", "Theme", "Maximize", "Minimize", "Keys", "Quit", "Exit the command palette", "Show menu",
          "Select", "Copy", "Focus Next", "Cursor", "Submit"]  # fmt: skip
"""Textual 8's own English that can reach the screen (system commands, palette, footer labels, toasts)."""

CODES = ["woonplaats_ouder", "woonplaats_kind", "urenmaximum", "voorliggend_", "sociaal_medische", "beeindig"]
"""Internal codes that once showed on screen."""


def schermtekst(app: Any) -> str:
    """Everything on the terminal now (screen, dialogs, toasts, footer) as plain text, line by line."""
    svg = app.export_screenshot()
    regels = []
    for regel in re.findall(r'<text [^>]*clip-path="url\(#[^"]*-line-(\d+)\)"[^>]*>(.*?)</text>', svg):
        regels.append(regel)
    tekst: dict[int, str] = {}
    for nr, inhoud in regels:
        tekst[int(nr)] = tekst.get(int(nr), "") + html.unescape(re.sub(r"<[^>]+>", "", inhoud))
    return "\n".join(tekst[k] for k in sorted(tekst)).replace("\xa0", " ")


def geen_engels(app: Any, waar: str) -> str:
    tekst = schermtekst(app) + "\n" + "\n".join(f"{n.title} {n.message}" for n in app._notifications)
    for woord in ENGELS + CODES:
        assert not re.search(rf"(?<![A-Za-z]){re.escape(woord)}", tekst), f"{woord!r} op {waar}:\n{tekst}"
    return tekst


async def naar(pilot: Any, toets: str, klasse: type) -> Any:
    await pilot.press(toets)
    await wacht_op(pilot, lambda: isinstance(pilot.app.screen, klasse) and getattr(pilot.app.screen, "opgebouwd", 1))
    await pilot.pause()
    return pilot.app.screen


async def test_elk_scherm_en_venster_nederlands(maak_app: Any, zaaien: Any) -> None:
    zaaien(["heemstede-toekenning"], Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        geen_engels(app, "het ontgrendelscherm")
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count)
        tekst = geen_engels(app, "de werkvoorraad")
        assert "Opdrachten" in tekst and ("Hulp" in tekst or "meer toetsen" in tekst)

        await pilot.press("ctrl+p")  # the palette: a Dutch placeholder and Dutch commands only
        await wacht_op(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.pause(0.3)
        tekst = geen_engels(app, "het opdrachtenpalet")
        assert "Zoek een zaak" in tekst and "Afsluiten" in tekst
        await toetsen(pilot, *"qqxyzzy")
        await wacht_op(pilot, lambda: "Niets gevonden voor 'qqxyzzy'" in schermtekst(app), tijd=5)
        await pilot.pause(0.8)  # past the moment Textual would add 'No matches found'
        geen_engels(app, "het palet zonder treffers")
        await pilot.press("escape")
        await wacht_op(pilot, lambda: not isinstance(app.screen, CommandPalette))

        app.screen.query_one("#zaken").focus()  # (in a field ctrl+c copies)
        await pilot.press("ctrl+c")  # Textual: 'Do you want to quit? Press ctrl+q to quit the app'
        await wacht_op(pilot, lambda: any(n.title == "Wilt u afsluiten?" for n in app._notifications), tijd=5)
        geen_engels(app, "de melding bij ctrl+c")

        await pilot.press("f1")
        await wacht_op(pilot, lambda: isinstance(app.screen, HulpScherm))
        assert "werkvoorraad" in geen_engels(app, "de hulp bij de werkvoorraad")
        await pilot.press("escape")

        app.screen.query_one("#zaken").focus()
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm) and app.screen.opgebouwd)
        await pilot.pause(0.2)
        app.screen.query_one("#toetsen").focus()
        await pilot.pause()
        tekst = geen_engels(app, "het besluit")
        await pilot.press("f1")
        await wacht_op(pilot, lambda: isinstance(app.screen, HulpScherm))
        tekst = geen_engels(app, "de hulp bij het besluit")
        assert "Stap 5" in tekst and "Ctrl+G" in tekst and "Hardheidsclausule" in tekst
        await pilot.press("escape")

        for klasse in (VoorliggendScherm, VerslagScherm, GesprekScherm, MeldingScherm):
            scherm = await naar(pilot, "ctrl+b", klasse)
            geen_engels(app, klasse.__name__)
            await pilot.press("f1")
            await wacht_op(pilot, lambda: isinstance(app.screen, HulpScherm))
            geen_engels(app, f"de hulp bij {klasse.__name__}")
            await pilot.press("escape")
            await wacht_op(pilot, lambda s=scherm: app.screen is s)
        keuzes = list(app.screen.query(Select))
        if keuzes:  # a choice list open: Textual's footer says 'esc Dismiss menu'
            keuzes[0].focus()
            await pilot.press("enter")
            await pilot.pause(0.2)
            geen_engels(app, "een open keuzelijst")
            await pilot.press("escape")

        await pilot.press("f3")  # the profile dialog
        await pilot.pause(0.3)
        geen_engels(app, "de instellingen")
        await pilot.press("escape")
        await pilot.pause(0.2)


async def test_dossier_en_vastleggen_nederlands(maak_app: Any, zaaien: Any) -> None:
    zaaien(["heemstede-toekenning"], Stap.BESLUIT)
    app = maak_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count)
        app.screen.query_one("#zaken").focus()
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm) and app.screen.opgebouwd)
        scherm = await naar(pilot, "f2", NazorgScherm)
        geen_engels(app, "het dossier")
        for toets in "odevw":
            await pilot.press(toets)
            await pilot.pause(0.3)
            geen_engels(app, f"het venster onder '{toets}'")
            await pilot.press("escape")
            await wacht_op(pilot, lambda: app.screen is scherm)


async def test_palet_zonder_systeemopdrachten(maak_app: Any) -> None:
    app = maak_app()
    async with app.run_test(size=(80, 24)):
        assert list(app.get_system_commands(app.screen)) == []
        assert all(p.__module__.startswith("screens") for p in app.COMMANDS)  # type: ignore[union-attr]
