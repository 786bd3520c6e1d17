"""The dossier store of smi-tui: encrypted, crash-safe, one writer, audited (see storage/README.md).

Public API::

    from storage import Opslag
    with Opslag.open(map_, wachtwoord) as opslag:
        zn = opslag.nieuwe_zaak(zaak, consulent="A. de Vries")
        opslag.bewaar(zn, zaak, consulent="A. de Vries", stap="gesprek")
"""

from storage.controle import Rapport, ZaakControle
from storage.documenten import tijdelijk_bestand
from storage.fouten import BeschadigdFout, OpslagFout, OpslagInGebruik, SchrijfFout, WachtwoordFout
from storage.opslag import IndexRij, Opslag, ontleed_zaaknummer

__all__ = [
    "BeschadigdFout",
    "IndexRij",
    "Opslag",
    "OpslagFout",
    "OpslagInGebruik",
    "Rapport",
    "SchrijfFout",
    "WachtwoordFout",
    "ZaakControle",
    "ontleed_zaaknummer",
    "tijdelijk_bestand",
]
