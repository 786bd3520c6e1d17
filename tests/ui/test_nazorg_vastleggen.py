"""Records are all or nothing (issue 11), through the real App and store: a refused dossier form changes nothing in
the store and keeps what was typed, with the reason and the field to fix focused; a letter that cannot be made
stores nothing either; a second extension is refused with its article; a record withdrawn by mistake stays in
the dossier, marked, and its deadlines leave the dossier and the werkvoorraad."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Select

from screens.nazorg import NazorgScherm
from screens.vastleggen import VastleggenScherm
from screens.velden import veld_id
from smi_tui.zaak import Zaak
from storage import Opslag
from tests.ui.hulp import WACHTWOORD, kies, ontgrendel, toetsen, typ, voorbeeld, wacht_op
from tests.ui.test_nazorg import meldingen

VANDAAG = date(2026, 5, 4)
VERLENGD = {"aangevraagd_op": "2026-06-01", "maanden": 6, "voorwaarde_vervuld": True,
            "onderbouwing": "nog geen structurele verbetering", "besluit_datum": "2026-06-20",
            "beslissing": "toekennen", "verzonden_op": "2026-06-22"}  # fmt: skip


@asynccontextmanager
async def dossier(maak_app: Any, tmp_path: Path, zaak: dict[str, Any], vandaag: date = VANDAAG) -> AsyncIterator[Any]:
    """The real App on a store holding ``zaak`` (finished), opened on its dossier screen; yields (app, pilot, zn)."""
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as o:
        [zn] = o.nieuwe_zaken([zaak | {"stap": "afgerond"}], consulent="J. Visser")
    app = maak_app(vandaag=lambda: vandaag)
    async with app.run_test(size=(110, 40)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.id == "werkvoorraad" and app.screen.query_one("#zaken").row_count)
        app.screen.query_one("#zaken").focus()
        await pilot.press("enter")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        yield app, pilot, zn


def opgeslagen(app: Any, zn: str) -> tuple[dict[str, Any], list[str], int]:
    """What the store holds for the case: the case, its documents' kinds, the length of its audit trail — without
    the open form's draft (autosaved by design half a second after a change; a draft is no record)."""
    with app.slot:
        zaak = {k: v for k, v in app.opslag.laad(zn).items() if k != "concepten"}
        audit = [
            e
            for e in app.opslag.audit(zn)
            if not all(str(w.get("veld", "")).startswith("concepten.") for w in e.get("wijzigingen") or [{}])
        ]
        return zaak, [d["soort"] for d in app.opslag.documenten(zn)], len(audit)


# key, fields to fill (selector, value; a Select is chosen), the field the core names, words of its reason
FORMULIEREN = [
    ("o", [("#v-opschorting-verzocht_op", "02-01-2025"), ("#v-opschorting-termijn_tot", "20-01-2025")],
     "opschorting.verzocht_op", "vóór de melding"),
    ("d", [("#v-verdaging-weken", "4"), ("#v-verdaging-reden", "Advies GGD laat op zich wachten")], "verdaging.op",
     "4:14 Awb"),
    ("e", [("#v-evaluatie-gehouden_op", "02-01-2025"), ("#v-evaluatie-uitkomst", "voortzetten")],
     "evaluatie.gehouden_op", "vóór de melding"),
    ("v", [("#v-verlenging-maanden", "6"), ("#v-verlenging-voorwaarde_vervuld", True),
           ("#v-verlenging-onderbouwing", "Nog geen structurele verbetering")],
     "verlenging.beslissing", "Vul de beslissing"),  # today's half record: an extension without a decision
    ("w", [("#v-wijziging-soort", "herziening"), ("#v-wijziging-grond", "minder_uren_nodig"),
           ("#v-wijziging-ingangsdatum", "15-04-2026"), ("#v-uren-k0", "10"),
           ("#v-wijziging-motivering", "Minder uren nodig volgens de casusregisseur.")],
     "wijziging.betaald_cent", "al is betaald"),
]  # fmt: skip


async def vul_in(pilot: Any, velden: list[tuple[str, Any]]) -> None:
    """Type into each text field, choose in each Select."""
    for selector, waarde in velden:
        if isinstance(pilot.app.screen.query_one(selector), Select):
            await kies(pilot, selector, waarde)
        else:
            await typ(pilot, selector, waarde)


def invoer(app: Any, velden: list[tuple[str, Any]]) -> list[Any]:
    """What the form's fields hold now (Input text, TextArea text, Select value)."""
    uit = []
    for selector, _ in velden:
        w = app.screen.query_one(selector)
        uit.append(getattr(w, "value", None) if not hasattr(w, "text") else w.text)
    return uit


