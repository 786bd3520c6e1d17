"""Terms after the application: opschorting (Awb 4:15), verdaging (Awb 4:14), evaluations done, the grant's end
after extensions and changes, every dated deadline for the werkvoorraad, and the closing date for retention."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from smi_tui.register import Register
from smi_tui.termijnen import (
    VerdagingFout,
    alle_termijnen,
    bereken_termijnen,
    beslistermijn,
    controleer_verdaging,
    sluitdatum,
    volgende_termijn,
)
from smi_tui.zaak import Zaak
from tests.core.scenario import laad, zet

REG = Register.laad()


def zaak(naam: str, wijzigingen: dict[str, Any] | None = None) -> Zaak:
    data = copy.deepcopy(laad(naam))
    for pad, waarde in (wijzigingen or {}).items():
        zet(data, pad, waarde)
    return Zaak.model_validate(data)


def regeling(z: Zaak):
    return REG.voor(z.regeling, z.melding.datum)


def termijnen(z: Zaak) -> dict[str, Any]:
    return {t.code: t for t in bereken_termijnen(z, regeling(z))}


# Eemnes art. 3.3 lid 4: 8 weeks after receipt of the application (24 February 2026) -> 21 April 2026.
ONBESLIST = {"besluit": None}


def opschorting(verzocht: str, tot: str, aangevuld: str | None = None) -> dict[str, Any]:
    return {"verzocht_op": verzocht, "termijn_tot": tot, "aangevuld_op": aangevuld, "stukken": ["inkomensgegevens"]}


def test_zonder_opschorting_acht_weken_na_aanvraag() -> None:
    z = zaak("eemnes-toekenning", ONBESLIST)
    assert beslistermijn(z, regeling(z)).einde == date(2026, 4, 21)


def test_opschorting_van_dag_na_verzoek_tot_de_dag_van_aanvulling() -> None:
    # Awb 4:15 lid 1 a: asked 2 March, supplemented 12 March: suspended 3 up to (not incl.) 12 March = 9 days
    z = zaak(
        "eemnes-toekenning", {**ONBESLIST, "opschortingen": [opschorting("2026-03-02", "2026-03-16", "2026-03-12")]}
    )
    stand = beslistermijn(z, regeling(z))
    assert stand.opgeschort_dagen == 9
    assert stand.einde == date(2026, 4, 30)
    t = termijnen(z)["beslistermijn"]
    assert t.datum == date(2026, 4, 30)
    assert "4:15" in t.artikel and "9 dagen" in t.toelichting


def test_opschorting_termijn_ongebruikt_verstreken_en_atw() -> None:
    # not supplemented; term set up to and including 16 March: 3..16 March = 14 days -> 5 May 2026 (Bevrijdingsdag)
    # -> the Algemene termijnenwet moves it to Wednesday 6 May
    z = zaak("eemnes-toekenning", {**ONBESLIST, "opschortingen": [opschorting("2026-03-02", "2026-03-16")]})
    stand = beslistermijn(z, regeling(z))
    assert stand.opgeschort_dagen == 14
    assert stand.einde == date(2026, 5, 6)
    assert any("nog niet ontvangen" in m for m in stand.meldingen)


def test_aanvulling_na_de_gestelde_termijn_telt_als_ongebruikt_verstreken() -> None:
    z = zaak(
        "eemnes-toekenning", {**ONBESLIST, "opschortingen": [opschorting("2026-03-02", "2026-03-16", "2026-03-20")]}
    )
    assert beslistermijn(z, regeling(z)).opgeschort_dagen == 14


def test_meerdere_opschortingen_tellen_op_en_overlap_telt_eenmaal() -> None:
    twee = [
        opschorting("2026-03-02", "2026-03-16", "2026-03-12"),
        opschorting("2026-03-20", "2026-04-03", "2026-03-25"),
    ]
    z = zaak("eemnes-toekenning", {**ONBESLIST, "opschortingen": twee})
    assert beslistermijn(z, regeling(z)).opgeschort_dagen == 9 + 4  # 3..11 and 21..24 March
    assert beslistermijn(z, regeling(z)).einde == date(2026, 5, 4)
    overlap = [
        opschorting("2026-03-02", "2026-03-16", "2026-03-12"),
        opschorting("2026-03-10", "2026-03-20", "2026-03-15"),
    ]
    z = zaak("eemnes-toekenning", {**ONBESLIST, "opschortingen": overlap})
    assert beslistermijn(z, regeling(z)).opgeschort_dagen == 12  # 3..14 March once


def test_verzoek_na_einde_beslistermijn_schort_niet_op() -> None:
    z = zaak("eemnes-toekenning", {**ONBESLIST, "opschortingen": [opschorting("2026-04-22", "2026-05-06")]})
    stand = beslistermijn(z, regeling(z))
    assert stand.einde == date(2026, 4, 21)
    assert any("schort die niet op" in m for m in stand.meldingen)


def verdaging(op: str, weken: int = 8) -> dict[str, Any]:
    return {"op": op, "weken": weken, "reden": "advies medisch deskundige nog niet ontvangen"}


def test_verdaging_binnen_de_termijn_art_3_3_lid_4() -> None:
    # Eemnes art. 3.3 lid 4: at most 8 weeks; sent on the last day of the term is still in time (Awb 4:14)
    z = zaak("eemnes-toekenning", {**ONBESLIST, "verdaging": verdaging("2026-04-21")})
    stand = beslistermijn(z, regeling(z))
    assert stand.verdaging_geldig is True
    assert stand.uiterste == date(2026, 6, 16)
    t = termijnen(z)
    assert t["verdaging"].datum == date(2026, 6, 16) and "verdaging_uiterst" not in t
    controleer_verdaging(z, regeling(z))  # no error
    assert volgende_termijn(z, regeling(z), date(2026, 5, 1)) == (date(2026, 6, 16), t["verdaging"].omschrijving)


def test_verdaging_te_laat_verlengt_niets() -> None:
    z = zaak("eemnes-toekenning", {**ONBESLIST, "verdaging": verdaging("2026-04-22")})
    stand = beslistermijn(z, regeling(z))
    assert stand.verdaging_geldig is False and stand.uiterste == date(2026, 4, 21)
    assert termijnen(z)["verdaging"].datum is None
    with pytest.raises(VerdagingFout, match="na het einde van de beslistermijn"):
        controleer_verdaging(z, regeling(z))
    # overdue: the werkvoorraad shows the (passed) beslistermijn
    assert volgende_termijn(z, regeling(z), date(2026, 5, 1))[0] == date(2026, 4, 21)


def test_verdaging_langer_dan_de_regeling_toestaat() -> None:
    z = zaak("eemnes-toekenning", {**ONBESLIST, "verdaging": verdaging("2026-04-10", 10)})
    assert beslistermijn(z, regeling(z)).uiterste == date(2026, 6, 16)  # capped at 8 weeks (art. 3.3 lid 4)
    with pytest.raises(VerdagingFout, match="ten hoogste 8 weken"):
        controleer_verdaging(z, regeling(z))


def test_verdaging_na_oorspronkelijk_einde_maar_binnen_opgeschorte_termijn() -> None:
    z = zaak(
        "eemnes-toekenning",
        {
            **ONBESLIST,
            "verdaging": verdaging("2026-04-28"),
            "opschortingen": [opschorting("2026-03-02", "2026-03-16", "2026-03-12")],
        },
    )
    stand = beslistermijn(z, regeling(z))
    assert stand.einde == date(2026, 4, 30) and stand.verdaging_geldig
    assert stand.verdaagd_tot == date(2026, 6, 25)


def test_verdaging_zonder_maximum_in_de_regeling_is_een_redelijke_termijn() -> None:
    # Heemstede: the raadsvoorstel sets no term; 4:13/4:14 Awb: accepted, with the reasonable-term remark
    z = zaak("heemstede-toekenning", {**ONBESLIST, "verdaging": verdaging("2026-05-01", 12)})
    stand = beslistermijn(z, regeling(z))
    assert stand.verdaging_geldig and any("redelijk" in m for m in stand.meldingen)
    controleer_verdaging(z, regeling(z))


def test_na_het_besluit_is_de_beslistermijn_gedaan() -> None:
    z = zaak("eemnes-toekenning")
    t = termijnen(z)
    assert t["beslistermijn"].gedaan and t["beslistermijn"].naar_json()["gedaan"] is True
    assert all(x.code != "beslistermijn" for x in alle_termijnen(z, regeling(z)) if not x.gedaan)


# ---------------------------------------------------------------- Albrandswaard: evaluations, extension, end


def evaluatie(n: int, op: str) -> dict[str, Any]:
    return {"nummer": n, "gehouden_op": op, "door": "R. Kok (casusregisseur)", "uitkomst": "voortzetten"}


def test_evaluatie_gedaan_als_verslag_er_is_art_5_lid_5() -> None:
    z = zaak("albrandswaard-toekenning")
    assert termijnen(z)["evaluatie_1"].gedaan is False
    assert volgende_termijn(z, regeling(z), date(2026, 4, 20))[0] == date(2026, 5, 1)
    z = zaak("albrandswaard-toekenning", {"evaluaties": [evaluatie(1, "2026-04-28")]})
    assert termijnen(z)["evaluatie_1"].gedaan is True
    # the next open one is now the extension reminder (5 June), not the held evaluation
    assert volgende_termijn(z, regeling(z), date(2026, 4, 20))[0] == date(2026, 6, 5)


VERLENGD = {"verlengingen": [{"aangevraagd_op": "2026-06-01", "maanden": 6, "voorwaarde_vervuld": True,
                              "onderbouwing": "nog geen structurele verbetering", "besluit_datum": "2026-06-20",
                              "beslissing": "toekennen", "verzonden_op": "2026-06-22"}]}  # fmt: skip


def test_toegekende_verlenging_verschuift_einde_en_evaluaties() -> None:
    z = zaak("albrandswaard-toekenning", VERLENGD)
    t = termijnen(z)
    assert t["einde_tegemoetkoming"].datum == date(2027, 1, 31)  # art. 5 lid 6: once, 6 months
    # art. 5 lid 5: every 3 months while the grant runs, from its start (1 February 2026)
    assert [t[f"evaluatie_{n}"].datum for n in (1, 2, 3)] == [date(2026, 5, 1), date(2026, 8, 1), date(2026, 11, 1)]
    assert "evaluatie_4" not in t  # 1 February 2027 is after the end
    assert "verlenging_aanvragen" not in t  # the one extension is used
    assert t["bezwaartermijn_verlenging_1"].datum == date(2026, 8, 3)  # 22 June + 6 weeks
    assert t["beslistermijn_verlenging_1"].gedaan


def test_aanvraag_verlenging_in_behandeling() -> None:
    data = copy.deepcopy(VERLENGD)
    v = data["verlengingen"][0]
    v.update(besluit_datum=None, beslissing=None, verzonden_op=None)
    z = zaak("albrandswaard-toekenning", data)
    t = termijnen(z)
    assert t["einde_tegemoetkoming"].datum == date(2026, 7, 31)
    assert t["verlenging_aanvragen"].gedaan  # asked
    assert t["beslistermijn_verlenging_1"].datum == date(2026, 7, 27) and not t["beslistermijn_verlenging_1"].gedaan
    assert sluitdatum(z, regeling(z)) is None  # the end may still move


BEEINDIGD = {"wijzigingen": [{"soort": "beeindiging", "grond": "niet_meer_voldaan", "ingangsdatum": "2026-05-16",
                              "besluit_datum": "2026-05-10", "verzonden_op": "2026-05-11"}]}  # fmt: skip


def test_beeindiging_eindigt_de_dag_voor_de_ingangsdatum_art_10() -> None:
    z = zaak("albrandswaard-toekenning", BEEINDIGD)
    t = termijnen(z)
    assert t["einde_tegemoetkoming"].datum == date(2026, 5, 15)
    assert "verlenging_aanvragen" not in t and "evaluatie_1" in t
    # the dossier closes after the bezwaartermijn of the ending decision (11 May + 6 weeks = 22 June)
    assert sluitdatum(z, regeling(z)) == date(2026, 6, 22)


def test_intrekking_vanaf_het_begin_laat_geen_periode() -> None:
    data = copy.deepcopy(BEEINDIGD)
    data["wijzigingen"][0].update(soort="intrekking", grond="onjuiste_gegevens", ingangsdatum="2026-02-01")
    z = zaak("albrandswaard-toekenning", data)
    assert "einde_tegemoetkoming" not in termijnen(z)


def test_alle_termijnen_voor_de_index() -> None:
    z = zaak("albrandswaard-toekenning", VERLENGD)
    alle = alle_termijnen(z, regeling(z))
    assert all(t.datum is not None for t in alle)
    codes = [t.code for t in alle]
    assert {"beslistermijn", "bezwaartermijn", "evaluatie_3", "einde_tegemoetkoming"} <= set(codes)
    assert {"gedaan", "datum", "code"} <= alle[0].naar_json().keys()


def test_voor_het_besluit_alleen_de_beslistermijn() -> None:
    z = zaak("albrandswaard-toekenning", ONBESLIST)
    assert [t.code for t in alle_termijnen(z, regeling(z))] == ["beslistermijn"]
    assert sluitdatum(z, regeling(z)) is None


def test_sluitdatum_afwijzing_is_einde_bezwaartermijn() -> None:
    z = zaak("oude-ijsselstreek-afwijzing")
    assert sluitdatum(z, regeling(z)) == date(2026, 5, 6)  # sent 25 March + 6 weeks = 5 May (holiday) -> 6 May


def test_sluitdatum_toekenning_is_einde_tegemoetkoming() -> None:
    z = zaak("albrandswaard-toekenning")
    assert sluitdatum(z, regeling(z)) == date(2026, 7, 31)
    z = zaak("albrandswaard-toekenning", VERLENGD)
    assert sluitdatum(z, regeling(z)) == date(2027, 1, 31)
    z = zaak("albrandswaard-toekenning", {"gesloten_op": "2026-03-01"})
    assert sluitdatum(z, regeling(z)) == date(2026, 3, 1)
