"""A jurist's checklist per letter type, asserted on the extracted text of every example that has the letter: the
legal elements the Awb and the AVG ask of it (3:45-3:47, 4:13/4:15, 4:57/4:87, 6:5-6:9, AVG art. 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

import letters
from letters import BriefFout
from tests.letters.conftest import beoordeling, pdf, tekst, tekst_van, voorbeelden, zaak
from tests.letters.test_inhoud import bevat

BEZWAAR = ["belanghebbende, artikel 1:2 Awb", "zes weken", "artikel 6:7 en 6:8 Awb", "artikel 6:9 Awb",
           "op de post heeft gedaan", "een week na het einde van de termijn", "artikel 6:5 Awb", "handtekening",
           "waarom u het niet eens bent", "voorlopige voorziening"]  # fmt: skip
PRIVACY = ["Wat doen wij met uw gegevens?", "verantwoordelijk voor uw gegevens", "artikel 6 lid 1 onder e",
           "Algemene verordening gegevensbescherming", "Wij bewaren uw gegevens", "inzien", "wissen",
           "bezwaar maken tegen het gebruik", "artikel 15 tot en met 21 AVG", "functionaris gegevensbescherming",
           "Autoriteit Persoonsgegevens"]  # fmt: skip


def _met(soort: str) -> list[str]:
    uit = []
    for v in voorbeelden():
        try:
            pdf(v.name, soort)
        except BriefFout:
            continue
        uit.append(v.name)
    return uit


def _bezwaar(t: str, naam: str) -> None:
    bevat(t, *BEZWAAR)
    z = zaak(naam)
    assert ("dus ook uw partner" in t) == (z.partner is not None), "partner alleen als er een partner is"
    assert "bij ons binnen zijn" not in t  # stricter than 6:9


@pytest.mark.parametrize("naam", _met("beschikking"))
def test_beschikking(naam: str) -> None:
    t, r = tekst(naam, "beschikking"), beoordeling(naam).regeling
    bevat(
        t,
        "Ons besluit",
        "Waarom wij zo besluiten",
        "Op welke regels dit besluit rust",
        r.citeertitel,
        "de procedure: de Algemene wet bestuursrecht",
    )
    _bezwaar(t, naam)
    if r.soort != "verordening":  # beleidsregels are no power of their own: what they rest on, or that none is named
        bevat(t, f"zijn vastgesteld op grond van {r.bevoegdheid}" if r.bevoegdheid else "noemen zelf niet op welke")
    besluit = zaak(naam).besluit
    if besluit.beslissing != "afwijzen":
        bevat(t, "de tegemoetkoming, haar duur en haar hoogte:", r.periode.artikel, "Hoe wij betalen")
        assert "aan de ouder of de opvangorganisatie" not in t  # the recipient is decided
        if beoordeling(naam).berekening and beoordeling(naam).berekening.voorlopig:
            bevat(t, "Onder voorbehoud:", "met een nieuw besluit definitief vast")
            assert t.count("Onder voorbehoud (zie de brief)") <= len(zaak(naam).melding.kinderen)  # once per table
    else:
        bevat(t, "waarom wij afwijzen:")
    if any(a.startswith("raadsvoorstel") for a in (x.artikel for x in beoordeling(naam).toetsen)):
        assert "De artikelen hieronder zijn artikelen van die regeling" not in t  # Heemstede: honest


@pytest.mark.parametrize("naam", _met("ontvangstbevestiging"))
def test_ontvangstbevestiging(naam: str) -> None:
    t, r = tekst(naam, "ontvangstbevestiging"), beoordeling(naam).regeling
    bevat(t, "Wanneer beslissen wij?", *PRIVACY, r.ondertekening.namens)
    if r.soort == "beleidsregels":
        bevat(t, "artikel 4:13 Awb", "artikel 4:15 Awb")
        assert "loopt nog niet" not in t
    if "Voor het besluit hebben wij deze stukken van u nodig" in t:  # how and where to send them
        bevat(t, "per post sturen naar", *r.huisstijl.postadres, f"Zet er het kenmerk {zaak(naam).zaaknummer} op")


@pytest.mark.parametrize("naam", _met("verlengingsbeschikking"))
def test_verlengingsbeschikking(naam: str) -> None:
    t = tekst(naam, "verlengingsbeschikking")
    _bezwaar(t, naam)
    bevat(t, "Ons besluit", "Waarom wij zo besluiten", "Op welke regels dit besluit rust")
    if "(gevraagd" in t:  # fewer hours granted than asked (Albrandswaard: 136,50 of 182): motivated per child
        bevat(t, "Waarom u minder uren krijgt dan u vroeg:", "u vroeg", "want de regeling vergoedt niet meer")


def test_wijzigingsbeschikking() -> None:
    from tests.letters.test_wijzigingsbeschikking import herziening

    z = herziening()
    t = tekst_van(letters.maak("wijzigingsbeschikking", z))
    bevat(t, *BEZWAAR, "Wij vorderen dit bedrag terug van", "artikel 4:57 Awb", "(artikel 4:87 Awb)", "uiterlijk op")
    assert ("dus ook uw partner" in t) == (z.partner is not None)


def test_geen_plan_van_aanpak_bij_een_afwijzing() -> None:
    naam = "oude-ijsselstreek-afwijzing.json"
    with pytest.raises(BriefFout, match="Bij een afwijzing hoort geen plan van aanpak"):
        letters.maak("plan-van-aanpak", zaak(naam), beoordeling(naam))
    assert letters.bij_zaak(("beschikking", "plan-van-aanpak"), zaak(naam)) == ("beschikking",)
    toekenning = zaak("eemnes-toekenning.json")
    assert letters.bij_zaak(("beschikking", "plan-van-aanpak"), toekenning) == ("beschikking", "plan-van-aanpak")


def test_gemeentelijke_teksten_uit_de_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The FG contact, how to pay back and the payment recipient come from config.toml, per municipality first."""
    from tests.letters.test_wijzigingsbeschikking import herziening

    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[brieven]\nprivacy_fg = "e-mail fg@voorbeeld.nl"\n'
        'terugbetalen = "Maak het over op NL00 TEST 0123 4567 89 ten name van de gemeente"\n'
        '[brieven."eemnes"]\nbetaling_aan = "ouder"\nprivacy_fg = "e-mail fg@eemnes.nl"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("SMI_TUI_CONFIG", str(cfg))
    naam = "eemnes-toekenning.json"
    t = tekst_van(letters.maak("ontvangstbevestiging", zaak(naam), beoordeling(naam)))
    bevat(t, "functionaris gegevensbescherming, e-mail fg@eemnes.nl")  # the municipality's own goes first
    z = zaak(naam)  # without a choice on the besluit, the municipality's standing choice counts
    z = z.model_copy(update={"besluit": z.besluit.model_copy(update={"betaling_aan": None})})
    t = tekst_van(letters.maak("beschikking", z, beoordeling(naam)))
    bevat(
        t,
        "Wij betalen de tegemoetkoming elke maand aan u, nadat u ons de factuur",
        "wij hebben gekozen voor betaling aan u",
    )
    t = tekst_van(letters.maak("wijzigingsbeschikking", herziening()))
    bevat(t, "Maak het over op NL00 TEST 0123 4567 89 ten name van de gemeente.")
    t = tekst_van(
        letters.maak(
            "ontvangstbevestiging", zaak("heemstede-toekenning.json"), beoordeling("heemstede-toekenning.json")
        )
    )
    bevat(t, "functionaris gegevensbescherming, e-mail fg@voorbeeld.nl")
    cfg.write_text('[brieven."eemnes"]\nbetaling_aan = "de buurman"\n', encoding="utf-8")
    with pytest.raises(BriefFout, match='Kies "ouder" of "opvangorganisatie"'):
        letters.maak("beschikking", z, beoordeling(naam))
