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
    "BSN en druk op Enter om de gemarkeerde zaak te openen. Is er een zaaksysteem ingesteld, dan toont de kolom Sync "
    "per zaak open (nog te synchroniseren), conflict of ✓ met het moment van de laatste sync; F5 synchroniseert. "
    "F6 filtert op stap en (Tab) op gemeente. Onder de lijst "
    "staat wat bij de gekozen zaak openstaat: concepten, een verslag dat nog niet ondertekend terug is, de termijn "
    "om aan te vullen, de volgende evaluatie. Delete verwijdert een zaak waarvoor nog geen brief is verstuurd.",
    "MeldingScherm": "Stap 1, de melding: wie meldt zich, voor welke kinderen, en wanneer. Met de datum van de "
    "melding begint de beslistermijn te lopen. Maak eventueel een ontvangstbevestiging (Ctrl+O).",
    "GesprekScherm": "Stap 2, het gesprek: de sociaal-medische situatie, het netwerk, het inkomen en de opvang. "
    "Hier legt u vast waarop de noodzaak rust en welk advies er is. Het advies zelf (GGD, medisch adviseur) voegt u "
    "als scan of PDF bij met F6 (Documenten).",
    "VerslagScherm": "Stap 3, het verslag: het plan van aanpak, de instemming en medewerking van de ouder(s), de "
    "ondertekening en de stukken die binnen zijn. Het getekende verslag en andere stukken voegt u als scan of PDF "
    "bij met F6 (Documenten); dan staan ze hier als ontvangen, met de datum.",
    "VoorliggendScherm": "Stap 4, voorliggende voorzieningen: gaat een andere regeling (Wmo, Jeugdwet, "
    "kinderopvangtoeslag) voor? Dan is SMI niet nodig.",
    "BesluitScherm": "Stap 5, het besluit: de uitkomst van elke toets met het artikel, de berekening per kind en per "
    "maand, het voorstel en uw besluit. Ctrl+G toont eerst wat er besloten wordt en maakt na uw bevestiging de "
    "beschikking en het plan van aanpak en drukt ze af. Bij een budgetplafond staat onderaan de stand van het budget.",
    "NazorgScherm": "Het dossier van de zaak: termijnen, aanvullingen, verdagingen, evaluaties, verlengingen en "
    "herzieningen. Kies een regel met de pijltjes; de letters onderaan leggen iets nieuws vast.",
    "VastleggenScherm": "Iets vastleggen in het dossier. Vul de velden in en leg vast met Ctrl+S; Escape annuleert "
    "zonder iets te bewaren.",
    "SamenvattingScherm": "De samenvatting: de hele zaak op één pagina, zoals hij bewaard is — ouders en kinderen, "
    "melding en gesprek, verslag, voorliggende voorzieningen, de toetsen met hun uitkomst, de berekening per kind, "
    "het besluit, de termijnen en de documenten. Hier kan niets worden gewijzigd. Ctrl+O drukt haar af als interne "
    "notitie (op elke pagina: niet verzenden). Open haar met F4 vanuit elke stap en vanuit het dossier.",
    "BeschikkingBevestigen": "Voordat de beschikking definitief wordt: wat er besloten wordt, per kind met de periode "
    "en het bedrag, wat wordt afgewezen, aan wie de brief gaat en tot wanneer bezwaar kan. P toont eerst een "
    "proefdruk (gemarkeerd: niet verzenden). Alleen J of Enter op 'Definitief maken en afdrukken' maakt en drukt "
    "de beschikking af; daarna staat het besluit vast. N of Escape annuleert: er verandert niets.",
    "DocumentenScherm": "De documenten van de zaak: de brieven die zijn gemaakt (met datum en of ze zijn afgedrukt, "
    "verzonden of vervangen) en de stukken die binnen zijn. Enter toont het gekozen document; de tijdelijke kopie "
    "wordt daarna verwijderd. Met a drukt u het opnieuw af, met b voegt u een scan of PDF bij (bijvoorbeeld het "
    "ondertekende verslag of het advies): dat stuk staat dan als ontvangen in de zaak, met de datum.",
    "BijvoegenScherm": "Een scan of PDF bijvoegen: typ het pad van het bestand (of sleep het bestand naar de terminal), "
    "kies welk stuk het is en de datum waarop het binnenkwam. Het bestand wordt versleuteld bewaard; het origineel "
    "blijft waar het staat. Ctrl+S voegt bij, Escape annuleert.",
    "InstellingenScherm": "Uw gegevens: naam, functie, team, telefoon en e-mail. Ze staan op de brieven en in het "
    "logboek van elke zaak.",
    "SynchronisatieScherm": "De sync (F5) stuurt elke zaak die in de werkvoorraad 'open' of 'conflict' heeft naar het "
    "zaaksysteem van de gemeente: zaak, betrokkenen, statussen, brieven en besluit. Per zaak ziet u verstuurd, niets "
    "te doen, conflict (in het zaaksysteem gewijzigd: niets overschreven) of fout, met de reden. Lukt de verbinding "
    "niet, dan verandert er niets aan uw zaken. Alleen hier gaat de app het netwerk op.",
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
            ("F1", "deze hulp"), ("F5", "zaken naar het zaaksysteem sturen (sync)"), ("Ctrl+L", "vergrendelen"),
            ("Ctrl+Q", "bewaren en afsluiten"))  # fmt: skip


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
    if naam in ("DocumentenScherm", "BijvoegenScherm"):
        if regeling.aanvraag_is_ondertekend_verslag:
            uit.append(("Het ondertekende verslag is de aanvraag", regeling.aanvraag_is_ondertekend_verslag))
        uit += [(toetsnaam(t.type), t.artikel) for t in regeling.toetsen if t.type == "vereiste_stukken"]
    if naam == "BesluitScherm":
        uit += [
            ("Periode", regeling.periode.artikel),
            ("Hardheidsclausule", regeling.hardheidsclausule.artikel),
            ("Bezwaar", regeling.bezwaar.artikel),
        ]
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
    if rijen and regeling is not None:  # artikelen() finds none without a regulation
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
