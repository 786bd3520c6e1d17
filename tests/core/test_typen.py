"""mypy over smi_tui, storage, letters and screens with the settings of ``[tool.mypy]`` in pyproject.toml.

mypy runs here, in the suite, so the README's test command (and so ``.ci/run``) checks the types, as
tests/core/test_importregels.py does for the import contracts. Its cache lives in the system's temporary folder,
outside the work tree, one per checkout: the first run checks everything (about 6 s on one core), a later run only
what changed (about 1 s). The other tests prove that the settings bite: strict on the core, basic elsewhere, and no
``# type: ignore`` without its error code and a reason.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAKKETTEN = ("smi_tui", "storage", "letters", "screens")


def _cache() -> Path:
    """A cache folder outside the tree, one per checkout (two work trees never share or fight over one)."""
    sleutel = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"smi-tui-mypy-{sleutel}"


def _mypy(cwd: Path, *args: str, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(cache or _cache()),
            "--no-error-summary",
            "--hide-error-context",
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_mypy_zonder_fouten() -> None:
    uit = _mypy(ROOT)
    assert uit.returncode == 0, uit.stdout + uit.stderr


# A module with the same faults, put in each package of a scratch tree: the core must refuse what strict refuses;
# the other packages only what the basic level does (a wrong type in an annotated function).
FOUTEN = """
def zonder_typen(x):
    return x


def verkeerd(x: int) -> str:
    return x
"""


def test_strikt_op_de_kern_basis_elders(tmp_path: Path) -> None:
    for pakket in PAKKETTEN:
        (tmp_path / pakket).mkdir()
        if pakket != "screens":  # as in the tree: screens is a namespace package
            (tmp_path / pakket / "__init__.py").write_text("", encoding="utf-8")
        (tmp_path / pakket / "proef.py").write_text(FOUTEN, encoding="utf-8")
    uit = _mypy(tmp_path, *PAKKETTEN, cache=tmp_path / "cache")
    regels = uit.stdout.splitlines()
    for pakket in PAKKETTEN:
        fouten = {m.group(1) for r in regels if (m := re.match(rf"{pakket}/proef\.py:\d+: error: .*\[([a-z-]+)\]$", r))}
        assert "return-value" in fouten, uit.stdout  # an annotated function is checked everywhere
        if pakket == "smi_tui":
            assert "no-untyped-def" in fouten, uit.stdout  # strict: every function annotated
        else:
            assert "no-untyped-def" not in fouten, uit.stdout


IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[^\]]*\])?(?P<rest>.*)$")


def _zonder_reden(regels: list[str]) -> list[int]:
    """The (0-based) lines whose ``# type: ignore`` lacks an error code or a reason: a comment after it on the
    line, or a comment line right above it."""
    uit = []
    for i, regel in enumerate(regels):
        m = IGNORE.search(regel)
        if m is None:
            continue
        erna = m.group("rest").strip()
        reden = (erna.startswith("#") and erna.lstrip("#").strip()) or (i > 0 and regels[i - 1].strip().startswith("#"))
        if not m.group("code") or not reden:
            uit.append(i)
    return uit


def test_elke_type_ignore_met_code_en_reden() -> None:
    """mypy itself refuses an ignore without a code (``ignore-without-code``) and one that is not needed
    (``warn_unused_ignores``); the reason is ours."""
    zonder = []
    for pakket in PAKKETTEN:
        for pad in sorted((ROOT / pakket).rglob("*.py")):
            regels = pad.read_text(encoding="utf-8").splitlines()
            zonder += [f"{pad.relative_to(ROOT)}:{i + 1}: {regels[i].strip()}" for i in _zonder_reden(regels)]
    assert not zonder, "type: ignore zonder foutcode of reden:\n" + "\n".join(zonder)


def test_de_controle_op_redenen_bijt() -> None:
    regels = [
        "a = f()  # type: ignore",  # no code
        "b = f()  # type: ignore[attr-defined]",  # no reason
        "c = f()  # type: ignore[attr-defined]  # Windows only",
        "# the stubs lack it",
        "d = f()  # type: ignore[attr-defined]",
        "e = f()",
    ]
    assert _zonder_reden(regels) == [0, 1]
