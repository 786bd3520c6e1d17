"""Herziening, intrekking and beëindiging: grounds from the regulation, amounts from the change date, recovery."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from smi_tui.nazorg import Wijziging
from smi_tui.wijziging import HerzieningsgrondFout, WijzigingFout, bereken_wijziging
from tests.core.test_termijnen_nazorg import regeling, zaak

# Albrandswaard example: dagopvang 1 February - 31 July 2026, asked 4 days x 10,5 h, granted 3 days (art. 6 lid 2):
# 3 x 10,5 x 52 / 12 = 136,5 h per month x € 11,23 x 96 % (KOT 2026) = € 1.471,5792 -> € 1.471,58 per month.


def wijziging(z, **velden: Any) -> Wijziging:
    return Wijziging.model_validate(
        {"soort": "herziening", "grond": "minder_uren_nodig", "ingangsdatum": date(2026, 5, 16), **velden}
    )


def twee_dagen(z):
    return z.melding.kinderen[0].opvang.model_copy(update={"dagen_per_week": 2})


def test_herziening_vanaf_half_mei_met_de_hand_art_10_lid_3() -> None:
    z = zaak("albrandswaard-toekenning")
    u = bereken_wijziging(z, regeling(z), wijziging(z, opvang={"0": twee_dagen(z)}))
    assert u.grond.artikel == "artikel 10 lid 3"
    # May 2026 has 31 days; 16..31 May = 16 days.
    # old: 136,5 h x 16/31 x 1123 ct x 0,96 = 75.952,47.. ct -> 75.952
    # new: 2 x 10,5 x 52/12 = 91 h; 91 x 16/31 x 1123 x 0,96 = 50.634,98.. ct -> 50.635
    # June and July: old 147.158; new 91 x 1123 x 0,96 = 98.105,28 -> 98.105
    assert [(r.jaar, r.maand, r.oud_cent, r.nieuw_cent, r.verschil_cent) for r in u.regels] == [
        (2026, 5, 75952, 50635, -25317),
        (2026, 6, 147158, 98105, -49053),
        (2026, 7, 147158, 98105, -49053),
    ]
    assert (u.oud_cent, u.nieuw_cent, u.verschil_cent) == (370268, 246845, -123423)
    assert u.nieuw_eind == u.oud_eind == date(2026, 7, 31)
    assert u.terugvordering_cent == 0 and any("al is betaald" in m for m in u.meldingen)


def test_terugvordering_te_veel_betaald() -> None:
    z = zaak("albrandswaard-toekenning")
    # everything from 16 May was already paid at the old amounts: 75.952 + 2 x 147.158 = 370.268
    u = bereken_wijziging(z, regeling(z), wijziging(z, opvang={"0": twee_dagen(z)}, betaald_cent=370268))
    assert u.terugvordering_cent == 370268 - 246845 == 123423
    # paid only up to 31 May: less than the new entitlement -> nothing to recover, the rest is still to pay
    u = bereken_wijziging(z, regeling(z), wijziging(z, opvang={"0": twee_dagen(z)}, betaald_cent=75952))
    assert (u.terugvordering_cent, u.nabetaling_cent) == (0, 246845 - 75952)
    u = bereken_wijziging(
        z, regeling(z), wijziging(z, opvang={"0": twee_dagen(z)}, betaald_cent=370268, terugvorderen=False)
    )
    assert u.terugvordering_cent == 0


def test_beeindiging_vanaf_een_datum_art_10_lid_1() -> None:
    z = zaak("albrandswaard-toekenning")
    u = bereken_wijziging(
        z, regeling(z), wijziging(z, soort="beeindiging", grond="niet_meer_voldaan", betaald_cent=75952 + 147158)
    )
    assert u.nieuw_eind == date(2026, 5, 15) and u.nieuw_cent == 0
    assert u.oud_cent == 370268
    assert u.terugvordering_cent == 75952 + 147158


def test_intrekking_vanaf_het_begin_vordert_alles_terug_art_10_lid_5() -> None:
    z = zaak("albrandswaard-toekenning")
    u = bereken_wijziging(
        z,
        regeling(z),
        wijziging(
            z, soort="intrekking", grond="onjuiste_gegevens", ingangsdatum=date(2026, 1, 1), betaald_cent=3 * 147158
        ),
    )
    assert u.ingangsdatum == date(2026, 2, 1) and any("vóór het begin" in m for m in u.meldingen)
    assert u.oud_cent == 6 * 147158 and u.nieuw_cent == 0
    assert u.terugvordering_cent == 3 * 147158
    assert u.nieuw_eind < date(2026, 2, 1)


def test_grond_moet_uit_de_regeling_komen() -> None:
    z = zaak("eemnes-toekenning")
    with pytest.raises(HerzieningsgrondFout, match=r"Kies uit: onjuiste_gegevens \(artikel 3.8 lid 1 onder a\)"):
        bereken_wijziging(z, regeling(z), wijziging(z, grond="minder_uren_nodig"))
    u = bereken_wijziging(z, regeling(z), wijziging(z, soort="beeindiging", grond="verhuisd"))
    assert u.grond.artikel == "artikel 3.8 lid 2 onder c"


@pytest.mark.parametrize("naam", ["heemstede-toekenning", "oude-ijsselstreek-toekenning"])
def test_regeling_zonder_herzieningsgronden_is_een_fout_voor_de_beheerder(naam) -> None:
    # neither the Heemstede raadsvoorstel nor the Oude IJsselstreek regeling names grounds for revision
    z = zaak(naam)
    with pytest.raises(HerzieningsgrondFout, match=r"noemt geen herzieningsgronden.*\[\[herzieningsgronden\]\]"):
        bereken_wijziging(z, regeling(z), wijziging(z, grond="onjuiste_gegevens"))


def test_ingangsdatum_na_het_einde() -> None:
    z = zaak("albrandswaard-toekenning")
    with pytest.raises(WijzigingFout, match="na het einde"):
        bereken_wijziging(z, regeling(z), wijziging(z, ingangsdatum=date(2026, 8, 1)))


def test_eerdere_herziening_telt_mee_in_de_oude_bedragen() -> None:
    z = zaak("albrandswaard-toekenning")
    eerste = wijziging(z, opvang={"0": twee_dagen(z)}, besluit_datum=date(2026, 5, 10))
    z = z.model_copy(update={"wijzigingen": [eerste]})
    u = bereken_wijziging(
        z, regeling(z), wijziging(z, soort="beeindiging", grond="niet_meer_voldaan", ingangsdatum=date(2026, 7, 1))
    )
    assert [(r.maand, r.oud_cent, r.nieuw_cent) for r in u.regels] == [(7, 98105, 0)]


def test_terugvordering_noemt_het_artikel_van_de_regeling() -> None:
    """Albrandswaard art. 10 (herzien, wijzigen, intrekken of terugvorderen): the recovery rests on that article."""
    z = zaak("albrandswaard-toekenning")
    u = bereken_wijziging(z, regeling(z), wijziging(z, opvang={"0": twee_dagen(z)}, betaald_cent=370268))
    assert (u.terugvordering_cent, u.terugvordering_artikel) == (123423, "artikel 10")


def test_geen_terugvordering_zonder_grondslag_in_de_regeling() -> None:
    """Voerendaal art. 10 lets the college revise or withdraw, but says nothing about recovering money: the app
    computes what was paid too much and recovers nothing, and says why."""
    z = zaak("voerendaal-toekenning")
    r = regeling(z)
    assert r.terugvordering is None
    eind = bereken_wijziging(
        z,
        r,
        Wijziging.model_validate(
            {"soort": "beeindiging", "grond": r.herzieningsgronden[0].code, "ingangsdatum": date(2026, 9, 1)}
        ),
    )
    w = Wijziging.model_validate(
        {
            "soort": "beeindiging",
            "grond": r.herzieningsgronden[0].code,
            "ingangsdatum": date(2026, 9, 1),
            "betaald_cent": eind.oud_cent,
        }
    )
    u = bereken_wijziging(z, r, w)
    assert u.oud_cent > 0 and u.nieuw_cent == 0
    assert u.terugvordering_cent == 0 and u.terugvordering_artikel == ""
    assert any("geen bepaling over terugvordering" in m for m in u.meldingen)


def test_gelijke_nieuwe_beeindiging_telt_de_opgeslagen_mee() -> None:
    # the same ending typed again is another change: the stored, decided one has ended the grant on 15 May 2026
    w = {
        "soort": "beeindiging",
        "grond": "niet_meer_voldaan",
        "ingangsdatum": "2026-05-16",
        "besluit_datum": "2026-05-04",
    }
    z = zaak("albrandswaard-toekenning", {"wijzigingen": [w]})
    kopie = Wijziging.model_validate(w)
    assert kopie == z.wijzigingen[0] and kopie is not z.wijzigingen[0]
    with pytest.raises(WijzigingFout, match="na het einde van de tegemoetkoming"):
        bereken_wijziging(z, regeling(z), kopie)
    assert bereken_wijziging(z, regeling(z), z.wijzigingen[0]).nieuw_eind == date(2026, 5, 15)  # for its letter
