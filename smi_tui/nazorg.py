"""What happens to a case around and after the decision: opschorting and verdaging of the beslistermijn,
evaluations, extensions, and revision / withdrawal / ending of a grant.

These are the *records* a consulent enters; the rules that apply them to a regulation live in the core modules
that use them (``termijnen``, ``evaluaties``, ``verlenging``, ``wijziging``). Every list field of :class:`Zaak`
that holds them defaults to empty, so dossiers stored before these existed still load unchanged.

A record entered by mistake is never deleted: it is withdrawn (``ingetrokken``: when, by whom, why). It stays in
the case, the audit trail and the dossier screen, and its letters stay among the documents, but it counts no
more: :func:`geldend` leaves it out wherever the grant and the deadlines are worked out. ``ingetrokken`` is an
optional field, so dossiers stored before it existed load unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Protocol, TypeVar

from pydantic import Field, field_validator, model_validator

from smi_tui.basis import Model, Tekst
from smi_tui.datums import nl_datum
from smi_tui.opvang import Opvang


class Ingetrokken(Model):
    """A record withdrawn because it was entered by mistake (not to be confused with the *intrekking* of a grant,
    :class:`WijzigingSoort`): the record stays, marked, and no longer counts."""

    datum: date = Field(description="datum waarop de vastlegging is ingetrokken")
    door: Tekst = Field(description="wie de vastlegging introk")
    reden: str = Field(max_length=2000, description="waarom de vastlegging niet klopte")

    @field_validator("reden")
    @classmethod
    def _reden(cls, reden: str) -> str:
        if len(reden.strip()) < 5:
            raise ValueError("is te kort: schrijf in een paar woorden waarom de vastlegging niet klopte")
        return reden

    def tekst(self) -> str:
        """'ingetrokken op 1 december 2026 door J. Visser: reden' — how the dossier shows it."""
        return f"ingetrokken op {nl_datum(self.datum)} door {self.door}: {self.reden}"


class Opschorting(Model):
    """A request to supplement the application (artikel 4:5 Awb). The beslistermijn is suspended from the day after
    the request was sent until the day the application is supplemented or the term set for it has passed unused
    (artikel 4:15 lid 1 onder a Awb)."""

    verzocht_op: date = Field(description="datum waarop het verzoek om aanvulling is verzonden")
    termijn_tot: date = Field(description="uiterste datum die de aanvrager kreeg om aan te vullen")
    aangevuld_op: date | None = Field(default=None, description="datum waarop de aanvulling binnenkwam")
    stukken: list[str] = Field(default_factory=list, description="wat ontbreekt (codes of omschrijvingen)")
    toelichting: str = Field(default="", max_length=2000)
    ingetrokken: Ingetrokken | None = None

    @model_validator(mode="after")
    def _volgorde(self) -> Opschorting:
        if self.termijn_tot <= self.verzocht_op:
            raise ValueError("de termijn om aan te vullen moet na de datum van het verzoek liggen")
        if self.aangevuld_op is not None and self.aangevuld_op < self.verzocht_op:
            raise ValueError("de aanvulling kan niet vóór het verzoek zijn ontvangen")
        return self


class Verdaging(Model):
    """The beslistermijn extended by a letter sent before it ended (artikel 4:14 Awb)."""

    op: date = Field(description="datum waarop de verdaging schriftelijk is meegedeeld")
    weken: int = Field(ge=1, le=26)
    reden: Tekst
    ingetrokken: Ingetrokken | None = None


class EvaluatieUitkomst(StrEnum):
    VOORTZETTEN = "voortzetten"
    BIJSTELLEN = "bijstellen"
    VERLENGING_NODIG = "verlenging_nodig"
    BEEINDIGEN = "beeindigen"


class Evaluatieverslag(Model):
    """One evaluation held (number ``n`` matches the deadline ``evaluatie_n`` of :mod:`smi_tui.termijnen`)."""

    nummer: int = Field(ge=1, le=60)
    gehouden_op: date
    door: Tekst
    uitkomst: EvaluatieUitkomst
    notities: str = Field(default="", max_length=4000)
    ingetrokken: Ingetrokken | None = None


class Vervolgbeslissing(StrEnum):
    TOEKENNEN = "toekennen"
    AFWIJZEN = "afwijzen"


class Verlengingsaanvraag(Model):
    """An extension asked for, and the decision on it (a new beschikking)."""

    aangevraagd_op: date
    maanden: int = Field(ge=1, le=60, description="gevraagde verlenging in maanden")
    onderbouwing: str = Field(
        default="", max_length=4000, description="waarom de voorwaarde van de regeling vervuld is"
    )
    voorwaarde_vervuld: bool | None = Field(default=None, description="vervult de zaak de voorwaarde van de regeling?")
    opvang: dict[str, Opvang] = Field(
        default_factory=dict,
        description="nieuwe opvang per kind (index als tekst); leeg: de opvang loopt ongewijzigd door",
    )
    besluit_datum: date | None = None
    beslissing: Vervolgbeslissing | None = None
    motivering: str = Field(default="", max_length=8000)
    verzonden_op: date | None = None
    ingetrokken: Ingetrokken | None = None


class WijzigingSoort(StrEnum):
    HERZIENING = "herziening"  # the grant is changed from a date (e.g. fewer hours)
    INTREKKING = "intrekking"  # the grant is withdrawn from a date (possibly from the start)
    BEEINDIGING = "beeindiging"  # the grant ends early from a date (e.g. the indication ended)


class Wijziging(Model):
    """A revision, withdrawal or early end of a grant on one of the regulation's grounds."""

    soort: WijzigingSoort
    grond: Tekst = Field(description="code uit de herzieningsgronden van de regeling")
    ingangsdatum: date = Field(description="datum vanaf wanneer de tegemoetkoming verandert")
    gemeld_op: date | None = None
    toelichting: str = Field(default="", max_length=4000)
    opvang: dict[str, Opvang] = Field(
        default_factory=dict,
        description="herziening: de nieuwe opvang per kind (index als tekst) vanaf de ingangsdatum",
    )
    betaald_cent: int | None = Field(
        default=None,
        ge=0,
        description="wat voor de periode vanaf de ingangsdatum al is uitbetaald (voor terugvordering)",
    )
    terugvorderen: bool = Field(default=True, description="het te veel betaalde terugvorderen")
    besluit_datum: date | None = None
    motivering: str = Field(default="", max_length=8000)
    verzonden_op: date | None = None
    ingetrokken: Ingetrokken | None = None


class _Vastlegging(Protocol):
    @property
    def ingetrokken(self) -> Ingetrokken | None: ...


R = TypeVar("R", bound=_Vastlegging)


def geldend(records: Iterable[R]) -> list[R]:
    """The records that count: those not withdrawn, in the order entered."""
    return [r for r in records if r.ingetrokken is None]


def geldende_verdaging(verdaging: Verdaging | None) -> Verdaging | None:
    """The case's verdaging when it counts (present and not withdrawn), else None."""
    return verdaging if verdaging is not None and verdaging.ingetrokken is None else None
