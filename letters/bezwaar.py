"""The bezwaarclausule every decision ends with (Awb 3:45): who may object, within which term and how it is counted,
when an objection is on time, what it must hold and where it goes."""

from __future__ import annotations

import re
from datetime import date

from letters import gegevens as g
from letters import huisstijl as h
from smi_tui import config
from smi_tui.datums import nl_datum
from smi_tui.regeling import Regeling
from smi_tui.termijnen import bezwaartermijn_einde
from smi_tui.zaak import Zaak

MET_ONDERTEKENING = 2
"""The last paragraphs of the clause (the voorlopige voorziening and the invitation to call) that the caller keeps on
one page with the signature, so that a last page never holds the signature alone."""


def bezwaarclausule(zaak: Zaak, r: Regeling, verzonden: date) -> list:
    """Who may object (1:2; the partner only when there is one), the term from ``verzonden`` (6:7, 6:8), when an
    objection is on time (6:9), what it holds (6:5) and where it goes; the last :data:`MET_ONDERTEKENING` flowables
    are kept with the signature by the caller."""
    bz = r.bezwaar
    einde = bezwaartermijn_einde(verzonden)
    adres = ", ".join(bz.adres)
    wie = ", dus ook uw partner" if zaak.partner is not None else ""
    # the court of the municipality's district, as the beheerder enters it in config.toml ([brieven] rechtbank)
    rechtbank = config.brieftekst("rechtbank", r.gemeente_code) or "rechtbank"
    return [
        *h.kop("Bent u het niet eens met dit besluit?"),
        h.p("Dan kunt u bezwaar maken. Dat mag iedereen die rechtstreeks bij dit besluit betrokken is "
            f"(belanghebbende, artikel 1:2 Awb){wie}."),
        h.pm(f"U maakt bezwaar binnen <b>zes weken</b>. Die termijn begint op de dag na de dag waarop wij deze brief "
             f"hebben verstuurd ({h.e(nl_datum(verzonden))}) en eindigt op <b>{h.e(nl_datum(einde))}</b> (artikel "
             "6:7 en 6:8 Awb)."),
        h.p("Uw bezwaar is op tijd als wij het vóór het einde van die termijn hebben ontvangen. Stuurt u het per "
            "post, dan is het ook op tijd als u het vóór het einde van de termijn op de post heeft gedaan en wij het "
            "niet later dan een week na het einde van de termijn ontvangen (artikel 6:9 Awb)."),
        h.p(f"Stuur uw bezwaarschrift aan {bz.indienen_bij}, {adres}."
            + (f" U kunt ook digitaal bezwaar maken: {_digitaal(bz.digitaal)}." if bz.digitaal else "")),
        h.p("Zet in uw bezwaarschrift: uw naam en adres, de datum, om welk besluit het gaat (noem het kenmerk van "
            f"deze brief: {g.kenmerk(zaak)}), waarom u het niet eens bent met het besluit, en uw handtekening "
            "(artikel 6:5 Awb). Bezwaar maken is gratis."),
        h.p(f"Is uw zaak spoedeisend? Dan kunt u de voorzieningenrechter van de {rechtbank} vragen om een voorlopige "
            "voorziening (artikel 8:81 Awb). Dat kan alleen als u ook bezwaar heeft gemaakt."),
        h.p(g.vragen(zaak, r) + " Samen kijken we of er een oplossing is, soms zonder dat bezwaar nodig is."),
    ]  # fmt: skip


def _digitaal(tekst: str) -> str:
    """The regulation files word the digital route differently ('of digitaal via ...', 'via ...')."""
    return re.sub(r"^(of\s+)?(digitaal\s+)?", "", tekst.strip()).rstrip(".")
