"""Dutch messages for pydantic validation errors: which field, what is wrong, what to do."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from smi_tui.datums import nl_datum

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

_STAPPEN = {_VELDNAMEN[s] for s in ("melding", "gesprek", "verslag", "voorliggend", "besluit")}

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


def _delen(loc: tuple[Any, ...]) -> list[str]:
    """The Dutch names of the parts of an error's location ('ouder 1', 'BSN')."""
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
    return delen


def _plek(loc: tuple[Any, ...]) -> str:
    return " › ".join(_delen(loc)) or "het bestand"


def _tekst(err: Any) -> str:
    soort = err["type"]
    ctx = err.get("ctx") or {}
    if soort == DATUMVOLGORDE:
        return str(err["msg"])
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


def schermregel(err: Any, rest: tuple[Any, ...]) -> str:
    """The message of a pydantic error ``err`` shown at a place on screen (a group of fields, or the form) that its
    location goes beyond by ``rest`` (e.g. ``("kinderen", 0, "bsn")``): a sentence from a check as it is, else the
    rest in words before it ('kind 1, BSN: heeft niet de juiste vorm') — never the internal path
    ('melding › ouder')."""
    tekst = _tekst(err)
    if err["type"] in ("value_error", "assertion_error", DATUMVOLGORDE):
        return tekst
    delen = _delen(tuple(int(x) if isinstance(x, str) and x.isdigit() else x for x in rest))
    delen = [d for d in delen if d not in _STAPPEN][-2:] or delen[-1:]  # 'ouder 1, BSN'; the step is on screen
    if err["type"] in ("missing", "too_short") and delen:  # a whole group not filled in (no field of its own)
        return f"{', '.join(delen)}: ontbreekt; vul de gegevens in"
    return f"{', '.join(delen)}: {tekst}" if delen else tekst


# --- dates that must lie on or after another date -----------------------------------------------------------

DATUMVOLGORDE = "datumvolgorde"
"""The pydantic error type of :func:`controleer_datumvolgorde`; its ``ctx["velden"]`` lists (field, message)."""


class Datumpaar(NamedTuple):
    """``later`` (a dotted path in the case) may not lie before ``eerder``; their Dutch names for the message."""

    later: str
    eerder: str
    later_naam: str
    eerder_naam: str


DATUMPAREN = (
    Datumpaar("gesprek.datum", "melding.datum", "De datum van het gesprek", "de melding"),
    Datumpaar("verslag.ondertekend_op", "melding.datum", "De datum waarop het verslag is ondertekend", "de melding"),
    Datumpaar("verslag.ondertekend_op", "gesprek.datum", "De datum waarop het verslag is ondertekend", "het gesprek"),
    Datumpaar("aanvraag.ontvangen_op", "melding.datum", "De datum van ontvangst van de aanvraag", "de melding"),
    Datumpaar("besluit.datum", "melding.datum", "De besluitdatum", "de melding"),
    Datumpaar("besluit.datum", "gesprek.datum", "De besluitdatum", "het gesprek"),
    Datumpaar("besluit.datum", "aanvraag.ontvangen_op", "De besluitdatum", "de ontvangst van de aanvraag"),
)
"""The steps' date pairs: a gesprek follows the melding, the verslag is signed after the gesprek, a besluit follows
the melding, the gesprek and the application (Awb 4:13: the term to decide runs from the aanvraag)."""


def _waarde(obj: Any, pad: str) -> date | None:
    for deel in pad.split("."):
        obj = getattr(obj, deel, None)
        if obj is None:
            return None
    return obj if isinstance(obj, date) else None


def datumfouten(zaak: Any) -> list[tuple[str, str]]:
    """(field, Dutch message naming both dates) for every date of ``zaak`` (a ``Zaak``) that lies before the date
    it must follow: :data:`DATUMPAREN` (per field the latest of the dates it must follow), and each document received (``aanvraag.stukken``) not before the
    melding — its field on the verslag's form is ``stukken.<code>.ontvangen_op``."""
    uit = []
    for veld in dict.fromkeys(p.later for p in DATUMPAREN):  # per field the latest date it must follow
        later = _waarde(zaak, veld)
        paren = [(e, p) for p in DATUMPAREN if p.later == veld and (e := _waarde(zaak, p.eerder)) is not None]
        if later is None or not paren:
            continue
        eerder, p = max(paren, key=lambda x: x[0])
        if later < eerder:
            uit.append((veld, f"{p.later_naam} ({nl_datum(later)}) ligt vóór {p.eerder_naam} ({nl_datum(eerder)})."))
    melding = _waarde(zaak, "melding.datum")
    for stuk in getattr(getattr(zaak, "aanvraag", None), "stukken", None) or ():
        if melding is not None and stuk.ontvangen_op < melding:
            naam = stuk.omschrijving or stuk.code.replace("_", " ")
            uit.append(
                (
                    f"stukken.{stuk.code}.ontvangen_op",
                    f"Het stuk '{naam}' is ontvangen op "
                    f"{nl_datum(stuk.ontvangen_op)}, vóór de melding ({nl_datum(melding)}).",
                )
            )
    return uit


def controleer_datumvolgorde(zaak: Any) -> None:
    """Raise a pydantic error of type :data:`DATUMVOLGORDE` (inside a model validator) when a date of ``zaak``
    lies before the date it must follow; its ``ctx["velden"]`` lets a form show each message at its field."""
    fouten = datumfouten(zaak)
    if fouten:
        raise PydanticCustomError(DATUMVOLGORDE, " ".join(t for _, t in fouten), {"velden": fouten})
