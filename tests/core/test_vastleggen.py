"""Records after the decision are all or nothing (issue 11): one complete, valid record is added, or a Dutch
refusal naming the field; one extension where the regulation allows one; a record entered by mistake is withdrawn
— kept, marked, and without deadlines — never deleted."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from smi_tui.evaluaties import evaluatiemomenten
from smi_tui.nazorg import Ingetrokken, Opschorting, Verdaging, Verlengingsaanvraag, Wijziging
from smi_tui.termijnen import alle_termijnen, beslistermijn, sluitdatum
from smi_tui.toekenning import toekenning
from smi_tui.vastleggen import RecordFout, trek_in, voeg_toe
from smi_tui.zaak import Zaak
from tests.core.test_termijnen_nazorg import VERLENGD, regeling, zaak

FOUT = Ingetrokken(datum=date(2026, 6, 25), door="J. Visser", reden="per vergissing twee keer ingevoerd")


def verlenging(**velden: Any) -> Verlengingsaanvraag:
    basis = {"aangevraagd_op": date(2026, 6, 1), "maanden": 6, "voorwaarde_vervuld": True,
             "onderbouwing": "nog geen structurele verbetering", "besluit_datum": date(2026, 6, 20),
             "beslissing": "toekennen"}  # fmt: skip
    return Verlengingsaanvraag.model_validate({**basis, **velden})


def codes(z: Zaak) -> set[str]:
    return {t.code for t in alle_termijnen(z, regeling(z))}


def fout(z: Zaak, record: Any) -> RecordFout:
    with pytest.raises(RecordFout) as exc:
        voeg_toe(z, regeling(z), record)
    return exc.value


def test_verlenging_toegevoegd_en_het_origineel_ongewijzigd() -> None:
    z = zaak("albrandswaard-toekenning")
    kopie = z.model_dump()
    nieuw = voeg_toe(z, regeling(z), verlenging())
    assert z.model_dump() == kopie and z.verlengingen == []
    assert [v.maanden for v in nieuw.verlengingen] == [6]
    # art. 5 lid 6: 31 July 2026 + 6 months = 31 January 2027
    assert toekenning(nieuw, regeling(nieuw)).eind == date(2027, 1, 31)


def test_tweede_verlenging_geweigerd_met_artikel() -> None:
    # Albrandswaard art. 5 lid 6: "De termijn van 6 maanden kan éénmalig worden verlengd"
    z = zaak("albrandswaard-toekenning", VERLENGD)
    f = fout(z, verlenging(aangevraagd_op=date(2026, 12, 1), besluit_datum=date(2026, 12, 10)))
    assert f.veld == "verlenging.beslissing"
    assert "al 1 keer verlengd" in f.melding and "artikel 5 lid 6" in f.melding
    assert regeling(z).citeertitel in f.melding and "niet toe" in f.melding


def test_dezelfde_verlenging_nog_eens_geweigerd() -> None:
    # the same request entered again: refused as a duplicate, even as a refusal (which would make a second letter)
    z = zaak("albrandswaard-toekenning", VERLENGD)
    f = fout(z, verlenging(beslissing="afwijzen", motivering="dubbel"))
    assert "al een aanvraag om verlenging van 1 juni 2026" in f.melding and "trek die dan in" in f.melding


def test_verlenging_zonder_besluit_is_niet_compleet() -> None:
    # the cause of the half record: a request without a decision cannot get its verlengingsbeschikking
    z = zaak("albrandswaard-toekenning")
    assert fout(z, verlenging(beslissing=None)).veld == "verlenging.beslissing"
    assert fout(z, verlenging(besluit_datum=None)).veld == "verlenging.besluit_datum"
    assert fout(z, verlenging(besluit_datum=date(2026, 5, 31))).veld == "verlenging.besluit_datum"
    assert fout(z, verlenging(voorwaarde_vervuld=None)).veld == "verlenging.voorwaarde_vervuld"
    assert fout(z, verlenging(maanden=7)).veld == "verlenging.maanden"  # "met maximaal 6 maanden"


def test_afwijzing_zonder_grond_vraagt_motivering() -> None:
    z = zaak("albrandswaard-toekenning")
    assert fout(z, verlenging(beslissing="afwijzen")).veld == "verlenging.motivering"
    nieuw = voeg_toe(z, regeling(z), verlenging(beslissing="afwijzen", motivering="Het doel is bereikt."))
    assert toekenning(nieuw, regeling(nieuw)).eind == date(2026, 7, 31)  # nothing extended


def test_voerendaal_kent_geen_verlenging() -> None:
    z = zaak("voerendaal-toekenning")
    f = fout(z, verlenging(aangevraagd_op=date(2027, 3, 1), besluit_datum=date(2027, 3, 5), maanden=3))
    assert "artikel 7 lid 2" in f.melding and "nieuwe melding" in f.melding


def test_eerdere_aanvraag_zonder_besluit_moet_eerst_worden_ingetrokken() -> None:
    # a half record stored before this fix: the next request is refused until it is withdrawn
    z = zaak("albrandswaard-toekenning", {"verlengingen": [{"aangevraagd_op": "2026-06-01", "maanden": 6}]})
    nieuw = verlenging(aangevraagd_op=date(2026, 6, 2))
    assert "nog niet besloten" in fout(z, nieuw).melding
    z = trek_in(z, "verlenging", 1, FOUT)
    assert len(voeg_toe(z, regeling(z), nieuw).verlengingen) == 2


def test_intrekken_van_verlenging_houdt_haar_maar_zonder_gevolgen() -> None:
    z = zaak("albrandswaard-toekenning", VERLENGD)
    assert {"bezwaartermijn_verlenging_1", "beslistermijn_verlenging_1"} <= codes(z)
    assert "evaluatie_3" in codes(z)  # 1 November 2026: only within the extended grant
    ingetrokken = trek_in(z, "verlenging", 1, FOUT)
    (v,) = ingetrokken.verlengingen
    assert v.ingetrokken == FOUT and v.maanden == 6  # kept, marked
    assert FOUT.tekst() == "ingetrokken op 25 juni 2026 door J. Visser: per vergissing twee keer ingevoerd"
    r = regeling(z)
    assert toekenning(ingetrokken, r).eind == date(2026, 7, 31)  # back to the first period
    weg = codes(z) - codes(ingetrokken)
    assert {"bezwaartermijn_verlenging_1", "beslistermijn_verlenging_1", "evaluatie_3"} <= weg
    assert "verlenging_aanvragen" in codes(ingetrokken)  # the one extension is available again
    assert sluitdatum(ingetrokken, r) == date(2026, 7, 31)
    # and now the extension can be recorded (again) correctly
    assert len(voeg_toe(ingetrokken, r, verlenging(aangevraagd_op=date(2026, 6, 2))).verlengingen) == 2


def test_intrekken_tweemaal_of_onbekend_geweigerd() -> None:
    z = trek_in(zaak("albrandswaard-toekenning", VERLENGD), "verlenging", 1, FOUT)
    with pytest.raises(RecordFout, match="al ingetrokken op 25 juni 2026"):
        trek_in(z, "verlenging", 1, FOUT)
    with pytest.raises(RecordFout, match="geen verlenging met nummer 2"):
        trek_in(z, "verlenging", 2, FOUT)
    with pytest.raises(RecordFout, match="geen verdaging"):
        trek_in(z, "verdaging", 1, FOUT)


def test_ingetrokken_evaluatie_is_niet_gehouden() -> None:
    z = zaak(
        "albrandswaard-toekenning",
        {
            "evaluaties": [
                {"nummer": 1, "gehouden_op": "2026-04-28", "door": "casusregisseur", "uitkomst": "voortzetten"}
            ]
        },
    )
    r = regeling(z)
    assert evaluatiemomenten(z, r)[0].verslag is not None
    with pytest.raises(RecordFout) as exc:
        voeg_toe(z, r, z.evaluaties[0].model_copy(update={"gehouden_op": date(2026, 5, 1)}))
    assert exc.value.veld == "evaluatie.nummer"
    z = trek_in(z, "evaluatie", 1, FOUT.model_copy(update={"datum": date(2026, 5, 2)}))
    assert evaluatiemomenten(z, r)[0].verslag is None  # the deadline is open again
    assert len(voeg_toe(z, r, z.evaluaties[0].model_copy(update={"ingetrokken": None})).evaluaties) == 2


def test_ingetrokken_opschorting_schort_niet_op() -> None:
    # Eemnes art. 3.3 lid 4: 8 weeks after the application (24 February 2026) -> 21 April 2026; a request of
    # 2 March answered 12 March suspends 9 days (Awb 4:15 lid 1 a) -> 30 April 2026
    z = zaak("eemnes-toekenning", {"besluit": None})
    r = regeling(z)
    o = Opschorting(verzocht_op=date(2026, 3, 2), termijn_tot=date(2026, 3, 16), aangevuld_op=date(2026, 3, 12))
    assert fout(z, o).veld == "opschorting.stukken"  # nothing missing per the regulation: the letter must say what
    o = o.model_copy(update={"stukken": ["inkomensgegevens"]})
    met = voeg_toe(z, r, o)
    assert beslistermijn(met, r).einde == date(2026, 4, 30)
    assert "al een verzoek om aanvulling" in fout(met, o).melding
    zonder = trek_in(met, "opschorting", 1, FOUT.model_copy(update={"datum": date(2026, 3, 20)}))
    assert beslistermijn(zonder, r).einde == date(2026, 4, 21)
    assert zonder.opschortingen[0].ingetrokken is not None


def test_verdaging_eenmaal_en_na_intrekken_bewaard_naast_de_nieuwe() -> None:
    # Eemnes: beslistermijn ends 21 April 2026; verdaging "met ten hoogste 8 weken" (art. 3.3 lid 4, Awb 4:14)
    z = zaak("eemnes-toekenning", {"besluit": None})
    r = regeling(z)
    v = Verdaging(op=date(2026, 4, 10), weken=8, reden="advies GGD laat op zich wachten")
    met = voeg_toe(z, r, v)
    assert beslistermijn(met, r).verdaagd_tot == date(2026, 6, 16)  # 21 April + 8 weeks
    assert fout(met, v).veld == "verdaging.op"  # one verdaging per case
    assert fout(z, v.model_copy(update={"op": date(2026, 4, 22)})).veld == "verdaging.op"  # after the term: 4:14
    zonder = trek_in(met, "verdaging", 1, FOUT.model_copy(update={"datum": date(2026, 4, 11)}))
    assert beslistermijn(zonder, r).verdaagd_tot is None
    assert "verdaging" not in {t.code for t in alle_termijnen(zonder, r)}
    opnieuw = voeg_toe(zonder, r, v.model_copy(update={"weken": 6}))
    assert opnieuw.verdaging is not None and opnieuw.verdaging.weken == 6
    assert [x.weken for x in opnieuw.ingetrokken_verdagingen] == [8]  # the withdrawn one is kept


def test_herziening_zonder_besluitdatum_of_betaald_bedrag_niet_compleet() -> None:
    z = zaak("albrandswaard-toekenning")
    kind = next(i for i, k in enumerate(z.melding.kinderen) if k.opvang is not None)
    opvang = z.melding.kinderen[kind].opvang.model_dump() | {"uren_per_week": 10, "uren_per_dag": None}
    w = {"soort": "herziening", "grond": "minder_uren_nodig", "ingangsdatum": date(2026, 4, 15),
         "opvang": {str(kind): opvang}, "besluit_datum": date(2026, 5, 4), "motivering": "minder uren"}  # fmt: skip
    assert fout(z, Wijziging.model_validate(w | {"besluit_datum": None})).veld == "wijziging.besluit_datum"
    assert fout(z, Wijziging.model_validate(w)).veld == "wijziging.betaald_cent"  # fewer hours: recovery needs it
    assert fout(z, Wijziging.model_validate(w | {"grond": "verzonnen"})).veld == "wijziging.grond"
    ok = Wijziging.model_validate(w | {"betaald_cent": 200000})
    nieuw = voeg_toe(z, regeling(z), ok)
    assert "al een herziening met ingang van 15 april 2026" in fout(nieuw, ok).melding


def test_beeindiging_ingetrokken_herstelt_de_periode() -> None:
    z = zaak("albrandswaard-toekenning")
    r = regeling(z)
    w = Wijziging.model_validate(
        {
            "soort": "beeindiging",
            "grond": "niet_meer_voldaan",
            "ingangsdatum": date(2026, 6, 1),
            "betaald_cent": 0,
            "besluit_datum": date(2026, 5, 4),
        }
    )
    met = voeg_toe(z, r, w)
    assert toekenning(met, r).eind == date(2026, 5, 31)
    assert "bezwaartermijn_wijziging_1" in codes(met)
    zonder = trek_in(met, "wijziging", 1, FOUT)
    assert toekenning(zonder, r).eind == date(2026, 7, 31)
    assert "bezwaartermijn_wijziging_1" not in codes(zonder)


def test_zonder_adres_geen_brief_dus_niets_vastgelegd() -> None:
    z = zaak("albrandswaard-toekenning", {"melding.ouders.0.adres": None})
    f = fout(z, verlenging())
    assert "adres" in f.melding and "niets vastgelegd" in f.melding


def test_oud_dossier_zonder_intrekking_laadt() -> None:
    z = zaak("albrandswaard-toekenning", VERLENGD)
    data = z.model_dump(mode="json")
    for v in data["verlengingen"]:
        del v["ingetrokken"]
    del data["ingetrokken_verdagingen"]
    assert Zaak.model_validate(data).verlengingen[0].ingetrokken is None


def test_intrekken_vraagt_een_reden() -> None:
    from pydantic import ValidationError

    from smi_tui.validatie import nl_fouten

    with pytest.raises(ValidationError) as exc:
        Ingetrokken(datum=date(2026, 6, 25), door="J. Visser", reden=" oeps ")
    assert nl_fouten(exc.value) == ["reden: is te kort: schrijf in een paar woorden waarom de vastlegging niet klopte"]
