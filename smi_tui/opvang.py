"""The childcare asked for one child: type, provider, LRK number, price, hours, weeks and dates."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from smi_tui.basis import Model, Tekst, Uren
from smi_tui.datums import nl_datum


class Opvangsoort(StrEnum):
    DAGOPVANG = "dagopvang"
    BSO = "buitenschoolse_opvang"
    GASTOUDER = "gastouderopvang"

    @property
    def label(self) -> str:
        return {"dagopvang": "dagopvang", "buitenschoolse_opvang": "buitenschoolse opvang"}.get(
            self.value, "gastouderopvang"
        )


_LRK = re.compile(r"^[0-9]{9}$")


class Opvang(Model):
    """Childcare for one child as in the offerte or contract (plaatsingsovereenkomst).

    Hours are given either as ``dagen_per_week`` x ``uren_per_dag`` or as ``uren_per_week`` (with
    ``dagen_per_week`` when the regulation caps days). Weekly hours become monthly hours by the contract's
    weeks per year: ``uren per week x weken per jaar / 12``.
    """

    soort: Opvangsoort
    aanbieder: Tekst
    lrk_nummer: Annotated[str, Field(description="registratienummer in het Landelijk Register Kinderopvang")]
    vestigingsplaats: str = ""
    lrk_gecontroleerd_op: date | None = Field(
        default=None, description="datum waarop de consulent de registratie in het LRK heeft gecontroleerd"
    )
    via_gastouderbureau: bool = Field(default=True, description="alleen van belang bij gastouderopvang")
    uurprijs_cent: int = Field(ge=1, le=50_00, description="prijs per uur in eurocent volgens offerte/contract")
    dagen_per_week: Decimal | None = Field(default=None, gt=0, le=7, max_digits=3, decimal_places=1)
    uren_per_dag: Uren | None = Field(default=None, gt=0, le=24)
    uren_per_week: Uren | None = Field(default=None, gt=0, le=168)
    weken_per_jaar: int = Field(ge=1, le=53, description="aantal weken per jaar volgens het contract")
    begindatum: date
    einddatum: date | None = None
    noodzaak_buiten_gemeente: str = Field(
        default="", description="motivering als de opvang buiten de gemeente is (bijv. Voerendaal art. 3 lid 8)"
    )

    @field_validator("lrk_nummer")
    @classmethod
    def _lrk(cls, v: str) -> str:
        schoon = v.replace(" ", "")
        if not _LRK.match(schoon):
            raise ValueError("een LRK-nummer bestaat uit 9 cijfers; zoek het op in het Landelijk Register Kinderopvang")
        return schoon

    @model_validator(mode="after")
    def _uren_en_data(self) -> Opvang:
        if self.uren_per_week is None and (self.dagen_per_week is None or self.uren_per_dag is None):
            raise ValueError("vul de uren per week in, of het aantal dagen per week en de uren per dag")
        u, d, w = self.uren_per_dag, self.dagen_per_week, self.uren_per_week
        if u is not None and d is not None and w is not None and u * d != w:
            raise ValueError(
                "dagen per week x uren per dag is niet gelijk aan de uren per week; vul er één van beide in"
            )
        if (
            self.dagen_per_week is not None
            and self.uren_per_dag is not None
            and self.uren_per_dag * self.dagen_per_week > 168
        ):
            raise ValueError("meer dan 168 uur per week kan niet")
        if self.einddatum is not None and self.einddatum < self.begindatum:
            raise ValueError(
                f"de einddatum van de opvang ligt vóór de begindatum (einde {nl_datum(self.einddatum)}, "
                f"begin {nl_datum(self.begindatum)})"
            )
        return self

    def gevraagde_uren_per_week(self) -> Fraction:
        """Hours per week asked for, exactly."""
        if self.uren_per_week is not None:
            return Fraction(self.uren_per_week)
        assert self.dagen_per_week is not None and self.uren_per_dag is not None
        return Fraction(self.dagen_per_week) * Fraction(self.uren_per_dag)
