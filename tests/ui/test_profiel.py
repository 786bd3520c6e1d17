"""Who works here: the first start asks name, function, team, phone and e-mail (checked, Dutch messages); the
settings screen (f3, palette) changes them; a case records its behandelaar; the letters and the audit trail use
the profile, never the login name."""

from __future__ import annotations

import getpass
import io
import re
import tomllib
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from textual.widgets import Input, Static

from screens.instellingen import InstellingenScherm
from smi_tui import config
from smi_tui.profiel import lees_profiel
from smi_tui.zaak import Zaak
from tests.ui.hulp import WACHTWOORD, typ, voorbeeld, wacht_op
from tests.ui.test_wizard import loop_zaak_door


def fout(app: Any, veld: str) -> str:
    return str(app.screen.query_one(f"#profiel-fout-{veld}", Static).render())


async def eerste_start(pilot: Any) -> None:
    """A new store: the passphrase twice, then the profile form shows."""
    await typ(pilot, "#wachtwoord", WACHTWOORD)
    await pilot.press("enter")
    await typ(pilot, "#herhaal", WACHTWOORD)
    await pilot.press("enter")
    await wacht_op(pilot, lambda: isinstance(pilot.app.screen, InstellingenScherm))


async def test_eerste_start_vraagt_gegevens_met_nederlandse_meldingen(maak_app: Any) -> None:
    app = maak_app(consulent="")  # no profile, no consulent in config.toml
    async with app.run_test(size=(80, 24)) as pilot:
        await eerste_start(pilot)
        await pilot.press("escape")  # the name is needed: the form stays
        await pilot.pause()
        assert isinstance(app.screen, InstellingenScherm)
        await typ(pilot, "#profiel-telefoon", "12345")
        await typ(pilot, "#profiel-email", "anna@")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InstellingenScherm)
        assert "Vul uw naam in" in fout(app, "naam")
        assert "Het telefoonnummer '12345' klopt niet" in fout(app, "telefoon")
        assert "Het e-mailadres 'anna@' klopt niet" in fout(app, "email")
        assert app.focused is app.screen.query_one("#profiel-naam", Input)
        assert not config.profiel_bestand().exists()  # nothing stored

        await typ(pilot, "#profiel-naam", "Anna de Vries")
        await typ(pilot, "#profiel-functie", "consulent sociaal domein")
        await typ(pilot, "#profiel-team", "Jeugd en Gezin")
        await typ(pilot, "#profiel-telefoon", "035 123 45 67")
        assert fout(app, "telefoon") == ""  # checked again as it is corrected
        await typ(pilot, "#profiel-email", "a.devries@eemnes.nl")
        await pilot.press("enter")  # Enter in the last field saves
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        assert app.consulent == "Anna de Vries"
        opgeslagen = tomllib.loads(config.profiel_bestand().read_text(encoding="utf-8"))
        assert opgeslagen == {
            "naam": "Anna de Vries",
            "functie": "consulent sociaal domein",
            "team": "Jeugd en Gezin",
            "telefoon": "035 123 45 67",
            "email": "a.devries@eemnes.nl",
        }
        if hasattr(Path, "owner"):
            assert config.profiel_bestand().stat().st_mode & 0o077 == 0  # for its owner only


async def test_instellingen_met_f3_en_uit_het_palet(maak_app: Any, zaaien: Any) -> None:
    zaaien(["eemnes-toekenning"])
    app = maak_app(consulent="")
    async with app.run_test(size=(100, 30)) as pilot:
        await typ(pilot, "#wachtwoord", WACHTWOORD)
        await pilot.press("enter")  # an existing store without any name known: asked too
        await wacht_op(pilot, lambda: isinstance(app.screen, InstellingenScherm))
        await typ(pilot, "#profiel-naam", "B. Jansen")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        await pilot.press("f3")
        await wacht_op(pilot, lambda: isinstance(app.screen, InstellingenScherm))
        assert app.screen.query_one("#profiel-naam", Input).value == "B. Jansen"
        await typ(pilot, "#profiel-telefoon", "06-12345678")
        await pilot.press("escape")  # cancelled: nothing changes
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        assert lees_profiel() is not None and lees_profiel().telefoon == ""
        await pilot.press("ctrl+p")
        await wacht_op(pilot, lambda: app.screen.__class__.__name__ == "CommandPalette")
        await pilot.press(*"Instellingen", "enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, InstellingenScherm))
        await typ(pilot, "#profiel-telefoon", "06-12345678")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        assert lees_profiel().telefoon == "06-12345678"


async def test_brief_en_audit_op_naam_van_de_behandelaar(maak_app: Any, afgedrukt: list[Any]) -> None:
    """The whole Eemnes case typed in after the first-start form: the stored case holds the behandelaar, the
    audit trail names them, and the printed beschikking carries name, function, team, phone and e-mail."""
    app = maak_app(consulent="")
    async with app.run_test(size=(100, 40)) as pilot:
        await eerste_start(pilot)
        await typ(pilot, "#profiel-naam", "Anna de Vries")
        await typ(pilot, "#profiel-functie", "consulent sociaal domein")
        await typ(pilot, "#profiel-team", "Jeugd en Gezin")
        await typ(pilot, "#profiel-telefoon", "035 123 45 67")
        await typ(pilot, "#profiel-email", "a.devries@eemnes.nl")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")
        zn = await loop_zaak_door(pilot, voorbeeld("eemnes-toekenning"))
        with app.slot:
            zaak = Zaak.model_validate(app.opslag.laad(zn))
            audit = app.opslag.audit(zn)
            docs = {d["soort"]: d["id"] for d in app.opslag.documenten(zn)}
            pdf = app.opslag.document(zn, docs["beschikking"])
    assert zaak.consulent == "Anna de Vries"
    assert zaak.behandelaar is not None and zaak.behandelaar.telefoon == "035 123 45 67"
    assert {e["consulent"] for e in audit} == {"Anna de Vries"}
    tekst = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "Behandeld door Anna de Vries, consulent sociaal domein, team Jeugd en Gezin" in tekst
    assert "035 123 45 67" in tekst.replace("\xa0", " ") and "a.devries@eemnes.nl" in tekst
    assert not re.search(rf"\b{re.escape(getpass.getuser())}\b", tekst)
    assert len(afgedrukt) == 2
