"""One full case per regulation, typed in from melding to stored decision and the two printed PDFs."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from screens.beschikking_bevestigen import BeschikkingBevestigen
from screens.besluit import BesluitScherm
from screens.gesprek import GesprekScherm
from screens.melding import MeldingScherm
from screens.verslag import VerslagScherm
from screens.voorliggend import VoorliggendScherm
from smi_tui.beoordeling import beoordeel_zaak
from smi_tui.zaak import Stap, Zaak
from tests.ui.hulp import VANDAAG, ontgrendel, plat, voorbeeld, vul, wacht_op

GEMEENTEN = ["heemstede", "albrandswaard", "voerendaal", "eemnes", "oude-ijsselstreek"]


def stapdata(zaak: dict[str, Any]) -> dict[Stap, dict[str, Any]]:
    """The example case cut into what each step's form holds."""
    melding = copy.deepcopy(zaak["melding"])
    opvang = {}
    for i, kind in enumerate(melding["kinderen"]):
        o = kind.pop("opvang", None)
        if o:
            opvang[f"k{i}"] = o
    aanvraag = {k: v for k, v in zaak.get("aanvraag", {}).items() if k != "stukken"}
    stukken = {
        s["code"]: {"ontvangen": True, "ontvangen_op": s["ontvangen_op"]}
        for s in zaak.get("aanvraag", {}).get("stukken", [])
    }
    return {
        Stap.MELDING: {"regeling": zaak["regeling"], "melding": melding},
        Stap.GESPREK: {"gesprek": zaak["gesprek"], "opvang": opvang},
        Stap.VERSLAG: {"verslag": zaak.get("verslag") or {}, "aanvraag": aanvraag, "stukken": stukken},
        Stap.VOORLIGGEND: {"voorliggend": zaak.get("voorliggend") or {}, "budget": zaak.get("budget")},
        Stap.BESLUIT: {"besluit": zaak["besluit"]},
    }


async def loop_zaak_door(pilot: Any, voorbeeldzaak: dict[str, Any]) -> str:
    """Type a whole case in and make the letters; returns the zaaknummer."""
    app = pilot.app
    delen = stapdata(voorbeeldzaak)
    await pilot.press("ctrl+n")
    await wacht_op(pilot, lambda: isinstance(app.screen, MeldingScherm))
    for _ in range(len(delen[Stap.MELDING]["melding"]["kinderen"]) - 1):
        await pilot.press("ctrl+t")
        await pilot.pause()
    volgorde = [(Stap.MELDING, GesprekScherm), (Stap.GESPREK, VerslagScherm), (Stap.VERSLAG, VoorliggendScherm),
                (Stap.VOORLIGGEND, BesluitScherm)]  # fmt: skip
    for stap, volgende in volgorde:
        await vul(pilot, delen[stap])
        await pilot.press("ctrl+s")
        await wacht_op(pilot, lambda v=volgende: isinstance(app.screen, v))
    await vul(pilot, delen[Stap.BESLUIT])
    await pilot.press("ctrl+g")
    await wacht_op(pilot, lambda: isinstance(app.screen, BeschikkingBevestigen))  # what will be decided first
    await pilot.press("j")
    await wacht_op(pilot, lambda: app.zaak is not None and app.zaak.stap == Stap.AFGEROND, tijd=30)
    assert app.zaaknummer is not None
    return app.zaaknummer


@pytest.mark.parametrize("gemeente", GEMEENTEN)
async def test_zaak_van_melding_tot_beschikking(gemeente: str, maak_app: Any, afgedrukt: list[Any]) -> None:
    """A consulent types the example case in with the keyboard; the store holds the same case and both letters."""
    voorbeeldzaak = voorbeeld(f"{gemeente}-toekenning")
    app = maak_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ontgrendel(pilot, nieuw=True)
        zn = await loop_zaak_door(pilot, voorbeeldzaak)
        with app.slot:
            opgeslagen = Zaak.model_validate(app.opslag.laad(zn))
            soorten = sorted(d["soort"] for d in app.opslag.documenten(zn))
    verwacht = Zaak.model_validate(voorbeeldzaak)
    # the besluit form has no sending date (ctrl+r records it); printing the beschikking records the day it was printed
    b = verwacht.besluit
    assert b is not None
    b = b.model_copy(update={"verzonden_op": None, "afgedrukt_op": max(VANDAAG, b.datum)})
    verwacht = verwacht.model_copy(update={"besluit": b})
    for deel in ("regeling", "melding", "gesprek", "verslag", "voorliggend", "aanvraag", "budget", "besluit"):
        a, b = (plat(json.loads(z.model_dump_json(include={deel}))) for z in (opgeslagen, verwacht))
        for x in (a, b):  # the form lists grounds in the regulation's order
            if "gesprek.grondslagen" in x:
                x["gesprek.grondslagen"] = sorted(x["gesprek.grondslagen"])
        assert a == b, {k: (a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    assert opgeslagen.stap == Stap.AFGEROND and opgeslagen.concepten == {}
    assert soorten == ["beschikking", "plan-van-aanpak"]
    assert len(afgedrukt) == 2
    assert (
        beoordeel_zaak(opgeslagen, peildatum=VANDAAG).uitkomst == beoordeel_zaak(verwacht, peildatum=VANDAAG).uitkomst
    )
