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
    res = subprocess.run(
        [lint],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": str(ROOT / ".venv" / "bin"), "PYTHONPATH": str(ROOT)},
    )
    uit = res.stdout + res.stderr
    assert res.returncode == 0 and "no module imports a module that imports it back KEPT" in uit, uit[-3000:]


def test_alleen_type_imports_worden_genegeerd() -> None:
    """The contract ignores storage.X -> storage.opslag edges: each must be an `if TYPE_CHECKING:` import only
    (a runtime import there would be a real cycle the contract no longer sees)."""
    import ast
    import tomllib

    regels = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    [contract] = [c for c in regels if c["type"] == "acyclic_siblings" and c["ancestors"] == ["storage"]]
    for regel in contract["ignore_imports"]:
        bron, doel = (d.strip() for d in regel.split("->"))
        boom = ast.parse((ROOT / f"{bron.replace('.', '/')}.py").read_text("utf-8"))
        type_only = {
            id(n)
            for node in ast.walk(boom)
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
            for n in ast.walk(node)
        }
        runtime = [
            n for n in ast.walk(boom) if isinstance(n, ast.ImportFrom) and n.module == doel and id(n) not in type_only
        ]
        assert runtime == [], f"{bron} imports {doel} at run time"


def test_geen_module_van_storage_boven_400_regels() -> None:
    te_lang = {
        p.name: n for p in (ROOT / "storage").glob("*.py") if (n := len(p.read_text("utf-8").splitlines())) > 400
    }
    assert te_lang == {}, te_lang


def test_opslag_laadt_zonder_cyclus() -> None:
    """Each module can be imported first, on its own (an import cycle would show as an ImportError here)."""
    for p in sorted((ROOT / "storage").glob("*.py")):
        res = subprocess.run(
            [sys.executable, "-c", f"import storage.{p.stem}"], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert res.returncode == 0, (p.name, res.stderr[-1000:])
