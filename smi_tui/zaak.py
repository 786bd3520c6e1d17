"""A case (Zaak) and its parts: Melding, Gesprek, Verslag, Voorliggend, Besluit.

Each part is filled by one wizard step; a part that is ``None`` has not been started. Validation that needs
only the case lives here (BSN, dates in order, ranges); validation against a regulation lives in ``toetsing``.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from smi_tui.basis import Model, Tekst
from smi_tui.nazorg import Evaluatieverslag, Opschorting, Verdaging, Verlengingsaanvraag, Wijziging
from smi_tui.personen import Inkomen, Kind, Ouder
from smi_tui.profiel import Behandelaar

SCHEMA_VERSIE = 1


class Stap(StrEnum):
    MELDING = "melding"
    GESPREK = "gesprek"
    VERSLAG = "verslag"
    VOORLIGGEND = "voorliggend"
    BESLUIT = "besluit"
    AFGEROND = "afgerond"


class Melder(StrEnum):
    OUDER = "ouder"
    GGD = "ggd"
    WIJKTEAM = "wijkteam"
    HUISARTS = "huisarts"
    CJG = "cjg"
    WMO_CONSULENT = "wmo_consulent"
    ZORGVERLENER = "zorgverlener"
    ANDERS = "anders"


class Grondslag(StrEnum):
    """The social-medical grounds that can make childcare necessary (the regulations' wording varies)."""

    BEPERKING_OUDER = "beperking_ouder"  # lichamelijke, zintuiglijke, verstandelijke of psychische beperking
    WERKENDE_OUDER_ZIEKE_PARTNER = "werkende_ouder_zieke_partner"
    ONTWIKKELING_KIND = "ontwikkeling_kind"  # goede en gezonde ontwikkeling / dreigende achterstand
    VEILIGHEID_KIND = "veiligheid_kind"
    CRISIS = "crisis"
    STUKKEN_HUISARTS = "stukken_huisarts"  # noodzaak blijkt uit stukken van huisarts of instelling


class Melding(Model):
    datum: date = Field(description="datum waarop de melding binnenkwam; de klok begint te lopen")
    gemeld_door: Melder
    melder_naam: str = Field(default="", description="naam en organisatie als iemand namens de ouder meldt")
    ouders: list[Ouder] = Field(min_length=1, max_length=2, description="de aanvrager en eventueel de partner")
    kinderen: list[Kind] = Field(min_length=1, max_length=12)
    omschrijving: str = Field(default="", max_length=4000)

    @model_validator(mode="after")
    def _volgorde(self) -> Melding:
        for kind in self.kinderen:
            if (kind.geboortedatum - self.datum).days > 280:
                raise ValueError(f"de geboortedatum van {kind.naam} ligt meer dan 9 maanden na de melding")
        personen: list[Ouder | Kind] = [*self.ouders, *self.kinderen]
        bsns = [p.bsn for p in personen if p.bsn]
        if len(bsns) != len(set(bsns)):
            raise ValueError("hetzelfde BSN staat bij twee personen; controleer de nummers")
        return self


class Advies(Model):
    adviseur: Tekst = Field(description="bijv. medisch adviseur, GGD, CJG, Loket, huisarts")
    medisch: bool = False
    datum: date
    positief: bool = Field(description="adviseert de deskundige kinderopvang op sociaal-medische gronden?")
    inhoud: str = Field(default="", max_length=4000)


class Gesprek(Model):
    datum: date
    plaats: str = Field(default="", description="bijv. huisbezoek, gemeentehuis")
    aanwezig: list[str] = Field(default_factory=list)
    problematiek: str = Field(default="", max_length=4000, description="aard van de problematiek")
    hulpvragen: list[str] = Field(default_factory=list)
    netwerk: str = Field(default="", max_length=4000)
    netwerk_kan_opvang_bieden: bool | None = None
    informele_opvang_in_gebruik: bool | None = None
    eigen_kracht: str = Field(default="", max_length=4000)
    eigen_kracht_toereikend: bool | None = None
    betrokken_hulp: str = Field(default="", max_length=4000, description="hulp die al loopt (Jeugdwet, Wmo, ...)")
    recht_op_kinderopvangtoeslag: bool | None = None
    inkomen: Inkomen = Field(default_factory=Inkomen)
    grondslagen: list[Grondslag] = Field(default_factory=list)
    medische_problematiek: bool | None = None
    noodzaak_vastgesteld: bool | None = Field(
        default=None, description="is vastgesteld dat kinderopvang om sociaal-medische redenen nodig is?"
    )
    consulent_stelt_direct_vast: bool = Field(
        default=False, description="de consulent kan zonder advies vaststellen (bijv. Eemnes art. 3.2 lid 1)"
    )
    advies: Advies | None = None


class Actie(Model):
    wat: Tekst
    wie: Tekst
    wanneer: str = ""


class Verslag(Model):
    doelen: list[str] = Field(default_factory=list)
    afspraken: list[str] = Field(default_factory=list)
    acties: list[Actie] = Field(default_factory=list)
    structurele_oplossing: str = Field(default="", max_length=4000)
    casusregisseur: str = ""
    aanvullende_eisen: list[str] = Field(default_factory=list)
    instemming_plan_van_aanpak: bool | None = None
    medewerking_verleend: bool | None = None
    ondertekend_op: date | None = Field(default=None, description="datum waarop de ouder het verslag tekende")
    plan_ingangsdatum: date | None = Field(
        default=None,
        description="ingangsdatum van de tegemoetkoming volgens het plan van aanpak (Eemnes art. 3.5 lid 2)",
    )


class Antwoord(Model):
    beschikbaar: bool | None = Field(default=None, description="is deze voorziening beschikbaar en passend?")
    toelichting: str = Field(default="", max_length=2000)
    bedrag_per_maand_cent: int | None = Field(
        default=None,
        ge=0,
        le=1_000_000_00,
        description="dekt de voorziening een deel van de kosten: het bedrag per maand",
    )


class Voorliggend(Model):
    """The regulation's checklist of schemes that come first, answered by code, plus earlier-help facts."""

    antwoorden: dict[str, Antwoord] = Field(default_factory=dict)
    vorig_smi_besluit_op: date | None = None
    nieuwe_feiten: bool | None = None
    buitenhuisproject_laatst_op: date | None = None


class Beslissing(StrEnum):
    TOEKENNEN = "toekennen"
    GEDEELTELIJK = "gedeeltelijk"
    AFWIJZEN = "afwijzen"


class BetalingAan(StrEnum):
    """Who the college pays where the regulation leaves the choice."""

    OUDER = "ouder"
    OPVANGORGANISATIE = "opvangorganisatie"


class Hardheidsclausule(Model):
    toegepast: bool = False
    reden: str = Field(default="", max_length=4000)

    @model_validator(mode="after")
    def _reden(self) -> Hardheidsclausule:
        if self.toegepast and len(self.reden.strip()) < 20:
            raise ValueError("de hardheidsclausule mag alleen met een reden (minstens één zin) worden toegepast")
        return self


class Besluit(Model):
    datum: date
    beslissing: Beslissing
    motivering: str = Field(default="", max_length=8000)
    hardheidsclausule: Hardheidsclausule = Field(default_factory=Hardheidsclausule)
    betaling_aan: BetalingAan | None = Field(
        default=None,
        description="aan wie het college de tegemoetkoming betaalt, als de regeling die keuze laat (bijv. Eemnes "
        "artikel 3.7 lid 1); leeg: de keuze van de gemeente in config.toml",
    )
    verzonden_op: date | None = Field(default=None, description="datum waarop de beschikking is verzonden")
    afgedrukt_op: date | None = Field(
        default=None,
        description="datum waarop de beschikking is gemaakt en afgedrukt; vanaf dan staat het besluit vast",
    )

    @model_validator(mode="after")
    def _data(self) -> Besluit:
        if self.verzonden_op is not None and self.verzonden_op < self.datum:
            raise ValueError("de verzenddatum ligt vóór de besluitdatum")
        if self.afgedrukt_op is not None and self.afgedrukt_op < self.datum:
            raise ValueError("de beschikking is afgedrukt vóór de besluitdatum")
        return self


class Stuk(Model):
    """A document received (code from the regulation's list of required documents)."""

    code: Tekst
    ontvangen_op: date
    omschrijving: str = ""


class Aanvraag(Model):
    ontvangen_op: date | None = Field(default=None, description="datum waarop de aanvraag binnenkwam")
    compleet_op: date | None = Field(default=None, description="datum waarop de aanvraag compleet was")
    stukken: list[Stuk] = Field(default_factory=list)

    @model_validator(mode="after")
    def _volgorde(self) -> Aanvraag:
        if self.ontvangen_op and self.compleet_op and self.compleet_op < self.ontvangen_op:
            raise ValueError("de aanvraag kan niet compleet zijn vóór de datum van ontvangst")
        return self


class BudgetStand(Model):
    """Remaining budget under a subsidieplafond, as known when the case is assessed."""

    jaar: int = Field(ge=2000, le=2100)
    resterend_cent: int = Field(ge=0)
    toelichting: str = Field(default="", max_length=2000, description="hoe het restant is bepaald (leeg: ingevoerd)")


class Zaak(Model):
    """A case from melding to besluit."""

    schema_versie: int = SCHEMA_VERSIE
    zaaknummer: str | None = Field(default=None, pattern=r"^SMI-[0-9]{4}-[0-9]{4,}$")
    regeling: Tekst = Field(description="code van de gemeente, bijv. 'eemnes'; de versie volgt uit de datum")
    consulent: str = ""
    behandelaar: Behandelaar | None = Field(
        default=None, description="wie de zaak behandelt, zoals toen vastgelegd (naam, functie, team, telefoon, e-mail)"
    )
    stap: Stap = Stap.MELDING
    melding: Melding
    gesprek: Gesprek | None = None
    verslag: Verslag | None = None
    voorliggend: Voorliggend | None = None
    aanvraag: Aanvraag = Field(default_factory=Aanvraag)
    budget: BudgetStand | None = None
    besluit: Besluit | None = None
    opschortingen: list[Opschorting] = Field(
        default_factory=list, description="verzoeken om aanvulling (Awb 4:5, 4:15)"
    )
    verdaging: Verdaging | None = Field(default=None, description="verdaging van de beslistermijn (Awb 4:14)")
    ingetrokken_verdagingen: list[Verdaging] = Field(
        default_factory=list, description="verdagingen die per vergissing waren vastgelegd en zijn ingetrokken"
    )
    evaluaties: list[Evaluatieverslag] = Field(default_factory=list)
    verlengingen: list[Verlengingsaanvraag] = Field(default_factory=list)
    wijzigingen: list[Wijziging] = Field(default_factory=list, description="herziening, intrekking, beëindiging")
    gesloten_op: date | None = Field(default=None, description="datum waarop het dossier is gesloten (bewaartermijn)")
    concepten: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="half ingevulde stappen (stapnaam -> ruwe velden); nog niet gevalideerd, niet getoetst",
    )

    @model_validator(mode="after")
    def _datums_op_volgorde(self) -> Zaak:
        from smi_tui.validatie import controleer_datumvolgorde

        controleer_datumvolgorde(self)
        return self

    @property
    def aanvrager(self) -> Ouder:
        return self.melding.ouders[0]

    @property
    def partner(self) -> Ouder | None:
        return self.melding.ouders[1] if len(self.melding.ouders) > 1 else None
