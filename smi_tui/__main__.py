"""The one composition root: ``smi-tui`` with no arguments starts the app, subcommands do headless work.

The store (``storage``), the letters (``letters``) and the screens (``screens``) are imported lazily inside the
command that needs them, so the core stays headless and ``smi-tui beoordeel`` starts fast. A command that needs
both the store and the letters is composed here (``_brief``, ``_inzage``): letters and storage never import each
other (DESIGN.md; the contracts under ``[tool.importlinter]`` in pyproject.toml check it).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from smi_tui.fouten import SmiFout

Handler = Callable[[argparse.Namespace], int]


def _lazy(module: str, func: str) -> Handler:
    def run(args: argparse.Namespace) -> int:
        import importlib

        return int(getattr(importlib.import_module(module), func)(args))

    run.__name__ = func
    return run


def _zaak_uit_opslag(zaaknummer: str) -> Any:
    # Imported only when a zaaknummer is given: a letter from a JSON file needs no store (nor tinydb).
    from storage.cli import laad_zaak

    return laad_zaak(zaaknummer)


def _brief(args: argparse.Namespace) -> int:
    """``smi-tui brief``: the letter from ``letters``, a case given by zaaknummer read from ``storage``."""
    from letters.cli import cmd_brief

    return cmd_brief(args, _zaak_uit_opslag)


def _inzage(args: argparse.Namespace) -> int:
    """``smi-tui inzage``: the store's data about a person with the readable PDF from ``letters``."""
    from storage.cli import cmd_inzage

    try:
        from letters.inzage import maak_inzage
    except ImportError:  # without the letter the JSON and documents are still written, with a note
        return cmd_inzage(args, None)
    return cmd_inzage(args, maak_inzage)


