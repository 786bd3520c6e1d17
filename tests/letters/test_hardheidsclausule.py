"""A beschikking that applies the hardheidsclausule names the clause's own article and words, the reason, every rule
set aside (its article and what it says) and what setting it aside does in this case (Awb 3:46; 4:84 for
beleidsregels); the legal basis names both articles. Checked on the extracted text, and as PDF/A-2b."""

from __future__ import annotations

import pytest

import letters
from smi_tui.personen import Werksituatie
from smi_tui.zaak import Beslissing, Hardheidsclausule, Zaak
from tests.letters.conftest import tekst_van, zaak
from tests.letters.test_inhoud import bevat

REDEN = "De moeder is net bevallen en kan de zorg voor twee kinderen tijdelijk niet dragen."


def _met_clausule(z: Zaak, beslissing: Beslissing = Beslissing.TOEKENNEN) -> Zaak:
    besluit = z.besluit.model_copy(
        update={"beslissing": beslissing, "hardheidsclausule": Hardheidsclausule(toegepast=True, reden=REDEN)}
    )
    return z.model_copy(update={"besluit": besluit})


def _deel(t: str) -> str:
    return t[t.index("Hardheidsclausule Wij wijken") : t.index("Hoe wij betalen")]


def test_urenmaximum_opzij_oude_ijsselstreek() -> None:
    """Oude IJsselstreek: Fenna's 30 hours a week above artikel 6's 24, set aside with artikel 7."""
    t = tekst_van(letters.maak("beschikking", _met_clausule(zaak("oude-ijsselstreek-toekenning.json"))))
    hc = _deel(t)
    bevat(
        hc,
        "artikel 7 van de beleidsregels sociaal medische indicatie gemeente Oude IJsselstreek (de hardheidsclausule)",
        "Dat artikel bepaalt: Het college kan in bijzondere gevallen afwijken van hetgeen in artikel 6 is bepaald",
        f"De reden is: {REDEN}",
        "Van deze regel wijken wij af:",
        "artikel 6 van de beleidsregels sociaal medische indicatie gemeente Oude IJsselstreek: Het aantal uren "
        "wordt vastgesteld op max 24 uur per week",
        # 30 h x 51 weeks / 12 = 127,50 h a month asked; the cap 24 h x 51 / 12 = 102,00 h
        "Met de afwijking vergoeden wij voor Fenna Hendriks 127,50 uur per maand, in plaats van 102,00 uur.",
        # 25,50 h more x € 11,23 (maximum uurprijs dagopvang 2026) x 96 % = € 274,9104 -> € 274,91 a month,
        # April to September (6 full months): € 1.649,46
        "dat is € 1.649,46 meer",
        "Daarom kennen wij uw aanvraag toch toe.",
    )
    bevat(t, "de afwijking van de regels: artikel 7 (hardheidsclausule), waarmee wij afwijken van artikel 6")


def test_voorwaarden_opzij_bij_voorstel_tot_afwijzen() -> None:
    """Voorbeeldstad with both parents at work: the proposal refuses on artikel 3 lid 1 onder a and b; the college
    grants with artikel 10. Both conditions are named with their words, and the effect: no refusal."""
    z = zaak("voorbeeldstad-toekenning.json")
    ouders = [o.model_copy(update={"werksituatie": Werksituatie.WERKT}) for o in z.melding.ouders]
    z = _met_clausule(z.model_copy(update={"melding": z.melding.model_copy(update={"ouders": ouders})}))
    t = tekst_van(letters.maak("beschikking", z))
    hc = _deel(t)
    bevat(
        hc,
        "artikel 10 van de Verordening SMI Voorbeeldstad 2026 (fictief) (de hardheidsclausule)",
        "Van deze regels wijken wij af:",
        "artikel 3 lid 1 onder a van de",
        "artikel 3 lid 1 onder b van de",
        "Geen tegemoetkoming als alle ouders in het gezin werken.",
        "Wat wij bij u vaststelden: Uitgesloten: beide ouders werken",
        "Met de afwijking wijzen wij uw aanvraag hierom niet af.",
        "Zonder de hardheidsclausule zouden wij uw aanvraag afwijzen.",
    )
    bevat(t, "waarmee wij afwijken van artikel 3 lid 1 onder a; artikel 3 lid 1 onder b")
    assert "U voldoet niet aan" not in t and "Wij wijzen af" not in t


def test_zonder_clausule_geen_afwijking() -> None:
    t = tekst_van(letters.maak("beschikking", zaak("oude-ijsselstreek-toekenning.json")))
    assert "wijken wij af" not in t and "hardheidsclausule" not in t


def test_brieven_met_clausule_zijn_pdfa_2b() -> None:
    page = pytest.importorskip("page", reason="page-validation ontbreekt")
    rapport = page.validate_pdf_bytes(
        letters.maak("beschikking", _met_clausule(zaak("oude-ijsselstreek-toekenning.json"))), profile="2b"
    )
    assert rapport.is_compliant, [f.rule_id for f in rapport.failures]


def test_voorwaarde_voor_een_kind_opzij() -> None:
    """Voorbeeldstad: Lotte is not registered in the BRP of the municipality (artikel 2 lid 1): her care would be
    refused, and with it the whole application (she is the only child). With artikel 10 she gets her hours."""
    z = zaak("voorbeeldstad-toekenning.json")
    kind = z.melding.kinderen[0].model_copy(update={"ingeschreven_in_gemeente": False})
    z = _met_clausule(z.model_copy(update={"melding": z.melding.model_copy(update={"kinderen": [kind]})}))
    hc = _deel(tekst_van(letters.maak("beschikking", z)))
    bevat(
        hc,
        "artikel 2 lid 1 van de Verordening SMI Voorbeeldstad 2026 (fictief): De ouder en het kind wonen "
        "volgens de BRP in de gemeente Voorbeeldstad.",
        "Wat wij bij u vaststelden: Lotte Jansen staat niet in de BRP ingeschreven in Voorbeeldstad.",
        # 3 days x 10 h x 52 weeks / 12 = 130,00 h a month
        "Met de afwijking krijgt Lotte Jansen hierom toch een tegemoetkoming, voor 130,00 uur per maand.",
        "Zonder de hardheidsclausule zouden wij uw aanvraag afwijzen.",
    )
