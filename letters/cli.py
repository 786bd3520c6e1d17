"""The headless commands ``smi-tui brief`` and ``smi-tui print``."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from smi_tui.fouten import SmiFout
from smi_tui.zaak import Zaak

_ZAAKNUMMER = re.compile(r"\ASMI-[0-9]{4}-[0-9]{4,9}\Z")  # \Z: "$" lets a trailing newline in


def lees(bron: str) -> Zaak:
    """A case from a JSON file, or from the store when ``bron`` is a zaaknummer (SMI-2026-0001)."""
    if _ZAAKNUMMER.match(bron.strip()):
        return _uit_opslag(bron.strip())
    from smi_tui.cli import lees_zaak

    return lees_zaak(Path(bron))


def _uit_opslag(zaaknummer: str) -> Zaak:
    try:
        from storage.cli import wachtwoord
        from storage.opslag import Opslag
    except ImportError as exc:  # the store is optional for letters
        raise SmiFout(
            f"Zaak {zaaknummer} kan niet uit de opslag worden gelezen: de opslag is niet beschikbaar "
            f"({exc}). Exporteer de zaak als JSON en geef dat bestand op."
        ) from None
    from smi_tui import config
    from smi_tui.cli import valideer_zaak

    with Opslag.open(config.data_dir(), wachtwoord()) as opslag:
        data = opslag.laad(zaaknummer)
    zaak = valideer_zaak(data, f"zaak {zaaknummer}")
    if zaak.zaaknummer is None:
        zaak = zaak.model_copy(update={"zaaknummer": zaaknummer})
    return zaak


def cmd_brief(args: argparse.Namespace) -> int:
    """``smi-tui brief SOORT ZAAK -o UIT.pdf [--peildatum] [--nummer N]``: write one letter as PDF. ``--nummer``
    chooses the record for the letters about one of several (see ``letters.MET_NUMMER``; default the latest)."""
    import letters

    zaak = lees(str(args.zaak))
    pdf = letters.maak(args.soort, zaak, datum=args.peildatum, nummer=getattr(args, "nummer", None))
    uit = Path(args.uit)
    from smi_tui.geheimen import schrijf_prive

    try:
        schrijf_prive(uit, pdf)  # 0600, exclusive temp name, no partial file on a full disk
    except OSError as exc:
        from smi_tui.foutrapport import schijfadvies

        raise SmiFout(f"Het bestand {uit} kan niet worden geschreven: {schijfadvies(exc)}") from None
    print(f"{args.soort} geschreven naar {uit} ({len(pdf):,} bytes).".replace(",", "."))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    """``smi-tui print UIT.pdf [--printer NAAM]``."""
    from letters.printen import print_pdf

    melding = print_pdf(args.bestand, args.printer)
    print(melding or f"{args.bestand} is naar de printer gestuurd.")
    return 0
