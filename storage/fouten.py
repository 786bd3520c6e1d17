"""Errors of the store; each carries a Dutch message for the consulent (see ``smi_tui.fouten``)."""

from __future__ import annotations

from smi_tui.fouten import SmiFout


class OpslagFout(SmiFout):
    """Something about the dossier store is wrong: missing, damaged, unwritable."""


class WachtwoordFout(OpslagFout):
    """The passphrase is empty, too short or does not unlock the store."""


class OpslagInGebruik(OpslagFout):
    """Another window or program already holds the store's lock."""


class BeschadigdFout(OpslagFout):
    """A file of the store failed authentication or does not parse: damaged or tampered with."""


class SchrijfFout(OpslagFout):
    """A save failed (disk full, no permission, I/O error); the previous version is intact."""
