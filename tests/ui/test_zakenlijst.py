"""The werkvoorraad's case list widget: header, keys, scrolling with the cursor, opening a case, signal cells."""

from __future__ import annotations

from textual.app import App, ComposeResult

from screens.zakenlijst import Kolom, Rij, ZakenLijst

KOLOMMEN = [Kolom("Zaak", 6), Kolom("Signaal", 7, signaal=True), Kolom("Dagen", 5, rechts=True)]


class LijstApp(App[None]):
    def __init__(self, aantal: int) -> None:
        super().__init__()
        self.aantal = aantal
        self.gekozen: list[str] = []

    def compose(self) -> ComposeResult:
        yield ZakenLijst(id="lijst")

    def on_mount(self) -> None:
        rijen = [
            Rij(f"Z{i:04d}", (f"Z{i:04d}", "TE LAAT" if i == 3 else "", str(i)), "laat" if i == 3 else "")
            for i in range(self.aantal)
        ]
        self.query_one(ZakenLijst).zet(KOLOMMEN, rijen)
        self.query_one(ZakenLijst).focus()

    def on_zaken_lijst_gekozen(self, bericht: ZakenLijst.Gekozen) -> None:
        self.gekozen.append(bericht.sleutel)


def regels(lijst: ZakenLijst) -> list[str]:
    return [lijst.render_line(y).text for y in range(lijst.size.height)]


async def test_kop_rijen_en_uitlijning() -> None:
    app = LijstApp(5)
    async with app.run_test(size=(40, 10)) as pilot:
        lijst = app.query_one(ZakenLijst)
        await pilot.pause()
        tekst = regels(lijst)
        assert tekst[0].startswith(" Zaak    Signaal  Dagen ")
        assert tekst[1].startswith(" Z0000                0 ")  # numbers right-aligned in their column
        assert tekst[4].startswith(" Z0003   TE LAAT      3 ")
        assert tekst[6].strip() == ""  # below the last row: blank, not an error
        assert lijst.row_count == 5 and lijst.gekozen == "Z0000"


async def test_signaalcel_heeft_eigen_stijl() -> None:
    app = LijstApp(5)
    async with app.run_test(size=(40, 10)) as pilot:
        lijst = app.query_one(ZakenLijst)
        await pilot.pause()
        segmenten = list(lijst.render_line(4))  # row Z0003: TE LAAT
        cel = next(s for s in segmenten if "TE LAAT" in s.text)
        rest = next(s for s in segmenten if "Z0003" in s.text)
        assert cel.style != rest.style  # the word is marked with a colour as well


async def test_toetsen_en_scrollen_met_de_cursor() -> None:
    app = LijstApp(100)
    async with app.run_test(size=(40, 10)) as pilot:
        lijst = app.query_one(ZakenLijst)
        await pilot.press("down", "down")
        assert lijst.gekozen == "Z0002"
        await pilot.press("end")
        await pilot.pause()
        assert lijst.gekozen == "Z0099"
        tekst = regels(lijst)
        assert tekst[0].startswith(" Zaak")  # the header stays at the top while scrolled
        assert any(r.startswith(" Z0099") for r in tekst)  # the cursor row is in view
        await pilot.press("home")
        await pilot.pause()
        assert lijst.gekozen == "Z0000" and regels(lijst)[1].startswith(" Z0000")
        await pilot.press("pagedown")
        await pilot.pause()
        stap = lijst.size.height - 2
        assert lijst.gekozen == f"Z{stap:04d}"
        assert any(r.startswith(f" Z{stap:04d}") for r in regels(lijst))
        await pilot.press("up")
        assert lijst.gekozen == f"Z{stap - 1:04d}"


async def test_kiezen_met_de_muis_en_met_kies() -> None:
    app = LijstApp(10)
    async with app.run_test(size=(40, 10)) as pilot:
        lijst = app.query_one(ZakenLijst)
        await pilot.click(ZakenLijst, offset=(2, 3))  # line 3 = the third row
        assert lijst.gekozen == "Z0002" and app.gekozen == []
        await pilot.click(ZakenLijst, offset=(2, 3))  # again on the cursor row: open it
        await pilot.pause()
        assert app.gekozen == ["Z0002"]
        await pilot.click(ZakenLijst, offset=(2, 0))  # the header opens nothing
        lijst.action_kies()
        await pilot.pause()
        assert app.gekozen == ["Z0002", "Z0002"]


async def test_lege_lijst() -> None:
    app = LijstApp(0)
    async with app.run_test(size=(40, 10)) as pilot:
        lijst = app.query_one(ZakenLijst)
        await pilot.press("down", "end", "pagedown")
        lijst.action_kies()
        await pilot.pause()
        assert lijst.gekozen is None and app.gekozen == []
        assert regels(lijst)[0].startswith(" Zaak")


async def test_cursor_blijft_op_dezelfde_zaak_na_opnieuw_vullen() -> None:
    app = LijstApp(10)
    async with app.run_test(size=(40, 10)) as pilot:
        lijst = app.query_one(ZakenLijst)
        await pilot.press("down", "down", "down")
        assert lijst.gekozen == "Z0003"
        lijst.zet(KOLOMMEN, list(reversed(lijst.rijen)))  # e.g. sorted the other way
        assert lijst.gekozen == "Z0003" and lijst.cursor == 6
        lijst.zet(KOLOMMEN, [r for r in lijst.rijen if r.sleutel != "Z0003"])  # filtered out: same row number
        assert lijst.cursor == 6 and lijst.gekozen == "Z0002"
