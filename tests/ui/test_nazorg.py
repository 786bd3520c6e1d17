"""The dossier screen after the decision: deadlines, and recording an evaluation, an extension, a revision and a
verdaging with the keyboard; the regulation's rules block what it forbids (issue 6)."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import App
from textual.widgets import DataTable, Static

from screens.berichten import StapKlaar
from screens.nazorg import NazorgScherm
from screens.vastleggen import VastleggenScherm
from smi_tui.register import Register
from smi_tui.zaak import Zaak
from tests.ui.hulp import kies, toetsen, typ, voorbeeld


class Gastheer(App[None]):
    """Hosts the dossier screen alone, records what it hands to the App and answers as the App does: saved
    (``werk_kop_bij``) or, with ``mislukt``, not saved (``niet_bewaard``)."""

    def __init__(self, naam: str, vandaag: date, *, mislukt: str | None = None) -> None:
        super().__init__()
        self.zaak = Zaak.model_validate(voorbeeld(naam))
        self.regeling = Register.laad().voor(self.zaak.regeling, self.zaak.melding.datum)
        self.vandaag = vandaag
        self.berichten: list[StapKlaar] = []
        self.terug = False
        self.mislukt = mislukt
        self.dossier = NazorgScherm(self.zaak, self.regeling, zaaknummer="SMI-2026-0001", vandaag=self.vandaag)

    def on_mount(self) -> None:
        self.push_screen(self.dossier)

    def on_stap_klaar(self, bericht: StapKlaar) -> None:
        self.berichten.append(bericht)
        if self.mislukt is not None:
            assert self.dossier.niet_bewaard(self.mislukt)
        else:
            self.dossier.zaak = bericht.zaak
            self.dossier.werk_kop_bij()

    def action_werkvoorraad(self) -> None:
        self.terug = True


def meldingen(app: App[Any]) -> str:
    """Every message the form shows: beside its fields and below them."""
    teksten = [str(s.render()) for s in app.screen.query(".fout")]
    return " ".join([*teksten, str(app.screen.query_one("#vastleggen-fouten", Static).render())])


def _cellen(app: App[Any], tabel: str) -> list[list[str]]:
    t = app.screen.query_one(tabel, DataTable)
    rijen = [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]
    return [r[1:] for r in rijen] if tabel == "#termijnen" else rijen  # without Nr (the timeline's marks)


async def test_termijnen_en_evaluatie_albrandswaard() -> None:
    """Albrandswaard art. 5 lid 5: evaluation every 3 months; the first (1 May 2026) is overdue on 4 May and
    becomes 'gedaan' once recorded; the record goes to the App without a letter."""
    app = Gastheer("albrandswaard-toekenning", date(2026, 5, 4))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        rijen = _cellen(app, "#termijnen")
        evaluatie = next(r for r in rijen if "evaluatie 1" in r[2])
        assert evaluatie[0] == "1 mei 2026" and evaluatie[1] == "-3"
        await toetsen(pilot, "e")
        assert isinstance(app.screen, VastleggenScherm)
        await kies(pilot, "#v-evaluatie-uitkomst", "voortzetten")
        await typ(pilot, "#v-evaluatie-notities", "Doelen op koers; moeder volgt behandeling.")
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NazorgScherm)
        assert len(app.berichten) == 1 and app.berichten[0].brieven == ()
        z = app.berichten[0].zaak
        assert [(e.nummer, e.gehouden_op, e.uitkomst.value) for e in z.evaluaties] == [
            (1, date(2026, 5, 4), "voortzetten")
        ]
        rijen = _cellen(app, "#termijnen")
        assert next(r for r in rijen if "evaluatie 1" in r[2])[1] == "gedaan"
        assert any(r[1] == "evaluatie 1" for r in _cellen(app, "#vastgelegd"))


async def test_verlenging_geweigerd_waar_de_regeling_die_niet_kent() -> None:
    """Voerendaal art. 7 lid 2: no extension — the form says a new melding is needed and will not record a grant."""
    app = Gastheer("voerendaal-toekenning", date(2027, 3, 1))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        uitleg = str(app.screen.query_one("#nazorg-uitleg", Static).render())
        assert "nieuwe melding" in uitleg and "artikel 7 lid 2" in uitleg
        await toetsen(pilot, "v")
        await typ(pilot, "#v-verlenging-maanden", "6")
        await kies(pilot, "#v-verlenging-voorwaarde_vervuld", True)
        await kies(pilot, "#v-verlenging-beslissing", "toekennen")
        await pilot.pause(0.3)
        toelichting = str(app.screen.query_one("#vastleggen-toelichting", Static).render())
        assert "Niet toegestaan" in toelichting
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VastleggenScherm), "a forbidden extension must not be recorded"
        fouten = meldingen(app)
        assert "niet toe" in fouten and "artikel 7 lid 2" in fouten
        assert app.screen.focused is app.screen.query_one("#v-verlenging-beslissing")  # the field to fix
        assert app.berichten == []
        await toetsen(pilot, "escape")
        assert isinstance(app.screen, NazorgScherm)


async def test_verlenging_toegekend_met_beschikking() -> None:
    """Albrandswaard art. 5 lid 6: once, at most 6 months, if no structural improvement yet."""
    app = Gastheer("albrandswaard-toekenning", date(2026, 6, 1))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await toetsen(pilot, "v")
        await typ(pilot, "#v-verlenging-maanden", "7")
        await kies(pilot, "#v-verlenging-voorwaarde_vervuld", True)
        await kies(pilot, "#v-verlenging-beslissing", "toekennen")
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VastleggenScherm), "7 months is more than the 6 of art. 5 lid 6"
        await typ(pilot, "#v-verlenging-maanden", "6")
        await typ(pilot, "#v-verlenging-onderbouwing", "Structurele verbetering is nog niet bereikt.")
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NazorgScherm)
        (bericht,) = app.berichten
        assert bericht.brieven == ("verlengingsbeschikking",)
        assert [(v.maanden, v.beslissing.value if v.beslissing else None) for v in bericht.zaak.verlengingen] == [
            (6, "toekennen")
        ]


async def test_herziening_met_terugvordering() -> None:
    """Albrandswaard art. 10 lid 3: fewer hours needed; the core's recovery shows while typing."""
    app = Gastheer("albrandswaard-toekenning", date(2026, 5, 4))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await toetsen(pilot, "w")
        await kies(pilot, "#v-wijziging-soort", "herziening")
        await kies(pilot, "#v-wijziging-grond", "minder_uren_nodig")
        await typ(pilot, "#v-wijziging-ingangsdatum", "2026-04-15")
        kind = next(i for i, k in enumerate(app.zaak.melding.kinderen) if k.opvang is not None)
        await typ(pilot, f"#v-uren-k{kind}", "10")
        await typ(pilot, "#v-wijziging-betaald_cent", "2000,00")
        await typ(pilot, "#v-wijziging-motivering", "Minder uren nodig volgens de casusregisseur.")
        await pilot.pause(0.3)
        assert "Terug te vorderen" in str(app.screen.query_one("#vastleggen-toelichting", Static).render())
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NazorgScherm)
        (bericht,) = app.berichten
        assert bericht.brieven == ("wijzigingsbeschikking",)
        (w,) = bericht.zaak.wijzigingen
        assert (w.grond, w.ingangsdatum, w.betaald_cent) == ("minder_uren_nodig", date(2026, 4, 15), 200000)
        assert w.opvang[str(kind)].uren_per_week == 10


