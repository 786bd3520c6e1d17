"""The import direction of DESIGN.md, enforced by the import-linter contracts in pyproject.toml.

`lint-imports` runs here, in the suite, so the README's test command (and so `.ci/run`) checks the contracts; the
second test proves the contracts bite on each kind of wrong import, so a contract loosened by mistake fails too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAKKETTEN = ("smi_tui", "screens", "storage", "letters")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sysconfig.get_path("scripts")) / ("lint-imports.exe" if os.name == "nt" else "lint-imports")
    assert exe.exists(), f"{exe} ontbreekt: installeer de testafhankelijkheden (pip install -e '.[test]')"
    # lint-imports reads the packages from its working directory (it puts it first on sys.path); --no-cache
    # leaves no cache folder behind in the work tree.
    return subprocess.run(
        [str(exe), "--no-cache", "--no-logo", "--config", str(ROOT / "pyproject.toml")],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_importcontracten_gehouden() -> None:
    uit = _lint_imports(ROOT)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "3 kept, 0 broken" in uit.stdout, uit.stdout  # direction, headless core, no cycles in storage


# One wrong import per rule of DESIGN.md, in a copy of the packages: each must break its contract.
FOUTEN = [
    ("letters", "import storage.opslag", "letters is not allowed to import storage"),
    ("storage", "from letters.inzage import maak_inzage", "storage is not allowed to import letters"),
    ("smi_tui", "import storage", "smi_tui is not allowed to import storage"),
    ("storage", "import screens.app", "storage is not allowed to import screens"),
    ("letters", "import screens", "letters is not allowed to import screens"),
    ("smi_tui", "import reportlab", "smi_tui is not allowed to import reportlab"),
    # smi_tui.__main__ may compose the packages, but not import textual itself
    ("smi_tui", "import textual", "smi_tui is not allowed to import textual"),
]


@pytest.mark.traag
@pytest.mark.parametrize(("pakket", "regel", "melding"), FOUTEN)
def test_verkeerde_import_breekt_een_contract(tmp_path: Path, pakket: str, regel: str, melding: str) -> None:
    for naam in PAKKETTEN:
        shutil.copytree(ROOT / naam, tmp_path / naam, ignore=shutil.ignore_patterns("__pycache__"))
    module = "__main__.py" if regel == "import textual" else "_verkeerd.py"
    pad = tmp_path / pakket / module
    pad.write_text((pad.read_text(encoding="utf-8") if pad.exists() else "") + f"\n{regel}\n", encoding="utf-8")
    uit = _lint_imports(tmp_path)
    assert uit.returncode != 0 and melding in uit.stdout, uit.stdout + uit.stderr
