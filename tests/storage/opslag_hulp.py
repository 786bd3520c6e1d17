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
