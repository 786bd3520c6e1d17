"""Headless commands of the core: ``regelingen``, ``schema``, ``beoordeel``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from smi_tui.datums import nl_datum
from smi_tui.fouten import InvoerFout
from smi_tui.geld import euro
from smi_tui.register import Register
from smi_tui.validatie import nl_fouten
from smi_tui.zaak import Zaak


def lees_zaak(pad: Path) -> Zaak:
    """Read and validate a case file; an InvoerFout names every wrong field in Dutch."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvoerFout(f"Het bestand {pad} bestaat niet. Controleer de naam en de map.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvoerFout(f"Het bestand {pad} kan niet gelezen worden ({exc}).") from None
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as exc:
        raise InvoerFout(
            f"{pad.name} is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})."
        ) from None
    except (RecursionError, ValueError):  # nesting deeper than Python's stack, a number of over 4,300 digits
        raise InvoerFout(
            f"{pad.name} is geen zaakbestand: het is te diep genest of bevat een onmogelijk groot getal."
        ) from None
    return valideer_zaak(data, pad.name)


def valideer_zaak(data: Any, naam: str = "de zaak") -> Zaak:
    try:
        return Zaak.model_validate(data)
    except ValidationError as exc:
        regels = "\n  ".join(nl_fouten(exc))
        raise InvoerFout(f"{naam} bevat fouten:\n  {regels}") from None


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def waarschuw(register: Register) -> None:
    """Print the regulation files that were skipped (stderr, Dutch), so an administrator sees them."""
    for w in register.waarschuwingen:
        print(f"smi-tui: let op: {w}", file=sys.stderr)


def cmd_regelingen(args: argparse.Namespace) -> int:
    register = Register.laad()
    waarschuw(register)
    regelingen = sorted(register.regelingen, key=lambda r: (r.gemeente, r.geldig_vanaf))
    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "gemeente_code": r.gemeente_code,
                    "gemeente": r.gemeente,
                    "titel": r.titel,
                    "geldig_vanaf": r.geldig_vanaf.isoformat(),
                    "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None,
                    "bestand": str(register.bestanden[r.id]),
                }
                for r in regelingen
            ]
        )
        return 0
    for r in regelingen:
        tot = nl_datum(r.geldig_tot) if r.geldig_tot else "heden"
        print(f"{r.id:<26} {r.gemeente:<18} {nl_datum(r.geldig_vanaf)} t/m {tot}")
        print(f"{'':<26} {r.titel}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    schema = Zaak.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "SMI-zaak"
    _print_json(schema)
    return 0


def cmd_beoordeel(args: argparse.Namespace) -> int:
    from smi_tui.beoordeling import beoordeel_zaak

    zaak = lees_zaak(args.zaak)
    register = Register.laad()
    waarschuw(register)
    b = beoordeel_zaak(zaak, register, peildatum=args.peildatum)
    if args.json:
        _print_json(b.naar_json())
        return 0
    print(f"Regeling:  {b.regeling.citeertitel} ({b.regeling.id})")
    if b.regeling.geldig_vanaf_onzeker:
        print(f"Let op:    {b.regeling.geldig_vanaf_onzeker}")
    print(f"Voorstel:  {b.uitkomst.value.upper()}")
    print("\nToetsen:")
    for r in b.toetsen:
        print(f"  [{r.uitkomst.value:<12}] {r.artikel}: {r.toelichting}")
    if b.ontbrekend:
        print("\nOntbreekt:")
        for o in b.ontbrekend:
            print(f"  - {o}")
    if b.berekening:
        be = b.berekening
        print(f"\nBerekening ({nl_datum(be.begin)} t/m {nl_datum(be.eind)}):")
        for k in be.kinderen:
            print(
                f"  {k.naam}: {k.opvang.soort.label} bij {k.opvang.aanbieder}, totaal {euro(k.totaal_cent)}"
                + (f" — {k.uitgesloten}" if k.uitgesloten else "")
            )
        for m in be.maandtotalen():
            vl = "  (voorlopig)" if m["voorlopig"] else ""
            print(
                f"    {m['jaar']}-{m['maand']:02d}: tegemoetkoming {euro(m['tegemoetkoming_cent']):>12}"
                f"  eigen bijdrage {euro(m['eigen_bijdrage_cent']):>12}{vl}"
            )
        print(f"  Totaal: {euro(be.totaal_cent)}")
    print("\nTermijnen:")
    for t in b.termijnen:
        print(f"  {t.omschrijving}: {nl_datum(t.datum) if t.datum else 'nog niet bekend'} ({t.artikel})")
    return 0
