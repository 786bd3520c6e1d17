"""The model of a regulation file (one TOML file per gemeente per version).

Every rule carries ``artikel``: the article (or, where only a council proposal is available, the section of it)
that the rule rests on. A rule without an article does not validate. Rules that differ in *kind* are named
check types (``type = "..."``) with parameters; a regulation switches them on by listing them under
``[[toetsen]]``. The format is documented for functional administrators in ``regelingen/README.md``.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from smi_tui.opvang import Opvangsoort
from smi_tui.zaak import Grondslag

Artikel = Annotated[str, Field(min_length=2, max_length=200)]
Zin = Annotated[str, Field(min_length=1, max_length=2000)]


class Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Regel(Strikt):
    artikel: Artikel
    tekst: str = Field(default="", description="de woorden van de regeling, voor de motivering in de brief")


# ----------------------------------------------------------------------------------------------- toetsen


class ToetsWoonplaats(Regel):
    type: Literal["woonplaats"]
    wie: Literal["ouder", "kind", "ouder_en_kind"] = "ouder"


class ToetsGeenKinderopvangtoeslag(Regel):
    type: Literal["geen_kinderopvangtoeslag"]


class ToetsLeeftijd(Regel):
    """``jonger_dan``: age < jaren (up to the day before that birthday); ``jonger_dan_of_basisschool``: age < jaren
    or still in primary school (up to the day before secondary school starts); ``tot_en_met_groep_8``: not yet in
    secondary school (the same as ``type = "school"``, ``soort = "geen_voortgezet_onderwijs"``).

    A regulation may hold several ``leeftijd`` and ``school`` checks: a child must meet each of them, per day."""

    type: Literal["leeftijd"]
    soort: Literal["jonger_dan", "jonger_dan_of_basisschool", "tot_en_met_groep_8"]
    jaren: int | None = Field(default=None, ge=1, le=18)

    @model_validator(mode="after")
    def _jaren(self) -> ToetsLeeftijd:
        if self.soort != "tot_en_met_groep_8" and self.jaren is None:
            raise ValueError(f"leeftijdstoets '{self.soort}' heeft 'jaren' nodig")
        if self.soort == "tot_en_met_groep_8" and self.jaren is not None:
            raise ValueError("leeftijdstoets 'tot_en_met_groep_8' kent geen 'jaren'; laat dat veld weg")
        return self


class ToetsSchool(Regel):
    """The child's school situation, per day: ``geen_voortgezet_onderwijs``: up to the day before the first school
    day in secondary school; ``tot_maand_voortgezet_onderwijs``: kinderopvang as the Wet kinderopvang defines it,
    "tot de eerste dag van de maand waarin het voortgezet onderwijs voor die kinderen begint" (up to the last day
    of the month before)."""

    type: Literal["school"]
    soort: Literal["geen_voortgezet_onderwijs", "tot_maand_voortgezet_onderwijs"]


MEERVOUDIGE_TOETSEN = frozenset({"leeftijd", "school"})
"""Check types that may appear more than once in a regulation (each condition with its own article)."""


class ToetsGrondslag(Regel):
    """The social-medical necessity: it is established, on a ground the regulation accepts."""

    type: Literal["sociaal_medische_noodzaak"]
    een_van: list[Grondslag] = Field(min_length=1)
    ook_vereist: list[Grondslag] = Field(default_factory=list, description="grondslagen die er altijd bij moeten")


class ToetsAdvies(Regel):
    type: Literal["advies"]
    verplicht: Literal["altijd", "bij_medische_problematiek", "tenzij_consulent_direct"]
    adviseurs: list[str] = Field(min_length=1)
    positief_vereist: bool = True


class ToetsNetwerk(Regel):
    type: Literal["netwerk"]


class ToetsEigenKracht(Regel):
    type: Literal["eigen_kracht"]


class Voorziening(Strikt):
    """One scheme that comes first. ``artikel``: the article that makes its availability a refusal ground;
    ``definitie``: where the regulation defines it, when that is another article (cited beside it)."""

    code: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    omschrijving: Zin
    artikel: Artikel
    definitie: Artikel | None = None

    def grond(self) -> str:
        """The article for a refusal on this scheme, with the definition where it helps."""
        return f"{self.artikel} (begrip: {self.definitie})" if self.definitie else self.artikel


class ToetsVoorliggend(Regel):
    type: Literal["voorliggende_voorzieningen"]
    voorzieningen: list[Voorziening] = Field(min_length=1)

    @model_validator(mode="after")
    def _uniek(self) -> ToetsVoorliggend:
        codes = [v.code for v in self.voorzieningen]
        if len(codes) != len(set(codes)):
            raise ValueError("dubbele code in de voorliggende voorzieningen")
        return self


class ToetsLrk(Regel):
    type: Literal["lrk_registratie"]
    gastouder_via_bureau: bool = False


class ToetsPlanVanAanpak(Regel):
    type: Literal["instemming_plan_van_aanpak"]


class ToetsMedewerking(Regel):
    type: Literal["medewerking"]


class ToetsOpvangInGemeente(Regel):
    type: Literal["opvang_in_gemeente"]
    plaatsen: list[str] = Field(min_length=1, description="woonplaatsen die tot de gemeente horen")


class ToetsNietVoorAanvraag(Regel):
    """No compensation for care bought before the application: the grant starts no earlier than the
    application date (``aanvraag.ontvangen_op``, or the signing date of the verslag when that is the application)."""

    type: Literal["geen_opvang_voor_aanvraag"]


class ToetsOndertekendVerslag(Regel):
    type: Literal["ondertekend_verslag"]


class ToetsWerkendeOuders(Regel):
    """Excluded when every parent in the household works (they fall under the Wet kinderopvang)."""

    type: Literal["niet_alle_ouders_werken"]


class ToetsInkomensgrens(Regel):
    """Hard exclusion above ``percentage`` % of a national norm (see tabellen/)."""

    type: Literal["inkomensgrens"]
    norm: Literal["bijstandsnorm", "referentiemaandloon"]
    percentage: int = Field(gt=0, le=1000)
    inkomen: Literal["netto_maandinkomen", "gemiddeld_maandinkomen_vorig_jaar"] = "netto_maandinkomen"
    keuze: str = Field(default="", description="waarom deze norm: een gedocumenteerde keuze")


class ToetsHerhaaldeAanvraag(Regel):
    type: Literal["herhaalde_aanvraag"]
    maanden: int = Field(ge=1, le=120)


class ToetsBuitenhuisproject(Regel):
    type: Literal["buitenhuisproject"]
    maanden: int = Field(ge=1, le=120)


Prioriteitsregel = Literal["lopende_jaaroverschrijdende_toekenning", "datum_ontvangst"]
"""How the budget is shared when it is not enough, one criterion after another:
``lopende_jaaroverschrijdende_toekenning`` — first care for a child with a granted period that crosses a calendar
year and has not ended; ``datum_ontvangst`` — then the earlier received application before the later one."""


class ToetsBudgetplafond(Regel):
    type: Literal["budgetplafond"]
    plafond_cent: dict[str, int] = Field(default_factory=dict, description="jaar -> plafond in eurocent")
    prioriteit: list[Zin] = Field(default_factory=list, description="de volgorde in de woorden van de regeling")
    volgorde: list[Prioriteitsregel] = Field(
        min_length=1, description="de volgorde als criteria die de app toepast, in de volgorde van de regeling"
    )

    @model_validator(mode="after")
    def _volgorde(self) -> ToetsBudgetplafond:
        if len(set(self.volgorde)) != len(self.volgorde):
            raise ValueError("een criterium staat twee keer in 'volgorde'")
        for jaar, bedrag in self.plafond_cent.items():
            if not (jaar.isdigit() and len(jaar) == 4) or bedrag < 0:
                raise ValueError(f"plafond_cent: '{jaar} = {bedrag}' moet een jaartal met een bedrag in eurocent zijn")
        return self


class ToetsBsn(Regel):
    """The application must name the BSN of these persons."""

    type: Literal["bsn_verplicht"]
    van: list[Literal["aanvrager", "partner", "kinderen"]] = Field(min_length=1)


class Stuk(Strikt):
    code: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    omschrijving: Zin
    artikel: Artikel
    nodig_voor: Literal["besluit", "uitbetaling"] = "besluit"


class ToetsStukken(Regel):
    type: Literal["vereiste_stukken"]
    stukken: list[Stuk] = Field(min_length=1)


Toets = Annotated[
    ToetsWoonplaats
    | ToetsGeenKinderopvangtoeslag
    | ToetsLeeftijd
    | ToetsSchool
    | ToetsGrondslag
    | ToetsAdvies
    | ToetsNetwerk
    | ToetsEigenKracht
    | ToetsVoorliggend
    | ToetsLrk
    | ToetsPlanVanAanpak
    | ToetsMedewerking
    | ToetsOpvangInGemeente
    | ToetsNietVoorAanvraag
    | ToetsOndertekendVerslag
    | ToetsWerkendeOuders
    | ToetsInkomensgrens
    | ToetsHerhaaldeAanvraag
    | ToetsBuitenhuisproject
    | ToetsBudgetplafond
    | ToetsStukken
    | ToetsBsn,
    Field(discriminator="type"),
]

# ------------------------------------------------------------------------------------------ berekening


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

    def toets(self, soort: type[BaseModel]) -> BaseModel | None:
        """The check of the given class, if this regulation switches it on (the first, for a repeatable type)."""
        return next((t for t in self.toetsen if isinstance(t, soort)), None)

    def toetsen_van(self, *soorten: type[BaseModel]) -> list[Toets]:
        """Every check of the given classes, in the order of the file (age and school checks may repeat)."""
        return [t for t in self.toetsen if isinstance(t, soorten)]
