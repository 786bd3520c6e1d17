"""The besluit in the wizard: a final decision holds, a change before that makes the letter again (the old one stays,
'vervangen'), and an outcome more favourable than the proposal is refused at the field without the hardheidsclausule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox

from screens.berichten import StapKlaar
from screens.beschikking_bevestigen import BeschikkingBevestigen
from screens.besluit import BesluitScherm
from smi_tui.fouten import SmiFout
from smi_tui.zaak import Beslissing, Stap, Zaak
from storage import Opslag
from tests.ui.hulp import VANDAAG, WACHTWOORD, kies, ontgrendel, typ, voorbeeld, wacht_op


@pytest.fixture
def zaai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Store one example case (with its besluit) and return its zaaknummer."""
    from tests.ui.conftest import _VasteDatum

    monkeypatch.setattr("storage.opslag.date", _VasteDatum)

    def zaai(naam: str, **besluit: Any) -> str:
        data = voorbeeld(naam)
        data["besluit"].update(besluit)
        with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
            return opslag.nieuwe_zaak(data, consulent="J. Visser")

    return zaai


def _opgeslagen(app: Any, zn: str) -> tuple[Zaak, list[dict[str, Any]]]:
    with app.slot:
        return Zaak.model_validate(app.opslag.laad(zn)), app.opslag.documenten(zn)


async def _open_besluit(pilot: Any, zn: str) -> BesluitScherm:
    await ontgrendel(pilot)
    pilot.app.open_zaak(zn)
    await wacht_op(pilot, lambda: isinstance(pilot.app.screen, BesluitScherm) and pilot.app.screen.opgebouwd)
    return pilot.app.screen


def _meldingen(app: Any) -> list[str]:
    return [n.message for n in app._notifications]


async def test_definitief_besluit_is_alleen_lezen(maak_app: Any, zaai: Any, afgedrukt: list[Any]) -> None:
    """Heemstede's example decision was sent on 24 April 2026: every field of the besluit and of the gesprek is
    disabled, ctrl+s and ctrl+g refuse with the way out (a herziening, F2), and a changed case that reaches the App
    anyway is refused too: the store and the documents stay as they were."""
    zn = zaai("heemstede-toekenning")
    app = maak_app()
    async with app.run_test(size=(120, 35)) as pilot:
        scherm = await _open_besluit(pilot, zn)
        voor, docs_voor = _opgeslagen(app, zn)
        invoer = list(scherm.query(".invoer"))
        assert invoer and all(w.disabled for w in invoer)
        assert "alleen lezen" in str(scherm.query_one("#stap-kop").render())
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+g")
        await pilot.pause(0.3)
        assert any("herziening" in m and "F2" in m and "wijzigingsbeschikking" in m for m in _meldingen(app))
        # a change posted past the screen (defence in depth): the App refuses it before it is saved
        anders = voor.model_copy(
            update={"besluit": voor.besluit.model_copy(update={"beslissing": Beslissing.AFWIJZEN})}
        )  # type: ignore[union-attr]
        scherm.post_message(StapKlaar(Stap.BESLUIT, anders, volgende=False, brieven=("beschikking",)))
        await pilot.pause(0.3)
        app._wacht_op_bewaren()
        na, docs_na = _opgeslagen(app, zn)
        assert na == voor and docs_na == docs_voor == [] and afgedrukt == []
        assert app.zaak is not None and app.zaak.besluit.beslissing.value == "gedeeltelijk"  # type: ignore[union-attr]
        # the steps it rests on are read-only too
        await pilot.press("ctrl+b")
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VOORLIGGEND)
        await wacht_op(pilot, lambda: app.screen.opgebouwd)
        assert all(w.disabled for w in app.screen.query(".invoer"))


