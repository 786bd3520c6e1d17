"""The README.md written into every ZGW export folder: the mapping, field by field (a module, not a data file,
so it ships with the package without package-data)."""

TEKST = """\
# ZGW-export van een SMI-zaak (smi-tui)

Deze map is gemaakt met `smi-tui export-zgw`. De bestanden volgen de resources van VNG's API's voor
Zaakgericht werken (Zaken API `Zaak`, Besluiten API `Besluit`, Documenten API `EnkelvoudigInformatieObject`,
`AuditTrail`), zoals beschreven in VNG-Realisatie/zaken-api, besluiten-api en documenten-api
(`src/resources.md` en de OpenAPI-specificaties). **De map is onversleuteld en bevat medische
persoonsgegevens**: bewaar en verstuur haar zorgvuldig en verwijder haar na het inlezen.

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
| startdatum | datum van de melding |
| einddatum | sluitdatum van het dossier, als die voorbij is (anders leeg) |
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
| toelichting | beslissing en motivering |
| ingangsdatum | begin van de toegekende periode (afwijzing, verlenging: besluitdatum; wijziging: ingangsdatum) |
| vervaldatum | einde van de toegekende periode; bij intrekking of beëindiging de ingangsdatum daarvan |
| verzenddatum | verzenddatum |
| uiterlijkeReactiedatum | einde van de bezwaartermijn (6 weken na verzending, Awb 6:7/6:8, Atw) |

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
| taal | `nld` (ISO 639-2/B) |
| bestandsnaam | naam van het bestand |
| bestandsomvang | grootte in bytes |
| inhoud | bestandsnaam van de PDF in deze map (de API levert hier base64 of een download-URL) |
| beschrijving | soort brief (beschikking, verslag, …) |
| verzenddatum | bij de beschikking: de verzenddatum van het besluit |
| informatieobjecttype | `zgw_informatieobjecttype` |
| ondertekening | `{"soort": "", "datum": null}`: smi-tui registreert geen ondertekening (een papieren handtekening vult het zaaksysteem aan) |
| integriteit | `{"algoritme": "sha_256", "waarde": <SHA-256 van de PDF>, "datum": <creatiedatum>}` |

## audittrail.json — AuditTrail

Eén regel per regel van de audittrail van het dossier: `bron` `zrc` (zaak) of `drc` (document), `actie`
`create` (aangemaakt, document toegevoegd) of `partial_update` (gewijzigd), `actieWeergave` de actie in
smi-tui, `gebruikersId` de gebruikersnaam van het besturingssysteem, `gebruikersWeergave` de consulent,
`resultaat` 201/200, `hoofdObject`/`resourceUrl` de URN's, `resourceWeergave` het zaaknummer,
`aanmaakdatum` het tijdstip (UTC), `wijzigingen` `{"oud": {veld: waarde}, "nieuw": {veld: waarde}}` met de
gewijzigde velden als puntpaden (`melding.ouders.0.adres.huisnummer`).

## smi-tui-zaak.json — extensie (wat geen ZGW-plaats heeft)

`{"formaat": "smi-tui-zaak", "versie": 1, "zaaknummer", "zaak", "info", "documenten", "audit"}`: de
volledige zaak zoals opgeslagen (melding met ouders en kinderen, gesprek, verslag, voorliggende
voorzieningen, aanvraag, besluit, opschortingen, verdaging, evaluaties, verlengingen, wijzigingen), de
documentbeschrijvingen met SHA-256 en de audittrail met haar hash-keten (`vorige`, `hash`).
`smi-tui import-zgw MAP` leest dit bestand en de PDF's terug in een opslag: de zaak en de documenten zijn
daarna byte voor byte gelijk, de keten loopt door met een regel "geïmporteerd".
"""
