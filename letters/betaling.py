"""Who is paid, as the decision states it. A regulation that pays 'aan de ouder of de opvangorganisatie' (Eemnes
artikel 3.7 lid 1) leaves the choice to the college; the letter never repeats that choice to the parent but states
the one made: ``betaling_aan`` in config.toml (``[brieven."<gemeente_code>"]`` or ``[brieven]``), else the
opvangorganisatie, which sends the monthly invoice the regulation pays on."""

from __future__ import annotations

from letters import gegevens as g
from smi_tui import config
from smi_tui.berekening import Berekening
from smi_tui.regeling import Regeling

KEUZES = ("ouder", "opvangorganisatie")


def ontvanger(r: Regeling) -> str:
    """'ouder' or 'opvangorganisatie': the regulation's own, or the college's choice where it leaves one."""
    if r.betaling.aan == "ouder":
        return "ouder"
    if r.betaling.aan == "aanbieder":
        return "opvangorganisatie"
    keuze = config.brieftekst("betaling_aan", r.gemeente_code).lower()
    if keuze and keuze not in KEUZES:
        raise g.fout(f"In {config.config_bestand()} staat betaling_aan = \"{keuze}\". Kies \"ouder\" of "
                     "\"opvangorganisatie\": aan wie het college de tegemoetkoming betaalt.")  # fmt: skip
    return keuze or "opvangorganisatie"


def betaalzin(r: Regeling, b: Berekening) -> str:
    """'Wij betalen de tegemoetkoming elke maand aan de opvangorganisatie (X), …' with the regulation's article."""
    aanbieders = list(dict.fromkeys(k.opvang.aanbieder for k in b.kinderen if k.maanden))
    artikel = g.bij_regeling(r.betaling.artikel, r)
    if ontvanger(r) == "ouder":
        return (f"Wij betalen de tegemoetkoming elke maand aan u, nadat u ons de factuur van de kinderopvang heeft "
                f"gestuurd. U betaalt de hele factuur zelf aan de kinderopvang ({artikel}).")  # fmt: skip
    wie = "de opvangorganisatie" + (f" ({g.opsomming(aanbieders)})" if aanbieders else "")
    return (f"Wij betalen de tegemoetkoming elke maand rechtstreeks aan {wie}, nadat die ons de factuur heeft "
            f"gestuurd. U betaalt alleen uw eigen bijdrage zelf aan de kinderopvang ({artikel}).")  # fmt: skip
