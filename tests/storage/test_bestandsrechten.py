"""Plaintext only where the consulent sends it: every output of the command line is private (files 0600, folders
0700), whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from opslag_hulp import zaak

from storage import Opslag

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def _modi(pad: Path) -> dict[str, int]:
    paden = [pad, *pad.rglob("*")] if pad.is_dir() else [pad]
    return {str(p.relative_to(pad.parent)): stat.S_IMODE(p.stat().st_mode) for p in paden}


def test_elke_uitvoer_is_prive(cli, opslag: Opslag, map_: Path, tmp_path: Path) -> None:
    from test_opslag_zgw import CONFIG

    oud = os.umask(0o022)
    try:
        zn = opslag.nieuwe_zaak(zaak(), "c")
        opslag.voeg_document_toe(zn, "a.pdf", "brief", b"%PDF-1.4 a")
        opslag.sluit()
        (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
        opdrachten = {
            "export.json": ("export", zn, "-o", tmp_path / "export.json"),
            "zgw": ("export-zgw", zn, "-o", tmp_path / "zgw"),
            "brief.pdf": ("brief", "ontvangstbevestiging", zn, "-o", tmp_path / "brief.pdf"),
            "backup.zip": ("backup", tmp_path / "backup.zip"),
        }
        for naam, args in opdrachten.items():
            code, _, err = cli(*args)
            assert code == 0, (naam, err)
            for rel, modus in _modi(tmp_path / naam).items():
                verwacht = 0o700 if (tmp_path / rel).is_dir() else 0o600
                assert modus == verwacht, (rel, oct(modus))
        code, _, err = cli("--data-dir", tmp_path / "terug", "herstel", tmp_path / "backup.zip")
        assert code == 0, err
        for rel, modus in _modi(tmp_path / "terug").items():
            assert modus == (0o700 if (tmp_path / rel).is_dir() else 0o600), (rel, oct(modus))
    finally:
        os.umask(oud)
