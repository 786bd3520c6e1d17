"""Dutch names of the toetsen (the codes in :class:`smi_tui.resultaat.Resultaat`), for screens and notes.

The codes are stable identifiers in stored cases and tests; a consulent reads these names instead.
"""

from __future__ import annotations

NAMEN: dict[str, str] = {
    "advies": "Advies (GGD of arts)",
    "bsn": "BSN van alle betrokkenen",
    "budgetplafond": "Budget (subsidieplafond)",
    "buitenhuisproject": "Buitenhuisproject",
    "eigen_kracht": "Eigen kracht",
    "geen_kinderopvangtoeslag": "Geen recht op kinderopvangtoeslag",
    "herhaalde_aanvraag": "Herhaalde aanvraag",
    "ingang": "Ingangsdatum",
    "inkomensgrens": "Inkomensgrens",
    "instemming_plan_van_aanpak": "Instemming met het plan van aanpak",
    "lrk": "Registratie van de opvang (LRK)",
    "medewerking": "Medewerking van de ouder(s)",
    "netwerk": "Sociaal netwerk",
    "niet_alle_ouders_werken": "Niet alle ouders werken",
    "niet_voor_aanvraag": "Opvang niet vóór de aanvraag",
    "ondertekend_verslag": "Ondertekend verslag",
    "opvang_in_gemeente": "Opvang in de gemeente",
    "periode": "Periode",
    "sociaal_medische_noodzaak": "Sociaal-medische noodzaak",
    "uitgesloten": "Uitgesloten situatie",
    "urenmaximum": "Maximum aantal uren",
    "verlenging_berekening": "Berekening van de verlenging",
    "woonplaats_kind": "Woonplaats van het kind",
    "woonplaats_ouder": "Woonplaats van de ouder",
    # the toets types of a regulation (``type`` in its TOML) where they differ from the codes above
    "bsn_verplicht": "BSN van alle betrokkenen",
    "geen_opvang_voor_aanvraag": "Opvang niet vóór de aanvraag",
    "leeftijd": "Leeftijd van het kind",
    "lrk_registratie": "Registratie van de opvang (LRK)",
    "school": "School of opleiding",
    "vereiste_stukken": "Vereiste stukken",
    "voorliggende_voorzieningen": "Voorliggende voorzieningen",
    "woonplaats": "Woonplaats",
}
"""Code (or toets type) -> name, for every fixed code the toetsen produce and every toets type."""

_VOORVOEGSELS = {"voorliggend_": "Voorliggende voorziening: ", "stuk_": "Stuk: "}


def toetsnaam(code: str) -> str:
    """The Dutch name of a toets code; codes made per voorziening or stuk ('voorliggend_wmo', 'stuk_advies') get
    the kind and the code's words ('Voorliggende voorziening: wmo')."""
    if code in NAMEN:
        return NAMEN[code]
    for voor, naam in _VOORVOEGSELS.items():
        if code.startswith(voor):
            return naam + code[len(voor) :].replace("_", " ")
    return code[:1].upper() + code[1:].replace("_", " ")
