"""The base model of every case part, and shared field types."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from smi_tui.afdrukbaar import check_afdrukbaar


class Model(BaseModel):
    """Base of every case model: no unknown fields (a typo in a case file is an error, not silently dropped)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)


Tekst = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(check_afdrukbaar)]
"""A required short text (a name, a place) that a letter can print (see :mod:`smi_tui.afdrukbaar`)."""

Uren = Annotated[Decimal, Field(ge=0, le=168, max_digits=6, decimal_places=2)]
"""Hours with at most two decimals."""
