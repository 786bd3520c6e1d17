"""Plain Dutch (B1): every ground and condition of every regulation, rendered into every letter that uses it, reads
right — no doubled words or brackets, no 'als er zijn', no ISO dates or field codes, no '(s)'/'(en)' forms, no minus
sign before an amount — and the words for parents and children follow the case (one or more)."""

from __future__ import annotations

import dataclasses
import re

import pytest

import letters
from letters.gegevens import verschil
from smi_tui.register import Register
from tests.letters.conftest import EXTRA, beoordeling, tekst_van, voorbeelden, zaak

FOUTEN = {
    "dubbel woord": r"\b(\w+) \1\b",
    "dubbele haakjes": r"\([^()]*\(|\)[^()]*\)[^(]*$|\)\)|\(\(",
    "'als er zijn'": r"\bals er zijn\b",
    "ISO-datum": r"\b\d{4}-\d{2}-\d{2}\b",
    "veldcode": r"\b[a-z]+_[a-z_]+\b",
    "(s)/(en)-vorm": r"\w\((s|en|eren|n)\)",
    "min-bedrag": r"€\s*-",
    "éénmalig buiten een citaat": r"(?<!“)[^“”]{0,200}\béénmalig\b[^“”]*$",
}
AL_GOED = {"Voorbeeldstad Bezoekadres", "Retouradres", "11 11", "292 292"}  # letterhead lines, phone digits


def fouten(t: str) -> list[str]:
    """Each language error found in ``t`` (sentence by sentence, so a bracket in one sentence never pairs with
    one in the next), with the sentence."""
    uit = []
    for zin in re.split(r"(?<=[.!?])\s+", t):
        for wat, patroon in FOUTEN.items():
            for m in re.finditer(patroon, zin, re.IGNORECASE if wat == "dubbel woord" else 0):
                if wat == "dubbel woord" and (m.group(1).isdigit() or any(a in zin for a in AL_GOED)):
                    continue
                uit.append(f"{wat}: {zin[:160]}")
    return uit


def test_de_patronen_vinden_de_fouten() -> None:
    for zin in (
        "…voorliggende voorzieningen zijn zijn.",
        "(beslistermijn (8 weken)).",
        "beëindigen als er zijn voor",
        "per 2026-01-01.",
        "code minder_uren_nodig.",
        "Ouder(s): A.",
        "Kind(eren): B.",
        "€ -253,17.",
        "wordt éénmalig verlengd.",
    ):
        assert fouten(zin), zin
    assert fouten("In artikel 5 staat: “kan éénmalig worden verlengd”. Ouders: A en B. € 253,17 minder.") == []


def _met(regeling, **velden):
    return regeling.model_copy(update=velden)


def _register() -> Register:
    return Register.laad([EXTRA])  # the built-in regulations and the example folder's


def _alle_regelingen():
    return list(_register().regelingen)


def _gronden():
    return [(r.id, gr.code) for r in _alle_regelingen() for gr in r.herzieningsgronden]


@pytest.mark.parametrize(("regeling_id", "code"), _gronden())
def test_elke_herzieningsgrond_in_de_wijzigingsbeschikking(regeling_id: str, code: str) -> None:
    """The Albrandswaard herziening, decided on each ground of each regulation in turn."""
    from tests.letters.test_wijzigingsbeschikking import ALBRANDSWAARD, herziening

    bron = _register().op_id(regeling_id)
    grond = next(g for g in bron.herzieningsgronden if g.code == code).model_copy(update={"code": "minder_uren_nodig"})
    b = beoordeling(ALBRANDSWAARD)
    b = dataclasses.replace(b, regeling=_met(b.regeling, herzieningsgronden=[grond]))
    t = tekst_van(letters.maak("wijzigingsbeschikking", herziening(), b))
    assert " ".join(grond.tekst.split()).rstrip(".") in t
    assert fouten(t) == []


@pytest.mark.parametrize("regeling_id", [r.id for r in _alle_regelingen()])
def test_verlenging_en_verplichtingen_in_het_plan_van_aanpak(regeling_id: str) -> None:
    """Each regulation's extension condition and obligations in the Eemnes plan van aanpak."""
    bron = _register().op_id(regeling_id)
    naam = "eemnes-toekenning.json"
    b = beoordeling(naam)
    regeling = _met(b.regeling, verlenging=bron.verlenging, verplichtingen=bron.verplichtingen)
    t = tekst_van(letters.maak("plan-van-aanpak", zaak(naam), dataclasses.replace(b, regeling=regeling)))
    if bron.verlenging.voorwaarde:
        assert " ".join(bron.verlenging.voorwaarde.split()).rstrip(".") in t
    assert fouten(t) == []


@pytest.mark.parametrize("naam", [v.name for v in voorbeelden()])
def test_elke_brief_van_elk_voorbeeld(naam: str) -> None:
    """Every condition and ground the examples' assessments print, in every letter the example has."""
    gevonden = {}
    for soort in letters.SOORTEN:
        try:
            gevonden[soort] = fouten(tekst_van(letters.maak(soort, zaak(naam), beoordeling(naam))))
        except letters.BriefFout:
            continue
    assert gevonden == {s: [] for s in gevonden}


def test_een_ouder_en_een_kind_in_het_enkelvoud() -> None:
    t = tekst_van(
        letters.maak("beschikking", zaak("heemstede-toekenning.json"), beoordeling("heemstede-toekenning.json"))
    )
    assert "Ouder: Fatima El Amrani." in t and "Kinderen: " in t  # one parent, two children
    t = tekst_van(letters.maak("beschikking", zaak("eemnes-toekenning.json"), beoordeling("eemnes-toekenning.json")))
    assert "Ouders: Sanne Jansen en Pieter Jansen." in t


def test_een_verschil_in_woorden() -> None:
    assert verschil(-25317) == "€ 253,17 minder"
    assert verschil(1200) == "€ 12,00 meer"
    assert verschil(0) == "gelijk"
