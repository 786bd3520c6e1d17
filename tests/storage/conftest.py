"""Fixtures of the store tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HIER = Path(__file__).resolve().parent
for _pad in (HIER.parents[1], HIER):  # the project root (`storage`) and this folder (`opslag_hulp`)
    if str(_pad) not in sys.path:
        sys.path.insert(0, str(_pad))

from opslag_hulp import TEST_N, WW  # noqa: E402

from storage import Opslag  # noqa: E402


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    return tmp_path / "opslag"


@pytest.fixture
def opslag(map_: Path):
    o = Opslag.maak(map_, WW, scrypt_n=TEST_N)
    yield o
    o.sluit()


@pytest.fixture
def cli(map_: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``smi-tui`` in-process on the test store: ``cli("opschonen", "--ja", invoer="ja\\n")`` →
    ``(exit code, stdout, stderr)``. Config file: ``tmp_path/config.toml`` (write it to configure)."""
    import io

    from smi_tui.__main__ import main

    for k in [k for k in os.environ if k.startswith("SMI_TUI_")]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("SMI_TUI_WACHTWOORD", WW)
    monkeypatch.setenv("SMI_TUI_SCRYPT_N", str(TEST_N))
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "config.toml"))

    def run(*args: object, invoer: str | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(invoer or ""))
        try:
            code = main(["--data-dir", str(map_), *map(str, args)])
        except SystemExit as exc:  # argparse refuses an argument
            code = int(exc.code or 0)
        uit = capsys.readouterr()
        return code, uit.out, uit.err

    return run
