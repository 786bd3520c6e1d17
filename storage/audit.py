"""The audit trail of a dossier: field-level diffs, hash-chained entries, and chain verification.

Each entry holds the time (ISO, UTC), the OS user, the consulent, the step, the action and the changed fields
(dotted paths with old and new values; they live inside the encrypted dossier). ``vorige`` is the hash of the
previous entry (64 zeros for the first); ``hash`` is SHA-256 over the canonical JSON of the entry without it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

NUL_HASH = "0" * 64


def _flatten(waarde: Any, prefix: str, uit: dict[str, Any]) -> None:
    if isinstance(waarde, dict) and waarde:
        for k, v in waarde.items():
            _flatten(v, f"{prefix}.{k}" if prefix else str(k), uit)
    elif isinstance(waarde, list) and waarde:
        for i, v in enumerate(waarde):
            _flatten(v, f"{prefix}.{i}" if prefix else str(i), uit)
    else:
        uit[prefix] = waarde


def plat(data: Any) -> dict[str, Any]:
    """Flatten nested dicts and lists to ``{"a.b.0.c": value}`` (empty containers stay as leaves)."""
    uit: dict[str, Any] = {}
    _flatten(data, "", uit)
    return uit


CONCEPTEN = "concepten"
"""A case's drafts (``Zaak.concepten``: what is typed in a step, saved about a second after each pause by the
autosave). The audit names the step whose draft changed, without its text: a draft is not a decision (completing
the step records every value), and with the text every pause would copy the whole draft into the trail again —
a long motivering made it grow with the square of its length."""


def verschil(oud: Any, nieuw: Any) -> list[dict[str, Any]]:
    """The changed dotted paths between two case dicts, each ``{"veld", "oud", "nieuw"}`` (absent = None); a
    changed draft is one entry ``concepten.<stap>`` without values (see :data:`CONCEPTEN`)."""
    oud, nieuw = dict(oud or {}), dict(nieuw or {})
    wijzigingen = []
    c_oud, c_nieuw = oud.pop(CONCEPTEN, None) or {}, nieuw.pop(CONCEPTEN, None) or {}
    for stap in sorted(set(c_oud) | set(c_nieuw)):
        if c_oud.get(stap) != c_nieuw.get(stap):
            wat = "concept verwijderd" if stap not in c_nieuw else "concept bewaard"
            wijzigingen.append({"veld": f"{CONCEPTEN}.{stap}", "oud": None, "nieuw": wat})
    a, b = plat(oud), plat(nieuw)
    for veld in sorted(a.keys() | b.keys()):
        if veld not in b or veld not in a or a[veld] != b[veld] or type(a[veld]) is not type(b[veld]):
            wijzigingen.append({"veld": veld, "oud": a.get(veld), "nieuw": b.get(veld)})
    return wijzigingen


def gebruiker() -> str:
    """The OS user name, or ``"onbekend"`` when the platform cannot tell."""
    try:
        return getpass.getuser()
    except Exception:  # KeyError/OSError/ImportError depending on platform and version
        return "onbekend"


def canoniek(data: Any) -> bytes:
    """Canonical JSON (sorted keys, no spaces, UTF-8) used for hashing."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON of ``entry`` without its ``hash`` and ``mac`` fields."""
    return hashlib.sha256(canoniek({k: v for k, v in entry.items() if k not in ("hash", "mac")})).hexdigest()


def mac(sleutel: bytes, entry: dict[str, Any]) -> str:
    """HMAC-SHA-256 under the store's audit key over ``entry`` (its ``hash`` and ``vorige`` included, so the MACs
    chain too): only the key holder can add or change an entry without :func:`controleer_keten` naming it. The
    plain ``hash`` chain stays, so an export can still be checked without the key (``import-zgw``)."""
    import hmac

    return hmac.new(sleutel, canoniek({k: v for k, v in entry.items() if k != "mac"}), hashlib.sha256).hexdigest()


def nieuwe_entry(
    *,
    nr: int,
    vorige: str,
    consulent: str,
    stap: str | None,
    actie: str,
    wijzigingen: list[dict[str, Any]],
    mac_sleutel: bytes | None = None,
) -> dict[str, Any]:
    """A new, hashed (and with ``mac_sleutel`` keyed) audit entry that follows the entry with hash ``vorige``."""
    entry: dict[str, Any] = {
        "nr": nr,
        "tijd": datetime.now(UTC).isoformat(timespec="microseconds"),
        "gebruiker": gebruiker(),
        "consulent": consulent,
        "stap": stap,
        "actie": actie,
        "wijzigingen": wijzigingen,
        "vorige": vorige,
    }
    entry["hash"] = entry_hash(entry)
    if mac_sleutel is not None:
        entry["mac"] = mac(mac_sleutel, entry)
    return entry


def controleer_keten(
    entries: list[dict[str, Any]],
    kop: str | None = None,
    *,
    mac_sleutel: bytes | None = None,
    mac_vanaf: int | None = None,
) -> list[str]:
    """Problems in a chain (Dutch, empty if intact); ``kop`` is the head hash recorded in the dossier. With
    ``mac_sleutel`` the MACs are checked too: from entry ``mac_vanaf`` on (recorded in the dossier) and after the
    first entry that has one, every entry must carry a correct one (older entries, from before keyed chains, have
    none; they are bound by the hash chain into the first keyed entry)."""
    import hmac

    problemen: list[str] = []
    vorige = NUL_HASH
    gesleuteld = False
    for i, e in enumerate(entries, start=1):
        if mac_sleutel is not None:
            gesleuteld = gesleuteld or "mac" in e or (mac_vanaf is not None and i >= mac_vanaf)
            if gesleuteld and not hmac.compare_digest(str(e.get("mac", "")), mac(mac_sleutel, e)):
                problemen.append(f"auditregel {i}: de sleutelcontrole (HMAC) klopt niet: buiten smi-tui om gewijzigd")
        if e.get("nr") != i:
            problemen.append(f"auditregel {i}: volgnummer {e.get('nr')!r} verwacht {i}")
        if e.get("vorige") != vorige:
            problemen.append(f"auditregel {i}: de keten is verbroken (verwijzing naar vorige regel klopt niet)")
        if e.get("hash") != entry_hash(e):
            problemen.append(f"auditregel {i}: de inhoud is gewijzigd (hash klopt niet)")
        vorige = str(e.get("hash"))
    if kop is not None and vorige != kop:
        problemen.append("de audittrail is ingekort of vervangen (laatste hash klopt niet met het dossier)")
    return problemen
