"""Printing a PDF: a configured print command, else CUPS ``lp`` (Linux, macOS), else the Windows print verb.

The print command comes from ``SMI_TUI_PRINTCOMMANDO`` (tests) or the ``printcommando`` key of config.toml,
either a TOML list (``printcommando = ['C:\\Program Files\\SumatraPDF\\SumatraPDF.exe', '-print-to', '{printer}',
'{bestand}']``: each element is one argument, so a path with spaces needs no quotes) or a string split like a
shell does (``printcommando = "lpr -P kantoor {bestand}"``); ``{bestand}`` and ``{printer}`` are filled in (without
``{bestand}`` the file is added at the end). Every failure is a PrintFout with a Dutch message, also for CUPS's
English ones (service stopped, unknown printer, a queue that rejects jobs); success says which printer has the job,
and warns when that printer is paused (the job then waits).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from smi_tui.fouten import SmiFout
from smi_tui.geheimen import omgeving_zonder_geheimen

ENV_PRINTCOMMANDO = "SMI_TUI_PRINTCOMMANDO"


class PrintFout(SmiFout):
    """The PDF could not be handed to a printer."""


def _printcommando() -> str | list[str] | None:
    from smi_tui.config import commando

    return commando(
        "printcommando", ENV_PRINTCOMMANDO, "printcommando = ['lpr', '-P', 'kantoor', '{bestand}']", PrintFout
    )


def _opdracht(sjabloon: str | list[str], pad: Path, printer: str | None) -> list[str]:
    # A string is split as a shell would; on Windows without POSIX rules, which keep the quotes, so they go here.
    if isinstance(sjabloon, list):
        delen = list(sjabloon)
    else:
        delen = shlex.split(sjabloon, posix=os.name != "nt")
        if os.name == "nt":
            delen = [d[1:-1] if len(d) > 1 and d[0] == d[-1] == '"' else d for d in delen]
    heeft_bestand = any("{bestand}" in d for d in delen)
    uit = []
    for d in delen:
        if "{printer}" in d:
            if not printer:
                continue
            d = d.replace("{printer}", printer)
        uit.append(d.replace("{bestand}", str(pad)))
    return uit if heeft_bestand else [*uit, str(pad)]


def _voer_uit(opdracht: list[str]) -> str:
    try:
        res = subprocess.run(
            opdracht, capture_output=True, text=True, timeout=60, check=False, env=omgeving_zonder_geheimen()
        )  # no SMI_TUI_WACHTWOORD for the print command
    except FileNotFoundError:
        raise PrintFout(f"Het printprogramma '{opdracht[0]}' is niet gevonden. Controleer het printcommando.") from None
    except subprocess.TimeoutExpired:
        raise PrintFout("De printer reageert niet (na 60 seconden). Probeer het later opnieuw.") from None
    melding = (res.stderr or res.stdout or "").strip()
    if res.returncode != 0:
        raise PrintFout(_fout_in_het_nederlands(melding, res.returncode))
    return (res.stdout or "").strip()


def _printers() -> list[str]:
    """The CUPS queues there are (``lpstat -e``), or [] when that cannot be asked."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return []
    try:
        res = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [r.strip() for r in res.stdout.splitlines() if r.strip()] if res.returncode == 0 else []