async def test_wijziging_voor_definitief_maakt_nieuwe_brief(maak_app: Any, zaai: Any, afgedrukt: list[Any]) -> None:
    """Not sent yet and the printer fails: the beschikking is made but the decision is not final. A changed
    motivering (ctrl+s) makes it again and the earlier one stays, marked 'vervangen'. Marking it as sent (ctrl+r)
    makes the decision final."""
    zn = zaai("heemstede-toekenning", verzonden_op=None)

    def geen_printer(_pad: Path) -> str:
        raise SmiFout("Er is geen printer ingesteld.")

    app = maak_app(printer=geen_printer)
    async with app.run_test(size=(120, 35)) as pilot:
        scherm = await _open_besluit(pilot, zn)
        assert not any(w.disabled for w in scherm.query(".invoer"))
        await pilot.press("ctrl+g")
        await wacht_op(pilot, lambda: isinstance(app.screen, BeschikkingBevestigen))
        await pilot.press("enter")  # on "Definitief maken en afdrukken"
        await wacht_op(pilot, lambda: app.zaak is not None and app.zaak.stap == Stap.AFGEROND)
        app._wacht_op_bewaren()
        z, docs = _opgeslagen(app, zn)
        assert z.besluit.afgedrukt_op is None and z.besluit.verzonden_op is None  # type: ignore[union-attr]
        eerste = {d["soort"]: d["id"] for d in docs}
        assert sorted(eerste) == ["beschikking", "plan-van-aanpak"]

        await typ(pilot, "#v-besluit-motivering", "De uren dagopvang worden beperkt tot 33 uur per week (Ad. 4).")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: len(_opgeslagen(app, zn)[1]) == 4)
        app._wacht_op_bewaren()
        z, docs = _opgeslagen(app, zn)
        assert z.besluit.motivering.endswith("(Ad. 4).")  # type: ignore[union-attr]
        oud = {d["id"]: d for d in docs if d["id"] in eerste.values()}
        nieuw = {d["soort"]: d for d in docs if d["id"] not in eerste.values()}
        for soort, doc_id in eerste.items():
            assert oud[doc_id]["vervangen_door"] == nieuw[soort]["id"] and oud[doc_id]["vervangen_op"]
            assert "vervangen_door" not in nieuw[soort]
        assert any("vervangen" in m for m in _meldingen(app))

        # sent by e-mail on 4 May 2026: ctrl+r records the date; from then on the decision holds
        await pilot.press("ctrl+r")
        await wacht_op(pilot, lambda: app.screen.__class__.__name__ == "VastleggenScherm")
        await typ(pilot, "#v-verzonden_op", "04-05-2026")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: _opgeslagen(app, zn)[0].besluit.verzonden_op == VANDAAG)  # type: ignore[union-attr]
        await wacht_op(pilot, lambda: all(w.disabled for w in scherm.query(".invoer")))
        assert len(_opgeslagen(app, zn)[1]) == 4  # marking as sent makes no letter


async def test_toekennen_op_gedeeltelijk_voorstel_geweigerd(maak_app: Any, zaai: Any) -> None:
    """Heemstede proposes gedeeltelijk (33 hours a week): 'toekennen' is refused beside the Beslissing field until
    the hardheidsclausule is ticked with a reason; nothing is saved meanwhile."""
    zn = zaai("heemstede-toekenning", verzonden_op=None)
    app = maak_app()
    async with app.run_test(size=(120, 35)) as pilot:
        scherm = await _open_besluit(pilot, zn)
        voor, _ = _opgeslagen(app, zn)
        await kies(pilot, "#v-besluit-beslissing", "toekennen")
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        melding = str(scherm.query_one("#f-besluit-beslissing").render())
        assert "gedeeltelijk" in melding and "hardheidsclausule" in melding
        app._wacht_op_bewaren()
        zonder_concept = {"concepten": {}}  # the form's draft is kept half a second after the choice, by design
        assert _opgeslagen(app, zn)[0].model_copy(update=zonder_concept) == voor.model_copy(update=zonder_concept)
        # with the clause and a reason it may be taken
        scherm.query_one("#v-besluit-hardheidsclausule-toegepast", Checkbox).value = True
        await typ(
            pilot,
            "#v-besluit-hardheidsclausule-reden",
            "De moeder herstelt van een operatie en kan het kind de hele week niet verzorgen.",
        )
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: _opgeslagen(app, zn)[0].besluit.beslissing.value == "toekennen")  # type: ignore[union-attr]
        assert str(scherm.query_one("#f-besluit-beslissing").render()) == ""


async def test_betalen_aan_is_een_keuze_bij_het_besluit(maak_app: Any, zaai: Any) -> None:
    """Heemstede leaves the payment recipient to the college: a grant without 'Betalen aan' (and no choice in
    config.toml) is refused beside that field, naming the article; choosing 'de ouder' saves it on the besluit."""
    zn = zaai("heemstede-toekenning", verzonden_op=None, betaling_aan=None)
    app = maak_app()
    async with app.run_test(size=(120, 35)) as pilot:
        scherm = await _open_besluit(pilot, zn)
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        melding = str(scherm.query_one("#f-besluit-betaling_aan").render())
        assert "Betalen aan" in melding and "raadsvoorstel 916069, Ad. 1" in melding
        app._wacht_op_bewaren()
        assert _opgeslagen(app, zn)[0].besluit.betaling_aan is None  # type: ignore[union-attr]
        await kies(pilot, "#v-besluit-betaling_aan", "ouder")
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda: _opgeslagen(app, zn)[0].besluit.betaling_aan == "ouder")  # type: ignore[union-attr]
        assert "Kies bij het besluit" not in str(scherm.query_one("#f-besluit-betaling_aan").render())  # its hint
