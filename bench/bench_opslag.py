"""Benchmark of the dossier store: save latency vs. a plain atomic write, and listing many cases.

    python bench/bench_opslag.py [--snel] [--map MAP]

For 100, 1,000 and 10,000 dossiers (``--snel``: 100 and 1,000) it measures the median latency of a save of an
open case (a field that is not in the index, and a status change that also rewrites one index part) and
divides it by the median of a plain atomic fsync'd write of the same number of bytes in the same folder, in
the same run. It also times listing all cases from a freshly opened store (cold) and again (warm).
Targets: ratio < 3 at every size, listing 10,000 cases < 0.2 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage import Opslag
from storage.atomair import schrijf_atomair

WW = "benchmark-wachtwoord"


def voorbeeld(i: int) -> dict:
    """A realistic-sized case dict (names are synthetic)."""
    return {
        "regeling": random.choice(["eemnes", "utrecht", "amersfoort"]),
        "stap": "melding",
        "melding": {
            "datum": "2026-01-05",
            "gemeld_door": "ggd",
            "ouders": [
                {
                    "naam": f"Ouder {i}",
                    "bsn": None,
                    "adres": {
                        "straat": "Laan",
                        "huisnummer": str(i),
                        "postcode": "1234 AB",
                        "woonplaats": "Stad",
                    },
                }
            ],
            "kinderen": [{"naam": f"Kind {i}-{k}", "geboortedatum": "2022-03-01"} for k in range(2)],
            "omschrijving": "Situatie thuis vraagt om opvang. " * 20,
        },
        "gesprek": {"datum": "2026-01-12", "problematiek": "x" * 600, "hulpvragen": ["a", "b", "c"]},
    }


def mediaan_ms(tijden: list[float]) -> float:
    return statistics.median(tijden) * 1000


def meet(map_: Path, aantal_saves: int) -> dict[str, float]:
    with Opslag.open(map_, WW) as o:
        nummers = random.sample(o.zaaknummers(), 10)
        inhoud, status, basis = [], [], []
        for zn in nummers:
            z = o.laad(zn)  # the case the consulent has open
            for j in range(aantal_saves):
                z["gesprek"]["netwerk"] = f"notitie {j} {random.random()}"
                t = time.perf_counter()
                o.bewaar(zn, z, "bench", stap="gesprek")
                inhoud.append(time.perf_counter() - t)
                z["stap"] = ["gesprek", "verslag"][j % 2]
                t = time.perf_counter()
                o.bewaar(zn, z, "bench")
                status.append(time.perf_counter() - t)
                data = o.dossier_pad(zn).read_bytes()
                doel = map_ / "dossiers" / "bench-basislijn.bin"
                t = time.perf_counter()
                schrijf_atomair(doel, data)
                basis.append(time.perf_counter() - t)
        (map_ / "dossiers" / "bench-basislijn.bin").unlink()
    t = time.perf_counter()
    with Opslag.open(map_, WW) as o:
        t_open = time.perf_counter() - t
        t = time.perf_counter()
        n = len(o.lijst())
        koud = time.perf_counter() - t
        t = time.perf_counter()
        o.lijst()
        warm = time.perf_counter() - t
    return {
        "n": n,
        "save": mediaan_ms(inhoud),
        "status": mediaan_ms(status),
        "basis": mediaan_ms(basis),
        "open": t_open * 1000,
        "lijst_koud": koud * 1000,
        "lijst_warm": warm * 1000,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--snel", action="store_true", help="alleen 100 en 1.000 dossiers")
    p.add_argument("--map", type=Path, default=None, help="werkmap (standaard een tijdelijke map)")
    args = p.parse_args()
    random.seed(1)
    groottes = [100, 1_000] if args.snel else [100, 1_000, 10_000]
    werk = Path(tempfile.mkdtemp(prefix="smi-bench-", dir=args.map))
    map_ = werk / "opslag"
    try:
        Opslag.maak(map_, WW).sluit()  # production scrypt parameters: the KDF runs once per open
        gemaakt = 0
        print(
            f"{'dossiers':>9} {'bewaar ms':>10} {'+status ms':>11} {'basis ms':>9} {'ratio':>6} {'ratio+st':>9}"
            f" {'open ms':>8} {'lijst koud ms':>14} {'warm ms':>8} {'aanmaak s':>10}"
        )
        for n in groottes:
            t = time.perf_counter()
            with Opslag.open(map_, WW) as o:
                while gemaakt < n:
                    stap = min(500, n - gemaakt)
                    o.nieuwe_zaken([voorbeeld(gemaakt + i) for i in range(stap)], "bench")
                    gemaakt += stap
            aanmaak = time.perf_counter() - t
            r = meet(map_, 10)
            print(
                f"{r['n']:>9} {r['save']:>10.2f} {r['status']:>11.2f} {r['basis']:>9.2f}"
                f" {r['save'] / r['basis']:>6.2f} {r['status'] / r['basis']:>9.2f} {r['open']:>8.1f}"
                f" {r['lijst_koud']:>14.1f} {r['lijst_warm']:>8.1f} {aanmaak:>10.1f}",
                flush=True,
            )
    finally:
        shutil.rmtree(werk, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
