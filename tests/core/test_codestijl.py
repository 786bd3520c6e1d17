"""`ruff check` on the whole repository, in the suite, so the README's test command (and so `.ci/run`) lints."""

from __future__ import annotations

import os
import subprocess
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_check_schoon() -> None:
    exe = Path(sysconfig.get_path("scripts")) / ("ruff.exe" if os.name == "nt" else "ruff")
    assert exe.exists(), f"{exe} ontbreekt: installeer de testafhankelijkheden (pip install -e '.[test]')"
    # --no-cache: no .ruff_cache written by the suite; the rules are [tool.ruff] in pyproject.toml
    uit = subprocess.run(
        [str(exe), "check", "--no-cache", "--output-format", "concise", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
