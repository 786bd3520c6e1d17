"""The ``smi-tui sync`` command (wired in ``storage.cli``; the parser is in ``smi_tui.__main__``)."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from storage.zaaksysteem import geheim_uit_omgeving, instellingen
from storage.zaaksysteem.register import Register
from storage.zaaksysteem.verbinding import Geweigerd, Onbereikbaar, Verbinding, ZaaksysteemFout

if TYPE_CHECKING:
    from storage.opslag import Opslag


def _instellen(opslag: Opslag, cfg: dict[str, str]) -> int:
    geheim = geheim_uit_omgeving()
    if geheim is None:
        try:
            geheim = getpass.getpass(f"Geheim (client secret) van client '{cfg['zaaksysteem_client_id']}': ").strip()
        except EOFError:
            geheim = ""
    if not geheim:
        raise ZaaksysteemFout("Geen geheim opgegeven; er is niets bewaard.")
    Register(opslag).zet_geheim(cfg["zaaksysteem_client_id"], geheim)
    print(f"Het geheim van client '{cfg['zaaksysteem_client_id']}' is versleuteld in de opslag bewaard.")
    return 0


def lees_geheim(opslag: Opslag, cfg: dict[str, str], slot: contextlib.AbstractContextManager[Any] | None = None) -> str:
    """The client secret: kept in the store (``--instellen``), else from ``SMI_TUI_ZAAKSYSTEEM_GEHEIM``; a Dutch
    error when neither. ``slot``: the app's store lock."""
    bewaard = Register(opslag, slot).lees_geheim()
    if bewaard and bewaard.get("client_id") == cfg["zaaksysteem_client_id"]:
        return str(bewaard["geheim"])
    geheim = geheim_uit_omgeving()
    if geheim:
        return geheim
    raise ZaaksysteemFout(
        f"Er is geen geheim bewaard voor client '{cfg['zaaksysteem_client_id']}'. Laat de functioneel beheerder het "
        "eenmalig invoeren met 'smi-tui sync --instellen'."
    )


def _status(opslag: Opslag, cfg: dict[str, str]) -> int:
    from storage.zaaksysteem.sync import te_synchroniseren

    open_ = te_synchroniseren(opslag, cfg)
    if not open_:
        print("Alle zaken zijn gesynchroniseerd met het zaaksysteem; er staat niets klaar.")
        return 0
    print(f"{len(open_)} zaak/zaken wachten op de sync met het zaaksysteem:")
    for zn, reden in open_:
        print(f"{zn:<15} {reden}")
    return 0


def sync(args: argparse.Namespace, open_opslag: Callable[[], Opslag], consulent: Callable[..., str]) -> int:
    """Run ``smi-tui sync``; exit 0 when everything is in the zaaksysteem, 1 when a case has a conflict or an
    error (reported per case in Dutch), 3 when the server is unreachable or refuses the client."""
    cfg = instellingen()  # a missing setting is said before the passphrase is asked
    with open_opslag() as opslag:
        if getattr(args, "instellen", False):
            return _instellen(opslag, cfg)
        if getattr(args, "status", False):
            return _status(opslag, cfg)
        if getattr(args, "ophalen", None):
            return _ophalen(opslag, cfg, args.ophalen, consulent())
        return _draai(opslag, cfg, getattr(args, "zaaknummer", None), consulent())


def _ophalen(opslag: Opslag, cfg: dict[str, str], wat: str, wie: str) -> int:
    from storage.zaaksysteem.ophalen import haal_op

    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], lees_geheim(opslag, cfg), wie or "smi-tui")
    try:
        zn = haal_op(opslag, v, cfg, wat, consulent=wie)
    except (Onbereikbaar, Geweigerd) as fout:
        print(f"smi-tui: {fout.melding}", file=sys.stderr)
        return 3
    finally:
        v.sluit()
    print(
        f"Zaak {wat} is overgenomen als {zn}; u kunt haar hier offline verder behandelen. De volgende "
        "'smi-tui sync' koppelt haar aan dezelfde zaak in het zaaksysteem."
    )
    return 0


def _draai(opslag: Opslag, cfg: dict[str, str], alleen: str | None, wie: str) -> int:
    from storage.zaaksysteem.sync import Synchronisatie

    if alleen is not None and not opslag.bestaat(alleen):
        raise ZaaksysteemFout(f"Zaak {alleen} bestaat niet in deze opslag.")
    v = Verbinding(cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], lees_geheim(opslag, cfg), wie or "smi-tui")
    s = Synchronisatie(opslag, v, cfg)
    uitkomsten: list[Any] = []
    try:
        for zn in [alleen] if alleen else opslag.zaaknummers():
            u = s.zaak(zn)
            uitkomsten.append(u)
            if u.ongewijzigd:
                continue
            if u.fout:
                print(f"{zn}: niet (helemaal) gesynchroniseerd: {u.fout}", file=sys.stderr)
            for o in u.opmerkingen:
                print(f"{zn}: let op: {o}", file=sys.stderr)
            for c in u.conflicten:
                print(f"{zn}: conflict: {c}", file=sys.stderr)
            if not u.fout and not u.conflicten:
                delen = [f"{u.aangemaakt} aangemaakt", f"{u.bijgewerkt} bijgewerkt"]
                if u.teruggevonden:
                    delen.append(f"{u.teruggevonden} al in het zaaksysteem gevonden")
                print(f"{zn}: gesynchroniseerd ({', '.join(delen)}) {u.url}")
    except (Onbereikbaar, Geweigerd) as fout:
        print(f"smi-tui: {fout.melding}", file=sys.stderr)
        return 3
    finally:
        v.sluit()
    gelijk = sum(1 for u in uitkomsten if u.ongewijzigd)
    mis = [u for u in uitkomsten if u.fout or u.conflicten]
    print(
        f"Sync klaar: {len(uitkomsten) - gelijk - len(mis)} zaak/zaken bijgewerkt, {gelijk} ongewijzigd "
        f"(niets verstuurd), {len(mis)} met een fout of conflict; {v.aantal} verzoek(en) aan het zaaksysteem."
    )
    return 1 if mis else 0
