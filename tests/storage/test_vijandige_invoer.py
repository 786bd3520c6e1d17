"""Hostile case files for import, beoordeel and brief: deep nesting, huge numbers, NaN, a lone surrogate — a
Dutch message and exit 2, never a traceback, and nothing stored changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from opslag_hulp import hashes

from storage import Opslag

VIJANDIG = {
    "diep": "[" * 100_000 + "]" * 100_000,
    "diep-object": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "groot-getal": '{"regeling": 1' + "0" * 5000 + "}",
    "nan": '{"regeling": "eemnes", "melding": {"datum": NaN}}',
    "oneindig": '{"regeling": Infinity}',
    "surrogaat": '{"regeling": "\\ud800"}',
}


@pytest.mark.parametrize("opdracht", ["import", "beoordeel", "brief"])
@pytest.mark.parametrize("soort", list(VIJANDIG))
def test_vijandige_invoer_nl_melding_exit_2(
    cli, opslag: Opslag, map_: Path, tmp_path: Path, opdracht: str, soort: str
) -> None:
    opslag.sluit()
    voor = hashes(map_)
    bestand = tmp_path / f"{soort}.json"
    bestand.write_text(VIJANDIG[soort], encoding="utf-8")
    args = {
        "import": ("import", bestand),
        "beoordeel": ("beoordeel", bestand),
        "brief": ("brief", "ontvangstbevestiging", bestand, "-o", tmp_path / "b.pdf"),
    }[opdracht]
    code, _, err = cli(*args)
    assert code == 2, (code, err)
    assert "Traceback" not in err and "onverwachts" not in err and "should" not in err, err
    assert f"{soort}.json" in err, err  # names the file
    assert len(err) < 2000
    assert hashes(map_) == voor
    assert not (tmp_path / "b.pdf").exists()
