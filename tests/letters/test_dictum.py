"""The beschikking's dictum ("Ons besluit") says exactly the chosen outcome (Awb 3:46): never a full grant together
with "Waarom u minder krijgt dan u vroeg"; a partial grant says what is granted and what is refused."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

import letters
from smi_tui.zaak import Beslissing, Hardheidsclausule, Zaak
from tests.letters.conftest import tekst, zaak

REDEN = "De ouder is herstellende van een operatie en kan het kind tot de zomer niet zelf opvangen."


def _tekst(z: Zaak) -> str:
    data = letters.maak("beschikking", z)
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def _dictum(t: str) -> str:
    """From "Ons besluit" to the next heading."""
    return t[t.index("Ons besluit") : t.index("Voor wie is dit besluit")]


def test_toekennen() -> None:
    t = tekst("eemnes-toekenning.json", "beschikking")
    d = _dictum(t)
    assert "Wij kennen uw aanvraag toe. U krijgt een tegemoetkoming" in d
    assert "gedeeltelijk" not in d and "Wij wijzen" not in d
    assert "Waarom u minder krijgt" not in t and "Voor een deel van de aanvraag" not in t


@pytest.mark.parametrize("naam", ["heemstede-toekenning.json", "albrandswaard-toekenning.json"])
def test_gedeeltelijk_zegt_wat_wel_en_wat_niet(naam: str) -> None:
    t = tekst(naam, "beschikking")
    d = _dictum(t)
    assert "Wij kennen uw aanvraag gedeeltelijk toe." in d and "Wij kennen uw aanvraag toe" not in d
    wel, niet = d.split("Wij wijzen af:")
    assert "Wij kennen toe:" in wel and "per uur, van" in wel
    assert "boven het maximum" in niet


def test_gedeeltelijk_heemstede_cijfers() -> None:
    """Heemstede: Yasmin asks 150,00 h/month; 33 h/week × 50 weeks / 12 = 137,50 h granted (raadsvoorstel Ad. 4),
    so 12,50 h/month refused."""
    d = _dictum(tekst("heemstede-toekenning.json", "beschikking"))
    assert "Yasmin El Amrani: een tegemoetkoming voor 137,50 uur dagopvang per maand" in d
    assert "Yasmin El Amrani: 12,50 van de gevraagde 150,00 uur dagopvang per maand, boven het maximum" in d
    assert "maximaal 33 uur per week" in d


def test_gedeeltelijk_met_periode_en_aanvraagdatum() -> None:
    """Voerendaal: care before the application (artikel 3 lid 10) and after the 12 months (artikel 7 lid 1) are
    refused in the dictum itself."""
    d = _dictum(tekst("voerendaal-toekenning.json", "beschikking"))
    niet = d.split("Wij wijzen af:")[1]
    assert "artikel 3 lid 10" in niet and "artikel 7 lid 1" in niet


def test_afwijzen() -> None:
    t = tekst("oude-ijsselstreek-afwijzing.json", "beschikking")
    d = _dictum(t)
    assert "Wij wijzen uw aanvraag af." in d and "kennen" not in d
    assert "Waarom u minder krijgt" not in t and "U voldoet niet aan deze voorwaarden:" in t
    assert "Wat u krijgt" not in t


def test_toekennen_met_hardheidsclausule() -> None:
    """Oude IJsselstreek, toekennen above the artikel 6 cap with artikel 7: a full grant (127,50 h for Fenna), the
    cap set aside is named in the motivation, nothing is said to be refused."""
    z = zaak("oude-ijsselstreek-toekenning.json")
    besluit = z.besluit.model_copy(
        update={"beslissing": Beslissing.TOEKENNEN, "hardheidsclausule": Hardheidsclausule(toegepast=True, reden=REDEN)}
    )
    t = _tekst(z.model_copy(update={"besluit": besluit}))
    d = _dictum(t)
    assert "Wij kennen uw aanvraag toe." in d and "gedeeltelijk" not in d and "Wij wijzen" not in d
    assert "Waarom u minder krijgt" not in t
    assert "Van deze regel wijken wij af: • artikel 6 van de" in t and "voor Fenna Hendriks 127,50 uur" in t
    assert "Daarom kennen wij uw aanvraag toch toe." in t
    assert REDEN in t and "artikel 7 van de" in t
    wat = t[t.index("Wat u krijgt") : t.index("Ingangsdatum")]
    assert "127,50" in wat and "(gevraagd" not in wat


def test_toekennen_op_gedeeltelijk_voorstel_zonder_clausule_geeft_geen_brief() -> None:
    """The bug of issue 11: 'toekennen' on a GEDEELTELIJK proposal gave a letter with both sentences."""
    z = zaak("heemstede-toekenning.json")
    besluit = z.besluit.model_copy(update={"beslissing": Beslissing.TOEKENNEN})
    with pytest.raises(letters.BriefFout, match="hardheidsclausule"):
        letters.maak("beschikking", z.model_copy(update={"besluit": besluit}))
