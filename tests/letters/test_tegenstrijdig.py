"""No beschikking refuses on a ground and also lists that ground, or the fact it rests on, as a condition "voldaan".

Oude IJsselstreek's refusal said "beide ouders werken" on page 1 and "De ouders hebben geen recht op
kinderopvangtoeslag" under "Aan deze voorwaarden is voldaan" on page 2: parents who both work belong to a target
group of the Wet kinderopvang (the regulation's own introduction and article 3). The cause was the toetsing, which
took the recorded answer about kinderopvangtoeslag without the work situation the other checks use.
"""

from __future__ import annotations

import itertools

import pytest

import letters
from smi_tui.beoordeling import beoordeel_zaak
from smi_tui.besluitregels import toekenning
from smi_tui.personen import Werksituatie
from smi_tui.register import Register
from smi_tui.toetsing import Uitkomst
from smi_tui.zaak import Besluit
from tests.letters.conftest import beoordeling, tekst, tekst_van, voorbeelden, zaak
from tests.letters.test_inhoud import bevat

VOLDAAN = "Aan deze voorwaarden is voldaan:"
NIET = ("U voldoet niet aan deze voorwaarde", "Voor een deel van de aanvraag is niet voldaan aan deze voorwaarde")
KOT_VOLDAAN = "geen recht op kinderopvangtoeslag"


def _met_besluit() -> list[str]:
    return [v.name for v in voorbeelden() if zaak(v.name).besluit is not None]


def _delen(t: str) -> tuple[str, str]:
    """The letter's refused conditions and its conditions met, as text (each up to the next heading)."""
    eind = t.index("Op welke regels dit besluit rust")
    start = t.index(VOLDAAN) if VOLDAAN in t else eind
    niet_start = min((t.index(k) for k in NIET if k in t), default=start)
    return t[niet_start:start], t[start:eind]


@pytest.mark.parametrize("naam", _met_besluit())
def test_geen_grond_geweigerd_en_voldaan(naam: str) -> None:
    """Per result (code and child): what the decision refuses is never also listed as met, in the data and in the
    letter's text."""
    b = beoordeling(naam)
    t = toekenning(zaak(naam), b)
    geweigerd = {(x.code, x.kind) for x in t.geweigerd if x.uitkomst == Uitkomst.NIET_VOLDAAN}
    voldaan = {(x.code, x.kind) for x in b.toetsen if x.uitkomst == Uitkomst.VOLDAAN and not x.beperkt}
    assert not geweigerd & voldaan
    niet, wel = _delen(tekst(naam, "beschikking"))
    for x in t.geweigerd:
        if x.uitkomst == Uitkomst.NIET_VOLDAAN and x.toelichting:
            assert x.toelichting.split(";")[0] not in wel, f"geweigerd én voldaan: {x.toelichting}"
    if "ouders werken" in niet or "ouder werkt" in niet:
        assert KOT_VOLDAAN not in wel


@pytest.mark.parametrize("naam", _met_besluit())
def test_werkende_ouders_afgewezen_nooit_kot_voldaan(naam: str) -> None:
    """Every regulation: the example with every parent at work, refused. The letter gives the kinderopvangtoeslag
    as a ground (where the regulation checks it), and never lists "geen recht op kinderopvangtoeslag" as met."""
    z = zaak(naam)
    ouders = [o.model_copy(update={"werksituatie": Werksituatie.WERKT}) for o in z.melding.ouders]
    melding = z.melding.model_copy(update={"ouders": ouders})
    besluit = Besluit(datum=z.besluit.datum, beslissing="afwijzen", motivering="")
    variant = z.model_copy(update={"melding": melding, "besluit": besluit})
    b = beoordeel_zaak(variant, Register.laad(), peildatum=variant.melding.datum)
    kot = [x for x in b.toetsen if x.code == "geen_kinderopvangtoeslag"]
    assert all(x.uitkomst == Uitkomst.NIET_VOLDAAN for x in kot)
    niet, wel = _delen(tekst_van(letters.maak("beschikking", variant, b)))
    assert KOT_VOLDAAN not in wel
    assert "Wet kinderopvang" not in wel  # nor the scheme under that law as 'niet beschikbaar' (Eemnes, Voerendaal)
    if kot:
        bevat(niet, "doelgroep van de Wet kinderopvang", "recht op kinderopvangtoeslag")


WERK = list(Werksituatie)


@pytest.mark.parametrize("naam", [v.name for v in voorbeelden()])
def test_kot_volgt_de_werksituatie(naam: str) -> None:
    """Every combination of work situations and recorded answers: every parent at work or in a traject means the
    kinderopvangtoeslag check is not met; the "niet alle ouders werken" ground is never refused while that check
    is met, and the voorliggende voorziening under the Wet kinderopvang is never 'not available' while it is not.
    Otherwise the recorded answer counts (true: not met, false: met, none: missing)."""
    z = zaak(naam)
    for situaties in itertools.product(WERK, repeat=len(z.melding.ouders)):
        ouders = [o.model_copy(update={"werksituatie": s}) for o, s in zip(z.melding.ouders, situaties, strict=True)]
        for antwoord in (True, False, None):
            gesprek = z.gesprek.model_copy(update={"recht_op_kinderopvangtoeslag": antwoord}) if z.gesprek else None
            variant = z.model_copy(
                update={"melding": z.melding.model_copy(update={"ouders": ouders}), "gesprek": gesprek}
            )
            uit = {
                x.code: x.uitkomst for x in beoordeel_zaak(variant, Register.laad(), peildatum=z.melding.datum).toetsen
            }
            if "geen_kinderopvangtoeslag" not in uit:
                continue
            kot = uit["geen_kinderopvangtoeslag"]
            if all(s in (Werksituatie.WERKT, Werksituatie.WERKZOEKEND_TRAJECT) for s in situaties):
                assert kot == Uitkomst.NIET_VOLDAAN, (situaties, antwoord)
            elif gesprek is not None:
                verwacht = {True: Uitkomst.NIET_VOLDAAN, False: Uitkomst.VOLDAAN, None: Uitkomst.ONTBREEKT}
                assert kot == verwacht[antwoord], (situaties, antwoord)
            if uit.get("niet_alle_ouders_werken") == Uitkomst.NIET_VOLDAAN:
                assert kot != Uitkomst.VOLDAAN
            if kot == Uitkomst.NIET_VOLDAAN and "voorliggend_wet_kinderopvang" in uit:  # one fact, one answer
                assert uit["voorliggend_wet_kinderopvang"] == Uitkomst.NIET_VOLDAAN, (situaties, antwoord)
