"""The markers ``ui`` and ``traag`` follow one rule (tests/conftest.py): tests under tests/ui are ``ui``; a test that
runs the real program in tmux says "tmux" in its file or name and is ``ui`` and ``traag``. Here: a test module that
starts the app elsewhere is caught by that rule, and the rule marks what it should."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# what starting the app looks like in a test: a pilot, the app class, or a tmux session
START = re.compile(r"\.run_test\(|SmiApp\(|tmuxhulp|\[\"tmux\"")


def test_wie_de_app_start_valt_onder_ui() -> None:
    buiten = []
    for pad in sorted((ROOT / "tests").rglob("test_*.py")):
        if (ROOT / "tests" / "ui") in pad.parents or "tmux" in pad.name:
            continue
        tekst = pad.read_text(encoding="utf-8")
        for m in START.finditer(tekst):
            # the test function around the match must say tmux in its name, or carry the marker itself
            voor = tekst[: m.start()]
            functie = re.findall(r"^(?:async )?def (test_\w+)", voor, re.M)
            if not (functie and "tmux" in functie[-1]) and "pytest.mark.ui" not in tekst:
                buiten.append(f"{pad.relative_to(ROOT)}: {m.group(0)}")
    assert not buiten, "start de app zonder marker ui (zet 'tmux' in de naam of @pytest.mark.ui):\n" + "\n".join(buiten)


class _Item:
    def __init__(self, pad: Path, naam: str) -> None:
        self.path, self.name, self.markers = pad, naam, set()

    def add_marker(self, marker: pytest.MarkDecorator) -> None:
        self.markers.add(marker.name)


def test_regel_markeert_zoals_bedoeld() -> None:
    from tests.conftest import pytest_collection_modifyitems

    items = [
        _Item(ROOT / "tests/ui/test_app.py", "test_iets"),
        _Item(ROOT / "tests/ui/test_tmux.py", "test_start"),
        _Item(ROOT / "tests/letters/test_afwijzing_tmux.py", "test_afwijzing"),
        _Item(ROOT / "tests/storage/test_geheimen_bij_fout.py", "test_tui_onverwachte_fout_bij_ontgrendelen_in_tmux"),
        _Item(ROOT / "tests/core/test_cli.py", "test_regelingen"),
    ]
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]  # stand-ins with the three attributes it uses
    assert [i.markers for i in items] == [{"ui"}, {"ui", "traag"}, {"ui", "traag"}, {"ui", "traag"}, set()]
