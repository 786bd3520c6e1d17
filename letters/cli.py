"""The headless commands ``smi-tui brief`` and ``smi-tui print``."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from smi_tui.fouten import SmiFout
from smi_tui.zaak import Zaak

_ZAAKNUMMER = re.compile(r"\ASMI-[0-9]{4}-[0-9]{4,9}\Z")  # \Z: "$" lets a trailing newline in


# Reads a stored case (JSON form) by zaaknummer. The composition root (``smi_tui.__main__``) passes the store's
# reader in, so letters never imports storage (DESIGN.md: letters → smi_tui only; checked by import-linter).
UitOpslag = Callable[[str], Any]


def lees(bron: str, uit_opslag: UitOpslag | None = None) -> Zaak:
    """A case from a JSON file, or from the store (read with ``uit_opslag``) when ``bron`` is a zaaknummer
    (SMI-2026-0001)."""
    if _ZAAKNUMMER.match(bron.strip()):
        return _uit_opslag(bron.strip(), uit_opslag)
    from smi_tui.cli import lees_zaak

    return lees_zaak(Path(bron))


def _uit_opslag(zaaknummer: str, uit_opslag: UitOpslag | None) -> Zaak:
    try:
        if uit_opslag is None:
            raise ImportError("niet meegegeven")
        data = uit_opslag(zaaknummer)
    except ImportError as exc:  # the store is optional for letters
        raise SmiFout(
            f"Zaak {zaaknummer} kan niet uit de opslag worden gelezen: de opslag is niet beschikbaar "
            f"({exc}). Exporteer de zaak als JSON en geef dat bestand op."
        ) from None
    from smi_tui.cli import valideer_zaak

    zaak = valideer_zaak(data, f"zaak {zaaknummer}")
    if zaak.zaaknummer is None:
        zaak = zaak.model_copy(update={"zaaknummer": zaaknummer})
    return zaak


def cmd_brief(args: argparse.Namespace, uit_opslag: UitOpslag | None = None) -> int:
    """``smi-tui brief SOORT ZAAK -o UIT.pdf [--peildatum] [--nummer N]``: write one letter as PDF. ``--nummer``
    chooses the record for the letters about one of several (see ``letters.MET_NUMMER``; default the latest).
    A zaaknummer is read with ``uit_opslag`` (the store's reader, given by the composition root)."""
    import letters
    from smi_tui.profiel import met_behandelaar

    # a case that names nobody: who runs this (profile, config)
    zaak = met_behandelaar(lees(str(args.zaak), uit_opslag), "")
    proef = zaak.zaaknummer is None  # a case file that is not in the store yet: a proof, marked on every page
    pdf = letters.maak(args.soort, zaak, datum=args.peildatum, nummer=getattr(args, "nummer", None), proef=proef)
    uit = Path(args.uit)
    from smi_tui.geheimen import schrijf_prive

    try:
        schrijf_prive(uit, pdf)  # 0600, exclusive temp name, no partial file on a full disk
    except OSError as exc:
        from smi_tui.foutrapport import schijfadvies

        raise SmiFout(f"Het bestand {uit} kan niet worden geschreven: {schijfadvies(exc)}") from None
    print(f"{args.soort} geschreven naar {uit} ({len(pdf):,} bytes).".replace(",", "."))
    if proef:
        print("Let op: dit is een PROEFDRUK (de zaak heeft nog geen zaaknummer); niet verzenden.")
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    """``smi-tui print UIT.pdf [--printer NAAM]``."""
    from letters.printen import print_pdf

    melding = print_pdf(args.bestand, args.printer)
    print(f"De brief {args.bestand} is {melding}.")
    return 0
