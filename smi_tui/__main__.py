"""The one composition root: ``smi-tui`` with no arguments starts the app, subcommands do headless work.

The store (``storage``), the letters (``letters``) and the screens (``screens``) are imported lazily inside the
command that needs them, so the core stays headless and ``smi-tui beoordeel`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from smi_tui.fouten import SmiFout

Handler = Callable[[argparse.Namespace], int]


def _lazy(module: str, func: str) -> Handler:
    def run(args: argparse.Namespace) -> int:
        import importlib

        return int(getattr(importlib.import_module(module), func)(args))

    run.__name__ = func
    return run


def _datum(text: str):
    from smi_tui.datums import parse_datum

    try:
        return parse_datum(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def bouw_parser() -> argparse.ArgumentParser:
    """The argument parser of ``smi-tui``; every subcommand sets ``func``."""
    p = argparse.ArgumentParser(
        prog="smi-tui",
        description="Kinderopvang op sociaal-medische indicatie: wizard (zonder argumenten) en opdrachten.",
    )
    p.add_argument(
        "--regelingen-map",
        action="append",
        type=Path,
        default=[],
        metavar="MAP",
        help="extra map met regelingbestanden (mag vaker); ook via SMI_TUI_REGELINGEN of config.toml",
    )
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="MAP",
        help="map van de dossieropslag (standaard de gebruikersdatamap; ook via SMI_TUI_DATA)",
    )
    sub = p.add_subparsers(dest="opdracht", metavar="OPDRACHT")

    s = sub.add_parser("regelingen", help="toon alle gevonden regelingen")
    s.add_argument("--json", action="store_true", help="uitvoer als JSON")
    s.set_defaults(func=_lazy("smi_tui.cli", "cmd_regelingen"))

    s = sub.add_parser("schema", help="het JSON Schema van een zaakbestand")
    s.set_defaults(func=_lazy("smi_tui.cli", "cmd_schema"))

    s = sub.add_parser("beoordeel", help="toets en bereken een zaak uit een JSON-bestand")
    s.add_argument("zaak", type=Path, metavar="ZAAK.json")
    s.add_argument("--peildatum", type=_datum, default=None, metavar="JJJJ-MM-DD")
    s.add_argument("--json", action="store_true", help="uitvoer als JSON")
    s.set_defaults(func=_lazy("smi_tui.cli", "cmd_beoordeel"))

    # --- the store (package storage) ---
    s = sub.add_parser("init", help="maak een nieuwe, versleutelde dossieropslag")
    s.set_defaults(func=_lazy("storage.cli", "cmd_init"))

    s = sub.add_parser("zaken", help="toon de zaken in de opslag")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_lazy("storage.cli", "cmd_zaken"))

    s = sub.add_parser("import", help="neem een zaak uit JSON op in de opslag; toont het zaaknummer")
    s.add_argument("zaak", type=Path, metavar="ZAAK.json")
    s.set_defaults(func=_lazy("storage.cli", "cmd_import"))

    s = sub.add_parser("export", help="schrijf een zaak uit de opslag als JSON")
    s.add_argument("zaaknummer", metavar="ZAAKNUMMER")
    s.add_argument("-o", "--uit", type=Path, default=None, metavar="BESTAND")
    s.set_defaults(func=_lazy("storage.cli", "cmd_export"))

    s = sub.add_parser("controleer", help="controleer alle dossiers, auditketens en de index")
    s.add_argument("--herstel-index", action="store_true", help="bouw de index opnieuw op uit de dossiers")
    s.set_defaults(func=_lazy("storage.cli", "cmd_controleer"))

    s = sub.add_parser("backup", help="schrijf een versleuteld archief van de hele opslag")
    s.add_argument("bestand", type=Path, metavar="BESTAND")
    s.set_defaults(func=_lazy("storage.cli", "cmd_backup"))

    s = sub.add_parser("herstel", help="zet een archief terug in een lege map en controleer het")
    s.add_argument("bestand", type=Path, metavar="BESTAND")
    s.set_defaults(func=_lazy("storage.cli", "cmd_herstel"))

    s = sub.add_parser("wachtwoord", help="wijzig het wachtwoord van de opslag")
    s.set_defaults(func=_lazy("storage.cli", "cmd_wachtwoord"))

    s = sub.add_parser("opschonen", help="vernietig gesloten dossiers waarvan de bewaartermijn voorbij is")
    s.add_argument("--peildatum", type=_datum, default=None, metavar="JJJJ-MM-DD", help="standaard vandaag")
    s.add_argument("--ja", action="store_true", help="niet om bevestiging vragen (voor automatisering)")
    s.set_defaults(func=_lazy("storage.cli", "cmd_opschonen"))

    s = sub.add_parser("inzage", help="alles wat over één persoon is opgeslagen (inzageverzoek AVG)")
    s.add_argument("bsn", metavar="BSN")
    s.add_argument("-o", "--uit", type=Path, required=True, metavar="MAP", help="nieuwe of lege map")
    s.set_defaults(func=_lazy("storage.cli", "cmd_inzage"))

    s = sub.add_parser("export-zgw", help="schrijf een zaak als ZGW-JSON (Zaken/Besluiten/Documenten API)")
    s.add_argument("zaaknummer", metavar="ZAAKNUMMER")
    s.add_argument("-o", "--uit", type=Path, required=True, metavar="MAP", help="nieuwe of lege map")
    s.set_defaults(func=_lazy("storage.cli", "cmd_export_zgw"))

    s = sub.add_parser("import-zgw", help="lees een zaak uit een ZGW-export van smi-tui in de opslag")
    s.add_argument("map", type=Path, metavar="MAP")
    s.set_defaults(func=_lazy("storage.cli", "cmd_import_zgw"))

    s = sub.add_parser("budget", help="budgetplafond, vastgelegd en resterend bedrag van een gemeente")
    s.add_argument("gemeente", metavar="GEMEENTE")
    s.add_argument("--jaar", type=int, default=None, metavar="JJJJ", help="standaard het huidige jaar")
    s.set_defaults(func=_lazy("storage.cli", "cmd_budget"))

    # --- the letters (package letters) ---
    s = sub.add_parser("brief", help="maak een brief als PDF")
    s.add_argument(
        "soort", choices=["ontvangstbevestiging", "verslag", "beschikking", "plan-van-aanpak"], metavar="SOORT"
    )
    s.add_argument("zaak", metavar="ZAAK.json|ZAAKNUMMER")
    s.add_argument("-o", "--uit", type=Path, required=True, metavar="UIT.pdf")
    s.add_argument("--peildatum", type=_datum, default=None, metavar="JJJJ-MM-DD")
    s.set_defaults(func=_lazy("letters.cli", "cmd_brief"))

    s = sub.add_parser("print", help="druk een PDF af")
    s.add_argument("bestand", type=Path, metavar="UIT.pdf")
    s.add_argument("--printer", default=None, help="naam van de printer (standaard: de standaardprinter)")
    s.set_defaults(func=_lazy("letters.cli", "cmd_print"))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``smi-tui`` console script."""
    parser = bouw_parser()
    args = parser.parse_args(argv)
    from smi_tui import config

    config.activeer(args)
    try:
        if getattr(args, "func", None) is None:
            from screens.app import start_app

            return int(start_app(args))
        return int(args.func(args))
    except SmiFout as fout:
        print(f"smi-tui: {fout.melding}", file=sys.stderr)
        return fout.exit_code
    except BrokenPipeError:  # output piped into e.g. `head`: stop quietly
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("smi-tui: afgebroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
