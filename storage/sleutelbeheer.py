"""The key file of an open store: changing the passphrase, raising the scrypt cost, replacing the data key (a mixin
of :class:`storage.opslag.Opslag`), and reading the key file."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.atomair import schrijf_atomair
from storage.crypto import Sleutelbestand, minimum_n
from storage.fouten import BeschadigdFout, OpslagFout
from storage.tinyopslag import schrijf_fout

SLEUTEL_NAAM = "sleutel.json"


class SleutelMixin:
    """Key-file methods of :class:`storage.opslag.Opslag`."""

    map: Path
    _sleutel: bytes
    _afleiding: bytes
    _sync: bool
    _dossiers: Any
    _index: Any
    _meta: Any
    _open: Any
    flush: Any
    schrijf_logboek: Any

    def wijzig_wachtwoord(self, oud: str, nieuw: str) -> None:
        """Rewrap the data key under a new passphrase (the files are not re-encrypted), at today's scrypt cost."""
        self._open()
        sb = lees_sleutelbestand(self.map)
        if sb.ontgrendel(oud) != self._sleutel:
            raise BeschadigdFout("Het sleutelbestand hoort niet bij deze geopende opslag.")
        self._herverpak(sb, oud, nieuw, "wachtwoord gewijzigd")

    def _herverpak(self, sb: Sleutelbestand, oud: str, nieuw: str, actie: str, *, vorige: bytes | None = None) -> None:
        """Write the key file anew: the data key wrapped under ``nieuw`` at (at least) today's scrypt cost, with the
        root of the derived keys when it differs from the data key, and ``vorige`` while files are re-encrypted."""
        extra = {"afleiding": self._afleiding} if self._afleiding != self._sleutel else {}
        if vorige is not None:
            extra["vorige"] = vorige
        nieuw_sb, _ = Sleutelbestand.nieuw(
            nieuw, scrypt_n=max(sb.scrypt_n, minimum_n()), data_sleutel=self._sleutel, beleid=oud != nieuw, extra=extra
        )
        try:
            schrijf_atomair(self.map / SLEUTEL_NAAM, nieuw_sb.bytes())
        except OSError as exc:
            if oud == nieuw and actie == "sleutel bijgewerkt":
                return  # the old key file still opens the store; the upgrade is tried again next time
            raise schrijf_fout("het sleutelbestand", exc) from None
        if vorige is None:
            with contextlib.suppress(OpslagFout):
                self.schrijf_logboek(actie, {"scrypt_n": nieuw_sb.scrypt_n})

    def vervang_sleutel(self, oud: str, nieuw: str) -> int:
        """A new data key (and passphrase ``nieuw``, which may be the same): every file re-encrypted, resumable after
        a crash (see :mod:`storage.sleutelwissel`); returns the number of files re-encrypted."""
        from storage.sleutelwissel import herversleutel

        self._open()
        sb = lees_sleutelbestand(self.map)
        if sb.ontgrendel(oud) != self._sleutel:
            raise BeschadigdFout("Het sleutelbestand hoort niet bij deze geopende opslag.")
        if oud != nieuw:
            from storage.crypto import controleer_nieuw_wachtwoord

            controleer_nieuw_wachtwoord(nieuw)
        self.flush()
        oude_sleutel = self._sleutel
        self._sleutel = AESGCM.generate_key(bit_length=256)
        self._dossiers.clear()  # their storages hold the old key
        self._index.clear()
        self._meta = None
        try:
            self._herverpak(sb, nieuw, nieuw, "sleutel vervangen", vorige=oude_sleutel)
        except BaseException:
            self._sleutel = oude_sleutel
            raise
        try:
            aantal = herversleutel(self.map, oude_sleutel, self._sleutel, sync=self._sync)
        except OSError as exc:
            raise schrijf_fout(
                "de opslag (bij het vervangen van de sleutel; de volgende keer gaat het verder)", exc
            ) from None
        self._herverpak(lees_sleutelbestand(self.map), nieuw, nieuw, "sleutel vervangen")
        return aantal


def lees_sleutelbestand(map_: Path) -> Sleutelbestand:
    """The key file of the store in ``map_``; a Dutch error if there is no store or the file is damaged."""
    pad = Path(map_) / SLEUTEL_NAAM
    try:
        data = pad.read_bytes()
    except FileNotFoundError:
        raise OpslagFout(f"In {map_} staat geen dossieropslag. Maak er een met 'smi-tui init'.") from None
    except OSError as exc:
        raise OpslagFout(f"Het sleutelbestand {pad} is niet leesbaar ({exc.strerror}).") from None
    return Sleutelbestand.lees(data, naam=f"Het sleutelbestand {pad}")