async def test_verdaging_te_laat_geweigerd() -> None:
    """Awb 4:14: a verdaging must be sent before the beslistermijn ends (Eemnes: 8 weeks after the aanvraag)."""
    app = Gastheer("eemnes-toekenning", date(2026, 12, 1))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await toetsen(pilot, "d")
        await typ(pilot, "#v-verdaging-reden", "Advies van de GGD laat op zich wachten.")
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VastleggenScherm)
        assert app.berichten == []
        assert "4:14" in meldingen(app)


async def test_in_de_app_herzien_bewaren_en_beschikking_afdrukken(maak_app: Any, tmp_path: Any, afgedrukt: Any) -> None:
    """Through the real App and store: a finished case opens on its dossier; a revision is saved through the store
    and its wijzigingsbeschikking is made, stored with the case and printed; s opens the besluit, f2 the dossier
    again, escape the werkvoorraad."""
    from screens.besluit import BesluitScherm
    from storage import Opslag
    from tests.ui.hulp import WACHTWOORD, ontgrendel, wacht_op

    zaak = voorbeeld("albrandswaard-toekenning") | {"stap": "afgerond"}
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as o:
        [zn] = o.nieuwe_zaken([zaak], consulent="J. Visser")
    app = maak_app(vandaag=lambda: date(2026, 5, 4))
    async with app.run_test(size=(110, 40)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and app.screen.query_one("#zaken").row_count)
        app.screen.query_one("#zaken").focus()
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        await toetsen(pilot, "w")
        await kies(pilot, "#v-wijziging-soort", "beeindiging")
        await kies(pilot, "#v-wijziging-grond", "niet_meer_voldaan")
        await typ(pilot, "#v-wijziging-ingangsdatum", "2026-06-01")
        await typ(pilot, "#v-wijziging-betaald_cent", "0")
        await typ(pilot, "#v-wijziging-motivering", "Moeder is hersteld; de noodzaak is vervallen.")
        await toetsen(pilot, "ctrl+s")
        await wacht_op(pilot, lambda: len(afgedrukt) == 1)
        with app.slot:
            opgeslagen = Zaak.model_validate(app.opslag.laad(zn))
            soorten = [d["soort"] for d in app.opslag.documenten(zn)]
        assert [(w.soort.value, w.ingangsdatum) for w in opgeslagen.wijzigingen] == [("beeindiging", date(2026, 6, 1))]
        assert soorten == ["wijzigingsbeschikking"]
        await toetsen(pilot, "s")
        await wacht_op(pilot, lambda: isinstance(app.screen, BesluitScherm))
        await toetsen(pilot, "f2")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        assert any(r[1] == "wijziging 1" and r[2].startswith("beëindiging") for r in _cellen(app, "#vastgelegd"))
        await toetsen(pilot, "escape")
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad")


