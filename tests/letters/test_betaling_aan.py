"""Who is paid where the regulation leaves the choice (Eemnes artikel 3.7 lid 1, Heemstede): a decided, stated
choice — on the besluit, else the municipality's in config.toml — never a silent default. The beschikking states it
with the article that leaves the choice; a grant without a choice gets no beschikking and a Dutch message."""

from __future__ import annotations

from pathlib import Path

import pytest

import letters
from letters import BriefFout
from smi_tui.besluitregels import besluitfouten, betaalkeuze
from smi_tui.zaak import Beslissing, BetalingAan, Zaak
from tests.letters.conftest import beoordeling, tekst, tekst_van, zaak
from tests.letters.test_inhoud import bevat

EEMNES = "eemnes-toekenning.json"


def _met(naam: str, aan: BetalingAan | None, beslissing: Beslissing | None = None) -> Zaak:
    z = zaak(naam)
    update: dict = {"betaling_aan": aan}
    if beslissing is not None:
        update["beslissing"] = beslissing
    return z.model_copy(update={"besluit": z.besluit.model_copy(update=update)})


def test_keuze_op_het_besluit_staat_in_de_beschikking() -> None:
    t = tekst(EEMNES, "beschikking")
    bevat(
        t,
        "Wij betalen de tegemoetkoming elke maand rechtstreeks aan de opvangorganisatie",
        "De regeling laat ons kiezen of wij aan u of aan de opvangorganisatie betalen (artikel 3.7 lid 1 en 2 van de "
        "Verordening",
        "wij hebben gekozen voor betaling aan de opvangorganisatie.",
    )
    t = tekst_van(letters.maak("beschikking", _met(EEMNES, BetalingAan.OUDER), beoordeling(EEMNES)))
    bevat(t, "Wij betalen de tegemoetkoming elke maand aan u", "wij hebben gekozen voor betaling aan u.")
    assert "rechtstreeks aan de opvangorganisatie" not in t


@pytest.mark.parametrize("naam", [EEMNES, "heemstede-toekenning.json"])
def test_zonder_keuze_geen_beschikking_maar_een_melding(naam: str) -> None:
    z = _met(naam, None)
    r = beoordeling(naam).regeling
    assert betaalkeuze(z, r) is None
    fouten = besluitfouten(z, beoordeling(naam))
    assert "betaling_aan" in fouten and "Kies bij het besluit 'Betalen aan'" in fouten["betaling_aan"][0]
    assert r.betaling.artikel in fouten["betaling_aan"][0]
    with pytest.raises(BriefFout, match="laat het college kiezen aan wie het de tegemoetkoming betaalt"):
        letters.maak("beschikking", z, beoordeling(naam))


def test_regeling_die_zelf_beslist_heeft_geen_keuze_nodig() -> None:
    naam = "voerendaal-toekenning.json"  # artikel: 'rechtstreeks aan die organisatie'
    r = beoordeling(naam).regeling
    assert r.betaling.aan == "aanbieder"
    keuze = betaalkeuze(zaak(naam), r)
    assert keuze is not None and (keuze.aan, keuze.bron) == (BetalingAan.OPVANGORGANISATIE, "regeling")
    assert "betaling_aan" not in besluitfouten(zaak(naam), beoordeling(naam))


def test_afwijzing_noemt_geen_betaling() -> None:
    """A refusal pays nobody: a choice left on the besluit is no error, and the beschikking says nothing of it."""
    z = _met(EEMNES, BetalingAan.OUDER, Beslissing.AFWIJZEN)
    z = z.model_copy(update={"besluit": z.besluit.model_copy(update={"motivering": "Geen noodzaak meer."})})
    assert besluitfouten(z, beoordeling(EEMNES)) == {}
    t = tekst_van(letters.maak("beschikking", z, beoordeling(EEMNES)))
    assert "Hoe wij betalen" not in t and "gekozen voor betaling" not in t


def test_besluit_besluit_voor_de_gemeente(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The consulent's choice on the besluit goes before the municipality's standing choice."""
    cfg = tmp_path / "config.toml"
    cfg.write_text('[brieven."eemnes"]\nbetaling_aan = "ouder"\n', encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(cfg))
    r = beoordeling(EEMNES).regeling
    assert betaalkeuze(zaak(EEMNES), r).aan == BetalingAan.OPVANGORGANISATIE
    assert betaalkeuze(_met(EEMNES, None), r).bron == "gemeente"


def test_oud_besluit_zonder_veld_laadt() -> None:
    """A case stored before the field existed still loads (the field is optional)."""
    data = zaak(EEMNES).model_dump(mode="json")
    data["besluit"].pop("betaling_aan")
    assert Zaak.model_validate(data).besluit.betaling_aan is None
