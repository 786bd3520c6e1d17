"""The retention period (``bewaartermijn_jaren`` in config.toml) and a dossier's destruction date; used by the
case list (``samenvatting``) and by retention (``bewaren``), so it lives apart from both."""

from __future__ import annotations

from datetime import date
from typing import Any

from smi_tui import config
from smi_tui.datums import plus_maanden
from smi_tui.fouten import SmiFout

CONFIG_SLEUTEL = "bewaartermijn_jaren"
SELECTIELIJST = "Selectielijst gemeenten en intergemeentelijke organen 2020, procestype 8 'Voorzieningen verstrekken'"


class GeenBewaartermijn(SmiFout):
    """No (valid) retention period configured; the administrator has to set one."""

    exit_code = 2


def bewaartermijn_jaren() -> int | None:
    """The configured retention period in whole years, or None when none is set. A wrong value is an error."""
    waarde: Any = config.lees_config().get(CONFIG_SLEUTEL)
    if waarde is None:
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not 1 <= waarde <= 120:
        raise GeenBewaartermijn(
            f"'{CONFIG_SLEUTEL}' in het configuratiebestand {config.config_bestand()} moet een heel aantal jaren "
            f"zijn (1 tot en met 120), niet {waarde!r}."
        )
    return waarde


def vereiste_bewaartermijn() -> int:
    """The retention period, or a Dutch message telling the administrator to set it."""
    jaren = bewaartermijn_jaren()
    if jaren is None:
        raise GeenBewaartermijn(
            f"Er is geen bewaartermijn ingesteld. De functioneel beheerder zet in het configuratiebestand "
            f"{config.config_bestand()} de regel '{CONFIG_SLEUTEL} = <aantal jaren na sluiting van het dossier>', "
            f"na overleg met de archivaris of DIV welke termijn de gemeente hanteert ({SELECTIELIJST}). "
            "Zonder bewaartermijn wordt niets vernietigd."
        )
    return jaren


def vernietigingsdatum(sluitdatum: date, jaren: int | None = None) -> date | None:
    """``sluitdatum`` plus the retention period (29 February + 1 year → 28 February); None without a period."""
    jaren = bewaartermijn_jaren() if jaren is None else jaren
    if jaren is None:
        return None
    return plus_maanden(sluitdatum, 12 * jaren)
