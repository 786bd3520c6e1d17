"""Backup and restore of the whole store as one archive.

The archive is a zip (stored, not compressed) of the already-encrypted files, the key file, and
``manifest.smi``: the SHA-256 of every file, encrypted and authenticated with the store's data key (role
``backup-manifest``). A changed, added or removed file, or a manifest from another store, is detected before
anything is restored. Restoring needs the passphrase that was valid when the backup was made.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from storage.atomair import fsync_map
from storage.crypto import Sleutelbestand, ontsleutel, versleutel
from storage.fouten import BeschadigdFout, OpslagFout
from storage.tinyopslag import schrijf_fout

if TYPE_CHECKING:
    from storage.opslag import Opslag

FORMAAT = "smi-tui-backup"
SLEUTEL = "sleutel.json"
MANIFEST = "manifest.smi"


def _bestanden(opslag: Opslag) -> list[str]:
    uit = []
    for pad in sorted(opslag.map.rglob("*.smi")):
        rel = pad.relative_to(opslag.map).as_posix()
        if not pad.name.startswith("."):
            uit.append(rel)
    return uit


def maak_backup(opslag: Opslag, doel: Path) -> int:
    """Write the archive to ``doel`` (atomically; refuses to overwrite); returns the number of files."""
    doel = Path(doel)
    if doel.exists():
        raise OpslagFout(f"Het bestand {doel} bestaat al; kies een andere naam.")
    if doel.resolve().is_relative_to(opslag.map.resolve()):
        raise OpslagFout("Zet de backup niet in de opslagmap zelf; kies een andere plaats.")
    tmp = doel.with_name(f".{doel.name}.{os.urandom(4).hex()}.tmp")
    hashes: dict[str, str] = {}
    vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, vlaggen, 0o600)  # private, never through a symlink or over another file
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED) as zf:
            sleutel = (opslag.map / SLEUTEL).read_bytes()
            zf.writestr(SLEUTEL, sleutel)
            for rel in _bestanden(opslag):
                data = (opslag.map / rel).read_bytes()
                hashes[rel] = hashlib.sha256(data).hexdigest()
                zf.writestr(f"bestanden/{rel}", data)
            manifest = {
                "formaat": FORMAAT,
                "versie": 1,
                "gemaakt": datetime.now(UTC).isoformat(timespec="seconds"),
                "sleutel_sha256": hashlib.sha256(sleutel).hexdigest(),
                "bestanden": hashes,
                "vingerafdruk": opslag._manifest.vingerafdruk(),  # the store's state at this backup (README)
            }
            zf.writestr(MANIFEST, versleutel(opslag._sleutel, "backup-manifest", json.dumps(manifest).encode()))
        with open(tmp, "rb+") as klaar:
            os.fsync(klaar.fileno())
        os.replace(tmp, doel)
        fsync_map(doel.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise schrijf_fout(f"de backup {doel}", exc) from None
    return len(hashes)


def _veilig(rel: str) -> bool:
    """A relative path inside the store on every platform: no "..", no absolute path, no drive letter or UNC path
    (``C:x``, ``C:\\x``, ``\\\\server``: harmless on POSIX, outside the folder on Windows), no control characters."""
    p, w = PurePosixPath(rel), PureWindowsPath(rel)
    return (
        not p.is_absolute()
        and not w.is_absolute()
        and not w.drive
        and not w.root
        and ".." not in p.parts
        and rel.endswith(".smi")
        and "\\" not in rel
        and ":" not in rel
        and rel.isprintable()
    )


MAX_BESTANDEN = 1_000_000
_KLEIN = 64 * 1024  # a small entry (the key file, JSON) may compress well; encrypted files do not compress at all


def _controleer_omvang(items: list[zipfile.ZipInfo], archief: int, naam: str) -> None:
    """Refuse an archive that would unpack to far more than it is (a zip bomb) before anything is unpacked. Every
    file in a backup is encrypted and so incompressible: a real backup unpacks to about its own size."""
    if len(items) > MAX_BESTANDEN:
        raise BeschadigdFout(f"{naam} bevat te veel bestanden ({len(items)}); het is geen smi-tui-backup.")
    totaal = 0
    for i in items:
        if i.file_size > max(_KLEIN, 4 * i.compress_size):
            raise BeschadigdFout(
                f"{naam} bevat een bestand dat uitpakt tot veel meer dan het groot is (een "
                "'zipbom'); het is geen smi-tui-backup. Er is niets teruggezet."
            )
        totaal += i.file_size
    if totaal > 4 * archief + _KLEIN:
        raise BeschadigdFout(
            f"{naam} pakt uit tot veel meer dan het groot is (een 'zipbom'); het is geen "
            "smi-tui-backup. Er is niets teruggezet."
        )


def lees_backup(bron: Path, wachtwoord: str) -> tuple[bytes, dict[str, bytes]]:
    """Read and fully verify an archive; returns the key file and the files (relative path → bytes)."""
    naam = f"De backup {bron}"
    try:
        with zipfile.ZipFile(bron) as zf:
            _controleer_omvang(zf.infolist(), Path(bron).stat().st_size, naam)
            inhoud = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    except FileNotFoundError:
        raise OpslagFout(f"Het bestand {bron} bestaat niet.") from None
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        raise BeschadigdFout(f"{naam} is geen leesbaar smi-tui-archief.") from None
    if SLEUTEL not in inhoud or MANIFEST not in inhoud:
        raise BeschadigdFout(f"{naam} is geen smi-tui-archief (sleutel of manifest ontbreekt).")
    sleutel = Sleutelbestand.lees(inhoud[SLEUTEL], naam=f"Het sleutelbestand in {bron}").ontgrendel(wachtwoord)
    try:
        manifest = json.loads(ontsleutel(sleutel, "backup-manifest", inhoud[MANIFEST], naam=f"Het manifest van {bron}"))
        hashes = dict(manifest["bestanden"])
        if manifest.get("formaat") != FORMAAT:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise BeschadigdFout(f"Het manifest van {bron} is onleesbaar.") from None
    if hashlib.sha256(inhoud[SLEUTEL]).hexdigest() != manifest.get("sleutel_sha256"):
        raise BeschadigdFout(f"Het sleutelbestand in {bron} hoort niet bij deze backup.")
    bestanden = {k.removeprefix("bestanden/"): v for k, v in inhoud.items() if k.startswith("bestanden/")}
    extra = set(inhoud) - {SLEUTEL, MANIFEST} - {f"bestanden/{k}" for k in bestanden}
    problemen = [f"onbekend bestand {k}" for k in sorted(extra)]
    problemen += [f"ontbreekt: {k}" for k in sorted(set(hashes) - set(bestanden))]
    problemen += [f"niet in het manifest: {k}" for k in sorted(set(bestanden) - set(hashes))]
    problemen += [
        f"gewijzigd: {k}"
        for k in sorted(set(hashes) & set(bestanden))
        if hashlib.sha256(bestanden[k]).hexdigest() != hashes[k]
    ]
    problemen += [f"ongeldige bestandsnaam: {k}" for k in sorted(bestanden) if not _veilig(k)]
    if problemen:
        raise BeschadigdFout(f"{naam} is beschadigd: " + "; ".join(problemen[:5]) + ". Er is niets teruggezet.")
    return inhoud[SLEUTEL], bestanden


def _schrijf_nieuw(pad: Path, data: bytes) -> None:
    """A new file, 0600, never through a symlink or over an existing file."""
    vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(pad, vlaggen, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def zet_terug(bron: Path, map_: Path, wachtwoord: str) -> None:
    """Write an archive, fully checked first, into an empty (or new) folder; :func:`storage.opslag.herstel_backup` then opens and checks it."""

    map_ = Path(map_)
    if map_.exists() and (not map_.is_dir() or any(map_.iterdir())):
        raise OpslagFout(f"De map {map_} is niet leeg. Zet een backup alleen terug in een lege of nieuwe map.")
    sleutel, bestanden = lees_backup(Path(bron), wachtwoord)
    try:
        map_.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name != "nt":
            os.chmod(map_, 0o700)
        for rel, data in bestanden.items():
            pad = map_ / rel
            for deel in reversed(pad.relative_to(map_).parents[:-1]):  # each folder 0700 (parents=True gives 0755)
                (map_ / deel).mkdir(exist_ok=True, mode=0o700)
            _schrijf_nieuw(pad, data)
        _schrijf_nieuw(map_ / SLEUTEL, sleutel)  # last: without a key file the folder is not a store yet
        fsync_map(map_)
    except OSError as exc:
        raise schrijf_fout(f"de teruggezette opslag in {map_}", exc) from None
