"""Encryption at rest: AES-256-GCM with a random data key, wrapped by a key derived from the passphrase.

File format of every encrypted file (dossier, index part, meta, document, backup manifest)::

    b"SMIO" | version (1 byte) | nonce (12 bytes) | AES-256-GCM ciphertext + 16-byte tag

The additional authenticated data (AAD) is the 17-byte header plus the file's *role* (for example
``dossier:SMI-2026-0001`` or ``document:SMI-2026-0001:3f2a...``). The role is not stored; the reader supplies
it from the file it means to read, so a file that was swapped with another one fails authentication.

The key file (``sleutel.json``, plaintext JSON, nothing personal in it) holds the scrypt parameters, the salt
and the wrapped data key. Default scrypt parameters: ``n=2**15, r=8, p=1`` (32 MiB, about 0.1 s), stated in
the file itself. The parameters are authenticated as AAD of the wrapped key. Changing the passphrase rewraps
the data key; the files themselves are not re-encrypted.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from storage.fouten import BeschadigdFout, WachtwoordFout

MAGIC = b"SMIO"
VERSIE = 1
HEADER_LEN = len(MAGIC) + 1 + 12
SLEUTEL_FORMAAT = "smi-tui-sleutel"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_WACHTWOORD = 8


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: Any) -> bytes:
    if not isinstance(s, str):
        raise ValueError("geen tekst")
    return base64.b64decode(s.encode("ascii"), validate=True)


def versleutel(sleutel: bytes, rol: str, data: bytes) -> bytes:
    """Encrypt ``data`` for the file with role ``rol``; returns header + ciphertext."""
    nonce = os.urandom(12)
    header = MAGIC + bytes([VERSIE]) + nonce
    return header + AESGCM(sleutel).encrypt(nonce, data, header + b"\x00" + rol.encode("utf-8"))


def ontsleutel(sleutel: bytes, rol: str, blob: bytes, *, naam: str) -> bytes:
    """Decrypt a file from :func:`versleutel`; raise :class:`BeschadigdFout` (naming ``naam``) on failure."""
    if len(blob) < HEADER_LEN + 16 or blob[:4] != MAGIC:
        raise BeschadigdFout(f"{naam} is beschadigd: geen geldig opslagbestand.")
    if blob[4] != VERSIE:
        raise BeschadigdFout(f"{naam} heeft een onbekende bestandsversie ({blob[4]}); werk smi-tui bij.")
    header, nonce = blob[:HEADER_LEN], blob[5:HEADER_LEN]
    try:
        return AESGCM(sleutel).decrypt(nonce, blob[HEADER_LEN:], header + b"\x00" + rol.encode("utf-8"))
    except InvalidTag:
        raise BeschadigdFout(
            f"{naam} is beschadigd of gewijzigd buiten smi-tui om (de echtheidscontrole mislukt)."
        ) from None


def controleer_nieuw_wachtwoord(wachtwoord: str) -> None:
    """Refuse an empty or too short new passphrase with a Dutch message."""
    if not wachtwoord:
        raise WachtwoordFout("Het wachtwoord mag niet leeg zijn.")
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise WachtwoordFout(f"Kies een wachtwoord van minstens {MIN_WACHTWOORD} tekens.")


def _kek(wachtwoord: str, zout: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=zout, length=32, n=n, r=r, p=p).derive(wachtwoord.encode("utf-8"))


def _aad(doc: dict[str, Any]) -> bytes:
    kern = {k: v for k, v in doc.items() if k not in ("nonce", "sleutel")}
    return json.dumps(kern, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Sleutelbestand:
    """The parsed key file: scrypt parameters, salt and the wrapped data key."""

    doc: dict[str, Any]

    @staticmethod
    def nieuw(
        wachtwoord: str, *, scrypt_n: int = SCRYPT_N, data_sleutel: bytes | None = None
    ) -> tuple[Sleutelbestand, bytes]:
        """A new key file for ``wachtwoord``; returns it with the (new or given) 32-byte data key."""
        controleer_nieuw_wachtwoord(wachtwoord)
        _controleer_params(scrypt_n, SCRYPT_R, SCRYPT_P)
        sleutel = data_sleutel or AESGCM.generate_key(bit_length=256)
        zout, nonce = os.urandom(16), os.urandom(12)
        doc: dict[str, Any] = {
            "formaat": SLEUTEL_FORMAAT,
            "versie": VERSIE,
            "opmerking": "Versleutelde sleutel van een smi-tui-opslag. Niet wijzigen; bewaar een backup.",
            "kdf": {"naam": "scrypt", "n": scrypt_n, "r": SCRYPT_R, "p": SCRYPT_P, "zout": _b64(zout)},
            "cipher": "AES-256-GCM",
        }
        kek = _kek(wachtwoord, zout, scrypt_n, SCRYPT_R, SCRYPT_P)
        doc["nonce"] = _b64(nonce)
        doc["sleutel"] = _b64(AESGCM(kek).encrypt(nonce, sleutel, _aad(doc)))
        return Sleutelbestand(doc), sleutel

    @staticmethod
    def lees(data: bytes, *, naam: str = "Het sleutelbestand") -> Sleutelbestand:
        """Parse a key file; a damaged one raises :class:`BeschadigdFout` (never a traceback)."""
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("formaat") != SLEUTEL_FORMAAT:
                raise ValueError("formaat")
            if doc.get("versie") != VERSIE:
                raise ValueError("versie")
            kdf = doc["kdf"]
            if kdf.get("naam") != "scrypt":
                raise ValueError("kdf")
            _controleer_params(kdf["n"], kdf["r"], kdf["p"])
            if len(_unb64(kdf["zout"])) < 16 or len(_unb64(doc["nonce"])) != 12:
                raise ValueError("zout/nonce")
            if len(_unb64(doc["sleutel"])) != 48:
                raise ValueError("sleutel")
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise BeschadigdFout(
                f"{naam} is beschadigd of geen smi-tui-sleutelbestand. Zet een backup terug (smi-tui herstel)."
            ) from None
        return Sleutelbestand(doc)

    def ontgrendel(self, wachtwoord: str) -> bytes:
        """The data key; a wrong passphrase raises :class:`WachtwoordFout`."""
        if not wachtwoord:
            raise WachtwoordFout("Geen wachtwoord opgegeven.")
        kdf = self.doc["kdf"]
        kek = _kek(wachtwoord, _unb64(kdf["zout"]), kdf["n"], kdf["r"], kdf["p"])
        try:
            return AESGCM(kek).decrypt(_unb64(self.doc["nonce"]), _unb64(self.doc["sleutel"]), _aad(self.doc))
        except InvalidTag:
            raise WachtwoordFout(
                "Het wachtwoord is onjuist (of het sleutelbestand is beschadigd). Er is niets gewijzigd."
            ) from None

    @property
    def scrypt_n(self) -> int:
        """The scrypt cost parameter ``n`` of this key file."""
        return int(self.doc["kdf"]["n"])

    def bytes(self) -> bytes:
        """The key file as it is written to disk."""
        return (json.dumps(self.doc, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _controleer_params(n: Any, r: Any, p: Any) -> None:
    # Bounds keep a crafted key file from demanding gigabytes of memory.
    for v in (n, r, p):
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise ValueError("kdf-parameter")
    if n < 2**4 or n > 2**20 or n & (n - 1) or r > 32 or p > 16:
        raise ValueError("kdf-parameter")
