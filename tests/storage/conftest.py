"""Fixtures of the store tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the project is not installed in the venv; make `storage` importable
    sys.path.insert(0, str(ROOT))

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
