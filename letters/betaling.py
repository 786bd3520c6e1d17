"""Who is paid, as the decision states it. A regulation that pays 'aan de ouder of de opvangorganisatie' (Eemnes
artikel 3.7 lid 1) leaves the choice to the college; the letter never repeats that choice to the parent but states
the one made and where the regulation allows it. The choice is the regulation's own, the consulent's on the besluit,
or the municipality's ``betaling_aan`` in config.toml (see :func:`smi_tui.besluitregels.betaalkeuze`); when none
made it, no letter is made: a Dutch message says how to decide."""

from __future__ import annotations

from letters import gegevens as g
from smi_tui.berekening import Berekening
from smi_tui.besluitregels import betaalkeuze, betaalkeuze_ontbreekt
from smi_tui.fouten import SmiFout
from smi_tui.regeling import Regeling
from smi_tui.zaak import BetalingAan, Zaak


def ontvanger(zaak: Zaak | None, r: Regeling) -> BetalingAan:
    """Who is paid; BriefFout (Dutch) when the regulation leaves the choice and nothing decided it."""
    try:
        keuze = betaalkeuze(zaak, r)
    except SmiFout as exc:
        raise g.fout(exc.melding) from None
    if keuze is None:
        raise g.fout(betaalkeuze_ontbreekt(r))
    return keuze.aan


def betaalzin(zaak: Zaak | None, r: Regeling, b: Berekening) -> str:
    """'Wij betalen de tegemoetkoming elke maand aan de opvangorganisatie (X), …' with the regulation's article, and
    where the regulation leaves the choice, that the college chose."""
    aanbieders = list(dict.fromkeys(k.opvang.aanbieder for k in b.kinderen if k.maanden))
    artikel = g.bij_regeling(r.betaling.artikel, r)
    aan = ontvanger(zaak, r)
    if aan == BetalingAan.OUDER:
        zin = (
            "Wij betalen de tegemoetkoming elke maand aan u, nadat u ons de factuur van de kinderopvang heeft "
            "gestuurd. U betaalt de hele factuur zelf aan de kinderopvang."
        )
    else:
        wie = "de opvangorganisatie" + (f" ({g.opsomming(aanbieders)})" if aanbieders else "")
        zin = (
            f"Wij betalen de tegemoetkoming elke maand rechtstreeks aan {wie}, nadat die ons de factuur heeft "
            "gestuurd. U betaalt alleen uw eigen bijdrage zelf aan de kinderopvang."
        )
    if r.betaling.aan != "ouder_of_aanbieder":
        return f"{zin[:-1]} ({artikel})."
    gekozen = "aan u" if aan == BetalingAan.OUDER else "aan de opvangorganisatie"
    return (
        f"{zin} De regeling laat ons kiezen of wij aan u of aan de opvangorganisatie betalen ({artikel}); wij "
        f"hebben gekozen voor betaling {gekozen}."
    )
