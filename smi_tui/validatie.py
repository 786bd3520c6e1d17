"""Dutch messages for pydantic validation errors: which field, what is wrong, what to do."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

_VELDNAMEN = {
    "melding": "melding",
    "gesprek": "gesprek",
    "verslag": "verslag",
    "voorliggend": "voorliggende voorzieningen",
    "besluit": "besluit",
    "ouders": "ouder",
    "kinderen": "kind",
    "opvang": "opvang",
    "bsn": "BSN",
    "lrk_nummer": "LRK-nummer",
    "uurprijs_cent": "uurprijs (eurocent)",
    "uren_per_week": "uren per week",
    "uren_per_dag": "uren per dag",
    "dagen_per_week": "dagen per week",
    "weken_per_jaar": "weken per jaar",
    "begindatum": "begindatum",
    "einddatum": "einddatum",
    "geboortedatum": "geboortedatum",
    "datum": "datum",
    "postcode": "postcode",
}

_SOORTEN = {
    "missing": "ontbreekt; vul dit veld in",
    "extra_forbidden": "is geen bekend veld; controleer de spelling of verwijder het",
    "string_too_short": "is leeg; vul dit veld in",
    "too_short": "heeft te weinig items",
    "too_long": "heeft te veel items",
    "string_too_long": "is te lang",
    "date_from_datetime_inexact": "is geen geldige datum; schrijf JJJJ-MM-DD",
    "date_future": "moet in de toekomst liggen",
    "date_past": "moet in het verleden liggen",
    "date_from_datetime_parsing": "is geen geldige datum; schrijf JJJJ-MM-DD",
    "date_parsing": "is geen geldige datum; schrijf JJJJ-MM-DD",
    "date_type": "is geen datum; schrijf JJJJ-MM-DD",
    "int_parsing": "is geen heel getal",
    "int_type": "is geen heel getal",
    "int_from_float": "moet een heel getal zijn (bedragen in eurocent, zonder komma)",
    "decimal_parsing": "is geen getal",
    "decimal_type": "is geen getal",
    "decimal_max_places": "heeft te veel cijfers achter de komma",
    "decimal_max_digits": "heeft te veel cijfers",
    "bool_parsing": "moet ja (true) of nee (false) zijn",
    "bool_type": "moet ja (true) of nee (false) zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een groep velden zijn",
    "model_type": "moet een groep velden zijn",
    "enum": "heeft geen toegestane waarde",
    "literal_error": "heeft geen toegestane waarde",
    "string_pattern_mismatch": "heeft niet de juiste vorm",
    "union_tag_invalid": "heeft een onbekend type",
    "union_tag_not_found": "mist het veld 'type'",
    # the rest of pydantic-core's error types (tests/core/test_validatie_nl.py walks them all)
    "finite_number": "moet een gewoon getal zijn (geen NaN of oneindig)",
    "string_unicode": "bevat tekens die geen geldige tekst zijn",
    "string_not_ascii": "mag alleen gewone letters en cijfers bevatten",
    "float_type": "is geen getal",
    "float_parsing": "is geen getal",
    "int_parsing_size": "is een veel te groot getal",
    "multiple_of": "heeft niet de juiste stapgrootte",
    "decimal_whole_digits": "heeft te veel cijfers voor de komma",
    "json_invalid": "is geen geldige JSON",
    "json_type": "moet tekst met JSON zijn",
    "recursion_loop": "is te diep genest",
    "recursion_depth_exceeded": "is te diep genest",
    "none_required": "moet leeg zijn",
    "tuple_type": "moet een lijst zijn",
    "set_type": "moet een lijst zijn",
    "frozen_set_type": "moet een lijst zijn",
    "iterable_type": "moet een lijst zijn",
    "datetime_type": "is geen datum met tijd",
    "datetime_parsing": "is geen geldige datum met tijd; schrijf JJJJ-MM-DDTUU:MM",
    "time_type": "is geen tijd; schrijf UU:MM",
    "time_parsing": "is geen geldige tijd; schrijf UU:MM",
    "url_type": "moet een webadres zijn",
    "url_parsing": "is geen geldig webadres",
    "url_too_long": "is een te lang webadres",
    "url_scheme": "moet beginnen met https://",
    "uuid_type": "is geen geldige code (UUID)",
    "uuid_parsing": "is geen geldige code (UUID)",
}
_ANDERS = "heeft een ongeldige waarde"  # every other type: never pydantic's English text


def _plek(loc: tuple[Any, ...]) -> str:
    delen: list[str] = []
    for stuk in loc:
        if isinstance(stuk, int):
            if delen:
                delen[-1] = f"{delen[-1]} {stuk + 1}"
            continue
        naam = str(stuk)
        if naam.startswith(("function-", "tagged-union", "list[", "constrained-")):
            continue
        delen.append(_VELDNAMEN.get(naam, naam.replace("_", " ")))
    return " › ".join(delen) or "het bestand"


def _tekst(err: Any) -> str:
    soort = err["type"]
    ctx = err.get("ctx") or {}
    if soort in ("value_error", "assertion_error"):
        fout = ctx.get("error")
        return str(fout) if fout is not None else err["msg"]
    if soort == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn"
    if soort == "greater_than":
        return f"moet groter zijn dan {ctx.get('gt')}"
    if soort == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn"
    if soort == "less_than":
        return f"moet kleiner zijn dan {ctx.get('lt')}"
    if soort in ("enum", "literal_error") and "expected" in ctx:
        return f"heeft geen toegestane waarde; kies uit {ctx['expected']}"
    return _SOORTEN.get(soort, _ANDERS)


def nl_fouten(exc: ValidationError) -> list[str]:
    """One Dutch line per error: '<veld>: <wat er mis is>'."""
    return [f"{_plek(tuple(e['loc']))}: {_tekst(e)}" for e in exc.errors()]