def _printservice_gestopt() -> bool:
    """True when CUPS says its scheduler is not running (``lpstat -r``): ``lp`` then only says that the printer
    does not exist, or that there is no default printer."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    try:
        res = subprocess.run([lpstat, "-r"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "not running" in (res.stdout + res.stderr).lower()


def _fout_in_het_nederlands(melding: str, code: int) -> str:
    """CUPS and most print programs answer in English; the consulent reads what happened and what to do."""
    laag = melding.lower()
    if "scheduler is not running" in laag or (
        any(w in laag for w in ("does not exist", "no default destination")) and _printservice_gestopt()
    ):
        return (
            "De printservice (CUPS) draait niet, dus er kan niets worden afgedrukt. Start de printservice of "
            "vraag de functioneel beheerder; de brief blijft bewaard in het dossier."
        )
    if "no default destination" in laag or "geen standaard" in laag:
        return (
            "Er is geen standaardprinter ingesteld. Kies een printer met --printer NAAM, of stel een "
            "standaardprinter in."
        )
    if "does not exist" in laag or "bestaat niet" in laag or "unknown destination" in laag:
        printers = _printers()
        welke = (
            f" Deze printers zijn er: {', '.join(printers)}." if printers else " Er is geen enkele printer ingesteld."
        )
        return f"Die printer bestaat niet.{welke} Kies een van deze printers, of vraag de functioneel beheerder."
    if "not accepting jobs" in laag:
        return (
            "De printer neemt nu geen opdrachten aan (de wachtrij is gesloten). Kies een andere printer, of vraag "
            "de functioneel beheerder de wachtrij te openen; de brief blijft bewaard in het dossier."
        )
    if "forbidden" in laag or "not authorized" in laag or "unauthorized" in laag:
        return "U mag niet afdrukken op deze printer. Vraag de functioneel beheerder om toegang."
    # Anything else: the program's own words, quoted, so the beheerder can look it up.
    eigen = melding.rstrip(".").strip()
    return (
        f"Afdrukken is mislukt (foutcode {code}"
        + (f": '{eigen}'" if eigen else "")
        + "). Vraag de functioneel beheerder."
    )


def _gepauzeerd(printer: str | None) -> str | None:
    """The name of the CUPS queue the job went to when it is paused (disabled): the job then waits there."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    try:
        if printer is None:
            standaard = subprocess.run([lpstat, "-d"], capture_output=True, text=True, timeout=10, check=False)
            # "system default destination: SMI_PDF"
            printer = standaard.stdout.rsplit(":", 1)[-1].strip() if ":" in standaard.stdout else None
            if not printer:
                return None
        staat = subprocess.run([lpstat, "-p", printer], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    # "printer SMI_PDF disabled since ..." (CUPS's fixed wording, also under a Dutch locale for this field)
    return printer if staat.returncode == 0 and f"printer {printer} disabled" in staat.stdout else None


def _lp_gelukt(uitvoer: str, printer: str | None) -> str:
    """'request id is SMI_PDF-12 (1 file(s))' → 'naar printer SMI_PDF gestuurd (opdracht SMI_PDF-12)', with a
    warning when that printer is paused."""
    opdracht = uitvoer.removeprefix("request id is ").split(" ")[0] if uitvoer.startswith("request id is ") else ""
    wachtrij = printer or (opdracht.rsplit("-", 1)[0] if "-" in opdracht else None)
    zin = f"naar printer {wachtrij} gestuurd" if wachtrij else "naar de standaardprinter gestuurd"
    zin += f" (opdracht {opdracht})" if opdracht else ""
    gepauzeerd = _gepauzeerd(wachtrij)
    if gepauzeerd:
        zin += (
            f"; LET OP: printer {gepauzeerd} staat op pauze, de brief wacht in de wachtrij tot de printer weer "
            "aan staat"
        )
    return zin


WINDOWS_PREFIX = "smi-tui-windowsprint-"
WINDOWS_BEWAAR = 600
"""Seconds a copy handed to the Windows print verb is kept. ``os.startfile(..., "print")`` returns as soon as it
has asked the PDF reader to print, before the reader has opened the file; the caller's temporary PDF is removed
right after. So the verb gets a copy of its own, in a private temp folder, removed this long after (by a timer
in a running app, else by the next print), by then long read: a reader that still has it open keeps it (Windows
refuses the removal), and the next print tries again."""


def ruim_windows_afdrukken_op(nu: float | None = None) -> int:
    """Remove the copies of earlier Windows prints older than :data:`WINDOWS_BEWAAR`; returns how many."""
    grens = (time.time() if nu is None else nu) - WINDOWS_BEWAAR
    weg = 0
    with contextlib.suppress(OSError):
        for p in Path(tempfile.gettempdir()).iterdir():
            if p.name.startswith(WINDOWS_PREFIX) and p.is_dir() and not p.is_symlink() and p.stat().st_mtime < grens:
                shutil.rmtree(p, ignore_errors=True)
                weg += not p.exists()
    return weg


def _windows_print(pad: Path) -> None:
    ruim_windows_afdrukken_op()
    map_ = Path(tempfile.mkdtemp(prefix=WINDOWS_PREFIX))  # only this user may read it (mkdtemp: 0700, user's temp)
    kopie = map_ / pad.name
    shutil.copyfile(pad, kopie)
    try:
        os.startfile(str(kopie), "print")  # type: ignore[attr-defined]  # Windows only: mypy checks as Linux, where typeshed has no os.startfile
    except OSError as exc:
        shutil.rmtree(map_, ignore_errors=True)
        raise PrintFout(f"Afdrukken is mislukt: {exc}. Is er een PDF-lezer en een printer ingesteld?") from None
    opruimen = threading.Timer(WINDOWS_BEWAAR, shutil.rmtree, (map_,), {"ignore_errors": True})
    opruimen.daemon = True  # an app closed earlier leaves it to the next print
    opruimen.start()


def print_pdf(pad: Path | str, printer: str | None = None) -> str:
    """Send the PDF at ``pad`` to ``printer`` (or the default printer); returns a Dutch phrase that completes
    "… bewaard en …" ("naar printer X gestuurd (opdracht X-12)"). Raises PrintFout with a Dutch message when it
    cannot be printed."""
    pad = Path(pad)
    if not pad.is_file():
        raise PrintFout(f"Het bestand {pad} bestaat niet.")
    sjabloon = _printcommando()
    if sjabloon:
        uitvoer = _voer_uit(_opdracht(sjabloon, pad, printer))
        return "naar het printcommando gestuurd" + (f" (dat meldt: {uitvoer})" if uitvoer else "")
    if sys.platform == "win32":
        if printer:
            raise PrintFout(
                "Kiezen van een printer kan op Windows alleen met een printcommando in config.toml; "
                "zonder printer gaat de PDF naar de standaardprinter."
            )
        _windows_print(pad)
        return "naar de standaardprinter van Windows gestuurd"
    lp = shutil.which("lp")
    if lp is None:
        raise PrintFout(
            "Er is geen printer beschikbaar: het programma 'lp' (CUPS) ontbreekt. Installeer CUPS of "
            "stel 'printcommando' in config.toml in."
        )
    opdracht = [lp, *(["-d", printer] if printer else []), "-t", pad.name, "--", str(pad)]
    return _lp_gelukt(_voer_uit(opdracht), printer)
