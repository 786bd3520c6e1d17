"""`smi-tui budget GEMEENTE [--jaar]`: the core's budgetoverzicht over the cases in the store, zaaknummers only."""

from __future__ import annotations

import json

from opslag_hulp import ROOT, hashes, zaak


def test_budget_uit_de_opslag(opslag, map_, tmp_path, cli):
    z = json.loads((ROOT / "voorbeelden" / "albrandswaard-toekenning.json").read_text(encoding="utf-8"))
    a = opslag.nieuwe_zaak(z, "c")
    opslag.nieuwe_zaak(zaak(), "c")  # another gemeente: not in this budget
    opslag.sluit()
    (tmp_path / "config.toml").write_text('[budgetplafonds."albrandswaard-2025"]\n2026 = 3000000\n', encoding="utf-8")
    code, out, err = cli("budget", "albrandswaard", "--jaar", "2026")
    assert code == 0, err
    assert "Budget 2026" in out and "30.000" in out and a in out
    assert "vastgelegd" in out and "resterend" in out
    assert "Kees" not in out and "de Boer" not in out  # zaaknummers only
    from smi_tui.budget import budgetoverzicht
    from smi_tui.register import Register
    from smi_tui.zaak import Zaak

    regeling = Register.laad().voor("albrandswaard", __import__("datetime").date(2026, 12, 31))
    o = budgetoverzicht(regeling, 2026, [(a, Zaak.model_validate(z))])
    from smi_tui.geld import euro

    assert euro(o.vastgelegd_cent) in out and euro(o.resterend_cent) in out
    assert [r.zaaknummer for r in o.rijen] == [a]
    # the bar beneath the figures (issue 15): vastgelegd 6 x € 1.471,58 = € 8.829,48 of € 30.000,00
    # (artikel 7 lid 4); 50 cells: 882.948 x 50 / 3.000.000 = 14,7 -> 15 committed, 35 remaining
    assert "[" + "█" * 15 + "░" * 35 + "]" in out
    assert "█ vastgelegd € 8.829,48" in out and "░ resterend € 21.170,52" in out


def test_budget_slechte_invoer(opslag, map_, cli):
    opslag.sluit()
    voor = hashes(map_)
    code, _, err = cli("budget", "atlantis")
    assert code == 2 and "geen regeling" in err and "Traceback" not in err
    code, _, err = cli("budget", "eemnes", "--jaar", "2026")
    assert code == 2 and "budgetplafond" in err
    code, _, err = cli("budget", "albrandswaard", "--jaar", "twintig")
    assert code == 2
    code, _, err = cli("budget", "albrandswaard", "--jaar", "1800")
    assert code == 2 and "1800" in err
    assert hashes(map_) == voor
