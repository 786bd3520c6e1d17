"""Typing latency (key to paint) with autosave on, as a ratio against the same typing with autosave off.

    python bench/bench_typen.py [--rondes 3] [--woorden 12]

A pilot opens a case at the gesprek (Heemstede example, 100×40) and types into the "Aard van de problematiek" text
area like a person: words of five to nine letters, 0.08 s between keys, and a pause of 0.7 s after each word — long
enough for the autosave (0.5 s after the last change, ``screens.stapconcept.BEWAAR_NA``) to read the form and for
the save thread to encrypt and write the dossier while the next word is typed. Each key is posted as the terminal
would post it; its time runs until the text area holds the new character and one refresh later (painted). The
same typing runs with ``SmiApp(autosave=False)`` (the form is then kept only when the step is left), in fresh apps,
interleaved: off, on, off, on, … Printed: the median and 90th percentile per mode, the ratio of the medians
(target ≤ 1.2) and how many drafts the autosave wrote.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WACHTWOORD = "correct paard batterij nietje"
WOORDEN = ["moeder", "herstelt", "langzaam", "van", "operatie", "mag", "niet", "tillen", "vader", "werkt",
           "nachtdienst", "oma", "woont", "ver", "weg"]  # fmt: skip


def maak_opslag(map_: Path) -> str:
    """A store with one case at its gesprek (the Heemstede example); returns its zaaknummer."""
    from storage import Opslag

    zaak = json.loads((ROOT / "voorbeelden" / "heemstede-toekenning.json").read_text())
    zaak["stap"] = "gesprek"
    zaak.pop("besluit", None)  # a sent beschikking makes the case read-only (its fields disabled: nothing to type)
    with Opslag.maak(map_, WACHTWOORD, scrypt_n=1024) as o:
        return o.nieuwe_zaak(zaak, consulent="bench")


async def typ(map_: Path, zaaknummer: str, autosave: bool, woorden: int) -> tuple[list[float], int]:
    """Type ``woorden`` words into the gesprek; the latency of every key, and the drafts written."""
    import os

    from textual import events
    from textual.message import Message
    from textual.widgets import TextArea

    from screens.app import SmiApp
    from screens.berichten import ConceptGewijzigd
    from screens.gesprek import GesprekScherm

    os.environ["SMI_TUI_WACHTWOORD"] = WACHTWOORD
    concepten = 0

    def haak(bericht: Message) -> None:
        nonlocal concepten
        if isinstance(bericht, ConceptGewijzigd):
            concepten += 1

    app = SmiApp(
        map_,
        vandaag=lambda: date(2026, 5, 4),
        printer=lambda p: "",
        consulent="bench",
        vergrendel_na=3600,
        autosave=autosave,
    )
    tijden: list[float] = []
    async with app.run_test(size=(100, 40), message_hook=haak) as pilot:
        while not app.rijen:
            await pilot.pause(0.05)
        await pilot.pause(1.0)  # the step modules and regulations load on a thread after the list
        app.open_zaak(zaaknummer)
        while not isinstance(app.screen, GesprekScherm) or not app.screen.opgebouwd:
            await pilot.pause(0.01)
        await pilot.pause(1.0)  # the neighbouring steps are built ahead
        vak = app.screen.query_one("#v-gesprek-problematiek", TextArea)
        vak.focus()
        vak.move_cursor(vak.document.end)
        await pilot.pause(0.2)
        for i in range(woorden):
            for teken in " " + WOORDEN[i % len(WOORDEN)]:
                lengte = len(vak.text)
                t = time.perf_counter()
                app._driver.send_message(events.Key("space" if teken == " " else teken, teken))
                while len(vak.text) == lengte:
                    await asyncio.sleep(0.0005)
                geverfd = asyncio.get_running_loop().create_future()
                app.call_after_refresh(geverfd.set_result, None)
                await geverfd
                tijden.append(time.perf_counter() - t)
                await asyncio.sleep(0.08)
            await asyncio.sleep(0.7)
        app._wacht_op_bewaren()
    app.sluit()
    return tijden, concepten


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rondes", type=int, default=3, help="rondes per stand (uit, aan, uit, aan, …)")
    p.add_argument("--woorden", type=int, default=12)
    args = p.parse_args()
    gemeten: dict[bool, list[float]] = {False: [], True: []}
    geschreven = 0
    with tempfile.TemporaryDirectory() as tmp:
        for ronde in range(args.rondes):
            for autosave in (False, True):
                map_ = Path(tmp) / f"data-{ronde}-{autosave}"
                zn = maak_opslag(map_)
                tijden, concepten = asyncio.run(typ(map_, zn, autosave, args.woorden))
                gemeten[autosave] += tijden
                geschreven += concepten if autosave else 0
                print(
                    f"  ronde {ronde + 1}, autosave {'aan' if autosave else 'uit'}: mediaan "
                    f"{statistics.median(tijden) * 1000:.2f} ms over {len(tijden)} toetsen, "
                    f"{concepten} concepten",
                    file=sys.stderr,
                )

    def cijfers(x: list[float]) -> str:
        p90 = statistics.quantiles(x, n=10)[-1]
        return f"mediaan {statistics.median(x) * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms"

    uit, aan = gemeten[False], gemeten[True]
    print(f"typen zonder autosave: {cijfers(uit)} ({len(uit)} toetsen)")
    print(f"typen met autosave:    {cijfers(aan)} ({len(aan)} toetsen, {geschreven} concepten bewaard)")
    print(f"verhouding medianen {statistics.median(aan) / statistics.median(uit):.2f} (doel <= 1,2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