def _datum(text: str) -> date:
    from smi_tui.datums import parse_datum

    try:
        return parse_datum(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


_NL = [
    (r"unrecognized arguments: ", "onbekende argumenten: "),
    (r"the following arguments are required: ", "deze argumenten ontbreken: "),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ongeldige keuze \1 (kies uit \2)"),
    (r"expected one argument", "hier hoort één waarde achter"),
    (r"invalid (\w+) value: ", "ongeldige waarde: "),
    (r"not allowed with argument ", "mag niet samen met "),
]


class _NlHelp(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class _Versie(argparse.Action):
    """``--version``: the installed distribution's version, read only when asked (a start stays fast)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kw: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kw)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            tekst = f"{parser.prog} {version('smi-tui')}"
        except PackageNotFoundError:  # run from a source folder that was never installed
            tekst = f"{parser.prog}: versie onbekend (niet als pakket geïnstalleerd; zie README: installeren)"
        print(tekst)  # on stdout, as argparse's own version action does
        parser.exit(0)


class NlParser(argparse.ArgumentParser):
    """argparse with its messages in Dutch: what is wrong, then the usage line (exit 2)."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        kw.setdefault("formatter_class", _NlHelp)
        kw.setdefault("add_help", False)
        super().__init__(*args, **kw)
        self._positionals.title, self._optionals.title = "argumenten", "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for patroon, vervanging in _NL:
            message = re.sub(patroon, vervanging, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def bouw_parser() -> argparse.ArgumentParser:
    """The argument parser of ``smi-tui``; every subcommand sets ``func``."""
    p = NlParser(
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
    p.add_argument("--version", action=_Versie, help="toon het versienummer en stop")
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

    s = sub.add_parser("documenten", help="toon de documenten van een zaak (ook vervangen versies)")
    s.add_argument("zaaknummer", metavar="ZAAKNUMMER")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_lazy("storage.cli", "cmd_documenten"))

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
    s.add_argument(
        "--nieuwe-sleutel",
        action="store_true",
        help="vervang ook de sleutel en versleutel alle bestanden opnieuw (hervat na een onderbreking)",
    )
    s.set_defaults(func=_lazy("storage.cli", "cmd_wachtwoord"))

    s = sub.add_parser("opschonen", help="vernietig gesloten dossiers waarvan de bewaartermijn voorbij is")
    s.add_argument("--peildatum", type=_datum, default=None, metavar="JJJJ-MM-DD", help="standaard vandaag")
    s.add_argument("--ja", action="store_true", help="niet om bevestiging vragen (voor automatisering)")
    s.set_defaults(func=_lazy("storage.cli", "cmd_opschonen"))

    s = sub.add_parser("inzage", help="alles wat over één persoon is opgeslagen (inzageverzoek AVG)")
    s.add_argument("bsn", metavar="BSN")
    s.add_argument("-o", "--uit", type=Path, required=True, metavar="MAP", help="nieuwe of lege map")
    s.set_defaults(func=_inzage)

    s = sub.add_parser("export-zgw", help="schrijf een zaak als ZGW-JSON (Zaken/Besluiten/Documenten API)")
    s.add_argument("zaaknummer", metavar="ZAAKNUMMER")
    s.add_argument("-o", "--uit", type=Path, required=True, metavar="MAP", help="nieuwe of lege map")
    s.set_defaults(func=_lazy("storage.cli", "cmd_export_zgw"))

    s = sub.add_parser("import-zgw", help="lees een zaak uit een ZGW-export van smi-tui in de opslag")
    s.add_argument("map", type=Path, metavar="MAP")
    s.set_defaults(func=_lazy("storage.cli", "cmd_import_zgw"))

    s = sub.add_parser("sync", help="stuur gewijzigde zaken naar het zaaksysteem (Open Zaak, ZGW API's)")
    s.add_argument("zaaknummer", nargs="?", default=None, metavar="ZAAKNUMMER", help="alleen deze zaak")
    groep = s.add_mutually_exclusive_group()
    groep.add_argument("--status", action="store_true", help="toon wat klaarstaat, zonder netwerk")
    groep.add_argument(
        "--instellen",
        action="store_true",
        help="bewaar het geheim van de client versleuteld in de opslag (of uit SMI_TUI_ZAAKSYSTEEM_GEHEIM)",
    )
    groep.add_argument(
        "--ophalen",
        default=None,
        metavar="ZAAKNUMMER|URL",
        help="neem een zaak uit het zaaksysteem over in deze opslag (met documenten en besluit)",
    )
    s.set_defaults(func=_lazy("storage.cli", "cmd_sync"))

    s = sub.add_parser("budget", help="budgetplafond, vastgelegd en resterend bedrag van een gemeente")
    s.add_argument("gemeente", metavar="GEMEENTE")
    s.add_argument("--jaar", type=int, default=None, metavar="JJJJ", help="standaard het huidige jaar")
    s.set_defaults(func=_lazy("storage.cli", "cmd_budget"))

    # --- the letters (package letters) ---
    s = sub.add_parser("brief", help="maak een brief als PDF")
    from letters import SOORTEN  # the one list of letters (no ReportLab is imported by this)

    s.add_argument("soort", choices=list(SOORTEN), metavar="SOORT", help=", ".join(SOORTEN))
    s.add_argument("zaak", metavar="ZAAK.json|ZAAKNUMMER")
    s.add_argument("-o", "--uit", type=Path, required=True, metavar="UIT.pdf")
    s.add_argument("--peildatum", type=_datum, default=None, metavar="JJJJ-MM-DD")
    s.add_argument(
        "--nummer",
        type=int,
        default=None,
        metavar="N",
        help="welke aanvulling/verlenging/wijziging (1 = de eerste; standaard de laatste)",
    )
    s.set_defaults(func=_brief)

    s = sub.add_parser("sjablonen", help="controleer de eigen briefsjablonen en het logo (zie sjablonen_map)")
    s.add_argument("actie", choices=["controleer"], metavar="controleer")
    s.add_argument("--gemeente", default=None, metavar="CODE", help="alleen deze gemeente (standaard alle)")
    s.set_defaults(func=_lazy("letters.sjabloon_controle", "cmd_sjablonen"))

    s = sub.add_parser("print", help="druk een PDF af")
    s.add_argument("bestand", type=Path, metavar="UIT.pdf")
    s.add_argument("--printer", default=None, help="naam van de printer (standaard: de standaardprinter)")
    s.set_defaults(func=_lazy("letters.cli", "cmd_print"))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``smi-tui`` console script."""
    from smi_tui.geheimen import kern_dumps_uit

    kern_dumps_uit()  # before any passphrase is read: a core dump would hold it, the key, BSNs and names
    parser = bouw_parser()
    args = parser.parse_args(argv)
    from smi_tui import config

    try:
        config.activeer(args)
        if melding := config.oude_config_melding():  # an older version's config in the store folder (Windows, macOS)
            print(f"smi-tui: {melding}", file=sys.stderr)
        if getattr(args, "func", None) is None:
            import gc

            gc.disable()  # start-up makes many objects that all live on; the App turns the collector on again
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
    except Exception as fout:  # the one catch of unexpected errors: no traceback (it may show secrets)
        from smi_tui.foutrapport import is_schijffout, meld

        print(f"smi-tui: {meld(fout)}", file=sys.stderr)
        return 2 if is_schijffout(fout) else 1


if __name__ == "__main__":
    sys.exit(main())
