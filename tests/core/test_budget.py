"""Budget ceiling, Albrandswaard art. 7 lid 4: committed, reserved and remaining amounts in the order of priority
from the regulation file (a: running cross-year grants, b: date of receipt), yearly figures from config.toml."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from smi_tui import config
from smi_tui.budget import GeenBudgetplafond, budget_voor, budgetoverzicht
from smi_tui.nazorg import Verlengingsaanvraag
from smi_tui.regeling import ToetsBudgetplafond
from smi_tui.register import INGEBOUWD
from tests.core.test_termijnen_nazorg import regeling, zaak

MAAND = 147158  # 3 x 10,5 h x 52/12 x € 11,23 x 96 % per month (see test_scenarios_albrandswaard)


def toegekend_2026():  # 1 February - 31 July 2026: 6 months in 2026
    return zaak("albrandswaard-toekenning", {"zaaknummer": "SMI-2026-0001"})


def jaaroverschrijdend():  # 1 October 2025 - 31 March 2026: crosses the year, 3 months in 2026
    return zaak(
        "albrandswaard-toekenning",
        {
            "zaaknummer": "SMI-2025-0007",
            "melding.datum": "2025-09-01",
            "gesprek.datum": "2025-09-02",
            "gesprek.advies.datum": "2025-09-05",
            "aanvraag.ontvangen_op": "2025-09-01",
            "aanvraag.compleet_op": "2025-09-08",
            "aanvraag.stukken": [],
            "melding.kinderen.0.opvang.begindatum": "2025-10-01",
            "melding.kinderen.0.opvang.lrk_gecontroleerd_op": "2025-09-05",
            "besluit": {"datum": "2025-09-20", "beslissing": "gedeeltelijk", "verzonden_op": "2025-09-22"},
        },
    )


def aanvraag(nummer: str, ontvangen: str, begin: str):  # pending: 6 months from ``begin``
    return zaak(
        "albrandswaard-toekenning",
        {
            "zaaknummer": nummer,
            "besluit": None,
            "budget": None,
            "aanvraag.ontvangen_op": ontvangen,
            "aanvraag.compleet_op": ontvangen,
            "aanvraag.stukken": [],
            "melding.kinderen.0.opvang.begindatum": begin,
        },
    )


def zaken():
    a, b = toegekend_2026(), jaaroverschrijdend()
    c = aanvraag("SMI-2026-0009", "2026-03-01", "2026-04-01")  # Apr-Sep
    d = aanvraag("SMI-2026-0005", "2026-02-15", "2026-03-01")  # Mar-Aug
    return [(z.zaaknummer, z) for z in (c, a, d, b)]


def test_overzicht_vastgelegd_gereserveerd_resterend() -> None:
    r = regeling(toegekend_2026())
    o = budgetoverzicht(r, 2026, zaken(), plafond_cent=3000000)
    assert o.vastgelegd_cent == 6 * MAAND + 3 * MAAND
    assert o.gereserveerd_cent == 12 * MAAND
    assert o.resterend_cent == 3000000 - 21 * MAAND
    # granted first (the cross-year one, art. 7 lid 4 a), then pending by date of receipt (art. 7 lid 4 b)
    assert [(x.zaaknummer, x.status) for x in o.rijen] == [
        ("SMI-2025-0007", "vastgelegd"),
        ("SMI-2026-0001", "vastgelegd"),
        ("SMI-2026-0005", "gereserveerd"),
        ("SMI-2026-0009", "gereserveerd"),
    ]
    d, c = o.rijen[2], o.rijen[3]
    assert (d.positie, d.resterend_voor_cent, d.past) == (1, 3000000 - 9 * MAAND, True)
    assert (c.positie, c.resterend_voor_cent, c.past) == (2, 3000000 - 15 * MAAND, False)
    assert o.volgorde == ["lopende_jaaroverschrijdende_toekenning", "datum_ontvangst"]
    assert "niet allemaal" in o.melding


def test_budget_voor_deze_aanvraag_na_alles_met_voorrang() -> None:
    alle = zaken()
    c = dict(alle)["SMI-2026-0009"]
    stand = budget_voor(c, regeling(c), alle, plafond_cent=3000000)
    assert (stand.jaar, stand.resterend_cent) == (2026, 3000000 - 15 * MAAND)
    assert "SMI-2026-0005" in stand.toelichting
    d = dict(alle)["SMI-2026-0005"]
    assert budget_voor(d, regeling(d), alle, plafond_cent=3000000).resterend_cent == 3000000 - 9 * MAAND


def test_volgorde_komt_uit_het_regelingbestand() -> None:
    b = jaaroverschrijdend()
    verlenging = {"aangevraagd_op": date(2026, 3, 10), "maanden": 3, "voorwaarde_vervuld": True}
    b = b.model_copy(update={"verlengingen": [Verlengingsaanvraag.model_validate(verlenging)]})
    d = aanvraag("SMI-2026-0005", "2026-02-15", "2026-03-01")
    alle = [("SMI-2025-0007", b), ("SMI-2026-0005", d)]
    r = regeling(d)
    wachtend = [x.zaaknummer for x in budgetoverzicht(r, 2026, alle, 3000000).rijen if x.status == "gereserveerd"]
    assert wachtend == ["SMI-2025-0007 (verlenging)", "SMI-2026-0005"]  # a: the running cross-year grant first
    t = r.toets(ToetsBudgetplafond)
    alleen_datum = r.model_copy(
        update={
            "toetsen": [x if x is not t else t.model_copy(update={"volgorde": ["datum_ontvangst"]}) for x in r.toetsen]
        }
    )
    wachtend = [
        x.zaaknummer for x in budgetoverzicht(alleen_datum, 2026, alle, 3000000).rijen if x.status == "gereserveerd"
    ]
    assert wachtend == ["SMI-2026-0005", "SMI-2025-0007 (verlenging)"]


@pytest.fixture
def cfg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pad = tmp_path / "config.toml"
    pad.write_text('[budgetplafonds."albrandswaard-2025"]\n2026 = 2500000\n', encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(pad))
    return pad


def test_config_budgetplafond_met_de_regeling_als_terugval(cfg) -> None:
    assert config.budgetplafond("albrandswaard-2025", 2026) == 2500000  # entered by the administrator
    assert config.budgetplafond("albrandswaard-2025", 2025) == 3000000  # the regulation's own figure
    assert config.budgetplafond("albrandswaard-2025", 2027) is None  # never invented


def test_geen_plafond_bekend_is_een_benoemde_uitkomst(cfg) -> None:
    r = regeling(toegekend_2026())
    o = budgetoverzicht(r, 2027, zaken())
    assert o.plafond_cent is None and o.resterend_cent is None
    assert o.melding.startswith("Geen budgetplafond bekend voor 2027; de functioneel beheerder vult het in")
    o = budgetoverzicht(r, 2026, zaken())
    assert o.plafond_cent == 2500000 and "config.toml" in o.plafond_bron
    c = aanvraag("SMI-2027-0001", "2027-01-04", "2027-02-01")
    with pytest.raises(GeenBudgetplafond, match="2027"):
        budget_voor(c, r, zaken())


def test_foute_waarde_in_config(cfg) -> None:
    cfg.write_text('[budgetplafonds."albrandswaard-2025"]\n2026 = "30.000"\n', encoding="utf-8")
    with pytest.raises(config.SmiFout, match="geen bedrag in eurocent"):
        config.budgetplafond("albrandswaard-2025", 2026)


def test_readme_voorbeeld_budgetplafond_is_geldig() -> None:
    tekst = (INGEBOUWD / "README.md").read_text(encoding="utf-8")
    blokken = [b for b in re.findall(r"```toml\n(.*?)```", tekst, re.S) if 'type = "budgetplafond"' in b]
    assert len(blokken) >= 2
    for blok in blokken:
        t = ToetsBudgetplafond.model_validate(tomllib.loads(blok)["toetsen"][0])
        assert t.volgorde
