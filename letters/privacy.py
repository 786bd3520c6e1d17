"""The privacy notice a letter gives when the municipality first collects a parent's data (AVG art. 13): who is
responsible, why and on which basis, who receives the data, how long it is kept, the parent's rights and how to
reach the functionaris gegevensbescherming (``privacy_fg`` in config.toml)."""

from __future__ import annotations

from typing import Any

from letters import huisstijl as h
from smi_tui import config
from smi_tui.regeling import Regeling


def _bewaren() -> str:
    """The retention period as configured for the store (``bewaartermijn_jaren``), else the Archiefwet's rule."""
    jaren: Any = config.lees_config().get("bewaartermijn_jaren")
    if isinstance(jaren, int) and not isinstance(jaren, bool) and 1 <= jaren <= 120:
        return f"Wij bewaren uw gegevens {jaren} jaar nadat uw dossier is gesloten; daarna vernietigen wij ze."
    return ("Wij bewaren uw gegevens zo lang als de Archiefwet en de selectielijst voor gemeenten voorschrijven; "
            "daarna vernietigen wij ze.")  # fmt: skip


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


def privacyblok(r: Regeling) -> list:
    """The AVG art. 13 notice as a short section: purpose, basis, recipients, retention, rights, FG, complaint."""
    return [
        *h.kop("Wat doen wij met uw gegevens?"),
        h.p(f"Het college van burgemeester en wethouders van {r.gemeente} is verantwoordelijk voor uw gegevens. Wij "
            "gebruiken ze alleen om uw melding en aanvraag voor kinderopvang op sociaal-medische indicatie te "
            "beoordelen, daarover te beslissen en de tegemoetkoming uit te voeren. Dat is een taak van algemeen "
            f"belang die de gemeente uitvoert op grond van de {r.citeertitel} (artikel 6 lid 1 onder e van de "
            "Algemene verordening gegevensbescherming, AVG)."),
        h.p("Wij geven uw gegevens alleen door als dat nodig is: aan een (medisch) deskundige als wij met uw "
            "toestemming advies vragen, en aan de kinderopvangorganisatie als wij aan haar betalen. "
            + _bewaren()),
        h.p("U mag uw gegevens inzien en laten verbeteren of aanvullen. U kunt ook vragen ze te wissen of het "
            "gebruik te beperken, en bezwaar maken tegen het gebruik (artikel 15 tot en met 21 AVG). Heeft u een "
            f"vraag of klacht over uw privacy? Neem contact op met de functionaris gegevensbescherming, "
            f"{fg_contact(r)}. U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens."),
    ]  # fmt: skip
