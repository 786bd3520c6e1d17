"""Encryption at rest: AES-256-GCM with a random data key, wrapped by a key derived from the passphrase.

File format of every encrypted file (dossier, index part, meta, document, backup manifest)::

    b"SMIO" | version (1 byte) | nonce (12 bytes) | AES-256-GCM ciphertext + 16-byte tag

The additional authenticated data (AAD) is the 17-byte header plus the file's *role* (for example
``dossier:SMI-2026-0001`` or ``document:SMI-2026-0001:3f2a...``). The role is not stored; the reader supplies
it from the file it means to read, so a file that was swapped with another one fails authentication.

The key file (``sleutel.json``, plaintext JSON, nothing personal in it) holds the scrypt parameters, the salt
and the wrapped data key. Scrypt parameters: ``n=2**17, r=8, p=1`` (128 MiB), OWASP's current minimum (Password
Storage Cheat Sheet, "scrypt"), stated in the file itself; a key file with lower ones (older stores: ``n=2**15``) is
rewrapped at the next unlock. The parameters are authenticated as AAD of the wrapped key, and bounded *before* any
work (memory ``128·n·r`` at most 256 MiB, ``p`` at most 4), so a crafted key file cannot demand gigabytes and
minutes before a wrong passphrase is rejected. Changing the passphrase rewraps the data key; the files themselves
are not re-encrypted.
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
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1  # OWASP Password Storage Cheat Sheet: N=2^17, r=8, p=1 at least
TEST_N = 2**10  # the cheapest cost accepted at all: only in the test suite (see minimum_n)
MAX_GEHEUGEN = 2**28  # 256 MiB: 128 * n * r
MAX_P = 4


def minimum_n() -> int:
    """The scrypt cost a new or upgraded key file gets: OWASP's minimum. Only while pytest runs (it sets
    ``PYTEST_VERSION``, also for the subprocesses of a test) may ``SMI_TUI_SCRYPT_N`` lower it, to at least 2**10."""
    if not os.environ.get("PYTEST_VERSION"):
        return SCRYPT_N
    try:
        return max(TEST_N, int(os.environ.get("SMI_TUI_SCRYPT_N") or TEST_N))
    except ValueError:
        return TEST_N


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
    """Refuse an empty, short or guessable new passphrase with Dutch advice (``smi_tui.geheimen``)."""
    from smi_tui.geheimen import wachtzin_advies

    if not wachtwoord:
        raise WachtwoordFout("Het wachtwoord mag niet leeg zijn.")
    advies, goed = wachtzin_advies(wachtwoord)
    if not goed:
        raise WachtwoordFout(f"Dit wachtwoord is niet sterk genoeg. {advies} Er is niets gewijzigd.")


def _kek(wachtwoord: str, zout: bytes, n: int, r: int, p: int) -> bytes:
    _controleer_params(n, r, p)
    tekens = bytearray(wachtwoord.encode("utf-8"))
    try:
        return Scrypt(salt=zout, length=32, n=n, r=r, p=p).derive(tekens)
    finally:
        tekens[:] = bytes(len(tekens))  # this copy, at least, does not outlive the derivation


def _aad(doc: dict[str, Any]) -> bytes:
    # "extra" holds further wrapped keys, each with its own nonce; their names are in "extra_namen" (authenticated)
    kern = {k: v for k, v in doc.items() if k not in ("nonce", "sleutel", "extra")}
    return json.dumps(kern, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Sleutelbestand:
    """The parsed key file: scrypt parameters, salt and the wrapped data key."""

    doc: dict[str, Any]

    @staticmethod
    def nieuw(
        wachtwoord: str,
        *,
        scrypt_n: int = SCRYPT_N,
        data_sleutel: bytes | None = None,
        beleid: bool = True,
        extra: dict[str, bytes] | None = None,
    ) -> tuple[Sleutelbestand, bytes]:
        """A new key file for ``wachtwoord``; returns it with the (new or given) 32-byte data key. ``beleid=False``
        skips the passphrase policy: only to rewrap an existing store's key under its accepted passphrase. ``extra``
        are further 32-byte keys wrapped the same way (``afleiding``: the root of the derived keys once the data key
        was replaced; ``vorige``: the replaced data key while files are being re-encrypted)."""
        if beleid:
            controleer_nieuw_wachtwoord(wachtwoord)
        scrypt_n = max(scrypt_n, minimum_n())  # a lower cost only in the test suite
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
        if extra:
            doc["extra_namen"] = sorted(extra)
        kek = _kek(wachtwoord, zout, scrypt_n, SCRYPT_R, SCRYPT_P)
        doc["nonce"] = _b64(nonce)
        doc["sleutel"] = _b64(AESGCM(kek).encrypt(nonce, sleutel, _aad(doc)))
        if extra:
            doc["extra"] = {}
            for naam, waarde in extra.items():
                n2 = os.urandom(12)
                doc["extra"][naam] = _b64(n2 + AESGCM(kek).encrypt(n2, waarde, _aad(doc) + b"\x00" + naam.encode()))
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
            try:
                _controleer_params(kdf["n"], kdf["r"], kdf["p"])
            except ValueError:
                raise BeschadigdFout(
                    f"{naam} vraagt onmogelijke sleutelparameters (scrypt n={kdf.get('n')!r:.20}, r={kdf.get('r')!r:.20}, "
                    f"p={kdf.get('p')!r:.20}); het is beschadigd of vervalst. Zet een backup terug (smi-tui herstel)."
                ) from None
            if len(_unb64(kdf["zout"])) < 16 or len(_unb64(doc["nonce"])) != 12:
                raise ValueError("zout/nonce")
            if len(_unb64(doc["sleutel"])) != 48:
                raise ValueError("sleutel")
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError):
            raise BeschadigdFout(
                f"{naam} is beschadigd of geen smi-tui-sleutelbestand. Zet een backup terug (smi-tui herstel)."
            ) from None
        return Sleutelbestand(doc)

    def ontgrendel(self, wachtwoord: str) -> bytes:
        """The data key; a wrong passphrase raises :class:`WachtwoordFout`."""
        return self.ontsluit(wachtwoord)[0]

    def ontsluit(self, wachtwoord: str) -> tuple[bytes, dict[str, bytes]]:
        """The data key and the extra keys (see :meth:`nieuw`); a wrong passphrase raises :class:`WachtwoordFout`."""
        if not wachtwoord:
            raise WachtwoordFout("Geen wachtwoord opgegeven.")
        kdf = self.doc["kdf"]
        kek = _kek(wachtwoord, _unb64(kdf["zout"]), kdf["n"], kdf["r"], kdf["p"])
        try:
            sleutel = AESGCM(kek).decrypt(_unb64(self.doc["nonce"]), _unb64(self.doc["sleutel"]), _aad(self.doc))
        except InvalidTag:
            raise WachtwoordFout(
                "Het wachtwoord is onjuist (of het sleutelbestand is beschadigd). Er is niets gewijzigd."
            ) from None
        extra: dict[str, bytes] = {}
        try:
            for naam in self.doc.get("extra_namen") or []:
                blob = _unb64(self.doc["extra"][naam])
                extra[naam] = AESGCM(kek).decrypt(blob[:12], blob[12:], _aad(self.doc) + b"\x00" + naam.encode())
        except (InvalidTag, KeyError, TypeError, ValueError):
            raise BeschadigdFout("Het sleutelbestand is beschadigd (een extra sleutel klopt niet).") from None
        return sleutel, extra

    @property
    def scrypt_n(self) -> int:
        """The scrypt cost parameter ``n`` of this key file."""
        return int(self.doc["kdf"]["n"])

    def bytes(self) -> bytes:
        """The key file as it is written to disk."""
        return (json.dumps(self.doc, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _controleer_params(n: Any, r: Any, p: Any) -> None:
    # Bounds keep a crafted key file from demanding gigabytes of memory or minutes of work (checked before any).
    for v in (n, r, p):
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise ValueError("kdf-parameter")
    if n < TEST_N or n & (n - 1) or r > 32 or p > MAX_P or 128 * n * r > MAX_GEHEUGEN:
        raise ValueError("kdf-parameter")
