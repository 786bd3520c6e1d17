"""Fixtures of the store tests."""

from __future__ import annotations

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
