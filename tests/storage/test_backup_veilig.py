"""Backups and restores: a zip bomb is refused before unpacking, and every file written is private (0600/0700)."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest
from opslag_hulp import WW, zaak

from storage import Opslag
from storage.fouten import BeschadigdFout
from storage.opslag import herstel_backup

posix = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def _bom(pad: Path, *, groot: int = 0, veel: int = 0) -> None:
    with zipfile.ZipFile(pad, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("sleutel.json", "{}")
        zf.writestr("manifest.smi", b"x")
        if groot:
            with zf.open("bestanden/dossiers/SMI-2026-0001.smi", "w") as fh:
                blok = bytes(1 << 20)
                for _ in range(groot):
                    fh.write(blok)
        for i in range(veel):
            zf.writestr(f"bestanden/dossiers/SMI-2026-{i:04d}.smi", bytes(10_000))


@pytest.mark.parametrize(("groot", "veel"), [(64, 0), (0, 200)])
def test_zipbom_geweigerd_voor_uitpakken(tmp_path: Path, groot: int, veel: int) -> None:
    _bom(tmp_path / "bom.zip", groot=groot, veel=veel)
    assert (tmp_path / "bom.zip").stat().st_size < 2 << 20
    with pytest.raises(BeschadigdFout, match="zipbom"):
        herstel_backup(tmp_path / "bom.zip", tmp_path / "terug", WW)
    assert not (tmp_path / "terug").exists()


@posix
def test_backup_en_teruggezette_bestanden_zijn_prive(opslag: Opslag, tmp_path: Path) -> None:
    os.umask(0o022)
    zn = opslag.nieuwe_zaak(zaak(), "c")
    opslag.voeg_document_toe(zn, "a.pdf", "brief", b"%PDF-1.4 a")
    opslag.backup(tmp_path / "b.zip")
    assert stat.S_IMODE((tmp_path / "b.zip").stat().st_mode) == 0o600
    rapport = herstel_backup(tmp_path / "b.zip", tmp_path / "terug", WW)
    assert rapport.in_orde and rapport.vingerafdruk
    for p in [tmp_path / "terug", *(tmp_path / "terug").rglob("*")]:
        verwacht = 0o700 if p.is_dir() else 0o600
        assert stat.S_IMODE(p.stat().st_mode) == verwacht, p


@posix
def test_backup_volgt_geen_symlink(opslag: Opslag, tmp_path: Path) -> None:
    doel = tmp_path / "elders"
    doel.write_text("niet aanraken")
    (tmp_path / "b.zip").symlink_to(doel)
    with pytest.raises(Exception, match="bestaat al"):
        opslag.backup(tmp_path / "b.zip")
    assert doel.read_text() == "niet aanraken"


@pytest.mark.parametrize(
    "naam",
    [
        "C:dossiers/x.smi",
        "C:/x.smi",
        "c:\\x.smi",
        "//server/deel/x.smi",
        "\\\\server\\deel\\x.smi",
        "/abs/x.smi",
        "../x.smi",
        "dossiers/../../x.smi",
        "dossiers/x\n.smi",
        "dossiers/x.json",
        "dossiers\\x.smi",
    ],
)
def test_archiefnaam_buiten_de_map_geweigerd_ook_voor_windows(naam: str) -> None:
    from storage.backup import _veilig

    assert not _veilig(naam)


@pytest.mark.parametrize("naam", ["meta.smi", "dossiers/SMI-2026-0001.smi", "documenten/SMI-2026-0001/ab.smi"])
def test_gewone_archiefnaam_toegestaan(naam: str) -> None:
    from storage.backup import _veilig

    assert _veilig(naam)


@pytest.mark.parametrize("zn", ["SMI-2026-0001\n", "SMI-2026-0001\n../x", "SMI-2026-" + "9" * 5000, " SMI-2026-0001"])
def test_zaaknummer_verankerd_en_begrensd(zn: str) -> None:
    from storage.fouten import OpslagFout
    from storage.opslag import ontleed_zaaknummer

    with pytest.raises(OpslagFout, match="geen geldig zaaknummer"):
        ontleed_zaaknummer(zn)
