"""Benchmark: ``smi-tui sync`` of N cases (each with two letters, closed) against the local Open Zaak of
``../shared/openzaak/start.sh``: wall time, round trips per case, and what a re-sync of the unchanged cases costs
(it should send nothing).

Run: ``bash ../shared/openzaak/start.sh && .venv/bin/python bench/bench_sync.py [N]`` (N = 100 by default). It reads
``OZ_*`` from the environment or from start.sh's ``openzaak.env``; a temporary store, loopback only.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "storage"))


def main() -> int:
    from test_zaaksysteem_openzaak import OZ, _bereikbaar, uniek

    from storage import Opslag
    from storage.zaaksysteem import instellingen
    from storage.zaaksysteem.sync import Synchronisatie
    from storage.zaaksysteem.verbinding import Verbinding

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    reden = _bereikbaar()
    if reden:
        print(f"bench_sync: overgeslagen: {reden}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cfg_pad = Path(tmp) / "config.toml"
        cfg_pad.write_text(
            f'rsin = "{OZ["OZ_RSIN"]}"\nzgw_zaaktype = "{OZ["OZ_ZAAKTYPE_URL"]}"\n'
            f'zgw_besluittype = "{OZ["OZ_BESLUITTYPE_URL"]}"\nzgw_informatieobjecttype = "{OZ["OZ_INFORMATIEOBJECTTYPE_URL"]}"\n'
            f'zaaksysteem_url = "{OZ["OZ_BASE_URL"]}"\nzaaksysteem_client_id = "{OZ["OZ_CLIENT_ID"]}"\n'
        )
        os.environ["SMI_TUI_CONFIG"] = str(cfg_pad)
        jaar = random.randint(3000, 9999)  # zaaknummers of their own on a server that outlives the run
        Opslag._jaar = staticmethod(lambda: jaar)  # type: ignore[method-assign]
        data = json.loads((ROOT / "voorbeelden" / "eemnes-toekenning.json").read_text())
        data["gesloten_op"] = date.today().isoformat()
        pdf = b"%PDF-1.4\n" + b"0" * 50_000 + b"\n%%EOF\n"  # about the size of a beschikking
        with Opslag.maak(Path(tmp) / "opslag", "Wachtzin voor de bench 2026!", scrypt_n=2**10) as opslag:
            uniek(opslag)
            nummers = opslag.nieuwe_zaken([data] * n, "J. Visser", stap="besluit")
            for zn in nummers:
                opslag.voeg_document_toe(zn, "beschikking.pdf", "beschikking", pdf, consulent="J. Visser")
                opslag.voeg_document_toe(zn, "plan-van-aanpak.pdf", "plan_van_aanpak", pdf, consulent="J. Visser")
            cfg = instellingen()
            for ronde in ("eerste sync", "opnieuw (ongewijzigd)"):
                v = Verbinding(
                    cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], OZ["OZ_CLIENT_SECRET"], "J. Visser"
                )
                s = Synchronisatie(opslag, v, cfg)
                t = time.perf_counter()
                fouten = [u for u in (s.zaak(zn) for zn in nummers) if u.fout or u.conflicten]
                duur = time.perf_counter() - t
                v.sluit()
                print(
                    f"{ronde:<22} {n} zaken in {duur:6.1f} s ({duur / n * 1000:6.0f} ms per zaak), "
                    f"{v.aantal} verzoeken ({v.aantal / n:.1f} per zaak), {len(fouten)} met fout/conflict"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
