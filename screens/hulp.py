"""The help page (f1): what the current screen is for, the regulation's articles that apply there, and its keys —
in Dutch, over the screen it explains (Escape or F1 closes it)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from screens.voettekst import zichtbare_toetsen
from smi_tui.toetsnamen import toetsnaam

UITLEG: dict[str, str] = {
    "WerkvoorraadScherm": "De werkvoorraad: al uw zaken met hun stap en de eerstvolgende termijn. Zaken die te laat "
    "zijn staan bovenaan met TE LAAT, zaken binnen een week met BIJNA. Typ in het zoekveld een naam, zaaknummer of "
    "BSN en druk op Enter om de gemarkeerde zaak te openen. F6 filtert op stap en (Tab) op gemeente. Onder de lijst "
    "staat wat bij de gekozen zaak openstaat: concepten, een verslag dat nog niet ondertekend terug is, de termijn "
    "om aan te vullen, de volgende evaluatie. Delete verwijdert een zaak waarvoor nog geen brief is verstuurd.",
    "MeldingScherm": "Stap 1, de melding: wie meldt zich, voor welke kinderen, en wanneer. Met de datum van de "
    "melding begint de beslistermijn te lopen. Maak eventueel een ontvangstbevestiging (Ctrl+O).",
    "GesprekScherm": "Stap 2, het gesprek: de sociaal-medische situatie, het netwerk, het inkomen en de opvang. "
    "Hier legt u vast waarop de noodzaak rust en welk advies er is.",
    "VerslagScherm": "Stap 3, het verslag: het plan van aanpak, de instemming en medewerking van de ouder(s), de "
    "ondertekening en de stukken die binnen zijn.",
    "VoorliggendScherm": "Stap 4, voorliggende voorzieningen: gaat een andere regeling (Wmo, Jeugdwet, "
    "kinderopvangtoeslag) voor? Dan is SMI niet nodig.",
    "BesluitScherm": "Stap 5, het besluit: de uitkomst van elke toets met het artikel, de berekening per kind en per "
    "maand, het voorstel en uw besluit. Ctrl+G maakt en drukt de beschikking en het plan van aanpak af.",
    "NazorgScherm": "Het dossier van de zaak: termijnen, aanvullingen, verdagingen, evaluaties, verlengingen en "
    "herzieningen. Kies een regel met de pijltjes; de letters onderaan leggen iets nieuws vast.",
    "VastleggenScherm": "Iets vastleggen in het dossier. Vul de velden in en leg vast met Ctrl+S; Escape annuleert "
    "zonder iets te bewaren.",
    "InstellingenScherm": "Uw gegevens: naam, functie, team, telefoon en e-mail. Ze staan op de brieven en in het "
    "logboek van elke zaak.",
}
"""What each screen is for, by class name."""

TOETSEN_PER_SCHERM: dict[str, tuple[str, ...]] = {
    "MeldingScherm": ("woonplaats", "leeftijd", "school", "bsn_verplicht"),
    "GesprekScherm": ("sociaal_medische_noodzaak", "advies", "netwerk", "eigen_kracht", "geen_kinderopvangtoeslag",
                      "niet_alle_ouders_werken", "inkomensgrens", "lrk_registratie", "opvang_in_gemeente",
                      "geen_opvang_voor_aanvraag"),
    "VerslagScherm": ("instemming_plan_van_aanpak", "medewerking", "ondertekend_verslag", "vereiste_stukken"),
    "VoorliggendScherm": ("voorliggende_voorzieningen",),
    "BesluitScherm": ("herhaalde_aanvraag", "buitenhuisproject", "budgetplafond"),
}  # fmt: skip
"""The regulation's toetsen whose facts are entered on each step."""

ALGEMEEN = (("Tab / Shift+Tab", "naar het volgende / vorige veld"), ("Ctrl+P", "een zaak of opdracht zoeken"),
            ("F1", "deze hulp"), ("Ctrl+L", "vergrendelen"), ("Ctrl+Q", "bewaren en afsluiten"))  # fmt: skip


def artikelen(naam: str, regeling: Any) -> list[tuple[str, str]]:
    """(what, article) of the regulation's rules that apply on the screen of class ``naam``."""
    if regeling is None:
        return []
    uit: list[tuple[str, str]] = []
    if naam == "MeldingScherm":
        uit.append(("Beslistermijn", regeling.beslistermijn.artikel))
    soorten = TOETSEN_PER_SCHERM.get(naam, ())
    uit += [(toetsnaam(t.type), t.artikel) for t in regeling.toetsen if t.type in soorten]
    if naam == "VerslagScherm" and regeling.aanvraag_is_ondertekend_verslag:
        uit.append(("Het ondertekende verslag is de aanvraag", regeling.aanvraag_is_ondertekend_verslag))
    if naam == "BesluitScherm":
        uit += [("Periode", regeling.periode.artikel), ("Hardheidsclausule", regeling.hardheidsclausule.artikel),
                ("Bezwaar", regeling.bezwaar.artikel)]  # fmt: skip
    if naam == "NazorgScherm":
        uit.append(("Verlenging", regeling.verlenging.artikel))
        if regeling.evaluatie is not None:
            uit.append(("Evaluatie", regeling.evaluatie.artikel))
        uit += [(f"Herziening: {g.tekst}", g.artikel) for g in regeling.herzieningsgronden]
    return uit


def hulptekst(scherm: Screen[Any]) -> str:
    """The help page of ``scherm`` as markup."""
    naam = type(scherm).__name__
    delen = [f"[b]{escape(UITLEG.get(naam, 'Hulp bij dit scherm.'))}[/]"]
    regeling = getattr(scherm, "regeling", None)
    rijen = artikelen(naam, regeling)
    if rijen:
        delen.append(f"\n[b]Regeling[/]: {escape(regeling.citeertitel)}")
        delen += [f"  • {escape(wat)} — {escape(art)}" for wat, art in rijen]
    toetsen = zichtbare_toetsen(scherm, alle=True)
    delen.append("\n[b]Toetsen op dit scherm[/]")
    delen += [f"  [b]{escape(k)}[/]  {escape(b)}" for k, b in toetsen]
    delen.append("\n[b]Altijd[/]")
    delen += [f"  [b]{k}[/]  {b}" for k, b in ALGEMEEN]
    return "\n".join(delen)


class HulpScherm(ModalScreen[None]):
    """The help page of the screen beneath it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1", "sluit", "Sluiten")]

    def __init__(self, scherm: Screen[Any]) -> None:
        super().__init__(id="hulp")
        self._tekst = hulptekst(scherm)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="hulp-vak"):
            yield Static("Hulp  (Escape of F1 sluit)", id="hulp-titel")
            yield Static(self._tekst, id="hulp-tekst")

    def action_sluit(self) -> None:
        """Close the help page."""
        self.dismiss(None)
