"""Parents, children and addresses, with the BSN 11-test and Dutch validation messages."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from smi_tui.basis import Model, Tekst
from smi_tui.opvang import Opvang


def _check_bsn(waarde: str) -> str:
    from stdnum.nl import bsn

    schoon = re.sub(r"[\s.\-]", "", waarde)
    if not schoon.isdigit() or len(schoon) not in (8, 9):
        raise ValueError("een BSN bestaat uit 9 cijfers; controleer het nummer op de identiteitspapieren")
    if not bsn.is_valid(schoon):
        raise ValueError(f"BSN {waarde} klopt niet (11-proef); controleer het nummer op de identiteitspapieren")
    return schoon.zfill(9)


BSN = Annotated[str, AfterValidator(_check_bsn)]
"""A citizen service number that passes the 11-test (python-stdnum), normalised to 9 digits."""

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")


def _check_postcode(waarde: str) -> str:
    m = _POSTCODE.match(waarde)
    if not m:
        raise ValueError("postcode moet 4 cijfers en 2 letters zijn, bijvoorbeeld 2101 HA")
    return f"{m.group(1)} {m.group(2).upper()}"


Postcode = Annotated[str, AfterValidator(_check_postcode)]


class Adres(Model):
    straat: Tekst
    huisnummer: Annotated[str, Field(min_length=1, max_length=12)]
    postcode: Postcode
    woonplaats: Tekst

    def regels(self) -> list[str]:
        return [f"{self.straat} {self.huisnummer}", f"{self.postcode} {self.woonplaats}"]


class Werksituatie(StrEnum):
    WERKT = "werkt"
    WERKZOEKEND_TRAJECT = "traject"  # re-integration, study or inburgering: a KOT target group
    WERKT_NIET = "werkt_niet"
    ARBEIDSONGESCHIKT = "arbeidsongeschikt"


class Ouder(Model):
    """A parent (ouder/verzorger) or the partner."""

    naam: Tekst
    bsn: BSN | None = None
    geboortedatum: date | None = None
    adres: Adres | None = None
    ingeschreven_in_gemeente: bool | None = Field(
        default=None, description="volgens de BRP woonachtig in de gemeente van de regeling"
    )
    werksituatie: Werksituatie | None = None
    werk_toelichting: str = ""
    telefoon: str = ""
    email: str = ""


class Kind(Model):
    """A child for whom childcare is asked; ``opvang`` is filled in during the gesprek."""

    naam: Tekst
    geboortedatum: date
    bsn: BSN | None = None
    ingeschreven_in_gemeente: bool | None = None
    woont_bij_aanvrager: bool = True
    basisschool_groep: int | None = Field(
        default=None, ge=1, le=8, description="groep 1-8; leeg als nog niet op school"
    )
    voortgezet_onderwijs: bool = False
    voortgezet_onderwijs_vanaf: date | None = Field(
        default=None, description="eerste schooldag in het voortgezet onderwijs, als die bekend is (ook in de toekomst)"
    )
    opvang: Opvang | None = None

    @model_validator(mode="after")
    def _school(self) -> Kind:
        if self.voortgezet_onderwijs and self.basisschool_groep is not None:
            raise ValueError("een kind zit op de basisschool óf in het voortgezet onderwijs, niet allebei")
        if self.voortgezet_onderwijs_vanaf is not None and self.voortgezet_onderwijs_vanaf <= self.geboortedatum:
            raise ValueError("de eerste schooldag in het voortgezet onderwijs ligt vóór de geboortedatum")
        return self

    def voortgezet_onderwijs_start(self) -> date | None:
        """The first day in secondary school: the date entered; ``date.min`` for a child in secondary school
        without a date (it was there before anything the case covers); None while not known (or not at all)."""
        if self.voortgezet_onderwijs_vanaf is not None:
            return self.voortgezet_onderwijs_vanaf
        return date.min if self.voortgezet_onderwijs else None


class Huishouden(StrEnum):
    ALLEENSTAAND = "alleenstaand"  # single parent
    SAMENWONEND = "samenwonend"  # married or living together


class Inkomen(Model):
    """The income figures a regulation can use; which one is used is set per regulation."""

    toetsingsinkomen_jaar_cent: int | None = Field(
        default=None, ge=0, le=100_000_000_00, description="gezamenlijk toetsingsinkomen per jaar (KOT-tabel)"
    )
    gemiddeld_maandinkomen_vorig_jaar_cent: int | None = Field(
        default=None, ge=0, le=10_000_000_00, description="gezinsinkomen: gemiddeld per maand, vorig kalenderjaar"
    )
    netto_maandinkomen_cent: int | None = Field(
        default=None, ge=0, le=10_000_000_00, description="netto gezinsinkomen per maand (toets aan een norm)"
    )
    huishouden: Huishouden | None = None
    werkgeversbijdrage_per_maand_cent: int = Field(default=0, ge=0, le=1_000_000_00)
    toelichting: str = ""
