"""The README.md written into every ZGW export folder: the mapping, field by field (a module, not a data file,
so it ships with the package without package-data)."""

TEKST = """\
# ZGW-export van een SMI-zaak (smi-tui)

Deze map is gemaakt met `smi-tui export-zgw`. De bestanden volgen de resources van VNG's API's voor
Zaakgericht werken (Zaken API `Zaak`, Besluiten API `Besluit`, Documenten API `EnkelvoudigInformatieObject`,
`AuditTrail`). **De map is onversleuteld en bevat medische persoonsgegevens**: bewaar en verstuur haar
zorgvuldig en verwijder haar na het inlezen.

Veldnamen, verplichte velden, maximumlengtes, keuzelijsten (enums) en formaten zijn gecontroleerd tegen deze
OpenAPI-specificaties:

| resource | specificatie |
|---|---|
| Zaak, AuditTrail | VNG-Realisatie/zaken-api `src/openapi.yaml`, versie 1.3.0-rc3 |
| Besluit | VNG-Realisatie/gemma-zaken `api-specificatie/brc/1.0.x/openapi.yaml`, versie 1.0.0 |
| EnkelvoudigInformatieObject | VNG-Realisatie/documenten-api `src/openapi.yaml`, versie 1.3.0 |

**Te lange tekst.** Vrije tekst die langer is dan het ZGW-veld toestaat (bijvoorbeeld `opschorting.reden` en
`verlenging.reden`: 200 tekens, `toelichting` van de zaak: 1000, `titel` en `auteur` van een document: 200) wordt
ingekort en eindigt dan op "…". Welke velden zijn ingekort staat onderaan dit bestand; de volledige tekst staat
altijd in `smi-tui-zaak.json`, en `smi-tui import-zgw` leest die volledig terug. Waarden die iets aanwijzen
worden nooit ingekort: een RSIN dat niet klopt of een URL uit de zaaktypecatalogus die te lang is (zaaktype
hoogstens 1000 tekens, besluittype en informatieobjecttype hoogstens 200) laat de export stoppen met een
melding, en er wordt dan niets geschreven.

Verwijzingen tussen objecten zijn URI's. Zonder ZGW-server zijn dat URN's (`urn:smi-tui:zaak:<zaaknummer>`,
`urn:smi-tui:document:<zaaknummer>:<id>`); het ontvangende zaaksysteem vervangt ze bij het aanmaken door zijn
eigen URL's. `zaaktype`, `besluittype` en `informatieobjecttype` zijn de URL's uit `config.toml`
(`zgw_zaaktype`, `zgw_besluittype`, `zgw_informatieobjecttype`); `bronorganisatie` en
`verantwoordelijkeOrganisatie` zijn het RSIN uit `config.toml` (`rsin`).

## zaak.json — Zaak (Zaken API)

| ZGW-veld | waarde uit smi-tui |
|---|---|
| identificatie | het zaaknummer (`SMI-JJJJ-NNNN`) |
| bronorganisatie, verantwoordelijkeOrganisatie | RSIN van de gemeente (`rsin`) |
| omschrijving | "Kinderopvang op sociaal-medische indicatie" |
| toelichting | citeertitel van de regeling en de stap van de zaak |
| zaaktype | `zgw_zaaktype` |
| registratiedatum | datum waarop de zaak in smi-tui is aangemaakt |
| startdatum | datum van de melding (ontbreekt die: de registratiedatum; dat staat dan onderaan dit bestand) |
| einddatum | sluitdatum van het dossier, als die voorbij is (anders leeg); alleen-lezen in de Zaken API: het zaaksysteem zet de einddatum zelf bij de eindstatus |
| uiterlijkeEinddatumAfdoening | einde van de beslistermijn (na opschorting, Algemene termijnenwet) |
| vertrouwelijkheidaanduiding | `vertrouwelijk` (medische gegevens) |
| archiefnominatie / archiefstatus | `vernietigen` / `nog_te_archiveren` |
| archiefactiedatum | vernietigingsdatum: sluitdatum + `bewaartermijn_jaren` |
| opschorting | `indicatie`: er loopt een verzoek om aanvulling (Awb 4:15); `reden`: de toelichting daarvan |
| verlenging | verdaging van de beslistermijn (Awb 4:14): `reden` en `duur` (ISO 8601, dagen) |
| kenmerken | `[{"kenmerk": zaaknummer, "bron": "smi-tui"}]` |

Rollen (ouders, kinderen) en zaakobjecten hebben in de Zaken API eigen resources met verwijzingen naar de
BRP; die zijn niet uitgeschreven. Ouders, kinderen, BSN's, adressen, gesprek, verslag, voorliggende
voorzieningen, opvang en berekening staan in de extensie (zie onder).

## besluiten.json — lijst van Besluit (Besluiten API)

Eén Besluit voor de beschikking, en één voor elke beslissing op een verlenging en elke herziening, intrekking
of beëindiging met een besluitdatum.

| ZGW-veld | waarde |
|---|---|
| identificatie | `<zaaknummer>-B<n>` |
| verantwoordelijkeOrganisatie | RSIN |
| besluittype | `zgw_besluittype` |
| zaak | URN van de zaak |
| datum | besluitdatum |
| toelichting | beslissing en motivering (volledig: de Besluiten API 1.0.0 kent hier geen maximumlengte) |
| ingangsdatum | begin van de toegekende periode (afwijzing, verlenging: besluitdatum; wijziging: ingangsdatum) |
| vervaldatum | einde van de toegekende periode; bij intrekking of beëindiging de ingangsdatum daarvan |
| verzenddatum | verzenddatum |
| uiterlijkeReactiedatum | einde van de bezwaartermijn (6 weken na verzending, Awb 6:7/6:8, Atw) |

De Besluiten API aanvaardt alleen een besluitdatum in het verleden of vandaag; een besluit met een latere datum
wordt wel uitgeschreven maar staat onderaan dit bestand.

## informatieobjecten/\\<id\\>.json — EnkelvoudigInformatieObject (Documenten API)

Eén per opgeslagen document (brieven als PDF); het bestand zelf staat ernaast als `<id>.pdf`.

| ZGW-veld | waarde |
|---|---|
| identificatie | document-id in smi-tui |
| bronorganisatie | RSIN |
| creatiedatum | datum waarop het document is opgeslagen |
| titel | naam van het document |
| vertrouwelijkheidaanduiding | `vertrouwelijk` |
| auteur | consulent die het document opsloeg |
| status | `definitief` |
| formaat | `application/pdf` |
| taal | `dut` (Nederlands in ISO 639-2/B, zoals de Documenten API vraagt; `nld` is de 639-2/T-code) |
| bestandsnaam | naam van het bestand |
| bestandsomvang | grootte in bytes |
| inhoud | bestandsnaam van de PDF in deze map. **Afwijking:** de API verwacht hier bij aanmaken de inhoud in base64 (en geeft een download-URL terug); het inleesprogramma zet het bestand om |
| beschrijving | soort brief (beschikking, verslag, …) |
| verzenddatum | bij de beschikking: de verzenddatum van het besluit |
| informatieobjecttype | `zgw_informatieobjecttype` |
| ondertekening | `null`: smi-tui registreert geen ondertekening (een papieren handtekening vult het zaaksysteem aan; `soort` mag alleen `analoog`, `digitaal` of `pki` zijn en `datum` is dan verplicht) |
| integriteit | `{"algoritme": "sha_256", "waarde": <SHA-256 van de PDF>, "datum": <creatiedatum>}` |

## audittrail.json — AuditTrail

Eén regel per regel van de audittrail van het dossier: `bron` `zrc` (zaak) of `drc` (document), `actie`
`create` (aangemaakt, document toegevoegd) of `partial_update` (gewijzigd), `actieWeergave` de actie in
smi-tui, `gebruikersId` de gebruikersnaam van het besturingssysteem, `gebruikersWeergave` de consulent,
`resultaat` 201/200, `hoofdObject`/`resourceUrl` de URN's, `resourceWeergave` het zaaknummer,
`aanmaakdatum` het tijdstip (UTC), `wijzigingen` `{"oud": {veld: waarde}, "nieuw": {veld: waarde}}` met de
gewijzigde velden als puntpaden (`melding.ouders.0.adres.huisnummer`). **Afwijking:** de API bedoelt in
`oud`/`nieuw` de volledige JSON van het object; smi-tui geeft alleen de gewijzigde velden.

## smi-tui-zaak.json — extensie (wat geen ZGW-plaats heeft)

`{"formaat": "smi-tui-zaak", "versie": 1, "zaaknummer", "zaak", "info", "documenten", "audit"}`: de
volledige zaak zoals opgeslagen (melding met ouders en kinderen, gesprek, verslag, voorliggende
voorzieningen, aanvraag, besluit, opschortingen, verdaging, evaluaties, verlengingen, wijzigingen), de
documentbeschrijvingen met SHA-256 en de audittrail met haar hash-keten (`vorige`, `hash`).
`smi-tui import-zgw MAP` leest dit bestand en de PDF's terug in een opslag: de zaak en de documenten zijn
daarna byte voor byte gelijk, de keten loopt door met een regel "geïmporteerd".
"""


def leesmij(opmerkingen: list[str]) -> str:
    """The README.md of one export: :data:`TEKST` and what was shortened or is worth a look in this export."""
    if not opmerkingen:
        return TEKST + "\n## Opmerkingen bij deze export\n\nGeen: alle waarden passen in de ZGW-velden.\n"
    regels = "".join(f"- {o}\n" for o in opmerkingen)
    return TEKST + "\n## Opmerkingen bij deze export\n\n" + regels
