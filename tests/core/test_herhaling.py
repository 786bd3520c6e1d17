"""Repeat applications (Eemnes art. 3.6 lid 2) from the store, and the one entry point with the store's context."""

from __future__ import annotations

from pathlib import Path

import pytest

from smi_tui.beoordeling import beoordeel_zaak
from smi_tui.herhaling import eerdere_besluiten
from tests.core.scenario import PEIL
from tests.core.test_budget import MAAND, aanvraag, jaaroverschrijdend, toegekend_2026
from tests.core.test_termijnen_nazorg import REG, zaak


def eerder(besluit_op: str, beslissing: str = "afwijzen", **meer):
    # an earlier case of 2023: its gesprek, verslag and aanvraag before its besluit (a besluit follows them)
    stukken = [{"code": c, "ontvangen_op": "2023-07-10"} for c in ("aanvraagformulier", "inkomensgegevens")]
    return zaak(
        "eemnes-toekenning",
        {
            "zaaknummer": "SMI-2023-0004",
            "melding.datum": "2023-07-01",
            "gesprek.datum": "2023-07-05",
            "verslag.ondertekend_op": "2023-07-10",
            "aanvraag.ontvangen_op": "2023-07-10",
            "aanvraag.compleet_op": "2023-07-10",
            "aanvraag.stukken": stukken,
            "besluit.datum": besluit_op,
            "besluit.beslissing": beslissing,
            "besluit.verzonden_op": None,
            **meer,
        },
    )


def nieuw(**meer):  # application received 24 February 2026
    return zaak("eemnes-toekenning", {"zaaknummer": "SMI-2026-0002", "besluit": None, **meer})


def test_eerdere_besluiten_op_bsn_van_een_ouder() -> None:
    z = nieuw()
    ander_gezin = eerder("2023-08-24", **{"melding.ouders": [{"naam": "A. Ander", "bsn": "111222333"}]})
    zonder_besluit = eerder("2023-08-24", besluit=None, zaaknummer="SMI-2023-0005")
    # the partner's BSN alone is enough: same household
    alleen_partner = eerder(
        "2023-09-01", zaaknummer="SMI-2023-0006", **{"melding.ouders": [z.melding.ouders[1].model_dump(mode="json")]}
    )
    zaken = [("SMI-2023-0004", eerder("2023-08-24", "toekennen")), ("SMI-2023-0009", ander_gezin),
             ("SMI-2023-0005", zonder_besluit), ("SMI-2023-0006", alleen_partner), ("SMI-2026-0002", z)]  # fmt: skip
    gevonden = eerdere_besluiten(z, zaken)
    assert [(e.zaaknummer, e.datum.isoformat(), e.beslissing.value) for e in gevonden] == [
        ("SMI-2023-0004", "2023-08-24", "toekennen"),
        ("SMI-2023-0006", "2023-09-01", "afwijzen"),
    ]
    assert gevonden[1].gedeelde_bsn == (z.melding.ouders[1].bsn,)


@pytest.mark.parametrize(
    ("besluit_op", "uitkomst"),
    [
        # 30 months after 24 August 2023 is 24 February 2026, the day the application came in: still within
        ("2023-08-24", "niet voldaan"),
        # one day earlier: 30 months ended on 23 February 2026, the application is outside the window
        ("2023-08-23", "voldaan"),
    ],
)
def test_dertig_maanden_randen_art_3_6_lid_2(besluit_op, uitkomst) -> None:
    z = nieuw(**{"voorliggend.nieuwe_feiten": False})
    b = beoordeel_zaak(z, REG, PEIL, andere_zaken=[("SMI-2023-0004", eerder(besluit_op))])
    r = [x for x in b.toetsen if x.code == "herhaalde_aanvraag"]
    assert [x.uitkomst.value for x in r] == [uitkomst] and r[0].artikel == "artikel 3.6 lid 2"
    assert b.vorig_besluit.zaaknummer == "SMI-2023-0004"
    assert (b.uitkomst == "afwijzen") == (uitkomst == "niet voldaan")
    assert z.voorliggend.vorig_smi_besluit_op is None  # the case itself is not changed


def test_binnen_dertig_maanden_met_nieuwe_feiten() -> None:
    z = nieuw(**{"voorliggend.nieuwe_feiten": True})
    b = beoordeel_zaak(z, REG, PEIL, andere_zaken=[("SMI-2023-0004", eerder("2024-06-01"))])
    assert [x.uitkomst.value for x in b.toetsen if x.code == "herhaalde_aanvraag"] == ["voldaan"]


def test_ingevulde_datum_gaat_voor_en_andere_gemeente_telt_niet() -> None:
    z = nieuw(**{"voorliggend.vorig_smi_besluit_op": "2020-01-01"})
    b = beoordeel_zaak(z, REG, PEIL, andere_zaken=[("SMI-2023-0004", eerder("2024-06-01"))])
    assert b.vorig_besluit is None
    assert [x.uitkomst.value for x in b.toetsen if x.code == "herhaalde_aanvraag"] == ["voldaan"]
    elders = eerder("2024-06-01", regeling="heemstede")
    b = beoordeel_zaak(nieuw(), REG, PEIL, andere_zaken=[("SMI-2023-0004", elders)])
    assert b.vorig_besluit is None


def test_budget_uit_de_opgeslagen_zaken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "geen.toml"))
    c = aanvraag("SMI-2026-0009", "2026-03-01", "2026-04-01")
    anderen = [("SMI-2026-0001", toegekend_2026()), ("SMI-2025-0007", jaaroverschrijdend())]
    b = beoordeel_zaak(c, REG, PEIL, andere_zaken=anderen, budgetplafond_cent=3000000)
    assert b.budget.resterend_cent == 3000000 - 9 * MAAND
    assert [x.uitkomst.value for x in b.toetsen if x.code == "budgetplafond"] == ["voldaan"]  # 6 x MAAND fits
    b = beoordeel_zaak(c, REG, PEIL, andere_zaken=anderen, budgetplafond_cent=9 * MAAND + 5 * MAAND)
    assert [x.uitkomst.value for x in b.toetsen if x.code == "budgetplafond"] == ["niet voldaan"]
    # no figure for 2026 in config.toml or the regulation: a named result, the case is incomplete
    b = beoordeel_zaak(c, REG, PEIL, andere_zaken=anderen)
    r = next(x for x in b.toetsen if x.code == "budgetplafond")
    assert r.uitkomst.value == "ontbreekt" and r.toelichting.startswith("Geen budgetplafond bekend voor 2026")
    assert b.uitkomst == "onvolledig" and b.naar_json()["budget"] is None


def test_ingevoerd_budget_gaat_voor() -> None:
    c = aanvraag("SMI-2026-0009", "2026-03-01", "2026-04-01").model_copy()
    c = c.model_copy(update={"budget": toegekend_2026().budget})  # entered by the consulent: 30.000
    b = beoordeel_zaak(c, REG, PEIL, andere_zaken=[("SMI-2026-0001", toegekend_2026())], budgetplafond_cent=1)
    assert b.budget.resterend_cent == 3000000
