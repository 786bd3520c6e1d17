"""Shared helpers of the store tests. Cheap scrypt parameters (n=2**10) are for tests only."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WW = "correct paard batterij"
TEST_N = 2**10

ZAAK: dict[str, Any] = {
    "regeling": "eemnes",
    "stap": "gesprek",
    "melding": {
        "datum": "2026-01-05",
        "gemeld_door": "ggd",
        "ouders": [
            {
                "naam": "Anna de Boer-Visser",
                "bsn": "111222333",
                "adres": {
                    "straat": "Kastanjelaan",
                    "huisnummer": "17",
                    "postcode": "3755 AB",
                    "woonplaats": "Eemnes",
                },
            }
        ],
        "kinderen": [{"naam": "Sem de Boer", "geboortedatum": "2023-04-01"}],
    },
}
GEHEIMEN = [b"111222333", b"Anna", b"Visser", b"Kastanjelaan", b"3755 AB", b"Sem de Boer", b"Eemnes"]


def zaak(**extra: Any) -> dict[str, Any]:
    """A fresh copy of the sample case (valid for ``smi_tui.zaak.Zaak``), optionally with extra keys."""
    z = copy.deepcopy(ZAAK)
    z.update(extra)
    return z


def hashes(map_: Path) -> dict[str, str]:
    """SHA-256 of every file under ``map_`` (to prove that nothing changed)."""
    return {
        p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(map_.rglob("*"))
        if p.is_file()
    }


def ander_persoon(**extra: Any) -> dict[str, Any]:
    """A valid case of another family (nothing in common with ``ZAAK``'s person, except the regulation)."""
    z = zaak(**extra)
    z["melding"]["ouders"][0] = {
        "naam": "Bram Jansen",
        "bsn": "123456721",
        "adres": {"straat": "Dorpsstraat", "huisnummer": "3", "postcode": "3741 AA", "woonplaats": "Baarn"},
    }
    z["melding"]["kinderen"][0] = {"naam": "Lotte Jansen", "geboortedatum": "2023-05-02", "bsn": "123456733"}
    return z


def ontsleuteld(map_: Path, wachtwoord: str = WW) -> dict[str, bytes]:
    """Every file of the store decrypted (``sleutel.json`` as is); fails on a file whose role is unknown."""
    from storage.crypto import ontsleutel
    from storage.opslag import lees_sleutelbestand

    sleutel = lees_sleutelbestand(map_).ontgrendel(wachtwoord)
    uit: dict[str, bytes] = {}
    for p in sorted(map_.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(map_).as_posix()
        delen = rel.split("/")
        if rel in ("sleutel.json", "slot"):
            uit[rel] = p.read_bytes()
            continue
        if rel == "meta.smi":
            rol = "meta"
        elif rel == "concept.smi":
            rol = "concept"
        elif rel == "opslagmanifest.smi":
            rol = "manifest"
        elif delen[0] == "index":
            rol = f"index:{delen[1][:-4]}"
        elif delen[0] == "dossiers":
            rol = f"dossier:{delen[1][:-4]}"
        elif delen[0] == "documenten":
            rol = f"document:{delen[1]}:{delen[2][:-4]}"
        else:
            raise AssertionError(f"onbekend bestand in de opslag: {rel}")
        uit[rel] = ontsleutel(sleutel, rol, p.read_bytes(), naam=rel)
    return uit
