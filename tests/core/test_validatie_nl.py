"""Every error type pydantic-core can raise gets a Dutch text: pydantic's English never reaches the consulent."""

from __future__ import annotations

import typing

import pytest
from pydantic_core.core_schema import ErrorType

from smi_tui.validatie import _tekst


@pytest.mark.parametrize("soort", typing.get_args(ErrorType))
def test_elke_pydantic_fout_heeft_nederlandse_tekst(soort: str) -> None:
    engels = "Input should be a valid value"
    tekst = _tekst({"type": soort, "msg": engels, "ctx": {"error": "Een Nederlandse melding.", "expected": "'a'"}})
    assert tekst and tekst != engels
    assert not any(w in tekst for w in ("Input", "should", "must", "valid "))


def test_de_engelse_meldingen_uit_de_audit() -> None:
    """The texts seen in the audit ('Input should be a finite number', …) for NaN, a lone surrogate, a huge number."""
    from smi_tui.cli import valideer_zaak
    from smi_tui.fouten import InvoerFout

    for waarde in (float("nan"), "\ud800", 10**40):
        with pytest.raises(InvoerFout) as fout:
            valideer_zaak({"regeling": waarde, "melding": {"datum": waarde}})
        assert "Input" not in fout.value.melding and "should" not in fout.value.melding, fout.value.melding
