"""The decision against the proposal (hardheidsclausule matrix), what it grants, and when it is final."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from smi_tui.beoordeling import Beoordeling, Voorstel, beoordeel_zaak
from smi_tui.besluitregels import besluitfouten, definitief, markeer, toekenning, wijziging_geweigerd
from smi_tui.register import Register
from smi_tui.zaak import Beslissing, Hardheidsclausule, Zaak
from tests.conftest import VOORBEELDEN

REDEN = "De moeder is net bevallen en kan de zorg voor twee kinderen tijdelijk niet dragen."


def _zaak(naam: str, **gesprek: Any) -> Zaak:
    data = json.loads((VOORBEELDEN / f"{naam}.json").read_text(encoding="utf-8"))
    data["gesprek"].update(gesprek)
    return Zaak.model_validate(data)


def _besluit(zaak: Zaak, beslissing: str, clausule: bool = False) -> Zaak:
    b = zaak.besluit.model_copy(
        update={
            "beslissing": Beslissing(beslissing),  # type: ignore[union-attr]
            "hardheidsclausule": Hardheidsclausule(toegepast=clausule, reden=REDEN if clausule else ""),
        }
    )
    return zaak.model_copy(update={"besluit": b})


def _beoordeling(zaak: Zaak, zonder_clausule: bool = False) -> Beoordeling:
    b = beoordeel_zaak(zaak, Register.laad(), peildatum=zaak.melding.datum)
    if zonder_clausule:  # a regulation without a hardheidsclausule (none of the five: made here)
        r = b.regeling
        b.regeling = r.model_copy(
            update={"hardheidsclausule": r.hardheidsclausule.model_copy(update={"toegestaan": False})}
        )
    return b


# Eemnes (alleen ten gunste, art. 4.1) proposes toekennen; with KOT entitlement (art. 2.1) it proposes afwijzen.
# Heemstede proposes gedeeltelijk (33 h/week cap); its clause has no restriction.
# Oude IJsselstreek proposes gedeeltelijk (24 h/week, artikel 6) and its clause is only for artikel 6;
# the afwijzing example fails artikel 3 and 5 (both parents work, income), which artikel 7 cannot set aside.
MATRIX = [
    # (example, KOT entitlement, beslissing, clausule, no clause in regulation, expected proposal, field refused)
    ("eemnes-toekenning", False, "toekennen", False, False, Voorstel.TOEKENNEN, None),
    ("eemnes-toekenning", False, "gedeeltelijk", False, False, Voorstel.TOEKENNEN, "beslissing"),
    ("eemnes-toekenning", False, "afwijzen", False, False, Voorstel.TOEKENNEN, "motivering"),  # no own reason
    ("eemnes-toekenning", False, "toekennen", True, False, Voorstel.TOEKENNEN, "hardheidsclausule.toegepast"),
    ("eemnes-toekenning", True, "afwijzen", False, False, Voorstel.AFWIJZEN, None),
    ("eemnes-toekenning", True, "toekennen", False, False, Voorstel.AFWIJZEN, "beslissing"),
    ("eemnes-toekenning", True, "toekennen", True, False, Voorstel.AFWIJZEN, None),
    ("eemnes-toekenning", True, "toekennen", True, True, Voorstel.AFWIJZEN, "beslissing"),
    ("eemnes-toekenning", True, "gedeeltelijk", True, False, Voorstel.AFWIJZEN, "beslissing"),  # nothing refused
    ("eemnes-toekenning", True, "afwijzen", True, False, Voorstel.AFWIJZEN, "hardheidsclausule.toegepast"),
    ("heemstede-toekenning", False, "gedeeltelijk", False, False, Voorstel.GEDEELTELIJK, None),
    ("heemstede-toekenning", False, "toekennen", False, False, Voorstel.GEDEELTELIJK, "beslissing"),
    ("heemstede-toekenning", False, "toekennen", True, False, Voorstel.GEDEELTELIJK, None),
    ("heemstede-toekenning", False, "toekennen", False, True, Voorstel.GEDEELTELIJK, "beslissing"),
    ("heemstede-toekenning", False, "afwijzen", False, False, Voorstel.GEDEELTELIJK, None),  # its own motivering
    ("oude-ijsselstreek-toekenning", False, "toekennen", True, False, Voorstel.GEDEELTELIJK, None),
    ("oude-ijsselstreek-afwijzing", False, "afwijzen", False, False, Voorstel.AFWIJZEN, None),
    ("oude-ijsselstreek-afwijzing", False, "gedeeltelijk", False, False, Voorstel.AFWIJZEN, "beslissing"),
    ("oude-ijsselstreek-afwijzing", False, "toekennen", True, False, Voorstel.AFWIJZEN, "hardheidsclausule.toegepast"),
    ("voerendaal-toekenning", False, "toekennen", True, False, Voorstel.GEDEELTELIJK, "beslissing"),  # art. 3 lid 10
]


@pytest.mark.parametrize(("naam", "kot", "beslissing", "clausule", "geen", "voorstel", "veld"), MATRIX)
def test_matrix(
    naam: str, kot: bool, beslissing: str, clausule: bool, geen: bool, voorstel: Voorstel, veld: str | None
) -> None:
    zaak = _besluit(_zaak(naam, **({"recht_op_kinderopvangtoeslag": True} if kot else {})), beslissing, clausule)
    if naam.startswith("eemnes") and not kot:  # its own reason is what a refusal without grounds needs
        zaak = zaak.model_copy(update={"besluit": zaak.besluit.model_copy(update={"motivering": ""})})  # type: ignore[union-attr]
    b = _beoordeling(zaak, zonder_clausule=geen)
    assert b.uitkomst == voorstel
    fouten = besluitfouten(zaak, b)
    if veld is None:
        assert fouten == {}
    else:
        assert list(fouten) == [veld], fouten


def test_toekennen_op_gedeeltelijk_voorstel_zegt_waarom_en_wat_te_doen() -> None:
    zaak = _besluit(_zaak("heemstede-toekenning"), "toekennen")
    tekst = besluitfouten(zaak, _beoordeling(zaak))["beslissing"][0]
    assert "gedeeltelijk" in tekst and "hardheidsclausule" in tekst and "geschreven reden" in tekst
    zaak_geen = _besluit(_zaak("heemstede-toekenning"), "toekennen")
    tekst = besluitfouten(zaak_geen, _beoordeling(zaak_geen, zonder_clausule=True))["beslissing"][0]
    assert "heeft die niet" in tekst and "Kies 'gedeeltelijk'" in tekst


def test_toekennen_met_clausule_heft_het_urenmaximum_op() -> None:
    """Oude IJsselstreek: Fenna asks 3 days × 10 h = 30 h/week, × 51 weeks / 12 = 127,50 h/month; artikel 6 caps
    at 24 h/week × 51 / 12 = 102,00 h. With artikel 7 the toekenning pays the hours asked, and nothing is refused."""
    zaak = _besluit(_zaak("oude-ijsselstreek-toekenning"), "toekennen", True)
    b = _beoordeling(zaak)
    fenna = next(k for k in b.berekening.kinderen if k.naam.startswith("Fenna"))  # type: ignore[union-attr]
    assert float(fenna.uren_vergoed_per_maand) == 102.0
    t = toekenning(zaak, b)
    fenna = next(k for k in t.berekening.kinderen if k.naam.startswith("Fenna"))  # type: ignore[union-attr]
    assert float(fenna.uren_vergoed_per_maand) == float(fenna.uren_gevraagd_per_maand) == 127.5
    assert t.geweigerd == [] and [r.artikel for r in t.opzij] == ["artikel 6"]
    assert t.berekening.totaal_cent > b.berekening.totaal_cent  # type: ignore[union-attr]


def test_toekennen_met_clausule_op_afwijzing_berekent_alsnog() -> None:
    """Eemnes with KOT entitlement: the proposal refuses (no amounts); toekennen with artikel 4.1 calculates the
    grant as for the same case without the entitlement."""
    zaak = _besluit(_zaak("eemnes-toekenning", recht_op_kinderopvangtoeslag=True), "toekennen", True)
    b = _beoordeling(zaak)
    assert b.berekening is None
    t = toekenning(zaak, b)
    gewoon = _zaak("eemnes-toekenning")
    assert t.berekening is not None and t.geweigerd == []
    assert t.berekening.totaal_cent == _beoordeling(gewoon).berekening.totaal_cent  # type: ignore[union-attr]
    assert [r.code for r in t.opzij] == [g.code for g in b.afwijzingsgronden]


def test_definitief_en_wijziging_na_afdrukken() -> None:
    zaak = _zaak("eemnes-toekenning").model_copy()
    zaak = zaak.model_copy(update={"besluit": zaak.besluit.model_copy(update={"verzonden_op": None})})  # type: ignore[union-attr]
    assert not definitief(zaak)
    anders = _besluit(zaak, "afwijzen")
    assert wijziging_geweigerd(zaak, anders) is None  # before it is final: allowed
    vast = markeer(zaak, afgedrukt_op=date(2026, 3, 3))
    assert definitief(vast) and vast.besluit.afgedrukt_op == date(2026, 3, 3)  # type: ignore[union-attr]
    melding = wijziging_geweigerd(vast, markeer(_besluit(vast, "afwijzen"), afgedrukt_op=date(2026, 3, 3)))
    assert melding is not None and "herziening" in melding and "F2" in melding and "wijzigingsbeschikking" in melding
    gesprek = vast.gesprek.model_copy(update={"problematiek": "iets anders"})  # type: ignore[union-attr]
    assert wijziging_geweigerd(vast, vast.model_copy(update={"gesprek": gesprek})) is not None
    verzonden = markeer(vast, verzonden_op=date(2026, 3, 4))
    assert wijziging_geweigerd(vast, verzonden) is None  # recording the sending once is allowed
    assert wijziging_geweigerd(verzonden, markeer(vast, verzonden_op=date(2026, 3, 5))) is not None  # another date
    weer_anders = verzonden.model_copy(
        update={
            "besluit": verzonden.besluit.model_copy(  # type: ignore[union-attr]
                update={"verzonden_op": date(2026, 3, 9)}
            )
        }
    )
    assert wijziging_geweigerd(verzonden, weer_anders) is not None
    # drafts and records after the decision are not what it rests on
    assert wijziging_geweigerd(vast, vast.model_copy(update={"concepten": {"besluit": {"x": 1}}})) is None


def test_verzenddatum_niet_voor_besluit() -> None:
    zaak = _zaak("eemnes-toekenning")
    with pytest.raises(ValueError, match="vóór de besluitdatum"):
        markeer(
            zaak.model_copy(update={"besluit": zaak.besluit.model_copy(update={"verzonden_op": None})}),  # type: ignore[union-attr]
            verzonden_op=date(2020, 1, 1),
        )
