"""The store's subcommands of ``smi-tui`` (the parser is in ``smi_tui.__main__``).

The passphrase is asked with getpass, or taken from ``SMI_TUI_WACHTWOORD`` (and ``SMI_TUI_NIEUW_WACHTWOORD``
for a new one) for automation. ``SMI_TUI_SCRYPT_N`` lowers the scrypt cost at ``init``: for tests only.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smi_tui import config
from smi_tui.fouten import SmiFout
from smi_tui.foutrapport import schijfadvies
from storage.atomair import schrijf_atomair
from storage.crypto import SCRYPT_N
from storage.fouten import SchrijfFout, WachtwoordFout
from storage.opslag import Opslag
from storage.zaakdata import ontleed_zaaknummer
from storage.zaakdata import valideer as valideer  # its home is zaakdata (zgw uses it too)

if TYPE_CHECKING:
    from storage.inzage import MaakPdf

ENV_WACHTWOORD = "SMI_TUI_WACHTWOORD"
ENV_NIEUW = "SMI_TUI_NIEUW_WACHTWOORD"
ENV_SCRYPT_N = "SMI_TUI_SCRYPT_N"


def _vraag(tekst: str) -> str:
    try:
        return getpass.getpass(tekst)
    except EOFError:
        raise WachtwoordFout("Geen wachtwoord opgegeven.") from None


def wachtwoord() -> str:
    """The passphrase of the store: ``SMI_TUI_WACHTWOORD`` or asked (hidden)."""
    env = os.environ.get(ENV_WACHTWOORD)
    return env if env is not None else _vraag("Wachtwoord van de opslag: ")


def nieuw_wachtwoord(env_naam: str) -> str:
    """A new passphrase: from ``env_naam`` or asked twice."""
    env = os.environ.get(env_naam)
    if env is not None:
        return env
    eerste = _vraag("Nieuw wachtwoord: ")
    if eerste != _vraag("Herhaal het nieuwe wachtwoord: "):
        raise WachtwoordFout("De twee wachtwoorden zijn niet gelijk. Er is niets gewijzigd.")
    return eerste


def _scrypt_n() -> int:
    env = os.environ.get(ENV_SCRYPT_N)
    if not env:
        return SCRYPT_N
    try:
        return int(env)
    except ValueError:
        raise SmiFout(f"{ENV_SCRYPT_N} moet een getal zijn (alleen voor tests).") from None


def _consulent(zaak: dict[str, Any] | None = None) -> str:
    """Who does this, for the audit trail and the log: the case's consulent, else the profile (the app's
    Instellingen), else ``consulent`` in config.toml — never the login name (issue 11)."""
    naam = (zaak or {}).get("consulent") or config.profiel_naam() or config.lees_config().get("consulent")
    if not naam:  # the audit entry still holds the computer account (``gebruiker``), but no consulent
        print(
            f"Let op: uw naam is niet bekend, dus de audittrail noemt geen consulent. Vul uw gegevens in de app in "
            f'(Instellingen, f3), of zet consulent = "Uw naam" in {config.config_bestand()}.',
            file=sys.stderr,
        )
    return str(naam or "")


def _open() -> Opslag:
    opslag = Opslag.open(config.data_dir(), wachtwoord())
    for melding in opslag.meldingen:  # what opening found and did not repair silently (see storage/manifest.py)
        print(f"smi-tui: let op: {melding}", file=sys.stderr)
    return opslag


def laad_zaak(zaaknummer: str) -> dict[str, Any]:
    """One stored case (JSON form) by zaaknummer; the passphrase from ``SMI_TUI_WACHTWOORD`` or asked. The
    composition root hands this to ``letters.cli`` for ``smi-tui brief SOORT ZAAKNUMMER``."""
    with _open() as opslag:
        return opslag.laad(zaaknummer)


def lees_zaakbestand(pad: Path) -> dict[str, Any]:
    """Read and validate a case JSON file (the core's one reader)."""
    from smi_tui.cli import lees_zaak

    return lees_zaak(Path(pad)).model_dump(mode="json")


def cmd_init(args: argparse.Namespace) -> int:
    """``smi-tui init``: create a new encrypted store in the data folder."""
    map_ = config.data_dir()
    Opslag.maak(map_, nieuw_wachtwoord(ENV_WACHTWOORD), scrypt_n=_scrypt_n()).sluit()
    print(f"Nieuwe dossieropslag gemaakt in {map_}. Onthoud het wachtwoord: zonder is niets te lezen.")
    return 0


def cmd_zaken(args: argparse.Namespace) -> int:
    """``smi-tui zaken [--json]``: list the cases from the index."""
    with _open() as opslag:
        rijen = opslag.lijst()
    if getattr(args, "json", False):
        print(json.dumps([r.als_dict() for r in rijen], ensure_ascii=False, indent=2))
        return 0
    if not rijen:
        print("Er staan nog geen zaken in de opslag.")
    for r in rijen:
        termijn = f"{r.volgende_termijn.isoformat()} {r.termijn_wat or ''}".strip() if r.volgende_termijn else "-"
        namen = ", ".join(r.ouders) or "-"
        print(f"{r.zaaknummer:<15} {r.status or '-':<12} {r.gemeente or '-':<14} {termijn:<24} {namen}")
    return 0


def cmd_documenten(args: argparse.Namespace) -> int:
    """``smi-tui documenten ZAAKNUMMER [--json]``: the documents of a case; a letter made again shows which earlier
    version it replaced ("vervangen")."""
    with _open() as opslag:
        docs = opslag.documenten(args.zaaknummer)
    if getattr(args, "json", False):
        print(json.dumps(docs, ensure_ascii=False, indent=2))
        return 0
    if not docs:
        print(f"Zaak {args.zaaknummer} heeft nog geen documenten.")
    for d in docs:
        status = f"vervangen op {str(d['vervangen_op'])[:10]}" if d.get("vervangen_door") else "geldig"
        print(f"{str(d.get('toegevoegd', ''))[:19]:<20} {d.get('soort', ''):<24} {status:<24} {d.get('naam', '')}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``smi-tui import ZAAK.json``: store a case; prints the new zaaknummer."""
    data = lees_zaakbestand(args.zaak)
    opslag = _open()
    try:
        zaaknummer = opslag.nieuwe_zaak(data, _consulent(data), stap="import")
    except BaseException:
        opslag.sluit()
        raise
    try:
        opslag.sluit()
    except SchrijfFout:  # the case is stored (its dossier is written); only the list of cases lags behind
        print(zaaknummer)
        print(
            f"smi-tui: let op: zaak {zaaknummer} is opgeslagen, maar de lijst van zaken kon niet worden bijgewerkt "
            "(is de schijf vol?). Importeer het bestand niet opnieuw: de lijst wordt hersteld bij de volgende "
            "opdracht zodra er ruimte is, of met 'smi-tui controleer --herstel-index'.",
            file=sys.stderr,
        )
        return 0
    print(zaaknummer)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``smi-tui export ZAAKNUMMER [-o BESTAND]``: the case as JSON (for ``smi-tui beoordeel``)."""
    with _open() as opslag:
        data = opslag.laad(args.zaaknummer)
    tekst = json.dumps(valideer(data, f"zaak {args.zaaknummer}"), ensure_ascii=False, indent=2) + "\n"
    if args.uit is None:
        sys.stdout.write(tekst)
        return 0
    try:
        schrijf_atomair(Path(args.uit), tekst.encode("utf-8"))
    except OSError as exc:
        raise SmiFout(f"Het bestand {args.uit} kan niet worden geschreven: {schijfadvies(exc)}") from None
    print(f"Zaak {args.zaaknummer} geschreven naar {args.uit} (onversleuteld: bewaar het zorgvuldig).")
    return 0


def cmd_controleer(args: argparse.Namespace) -> int:
    """``smi-tui controleer [--herstel-index]``: verify dossiers, audit chains, documents and index."""
    with _open() as opslag:
        rapport = opslag.herstel_index() if getattr(args, "herstel_index", False) else opslag.controleer()
    print(rapport.tekst())
    return 0 if rapport.in_orde else 1


def cmd_backup(args: argparse.Namespace) -> int:
    """``smi-tui backup BESTAND``: one encrypted archive of the whole store."""
    with _open() as opslag:
        aantal = opslag.backup(args.bestand)
        afdruk = opslag._manifest.vingerafdruk()
    print(f"Backup geschreven naar {args.bestand} ({aantal} bestanden, versleuteld).")
    print(f"Vingerafdruk van de opslag bij deze backup: {afdruk} (noteer hem bij de backup).")
    return 0


def cmd_herstel(args: argparse.Namespace) -> int:
    """``smi-tui herstel BESTAND``: restore an archive into an empty data folder and verify it."""
    from storage.opslag import herstel_backup

    map_ = config.data_dir()
    rapport = herstel_backup(args.bestand, map_, wachtwoord())
    print(rapport.tekst())
    print(f"Backup teruggezet in {map_}.")
    return 0 if rapport.in_orde else 1


def cmd_wachtwoord(args: argparse.Namespace) -> int:
    """``smi-tui wachtwoord``: change the passphrase (the data key is rewrapped, files stay as they are)."""
    oud = wachtwoord()
    with Opslag.open(config.data_dir(), oud) as opslag:
        if getattr(args, "nieuwe_sleutel", False):
            aantal = opslag.vervang_sleutel(oud, nieuw_wachtwoord(ENV_NIEUW))
            print(f"Het wachtwoord en de sleutel zijn vervangen; {aantal} bestanden opnieuw versleuteld.")
            print("Oudere backups openen nog met het oude wachtwoord: maak een nieuwe backup en vernietig de oude.")
            return 0
        opslag.wijzig_wachtwoord(oud, nieuw_wachtwoord(ENV_NIEUW))
    print("Het wachtwoord is gewijzigd.")
    return 0


def _vandaag() -> Any:
    from datetime import date

    return date.today()


def cmd_opschonen(args: argparse.Namespace) -> int:
    """``smi-tui opschonen [--peildatum DATUM] [--ja]``: destroy closed dossiers whose retention period has passed."""
    from storage import bewaren

    peildatum = getattr(args, "peildatum", None) or _vandaag()
    if peildatum > _vandaag():
        raise SmiFout("De peildatum mag niet na vandaag liggen: vernietigen kan alleen wat nu al aan de beurt is.")
    jaren = bewaren.vereiste_bewaartermijn()
    with _open() as opslag:
        opgeruimd = bewaren.ruim_restanten_op(opslag)
        for zn in opgeruimd:
            print(f"Restanten van de eerder vernietigde zaak {zn} opgeruimd.")
        items = bewaren.te_vernietigen(opslag, peildatum, jaren)
        if not items:
            print(
                f"Er zijn geen dossiers om te vernietigen (peildatum {peildatum.isoformat()}, bewaartermijn {jaren} jaar)."
            )
            return 0
        print(f"Te vernietigen op peildatum {peildatum.isoformat()} (bewaartermijn {jaren} jaar na sluiting):")
        print(f"{'zaaknummer':<15} {'sluitdatum':<11} {'vernietigingsdatum'}")
        for it in items:
            print(f"{it.zaaknummer:<15} {it.sluitdatum.isoformat():<11} {it.vernietigingsdatum.isoformat()}")
        if not getattr(args, "ja", False):
            try:
                antwoord = input(f"Typ 'ja' om deze {len(items)} dossier(s) definitief te vernietigen: ")
            except EOFError:
                antwoord = ""
            if antwoord.strip().lower() != "ja":
                print("Niet bevestigd; er is niets vernietigd.")
                return 1
        entries = bewaren.opschonen(opslag, items, consulent=_consulent())
    docs = sum(int(e["aantal_documenten"]) for e in entries)
    print(
        f"{len(entries)} dossier(s) vernietigd, met {docs} document(en); in het logboek van de opslag staat alleen "
        "zaaknummer, data, wie en aantallen. Let op: backups van vóór vandaag bevatten deze dossiers nog — "
        "vernietig of vervang die volgens het back-upbeleid (zie storage/README.md)."
    )
    return 0


def cmd_inzage(args: argparse.Namespace, maak_pdf: MaakPdf | None = None) -> int:
    """``smi-tui inzage BSN -o MAP``: everything stored about a person (JSON, documents, readable PDF made with
    ``maak_pdf``, given by the composition root; without it the PDF is reported as to follow)."""
    from storage.inzage import controleer_bsn, schrijf_inzage

    bsn = controleer_bsn(args.bsn)
    with _open() as opslag:
        gegevens, pdf_melding = schrijf_inzage(opslag, bsn, Path(args.uit), consulent=_consulent(), maak_pdf=maak_pdf)
    aantal = len(gegevens["zaken"])
    docs = sum(len(z["documenten"]) for z in gegevens["zaken"])
    print(
        f"Inzage geschreven naar {args.uit}: {aantal} zaak/zaken, {docs} document(en)"
        + ("." if pdf_melding else ", met inzage.pdf.")
    )
    print("Let op: de map is onversleuteld. Geef de inhoud veilig aan de betrokkene en verwijder de map daarna.")
    if pdf_melding:
        print(pdf_melding, file=sys.stderr)
        return 0 if pdf_melding.startswith("PDF volgt") else 1
    return 0


def cmd_export_zgw(args: argparse.Namespace) -> int:
    """``smi-tui export-zgw ZAAKNUMMER -o MAP``: the case as ZGW-shaped JSON with its documents."""
    from storage.zgw import exporteer, instellingen

    ontleed_zaaknummer(args.zaaknummer)
    instellingen()  # a missing RSIN or zaaktype is said before the passphrase is asked
    with _open() as opslag:
        uit = exporteer(opslag, args.zaaknummer, Path(args.uit))
    print(
        f"Zaak {args.zaaknummer} als ZGW-JSON geschreven naar {args.uit} ({uit['besluiten']} besluit(en), "
        f"{uit['documenten']} document(en)); zie README.md in die map. De map is onversleuteld."
    )
    if uit["opmerkingen"]:
        print(
            f"Let op, {len(uit['opmerkingen'])} opmerking(en) (ook in README.md onder 'Opmerkingen bij deze export'):"
        )
        for opmerking in uit["opmerkingen"]:
            print(f"- {opmerking}")
    return 0


def cmd_import_zgw(args: argparse.Namespace) -> int:
    """``smi-tui import-zgw MAP``: store a case from a ZGW export of smi-tui; prints the zaaknummer."""
    from storage.zgw_import import importeer, lees_export

    lees_export(Path(args.map))  # check everything before the passphrase is asked and anything is stored
    with _open() as opslag:
        zaaknummer = importeer(opslag, Path(args.map), consulent=_consulent())
    print(zaaknummer)
    return 0


def _euro(cent: int | None) -> str:
    from smi_tui.geld import euro

    return "onbekend" if cent is None else euro(cent)


def cmd_budget(args: argparse.Namespace) -> int:
    """``smi-tui budget GEMEENTE [--jaar JJJJ]``: ceiling, committed and remaining, per case (zaaknummer only)."""
    from datetime import date

    from smi_tui.budget import budgetbalk, budgetoverzicht, budgetregel
    from smi_tui.register import Register
    from smi_tui.zaak import Zaak

    jaar = args.jaar if args.jaar is not None else date.today().year
    if not 2000 <= jaar <= 2100:
        raise SmiFout(f"Het jaar {jaar} valt buiten 2000-2100.")
    register = Register.laad()
    regeling, fout = None, None
    for peildatum in (date(jaar, 12, 31), date(jaar, 1, 1)):
        try:
            regeling = register.voor(args.gemeente, peildatum)
            break
        except SmiFout as f:
            fout = f
    if regeling is None:
        assert fout is not None
        raise fout
    with _open() as opslag:
        nummers = [r["zaaknummer"] for r in opslag._rijen() if r.get("gemeente") == args.gemeente]
        zaken = [(zn, Zaak.model_validate(opslag._lees_zaak(zn))) for zn in sorted(nummers) if opslag.bestaat(zn)]
    o = budgetoverzicht(regeling, jaar, zaken)
    print(f"Budget {o.jaar} — {regeling.citeertitel} ({o.artikel})")
    print(f"  plafond:      {_euro(o.plafond_cent)}" + (f"  ({o.plafond_bron})" if o.plafond_bron else ""))
    print(f"  vastgelegd:   {_euro(o.vastgelegd_cent)}")
    print(f"  gereserveerd: {_euro(o.gereserveerd_cent)}")
    print(f"  resterend:    {_euro(o.resterend_cent)}")
    balk = budgetbalk(o, 50)
    if balk is not None:  # the picture beneath the figures, with its legend: never on its own
        print(f"\n  [{balk.tekst()}]\n  {budgetregel(o)}")
    if o.rijen:
        print(f"\n{'zaaknummer':<15} {'status':<13} {'bedrag':>12} {'positie':>8} {'resterend ervoor':>17}  past")
    for r in o.rijen:
        past = "" if r.past is None else ("ja" if r.past else "nee")
        print(
            f"{r.zaaknummer:<15} {r.status:<13} {_euro(r.bedrag_cent):>12} {r.positie or '':>8}"
            f" {_euro(r.resterend_voor_cent) if r.resterend_voor_cent is not None else '':>17}  {past}"
        )
    if o.melding:
        print(f"\n{o.melding}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """``smi-tui sync [ZAAKNUMMER] [--status] [--instellen]``: send changed cases to the zaaksysteem (Open Zaak);
    ``--status`` lists what is pending without any network; ``--instellen`` stores the client secret encrypted."""
    from storage.zaaksysteem.cli import sync

    return sync(args, _open, _consulent)