@pytest.mark.parametrize(("toets", "velden", "veld", "reden"), FORMULIEREN, ids=[f[2] for f in FORMULIEREN])
async def test_geweigerd_formulier_bewaart_niets_en_houdt_de_invoer(
    maak_app: Any, tmp_path: Path, toets: str, velden: list[tuple[str, Any]], veld: str, reden: str
) -> None:
    async with dossier(maak_app, tmp_path, voorbeeld("albrandswaard-toekenning")) as (app, pilot, zn):
        voor = opgeslagen(app, zn)
        await toetsen(pilot, toets)
        assert isinstance(app.screen, VastleggenScherm)
        await vul_in(pilot, velden)
        getypt = invoer(app, velden)
        await toetsen(pilot, "ctrl+s")
        await pilot.pause(0.3)
        assert isinstance(app.screen, VastleggenScherm), "a refused record must not close the form"
        assert reden in meldingen(app)
        assert app.screen.focused is not None and app.screen.focused.id == veld_id(veld)
        assert invoer(app, velden) == getypt  # what was typed stays
        app._wacht_op_bewaren()  # nothing was queued to be saved; wait anyway, so a stray save would show
        assert opgeslagen(app, zn) == voor


BRIEF = [  # key, fields of a record the core accepts, the letter it makes
    ("o", [("#v-opschorting-termijn_tot", "18-05-2026"), ("#v-opschorting-stukken", "loonstroken")],
     "verzoek-aanvulling"),
    ("v", [("#v-verlenging-maanden", "6"), ("#v-verlenging-voorwaarde_vervuld", True),
           ("#v-verlenging-beslissing", "toekennen")], "verlengingsbeschikking"),
    ("w", [("#v-wijziging-soort", "beeindiging"), ("#v-wijziging-grond", "niet_meer_voldaan"),
           ("#v-wijziging-ingangsdatum", "01-06-2026"), ("#v-wijziging-betaald_cent", "0"),
           ("#v-wijziging-motivering", "Moeder is hersteld; de noodzaak is vervallen.")], "wijzigingsbeschikking"),
]  # fmt: skip


@pytest.mark.parametrize(("toets", "velden", "brief"), BRIEF, ids=[b[2] for b in BRIEF])
async def test_brief_mislukt_dan_niets_bewaard(
    maak_app: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    afgedrukt: list[Path],
    toets: str,
    velden: list[tuple[str, Any]],
    brief: str,
) -> None:
    """The record is valid, but its letter cannot be made (then: cannot be stored): the store keeps nothing of it,
    the form stays with the reason and the input, and once the letter works the same ctrl+s stores it once."""
    from letters import BriefFout
    from screens import brieven

    echt = brieven.maak

    def kapot(*_a: Any, **_k: Any) -> bytes:
        raise BriefFout("De brief kon niet worden gemaakt (testfout).")

    async with dossier(maak_app, tmp_path, voorbeeld("albrandswaard-toekenning")) as (app, pilot, zn):
        voor = opgeslagen(app, zn)
        monkeypatch.setattr(brieven, "maak", kapot)
        await toetsen(pilot, toets)
        await vul_in(pilot, velden)
        getypt = invoer(app, velden)
        await toetsen(pilot, "ctrl+s")
        await wacht_op(pilot, lambda: "testfout" in meldingen(app))
        assert isinstance(app.screen, VastleggenScherm) and app.screen.bezig is None
        assert "Niet bewaard" in meldingen(app) and invoer(app, velden) == getypt
        assert opgeslagen(app, zn) == voor
        dossierscherm = app.screen_stack[-2]
        zonder_concept = {"concepten": {}}  # the form's draft is kept (autosave), by design
        assert app.zaak is not None and app.zaak.model_copy(update=zonder_concept).model_dump(
            mode="json"
        ) == Zaak.model_validate(voor[0]).model_dump(mode="json"), "the open case on screen is the stored one again"
        assert dossierscherm.zaak is app.zaak

        # the letter is made, but storing it fails after the record was saved: the record is taken back
        monkeypatch.setattr(brieven, "maak", echt)
        opslag = app.opslag

        def vol(*_a: Any, **_k: Any) -> str:
            from storage.fouten import OpslagFout

            raise OpslagFout("De schijf is vol (testfout 2).")

        monkeypatch.setattr(opslag, "voeg_document_toe", vol)
        await toetsen(pilot, "ctrl+s")
        await wacht_op(pilot, lambda: "testfout 2" in meldingen(app))
        assert isinstance(app.screen, VastleggenScherm)
        zaak_na, documenten_na, _ = opgeslagen(app, zn)
        assert zaak_na == voor[0] and documenten_na == voor[1]  # the case as before (the audit shows the undo)

        monkeypatch.undo()
        await toetsen(pilot, "ctrl+s")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        zaak, documenten, _ = opgeslagen(app, zn)
        assert documenten == [*voor[1], brief] and len(afgedrukt) == 1
        z = Zaak.model_validate(zaak)
        assert len(z.opschortingen) + len(z.verlengingen) + len(z.wijzigingen) == 1  # one record, once