async def test_beoordeling_in_de_app_krijgt_de_andere_zaken_uit_de_opslag(maak_app: Any, tmp_path: Any) -> None:
    """The besluit screen and the letters assess with the store's other cases: the same parent's earlier case
    (repeat applications, Eemnes art. 3.6 lid 2); the cases of the same regulation only under a budget ceiling."""
    from storage import Opslag
    from tests.ui.hulp import WACHTWOORD, ontgrendel

    eemnes, albrandswaard = voorbeeld("eemnes-toekenning"), voorbeeld("albrandswaard-toekenning")
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as o:
        eerder, nu, ander, a1, a2 = o.nieuwe_zaken(
            [eemnes, eemnes, voorbeeld("voerendaal-toekenning"), albrandswaard, albrandswaard], consulent="J. Visser"
        )
    app = maak_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await ontgrendel(pilot)
        app.zaak, app.zaaknummer = Zaak.model_validate(eemnes), nu
        assert [zn for zn, _ in app._andere_zaken()] == [eerder]  # same BSN; no budget ceiling in Eemnes
        app.zaak, app.zaaknummer = Zaak.model_validate(albrandswaard), a1
        assert [zn for zn, _ in app._andere_zaken()] == [a2]  # art. 7 lid 4: the budget needs the other cases
        assert ander not in [zn for zn, _ in app._andere_zaken()]


async def test_evaluatie_in_de_toekomst_wordt_niet_vastgelegd() -> None:
    """An evaluation is recorded after it was held: a 'gehouden op' after today (4 May 2026) is refused, with the
    reason below the form and the cursor back on the date."""
    app = Gastheer("albrandswaard-toekenning", date(2026, 5, 4))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await toetsen(pilot, "e")
        await typ(pilot, "#v-evaluatie-gehouden_op", "05-06-2026")
        await kies(pilot, "#v-evaluatie-uitkomst", "voortzetten")
        await toetsen(pilot, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VastleggenScherm) and app.berichten == []
        fouten = meldingen(app)
        assert "5 juni 2026" in fouten and "moet nog komen" in fouten and "4 mei 2026" in fouten
        assert app.screen.focused is app.screen.query_one("#v-evaluatie-gehouden_op")
