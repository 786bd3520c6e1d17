"""The model of a regulation file (one TOML file per gemeente per version).

Every rule carries ``artikel``: the article (or, where only a council proposal is available, the section of it)
that the rule rests on. A rule without an article does not validate. Rules that differ in *kind* are named
check types (``type = "..."``) with parameters; a regulation switches them on by listing them under
``[[toetsen]]``. The format is documented for functional administrators in ``regelingen/README.md``.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, Field, model_validator

from smi_tui.opvang import Opvangsoort
from smi_tui.regeling_toetsen import (
    MEERVOUDIGE_TOETSEN,
    Artikel,
    Prioriteitsregel,
    Regel,
    Strikt,
    Stuk,
    Toets,
    ToetsAdvies,
    ToetsBsn,
    ToetsBudgetplafond,
    ToetsBuitenhuisproject,
    ToetsEigenKracht,
    ToetsGeenKinderopvangtoeslag,
    ToetsGrondslag,
    ToetsHerhaaldeAanvraag,
    ToetsInkomensgrens,
    ToetsLeeftijd,
    ToetsLrk,
    ToetsMedewerking,
    ToetsNetwerk,
    ToetsNietVoorAanvraag,
    ToetsOndertekendVerslag,
    ToetsOpvangInGemeente,
    ToetsPlanVanAanpak,
    ToetsSchool,
    ToetsStukken,
    ToetsVoorliggend,
    ToetsWerkendeOuders,
    ToetsWoonplaats,
    Voorziening,
    Zin,
)

__all__ = [
    "MEERVOUDIGE_TOETSEN",
    "Artikel",
    "Prioriteitsregel",
    "Regel",
    "Strikt",
    "Stuk",
    "Toets",
    "ToetsAdvies",
    "ToetsBsn",
    "ToetsBudgetplafond",
    "ToetsBuitenhuisproject",
    "ToetsEigenKracht",
    "ToetsGeenKinderopvangtoeslag",
    "ToetsGrondslag",
    "ToetsHerhaaldeAanvraag",
    "ToetsInkomensgrens",
    "ToetsLeeftijd",
    "ToetsLrk",
    "ToetsMedewerking",
    "ToetsNetwerk",
    "ToetsNietVoorAanvraag",
    "ToetsOndertekendVerslag",
    "ToetsOpvangInGemeente",
    "ToetsPlanVanAanpak",
    "ToetsSchool",
    "ToetsStukken",
    "ToetsVoorliggend",
    "ToetsWerkendeOuders",
    "ToetsWoonplaats",
    "Voorziening",
    "Zin",
]

# ------------------------------------------------------------------------------------------ berekening

_T = TypeVar("_T", bound=BaseModel)  # a kind of check: toets() and toetsen_van() return that kind


class Methode(StrEnum):
    KOT_TABEL = "kot_tabel"  # KOT percentage from the national table on the yearly income
    VOLLEDIG = "volledig"  # no income test: 100 % of the capped costs
    VAST_PERCENTAGE_BOVEN_NORM = "vast_percentage_boven_norm"  # parent pays a flat % above an income norm


class Berekening(Regel):
    methode: Methode
    inkomen: Literal["toetsingsinkomen_jaar", "gemiddeld_maandinkomen_vorig_jaar", "netto_maandinkomen"] = (
        "toetsingsinkomen_jaar"
    )
    # only for vast_percentage_boven_norm:
    eigen_bijdrage_percentage: int | None = Field(default=None, ge=0, le=100)
    norm: Literal["bijstandsnorm", "referentiemaandloon"] | None = None
    norm_percentage: int | None = Field(default=None, gt=0, le=1000)
    uurprijs_artikel: Artikel = Field(description="waarop de maximale uurprijs rust")

    @model_validator(mode="after")
    def _parameters(self) -> Berekening:
        vast = self.methode == Methode.VAST_PERCENTAGE_BOVEN_NORM
        heeft = None not in (self.eigen_bijdrage_percentage, self.norm, self.norm_percentage)
        if vast and not heeft:
            raise ValueError(
                "methode vast_percentage_boven_norm heeft eigen_bijdrage_percentage, norm en norm_percentage nodig"
            )
        if vast and self.inkomen == "toetsingsinkomen_jaar":
            raise ValueError(
                "vast_percentage_boven_norm vergelijkt een maandinkomen met een norm; kies een maandinkomen"
            )
        return self


class UrenMaximum(Regel):
    """A cap on hours: per day (with at most ``dagen_per_week`` days), per week or per month."""

    per: Literal["dag", "week", "maand"]
    uren: int = Field(gt=0, le=744)
    dagen_per_week: int | None = Field(default=None, ge=1, le=7)
    soorten: list[Opvangsoort] = Field(default_factory=lambda: list(Opvangsoort))

    @model_validator(mode="after")
    def _dagen(self) -> UrenMaximum:
        if self.per == "dag" and self.dagen_per_week is None:
            raise ValueError("een maximum per dag heeft 'dagen_per_week' nodig (het aantal dagen per week)")
        if self.per != "dag" and self.dagen_per_week is not None:
            raise ValueError("'dagen_per_week' hoort alleen bij een maximum per dag")
        return self


class Ingang(Regel):
    """The day the grant starts, at the earliest: the later of the care's start, the regulation's entry into force
    and ``vanaf``: ``aanvraag`` (the date of the application), ``melding`` (the date of the melding) or
    ``plan_van_aanpak`` (the date set in the plan van aanpak; not before the application)."""

    vanaf: Literal["aanvraag", "melding", "plan_van_aanpak"]


INGANG_ZONDER_REGEL = Ingang(
    vanaf="aanvraag",
    artikel="geen bepaling over vergoeding vóór de aanvraag; tegemoetkoming op aanvraag (artikel 4:1 Awb)",
)
"""The start rule of a regulation file without ``[ingang]``: no compensation before the application."""


class Periode(Regel):
    eerste_periode_maanden: int = Field(ge=1, le=60)
    herindicatie_maanden: int | None = Field(default=None, ge=1, le=60, description="vaste herindicatie, bijv. 12")


class Verlenging(Regel):
    toegestaan: bool
    aantal: int = Field(default=0, ge=0, le=10)
    max_maanden: int = Field(default=0, ge=0, le=60)
    max_totaal_maanden: int | None = Field(default=None, ge=1, le=120)
    voorwaarde: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Verlenging:
        if self.toegestaan and (self.aantal < 1 or self.max_maanden < 1):
            raise ValueError("een toegestane verlenging heeft 'aantal' en 'max_maanden' van minstens 1")
        if not self.toegestaan and (self.aantal or self.max_maanden):
            raise ValueError("geen verlenging toegestaan maar wel 'aantal' of 'max_maanden' ingevuld")
        return self


class Evaluatie(Regel):
    elke_maanden: int = Field(ge=1, le=24)
    door: str = "de casusregisseur"


class Beslistermijn(Regel):
    weken: int = Field(ge=1, le=26)
    vanaf: Literal["melding", "aanvraag", "complete_aanvraag"]
    verdaging_weken: int | None = Field(default=None, ge=1, le=26)


class Hardheid(Regel):
    toegestaan: bool = True
    alleen_ten_gunste: bool = False
    beperkt_tot: str = Field(default="", description="bijv. 'artikel 6' als de clausule alleen daarvoor geldt")


class Betaling(Regel):
    aan: Literal["aanbieder", "ouder", "ouder_of_aanbieder"]
    omschrijving: Zin


class PlanVanAanpak(Regel):
    """How the regulation treats the plan van aanpak: ``deel_van_besluit`` when the college establishes it in the
    decision itself (Eemnes artikel 3.3 lid 3); the beschikking then says so and that it is attached."""

    deel_van_besluit: bool = False


class Verplichting(Regel):
    tekst: Zin


class Herzieningsgrond(Regel):
    code: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    tekst: Zin


# ------------------------------------------------------------------------------------------ identity


class Huisstijl(Strikt):
    afzender: Zin
    postadres: list[str] = Field(min_length=1)
    bezoekadres: list[str] = Field(default_factory=list)
    telefoon: str = ""
    website: str = ""
    email: str = ""
    bron: Zin = Field(description="waar deze gegevens vandaan komen")


class Bezwaar(Strikt):
    indienen_bij: Zin
    adres: list[str] = Field(min_length=1)
    artikel: Artikel = "artikel 6:4, 6:7 en 6:8 Algemene wet bestuursrecht"
    digitaal: str = ""


class Ondertekening(Strikt):
    namens: Zin
    functie: Zin


class Regeling(Strikt):
    """One version of one gemeente's SMI regulation."""

    schema_versie: Literal[1] = 1
    id: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    gemeente_code: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    gemeente: Zin
    titel: Zin
    citeertitel: Zin
    soort: Literal["verordening", "beleidsregels", "regeling"]
    vastgesteld_door: Zin
    bevoegdheid: str = Field(
        default="",
        max_length=400,
        description="waarop beleidsregels of een collegeregeling rusten (het 'gelet op' van de bron), bijv. 'artikel "
        "4:81 Algemene wet bestuursrecht'; leeg als de bron het niet noemt. De beschikking noemt het bij de rechtsgrond",
    )
    vastgesteld_op: date | None = None
    geldig_vanaf: date
    geldig_vanaf_onzeker: Zin | None = Field(
        default=None,
        description="waarom geldig_vanaf niet vaststaat (bijv. de dag van bekendmaking staat niet in de bron) en wat "
        "de functioneel beheerder moet controleren; de app toont dit bij elke beoordeling",
    )
    geldig_tot: date | None = None
    bron: Zin
    aannames: list[Zin] = Field(default_factory=list, description="keuzes waar de brontekst zwijgt of botst")
    aanvraag_is_ondertekend_verslag: Artikel | None = Field(
        default=None, description="artikel waarin het ondertekende verslag de aanvraag is (Voerendaal)"
    )

    huisstijl: Huisstijl
    bezwaar: Bezwaar
    ondertekening: Ondertekening

    toetsen: list[Toets] = Field(min_length=1)
    berekening: Berekening
    uren_maxima: list[UrenMaximum] = Field(default_factory=list)
    ingang: Ingang = INGANG_ZONDER_REGEL
    periode: Periode
    verlenging: Verlenging
    evaluatie: Evaluatie | None = None
    beslistermijn: Beslistermijn
    hardheidsclausule: Hardheid
    betaling: Betaling
    plan_van_aanpak: PlanVanAanpak | None = None
    verplichtingen: list[Verplichting] = Field(min_length=1)
    herzieningsgronden: list[Herzieningsgrond] = Field(default_factory=list)
    terugvordering: Regel | None = Field(
        default=None, description="de bepaling waarop het terugvorderen van te veel betaalde tegemoetkoming rust"
    )

    @model_validator(mode="after")
    def _samenhang(self) -> Regeling:
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_vanaf:
            raise ValueError("geldig_tot ligt vóór geldig_vanaf")
        soorten = [t.type for t in self.toetsen]
        dubbel = {s for s in soorten if soorten.count(s) > 1 and s not in MEERVOUDIGE_TOETSEN}
        if dubbel:
            raise ValueError(f"toetstype(n) {', '.join(sorted(dubbel))} staan meer dan eens in de regeling")
        return self

    def toets(self, soort: type[_T]) -> _T | None:
        """The check of the given class, if this regulation switches it on (the first, for a repeatable type)."""
        return next((t for t in self.toetsen if isinstance(t, soort)), None)

    def toetsen_van(self, *soorten: type[_T]) -> list[_T]:
        """Every check of the given classes, in the order of the file (age and school checks may repeat)."""
        return [t for t in self.toetsen if isinstance(t, soorten)]
