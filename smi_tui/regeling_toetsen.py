"""The parts of a regulation file that are checks (``[[toetsen]]``), and the base types every rule shares.

Split from :mod:`smi_tui.regeling` (which re-exports every name) to keep each module small; see that module for
the file format as a whole.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from smi_tui.zaak import Grondslag

Artikel = Annotated[str, Field(min_length=2, max_length=200)]
Zin = Annotated[str, Field(min_length=1, max_length=2000)]


class Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


NOOT = "een aantekening voor de consulent (bijv. waarom dit artikel is gekozen); komt nooit in een brief"


class Regel(Strikt):
    """A rule: ``artikel`` is the legal citation alone (it is printed in letters); a note about it belongs in
    ``noot``, which only the consulent sees."""

    artikel: Artikel
    tekst: str = Field(default="", description="de woorden van de regeling, voor de motivering in de brief")
    noot: str = Field(default="", description=NOOT)


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
    niet_nodig_bij: list[Grondslag] = Field(
        default_factory=list, description="grondslagen waarbij geen advies nodig is (Oude IJsselstreek art. 2 onder c)"
    )
    niet_nodig_artikel: str = Field(default="", description="het artikel dat het advies dan overbodig maakt")


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
    deels: bool = Field(
        default=False,
        description="de regeling weigert 'helemaal of voor een deel': een bedrag per "
        "maand dat de voorziening dekt, verlaagt de tegemoetkoming",
    )
    bedrag: Literal["werkgeversbijdrage"] | None = Field(
        default=None, description="waar het bedrag per maand staat als het antwoord er geen noemt"
    )
    noot: str = Field(default="", description=NOOT)

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