async def test_tweede_verlenging_geweigerd_met_artikel(maak_app: Any, tmp_path: Path) -> None:
    """Albrandswaard art. 5 lid 6: "éénmalig" — with one extension granted, a second is refused, nothing stored."""
    zaak = copy.deepcopy(voorbeeld("albrandswaard-toekenning")) | {"verlengingen": [VERLENGD]}
    async with dossier(maak_app, tmp_path, zaak, date(2026, 12, 1)) as (app, pilot, zn):
        voor = opgeslagen(app, zn)
        await toetsen(pilot, "v")
        await vul_in(
            pilot,
            [
                ("#v-verlenging-maanden", "3"),
                ("#v-verlenging-voorwaarde_vervuld", True),
                ("#v-verlenging-beslissing", "toekennen"),
            ],
        )
        await toetsen(pilot, "ctrl+s")
        await pilot.pause(0.3)
        assert isinstance(app.screen, VastleggenScherm)
        tekst = meldingen(app)
        assert "al 1 keer verlengd" in tekst and "artikel 5 lid 6" in tekst
        assert app.screen.focused is app.screen.query_one("#v-verlenging-beslissing")
        app._wacht_op_bewaren()
        assert opgeslagen(app, zn) == voor


def cellen(app: Any, tabel: str) -> list[list[str]]:
    t = app.screen.query_one(tabel, DataTable)
    rijen = [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]
    return [r[1:] for r in rijen] if tabel == "#termijnen" else rijen  # without Nr (the timeline's marks)


async def test_verlenging_ingetrokken_blijft_zichtbaar_zonder_termijnen(maak_app: Any, tmp_path: Path) -> None:
    """A granted extension entered by mistake is withdrawn with a reason: it stays in the case and its audit
    trail, shows as withdrawn, its letter stays; its deadlines leave the dossier and the werkvoorraad's index."""
    zaak = copy.deepcopy(voorbeeld("albrandswaard-toekenning")) | {"verlengingen": [VERLENGD]}
    async with dossier(maak_app, tmp_path, zaak, date(2026, 6, 25)) as (app, pilot, zn):
        with app.slot:
            app.opslag.voeg_document_toe(zn, "verlengingsbeschikking.pdf", "verlengingsbeschikking", b"%PDF-1.7 x")
        codes_voor = {t["code"] for t in next(r for r in app.opslag.lijst() if r.zaaknummer == zn).termijnen}
        assert "bezwaartermijn_verlenging_1" in codes_voor
        assert any("verlenging 1" in r[2] for r in cellen(app, "#termijnen"))
        await toetsen(pilot, "i")  # first: into the list of records
        assert app.screen.query_one("#vastgelegd", DataTable).has_focus
        rij = next(i for i, r in enumerate(cellen(app, "#vastgelegd")) if r[1] == "verlenging 1")
        app.screen.query_one("#vastgelegd", DataTable).move_cursor(row=rij)
        await toetsen(pilot, "i")
        assert isinstance(app.screen, VastleggenScherm)
        await toetsen(pilot, "ctrl+s")  # without a reason: refused
        await pilot.pause(0.3)
        assert isinstance(app.screen, VastleggenScherm)
        assert app.screen.focused is app.screen.query_one("#v-ingetrokken-reden")
        await typ(pilot, "#v-ingetrokken-reden", "Per vergissing vastgelegd bij de verkeerde zaak")
        await toetsen(pilot, "ctrl+s")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        rij = next(r for r in cellen(app, "#vastgelegd") if r[1] == "verlenging 1")
        assert "ingetrokken op 25 juni 2026 door J. Visser: Per vergissing vastgelegd" in rij[2]
        assert not any("verlenging 1" in r[2] for r in cellen(app, "#termijnen"))
        zaak_na, documenten, _ = opgeslagen(app, zn)
        (v,) = Zaak.model_validate(zaak_na).verlengingen
        assert v.maanden == 6 and v.ingetrokken is not None and v.ingetrokken.door == "J. Visser"
        assert documenten == ["verlengingsbeschikking"]  # the letter already made stays
        with app.slot:
            audit = app.opslag.audit(zn)
            index = next(r for r in app.opslag.lijst() if r.zaaknummer == zn)
        assert any("verlengingen" in str(a.get("wijzigingen")) and "ingetrokken" in str(a) for a in audit)
        codes_na = {t["code"] for t in index.termijnen}
        assert {"bezwaartermijn_verlenging_1", "beslistermijn_verlenging_1"} <= codes_voor - codes_na
        assert "verlenging_aanvragen" in codes_na  # the one extension can be asked again
