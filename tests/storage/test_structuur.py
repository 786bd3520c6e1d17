"""The store's structure stays as issue 13 left it: no import cycles between its modules (import-linter contract in
pyproject.toml) and no module over 400 lines."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from opslag_hulp import ROOT


def test_geen_importcycli_in_storage() -> None:
    lint = shutil.which("lint-imports", path=str(ROOT / ".venv" / "bin")) or shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter ontbreekt (pip install -e '.[test]')")
    res = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": str(ROOT / ".venv" / "bin"), "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert res.returncode == 0 and "1 kept, 0 broken" in res.stdout, res.stdout[-2000:] + res.stderr[-2000:]


def test_geen_module_van_storage_boven_400_regels() -> None:
    te_lang = {
        p.name: n for p in (ROOT / "storage").glob("*.py") if (n := len(p.read_text("utf-8").splitlines())) > 400
    }
    assert te_lang == {}, te_lang


def test_opslag_laadt_zonder_cyclus() -> None:
    """Each module can be imported first, on its own (an import cycle would show as an ImportError here)."""
    for p in sorted((ROOT / "storage").glob("*.py")):
        res = subprocess.run([sys.executable, "-c", f"import storage.{p.stem}"], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)  # fmt: skip
        assert res.returncode == 0, (p.name, res.stderr[-1000:])
