"""The privacy notice a letter gives when the municipality first collects a parent's data (AVG art. 13): who is
responsible, why and on which basis, who receives the data, how long it is kept, the parent's rights and how to
reach the functionaris gegevensbescherming (``privacy_fg`` in config.toml). The wording is the template
``letters/sjablonen/privacy.txt``, which the ontvangstbevestiging includes; this module gives its facts."""

from __future__ import annotations

from typing import Any

from smi_tui import config
from smi_tui.regeling import Regeling


def bewaartermijn_jaren() -> int | None:
    """The retention period in years as configured for the store (``bewaartermijn_jaren``), else None: the privacy
    notice then cites the Archiefwet's rule (the wording is in letters/sjablonen/privacy.txt)."""
    jaren: Any = config.lees_config().get("bewaartermijn_jaren")
    if isinstance(jaren, int) and not isinstance(jaren, bool) and 1 <= jaren <= 120:
        return jaren
    return None


def fg_contact(r: Regeling) -> str:
    """How to reach the FG: the municipality's own text from config.toml, else the municipality's general route."""
    eigen = config.brieftekst("privacy_fg", r.gemeente_code)
    if eigen:
        return eigen.rstrip(".")
    hs = r.huisstijl
    if hs.email:
        return f"via de gemeente {r.gemeente}, e-mail {hs.email}"
    if hs.telefoon:
        return f"via de gemeente {r.gemeente}, telefoon {hs.telefoon.replace(' ', chr(0xA0))}"
    return f"via de gemeente {r.gemeente}, {', '.join([*hs.postadres])}"
