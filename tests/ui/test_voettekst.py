"""The one-widget footer: shows the screen's keys and the palette, follows focus, a click presses the key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from screens.voettekst import Voettekst


class VoetApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "teller", "Nieuw"),
        Binding("ctrl+x", "niets", "Verborgen", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.geteld = 0

    def compose(self) -> ComposeResult:
        yield Input(id="a")
        yield Voettekst()

    def action_teller(self) -> None:
        self.geteld += 1


def tekst(app: App[None]) -> str:
    return str(app.query_one(Voettekst).render())


async def test_toont_toetsen_en_palet_en_klik_drukt_de_toets() -> None:
    app = VoetApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        regel = tekst(app)
        assert regel.startswith(" ^n Nieuw ")
        assert "Verborgen" not in regel
        assert regel.rstrip().endswith("^p Opdrachten") and len(regel) == 60  # the palette on the right
        await pilot.click(Voettekst, offset=(2, 0))  # on "^n"
        await pilot.pause()
        assert app.geteld == 1


async def test_smal_scherm_houdt_het_palet() -> None:
    app = VoetApp()
    async with app.run_test(size=(18, 5)) as pilot:
        await pilot.pause()
        regel = tekst(app)
        assert regel.endswith("^p Opdrachten ") and len(regel) == 18  # the keys on the left are cut, not the palette


class MetToets(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+y", "app.teller", "Extra")]


async def test_volgt_de_bindings_van_de_focus() -> None:
    class MetFocus(VoetApp):
        def compose(self) -> ComposeResult:
            yield Input(id="a")
            yield MetToets("x", id="b")
            yield Voettekst()

    app = MetFocus()
    async with app.run_test(size=(60, 5)) as pilot:
        app.query_one("#a").focus()
        await pilot.pause()
        assert "Extra" not in tekst(app)
        app.query_one("#b").focus()
        await pilot.pause()
        assert "^y Extra" in tekst(app)
        app.query_one("#a").focus()
        await pilot.pause()
        assert "Extra" not in tekst(app)


class VeelApp(VoetApp):
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(f"f{c}", f"app.bell_{c}", f"Actie{c}") for c in range(5, 11)),
        Binding("f1", "hulp", "Hulp"),
    ]


async def test_te_veel_toetsen_dan_meer_toetsen_rechts() -> None:
    """Keys that do not fit are cut whole and F1 (the help page lists every key) says 'meer toetsen'."""
    app = VeelApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        regel = tekst(app)
        assert len(regel) == 60 and regel.rstrip().endswith("▏f1 meer toetsen ^p Opdrachten")
        links = regel.split("▏")[0].rstrip()
        assert links.endswith(("Actie5", "Actie6", "Actie7", "Actie8"))  # a whole key, not a cut one
    app = VeelApp()
    async with app.run_test(size=(120, 5)) as pilot:
        await pilot.pause()
        assert "▏f1 Hulp ^p Opdrachten" in tekst(app) and "Actie10" in tekst(app)
